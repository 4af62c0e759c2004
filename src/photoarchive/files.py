"""Writing files so that a crash leaves either the old file or the whole new one.

``atomic_write`` writes under a hidden temporary name beside the target (the same file
system, so the rename is atomic), fsyncs the data, lets the caller check what was written,
renames it over the target and fsyncs the folder so that the rename itself survives a power
cut. Everything that replaces a file the user or the catalog relies on goes through it: the
catalog's backups, the XMP sidecar mirror, metadata written into copies, thumbnails (which
are a cache, and skip the fsyncs). A file that must never replace another (an original
copied into the archive, ``photoarchive write`` without ``--force``) is linked into place
by its writer instead; it uses ``fsync_dir`` from here.

``usual_mode`` is the permission a new file or folder gets from ``open`` and ``mkdir``:
``mkstemp`` and ``mkdtemp`` give 0600 and 0700, which a web server cannot read once an
export is copied to it as it is.

Why a top-level module, which shared/STYLE.md's shape does not list: every layer writes
files (the catalog's backups, ``metadata``'s copies, ``imaging``'s thumbnails), so this sits
under all of them, the bottom layer of the import contracts, and imports nothing of ours.
"""

from __future__ import annotations

import errno
import os
import uuid
from collections.abc import Callable
from pathlib import Path

UTF8_NAME_MAX = 255  # bytes in a file name, on the file systems an archive or an export lives on


def usual_mode(*, folder: bool = False) -> int:
    """0777 (folders) or 0666 (files) less the process's umask: what ``mkdir`` and ``open`` give."""
    mask = os.umask(0)
    os.umask(mask)
    return (0o777 if folder else 0o666) & ~mask


def fsync_file(path: Path) -> None:
    """Flush a file that was written by someone else (SQLite, shutil) to the disk."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename or link in ``folder`` durable; a no-op where folders cannot be fsynced."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # not every platform can fsync a folder; the data itself is synced
    finally:
        os.close(fd)


def temporary_name(target: Path, tag: str = "") -> Path:
    """A hidden name beside ``target``, ``.NAME.[TAG-]XXXXXXXX.tmp``, that no other writer takes.

    ``partial.FILE_PATTERN`` knows this name beside a ``.part`` file, and the sidecar mirror
    puts its process id in ``TAG``: both tell a killed run's leftover by it."""
    return target.with_name(f".{target.name}.{tag + '-' if tag else ''}{uuid.uuid4().hex[:8]}.tmp")


def atomic_write(
    target: Path,
    content: bytes | Callable[[Path], object],
    *,
    mode: int | None = None,
    verify: Callable[[Path], object] | None = None,
    temporary: Path | None = None,
    sync: bool = True,
) -> None:
    """Replace ``target`` with ``content`` (see the module doc).

    ``content`` is the bytes, or a function that writes the file at the path it is given
    (an empty file is there already). ``mode`` is the new file's permissions (default
    ``usual_mode()``). ``verify`` is called with the finished temporary file before the rename
    and raises to keep the target as it was. ``temporary`` overrides the temporary name,
    ``sync=False`` skips the fsyncs. The temporary file is gone afterwards, whatever happens;
    errors are raised as they come (``OSError``, or ``verify``'s).
    """
    tmp = temporary or temporary_name(target)
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        if isinstance(content, bytes):
            with os.fdopen(fd, "wb") as stream:
                stream.write(content)
                stream.flush()
                if sync:
                    os.fsync(stream.fileno())
        else:
            os.close(fd)
            content(tmp)
            if sync:
                fsync_file(tmp)
        os.chmod(tmp, usual_mode() if mode is None else mode)
        if verify is not None:
            verify(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    if sync:
        fsync_dir(target.parent)


def numbered_name(stem: str, number: int, extension: str = "", *, max_bytes: int = UTF8_NAME_MAX) -> str:
    """``STEM-NUMBER.EXT`` (no number for 0), the stem cut between characters so that the
    whole fits ``max_bytes`` of UTF-8 (a 255-byte name has no room for ``-1`` otherwise) and a
    cut stem stripped of the separators the cut left at its end. Every writer that must not
    take a name already in use numbers its candidates this way."""
    tail = (f"-{number}" if number else "") + extension
    room = max_bytes - len(tail.encode("utf-8"))
    cut = truncate_utf8(stem, room)
    return (cut if cut == stem else cut.rstrip(" ._-")) + tail


def truncate_utf8(text: str, max_bytes: int) -> str:
    """The longest prefix of ``text`` whose UTF-8 form fits ``max_bytes``, cut between characters."""
    data = text.encode("utf-8")
    if len(data) <= max_bytes:
        return text
    # Decoding with "ignore" drops the partial sequence at the cut, never a whole character.
    return data[: max(max_bytes, 0)].decode("utf-8", errors="ignore")


def real_path(path: Path) -> Path | None:
    """The path with its symbolic links resolved; None when they loop (``Path.resolve``
    raises RuntimeError for a loop before Python 3.13, OSError ELOOP after); the absolute
    path when it cannot be resolved for another reason (a folder that cannot be read)."""
    try:
        return path.resolve()
    except RuntimeError:
        return None
    except OSError as error:
        return None if error.errno == errno.ELOOP else path.absolute()


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists (this one included): the owner named in a file's
    name (a temporary file, a queue of pending work) may still be writing it."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, and is someone else's
    return True
