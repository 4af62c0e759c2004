"""The command line: a thin layer over the same core the GUI uses.

Each command group lives in its own module with a ``register(subparsers)`` function that
adds its sub-commands; a handler takes ``(args, catalog)`` and returns the exit status.
Exit status: 0 when all went well, 1 when something failed (files that did not import,
originals that did not check), 2 on a usage error (bad option, unknown id, invalid value).
"""

from __future__ import annotations

from photoarchive.cli.app import main

__all__ = ["main"]
