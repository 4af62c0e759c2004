#!/usr/bin/env python3
"""GUI benchmark: a 100,000-photo archive in the main window.

Builds (once, in bench/.cache/grid-100k) a catalog of 100,000 photos inserted in bulk, each
with a caption and keywords in English, Russian or Japanese; the thumbnails are symbolic
links to 48 real JPEGs (every photo has its own path, as in a real archive). Then, offscreen,
measures against references run in the same process:

- opening: ``MainWindow(catalog)`` until the grid's first paint, and until the thumbnails on
  screen are loaded; reference: a plain QListView over a QStringListModel of 100,000 rows
  (the cheapest possible list), and the raw ``SELECT id`` of the photos;
- scrolling: the grid scrolled a page at a time from top to bottom (frames painted
  synchronously), per-frame times; reference: the plain QListView scrolled the same way;
- search: time from the search text to the grid holding the results (the as-you-type
  debounce of 150 ms comes on top); reference: ``catalog.photo_ids(search=...)`` alone.

Run: ``QT_QPA_PLATFORM=offscreen python bench/gui_grid.py [--photos N] [--rebuild]``.
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
from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, QStringListModel
from PySide6.QtWidgets import QApplication, QListView

import photoarchive.ui  # noqa: F401 - its PySide6 6.12.0 guard (ui/compat.py) first
from photoarchive.catalog import Catalog
from photoarchive.catalog.search import TEXT_SOURCES

CACHE = Path(__file__).resolve().parent / ".cache"
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
        text = " || ' ' || ".join(f"coalesce({s}, '')" for s in TEXT_SOURCES)
        catalog.conn.execute(f"INSERT INTO photos_fts (rowid, text) SELECT p.id, {text} FROM photos p")
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=300, help="scroll steps from top to bottom")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    root = CACHE / f"grid-{args.photos}"
    if args.rebuild or not (root / "catalog.sqlite").exists():
        print(f"building a catalog of {args.photos:,} photos in {root} ...", flush=True)
        start = time.perf_counter()
        build(root, args.photos)
        print(f"  built in {time.perf_counter() - start:.1f} s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)

    with Catalog(root) as catalog:  # any pending migration runs here, outside the timings
        catalog.count_photos()
    start = time.perf_counter()
    with Catalog(root) as catalog:
        ids = catalog.photo_ids()
    sql_ids = time.perf_counter() - start
    reference_view, reference_paint = reference_open(app, args.photos)
    window, opened = open_window(app, root, settings)
    print(f"\nOpening {len(ids):,} photos")
    print(f"  reference: SELECT of the ids, sorted            {sql_ids * 1000:8.1f} ms")
    print(f"  reference: plain QListView + QStringListModel   {reference_paint * 1000:8.1f} ms to first paint")
    print(
        f"  main window: first paint of the grid            {opened['first paint'] * 1000:8.1f} ms"
        f"  ({opened['first paint'] / reference_paint:.1f}x the plain list)"
    )
    print(f"  main window: thumbnails on screen loaded        {opened['thumbnails on screen'] * 1000:8.1f} ms")

    grid_frames = scroll(app, window.grid, args.pages)
    reference_frames = scroll(app, reference_view, args.pages)
    ratio = statistics.median(grid_frames) / statistics.median(reference_frames)
    print(f"\nScrolling top to bottom in {args.pages} steps (one synchronous paint each)")
    print(f"  reference: plain QListView   {describe(reference_frames)}")
    print(f"  photo grid (thumbnails)      {describe(grid_frames)}  ({ratio:.1f}x the plain list's median)")
    print(f"  frames over 16.7 ms: {sum(f > 1 / 60 for f in grid_frames)} of {len(grid_frames)}")

    print("\nSearch (grid updated; the as-you-type debounce of 150 ms comes on top)")
    with Catalog(root) as catalog:
        for query in QUERIES:
            start = time.perf_counter()
            found = catalog.photo_ids(search=query)
            sql = time.perf_counter() - start
            start = time.perf_counter()
            window._search(query)
            app.processEvents()
            gui = time.perf_counter() - start
            print(
                f"  {query!r:16} {len(found):>7,} found   SQL {sql * 1000:7.1f} ms   grid {gui * 1000:7.1f} ms"
                f"  ({gui / max(sql, 1e-6):.1f}x)"
            )
    window._search("")
    window.close()


if __name__ == "__main__":
    main()
