#!/usr/bin/env python3
"""Filter bar benchmark, the window's path: over N photos (1,000,000 by default) the time from
a filter set on the bar to the grid's first results painted, against the same for a text
search typed in the search box of the same window (issue 12: "a filter over 1,000,000 photos
shows its first page as fast as the text search does").

The catalog is ``bench/filter_pages.py``'s (built once in bench/.cache/filter-N: ratings,
labels, flags, places, cameras, dates and text as a curated archive has them). The window is
opened offscreen and left until its background work is done (the sources' counts, the bar's
completions); then, rounds alternating so every query sees the same load:

- the reference: each of ``SEARCHES`` typed in the search box with the bar cleared (the search
  as it was before the bar), from the box's debounce (``window._search(q)``) to the grid's
  viewport repainted;
- each of ``FILTERS`` set on the bar (``FilterState.read``, announced as a control's click
  is), and the grid reloaded as the bar's debounce does (``reload_grid``), to the viewport
  repainted;
- the searches again with Hide rejects on (what a curator sees by default once something is
  rejected: the search is then a filter too).

Both wait 0.1 s between the change and the debounce's call, as the window waits longer (150
ms for the box, 250 ms for the bar): the change shown meanwhile (the bar's string row, the
layout) and the filter compiled ahead (``MainWindow._prepare_filter``), for both alike; the
debounce comes on top of both. The rest of the list and the count of rejects hidden come from
the background and are waited for between measurements, not timed.

Each filter is measured right after one of the searches (in turn), and its time over that
search's is a paired ratio: the pair sees the same moment's load, where a search's own median
strays by a fifth from round to round on a shared machine.

Prints ``RESULT filter_first_paint_ratio R``: the slowest filter's median first paint over the
median of the searches' median first paints (the paired searches counted among them), and ``RESULT
filter_paired_ratio P``: the slowest filter's median paired ratio. Run: ``python
bench/gui_filter.py [--photos N] [--rounds R]``; machines are shared: compare ratios, and see
the load averages printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import photoarchive.ui  # noqa: E402, F401 - its PySide6 guard first
from filter_pages import FILTERS, SEARCHES, cached_archive  # noqa: E402 - the shared catalog
from photoarchive.catalog import Catalog  # noqa: E402
from photoarchive.ui.filter_state import FilterState  # noqa: E402

# Events processed between a change (typed, clicked) and its debounce's reload: less than the
# debounces (150 ms for the box, 250 for the bar), more than the pause before the filter is
# compiled ahead (photoarchive.ui.main_window.PREPARE_MS).
BEFORE_DEBOUNCE = 0.1


def until(app: QApplication, condition, timeout: float = 120.0) -> None:
    start = time.perf_counter()
    while not condition() and time.perf_counter() - start < timeout:
        app.processEvents()
        time.sleep(0.002)


def wait(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def settled(window) -> bool:
    """Nothing of the window's reading left in the background."""
    filtering = window.filtering
    return (
        window._grid_rest is None
        and window._counting is None
        and filtering._hidden_worker is None
        and filtering._completing is None
    )


def paint(window) -> None:
    window.grid.viewport().repaint()


def shown(app: QApplication, window) -> None:
    """The window as a curator sees it before typing or clicking: the rest of the list laid
    out in the grid (Qt does that on a timer once the rows arrived) and painted. Without it a
    query timed right after the list's rest arrived would find the grid still laid out for
    its first page only, and its scroll bar unchanged by the reload."""
    until(app, window.grid.laid_out)  # Qt lays the rows out in batches, between events
    window.repaint()
    app.processEvents()


class Timed(NamedTuple):
    """A first paint's wall time, and the GUI thread's CPU time over it (``time.thread_time``:
    its own work, without the time another process on the machine held the core)."""

    wall: float
    cpu: float


def typed(app: QApplication, window, query: str) -> None:
    """The search box as typing leaves it before its debounce reloads the grid: the text in
    the box, the moments before the debounce passed (the filter compiled ahead meanwhile,
    ``MainWindow._prepare_filter``); the debounce's own call is what is timed."""
    window.bar.search.setText(query)
    wait(app, BEFORE_DEBOUNCE)
    window.bar._debounce.stop()


def time_search(app: QApplication, window, query: str, state: FilterState) -> Timed:
    window.filter_bar.set_state(state)
    typed(app, window, "")
    window._search("")
    until(app, lambda: settled(window))
    shown(app, window)
    typed(app, window, query)
    shown(app, window)
    start, cpu = time.perf_counter(), time.thread_time()
    window._search(query)
    paint(window)
    elapsed = Timed(time.perf_counter() - start, time.thread_time() - cpu)
    until(app, lambda: settled(window))
    return elapsed


def time_filter(app: QApplication, window, text: str) -> Timed:
    typed(app, window, "")
    window._search("")
    window.filter_bar.set_state(FilterState())
    window.reload_grid()
    until(app, lambda: settled(window))
    shown(app, window)
    # The bar as a click leaves it: the control's change shown (its string row appears, the
    # window's layout follows), its debounce started and the filter compiled ahead in the
    # moments before it passed (``FilterBar.edited``); the grid is read at the end of the
    # debounce: that is what is timed, as the search box's debounce (``window._search``) is for
    # the searches.
    window.filter_bar.set_state(FilterState.read(text))
    window.filter_bar._changed()  # what a control's signal calls
    wait(app, BEFORE_DEBOUNCE)
    window.filter_bar._debounce.stop()
    shown(app, window)
    start, cpu = time.perf_counter(), time.thread_time()
    window.reload_grid()  # what the bar's debounce calls
    paint(window)
    elapsed = Timed(time.perf_counter() - start, time.thread_time() - cpu)
    until(app, lambda: settled(window))
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    root = cached_archive(args.photos, args.rebuild)
    with Catalog(root) as catalog:  # a pending migration runs here, outside the timings
        catalog.count_photos()
    print(f"load average at start: {os.getloadavg()}")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)
    from photoarchive.ui.main_window import MainWindow

    window = MainWindow(Catalog(root), settings, owns_catalog=True)
    window.resize(1400, 900)
    window.show()
    until(app, lambda: settled(window), timeout=600)
    print(f"the grid's first page: {window._first_screen()} photos (the cells shown and a screen more)")

    plain, hiding = FilterState(), FilterState(hide_rejects=True)
    times: dict[str, list[Timed]] = {}
    paired: dict[str, list[float]] = {}
    for round_ in range(args.rounds):
        for query in SEARCHES:
            times.setdefault(f"search {query}", []).append(time_search(app, window, query, plain))
        for n, text in enumerate(FILTERS):
            query = SEARCHES[(round_ + n) % len(SEARCHES)]
            searched = time_search(app, window, query, plain)
            times[f"search {query}"].append(searched)
            filtered = time_filter(app, window, text)
            times.setdefault(f"filter {text}", []).append(filtered)
            paired.setdefault(text, []).append(filtered.wall / searched.wall)
        for query in SEARCHES:
            times.setdefault(f"search {query} (hide rejects)", []).append(time_search(app, window, query, hiding))

    def median(name: str, kind: str) -> float:
        return statistics.median(getattr(t, kind) for t in times[name])

    reference = statistics.median(median(f"search {q}", "wall") for q in SEARCHES)
    cpu_reference = statistics.median(median(f"search {q}", "cpu") for q in SEARCHES)
    print(f"\nthe grid's first results painted over {args.photos:,} photos, {args.rounds} rounds (best, median;"
          " the GUI thread's CPU time, median):")  # fmt: skip
    for name, values in times.items():
        best, wall, cpu = min(t.wall for t in values), median(name, "wall"), median(name, "cpu")
        text = name.removeprefix("filter ")
        pairs = f"  paired {statistics.median(paired[text]):5.2f}" if name.startswith("filter ") else ""
        print(f"  {name[:60]:<62} best {best * 1e3:5.1f} ms  median {wall * 1e3:5.1f} ms  ratio {wall / reference:5.2f}"
              f"  cpu {cpu * 1e3:5.1f} ms  ratio {cpu / cpu_reference:5.2f}{pairs}")  # fmt: skip
    worst = max(median(f"filter {f}", "wall") for f in FILTERS)
    cpu_slowest = max(FILTERS, key=lambda f: median(f"filter {f}", "cpu"))
    slowest = max(FILTERS, key=lambda f: statistics.median(paired[f]))
    print(f"reference (median of the searches' median first paints): {reference * 1e3:.1f} ms;"
          f" in CPU time {cpu_reference * 1e3:.1f} ms")  # fmt: skip
    print(f"slowest filter by its paired ratios: {slowest}; in CPU time: {cpu_slowest}")
    print(f"load average at end: {os.getloadavg()}")
    print(f"RESULT filter_first_paint_ratio {worst / reference:.2f}")
    print(f"RESULT filter_first_paint_cpu_ratio {median(f'filter {cpu_slowest}', 'cpu') / cpu_reference:.2f}")
    print(f"RESULT filter_paired_ratio {statistics.median(paired[slowest]):.2f}")
    window.close()


if __name__ == "__main__":
    main()
