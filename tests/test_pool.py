"""The process pool shared by import and export: order, cancel, a worker that crashes, and
workers that end with a parent killed with SIGKILL."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from photoarchive.pool import run_in_pool

REPO = Path(__file__).resolve().parents[1]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc, uses prctl")


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


def touch_then_sleep(path: str) -> None:
    Path(path).touch()
    time.sleep(60)


def watch_then_sleep(path: str) -> None:
    from photoarchive.pool import watch_parent  # in the child process

    watch_parent()
    Path(path).touch()
    time.sleep(60)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except OSError:
        return False


def _descendants(pid: int) -> list[int]:
    """Children, and theirs: pool workers are the fork server's children."""
    found = _children(pid)
    for child in list(found):
        found += _descendants(child)
    return found


def _kill_parent_then_survivors(script: str, started: Path, expected: int) -> list[int]:
    """Run ``script``, wait for ``expected`` files in ``started``, kill -9 it alone; its descendants alive after 5 s."""
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=REPO, start_new_session=True)
    children: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(list(started.iterdir())) < expected:
            assert parent.poll() is None and time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.02)
        children = _descendants(parent.pid)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 5
        while any(_alive(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.05)
        return [c for c in children if _alive(c)]
    finally:
        for pid in [parent.pid, *children]:  # by pid: whatever outlived the test
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


@linux_only
def test_workers_and_the_resource_tracker_end_with_a_killed_parent(tmp_path: Path) -> None:
    script = (
        "from tests.test_pool import touch_then_sleep\n"
        "from photoarchive.pool import run_in_pool\n"
        f"tasks = [{str(tmp_path)!r} + f'/{{i}}' for i in range(6)]\n"
        "for _ in run_in_pool(touch_then_sleep, tasks, workers=2, cancelled=lambda: False, crashed=print):\n"
        "    pass\n"
    )
    survivors = _kill_parent_then_survivors(script, tmp_path, 2)
    assert survivors == [], "workers, the fork server or the resource tracker outlived their parent"


def preloaded(module: str) -> tuple[bool, int, int]:
    """In a worker: whether ``module`` was imported before this task came, the worker's parent
    and the pid of the process that runs the pool."""
    parent = multiprocessing.parent_process()
    return module in sys.modules, os.getppid(), parent.pid if parent is not None else -1


@linux_only
def test_workers_are_forked_from_a_server_that_imported_their_code_early() -> None:
    """``start_workers`` imports the pool's code once, in the fork server, before a pool
    exists: a worker costs a fork, not an interpreter importing the package."""
    script = (
        "import json, os, sys\n"
        "from photoarchive.pool import run_in_pool, start_workers\n"
        "start_workers(['tests.test_pool', 'xml.dom.minidom'])\n"
        "from tests.test_pool import preloaded\n"
        "results = list(run_in_pool(preloaded, ['xml.dom.minidom'] * 4, workers=2, cancelled=lambda: False, crashed=print))\n"
        "print(json.dumps([os.getpid(), results, 'xml.dom.minidom' in sys.modules]))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert run.returncode == 0, run.stderr
    main_pid, results, in_main = json.loads(run.stdout)
    assert not in_main  # imported by the server only
    assert all(imported for imported, _, _ in results), results
    assert all(parent != main_pid and pool_owner == main_pid for _, parent, pool_owner in results), results


@linux_only
def test_the_watching_thread_alone_ends_a_process_whose_parent_is_killed(tmp_path: Path) -> None:
    """The portable fallback, without the Linux parent-death signal."""
    script = (
        "import multiprocessing, time\n"
        "from tests.test_pool import watch_then_sleep\n"
        f"multiprocessing.get_context('spawn').Process(target=watch_then_sleep, args=({str(tmp_path / 'up')!r},)).start()\n"
        "time.sleep(60)\n"
    )
    survivors = _kill_parent_then_survivors(script, tmp_path, 1)
    assert survivors == [], "the process outlived its parent"


@linux_only
def test_a_worker_asks_for_the_parent_death_signal_and_exits_if_its_parent_is_already_gone() -> None:
    check = (
        "import ctypes, os, sys\n"
        "from photoarchive.pool import init_worker\n"
        "init_worker(None, int(sys.argv[1]))\n"
        "value = ctypes.c_int()\n"
        "ctypes.CDLL(None).prctl(2, ctypes.byref(value), 0, 0, 0)\n"  # PR_GET_PDEATHSIG
        "print(value.value)\n"
    )
    ours = subprocess.run([sys.executable, "-c", check, str(os.getpid())], capture_output=True, text=True, cwd=REPO)
    assert (ours.returncode, ours.stdout.strip()) == (0, str(int(signal.SIGKILL))), ours.stderr
    # Given another parent's pid: as if ours had died before the worker asked (it was re-parented).
    orphan = subprocess.run([sys.executable, "-c", check, "1"], capture_output=True, text=True, cwd=REPO)
    assert (orphan.returncode, orphan.stdout, orphan.stderr) == (1, "", "")


@linux_only
def test_the_processes_that_outlive_the_parent_a_moment_do_not_hold_its_output() -> None:
    """A reader of the command's output (a pipe, a script) sees its end when the command
    ends, not when the fork server and the resource tracker have noticed and exited too; the
    command's own output is untouched."""
    script = (
        "import json, os, sys, time\n"
        "from photoarchive.pool import start_workers\n"
        "start_workers([])\n"
        "from tests.test_pool import _children\n"
        "deadline = time.monotonic() + 30\n"
        "while len(_children(os.getpid())) < 2 and time.monotonic() < deadline:\n"  # the tracker, the server
        "    time.sleep(0.01)\n"
        "print(json.dumps({c: [os.readlink(f'/proc/{c}/fd/{n}') for n in (1, 2)] for c in _children(os.getpid())}))\n"
        "print('to stderr', file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert run.returncode == 0, run.stderr
    outputs = json.loads(run.stdout)
    assert len(outputs) == 2 and all(fds == [os.devnull] * 2 for fds in outputs.values()), outputs
    assert run.stderr == "to stderr\n"


# Runs a pool with ``fork_here`` in a fresh interpreter (optionally with another thread running
# meanwhile); prints this process's pid, what each worker saw (``preloaded``), whether the main
# process imported the preloaded module, and whether a fork server or resource tracker started.
FORK_HERE = (
    "import json, multiprocessing.forkserver, multiprocessing.resource_tracker, os, sys, threading\n"
    "from photoarchive.pool import batches_in_pool, can_fork_here\n"
    "from tests.test_pool import preloaded\n"
    "stop = threading.Event()\n"
    "if sys.argv[1] == 'thread':\n"
    "    threading.Thread(target=stop.wait, daemon=True).start()\n"
    "alone = can_fork_here()\n"
    "batches = batches_in_pool(preloaded, ['xml.dom.minidom'] * 4, workers=2, cancelled=lambda: False,\n"
    "                          crashed=print, preload=['xml.dom.minidom'], fork_here=True)\n"
    "results = [r for batch in batches for r in batch]\n"
    "stop.set()\n"
    "print(json.dumps({'pid': os.getpid(), 'alone': alone, 'results': results,\n"
    "    'in_main': 'xml.dom.minidom' in sys.modules,\n"
    "    'server': multiprocessing.forkserver._forkserver._forkserver_pid is not None,\n"
    "    'tracker': multiprocessing.resource_tracker._resource_tracker._pid is not None}))\n"
)


@linux_only
def test_a_process_running_one_thread_forks_its_workers_itself_without_a_server_or_tracker() -> None:
    """``fork_here``: the workers' code is imported once, here, and each worker is a fork of
    this process; no second interpreter imports it (the fork server), none tracks semaphores."""
    run = subprocess.run(
        [sys.executable, "-c", FORK_HERE, "alone"], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert found["alone"] and found["in_main"] and not found["server"] and not found["tracker"], found
    assert all(imported and parent == owner == found["pid"] for imported, parent, owner in found["results"]), found


@linux_only
def test_a_process_running_another_thread_has_its_workers_forked_by_the_server() -> None:
    """A fork copies the locks another thread may hold at that moment: never from here then."""
    run = subprocess.run(
        [sys.executable, "-c", FORK_HERE, "thread"], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert not found["alone"] and not found["in_main"] and found["server"], found
    assert all(imported and parent != owner == found["pid"] for imported, parent, owner in found["results"]), found


@linux_only
def test_workers_forked_from_their_parent_end_with_it_when_it_is_killed(tmp_path: Path) -> None:
    script = (
        "from tests.test_pool import touch_then_sleep\n"
        "from photoarchive.pool import batches_in_pool\n"
        f"tasks = [{str(tmp_path)!r} + f'/{{i}}' for i in range(6)]\n"
        "for _ in batches_in_pool(touch_then_sleep, tasks, workers=2, cancelled=lambda: False, crashed=print,\n"
        "                         fork_here=True):\n"
        "    pass\n"
    )
    survivors = _kill_parent_then_survivors(script, tmp_path, 2)
    assert survivors == [], "workers outlived their parent"


@linux_only
def test_a_crash_among_workers_forked_here_is_isolated_to_its_task() -> None:
    """The pools that retry the tasks of a broken one are forked here again, or, if a thread of
    the broken pool still runs, by the fork server: the same results either way."""
    script = (
        "import json\n"
        "from photoarchive.pool import batches_in_pool\n"
        "from tests.test_pool import square_or_die\n"
        "batches = batches_in_pool(square_or_die, list(range(8)), workers=2, cancelled=lambda: False,\n"
        "                          crashed=lambda n: -n, fork_here=True)\n"
        "print(json.dumps(sorted(r for batch in batches for r in batch)))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == sorted([0, 1, 4, -3, 16, 25, 36, 49])
