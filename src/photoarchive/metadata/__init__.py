"""EXIF, IPTC IIM and XMP through python-exiv2: reading on import, writing on export.

- ``technical``: capture date, camera, orientation, GPS and RAW previews (read on import);
- ``fields``: the table mapping each curated field to its tags (``FIELDS``);
- ``read``: ``read_curated(path)`` reads and reconciles a file (and its XMP sidecar);
- ``write``: ``write(fields, target)``, ``write_bytes(fields, data)`` (in memory) and
  ``write_sidecar(fields, xmp_path)``;
- ``validate``: ``validate(fields)`` checks and normalises curated values;
- ``variables``: ``compile_template(text)`` for presets, caption templates and file names.

This package imports only the model, the errors, python-exiv2, pycountry and the standard
library; it never prints (exiv2's own messages are captured and returned as warnings).
"""

from __future__ import annotations

from photoarchive.metadata.fields import FIELDS, FIELDS_BY_NAME, FieldSpec, GpsPoint
from photoarchive.metadata.mwg import Conflict
from photoarchive.metadata.read import ReadResult, find_sidecar, read_curated, read_curated_bytes
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
from photoarchive.metadata.validate import validate, validate_gps, validate_value
from photoarchive.metadata.variables import Template, compile_template, photo_variables, render
from photoarchive.metadata.write import Shortened, WriteResult, sidecar_path, write, write_bytes, write_sidecar

__all__ = [
    "FIELDS",
    "FIELDS_BY_NAME",
    "Conflict",
    "FieldSpec",
    "GpsPoint",
    "Preview",
    "ReadResult",
    "Shortened",
    "Template",
    "WriteResult",
    "collect_exiv2_warnings",
    "compile_template",
    "descriptive_values",
    "find_sidecar",
    "open_image",
    "parse_exif_datetime",
    "photo_variables",
    "previews",
    "read_curated",
    "read_curated_bytes",
    "read_technical",
    "render",
    "sidecar_path",
    "technical_from_image",
    "validate",
    "validate_gps",
    "validate_value",
    "write",
    "write_bytes",
    "write_sidecar",
]
