"""What a curated field is: its label, its group and editor, its tags and the rules that read them.

Each field of ``CuratedFields`` declares its ``FieldSpec`` beside its attribute
(``model.curated``), and every list of fields is derived from those declarations: the field
table of the metadata package (``metadata.fields``), the catalog's columns, the editor's groups
and labels, the command line's options, the variables of templates. Adding a field is adding
one attribute there (and a migration for its column).

Tags are exiv2 keys (``Exif.Image.Artist``, ``Iptc.Application2.Caption``,
``Xmp.dc.description``); ``FieldSpec.standard_names`` gives them as the standards spell them.
``QT_TRANSLATE_NOOP`` marks labels and group titles for ``pyside6-lupdate`` (context
``CuratedFields``); the GUI translates them where it shows them, while the command line and
messages use the English text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

TRANSLATION_CONTEXT = "CuratedFields"

# Our own XMP namespace, for what no standard has a property for. A URN rather than an http
# URL: the project owns no domain to put a namespace under.
PHOTOARCHIVE_NS = "urn:photoarchive:xmp:1.0/"
PHOTOARCHIVE_PREFIX = "photoarchive"
# Photo Mechanic's namespace (as ExifTool names it), for its colour classes; exiv2 has no
# prefix for it, and ``metadata.exiv2io`` registers this one.
PHOTO_MECHANIC_NS = "http://ns.camerabits.com/photomechanic/1.0/"
PHOTO_MECHANIC_PREFIX = "photomechanic"

# exiv2's own prefixes for the IPTC namespaces, and the prefixes that the IPTC standard uses.
STANDARD_PREFIXES = {"iptc": "Iptc4xmpCore", "iptcExt": "Iptc4xmpExt"}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` as it is; marks it for translation in ``context`` (the model imports no Qt, and
    this is the name ``pyside6-lupdate`` looks for)."""
    return text


class Group(Enum):
    """The groups of fields, in the order the editor shows them; the value is the title.

    ``CREDIT`` is who made the photo and on what terms (what an export with ``--metadata
    credit`` embeds), ``LOCATION`` the names of the place shown (what an export at a coarse
    precision leaves out); ``WORKFLOW`` is about the curation, not the photo.
    """

    DESCRIPTION = QT_TRANSLATE_NOOP("CuratedFields", "Description")
    CREDIT = QT_TRANSLATE_NOOP("CuratedFields", "Credit and rights")
    EVENT = QT_TRANSLATE_NOOP("CuratedFields", "Event shown")
    LOCATION = QT_TRANSLATE_NOOP("CuratedFields", "Location shown")
    LOCATION_CREATED = QT_TRANSLATE_NOOP("CuratedFields", "Location created")
    WORKFLOW = QT_TRANSLATE_NOOP("CuratedFields", "Workflow")
    SELECTION = QT_TRANSLATE_NOOP("CuratedFields", "Selection")


class Kind(Enum):
    """How a field's value is shaped in the model and in the files."""

    TEXT = "text"  # one string
    LIST = "list"  # list of strings (keywords)
    NAMES = "names"  # one string in the model, a list in IIM/XMP, "; "-joined in EXIF (MWG)
    DATE = "date"  # ISO 8601 text
    INTEGER = "integer"  # an int, or None for "not set"
    CHOICE = "choice"  # one of the field's ``choices`` (their ``value``), "" for none
    # A structure of named ``members`` (``Member``): {member name: text, or a list for an
    # array member}, members without a value left out; {} for none (location created).
    STRUCT = "struct"
    # A list of such structures (artworks, licensors), [] for none.
    STRUCTS = "structs"
    # XMP kept whole as read (image regions): a list of structures whose keys are the
    # standard's qualified names (``Iptc4xmpExt:rId``), values text, lists, nested
    # structures, or a lang-alt {language: text} (whose keys have no colon).
    TREE = "tree"


class Input(Enum):
    """What a curator types in a field: it picks the field's editor, its check (``metadata.
    validate``), its metavar on the command line, and its ``Kind``."""

    LINE = "line"  # one line of text
    TEXT = "text"  # several lines
    LONG_TEXT = "long text"  # several lines, with a live count of characters and IIM bytes
    NAMES = "names"  # one or more names, separated by ";" (MWG)
    KEYWORDS = "keywords"  # a list, typed separated by commas
    DATE = "date"  # an ISO 8601 date or date-time: 1945, 1945-08, 2015-08-10T09:00:00+11:00
    DATE_RANGE = "date range"  # a date, or a range 1945-08-18/1945-08-23
    COUNTRY_CODE = "country code"  # ISO 3166-1 alpha-3 (alpha-2 accepted and converted)
    URL = "url"  # an http(s) URL
    RATING = "rating"  # a whole number within the field's ``limits`` (stars), or none
    CHOICE = "choice"  # one of the field's ``choices``, or none
    # A URI of a controlled vocabulary (``choices``: the URIs, their labels, their short names
    # as ``aliases``); stored as the URI, typed as the URI, the short name or the label.
    VOCABULARY = "vocabulary"
    PERSONS = "persons"  # a list of names, typed separated by ";" (a name may hold a comma)
    STRUCT = "struct"  # members typed as ``name=value`` pairs separated by ";"
    STRUCTS = "structs"  # several such structures
    TREE = "tree"  # kept as read; not typed

    @property
    def kind(self) -> Kind:
        return _KINDS.get(self, Kind.TEXT)

    @property
    def multiline(self) -> bool:
        return self in (Input.TEXT, Input.LONG_TEXT)


_KINDS = {
    Input.NAMES: Kind.NAMES,
    Input.KEYWORDS: Kind.LIST,
    Input.DATE: Kind.DATE,
    Input.RATING: Kind.INTEGER,
    Input.CHOICE: Kind.CHOICE,
    Input.PERSONS: Kind.LIST,
    Input.STRUCT: Kind.STRUCT,
    Input.STRUCTS: Kind.STRUCTS,
    Input.TREE: Kind.TREE,
}


class XmpType(Enum):
    TEXT = "text"
    LANG_ALT = "lang-alt"  # written as x-default; read as x-default, else the first language
    BAG = "bag"
    SEQ = "seq"
    DATE = "date"
    INTEGER = "integer"  # a number as text (xmp:Rating is a Real; we write whole numbers)


class Precedence(Enum):
    """Which standard wins when they disagree (Metadata Working Group guidelines 2.0, as ExifTool
    implements them in its MWG composite tags).

    - ``EXIF_FIRST`` (description, copyright, creator, date created): EXIF when it holds a
      non-blank value; otherwise as ``XMP_IIM``.
    - ``XMP_IIM``: XMP, unless the stored IPTC digest shows that the IIM was changed after the
      XMP was written (then IIM, except when the IIM value is a prefix of the XMP value cut at
      its IIM byte limit: that IIM was truncated and the XMP keeps the whole text).
    - ``XMP_ONLY``: fields that exist only in XMP (alt text, usage terms, event, ...).

    An XMP sidecar beside the file comes before all of these (see ``metadata.read``).
    """

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
class Choice:
    """One value of a choice field: as stored (``value``, lowercase), as the curator sees it
    (``label``, English, marked for translation), and its code in each other tag of the field
    that writes or reads it (exiv2 key -> the text that tag holds)."""

    value: str
    label: str
    codes: tuple[tuple[str, str], ...] = ()
    # Other spellings read for it (case-insensitive): the names other tools give it.
    aliases: tuple[str, ...] = ()

    def code(self, key: str) -> str | None:
        return dict(self.codes).get(key)


@dataclass(frozen=True)
class Member:
    """One member of a structured field: its name in the model, on the command line and in
    ``show --json`` (``city``), its qualified XMP name as the standard spells it
    (``Iptc4xmpExt:City``), its XMP type (TEXT, LANG_ALT: its x-default only, BAG or SEQ: a
    list in the model) and its label."""

    name: str
    xmp: str
    type: XmpType = XmpType.TEXT
    label: str = ""

    @property
    def is_list(self) -> bool:
        return self.type in (XmpType.BAG, XmpType.SEQ)


@dataclass(frozen=True)
class FieldSpec:
    """One curated field: how the curator sees it, and where it lives in each standard."""

    label: str
    group: Group
    input: Input
    precedence: Precedence
    xmp: XmpProperty
    iim: tuple[IimDataset, ...] = ()
    exif: tuple[str, ...] = ()
    # Field of the Iptc4xmpExt:LocationShown structure that repeats this value.
    location_shown: str | None = None
    # Whether the metadata editor shows it (the others are set on the command line, by
    # templates and from the files).
    in_editor: bool = True
    # A choice field's values, in the order offered ("none" is not one of them).
    choices: tuple[Choice, ...] = ()
    # An integer field's lowest and highest value.
    limits: tuple[int, int] | None = None
    # XMP properties other tools use for the same thing, read after ``xmp`` (and written
    # where a choice has a code for them): digiKam's labels, Photo Mechanic's colour class.
    also: tuple[str, ...] = ()
    # Whether it holds one value per language (BCP 47 tags), the archive's default language's
    # being the field's own value (XMP's x-default); see ``languages_key``.
    per_language: bool = False
    # A structured field's members (``Kind.STRUCT``, ``Kind.STRUCTS``), in the order shown.
    members: tuple[Member, ...] = ()
    # The attribute of ``CuratedFields`` that declares it (set from the declaration).
    name: str = ""
    # Derived from ``input`` once, here, rather than at each use: the sidecar writer and the
    # importer ask a field's kind several times for each photo (two dict lookups of an Enum each).
    kind: Kind = field(init=False, repr=False, compare=False)
    structured: bool = field(init=False, repr=False, compare=False)  # a structure or a list of them (JSON)

    def __post_init__(self) -> None:
        kind = self.input.kind
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "structured", kind in (Kind.STRUCT, Kind.STRUCTS, Kind.TREE))

    @property
    def languages_key(self) -> str:
        """The XMP lang-alt property that holds a per-language field in every language: its own
        property when the standard makes it a lang-alt; else (photoshop:Headline is plain Text,
        and ExifTool refuses ``Headline-ru``) a lang-alt of the same name in our namespace, so
        that another archive reads the languages back while other tools read the x-default
        from the standard's property."""
        if self.xmp.type is XmpType.LANG_ALT:
            return self.xmp.key
        return f"Xmp.{PHOTOARCHIVE_PREFIX}.{self.xmp.key.rsplit('.', 1)[1]}"

    @property
    def multiline(self) -> bool:
        return self.input.multiline

    @property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def choice(self, value: str) -> Choice | None:
        """The choice stored as ``value``."""
        return next((c for c in self.choices if c.value == value), None)

    def choice_named(self, text: str) -> Choice | None:
        """The choice ``text`` names (as typed or as a file holds it): its value, its label or
        one of its aliases, in any case."""
        folded = text.strip().casefold()
        return next(
            (
                c
                for c in self.choices
                if folded in {c.value.casefold(), c.label.casefold(), *map(str.casefold, c.aliases)}
            ),
            None,
        )

    def member(self, name: str) -> Member | None:
        return next((m for m in self.members if m.name == name), None)

    @property
    def standard_names(self) -> list[str]:
        """Tag names as the standards spell them, e.g. ``IIM 2:120``, ``dc:description``."""
        names = [f"IIM {d.number}" for d in self.iim]
        _, prefix, prop = self.xmp.key.split(".", 2)
        names.append(f"{STANDARD_PREFIXES.get(prefix, prefix)}:{prop}")
        names += [f"EXIF {key.rsplit('.', 1)[1]}" for key in self.exif]
        names += [key.split(".", 1)[1].replace(".", ":") for key in self.also]
        if self.location_shown:
            names.append(f"Iptc4xmpExt:LocationShown/{self.location_shown}")
        return names


SPEC = "spec"  # the key of a curated field's FieldSpec in its dataclass field's metadata


def curated(spec: FieldSpec) -> Any:
    """Declare a curated field of ``CuratedFields``: its default ("", an empty list, an empty
    dict for a structure, or None for an integer) and its spec, whose name is the attribute's."""
    if spec.kind is Kind.STRUCT:
        return field(default_factory=dict, metadata={SPEC: spec})
    if spec.kind in (Kind.LIST, Kind.STRUCTS, Kind.TREE):
        return field(default_factory=list, metadata={SPEC: spec})
    if spec.kind is Kind.INTEGER:
        return field(default=None, metadata={SPEC: spec})
    return field(default="", metadata={SPEC: spec})


def iim(name: str, number: str, max_bytes: int, repeatable: bool = False) -> tuple[IimDataset, ...]:
    """The one IIM dataset of a field (``Iptc.Application2.NAME``)."""
    return (IimDataset(f"Iptc.Application2.{name}", number, max_bytes, repeatable),)
