"""Finding the files to import under the paths a curator gave: files and folders, recursively."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from photoarchive.files import real_path

RAW_EXTENSIONS = frozenset({".cr2", ".cr3", ".nef", ".nrw", ".arw", ".orf", ".raf", ".rw2", ".dng", ".pef", ".srw"})
IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".jpe", ".tif", ".tiff", ".png", ".webp", ".heic", ".heif", ".hif"})
PHOTO_EXTENSIONS = RAW_EXTENSIONS | IMAGE_EXTENSIONS
# Companion files that travel with photos: read with their photo, not imported on their own.
SIDECAR_EXTENSIONS = frozenset({".xmp", ".thm"})
# Files that operating systems and cameras leave in photo folders.
_SYSTEM_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})


@dataclass
class ScanResult:
    files: list[Path] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # Files and failures in the order met (the paths as given, each folder sorted by name),
    # with None for a file to import or the reason it cannot be.
    entries: list[tuple[str, str | None]] = field(default_factory=list)

    def add(self, path: Path) -> None:
        self.files.append(path)
        self.entries.append((str(path), None))

    def fail(self, path: Path | str, reason: str) -> None:
        self.failures.append((str(path), reason))
        self.entries.append((str(path), reason))


_LOOP = "a loop of symbolic links (it leads back to itself)"


def scan(paths: Iterable[Path | str], *, archive: Path | None = None) -> ScanResult:
    """Photo files under the given paths, in a stable order, plus what could not be used.

    A file named on purpose that is not a photo is a failure; in a folder, sidecars, hidden
    and system files are skipped quietly and any other file is reported as unsupported. The
    ``archive`` folder itself is never imported from (its originals are already in it).
    """
    result = ScanResult()
    seen: set[Path] = set()
    # Resolved once (each given path is resolved once too): resolving walks every component.
    archive = archive.resolve() if archive is not None else None
    if archive is not None:
        seen.add(archive)  # a walk that reaches the archive folder passes it by
    for given in paths:
        path = Path(given).expanduser()
        real = real_path(path)
        if real is None:
            result.fail(path, _LOOP)
        elif not path.exists():
            result.fail(path, "no such file or folder")
        elif archive is not None and real.is_relative_to(archive):
            result.fail(path, "is inside the archive itself; import from the card or folder it came from")
        elif path.is_dir():
            _walk(path, result, seen)
        else:
            _consider(path, result, seen, explicit=True, real=real)
    return result


def _walk(folder: Path, result: ScanResult, seen: set[Path]) -> None:
    def on_error(error: OSError) -> None:
        result.fail(error.filename or folder, f"cannot read folder ({error.strerror})")

    for root, dirs, files in os.walk(folder, onerror=on_error, followlinks=False):
        kept = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            if real_path(Path(root) / name) in seen:
                result.skipped.append(str(Path(root) / name))
            else:
                kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            _consider(Path(root) / name, result, seen, explicit=False)


def _consider(path: Path, result: ScanResult, seen: set[Path], *, explicit: bool, real: Path | None = None) -> None:
    """``real``: the path resolved already, when the caller has it."""
    key = real if real is not None else real_path(path)
    if key is None:
        result.fail(path, _LOOP)
        return
    if key in seen:
        return
    seen.add(key)
    suffix = path.suffix.lower()
    if suffix in PHOTO_EXTENSIONS:
        result.add(path)
    elif not explicit and (
        path.name.startswith(".") or path.name.lower() in _SYSTEM_NAMES or suffix in SIDECAR_EXTENSIONS
    ):
        result.skipped.append(str(path))
    else:
        kind = f"{suffix[1:].upper()} files" if suffix else "files without an extension"
        result.fail(path, f"not a supported photo format ({kind} are not imported)")
