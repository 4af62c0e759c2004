"""Reading an original for publication: its bytes, checked against the hash the catalog holds.

An export or ``photoarchive write`` publishes an original under the captions the catalog
holds for it. If the file at the original's path is no longer the one that was imported (a
file swapped or edited behind the archive's back, a damaged disk), publishing it would put
those captions on another picture. So the file is read once, hashed, and that same buffer
is what is decoded or copied; the hash goes into the publication's manifest.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from photoarchive.errors import ImageError


def read_checked(path: Path | str, expected_sha256: str | None) -> tuple[bytes, str]:
    """The file's bytes and their SHA-256; ImageError when they are not what was imported.

    ``expected_sha256`` None (or empty) skips the comparison. OSError is left to the caller.
    """
    with open(path, "rb") as stream:
        data = stream.read()
    found = hashlib.sha256(data).hexdigest()
    if expected_sha256 and found != expected_sha256.lower():
        raise ImageError(changed_reason(path, expected_sha256, found))
    return data, found


def changed_reason(path: Path | str, expected: str, found: str) -> str:
    return (
        f"the original {Path(path).name} has changed since it was imported: it is not the picture its captions"
        f" describe (expected sha256 {expected}, found {found}); run 'photoarchive check'"
    )
