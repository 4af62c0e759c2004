"""The field table: each curated field's EXIF, IPTC IIM and XMP tags, and the sets derived from it.

Reading, writing, validation and the variables of templates all work from ``FIELDS``; nothing
else in the package names a tag. Each field is declared once, with its tags and the order of
precedence of the standards (Metadata Working Group guidelines 2.0, see ``Precedence``),
beside its attribute of ``model.CuratedFields``; this module re-exports the declaration's
types and adds what only reading and writing need: the tags the writer manages, the location
shown, the IIM character set. Tag names are the exiv2 keys (``Exif.Image.Artist``,
``Iptc.Application2.Caption``, ``Xmp.dc.description``); ``FieldSpec.standard_names`` gives the
names of the IPTC Photo Metadata Standard for messages and documentation.

``event_date`` has no standard property: it is kept in our own XMP namespace
(``photoarchive:EventDate``, see ``PHOTOARCHIVE_NS``) so that an exported file carries it back
into another archive; every other tool ignores it.
"""

from __future__ import annotations

from typing import NamedTuple

from photoarchive.model.curated import FIELDS, FIELDS_BY_NAME
from photoarchive.model.fields import (
    PHOTO_MECHANIC_NS,
    PHOTO_MECHANIC_PREFIX,
    PHOTOARCHIVE_NS,
    PHOTOARCHIVE_PREFIX,
    FieldSpec,
    Input,
    Kind,
    Precedence,
    XmpType,
)

__all__ = [
    "FIELDS",
    "FIELDS_BY_NAME",
    "IIM_CHARSET_KEY",
    "LOCATION_SHOWN",
    "MANAGED_IIM_KEYS",
    "MULTILINE_FIELDS",
    "PHOTOARCHIVE_NS",
    "PHOTOARCHIVE_PREFIX",
    "PHOTO_MECHANIC_NS",
    "PHOTO_MECHANIC_PREFIX",
    "FieldSpec",
    "GpsPoint",
    "Input",
    "Kind",
    "Precedence",
    "XmpType",
]

LOCATION_SHOWN = "Xmp.iptcExt.LocationShown"

MULTILINE_FIELDS: frozenset[str] = frozenset(spec.name for spec in FIELDS if spec.multiline)

# The IIM datasets the table manages: the writer replaces these, and only transcodes the other
# text datasets of a file to UTF-8 (the charset marker it writes speaks for all of them).
MANAGED_IIM_KEYS: frozenset[str] = frozenset(d.key for spec in FIELDS for d in spec.iim)

IIM_CHARSET_KEY = "Iptc.Envelope.CharacterSet"


class GpsPoint(NamedTuple):
    """A position in WGS 84 degrees (and metres above sea level), for the location shown."""

    latitude: float
    longitude: float
    altitude: float | None = None
