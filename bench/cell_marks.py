#!/usr/bin/env python3
"""Cell marks benchmark: what the selection marks (``ui.widgets.cell_marks``: a label's frame,
the stars, a flag's badge) cost a grid cell's paint, against the rest of the cell in the same
process: its thumbnail (a 160 x 120 pixmap) and its name drawn, as ``ThumbnailDelegate`` does.

A filter on a label, a rating or a flag shows a mark on every cell of its first page, where a
search shows a few (issue 12: "a filter over 1,000,000 photos shows its first page as fast as the
text search does"). Prints each kind of mark's cost a cell (median of ``--rounds`` paints of 100
cells onto an offscreen image) and ``RESULT marks_cell_ratio R``: a label, a rating and a pick
together over the rest of the cell. A reject's dimming is a translucent fill over the whole
photo, dearer than the rest (printed, not in the ratio). Run: ``python bench/cell_marks.py``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

import photoarchive.ui  # noqa: F401 - its PySide6 guard first
from photoarchive.ui.widgets.cell_marks import paint_marks

CELLS = 100
MARKS = {
    "a red label": (None, "red", ""),
    "four stars": (4, "", ""),
    "a pick": (None, "", "pick"),
    "a reject": (None, "", "reject"),
    "red, four stars, a pick": (4, "red", "pick"),
    "red, four stars, a reject": (4, "red", "reject"),
}


def timed(image: QImage, paint_cell: Callable[[QPainter, QRect], None], rounds: int) -> float:
    """The median time a cell of ``rounds`` paints of ``CELLS`` cells."""
    times = []
    for _ in range(rounds):
        painter = QPainter(image)
        start = time.perf_counter()
        for i in range(CELLS):
            paint_cell(painter, QRect((i % 10) * 180 + 10, (i // 10) * 150 + 10, 160, 120))
        times.append((time.perf_counter() - start) / CELLS)
        painter.end()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    image = QImage(1820, 1520, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(240, 240, 240))
    thumbnail = QPixmap(160, 120)
    thumbnail.fill(QColor(90, 120, 150))
    metrics = QFontMetrics(app.font())

    def rest(painter: QPainter, target: QRect) -> None:  # the thumbnail and the name
        painter.drawPixmap(target, thumbnail)
        text = QRect(target.left(), target.bottom() + 4, target.width(), metrics.height() + 4)
        name = metrics.elidedText("SHU15_0153.jpg", Qt.TextElideMode.ElideMiddle, text.width())
        painter.setPen(QColor(20, 20, 20))
        painter.drawText(text, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, name)

    reference = timed(image, rest, args.rounds)
    print(f"the rest of a cell (thumbnail and name): {reference * 1e6:.1f} µs a cell")
    costs = {}
    for name, (rating, label, flag) in MARKS.items():
        costs[name] = timed(image, lambda p, t: paint_marks(p, t, 160, rating, label, flag), args.rounds)  # noqa: B023
        print(f"  {name:<28} {costs[name] * 1e6:5.1f} µs a cell  ratio {costs[name] / reference:5.2f}")
    print(f"RESULT marks_cell_ratio {costs['red, four stars, a pick'] / reference:.2f}")


if __name__ == "__main__":
    main()
