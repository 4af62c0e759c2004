#!/usr/bin/env python3
"""GUI benchmark: a rating key pressed on the grid until the cell shows the new stars.

The window (offscreen) on a catalog of N photos (100,000 by default), built once as
``bench/gui_grid.py`` builds its catalogs, in bench/.cache/rate-N. A cell on screen is
selected and the grid has the focus; each round presses 3 (or 2, alternately, so that every
press changes the rating) and times from the key press to the paint of that cell with the
new rating: the shortcut, the edit (one undo step, written to the catalog and its history),
the cell's new values and its repaint. The reference, in the same rounds: the same cell
repainted without an edit (``update`` of its rectangle until its paint), one frame's work.
Then View > Cull is opened over every photo of the grid (until the view's first paint), against
the window's own opening (its first paint); and the culling view's rows are read a page at a
time (``CatalogPhotos``): the time of one page read, at random places of the grid's ids.

Prints best and median of each, the load average, and ``RESULT rate_to_paint_ms X`` (the
median) and ``RESULT rate_to_paint_ratio R`` (median against the reference's median). The
issue's budget is one frame, 16 ms.

Run: ``QT_QPA_PLATFORM=offscreen python bench/rate_key.py [--photos N] [--rounds R] [--rebuild]``.
``--cull-only`` skips the key presses (nothing is written) and times View > Cull ``--culls``
times; ``--catalog DIR`` uses another bench catalog, e.g. bench/.cache/grid-1000000 (read only
with ``--cull-only``).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gui_grid import CACHE, FirstPaint, build, open_window, until
from photoarchive.catalog import Catalog
from photoarchive.ui.culling import CatalogPhotos


class PaintWatch:
    """Wraps the grid delegate's paint: the time a given row was last painted, and with what rating."""

    def __init__(self, window) -> None:
        self.row = -1
        self.at: float | None = None
        self.rating: object = None
        delegate = window.grid.delegate
        original = delegate.paint
        model = window.grid_model

        def paint(painter, option, index) -> None:
            original(painter, option, index)
            if index.row() == self.row and self.at is None:
                self.at = time.perf_counter()
                self.rating = model.cell(index.row()).rating

        delegate.paint = paint

    def arm(self, row: int) -> None:
        self.row, self.at, self.rating = row, None, None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--cull-only", action="store_true", help="time View > Cull only; write nothing")
    parser.add_argument("--culls", type=int, default=3, help="how many times View > Cull is opened")
    parser.add_argument("--catalog", type=Path, help="a bench catalog folder (default bench/.cache/rate-N)")
    args = parser.parse_args()
    root = args.catalog or CACHE / f"rate-{args.photos}"
    if args.rebuild or not (root / "catalog.sqlite").exists():
        print(f"building a catalog of {args.photos:,} photos in {root} ...", flush=True)
        start = time.perf_counter()
        build(root, args.photos)
        print(f"  built in {time.perf_counter() - start:.1f} s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)
    with Catalog(root) as catalog:  # a pending migration runs here, outside the timings
        catalog.count_photos()
    window, opened = open_window(app, root, settings)
    print(f"window open in {opened['first paint'] * 1000:.0f} ms (first paint)")
    until(app, lambda: window.grid_model.rowCount() == args.photos, timeout=60)
    grid, model = window.grid, window.grid_model
    row = 5
    photo = model.id_at(row)
    window.select_photos([photo])
    window.activateWindow()
    until(app, window.isActiveWindow, timeout=5)
    grid.setFocus()
    until(app, grid.hasFocus, timeout=5)
    watch = PaintWatch(window)
    rect = grid.visualRect(model.index(row))

    rated: list[float] = []
    reference: list[float] = []
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for round_number in range(0 if args.cull_only else args.rounds):
        stars = 3 if round_number % 2 == 0 else 2
        until(app, lambda: False, timeout=0.02)  # idle between presses, as a curator's are
        watch.arm(row)
        start = time.perf_counter()
        QTest.keyClick(grid, Qt.Key.Key_3 if stars == 3 else Qt.Key.Key_2)
        until(app, lambda s=stars: watch.at is not None and watch.rating == s, timeout=5)
        if watch.at is None or watch.rating != stars:
            raise SystemExit(f"the cell was not painted with {stars} stars")
        rated.append(watch.at - start)

        until(app, lambda: False, timeout=0.02)
        watch.arm(row)
        start = time.perf_counter()
        grid.viewport().update(rect)
        until(app, lambda: watch.at is not None, timeout=5)
        reference.append((watch.at or time.perf_counter()) - start)
    window.edits.stack.setIndex(0)  # the rounds undone: the cached catalog keeps no rating
    steps = window.edits.stack.count()
    # View > Cull over every photo of the grid, from the selected one, until its first paint.
    culls = []
    for _ in range(args.culls):
        start = time.perf_counter()
        view = window.culling.open_cull()
        if view is None:
            raise SystemExit("View > Cull did not open")
        painted = FirstPaint(view.canvas)  # shown on the next pass of the event loop, not before
        until(app, lambda p=painted: p.at is not None, timeout=30)
        culls.append((painted.at or time.perf_counter()) - start)
        view.close()
        until(app, lambda: False, timeout=0.05)
    # One page of the culling view's rows read, at random places (a step onto a page not held).
    photos = CatalogPhotos(window.catalog, model.ids())
    pages = []
    for page in random.Random(1).sample(range(len(photos) // photos.page_size), 40):
        start = time.perf_counter()
        photos.photo(page * photos.page_size)
        pages.append(time.perf_counter() - start)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    window.close()

    def ms(values: list[float]) -> str:
        return f"best {min(values) * 1000:.2f} ms, median {statistics.median(values) * 1000:.2f} ms"

    if rated:
        print(f"\n{args.rounds} key presses on a cell of {args.photos:,} photos ({steps} undo steps, undone after)")
        print(f"  key 3/2 pressed -> cell painted with the stars: {ms(rated)}")
        print(f"  reference, the same cell repainted (no edit):    {ms(reference)}")
    print(f"  View > Cull over the grid's {args.photos:,} photos, to its first paint: {ms(culls)}")
    print(f"  reference, the window opened on them (first paint): {opened['first paint'] * 1000:.0f} ms")
    print(f"  a page of {photos.page_size} culling rows read by id: {ms(pages)}")
    if rated:
        median = statistics.median(rated)
        print(f"RESULT rate_to_paint_ms {median * 1000:.2f}")
        print(f"RESULT rate_to_paint_ratio {median / statistics.median(reference):.2f}")
    print(f"RESULT cull_open_ratio {statistics.median(culls) / opened['first paint']:.2f}")


if __name__ == "__main__":
    main()
