"""The IPTC Photo Metadata Standard's reference image (2022.1, and any later one in the samples):
every property we model read as ExifTool reads it, written back, and read back equal (issue 16)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from photoarchive.errors import ValidationError
from photoarchive.metadata.read import _parse_gps_coordinate, read_curated, read_curated_bytes
from photoarchive.metadata.validate import salvaged, validate
from photoarchive.metadata.write import sidecar_bytes, write
from photoarchive.model.curated import FIELDS_BY_NAME, STRUCTURED_FIELDS, CuratedFields
from photoarchive.model.fields import Kind, XmpType
from photoarchive.model.vocabularies import PLUS_VOCAB
from tests.conftest import SAMPLES

REFERENCES = sorted((SAMPLES / "metadata").glob("IPTC-PhotometadataRef-Std*.jpg"))
pytestmark = pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool is not installed")

# ExifTool's group and tag of each field that is one property (-G1, -n: the values as stored).
PLAIN = {
    "extended_description": "XMP-iptcCore:ExtDescrAccessibility",
    "persons_shown": "XMP-iptcExt:PersonInImage",
    "digital_source_type": "XMP-iptcExt:DigitalSourceType",
    "model_release_status": "XMP-plus:ModelReleaseStatus",
    "property_release_status": "XMP-plus:PropertyReleaseStatus",
}
STRUCTURED = {
    "location_created": "XMP-iptcExt:LocationCreated",
    "artworks": "XMP-iptcExt:ArtworkOrObject",
    "licensors": "XMP-plus:Licensor",
    "copyright_owners": "XMP-plus:CopyrightOwner",
    "contributors": "XMP-iptcExt:Contributor",
    "creator_contact_info": "XMP-iptcCore:CreatorContactInfo",
    "image_regions": "XMP-iptcExt:ImageRegion",
}


def exiftool(path: Path) -> dict[str, Any]:
    out = subprocess.run(
        ["exiftool", "-j", "-struct", "-G1", "-n", str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)[0]


def _tag(qualified: str) -> str:
    """ExifTool's name of a structure's field: the local name, its first letter upper case."""
    local = qualified.split(":", 1)[1]
    return local[0].upper() + local[1:]


def _same(ours: Any, theirs: Any, name: str = "") -> bool:
    """Our value (texts as the file holds them) against ExifTool's -n reading (numbers as
    numbers, lang-alts as their x-default, GPS as signed degrees)."""
    if name.startswith(("gps_latitude", "gps_longitude")) or name.endswith(("GPSLatitude", "GPSLongitude")):
        return abs((_parse_gps_coordinate(ours) or 0) - float(theirs)) < 1e-6
    if isinstance(ours, dict) and ours and all(":" not in k for k in ours):  # a lang-alt
        return _same(ours.get("x-default", ""), theirs)
    if isinstance(ours, dict):
        return (
            isinstance(theirs, dict)
            and set(map(_tag, ours)) == set(theirs)
            and all(_same(v, theirs[_tag(k)], k) for k, v in ours.items())
        )
    if isinstance(ours, list):
        theirs = theirs if isinstance(theirs, list) else [theirs]
        return len(ours) == len(theirs) and all(_same(a, b) for a, b in zip(ours, theirs, strict=True))
    if isinstance(theirs, (int, float)):
        try:
            return float(ours.split("/")[0]) / float(ours.split("/")[1] if "/" in ours else 1) == float(theirs)
        except ValueError:
            return False
    if isinstance(ours, str) and ours.startswith(PLUS_VOCAB):  # ExifTool's ValueConv takes it off
        ours = ours.removeprefix(PLUS_VOCAB)
    if isinstance(theirs, str) and re.fullmatch(r"\d{4}:\d\d:\d\d \S+", theirs):  # ExifTool's date format
        theirs = theirs.replace(":", "-", 2).replace(" ", "T")
    return ours == theirs


def _as_exiftool_struct(name: str, value: dict[str, Any]) -> dict[str, Any]:
    """A structure of ours by the standard's names (what ``_same`` compares with ExifTool)."""
    spec = FIELDS_BY_NAME[name]
    result: dict[str, Any] = {}
    for member in spec.members:
        if member.name in value:
            member_value = value[member.name]
            result[member.xmp] = {"x-default": member_value} if member.type is XmpType.LANG_ALT else member_value
    return result


def test_there_is_a_reference_image() -> None:
    assert any(p.name == "IPTC-PhotometadataRef-Std2022.1.jpg" for p in REFERENCES)


@pytest.mark.parametrize("path", REFERENCES, ids=lambda p: p.stem)
def test_read_as_exiftool_reads(path: Path) -> None:
    theirs = exiftool(path)
    ours = read_curated(path).fields
    for name, tag in PLAIN.items():
        assert _same(getattr(ours, name), theirs[tag]), name
    for name, tag in STRUCTURED.items():
        value = getattr(ours, name)
        assert value, name
        spec = FIELDS_BY_NAME[name]
        if spec.kind is Kind.TREE:
            assert _same(value, theirs[tag], name), name
        elif spec.kind is Kind.STRUCT:
            expected = theirs[tag][0] if isinstance(theirs[tag], list) else theirs[tag]
            ours_struct = _as_exiftool_struct(name, value)
            # Every member ExifTool reads is one we declare and read, and equal.
            assert set(map(_tag, ours_struct)) == set(expected), name
            assert _same(ours_struct, expected, name), name
        else:
            assert _same([_as_exiftool_struct(name, v) for v in value], theirs[tag], name), name


def test_the_reference_values() -> None:
    """What a curator sees: the names as the standard's sample gives them."""
    fields = read_curated(SAMPLES / "metadata" / "IPTC-PhotometadataRef-Std2022.1.jpg").fields
    assert fields.persons_shown == ["Person Shown 1 (ref2022.1)", "Person Shown 2 (ref2022.1)"]
    assert fields.location_created["city"] == "City (Location created1) (ref2022.1)"
    assert fields.location_created["country_code"] == "R22"
    assert fields.artworks[0]["title"] == "AO Title 1 (ref2022.1)"
    assert fields.artworks[0]["source_inventory_number"] == "AO Source Inventory No 1 (ref2022.1)"
    assert [o["name"] for o in fields.copyright_owners] == [
        "Copyright Owner Name 1 (ref2022.1)",
        "Copyright Owner Name 2 (ref2022.1)",
    ]
    assert fields.model_release_status == "http://ns.useplus.org/ldf/vocab/MR-NAP"
    assert [r["Iptc4xmpExt:rId"] for r in fields.image_regions] == ["persltr1", "persltr2", "persspkr1"]


@pytest.mark.parametrize("path", REFERENCES, ids=lambda p: p.stem)
def test_written_and_read_back_equal(tmp_path: Path, path: Path) -> None:
    read = read_curated(path).fields
    kept, errors = salvaged(read)
    assert [e.field for e in errors] == ["country_code"]  # the placeholder R22 of the location shown
    changed = validate(replace(kept, persons_shown=["Ivanov, Pyotr", "Kuznetsov"], digital_source_type="print"))
    target = tmp_path / path.name
    shutil.copy(path, target)
    write(changed, target)
    back = read_curated(target).fields
    for name in (*STRUCTURED_FIELDS, *PLAIN):
        assert getattr(back, name) == getattr(changed, name), name
    # ExifTool reads the written file as it read the reference (the regions unchanged).
    theirs = exiftool(target)
    assert theirs["XMP-iptcExt:PersonInImage"] == ["Ivanov, Pyotr", "Kuznetsov"]
    assert theirs["XMP-iptcExt:DigitalSourceType"] == "http://cv.iptc.org/newscodes/digitalsourcetype/print"
    assert theirs["XMP-iptcExt:ImageRegion"] == exiftool(path)["XMP-iptcExt:ImageRegion"]
    assert theirs["XMP-plus:Licensor"] == exiftool(path)["XMP-plus:Licensor"]
    # A sidecar carries them too.
    data, _ = sidecar_bytes(changed)
    side = read_curated_bytes(data).fields
    for name in (*STRUCTURED_FIELDS, *PLAIN):
        assert getattr(side, name) == getattr(changed, name), name


def test_emptied_fields_are_removed(tmp_path: Path) -> None:
    path = SAMPLES / "metadata" / "IPTC-PhotometadataRef-Std2022.1.jpg"
    kept, _ = salvaged(read_curated(path).fields)
    target = tmp_path / "x.jpg"
    shutil.copy(path, target)
    write(replace(kept, artworks=[], location_created={}, licensors=[], persons_shown=[]), target)
    theirs = exiftool(target)
    for tag in ("XMP-iptcExt:ArtworkOrObject", "XMP-iptcExt:LocationCreated", "XMP-plus:Licensor"):
        assert tag not in theirs
    assert "XMP-iptcExt:PersonInImage" not in theirs
    assert "XMP-iptcExt:ImageRegion" in theirs  # not touched


def test_restore_as_read_puts_back_only_unchanged_values_of_form() -> None:
    from photoarchive.metadata.validate import restore_as_read

    original = CuratedFields(country_code="R22", web_statement="javascript:alert(1)", city="Bratislava")
    kept, errors = salvaged(original)
    assert {e.field for e in errors} == {"country_code", "web_statement"}
    restored, names = restore_as_read(kept, original, errors, original)
    assert names == {"country_code"}  # a URL's rule is one of safety: never put back
    assert restored.country_code == "R22" and restored.web_statement == ""
    # A stored value that is not the original's (changed since) stays left out.
    _, names = restore_as_read(kept, original, errors, replace(original, country_code="R23"))
    assert names == frozenset()
    with pytest.raises(ValidationError):
        validate(restored)
    assert validate(restored, as_read=names | {"country_code"}).country_code == "R22"
