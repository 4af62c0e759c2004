"""``python main.py`` from a checkout: spawned workers (the import and export pools) import
main.py as their parent's ``__main__`` module, and must not start the application again."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Run in a fresh interpreter, as a spawned worker is: main() is replaced by a recorder, then
# main.py is loaded the way multiprocessing's spawn loads the parent's main module in a child
# (``multiprocessing.spawn.prepare`` runs it as ``__mp_main__``), then as ``python main.py`` runs it.
PROBE = textwrap.dedent(
    """
    import multiprocessing.spawn
    import runpy
    import sys

    import photoarchive.__main__ as entry

    started = []
    entry.main = lambda *args, **kwargs: started.append(True)
    multiprocessing.spawn.prepare({"init_main_from_path": sys.argv[1]})
    print("as a spawned worker:", "started" if started else "not started")
    started.clear()
    runpy.run_path(sys.argv[1], run_name="__main__")
    print("as python main.py:", "started" if started else "not started")
    """
)


def probe(main_py: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(main_py)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_a_spawned_worker_importing_main_py_does_not_start_the_application() -> None:
    assert probe(REPO / "main.py") == ["as a spawned worker: not started", "as python main.py: started"]


def test_the_probe_catches_a_main_py_without_the_guard(tmp_path: Path) -> None:
    """A main.py without the ``__name__`` guard starts a second window in every spawned worker."""
    old = tmp_path / "main.py"
    old.write_text("from photoarchive.__main__ import main\n\nmain()\n")
    assert probe(old)[0] == "as a spawned worker: started"
