"""An import's start-up. The command, which runs no other thread, forks its workers itself
(on Linux): it imports their code once, and starts no fork server and no resource tracker
(two more interpreters). Where it runs another thread (the window's import runs on a worker
thread), their fork server starts first, imports their code once (and stays a single thread,
safe to fork), and the main process imports none of the workers' imaging code. Each run is a
fresh interpreter, as ``photoarchive import`` is."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import write_photos

REPO = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a fork server; reads /proc")


def _run(script: str, *argv: str) -> Any:
    """Run ``script`` in a fresh interpreter; its last line of output, as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *argv], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


# Runs ``photoarchive.__main__.main(argv)``, with another thread running throughout when the
# first argument is "thread"; prints its exit code, the top-level packages it imported, and
# whether a fork server or a resource tracker was started.
PROBE_PROCESSES = """
    import json, multiprocessing.forkserver, multiprocessing.resource_tracker, sys, threading
    stop = threading.Event()
    if sys.argv.pop(1) == "thread":
        threading.Thread(target=stop.wait, daemon=True).start()
    from photoarchive.__main__ import main
    try:
        main(sys.argv[1:])
    except SystemExit as end:
        code = end.code
    stop.set()
    print(json.dumps({
        "code": code,
        "modules": sorted({m.split(".")[0] for m in sys.modules}),
        "server": multiprocessing.forkserver._forkserver._forkserver_pid is not None,
        "tracker": multiprocessing.resource_tracker._resource_tracker._pid is not None,
    }))
    """


def _probe_import(tmp_path: Path, mode: str) -> tuple[Any, Any]:
    """``PROBE_PROCESSES`` in ``mode`` ("alone" or "thread") importing 3 photos: (the import's
    JSON report, what the probe found)."""
    write_photos(tmp_path / "card", 3)
    command = ["--archive", str(tmp_path / "archive"), "import", str(tmp_path / "card"), "--workers", "2", "--json"]
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(PROBE_PROCESSES), mode, *command],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    *output, last = done.stdout.strip().splitlines()
    return json.loads("\n".join(output)), json.loads(last)


@linux_only
def test_the_import_command_forks_its_workers_itself_with_no_server_or_tracker(tmp_path: Path) -> None:
    """It runs no other thread: its workers are forks of it, which imported their code once."""
    report, found = _probe_import(tmp_path, "alone")
    assert found["code"] == 0 and report["imported"] == 3
    assert {"PIL", "pyvips"} <= set(found["modules"])
    assert not found["server"] and not found["tracker"], found


def test_with_another_thread_the_import_s_main_process_imports_no_imaging_code(tmp_path: Path) -> None:
    """Pillow and libvips are then the workers' (imported by their fork server): the process
    that farms the files out and records them has no use for them."""
    report, found = _probe_import(tmp_path, "thread")
    assert found["code"] == 0 and report["imported"] == 3
    assert {"PIL", "pyvips"} & set(found["modules"]) == set()
    assert found["server"]


@pytest.mark.parametrize("thread", [False, True], ids=["alone", "with a thread"])
def test_the_import_command_starts_its_fork_server_if_any_before_it_imports_the_command_line(
    tmp_path: Path, thread: bool
) -> None:
    write_photos(tmp_path / "card", 1)
    found = _run(
        """
        import json, sys, threading
        stop = threading.Event()
        if sys.argv.pop(1) == "thread":
            threading.Thread(target=stop.wait, daemon=True).start()
        import photoarchive.pool
        calls = []
        start = photoarchive.pool.start_workers
        def recording(preload):
            calls.append({"preload": list(preload), "cli_imported": "photoarchive.cli" in sys.modules})
            start(preload)
        photoarchive.pool.start_workers = recording
        from photoarchive.__main__ import main
        try:
            main(sys.argv[1:])
        except SystemExit as end:
            code = end.code
        stop.set()
        print(json.dumps({"code": code, "calls": calls}))
        """,
        "thread" if thread else "alone",
        *("--archive", str(tmp_path / "archive"), "import", str(tmp_path / "card"), "--workers", "1"),
    )
    assert found["code"] == 0
    if thread or not sys.platform.startswith("linux"):
        assert found["calls"][0] == {"preload": ["photoarchive.ingest.worker", "pyvips"], "cli_imported": False}
    else:  # forked from the command itself: no fork server is started at all
        assert found["calls"] == []


def server_state(_: object) -> dict[str, object]:
    """In a worker: which of the import's modules it had before this task came (this module
    imports none of them), and how many threads its parent, the fork server, runs."""
    parent = multiprocessing.parent_process()
    return {
        "preloaded": [
            m for m in ("photoarchive.ingest.worker", "pyvips", "concurrent.futures.process") if m in sys.modules
        ],
        "server_threads": len(os.listdir(f"/proc/{os.getppid()}/task")),
        "forked_by_another": parent is not None and os.getppid() != parent.pid,
    }


@linux_only
def test_the_workers_fork_server_imported_their_code_and_runs_no_thread() -> None:
    """Forking a process that runs threads copies their locks mid-flight: the server imports
    the workers' code, and libvips, but must not start a thread doing so."""
    found = _run(
        """
        import json
        from photoarchive.ingest.task import WORKER_PRELOAD
        from photoarchive.pool import run_in_pool, start_workers
        start_workers(WORKER_PRELOAD)
        from tests.ingest.test_start import server_state
        states = list(run_in_pool(server_state, [0, 1, 2, 3], workers=2, cancelled=lambda: False, crashed=print))
        print(json.dumps(states))
        """
    )
    assert (
        found
        == [
            {
                "preloaded": ["photoarchive.ingest.worker", "pyvips", "concurrent.futures.process"],
                "server_threads": 1,
                "forked_by_another": True,
            }
        ]
        * 4
    )


def test_the_workers_module_does_not_import_the_run_that_starts_them() -> None:
    found = _run(
        """
        import json, sys
        import photoarchive.ingest.scan, photoarchive.ingest.worker
        before = sorted(m for m in sys.modules if m in ("photoarchive.ingest.session", "photoarchive.pool"))
        from photoarchive.ingest import ImportJob, scan
        print(json.dumps({"scan": type(scan).__name__, "job": ImportJob.__module__, "before": before}))
        """
    )
    # The ImportJob asked for afterwards still comes (loaded then).
    assert found == {"scan": "function", "job": "photoarchive.ingest.session", "before": []}


def test_an_import_whose_stderr_is_no_terminal_draws_no_bar_and_does_not_import_tqdm(tmp_path: Path) -> None:
    """tqdm would draw nothing there; importing it costs its version lookup. A file that
    fails is still said on stderr."""
    write_photos(tmp_path / "card", 2)
    (tmp_path / "card" / "broken.jpg").write_bytes(b"not a photo")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            textwrap.dedent(PROBE_MODULES),
            *("--archive", str(tmp_path / "archive"), "import", str(tmp_path / "card"), "--workers", "1"),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["code"] == 1  # the broken file
    assert "tqdm" not in found["modules"]
    assert "failed: " in done.stderr and "broken.jpg" in done.stderr
    assert "Importing" not in done.stderr


@linux_only
def test_an_import_on_a_terminal_draws_its_bar(tmp_path: Path) -> None:
    import fcntl
    import pty
    import struct
    import termios

    write_photos(tmp_path / "card", 2)
    (tmp_path / "card" / "broken.jpg").write_bytes(b"not a photo")
    leader, follower = pty.openpty()
    # A terminal 100 columns wide (a new pseudo-terminal has none: the bar would be empty).
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                textwrap.dedent(PROBE_MODULES),
                *("--archive", str(tmp_path / "archive"), "import", str(tmp_path / "card"), "--workers", "1"),
            ],
            stdout=subprocess.PIPE,
            stderr=follower,
            text=True,
            cwd=REPO,
            timeout=120,
        )
        os.close(follower)
        follower = -1
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal's other end is closed: all read
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["code"] == 1
    assert "tqdm" in found["modules"]
    text = drawn.decode("utf-8", "replace")
    assert "Importing" in text and "3/3" in text
    assert "failed: " in text and "broken.jpg" in text


# Runs ``photoarchive.__main__.main(argv)``; prints its exit code and the top-level packages it imported.
PROBE_MODULES = """
    import json, sys
    from photoarchive.__main__ import main
    code = 0
    try:
        main(sys.argv[1:])
    except SystemExit as end:
        code = end.code
    print(json.dumps({"code": code, "modules": sorted({m.split(".")[0] for m in sys.modules})}))
    """


def test_the_import_s_processes_do_not_import_pycountry_until_a_country_is_checked() -> None:
    """The command, the sidecar writer and the workers' code import metadata's rules; pycountry
    (ISO 3166 codes) comes only when a country code is checked, in the process that checks it."""
    found = _run(
        """
        import json, sys
        import photoarchive.cli.app, photoarchive.cli.photos, photoarchive.catalog.sidecars
        import photoarchive.ingest.session, photoarchive.ingest.worker
        before = "pycountry" in sys.modules
        from photoarchive.metadata.validate import normalize_country_code
        codes = [normalize_country_code(" rus"), normalize_country_code("jp")]
        print(json.dumps({"before": before, "codes": codes, "after": "pycountry" in sys.modules}))
        """
    )
    assert found == {"before": False, "codes": ["RUS", "JPN"], "after": True}


def test_the_sidecar_writer_is_imported_while_the_pool_starts_not_after_the_first_results(tmp_path: Path) -> None:
    """The pool waits for its fork server to import the workers' code; the main process
    imports what recording needs then, instead of once results come back, when it takes a
    core from the workers. (A guard of 20 s against waiting for ever, not a timing.)"""
    write_photos(tmp_path / "card", 2)
    found = _run(
        """
        import json, sys, time
        import photoarchive.ingest.session as session
        from photoarchive.catalog import Catalog
        from photoarchive.ingest.task import FileResult
        seen = []
        def batches(function, files, **options):
            deadline = time.monotonic() + 20
            while "photoarchive.catalog.sidecars" not in sys.modules and time.monotonic() < deadline:
                time.sleep(0.01)
            seen.append({"while_the_pool_starts": "photoarchive.catalog.sidecars" in sys.modules})
            for path in files:
                yield [FileResult(path, "failed", error="not run here")]
        session.batches_in_pool = batches
        seen.append({"before_the_run": "photoarchive.catalog.sidecars" in sys.modules})
        with Catalog(sys.argv[1]) as catalog:
            job = session.ImportJob(catalog, [sys.argv[2]], workers=1)
            for _ in job.run():
                pass
        print(json.dumps(seen))
        """,
        str(tmp_path / "archive"),
        str(tmp_path / "card"),
    )
    assert found == [{"before_the_run": False}, {"while_the_pool_starts": True}]
