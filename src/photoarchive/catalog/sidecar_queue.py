"""The photos whose sidecar a window has still to write, kept in a file until they are written.

The window writes the sidecar mirror (``catalog.sidecars``) on a thread of its own, after the
edit has committed. Between the two, and when the window is closed or the process killed
before the writer is done, the catalog has changes that no sidecar holds yet. So the photos
are first noted in ``ARCHIVE/cache/sidecars-pending-HOST-PID-N.json`` (written atomically and
fsynced, a few KB for a thousand photos), and taken off once their sidecars are written and
their folders fsynced. A window opening the archive takes over the files that no living
owner holds (``take_over``: a process of this computer that is gone, or a window of this
process that was closed) and writes those sidecars too, so that nothing noted is forgotten.

The archive folder may be shared by curators on several computers (a catalog on a server):
a process id says nothing about another computer's processes, so the file names the host. A
file of another computer is taken over only once it has not changed for ``FOREIGN_IDLE``
seconds (its window is surely gone); were that window still open after all, the worst is a
sidecar written twice, each time with the catalog's values of the moment. A file named
without a host (written by an earlier version) is this computer's.

A sidecar that could not be written (a full disk) stays noted, to be tried again with the
next photos; ``photoarchive check`` lists every stale sidecar whatever this file says.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import socket
import time
from collections.abc import Iterable
from pathlib import Path

from photoarchive.catalog.archive import ArchivePaths
from photoarchive.files import atomic_write, process_alive

_NAME = re.compile(r"sidecars-pending-(?:(.+)-)?(\d+)-(\d+)\.json")  # host (not always), pid, serial
_SERIAL = itertools.count(1)
_HELD: set[Path] = set()  # the files of the queues open in this process

# How long another computer's file must have stood unchanged before it is taken over (seconds).
FOREIGN_IDLE = 24 * 3600


def host_name() -> str:
    """This computer's name as a queue file names it (letters, digits, '.', '-' and '_' only)."""
    return re.sub(r"[^A-Za-z0-9.-]", "_", socket.gethostname()) or "localhost"


class SidecarQueue:
    """One owner's list of photos whose sidecar is to be written (see the module doc)."""

    def __init__(self, paths: ArchivePaths) -> None:
        self.folder = paths.cache
        self.file = self.folder / f"sidecars-pending-{host_name()}-{os.getpid()}-{next(_SERIAL)}.json"
        self.ids: set[int] = set()
        _HELD.add(self.file)

    def add(self, photo_ids: Iterable[int]) -> None:
        """Note these photos (the file is written before this returns)."""
        new = set(photo_ids) - self.ids
        if new:
            self.ids |= new
            self._save()

    def remove(self, photo_ids: Iterable[int]) -> None:
        """Their sidecars are written: take them off (the file goes when none is left)."""
        done = self.ids & set(photo_ids)
        if done:
            self.ids -= done
            self._save()

    def take_over(self) -> set[int]:
        """The photos noted in the files no living owner holds, now noted in this one (their
        files removed)."""
        taken: set[int] = set()
        files = []
        for path in _files(self.folder):
            match = _NAME.fullmatch(path.name)
            if match is None or path in _HELD or _owner_alive(path, match[1], int(match[2])):
                continue
            noted = _read(path)
            if noted is not None:  # an unreadable file stays (``check`` finds what it stood for)
                taken |= noted
                files.append(path)
        self.add(taken)
        for path in files:
            with contextlib.suppress(OSError):
                path.unlink()
        return taken

    def release(self) -> None:
        """The owner is gone (the window closed): what is left is for the next one to take over."""
        _HELD.discard(self.file)

    def _save(self) -> None:
        if not self.ids:
            self.file.unlink(missing_ok=True)
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(self.file, json.dumps(sorted(self.ids)).encode())


def _owner_alive(path: Path, host: str | None, pid: int) -> bool:
    """Whether the owner a file names may still be writing it: a living process of this
    computer other than this one, or a file of another computer changed in ``FOREIGN_IDLE``."""
    if host is None or host == host_name():
        return pid != os.getpid() and process_alive(pid)
    try:
        return time.time() - path.stat().st_mtime < FOREIGN_IDLE
    except OSError:
        return True  # gone meanwhile, or unreadable: not taken


def pending_files(paths: ArchivePaths) -> list[Path]:
    """Every queue file of the archive (for tests and ``check``)."""
    return [p for p in _files(paths.cache) if _NAME.fullmatch(p.name)]


def _files(folder: Path) -> list[Path]:
    try:
        return sorted(folder / name for name in os.listdir(folder))
    except OSError:
        return []


def _read(path: Path) -> set[int] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {int(x) for x in data}
    except (OSError, ValueError, TypeError):
        return None
