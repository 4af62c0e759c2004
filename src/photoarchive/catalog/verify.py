"""Verifying the archive's originals against the catalog, and the file hash used everywhere.

``check_originals`` is a generator (one result a photo, so a caller can show progress and
stop) that says of each recorded original whether it is still there with its SHA-256;
``untracked_originals`` lists files in ``originals/`` the catalog does not know (not the XMP
sidecars that mirror the catalog beside the originals, ``catalog.sidecars``, nor the files an
import is writing in ``originals/.incoming``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.sidecars import is_mirror_name

CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in 1 MB pieces."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class OriginalCheck:
    photo_id: int
    path: Path
    problem: str | None  # None: present and unchanged


def check_originals(catalog: Catalog) -> Iterator[OriginalCheck]:
    """Each recorded original: missing, changed (size or SHA-256), or fine."""
    for photo_id, relative, sha256, size in catalog.iter_photo_files():
        path = catalog.paths.original(relative)
        if not path.is_file():
            problem = "missing"
        elif path.stat().st_size != size or sha256_file(path) != sha256:
            problem = "changed (its SHA-256 no longer matches)"
        else:
            problem = None
        yield OriginalCheck(photo_id, path, problem)


def untracked_originals(catalog: Catalog) -> list[Path]:
    """Files under originals/ that no photo records (left by hand, or by a tool we don't know)."""
    known = {relative for _, relative, _, _ in catalog.iter_photo_files()}
    root = catalog.paths.originals
    return [
        p
        for p in sorted(root.rglob("*"))
        if p.is_file()
        and ".incoming" not in p.relative_to(root).parts
        and p.relative_to(root).as_posix() not in known
        and not is_mirror_name(p)
    ]
