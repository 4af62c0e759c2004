"""Files and folders being written by an export or ``photoarchive write``, and what a killed
run leaves of them.

Both write under a temporary name beside the result and rename it into place when it is
complete (``.TARGET.partial-XXXXXXXX`` folders, ``.NAME.XXXXXXXX.part`` files). A run that is
killed (kill -9, a power cut) cannot remove its own, so every run first removes what earlier
runs left in the folder it writes to (``remove_leftovers``). To tell a leftover from the
work of a run that is still going (a second export beside this one), each is locked
(``fcntl.flock``, which the kernel releases when its process dies, however it dies) for as
long as it is being written; a leftover is one that matches our name patterns and that
nobody holds. A user's own file never matches the patterns (hidden, our suffixes, 8 random
characters), and one that did would still be left alone unless it could be locked, which
any file can; hence the patterns are exact. Where ``fcntl`` does not exist (Windows), a
leftover must also be a day old.

Results get the user's usual permissions (``files.usual_mode``), not the 0700 of ``mkdtemp``,
which a web server cannot read once the gallery is copied to it as it is.

Why a top-level module, which shared/STYLE.md's shape does not list: it knows only files,
name patterns and locks, no rule of an export, and builds on ``files``; its users today are
all in ``export`` (the output folder of a gallery or package, and ``export.copies``, which
``photoarchive write`` runs), so ``export/`` would also do.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from photoarchive.files import usual_mode

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

# .TARGET.partial-XXXXXXXX and .TARGET.old-XXXXXXXX (tempfile.mkdtemp's 8 characters)
FOLDER_PATTERN = re.compile(r"\..+\.(partial|old)-[a-z0-9_]{8}")
# .NAME.XXXXXXXX.part (uuid4 hex), and the temporary file metadata.write may make beside one
FILE_PATTERN = re.compile(r"\..+\.[0-9a-f]{8}\.part(\.[a-z0-9_]{8}\.tmp)?")
UNLOCKED_AGE = 24 * 3600  # seconds; only where there is no fcntl


def _lock(fd: int, *, wait: bool) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


class LockedFolder:
    """A new hidden folder ``.TARGET.KIND-XXXXXXXX`` beside ``target``, locked until ``close()``."""

    def __init__(self, target: Path, kind: str = "partial") -> None:
        for _ in range(5):
            path = Path(tempfile.mkdtemp(prefix=f".{target.name}.{kind}-", dir=target.parent))
            fd = os.open(path, os.O_RDONLY)
            _lock(fd, wait=True)  # waits out a cleaner that took it in the instant between
            if os.fstat(fd).st_nlink > 0:
                break
            os.close(fd)  # a cleaner removed it first: take another name
        else:  # pragma: no cover - five cleaners in a row
            raise OSError(f"cannot create a temporary folder in {target.parent}")
        os.chmod(path, usual_mode(folder=True))
        self.path = path
        self._fd: int | None = fd

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


@contextlib.contextmanager
def part_file(target: Path) -> Iterator[tuple[Path, int]]:
    """A new locked ``.NAME.XXXXXXXX.part`` beside ``target``: (its path, a writable fd).

    The lock is held until the block ends; the caller renames or links the file into place
    inside the block. The file is removed at the end if it is still there.
    """
    while True:
        path = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, usual_mode())
        _lock(fd, wait=True)
        if os.fstat(fd).st_nlink > 0:
            break
        os.close(fd)
    try:
        yield path, fd
    finally:
        with contextlib.suppress(FileNotFoundError):
            if os.fstat(fd).st_nlink > 0 and os.path.exists(path) and os.path.samestat(os.stat(path), os.fstat(fd)):
                path.unlink()
        os.close(fd)


def remove_leftovers(folder: Path, names: Iterable[str] | None = None) -> list[Path]:
    """Remove what killed runs left in ``folder`` (see the module doc); returns what went.

    ``names`` limits it to the leftovers of these targets (the names a run writes), e.g.
    ``[target.name]`` for an export. Errors are ignored: a leftover that cannot be removed
    now is tried again by the next run.
    """
    wanted = None if names is None else {n for n in names}
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        folder_match = FOLDER_PATTERN.fullmatch(entry.name)
        file_match = None if folder_match else FILE_PATTERN.fullmatch(entry.name)
        if not (folder_match or file_match):
            continue
        if wanted is not None and not any(entry.name.startswith(f".{n}.") for n in wanted):
            continue
        try:
            if entry.is_symlink() or entry.is_dir(follow_symlinks=False) != bool(folder_match):
                continue
            if _remove_if_unlocked(Path(entry.path), folder=bool(folder_match)):
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


@contextlib.contextmanager
def held(path: Path) -> Iterator[bool]:
    """Try to lock ``path`` (a leftover?): True inside the block if no live process holds it."""
    fd = os.open(path, os.O_RDONLY)
    try:
        yield _lock(fd, wait=False)
    finally:
        os.close(fd)


def _remove_if_unlocked(path: Path, *, folder: bool) -> bool:
    if fcntl is None and time.time() - path.stat().st_mtime < UNLOCKED_AGE:
        return False
    part = re.sub(r"\.[a-z0-9_]{8}\.tmp$", "", path.name)
    if not folder and part != path.name:  # a temporary file of metadata.write beside a .part
        holder = path.with_name(part.removeprefix("."))
        if holder.exists():
            return False  # its .part decides: removed with it, or left while it is locked
    fd = os.open(path, os.O_RDONLY)
    try:
        if not _lock(fd, wait=False):
            return False  # a live run is writing it
        if folder:
            shutil.rmtree(path)
        else:
            path.unlink()
        return True
    finally:
        os.close(fd)
