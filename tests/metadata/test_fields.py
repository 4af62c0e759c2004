"""The field table: complete, consistent with the model, and naming tags exiv2 knows."""

from __future__ import annotations

import exiv2
import pytest

from photoarchive.metadata import exiv2io
from photoarchive.metadata.fields import FIELDS, FIELDS_BY_NAME, MULTILINE_FIELDS, Kind, Precedence, XmpType
from photoarchive.model.curated import CURATED_FIELD_NAMES

# IIM 4.2 byte limits of the datasets we write.
IIM_LIMITS = {
    "caption": ("2:120", 2000), "credit": ("2:110", 32), "city": ("2:90", 32), "headline": ("2:105", 256),
    "keywords": ("2:25", 64), "source": ("2:115", 32), "creator": ("2:80", 32), "copyright": ("2:116", 128),
    "sublocation": ("2:92", 32), "state": ("2:95", 32), "country": ("2:101", 64), "title": ("2:05", 64),
    "instructions": ("2:40", 256), "job_id": ("2:103", 32), "caption_writer": ("2:122", 32),
    "creator_job_title": ("2:85", 32), "country_code": ("2:100", 3),
}  # fmt: skip

XMP_PROPERTIES = {
    "title": "dc:title", "headline": "photoshop:Headline", "caption": "dc:description",
    "alt_text": "Iptc4xmpCore:AltTextAccessibility", "caption_writer": "photoshop:CaptionWriter",
    "creator": "dc:creator", "creator_job_title": "photoshop:AuthorsPosition", "credit": "photoshop:Credit",
    "source": "photoshop:Source", "copyright": "dc:rights", "usage_terms": "xmpRights:UsageTerms",
    "web_statement": "xmpRights:WebStatement", "instructions": "photoshop:Instructions", "keywords": "dc:subject",
    "hierarchical_keywords": "lr:hierarchicalSubject", "date_created": "photoshop:DateCreated",
    "event": "Iptc4xmpExt:Event", "event_date": "photoarchive:EventDate", "sublocation": "Iptc4xmpCore:Location",
    "city": "photoshop:City", "state": "photoshop:State", "country": "photoshop:Country",
    "country_code": "Iptc4xmpCore:CountryCode", "job_id": "photoshop:TransmissionReference",
    "rating": "xmp:Rating", "label": "xmp:Label", "flag": "digiKam:PickLabel",
    # Issue 16: the properties of the IPTC standard and PLUS an archive needs.
    "extended_description": "Iptc4xmpCore:ExtDescrAccessibility", "persons_shown": "Iptc4xmpExt:PersonInImage",
    "digital_source_type": "Iptc4xmpExt:DigitalSourceType", "artworks": "Iptc4xmpExt:ArtworkOrObject",
    "image_regions": "Iptc4xmpExt:ImageRegion", "creator_contact_info": "Iptc4xmpCore:CreatorContactInfo",
    "contributors": "Iptc4xmpExt:Contributor", "copyright_owners": "plus:CopyrightOwner",
    "licensors": "plus:Licensor", "model_release_status": "plus:ModelReleaseStatus",
    "property_release_status": "plus:PropertyReleaseStatus", "location_created": "Iptc4xmpExt:LocationCreated",
}  # fmt: skip


def test_every_model_field_is_in_the_table_once() -> None:
    assert tuple(spec.name for spec in FIELDS) == CURATED_FIELD_NAMES
    assert set(FIELDS_BY_NAME) == set(CURATED_FIELD_NAMES)


def test_iim_datasets_and_limits() -> None:
    table = {spec.name: (spec.iim[0].number, spec.iim[0].max_bytes) for spec in FIELDS if spec.iim}
    assert {k: v for k, v in table.items() if k != "date_created"} == IIM_LIMITS
    assert [d.number for d in FIELDS_BY_NAME["date_created"].iim] == ["2:55", "2:60"]
    repeatable = {spec.name for spec in FIELDS if spec.iim and spec.iim[0].repeatable}
    assert repeatable == {"keywords", "creator"}


@pytest.mark.parametrize("spec", FIELDS, ids=lambda spec: spec.name)
def test_tags_are_known_to_exiv2(spec) -> None:
    for dataset in spec.iim:
        key = exiv2.IptcKey(dataset.key)
        record, number = dataset.number.split(":")
        assert (key.record(), key.tag()) == (int(record), int(number))
    for key in spec.exif:
        assert exiv2.ExifKey(key).tagName() == key.rsplit(".", 1)[1]
    known = (
        "dc", "photoshop", "iptc", "iptcExt", "xmpRights", "lr", "photoarchive", "xmp", "digiKam", "photomechanic", "plus"
    )  # fmt: skip
    exiv2io.setup()  # registers ours and Photo Mechanic's namespaces
    for key in (spec.xmp.key, *spec.also):
        assert key.split(".")[1] in known
        assert exiv2.XmpKey(key).ns().startswith(("http://", "urn:"))


def test_xmp_properties_as_the_standard_names_them() -> None:
    assert {spec.name: spec.standard_names[len(spec.iim)] for spec in FIELDS} == XMP_PROPERTIES


def test_xmp_types_fit_the_kinds() -> None:
    for spec in FIELDS:
        if spec.kind is Kind.LIST:
            assert spec.xmp.type is XmpType.BAG
        elif spec.kind is Kind.NAMES:
            assert spec.xmp.type is XmpType.SEQ
        elif spec.kind is Kind.INTEGER or spec.name == "flag":  # digiKam's PickLabel is a number
            assert spec.xmp.type is XmpType.INTEGER
        elif spec.kind in (Kind.STRUCTS, Kind.TREE):
            assert spec.xmp.type in (XmpType.BAG, XmpType.SEQ)
        elif spec.kind is Kind.STRUCT:  # location created: a bag of which we keep one
            assert spec.xmp.type in (XmpType.TEXT, XmpType.BAG)
            assert spec.members
        else:
            assert spec.xmp.type in (XmpType.TEXT, XmpType.LANG_ALT, XmpType.DATE)


def test_mwg_precedence() -> None:
    exif_first = {spec.name for spec in FIELDS if spec.precedence is Precedence.EXIF_FIRST}
    assert exif_first == {"caption", "creator", "copyright", "date_created"}
    for spec in FIELDS:
        assert (spec.precedence is Precedence.XMP_ONLY) == (not spec.iim and not spec.exif)


def test_location_shown_and_multiline() -> None:
    shown = {spec.name: spec.location_shown for spec in FIELDS if spec.location_shown}
    assert shown == {"sublocation": "Sublocation", "city": "City", "state": "ProvinceState",
                     "country": "CountryName", "country_code": "CountryCode"}  # fmt: skip
    assert {"caption", "alt_text", "extended_description", "usage_terms", "instructions"} == MULTILINE_FIELDS
