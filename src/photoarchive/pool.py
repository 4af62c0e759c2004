"""Running one function over many items in a pool of worker processes, for long jobs.

Both the importer and the exporter do per-photo work that is CPU-bound (decoding, scaling,
encoding) and must survive a bad file: ``run_in_pool`` keeps at most two tasks a worker in
flight (so Cancel takes effect within a photo or two and memory stays bounded), checks
``cancelled()`` between results, and when a worker dies (a C decoder crashing on a damaged
file breaks the whole pool) retries the tasks that were in flight one at a time, so that
only the file that crashes again is given up, through ``crashed(task)``.

Workers are forked by multiprocessing's fork server (``spawn`` where there is none, on
Windows): a fresh interpreter started once per process, which imports the workers' code
(``start_workers``: started early, while the main process is still importing its own code
and scanning) and then forks each worker from that clean state. It is as safe beside the
GUI's threads as ``spawn`` (``fork`` from a process that runs threads would copy their locks
mid-flight), but a worker costs a fork instead of a new interpreter importing the package
(0.2 s of CPU each, on the 2 cores of a laptop). A caller whose process runs no thread but
its own (the command line's import) may ask for its workers to be forked from itself
(``fork_here``): on Linux, while ``/proc`` shows that one thread, they are, and neither the
fork server (an interpreter that imports the workers' code a second time) nor
multiprocessing's resource tracker (another interpreter, for the fork server's semaphores)
is started: about 0.3 s of CPU an import. Workers ignore Ctrl-C (the main process stops the
run cleanly), and send what C libraries print on file descriptor 2 to a log file instead of
the curator's terminal.

Workers die with the main process. Killed (kill -9, the out-of-memory killer, a crash), it
closes nothing cleanly, and a worker waiting for its next task would wait forever: each one
holds both ends of the task queue's pipe, so it never sees the end of it. It would keep the
catalog open, and keep multiprocessing's resource tracker alive too, which exits (removing the
pool's semaphores) only when every holder of its pipe is gone. So each worker asks Linux to
kill it when its parent ends (``PR_SET_PDEATHSIG``, immediate even inside a C decoder), checks
that the parent did not end before it asked, and everywhere watches the pipe its parent
started it with in a thread: that pipe reaches its end when the parent is gone. A worker's
parent, for Linux, is the fork server: it exits as soon as the main process ends (it watches
a pipe of its own), and its death signal then ends the worker; or, forked from the main
process itself (``fork_here``), the main process.
"""

from __future__ import annotations

import ctypes
import importlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_SERVER = "forkserver" in multiprocessing.get_all_start_methods()
_CONTEXT = multiprocessing.get_context("forkserver" if _SERVER else "spawn")
# Workers forked from the process that runs the pool (``fork_here``): Linux only, where /proc
# tells whether it runs another thread (macOS's system libraries are not safe to fork at all).
_FORK = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None


def can_fork_here() -> bool:
    """Whether workers may be forked from this process now: on Linux, while it runs a single
    thread (``/proc/self/task`` counts those of C libraries and Qt too, which
    ``threading.active_count`` does not see). A fork copies every lock as it is at that moment;
    with one thread, none is held by a thread that the copy lacks."""
    if _FORK is None:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _import_here(modules: Sequence[str]) -> None:
    """Import ``modules`` in this process, so that workers forked from it have them."""
    for name in modules:
        importlib.import_module(name)


def start_workers(preload: Sequence[str]) -> None:
    """Start the fork server now, in the background, importing the modules ``preload`` names
    (those of the functions pools will run), so that the first pool's workers start at once.

    Returns without waiting. Only the first call's ``preload`` counts: the server runs until
    the main process ends, and a later pool whose function it did not import imports it in
    each worker. Without a fork server (Windows), it does nothing.
    """
    if not _SERVER:
        return
    import multiprocessing.forkserver

    # This module too: every worker runs its ``init_worker`` and the pool's worker loop
    # (concurrent.futures.process), which a worker would otherwise import after its fork.
    multiprocessing.forkserver.set_forkserver_preload([__name__, *preload])
    if threading.active_count() > 1:  # another thread may be writing to stdout or stderr now
        multiprocessing.forkserver.ensure_running()
        return
    with _standard_output_to_devnull():
        multiprocessing.forkserver.ensure_running()


@contextmanager
def _standard_output_to_devnull() -> Iterator[None]:
    """File descriptors 1 and 2 to /dev/null meanwhile, for the processes started then.

    The fork server and multiprocessing's resource tracker outlive this process by the time
    they take to notice it ended and to exit (tens of milliseconds); holding its stdout and
    stderr, they would keep a reader of them (``photoarchive import --json | jq``, a script)
    waiting as long. Nothing of theirs is meant for the terminal: the workers forked from the
    server send their stderr to the job's log (``init_worker``).
    """
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    try:
        saved = [os.dup(1), os.dup(2)]
    except OSError:  # no stdout or stderr to keep from them
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, devnull):
            os.close(fd)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def init_worker(log_path: str | None, parent_pid: int | None = None) -> None:
    """Pool initializer: die with the parent; leave Ctrl-C to it; C libraries' stderr to the log."""
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if log_path is None:
        return
    try:
        fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    except OSError:
        return
    os.dup2(fd, 2)
    os.close(fd)


def die_with_parent(parent_pid: int | None) -> None:
    """End this worker process as soon as the process that started it (``parent_pid``) ends.

    On Linux the kernel sends SIGKILL when the parent ends; strictly, when the parent's thread
    that started this process ends, which is the thread running ``run_in_pool`` (it creates
    the pool, and lives until the pool is shut down), or the fork server's, which ends with
    the main process. If the parent had already ended before that request, this process was
    handed to another parent: exit now. On every system a
    daemon thread also waits on the parent's sentinel (the pipe it started this process
    with, on Windows its process handle) and exits when it is ready: the parent is gone
    (the thread needs the GIL, which a C decoder may hold for a while; the signal does not).
    """
    if sys.platform.startswith("linux"):
        _request_parent_death_signal()
    if parent_pid is not None and os.getppid() != parent_pid and not _parent_alive():
        # Another parent: the fork server's child (the server ends with ours), or re-parented
        # because ours is gone.
        os._exit(1)
    watch_parent()


def _parent_alive() -> bool:
    """Whether the process that started this one through multiprocessing is still running."""
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return False
    return not multiprocessing.connection.wait([parent.sentinel], 0)


def watch_parent() -> None:
    """In a process started by multiprocessing: a daemon thread ends it when its parent ends."""
    parent = multiprocessing.parent_process()
    if parent is not None and parent.sentinel is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), name="parent-watch", daemon=True).start()


def _request_parent_death_signal() -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(
            _PR_SET_PDEATHSIG, ctypes.c_ulong(signal.SIGKILL), ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0)
        )
    except (OSError, AttributeError):  # no prctl (another C library): the watching thread is enough
        pass


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


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
    with closing(
        batches_in_pool(
            function,
            tasks,
            workers=workers,
            cancelled=cancelled,
            crashed=crashed,
            log_path=log_path,
            finish_running=finish_running,
        )
    ) as batches:
        for batch in batches:
            yield from batch


def batches_in_pool(
    function: Callable[[T], R],
    tasks: Sequence[T],
    *,
    workers: int,
    cancelled: Callable[[], bool],
    crashed: Callable[[T], R],
    log_path: Path | None = None,
    finish_running: bool = True,
    preload: Sequence[str] = (),
    fork_here: bool = False,
) -> Generator[list[R], None, None]:
    """As ``run_in_pool``, the results that have come back by the time the caller asks for
    more, together (in completion order): a caller that takes a while over each batch (the
    importer commits and fsyncs) handles more results at once instead of falling behind. The
    workers are given their next tasks before a batch is handed over, so they go on meanwhile.

    ``preload``: modules the workers need besides the function's, imported before they are
    forked. ``fork_here``: fork the workers from this process when ``can_fork_here()`` (asked
    again for each pool: a pool started when another thread runs is the fork server's);
    this process then imports their code, once, for all of them.
    """
    log = str(log_path) if log_path is not None else None
    if log_path is not None:
        log_path.parent.mkdir(parents=True, exist_ok=True)
    modules = [getattr(function, "func", function).__module__, *preload]

    def pool(size: int) -> ProcessPoolExecutor:
        context: multiprocessing.context.BaseContext = _CONTEXT
        if fork_here and _FORK is not None and can_fork_here():
            _import_here(modules)
            if can_fork_here():  # the imports started no thread
                context = _FORK
        if context is _CONTEXT:
            start_workers(modules)
        # With fork, the pool forks its workers at its first submit, from this thread, before
        # it starts its own threads.
        return ProcessPoolExecutor(size, mp_context=context, initializer=init_worker, initargs=(log, os.getpid()))

    queue = list(tasks)
    queue.reverse()  # pop() from the end keeps the given order
    executor = pool(workers)
    pending: dict[Future[R], T] = {}

    def top_up() -> None:
        while queue and len(pending) < 2 * workers and not cancelled():
            task = queue.pop()
            pending[executor.submit(function, task)] = task

    try:
        while queue or pending:
            top_up()
            if not pending or (cancelled() and not finish_running):
                return
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            results: list[R] = []
            suspects: list[T] = []
            failure: BaseException | None = None
            for future in finished:
                task = pending.pop(future)
                try:
                    results.append(future.result())
                except BrokenProcessPool:
                    suspects.append(task)
                except BaseException as error:  # the function itself raised: after the others' results
                    failure = failure or error
            if not suspects and failure is None:
                top_up()
            if results:
                yield results
            if failure is not None:
                raise failure
            if suspects:  # a dead worker breaks the whole pool: every pending task with it
                suspects += list(pending.values())
                pending.clear()
                executor.shutdown(wait=True, cancel_futures=True)
                for task in suspects:
                    with pool(1) as single:
                        try:
                            yield [single.submit(function, task).result()]
                        except BrokenProcessPool:
                            yield [crashed(task)]
                executor = pool(workers)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
