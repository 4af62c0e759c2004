"""Entry points: ``python -m photoarchive`` and ``python main.py``.

With a command (``import``, ``list``, ...) the command line runs; without one, the GUI
starts (``--archive DIR`` chooses the archive either way).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if any(not a.startswith("-") for a in _without_archive_option(args)) or {"-h", "--help", "--version"} & set(args):
        cli_main(args)
    else:
        gui_main(args)


def _without_archive_option(args: list[str]) -> list[str]:
    rest, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--archive":
            skip = True
        elif not arg.startswith("--archive="):
            rest.append(arg)
    return rest


def cli_main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if _without_archive_option(args)[:1] == ["import"]:
        _start_import_workers()
    from photoarchive.cli import main as run_cli

    sys.exit(run_cli(argv))


def _start_import_workers() -> None:
    """Where the import's workers come from a fork server (a new interpreter importing the
    workers' code, ``pool.start_workers``), start it first of all: it then starts while this
    process imports the command line and opens the catalog, instead of after. On Linux this
    process, which runs no other thread, forks them itself (``pool.can_fork_here``): no server."""
    from photoarchive.pool import can_fork_here, start_workers

    if not can_fork_here():
        from photoarchive.ingest.task import WORKER_PRELOAD

        start_workers(WORKER_PRELOAD)


def gui_main(argv: Sequence[str] | None = None) -> None:
    from photoarchive.ui.app import run_gui

    sys.exit(run_gui(list(sys.argv[1:] if argv is None else argv)))


if __name__ == "__main__":
    main()
