"""Running one function over many items in a pool of worker processes, for long jobs.

Both the importer and the exporter do per-photo work that is CPU-bound (decoding, scaling,
encoding) and must survive a bad file: ``run_in_pool`` keeps at most two tasks a worker in
flight (so Cancel takes effect within a photo or two and memory stays bounded), checks
``cancelled()`` between results, and when a worker dies (a C decoder crashing on a damaged
file breaks the whole pool) retries the tasks that were in flight one at a time, so that
only the file that crashes again is given up, through ``crashed(task)``.

Workers are started with ``spawn`` (safe beside the GUI's threads, where ``fork`` would copy
their locks mid-flight), ignore Ctrl-C (the main process stops the run cleanly), and send
what C libraries print on file descriptor 2 to a log file instead of the curator's terminal.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_CONTEXT = multiprocessing.get_context("spawn")


def init_worker(log_path: str | None) -> None:
    """Pool initializer: leave Ctrl-C to the main process; C libraries' stderr to the log."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if log_path is None:
        return
    try:
        fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    except OSError:
        return
    os.dup2(fd, 2)
    os.close(fd)


def run_in_pool(
    function: Callable[[T], R],
    tasks: Sequence[T],
    *,
    workers: int,
    cancelled: Callable[[], bool],
    crashed: Callable[[T], R],
    log_path: Path | None = None,
    finish_running: bool = True,
) -> Iterator[R]:
    """Results of ``function(task)`` in completion order.

    On cancel no more tasks start; with ``finish_running`` the results of tasks already
    running are still yielded (the importer records the files it has copied), otherwise the
    run stops at once. Closing the generator waits for running tasks, so no worker is still
    writing once it returns.
    """
    log = str(log_path) if log_path is not None else None
    if log_path is not None:
        log_path.parent.mkdir(parents=True, exist_ok=True)

    def pool(size: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(size, mp_context=_CONTEXT, initializer=init_worker, initargs=(log,))

    queue = list(tasks)
    queue.reverse()  # pop() from the end keeps the given order
    executor = pool(workers)
    pending: dict[Future[R], T] = {}
    try:
        while queue or pending:
            while queue and len(pending) < 2 * workers and not cancelled():
                task = queue.pop()
                pending[executor.submit(function, task)] = task
            if not pending or (cancelled() and not finish_running):
                return
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            suspects: list[T] = []
            for future in finished:
                task = pending.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    suspects.append(task)
            if suspects:  # a dead worker breaks the whole pool: every pending task with it
                suspects += list(pending.values())
                pending.clear()
                executor.shutdown(wait=True, cancel_futures=True)
                for task in suspects:
                    with pool(1) as single:
                        try:
                            yield single.submit(function, task).result()
                        except BrokenProcessPool:
                            yield crashed(task)
                executor = pool(workers)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
