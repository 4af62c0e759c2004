"""Publishing a collection: a static web gallery, a publisher's package, or a blog post.

``ExportJob(catalog, collection, ExportOptions(format=..., target=...)).run()`` yields
progress; the command line (``photoarchive export``) and the GUI's Export dialog both use it.
See ``job`` for the run, ``plan`` for what is shown, ``precision`` for locations,
``naming`` for file names, ``output`` for the atomic output folder, and ``gallery``,
``package`` and ``post`` for each format's layout.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from photoarchive.export.job import ExportJob, ExportProblem, ExportProgress, ExportSummary
    from photoarchive.export.options import FORMATS, METADATA_MODES, PRECISIONS, ExportOptions

# Loaded on first use: the worker processes import ``export.render`` only, and need neither
# the catalog nor Jinja2 (a spawned worker pays every import again).
_LAZY = {
    **dict.fromkeys(("ExportJob", "ExportProblem", "ExportProgress", "ExportSummary"), "photoarchive.export.job"),
    **dict.fromkeys(("FORMATS", "METADATA_MODES", "PRECISIONS", "ExportOptions"), "photoarchive.export.options"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FORMATS",
    "METADATA_MODES",
    "PRECISIONS",
    "ExportJob",
    "ExportOptions",
    "ExportProblem",
    "ExportProgress",
    "ExportSummary",
]
