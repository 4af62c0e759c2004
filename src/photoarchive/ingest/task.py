"""What the main process of an import knows of the work done for one file, without its code.

The work itself (``worker.process_file``: hash, copy, metadata, thumbnails) needs Pillow,
libvips and exiv2; the process that farms the files out and records the results needs none
of them to do so: it imports this module, and ``work.import_file``, which names the work
for the pool (a task is pickled by the name of its function) and imports ``worker`` where it
runs: in a worker process, forked from a server that imported it already (``WORKER_PRELOAD``,
see ``pool.start_workers``). Where the workers are forked from the importing process itself
(the command line on Linux, ``pool.can_fork_here``), it imports ``WORKER_PRELOAD`` once, just
before, for all of them; either way the workers' imports are paid once an import.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass, field
from datetime import date

# What the pool's fork server imports before forking the workers (``pool.start_workers``):
# the module they run, and pyvips, which that module loads on first use (its import starts
# libvips, without a thread: the server stays safe to fork), once instead of once a worker.
WORKER_MODULE = "photoarchive.ingest.worker"
WORKER_PRELOAD = (WORKER_MODULE, "pyvips")

DISK_FULL = "the disk holding the archive is full"


@dataclass
class FileResult:
    source: str
    status: str  # "imported", "duplicate" or "failed"
    error: str | None = None
    sha256: str | None = None
    relative_path: str | None = None
    created: bool = False
    values: dict[str, object] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    disk_full: bool = False  # the archive's disk is full: the import stops


def disk_full(error: BaseException) -> bool:
    """True when ``error``, or an error it came from, says the disk (or the user's quota) is full."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if isinstance(current, sqlite3.Error) and (
            getattr(current, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(current)
        ):
            return True
        current = current.__cause__ or current.__context__
    return False


def today() -> str:
    return date.today().isoformat()
