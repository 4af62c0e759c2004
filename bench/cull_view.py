#!/usr/bin/env python3
"""GUI benchmark: the culling view stepping through 24-megapixel photos (issue 12).

Opens ``CullView`` (offscreen, 1366x768) over N 6000x4000 JPEGs from bench/make_photos.py
and presses Right N-1 times, as a curator does: after each step it waits until the view has
nothing left to decode (the curator looking at the photo), then times the step from the key
to the photo painted at full resolution (``repaint`` of the window, synchronous).

- cull: the view as shipped (the next and previous photos decoded ahead);
- reference: the same view with nothing decoded ahead (``ahead=0``): each step waits for its
  original to be decoded, as the loupe does today.

Rounds alternate the two. Prints every round's median, best and median over rounds, the
ratio reference / cull, the cache's peak bytes, and ``os.getloadavg()`` (the machine is shared).

Run: ``QT_QPA_PLATFORM=offscreen python bench/cull_view.py [--photos 8] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import photoarchive.ui  # noqa: F401 - its PySide6 guard first
from _photos import camera_photos, warm
from photoarchive.ui.culling import CullPhoto
from photoarchive.ui.widgets.cull_view import CullView


def wait(condition, timeout: float = 60.0) -> None:
    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError("the view did not finish decoding")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def run(photos: list[CullPhoto], ahead: int) -> tuple[list[float], int]:
    """Seconds from Right to the full-resolution photo painted, for each step; the cache's peak bytes."""
    view = CullView(photos, ahead=ahead)
    view.resize(1366, 768)
    view.show()
    peak = 0
    steps = []
    try:
        for _ in range(len(photos) - 1):
            wait(lambda: view.cache.pending() == 0)  # the curator looks at the photo
            peak = max(peak, view.cache.cached_bytes())
            start = time.perf_counter()
            QTest.keyClick(view, Qt.Key.Key_Right)
            wait(view.canvas.is_full)
            view.repaint()
            steps.append(time.perf_counter() - start)
    finally:
        view.close()
    return steps, peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    paths = camera_photos(args.photos)
    warm(paths)
    photos = [CullPhoto(i, p, p.name, None, width=6000, height=4000) for i, p in enumerate(paths)]
    figures: dict[str, list[float]] = {"cull": [], "reference": []}
    peak = 0
    for round_ in range(args.rounds):
        for name, ahead in (("cull", 1), ("reference", 0)) if round_ % 2 == 0 else (("reference", 0), ("cull", 1)):
            steps, bytes_ = run(photos, ahead)
            median = statistics.median(steps)
            figures[name].append(median)
            if name == "cull":
                peak = max(peak, bytes_)
            print(
                f"round {round_ + 1} {name:9}: step median {median * 1000:7.1f} ms, worst {max(steps) * 1000:7.1f} ms"
            )
    for name, values in figures.items():
        print(f"{name:9}: best {min(values) * 1000:7.1f} ms, median {statistics.median(values) * 1000:7.1f} ms")
    ratio = statistics.median(figures["reference"]) / statistics.median(figures["cull"])
    print(f"cache peak {peak / 2**20:.0f} MB; load average {os.getloadavg()}")
    print(f"RESULT step_ms {statistics.median(figures['cull']) * 1000:.1f}")
    print(f"RESULT reference_over_cull {ratio:.1f}")
    app.quit()


if __name__ == "__main__":
    main()
