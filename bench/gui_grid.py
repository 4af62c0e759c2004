#!/usr/bin/env python3
"""GUI benchmark: an archive of N photos (100,000 by default; 1,000,000) in the main window.

Builds (once, in bench/.cache/grid-N) a catalog of N photos inserted in bulk (executemany in one transaction), each
with a caption and keywords in English, Russian or Japanese; the thumbnails are symbolic
links to 48 real JPEGs (every photo has its own path, as in a real archive). Then, offscreen,
measures against references run in the same process:

- opening: ``MainWindow(catalog)`` until the grid's first paint (and until every id and the
  sources' counts arrived from the background); reference: a plain QListView over a
  QStringListModel of N strings (the cheapest possible list), rounds alternating;
- scrolling: the grid (every id loaded) scrolled a page at a time from top to bottom (frames
  painted synchronously); reference: the plain QListView scrolled the same way; p95 to p95;
- search: time from the search text to the first results painted (the as-you-type debounce
  of 150 ms comes on top); reference: the bare SQL listing every match, sorted
  (``catalog.photo_ids(search=...)``); a search with no match has no first results and is
  printed but left out of the ratio;
- layout stall: the longest the GUI thread is held (a 1 ms timer's longest gap) from a search
  cleared (the whole list back: its first page, then the rest from the background) until Qt
  has laid every row out; reference: the same window with Qt's single-pass layout (what the
  grid used before laying out in batches of ``LAYOUT_BATCH``), rounds alternating;
- memory: peak RSS of a process of its own that opens the window, waits for every id and
  count, scrolls and searches (the catalog's building and the references are not in it).

It ends with one line per figure: ``RESULT first_paint_ratio R``, ``RESULT search_ratio R``
(the slowest search), ``RESULT scroll_p95_ratio R``, ``RESULT layout_stall_ratio R``,
``RESULT peak_rss_mb M``.

Run: ``QT_QPA_PLATFORM=offscreen python bench/gui_grid.py [--photos N] [--rounds R] [--rebuild]``.
Machines are shared, so compare the ratios rather than the absolute times.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image, ImageDraw
from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, QStringListModel, QTimer
from PySide6.QtWidgets import QApplication, QListView

import photoarchive.ui  # noqa: F401 - its PySide6 6.12.0 guard (ui/compat.py) first
from photoarchive.catalog import Catalog
from photoarchive.catalog.search import reindex_all

# Another folder for the catalogs (a copy to try a migration on): PHOTOARCHIVE_BENCH_CACHE.
CACHE = Path(os.environ.get("PHOTOARCHIVE_BENCH_CACHE") or Path(__file__).resolve().parent / ".cache")
WORDS = [
    "tank", "wreck", "beach", "fog", "trench", "memorial", "Height 171", "Cape Kokutan", "landing",
    "танк", "дот", "высота", "туман", "берег", "траншея", "экспедиция", "Кокутан",
    "戦車", "霧", "海岸", "占守島", "竹田浜", "慰霊碑", "調査",
]  # fmt: skip
QUERIES = ["tank", "Кокутан", "竹田浜", "霧", "beach fog", "zzzz-nothing"]


def build(root: Path, count: int) -> None:
    """A catalog of ``count`` photos inserted in bulk, with shared thumbnail files."""
    if root.exists():
        shutil.rmtree(root)
    catalog = Catalog(root)
    rnd = random.Random(1945)
    shared = root / "shared-thumbnails"
    shared.mkdir()
    sources = []
    for i in range(48):
        image = Image.new("RGB", (256, 171), (40 + i * 4, 90 + i * 2, 140 - i))
        ImageDraw.Draw(image).rectangle((20 + i * 3, 100, 120 + i * 2, 150), fill=(120, 70, 40))
        path = shared / f"thumb-{i}.jpg"
        image.save(path, quality=85)
        sources.append(path)
    batch = catalog.start_batch(["/bench"])
    rows = []
    for i in range(count):
        sha = hashlib.sha256(str(i).encode()).hexdigest()
        words = rnd.sample(WORDS, 4)
        caption = f"Photo {i}: " + " ".join(words)
        keywords = json.dumps(rnd.sample(WORDS[:9], 2), ensure_ascii=False)
        day = 10 + i % 10
        rows.append(
            (
                sha,
                f"2015/08/IMG_{i:06d}.JPG",
                f"IMG_{i:06d}.JPG",
                f"/bench/IMG_{i:06d}.JPG",
                3_000_000,
                "JPEG",
                6000,
                4000,
                1,
                f"2015-08-{day:02d}T{(i // 60) % 24:02d}:{i % 60:02d}:00",
                batch,
                "2026-01-01T00:00:00+00:00",
                caption,
                "Sample Expedition",
                keywords,
            )
        )
        link = catalog.paths.thumbnail(sha, 256)
        link.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(sources[i % len(sources)], link)
    with catalog.conn:
        catalog.conn.execute("BEGIN")
        catalog.conn.executemany(
            "INSERT INTO photos (sha256, original_path, original_name, source_path, size, format, width, height,"
            " orientation, captured_at, batch_id, imported_at, caption, credit, keywords)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        reindex_all(catalog.conn)  # the search text and key of each photo
        catalog.conn.execute("COMMIT")
    catalog.finish_batch(batch, imported=count, duplicates=0, failed=0, status="completed")
    catalog.close()


class FirstPaint(QObject):
    """Notes the time of the first paint event of a widget."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.at: float | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
        return False


def until(app: QApplication, condition, timeout: float = 30.0) -> float:
    start = time.perf_counter()
    while not condition():
        app.processEvents()
        if time.perf_counter() - start > timeout:
            break
        time.sleep(0.001)
    return time.perf_counter() - start


def visible_loaded(window) -> bool:
    """Every cell on screen has its thumbnail."""
    view, model = window.grid, window.grid_model
    rect = view.viewport().rect()
    first = view.indexAt(rect.topLeft() + QPoint(view.gridSize().width() // 2, view.gridSize().height() // 2))
    if not first.isValid():
        return False
    rows = [
        r
        for r in range(first.row(), min(first.row() + 400, model.rowCount()))
        if view.visualRect(model.index(r)).intersects(rect)
    ]
    return bool(rows) and all(window.thumbnails.cached(model.cell(r).sha256) is not None for r in rows)


def open_window(app: QApplication, root: Path, settings: QSettings) -> tuple[object, dict[str, float]]:
    from photoarchive.ui.main_window import MainWindow

    start = time.perf_counter()
    catalog = Catalog(root)
    window = MainWindow(catalog, settings, owns_catalog=True)
    window.resize(1400, 900)
    painted = FirstPaint(window.grid.viewport())
    window.show()
    until(app, lambda: painted.at is not None)
    first_paint = (painted.at or time.perf_counter()) - start
    until(app, lambda: visible_loaded(window))
    return window, {"first paint": first_paint, "thumbnails on screen": time.perf_counter() - start}


def reference_open(app: QApplication, count: int) -> tuple[QListView, float]:
    start = time.perf_counter()
    model = QStringListModel([f"IMG_{i:06d}.JPG" for i in range(count)])
    view = QListView()
    view.setUniformItemSizes(True)
    view.setModel(model)
    view.resize(1400, 900)
    painted = FirstPaint(view.viewport())
    view.show()
    until(app, lambda: painted.at is not None)
    return view, (painted.at or time.perf_counter()) - start


def scroll(app: QApplication, view, pages: int) -> list[float]:
    """Scroll a page at a time, painting each frame synchronously; per-frame seconds."""
    bar = view.verticalScrollBar()
    step = max(1, (bar.maximum() - bar.minimum()) // pages)
    frames = []
    bar.setValue(0)
    app.processEvents()
    for k in range(pages):
        start = time.perf_counter()
        bar.setValue(min(bar.maximum(), k * step))
        view.viewport().repaint()
        app.processEvents()
        frames.append(time.perf_counter() - start)
    return frames


def describe(frames: list[float]) -> str:
    ms = sorted(f * 1000 for f in frames)
    p95 = ms[int(len(ms) * 0.95) - 1]
    return f"median {statistics.median(ms):6.2f} ms, p95 {p95:6.2f} ms, max {ms[-1]:6.2f} ms"


def search_sql(root: Path, query: str, order: str = "captured") -> tuple[int, float]:
    """The reference for a search: the bare SQL that lists every match, sorted (what the grid
    ran before it paged): (matches, seconds)."""
    with Catalog(root) as catalog:
        start = time.perf_counter()
        found = catalog.photo_ids(search=query, order=order)
        return len(found), time.perf_counter() - start


def search_window(app: QApplication, window, query: str) -> tuple[float, float]:
    """(seconds to the first results painted, seconds to the whole list in the grid)."""
    start = time.perf_counter()
    window._search(query)
    window.grid.viewport().repaint()
    first = time.perf_counter() - start
    until(app, lambda: window._grid_rest is None, timeout=60)
    return first, time.perf_counter() - start


def layout_stall(app: QApplication, window, mode: QListView.LayoutMode) -> tuple[float, float]:
    """(the longest stall, seconds until every row is laid out) from clearing a search, with
    the grid laying out in ``mode``."""
    grid = window.grid
    grid.setLayoutMode(mode)
    window._search("tank")
    until(app, lambda: window._grid_rest is None and grid.laid_out(), timeout=120)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    start = time.perf_counter()
    window._search("")
    until(app, lambda: window._grid_rest is None and grid.laid_out(), timeout=120)
    done = time.perf_counter() - start
    timer.stop()
    return max(b - a for a, b in zip([start, *ticks], [*ticks, time.perf_counter()], strict=True)), done


def loaded(window, count: int) -> bool:
    return window.grid_model.rowCount() == count and window._grid_rest is None and window._counting is None


def p95(frames: list[float]) -> float:
    ms = sorted(frames)
    return ms[max(0, int(len(ms) * 0.95) - 1)]


def window_rss(root: Path, count: int, pages: int) -> None:
    """In a process of its own (so that building the catalog and the references do not count):
    the window opened, the full list and the counts arrived, scrolled, searched; prints the
    peak RSS in MB."""
    import resource

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)
    window, _ = open_window(app, root, settings)
    until(app, lambda: loaded(window, count), timeout=120)
    scroll(app, window.grid, pages)
    for query in QUERIES:
        search_window(app, window, query)
    window._search("")
    until(app, lambda: loaded(window, count), timeout=120)
    # VmHWM, the high-water mark of this process's own memory: ru_maxrss would also carry the
    # parent's, inherited across the fork and exec that started this process.
    status = Path("/proc/self/status")
    hwm = [line.split()[1] for line in status.read_text().splitlines() if line.startswith("VmHWM:")]
    print(f"peak_rss_kb {hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=300, help="scroll steps from top to bottom")
    parser.add_argument("--rounds", type=int, default=3, help="openings and searches measured, best and median")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--rss-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    root = CACHE / f"grid-{args.photos}"
    if args.rss_only:
        window_rss(root, args.photos, args.pages)
        return
    if args.rebuild or not (root / "catalog.sqlite").exists():
        print(f"building a catalog of {args.photos:,} photos in {root} ...", flush=True)
        start = time.perf_counter()
        build(root, args.photos)
        print(f"  built in {time.perf_counter() - start:.1f} s")
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)

    with Catalog(root) as catalog:  # any pending migration runs here, outside the timings
        catalog.count_photos()

    print(f"\nOpening {args.photos:,} photos ({args.rounds} rounds, the reference and the window alternating)")
    reference_paints, window_paints, window_full = [], [], []
    window = reference_view = None
    for _ in range(args.rounds):
        if reference_view is not None:
            reference_view.close()
            reference_view.deleteLater()
        reference_view, paint = reference_open(app, args.photos)
        reference_paints.append(paint)
        if window is not None:
            window.close()
            window.deleteLater()
        app.processEvents()
        start = time.perf_counter()
        window, opened = open_window(app, root, settings)
        window_paints.append(opened["first paint"])
        until(app, lambda opened_window=window: loaded(opened_window, args.photos), timeout=120)
        window_full.append(time.perf_counter() - start)
    ref, win = statistics.median(reference_paints), statistics.median(window_paints)
    first_paint_ratio = win / ref
    print(
        f"  reference: plain QListView + QStringListModel  best {min(reference_paints) * 1000:8.1f} ms"
        f"  median {ref * 1000:8.1f} ms to first paint"
    )
    print(
        f"  main window: first paint of the grid           best {min(window_paints) * 1000:8.1f} ms"
        f"  median {win * 1000:8.1f} ms  ({first_paint_ratio:.2f}x the plain list, medians)"
    )
    print(
        f"  main window: every id and the counts arrived   best {min(window_full) * 1000:8.1f} ms"
        f"  median {statistics.median(window_full) * 1000:8.1f} ms (in the background)"
    )

    until(app, window.grid.laid_out, timeout=120)  # Qt lays the rows out in batches
    grid_frames = scroll(app, window.grid, args.pages)
    reference_frames = scroll(app, reference_view, args.pages)
    scroll_ratio = p95(grid_frames) / p95(reference_frames)
    print(f"\nScrolling top to bottom in {args.pages} steps (one synchronous paint each)")
    print(f"  reference: plain QListView   {describe(reference_frames)}")
    print(f"  photo grid (thumbnails)      {describe(grid_frames)}")
    print(
        f"  p95 {scroll_ratio:.2f}x the plain list's p95; {p95(grid_frames) / statistics.median(reference_frames):.2f}x"
        f" its median; frames over 16.7 ms: {sum(f > 1 / 60 for f in grid_frames)} of {len(grid_frames)}"
    )

    print("\nSearch: first results painted, against the bare SQL listing every match (debounce of 150 ms on top)")
    search_ratios = []
    for query in QUERIES:
        sqls, firsts, fulls = [], [], []
        for _ in range(args.rounds):
            found, sql = search_sql(root, query)
            first, full = search_window(app, window, query)
            sqls.append(sql)
            firsts.append(first)
            fulls.append(full)
            window._search("")
            until(app, lambda: window._grid_rest is None, timeout=60)
        sql, first = statistics.median(sqls), statistics.median(firsts)
        ratio = first / max(sql, 1e-6)
        note = ""
        if found:
            search_ratios.append(ratio)
        else:
            note = "  (no match: no first results; left out of search_ratio)"
        print(
            f"  {query!r:16} {found:>9,} found  SQL {sql * 1000:8.1f} ms  first results {first * 1000:7.1f} ms"
            f" ({ratio:.3f}x; best {min(firsts) * 1000:.1f} ms)  all in grid {statistics.median(fulls) * 1000:8.1f} ms{note}"
        )
    window._search("")
    until(app, lambda: window._grid_rest is None and window.grid.laid_out(), timeout=120)

    print(f"\nClearing a search ({args.photos:,} photos back): the longest stall until every row is laid out")
    stalls: dict[str, list[tuple[float, float]]] = {"single pass (reference)": [], "batches": []}
    for _ in range(args.rounds):
        stalls["single pass (reference)"].append(layout_stall(app, window, QListView.LayoutMode.SinglePass))
        stalls["batches"].append(layout_stall(app, window, QListView.LayoutMode.Batched))
    for name, runs in stalls.items():
        longest, done = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        print(f"  {name:26} longest stall median {longest * 1000:7.1f} ms  all laid out after {done * 1000:7.1f} ms")
    stall_ratio = statistics.median(r[0] for r in stalls["batches"]) / statistics.median(
        r[0] for r in stalls["single pass (reference)"]
    )
    window.close()
    reference_view.close()

    import subprocess

    result = subprocess.run(
        [sys.executable, __file__, "--photos", str(args.photos), "--pages", str(args.pages), "--rss-only"],
        capture_output=True,
        text=True,
        check=True,
    )
    rss_kb = int(result.stdout.split("peak_rss_kb")[-1].split()[0])
    print(
        f"\nWindow alone (own process: opened, all ids and counts, scrolled, searched): peak RSS {rss_kb / 1024:.0f} MB"
    )
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}\n")
    print(f"RESULT first_paint_ratio {first_paint_ratio:.3f}")
    print(f"RESULT search_ratio {max(search_ratios) if search_ratios else 0.0:.3f}")
    print(f"RESULT scroll_p95_ratio {scroll_ratio:.3f}")
    print(f"RESULT layout_stall_ratio {stall_ratio:.3f}")
    print(f"RESULT peak_rss_mb {rss_kb / 1024:.0f}")


if __name__ == "__main__":
    main()
