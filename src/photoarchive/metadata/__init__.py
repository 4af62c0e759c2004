"""EXIF, IPTC IIM and XMP through python-exiv2: reading on import, writing on export."""

from __future__ import annotations

from photoarchive.metadata.technical import (
    Preview,
    collect_exiv2_warnings,
    descriptive_values,
    open_image,
    parse_exif_datetime,
    previews,
    read_technical,
    technical_from_image,
)

__all__ = [
    "Preview",
    "collect_exiv2_warnings",
    "descriptive_values",
    "open_image",
    "parse_exif_datetime",
    "previews",
    "read_technical",
    "technical_from_image",
]
