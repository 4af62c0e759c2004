"""Publishing a collection: a static web gallery, a publisher's package, or a blog post.

``ExportJob(catalog, collection, ExportOptions(format=..., target=...)).run()`` yields
progress; the command line (``photoarchive export``) and the GUI's Export dialog both use it.
See ``job`` for the run, ``plan`` for what is shown, ``precision`` for locations,
``naming`` for file names, ``output`` for the atomic output folder, and ``gallery``,
``package`` and ``post`` for each format's layout.
"""

from __future__ import annotations

from photoarchive.export.job import ExportJob, ExportProblem, ExportProgress, ExportSummary
from photoarchive.export.options import FORMATS, METADATA_MODES, PRECISIONS, ExportOptions

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
