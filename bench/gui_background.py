#!/usr/bin/env python3
"""GUI benchmark: the longest stall of the window's GUI thread during a batch edit, with the
XMP sidecar mirror and the day's backup written on the GUI thread (the reference: how the
window did it before ``ui/background.py``, still the command line's way) and by workers.

Builds (once, in bench/.cache/background-N) a catalog of N photos (100,000 by default)
inserted in bulk. Then, offscreen, in one window on a copy of it, rounds alternating:

- the day's backup is made due (no backup newer than a day), and one batch edit of E photos
  (1,000 by default) is applied through the window's ``PhotoEdits`` (as the editor does);
- a 1 ms timer on the GUI thread notes every tick from the edit until its sidecars and the
  backup are written; the longest gap between two ticks is the longest stall: how long the
  window could not paint or take a key.

Reference mode: ``catalog.sidecar_writer = None`` and ``defer_daily_backup = False`` (the
catalog writes the sidecars and takes the backup itself, inside the edit's call). Worker
mode: the window as it is. It ends with ``RESULT stall_ratio R`` (workers' median stall over
the reference's) and the figures of each mode, best and median.

Run: ``QT_QPA_PLATFORM=offscreen python bench/gui_background.py [--photos N] [--edit E] [--rounds R]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

import photoarchive.ui  # noqa: F401 - its PySide6 guard first
from bench_catalog import build_catalog, photo_row
from photoarchive.catalog import Catalog

CACHE = Path(__file__).resolve().parent / ".cache"


def build(root: Path, count: int) -> None:
    catalog = build_catalog(
        root, count, ("caption", "credit"), lambda i: (f"Photo {i} on the beach of Shumshu", "Sample Expedition")
    )
    for folder in {Path(photo_row(i, 0)[1]).parent for i in range(0, count, 1000)}:
        (catalog.paths.originals / folder).mkdir(parents=True, exist_ok=True)
    catalog.close()


class Ticks:
    """A 1 ms timer on the GUI thread; ``longest()`` is the longest gap between two ticks."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def start(self) -> None:
        self.times = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self.times.append(time.perf_counter())
        return max(b - a for a, b in zip(self.times, self.times[1:], strict=False))


def settle(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def one_round(app: QApplication, window, ids: list[int], value: str, *, workers: bool) -> tuple[float, float, float]:
    """(longest stall, seconds until the sidecars and the backup are written, seconds in the
    edit's own call: the commit, and in the reference the sidecars and the backup too)."""
    catalog = window.catalog
    shutil.rmtree(catalog.paths.backups, ignore_errors=True)
    catalog.backup_checked_on = None
    catalog.sidecar_writer = window.background.changed if workers else None
    catalog.defer_daily_backup = workers
    ticks = Ticks()
    ticks.start()
    start = time.perf_counter()
    window.edits.apply(ids, {"caption": value}, "Caption")
    call = time.perf_counter() - start
    while window.background.running() or window.background.queue.ids:
        app.processEvents()
        time.sleep(0.0005)
    done = time.perf_counter() - start
    app.processEvents()
    stall = ticks.stop()
    assert (catalog.paths.backups).exists() and any(catalog.paths.backups.iterdir()), "no backup taken"
    return stall, done, call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--edit", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    master = CACHE / f"background-{args.photos}"
    if not (master / "catalog.sqlite").exists():
        print(f"building {args.photos:,} photos in {master} ...", flush=True)
        build(master, args.photos)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from photoarchive.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="bench-background-") as tmp:
        root = Path(tmp) / "archive"
        shutil.copytree(master, root)
        catalog = Catalog(root)
        window = MainWindow(catalog, QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(1300, 850)
        window.show()
        settle(app, 3.0)  # the grid's rest and the sources' counts arrive
        ids = catalog.photo_ids(order="imported")[: args.edit]
        size = catalog.paths.catalog.stat().st_size
        print(f"catalog: {args.photos:,} photos, {size / 1e6:.0f} MB; batch edit of {len(ids):,} photos")
        results: dict[str, list[tuple[float, float, float]]] = {"reference": [], "workers": []}
        for n in range(args.rounds):
            for mode in ("reference", "workers") if n % 2 == 0 else ("workers", "reference"):
                stall, done, call = one_round(app, window, ids, f"{mode} round {n}", workers=mode == "workers")
                results[mode].append((stall, done, call))
                print(
                    f"round {n} {mode:9}: longest GUI stall {stall * 1000:8.1f} ms (the edit's call"
                    f" {call * 1000:8.1f} ms), all written in {done:6.2f} s"
                )
        window.close()
        catalog.close()
    print(f"load average: {os.getloadavg()}")
    for mode, figures in results.items():
        stalls = sorted(f[0] for f in figures)
        dones = sorted(f[1] for f in figures)
        print(
            f"{mode:9}: longest stall best {stalls[0] * 1000:.1f} ms, median {statistics.median(stalls) * 1000:.1f} ms;"
            f" written best {dones[0]:.2f} s, median {statistics.median(dones):.2f} s"
        )
    ratio = statistics.median(f[0] for f in results["workers"]) / statistics.median(f[0] for f in results["reference"])
    print(f"RESULT stall_ratio {ratio:.3f}")


if __name__ == "__main__":
    main()
