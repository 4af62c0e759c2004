"""Import: scan sources, hash, copy into ``originals/``, read metadata, thumbnail, record."""

from __future__ import annotations

from photoarchive.ingest.scan import PHOTO_EXTENSIONS, RAW_EXTENSIONS, scan
from photoarchive.ingest.session import ImportJob, ImportProgress, ImportSummary

__all__ = ["PHOTO_EXTENSIONS", "RAW_EXTENSIONS", "ImportJob", "ImportProgress", "ImportSummary", "scan"]
