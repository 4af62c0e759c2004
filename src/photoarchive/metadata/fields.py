"""The one table that maps each curated field to its EXIF, IPTC IIM and XMP tags.

Reading, writing, validation and the variables of templates all work from ``FIELDS``; nothing
else in the package names a tag. Tag names are the exiv2 keys (``Exif.Image.Artist``,
``Iptc.Application2.Caption``, ``Xmp.dc.description``); ``FieldSpec.standard_names`` gives the
names of the IPTC Photo Metadata Standard for messages and documentation.

Order of precedence when the standards disagree (Metadata Working Group guidelines 2.0, as
ExifTool implements them in its MWG composite tags):

- ``EXIF_FIRST`` (description, copyright, creator, date created): EXIF when it holds a
  non-blank value; otherwise as ``XMP_IIM``.
- ``XMP_IIM``: XMP, unless the stored IPTC digest shows that the IIM was changed after the
  XMP was written (then IIM, except when the IIM value is a prefix of the XMP value cut at
  its IIM byte limit: that IIM was truncated and the XMP keeps the whole text).
- ``XMP_ONLY``: fields that exist only in XMP (alt text, usage terms, event, ...).

An XMP sidecar beside the file comes before all of these (see ``photoarchive.metadata.read``).

``event_date`` has no standard property: it is kept in our own XMP namespace
(``photoarchive:EventDate``, see ``PHOTOARCHIVE_NS``) so that an exported file carries it back
into another archive; every other tool ignores it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from photoarchive.model.curated import CURATED_FIELD_NAMES

# A URN rather than an http URL: the project owns no domain to put a namespace under.
PHOTOARCHIVE_NS = "urn:photoarchive:xmp:1.0/"
PHOTOARCHIVE_PREFIX = "photoarchive"

# exiv2's own prefixes for the IPTC namespaces, and the prefixes that the IPTC standard uses.
STANDARD_PREFIXES = {"iptc": "Iptc4xmpCore", "iptcExt": "Iptc4xmpExt"}

LOCATION_SHOWN = "Xmp.iptcExt.LocationShown"


class Kind(Enum):
    """How a field's value is shaped in the model and in the files."""

    TEXT = "text"  # one string
    LIST = "list"  # list of strings (keywords)
    NAMES = "names"  # one string in the model, a list in IIM/XMP, "; "-joined in EXIF (MWG)
    DATE = "date"  # ISO 8601 text


class XmpType(Enum):
    TEXT = "text"
    LANG_ALT = "lang-alt"  # written as x-default; read as x-default, else the first language
    BAG = "bag"
    SEQ = "seq"
    DATE = "date"


class Precedence(Enum):
    EXIF_FIRST = "exif, then xmp/iim"
    XMP_IIM = "xmp/iim by the IPTC digest"
    XMP_ONLY = "xmp"


@dataclass(frozen=True)
class IimDataset:
    """One IPTC IIM dataset: its exiv2 key, its number and its byte limit."""

    key: str
    number: str
    max_bytes: int
    repeatable: bool = False


@dataclass(frozen=True)
class XmpProperty:
    key: str
    type: XmpType


@dataclass(frozen=True)
class FieldSpec:
    """Where one curated field lives in each standard, and how it behaves."""

    name: str
    label: str
    kind: Kind
    precedence: Precedence
    xmp: XmpProperty
    iim: tuple[IimDataset, ...] = ()
    exif: tuple[str, ...] = ()
    # Field of the Iptc4xmpExt:LocationShown structure that repeats this value.
    location_shown: str | None = None
    multiline: bool = False

    @property
    def standard_names(self) -> list[str]:
        """Tag names as the standards spell them, e.g. ``IIM 2:120``, ``dc:description``."""
        names = [f"IIM {d.number}" for d in self.iim]
        _, prefix, prop = self.xmp.key.split(".", 2)
        names.append(f"{STANDARD_PREFIXES.get(prefix, prefix)}:{prop}")
        names += [f"EXIF {key.rsplit('.', 1)[1]}" for key in self.exif]
        if self.location_shown:
            names.append(f"Iptc4xmpExt:LocationShown/{self.location_shown}")
        return names


def _iim(name: str, number: str, max_bytes: int, repeatable: bool = False) -> tuple[IimDataset, ...]:
    return (IimDataset(f"Iptc.Application2.{name}", number, max_bytes, repeatable),)


_T, _L, _N, _D = Kind.TEXT, Kind.LIST, Kind.NAMES, Kind.DATE
_EXIF, _XI, _XO = Precedence.EXIF_FIRST, Precedence.XMP_IIM, Precedence.XMP_ONLY
_TEXT, _ALT, _BAG, _SEQ = XmpType.TEXT, XmpType.LANG_ALT, XmpType.BAG, XmpType.SEQ

# IIM byte limits are those of IIM 4.2 (and of the IPTC Photo Metadata Standard's mapping).
# fmt: off
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "Title", _T, _XI, XmpProperty("Xmp.dc.title", _ALT), _iim("ObjectName", "2:05", 64)),
    FieldSpec("headline", "Headline", _T, _XI, XmpProperty("Xmp.photoshop.Headline", _TEXT),
              _iim("Headline", "2:105", 256)),
    FieldSpec("caption", "Description", _T, _EXIF, XmpProperty("Xmp.dc.description", _ALT),
              _iim("Caption", "2:120", 2000), ("Exif.Image.ImageDescription",), multiline=True),
    FieldSpec("alt_text", "Alt text (accessibility)", _T, _XO,
              XmpProperty("Xmp.iptc.AltTextAccessibility", _ALT), multiline=True),
    FieldSpec("caption_writer", "Description writer", _T, _XI, XmpProperty("Xmp.photoshop.CaptionWriter", _TEXT),
              _iim("Writer", "2:122", 32)),
    FieldSpec("creator", "Creator", _N, _EXIF, XmpProperty("Xmp.dc.creator", _SEQ),
              _iim("Byline", "2:80", 32, repeatable=True), ("Exif.Image.Artist",)),
    FieldSpec("creator_job_title", "Creator's job title", _T, _XI,
              XmpProperty("Xmp.photoshop.AuthorsPosition", _TEXT), _iim("BylineTitle", "2:85", 32)),
    FieldSpec("credit", "Credit line", _T, _XI, XmpProperty("Xmp.photoshop.Credit", _TEXT),
              _iim("Credit", "2:110", 32)),
    FieldSpec("source", "Source", _T, _XI, XmpProperty("Xmp.photoshop.Source", _TEXT), _iim("Source", "2:115", 32)),
    FieldSpec("copyright", "Copyright notice", _T, _EXIF, XmpProperty("Xmp.dc.rights", _ALT),
              _iim("Copyright", "2:116", 128), ("Exif.Image.Copyright",)),
    FieldSpec("usage_terms", "Rights usage terms", _T, _XO, XmpProperty("Xmp.xmpRights.UsageTerms", _ALT),
              multiline=True),
    FieldSpec("web_statement", "Web statement of rights", _T, _XO,
              XmpProperty("Xmp.xmpRights.WebStatement", _TEXT)),
    FieldSpec("instructions", "Instructions", _T, _XI, XmpProperty("Xmp.photoshop.Instructions", _TEXT),
              _iim("SpecialInstructions", "2:40", 256), multiline=True),
    FieldSpec("keywords", "Keywords", _L, _XI, XmpProperty("Xmp.dc.subject", _BAG),
              _iim("Keywords", "2:25", 64, repeatable=True)),
    FieldSpec("hierarchical_keywords", "Hierarchical keywords", _L, _XO,
              XmpProperty("Xmp.lr.hierarchicalSubject", _BAG)),
    FieldSpec("date_created", "Date created", _D, _EXIF, XmpProperty("Xmp.photoshop.DateCreated", XmpType.DATE),
              (IimDataset("Iptc.Application2.DateCreated", "2:55", 8),
               IimDataset("Iptc.Application2.TimeCreated", "2:60", 11)),
              ("Exif.Photo.DateTimeOriginal", "Exif.Photo.SubSecTimeOriginal", "Exif.Photo.OffsetTimeOriginal")),
    FieldSpec("event", "Event", _T, _XO, XmpProperty("Xmp.iptcExt.Event", _ALT)),
    FieldSpec("event_date", "Date of the event shown", _T, _XO,
              XmpProperty(f"Xmp.{PHOTOARCHIVE_PREFIX}.EventDate", _TEXT)),
    FieldSpec("sublocation", "Sublocation", _T, _XI, XmpProperty("Xmp.iptc.Location", _TEXT),
              _iim("SubLocation", "2:92", 32), location_shown="Sublocation"),
    FieldSpec("city", "City", _T, _XI, XmpProperty("Xmp.photoshop.City", _TEXT), _iim("City", "2:90", 32),
              location_shown="City"),
    FieldSpec("state", "Province or state", _T, _XI, XmpProperty("Xmp.photoshop.State", _TEXT),
              _iim("ProvinceState", "2:95", 32), location_shown="ProvinceState"),
    FieldSpec("country", "Country", _T, _XI, XmpProperty("Xmp.photoshop.Country", _TEXT),
              _iim("CountryName", "2:101", 64), location_shown="CountryName"),
    # IIM 2:100 holds the ISO 3166-1 alpha-3 code; Iptc4xmpCore:CountryCode takes 2 or 3
    # letters, and we write the same alpha-3 code there so the two never disagree.
    FieldSpec("country_code", "Country code", _T, _XI, XmpProperty("Xmp.iptc.CountryCode", _TEXT),
              _iim("CountryCode", "2:100", 3), location_shown="CountryCode"),
    FieldSpec("job_id", "Job identifier", _T, _XI, XmpProperty("Xmp.photoshop.TransmissionReference", _TEXT),
              _iim("TransmissionReference", "2:103", 32)),
)
# fmt: on

FIELDS_BY_NAME: dict[str, FieldSpec] = {spec.name: spec for spec in FIELDS}

MULTILINE_FIELDS: frozenset[str] = frozenset(spec.name for spec in FIELDS if spec.multiline)

# Every XMP property and IIM dataset that the table manages: the writer replaces these and
# leaves every other tag of a file alone.
MANAGED_XMP_KEYS: frozenset[str] = frozenset({spec.xmp.key for spec in FIELDS} | {LOCATION_SHOWN})
MANAGED_IIM_KEYS: frozenset[str] = frozenset(d.key for spec in FIELDS for d in spec.iim)
MANAGED_EXIF_KEYS: frozenset[str] = frozenset(key for spec in FIELDS for key in spec.exif)

IIM_CHARSET_KEY = "Iptc.Envelope.CharacterSet"
IIM_UTF8_MARKER = b"\x1b%G"


class GpsPoint(NamedTuple):
    """A position in WGS 84 degrees (and metres above sea level), for the location shown."""

    latitude: float
    longitude: float
    altitude: float | None = None


def _check_table() -> None:
    # The table and the model must name the same fields: a field added to one and not the
    # other would silently never be read or written.
    if tuple(spec.name for spec in FIELDS) != CURATED_FIELD_NAMES:
        raise RuntimeError("metadata.fields.FIELDS does not match model.CuratedFields")


_check_table()
