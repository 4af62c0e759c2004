"""The process pool shared by import and export: order, cancel, and a worker that crashes."""

from __future__ import annotations

import os

from photoarchive.pool import run_in_pool


def square_or_die(n: int) -> int:
    if n == 3:
        os._exit(1)  # a C decoder crashing on a damaged file takes its process with it
    return n * n


def test_results_and_a_crash_isolated_to_its_task() -> None:
    results = list(run_in_pool(square_or_die, range(8), workers=2, cancelled=lambda: False, crashed=lambda n: -n))
    assert sorted(results) == sorted([0, 1, 4, -3, 16, 25, 36, 49])


def test_cancel_stops_starting_tasks() -> None:
    seen: list[int] = []
    for result in run_in_pool(
        square_or_die, [0, 1, 2, 4, 5, 6, 7, 8, 9], workers=1, cancelled=lambda: len(seen) >= 2, crashed=lambda n: -n
    ):
        seen.append(result)
    assert 2 <= len(seen) <= 4  # the ones already in flight finish; nothing new starts
