"""The output folder of an export: built beside the target, renamed into place only when complete.

``OutputFolder(target, force)`` checks the target first (before any work is done), creates
a hidden temporary folder in the target's parent (the same file system, so the final rename
is atomic), and on ``commit()`` renames it to the target. ``discard()`` (called for a
cancelled or failed export, and by the context manager when the block raises) removes the
temporary folder, so nothing is left behind.

The temporary folder is locked while it is written (``photoarchive.partial``), and every
run first removes the temporary folders of this target that killed runs left (ones that no
live process holds); an earlier export set aside by a run killed in the middle of replacing
it is put back. The finished folder has the user's usual permissions (not mkdtemp's 0700),
so a gallery can be copied to a web server as it is.

An existing target is replaced only with ``force``, and only if it is an earlier export
(it holds the ``MARKER`` file every export writes) or an empty folder: ``--force`` must never
delete a folder of someone's own files because a path was mistyped.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
from pathlib import Path
from types import TracebackType

from photoarchive.errors import ExportError
from photoarchive.partial import FOLDER_PATTERN, LockedFolder, held, remove_leftovers

MARKER = ".photoarchive-export"


class OutputFolder:
    """A temporary folder that becomes ``target`` on ``commit()``; see the module docstring."""

    def __init__(self, target: Path | str, *, force: bool = False) -> None:
        self.target = Path(target).expanduser().absolute()
        self.force = force
        self.path: Path | None = None
        self._lock: LockedFolder | None = None
        check_target(self.target, force=force)

    def __enter__(self) -> Path:
        return self.open()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if kind is not None:
            self.discard()

    def open(self) -> Path:
        parent = self.target.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            self._put_back_previous()
            remove_leftovers(parent, [self.target.name])
            self._lock = LockedFolder(self.target)
            self.path = self._lock.path
        except OSError as error:
            raise ExportError(f"cannot create the export folder in {parent} ({error.strerror or error})") from error
        return self.path

    def commit(self, marker_text: str) -> Path:
        """Write the marker, then put the finished folder in place of the target."""
        if self.path is None:
            raise RuntimeError("OutputFolder.commit() before open()")
        (self.path / MARKER).write_text(marker_text, encoding="utf-8")
        check_target(self.target, force=self.force)  # something may have appeared meanwhile
        old = old_lock = None
        try:
            if self.target.exists():
                old_lock = LockedFolder(self.target, "old")
                old = old_lock.path
                os.replace(self.target, old / "previous")
            os.replace(self.path, self.target)
        except OSError as error:
            if old is not None and (old / "previous").exists() and not self.target.exists():
                os.replace(old / "previous", self.target)  # put the earlier export back
            self.discard()
            raise ExportError(f"cannot move the export into {self.target} ({error.strerror or error})") from error
        finally:
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
            if old_lock is not None:
                old_lock.close()
        self.path = None
        self._unlock()
        return self.target

    def discard(self) -> None:
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            self.path = None
        self._unlock()

    def _unlock(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def _put_back_previous(self) -> None:
        """A run killed between setting the earlier export aside and moving the new one in
        leaves no target and the earlier export in ``.TARGET.old-*/previous``: put it back."""
        if self.target.exists() or self.target.is_symlink():
            return
        for old in sorted(self.target.parent.glob(f".{glob.escape(self.target.name)}.old-*")):
            previous = old / "previous"
            if FOLDER_PATTERN.fullmatch(old.name) and (previous / MARKER).is_file() and not previous.is_symlink():
                with contextlib.suppress(OSError), held(old) as unused:
                    if unused:  # not a live run's, in the middle of its commit
                        os.replace(previous, self.target)
                        return


def check_target(target: Path, *, force: bool) -> None:
    """Raise ExportError unless ``target`` may be written (see the module docstring)."""
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir() or target.is_symlink():
        raise ExportError(f"{target} exists and is not a folder; choose another target")
    try:
        entries = list(target.iterdir())
    except OSError as error:
        raise ExportError(f"{target}: cannot read it ({error.strerror or error})") from error
    if not entries:
        return
    if not force:
        raise ExportError(f"{target} already exists; use --force to replace it, or choose another folder")
    if not (target / MARKER).is_file():
        raise ExportError(
            f"{target} is not a Photo Archive export (no {MARKER} file in it), so --force will not replace it;"
            " choose an empty or new folder"
        )
