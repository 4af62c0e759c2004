"""Import: scan sources, hash, copy into ``originals/``, read metadata, thumbnail, record."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# ``scan`` is both a submodule and the function it defines: bound here, eagerly (it is light),
# so that importing the submodule first never leaves the module under the function's name.
from photoarchive.ingest.scan import PHOTO_EXTENSIONS, RAW_EXTENSIONS, scan

if TYPE_CHECKING:
    from photoarchive.ingest.session import ImportJob, ImportProgress, ImportSummary

# Loaded on first use: a worker process imports ``ingest.worker`` (and so this package), and
# needs neither the run's session nor the pool that starts it.
_LAZY = dict.fromkeys(("ImportJob", "ImportProgress", "ImportSummary"), "photoarchive.ingest.session")


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["PHOTO_EXTENSIONS", "RAW_EXTENSIONS", "ImportJob", "ImportProgress", "ImportSummary", "scan"]
