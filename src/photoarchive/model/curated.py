"""The curated fields of a photo: what a curator writes about it, each declared once.

These are the fields that the catalog holds as the authority and that are written into
exported files as EXIF, IPTC IIM and XMP. Each attribute of ``CuratedFields`` declares its
field whole (``model.fields.FieldSpec``): label, group, what the curator types, tags and the
order of precedence of the standards; the attributes' order is the order a curator sees them
in. ``FIELDS`` lists the specs, and every other list of fields is derived from it. Field names
are the ones the command line and ``show --json`` use.

Why in ``model/`` and not in ``metadata/`` (where shared/STYLE.md puts "one field table"):
the declaration names each field's label, group and editor as well as its tags, and the
command line, the catalog and the GUI derive their lists from it without importing
``metadata`` (which loads exiv2). The declaration's types are plain data, so they belong to
the model; ``metadata.fields`` re-exports them and adds what only reading and writing need.
"""

from __future__ import annotations

import copy
from dataclasses import MISSING, dataclass, field, fields, replace

from photoarchive.model import vocabularies as _v
from photoarchive.model.fields import (
    PHOTO_MECHANIC_PREFIX,
    PHOTOARCHIVE_PREFIX,
    QT_TRANSLATE_NOOP,
    SPEC,
    Choice,
    FieldSpec,
    Group,
    IimDataset,
    Input,
    Kind,
    Precedence,
    XmpProperty,
    XmpType,
    curated,
    iim,
)

_DESCRIPTION, _CREDIT, _EVENT, _LOCATION, _CREATED, _WORKFLOW, _SELECTION = Group
_EXIF, _XI, _XO = Precedence.EXIF_FIRST, Precedence.XMP_IIM, Precedence.XMP_ONLY
_TEXT, _ALT, _BAG, _SEQ = XmpType.TEXT, XmpType.LANG_ALT, XmpType.BAG, XmpType.SEQ


def _xmp(key: str, type: XmpType = _TEXT) -> XmpProperty:
    return XmpProperty(key, type)


# The selection fields' other tags. digiKam numbers its labels (core/libs/dimg/globals.h:
# ColorLabel 0 none, 1 red, 2 orange, 3 yellow, 4 green, 5 blue, 6 magenta, 7 gray, 8 black,
# 9 white; PickLabel 0 none, 1 rejected, 2 pending, 3 accepted); Photo Mechanic numbers its
# colour classes 1-8, whose default colours are red, orange, yellow, green, blue, purple,
# grey, brown (ExifTool names them Winner ... Trash). Orange, grey and the others have no
# Lightroom label, so they read as no label.
DIGIKAM_COLOR = "Xmp.digiKam.ColorLabel"
DIGIKAM_PICK = "Xmp.digiKam.PickLabel"
PM_COLOR_CLASS = f"Xmp.{PHOTO_MECHANIC_PREFIX}.ColorClass"
# Where a rejected photo keeps its stars: xmp:Rating holds -1 then, as Bridge writes a reject.
REJECTED_RATING = f"Xmp.{PHOTOARCHIVE_PREFIX}.Rating"


def _label(value: str, label: str, digikam: str, pm: str, bridge: str) -> Choice:
    # xmp:Label holds the English name as Lightroom writes it; Bridge's default names for the
    # same colours are read too.
    return Choice(value, label, ((DIGIKAM_COLOR, digikam), (PM_COLOR_CLASS, pm)), (bridge,))


# IIM byte limits are those of IIM 4.2 (and of the IPTC Photo Metadata Standard's mapping).
# Labels follow the IPTC Photo Metadata Standard's names, but for the caption (IIM's
# Caption/Abstract, IPTC's Description), which is what the curator knows it as.
@dataclass
class CuratedFields:
    """Caption, credit, rights, keywords, dates, location shown and workflow, as the curator
    sets them.

    Empty text means "not set". ``keywords`` and ``hierarchical_keywords`` are lists
    (hierarchy levels separated by ``|``, as Lightroom writes them). Dates are ISO 8601
    text: ``date_created`` a date or date-time (with its offset when known), ``event_date``
    a date, a partial date (``1945-08``) or a range (``1945-08-18/1945-08-23``).
    """

    caption: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Caption"), _DESCRIPTION, Input.LONG_TEXT, _EXIF,
        _xmp("Xmp.dc.description", _ALT), iim("Caption", "2:120", 2000), ("Exif.Image.ImageDescription",),
        per_language=True,
    ))  # fmt: skip
    headline: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Headline"), _DESCRIPTION, Input.LINE, _XI,
        _xmp("Xmp.photoshop.Headline"), iim("Headline", "2:105", 256), per_language=True,
    ))  # fmt: skip
    title: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Title"), _DESCRIPTION, Input.LINE, _XI,
        _xmp("Xmp.dc.title", _ALT), iim("ObjectName", "2:05", 64), per_language=True,
    ))  # fmt: skip
    alt_text: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Alt text"), _DESCRIPTION, Input.TEXT, _XO,
        _xmp("Xmp.iptc.AltTextAccessibility", _ALT), per_language=True,
    ))  # fmt: skip
    # The IPTC's Extended Description (accessibility): a long description of what the photo shows.
    extended_description: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Extended description"), _DESCRIPTION, Input.TEXT, _XO,
        _xmp("Xmp.iptc.ExtDescrAccessibility", _ALT), per_language=True,
    ))  # fmt: skip
    keywords: list[str] = curated(FieldSpec(  # noqa: RUF009 - a dataclasses.field(default_factory=list)
        QT_TRANSLATE_NOOP("CuratedFields", "Keywords"), _DESCRIPTION, Input.KEYWORDS, _XI,
        _xmp("Xmp.dc.subject", _BAG), iim("Keywords", "2:25", 64, repeatable=True),
    ))  # fmt: skip
    hierarchical_keywords: list[str] = curated(FieldSpec(  # noqa: RUF009 - as keywords
        QT_TRANSLATE_NOOP("CuratedFields", "Hierarchical keywords"), _DESCRIPTION, Input.KEYWORDS, _XO,
        _xmp("Xmp.lr.hierarchicalSubject", _BAG), in_editor=False,
    ))  # fmt: skip
    # IPTC's Person Shown: names, no IIM dataset.
    persons_shown: list[str] = curated(FieldSpec(  # noqa: RUF009 - as keywords
        QT_TRANSLATE_NOOP("CuratedFields", "Persons shown"), _DESCRIPTION, Input.PERSONS, _XO,
        _xmp("Xmp.iptcExt.PersonInImage", _BAG),
    ))  # fmt: skip
    digital_source_type: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Digital source type"), _DESCRIPTION, Input.VOCABULARY, _XO,
        _xmp("Xmp.iptcExt.DigitalSourceType"), choices=_v.DIGITAL_SOURCE_TYPES,
    ))  # fmt: skip
    artworks: list[dict[str, object]] = curated(FieldSpec(  # noqa: RUF009 - a list, as keywords
        QT_TRANSLATE_NOOP("CuratedFields", "Artwork or object"), _DESCRIPTION, Input.STRUCTS, _XO,
        _xmp("Xmp.iptcExt.ArtworkOrObject", _BAG), members=_v.ARTWORK_MEMBERS,
    ))  # fmt: skip
    # Kept as read and written back unchanged (regions are drawn and named by other tools).
    image_regions: list[dict[str, object]] = curated(FieldSpec(  # noqa: RUF009 - a list, as keywords
        QT_TRANSLATE_NOOP("CuratedFields", "Image regions"), _DESCRIPTION, Input.TREE, _XO,
        _xmp("Xmp.iptcExt.ImageRegion", _BAG), in_editor=False,
    ))  # fmt: skip
    creator: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Creator"), _CREDIT, Input.NAMES, _EXIF,
        _xmp("Xmp.dc.creator", _SEQ), iim("Byline", "2:80", 32, repeatable=True), ("Exif.Image.Artist",),
    ))  # fmt: skip
    creator_job_title: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Creator's job title"), _CREDIT, Input.LINE, _XI,
        _xmp("Xmp.photoshop.AuthorsPosition"), iim("BylineTitle", "2:85", 32), in_editor=False,
    ))  # fmt: skip
    creator_contact_info: dict[str, object] = curated(FieldSpec(  # noqa: RUF009 - a dict
        QT_TRANSLATE_NOOP("CuratedFields", "Creator's contact info"), _CREDIT, Input.STRUCT, _XO,
        _xmp("Xmp.iptc.CreatorContactInfo"), members=_v.CONTACT_MEMBERS,
    ))  # fmt: skip
    contributors: list[dict[str, object]] = curated(FieldSpec(  # noqa: RUF009 - a list
        QT_TRANSLATE_NOOP("CuratedFields", "Contributors"), _CREDIT, Input.STRUCTS, _XO,
        _xmp("Xmp.iptcExt.Contributor", _BAG), members=_v.CONTRIBUTOR_MEMBERS,
    ))  # fmt: skip
    credit: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Credit line"), _CREDIT, Input.LINE, _XI,
        _xmp("Xmp.photoshop.Credit"), iim("Credit", "2:110", 32),
    ))  # fmt: skip
    source: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Source"), _CREDIT, Input.LINE, _XI,
        _xmp("Xmp.photoshop.Source"), iim("Source", "2:115", 32),
    ))  # fmt: skip
    copyright: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Copyright notice"), _CREDIT, Input.LINE, _EXIF,
        _xmp("Xmp.dc.rights", _ALT), iim("Copyright", "2:116", 128), ("Exif.Image.Copyright",),
    ))  # fmt: skip
    usage_terms: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Rights usage terms"), _CREDIT, Input.TEXT, _XO,
        _xmp("Xmp.xmpRights.UsageTerms", _ALT),
    ))  # fmt: skip
    web_statement: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Web statement of rights"), _CREDIT, Input.URL, _XO,
        _xmp("Xmp.xmpRights.WebStatement"), in_editor=False,
    ))  # fmt: skip
    copyright_owners: list[dict[str, object]] = curated(FieldSpec(  # noqa: RUF009 - a list
        QT_TRANSLATE_NOOP("CuratedFields", "Copyright owners"), _CREDIT, Input.STRUCTS, _XO,
        _xmp("Xmp.plus.CopyrightOwner", _SEQ), members=_v.COPYRIGHT_OWNER_MEMBERS,
    ))  # fmt: skip
    licensors: list[dict[str, object]] = curated(FieldSpec(  # noqa: RUF009 - a list
        QT_TRANSLATE_NOOP("CuratedFields", "Licensors"), _CREDIT, Input.STRUCTS, _XO,
        _xmp("Xmp.plus.Licensor", _SEQ), members=_v.LICENSOR_MEMBERS,
    ))  # fmt: skip
    model_release_status: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Model release status"), _CREDIT, Input.VOCABULARY, _XO,
        _xmp("Xmp.plus.ModelReleaseStatus"), choices=_v.MODEL_RELEASE_STATUSES,
    ))  # fmt: skip
    property_release_status: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Property release status"), _CREDIT, Input.VOCABULARY, _XO,
        _xmp("Xmp.plus.PropertyReleaseStatus"), choices=_v.PROPERTY_RELEASE_STATUSES,
    ))  # fmt: skip
    # The capture date: from the camera, so not in the editor.
    date_created: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Date created"), _EVENT, Input.DATE, _EXIF,
        _xmp("Xmp.photoshop.DateCreated", XmpType.DATE),
        (IimDataset("Iptc.Application2.DateCreated", "2:55", 8), IimDataset("Iptc.Application2.TimeCreated", "2:60", 11)),
        ("Exif.Photo.DateTimeOriginal", "Exif.Photo.SubSecTimeOriginal", "Exif.Photo.OffsetTimeOriginal"),
        in_editor=False,
    ))  # fmt: skip
    event: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Event"), _EVENT, Input.LINE, _XO,
        _xmp("Xmp.iptcExt.Event", _ALT),
    ))  # fmt: skip
    # No standard has a property for it: it is kept in our own namespace, so that an exported
    # file carries it back into another archive; every other tool ignores it.
    event_date: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Event date"), _EVENT, Input.DATE_RANGE, _XO,
        _xmp(f"Xmp.{PHOTOARCHIVE_PREFIX}.EventDate"),
    ))  # fmt: skip
    sublocation: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Sublocation"), _LOCATION, Input.LINE, _XI,
        _xmp("Xmp.iptc.Location"), iim("SubLocation", "2:92", 32), location_shown="Sublocation",
    ))  # fmt: skip
    city: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "City"), _LOCATION, Input.LINE, _XI,
        _xmp("Xmp.photoshop.City"), iim("City", "2:90", 32), location_shown="City",
    ))  # fmt: skip
    state: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Province or state"), _LOCATION, Input.LINE, _XI,
        _xmp("Xmp.photoshop.State"), iim("ProvinceState", "2:95", 32), location_shown="ProvinceState",
    ))  # fmt: skip
    country: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Country"), _LOCATION, Input.LINE, _XI,
        _xmp("Xmp.photoshop.Country"), iim("CountryName", "2:101", 64), location_shown="CountryName",
    ))  # fmt: skip
    # IIM 2:100 holds the ISO 3166-1 alpha-3 code; Iptc4xmpCore:CountryCode takes 2 or 3
    # letters, and we write the same alpha-3 code there so the two never disagree.
    country_code: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Country code"), _LOCATION, Input.COUNTRY_CODE, _XI,
        _xmp("Xmp.iptc.CountryCode"), iim("CountryCode", "2:100", 3), location_shown="CountryCode",
    ))  # fmt: skip
    # Where the photo was taken, as distinct from the place it shows (EXIF GPS is its position).
    location_created: dict[str, object] = curated(FieldSpec(  # noqa: RUF009 - a dict
        QT_TRANSLATE_NOOP("CuratedFields", "Location created"), _CREATED, Input.STRUCT, _XO,
        _xmp("Xmp.iptcExt.LocationCreated", _BAG), members=_v.LOCATION_MEMBERS,
    ))  # fmt: skip
    caption_writer: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Caption writer"), _WORKFLOW, Input.LINE, _XI,
        _xmp("Xmp.photoshop.CaptionWriter"), iim("Writer", "2:122", 32),
    ))  # fmt: skip
    instructions: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Instructions"), _WORKFLOW, Input.TEXT, _XI,
        _xmp("Xmp.photoshop.Instructions"), iim("SpecialInstructions", "2:40", 256), in_editor=False,
    ))  # fmt: skip
    job_id: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Job identifier"), _WORKFLOW, Input.LINE, _XI,
        _xmp("Xmp.photoshop.TransmissionReference"), iim("TransmissionReference", "2:103", 32),
    ))  # fmt: skip
    # Selection (culling): xmp:Rating and xmp:Label as Lightroom and Bridge write them, a reject
    # as xmp:Rating -1 (Bridge); digiKam's pick and colour labels and Photo Mechanic's colour
    # class beside them (``metadata.selection`` reads and writes them).
    rating: int | None = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Rating"), _SELECTION, Input.RATING, _XO,
        _xmp("Xmp.xmp.Rating", XmpType.INTEGER), limits=(0, 5), also=(REJECTED_RATING,),
    ))  # fmt: skip
    label: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Colour label"), _SELECTION, Input.CHOICE, _XO,
        _xmp("Xmp.xmp.Label"), also=(DIGIKAM_COLOR, PM_COLOR_CLASS), choices=(
            _label("red", QT_TRANSLATE_NOOP("CuratedFields", "Red"), "1", "1", "Select"),
            _label("yellow", QT_TRANSLATE_NOOP("CuratedFields", "Yellow"), "3", "3", "Second"),
            _label("green", QT_TRANSLATE_NOOP("CuratedFields", "Green"), "4", "4", "Approved"),
            _label("blue", QT_TRANSLATE_NOOP("CuratedFields", "Blue"), "5", "5", "Review"),
            _label("purple", QT_TRANSLATE_NOOP("CuratedFields", "Purple"), "6", "6", "To Do"),
        ),
    ))  # fmt: skip
    flag: str = curated(FieldSpec(
        QT_TRANSLATE_NOOP("CuratedFields", "Flag"), _SELECTION, Input.CHOICE, _XO,
        _xmp(DIGIKAM_PICK, XmpType.INTEGER), choices=(
            Choice("pick", QT_TRANSLATE_NOOP("CuratedFields", "Pick"), ((DIGIKAM_PICK, "3"),)),
            Choice("reject", QT_TRANSLATE_NOOP("CuratedFields", "Reject"), ((DIGIKAM_PICK, "1"),)),
        ),
    ))  # fmt: skip

    # The per-language values (``FieldSpec.per_language``) in languages other than the one of
    # the fields themselves (x-default): {BCP 47 tag: {field name: text}}, empty texts left out.
    # Not a curated field itself: it is read from and written into the same XMP properties.
    translations: dict[str, dict[str, str]] = field(default_factory=dict, compare=True)

    def as_dict(self) -> dict[str, object]:
        return {name: copy.deepcopy(getattr(self, name)) for name in CURATED_FIELD_NAMES}

    def is_empty(self) -> bool:
        return not self.translations and all(getattr(self, name) in ("", [], None, {}) for name in CURATED_FIELD_NAMES)


# Every curated field, in the order of the declaration.
FIELDS: tuple[FieldSpec, ...] = tuple(
    replace(f.metadata[SPEC], name=f.name) for f in fields(CuratedFields) if SPEC in f.metadata
)
FIELDS_BY_NAME: dict[str, FieldSpec] = {spec.name: spec for spec in FIELDS}
CURATED_FIELD_NAMES: tuple[str, ...] = tuple(spec.name for spec in FIELDS)
# The fields whose value is a list of strings, and those whose value is an int or None (the
# others are text).
LIST_FIELDS: frozenset[str] = frozenset(spec.name for spec in FIELDS if spec.kind is Kind.LIST)
INTEGER_FIELDS: frozenset[str] = frozenset(spec.name for spec in FIELDS if spec.kind is Kind.INTEGER)
CHOICE_FIELDS: frozenset[str] = frozenset(spec.name for spec in FIELDS if spec.kind is Kind.CHOICE)
# The fields whose value is a structure ({}), a list of structures, or XMP kept whole ([]):
# stored as JSON, compared whole.
STRUCT_FIELDS: frozenset[str] = frozenset(spec.name for spec in FIELDS if spec.kind is Kind.STRUCT)
STRUCTURED_FIELDS: frozenset[str] = frozenset(spec.name for spec in FIELDS if spec.structured)
# The fields whose value is a URI of a controlled vocabulary (digital source type, releases).
VOCABULARY_FIELDS: frozenset[str] = frozenset(spec.name for spec in FIELDS if spec.input is Input.VOCABULARY)
# The fields that hold one value per language (title, headline, caption, alt text).
PER_LANGUAGE_FIELDS: tuple[str, ...] = tuple(spec.name for spec in FIELDS if spec.per_language)
# The selection fields (rating, colour label, flag): what culling sets.
SELECTION_FIELDS: tuple[str, ...] = tuple(spec.name for spec in FIELDS if spec.group is Group.SELECTION)


_DECLARED = {f.name: f for f in fields(CuratedFields)}


def empty_value(name: str) -> object:
    """A field's "not set": its declared default (``model.fields.curated``), a new one each call
    (an empty list, an empty dict for a structure, None for an integer, or "")."""
    declared = _DECLARED[name]
    return declared.default_factory() if declared.default_factory is not MISSING else declared.default


# The fields the metadata editor shows, which are those that copy and paste carry.
EDITOR_FIELDS: tuple[FieldSpec, ...] = tuple(spec for spec in FIELDS if spec.in_editor)


def names_in(group: Group) -> tuple[str, ...]:
    """The names of the fields of one group, in order."""
    return tuple(spec.name for spec in FIELDS if spec.group is group)
