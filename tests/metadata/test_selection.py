"""Rating, colour label and flag: written as Lightroom, Bridge and digiKam read them (ExifTool is
the judge), and read as Lightroom, Bridge, digiKam and Photo Mechanic write them."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from photoarchive.errors import ValidationError
from photoarchive.metadata import read_curated, validate_value, write, write_sidecar
from photoarchive.model import CuratedFields
from photoarchive.model.curated import FIELDS_BY_NAME
from tests.metadata.conftest import MIXED, exiftool, exiftool_json

LABELS = {
    "red": ("Red", 1),
    "yellow": ("Yellow", 3),
    "green": ("Green", 4),
    "blue": ("Blue", 5),
    "purple": ("Purple", 6),
}


def _selection(path: Path) -> dict[str, object]:
    """ExifTool's reading of the selection tags (numbers as numbers: -n)."""
    info = exiftool_json(path, "-n", "-G1", "-XMP-xmp:Rating", "-XMP-xmp:Label", "-XMP-digiKam:all")
    return {k: v for k, v in info.items() if k != "SourceFile"}


@pytest.mark.parametrize("value", list(LABELS))
def test_each_label_round_trips_through_exiftool(small_jpeg, value: str) -> None:
    path = small_jpeg()
    write(CuratedFields(label=value), path)
    name, digikam = LABELS[value]
    assert _selection(path) == {"XMP-xmp:Label": name, "XMP-digiKam:ColorLabel": digikam}
    assert exiftool_json(path, "-XMP-photomech:ColorClass", "-n")["ColorClass"] == digikam  # PM's default colours
    assert read_curated(path).fields.label == value


@pytest.mark.parametrize("stars", [0, 1, 2, 3, 4, 5])
def test_each_rating_round_trips_through_exiftool(small_jpeg, stars: int) -> None:
    path = small_jpeg()
    write(CuratedFields(rating=stars), path)
    assert _selection(path) == {"XMP-xmp:Rating": stars}
    assert read_curated(path).fields.rating == stars


@pytest.mark.parametrize(
    ("flag", "rating", "tags"),
    [
        ("pick", 4, {"XMP-xmp:Rating": 4, "XMP-digiKam:PickLabel": 3}),
        ("pick", None, {"XMP-digiKam:PickLabel": 3}),
        # A reject is xmp:Rating -1 as Bridge writes it; the stars are kept in our namespace.
        ("reject", 3, {"XMP-xmp:Rating": -1, "XMP-digiKam:PickLabel": 1}),
        ("reject", None, {"XMP-xmp:Rating": -1, "XMP-digiKam:PickLabel": 1}),
        ("", None, {}),
    ],
)
def test_each_flag_round_trips_through_exiftool(small_jpeg, flag: str, rating: int | None, tags: dict) -> None:
    path = small_jpeg()
    write(CuratedFields(flag=flag, rating=rating), path)
    assert _selection(path) == tags
    back = read_curated(path).fields
    assert (back.flag, back.rating) == (flag, rating)
    kept = exiftool_json(path, "-XMP-photoarchive:Rating").get("Rating")
    assert kept == (rating if flag == "reject" else None)


def test_clearing_removes_every_tag_and_keeps_the_others(small_jpeg) -> None:
    path = small_jpeg()
    full = replace(MIXED, rating=2, label="blue", flag="reject")
    write(full, path)
    assert read_curated(path).fields == full
    write(replace(MIXED, rating=None, label="", flag=""), path)
    assert _selection(path) == {}
    assert exiftool_json(path, "-XMP-photomech:all", "-XMP-photoarchive:Rating") == {"SourceFile": str(path)}
    assert read_curated(path).fields == MIXED


def test_written_file_validates_as_before(small_jpeg) -> None:
    path = small_jpeg()
    write(MIXED, path)
    before = exiftool("-validate", "-warning", "-a", "-s", path).stdout
    write(replace(MIXED, rating=5, label="green", flag="pick"), path)
    assert exiftool("-validate", "-warning", "-a", "-s", path).stdout == before


def test_sidecar_carries_them(small_jpeg, tmp_path: Path) -> None:
    photo = small_jpeg()
    sidecar = write_sidecar(CuratedFields(rating=1, label="yellow", flag="pick"), photo).path
    assert _selection(sidecar) == {"XMP-xmp:Rating": 1, "XMP-xmp:Label": "Yellow", "XMP-digiKam:ColorLabel": 3,
                                   "XMP-digiKam:PickLabel": 3}  # fmt: skip
    read = read_curated(photo)
    assert (read.fields.rating, read.fields.label, read.fields.flag) == (1, "yellow", "pick")


def _tagged(small_jpeg, *assignments: str) -> Path:
    path = small_jpeg()
    done = exiftool("-overwrite_original", *assignments, path)
    assert done.returncode == 0, done.stderr
    return path


@pytest.mark.parametrize(
    ("assignments", "expected"),
    [
        # Bridge and Lightroom
        (["-XMP-xmp:Rating=-1"], (None, "", "reject")),
        (["-XMP-xmp:Rating=4", "-XMP-xmp:Label=Purple"], (4, "purple", "")),
        (["-XMP-xmp:Label=rED"], (None, "red", "")),
        (["-XMP-xmp:Label=Second"], (None, "yellow", "")),  # Bridge's default name for yellow
        (["-XMP-xmp:Label=To Do"], (None, "purple", "")),
        (["-XMP-xmp:Rating=3.0"], (3, "", "")),
        # digiKam
        (["-XMP-digiKam:PickLabel=3", "-XMP-digiKam:ColorLabel=4"], (None, "green", "pick")),
        (["-XMP-digiKam:PickLabel=1"], (None, "", "reject")),
        (["-XMP-digiKam:PickLabel=2"], (None, "", "")),  # pending: no flag of ours
        (["-XMP-digiKam:ColorLabel=6"], (None, "purple", "")),  # magenta is Lightroom's purple
        (["-XMP-digiKam:ColorLabel=2"], (None, "", "")),  # orange: none of ours
        # A PickLabel decides over xmp:Rating -1
        (["-XMP-xmp:Rating=-1", "-XMP-digiKam:PickLabel=3"], (None, "", "pick")),
        # Photo Mechanic
        (["-XMP-photomech:ColorClass=5"], (None, "blue", "")),
        (["-XMP-photomech:ColorClass=8"], (None, "", "")),
        (["-XMP-photomech:Prefs=Tagged:0, ColorClass:3, Rating:0, FrameNum:-00001"], (None, "yellow", "")),
        # xmp:Label comes first
        (["-XMP-xmp:Label=Green", "-XMP-digiKam:ColorLabel=1", "-XMP-photomech:ColorClass=1"], (None, "green", "")),
    ],
)
def test_read_as_other_tools_write_them(small_jpeg, assignments: list[str], expected: tuple) -> None:
    fields = read_curated(_tagged(small_jpeg, *assignments)).fields
    assert (fields.rating, fields.label, fields.flag) == expected


def test_unknown_label_text_is_not_kept_and_says_so(small_jpeg) -> None:
    result = read_curated(_tagged(small_jpeg, "-XMP-xmp:Label=Client likes"))
    assert result.fields.label == ""
    assert any("'Client likes'" in w and "not kept" in w for w in result.warnings)


def test_rating_out_of_range_in_a_file_is_not_kept(small_jpeg) -> None:
    result = read_curated(_tagged(small_jpeg, "-XMP-xmp:Rating=9"))
    assert result.fields.rating is None and any("xmp:Rating '9'" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("name", "given", "expected"),
    [
        ("rating", "4", 4), ("rating", 0, 0), ("rating", "none", None), ("rating", "", None), ("rating", None, None),
        ("label", "RED", "red"), ("label", "Purple", "purple"), ("label", "none", ""), ("flag", "Pick", "pick"),
        ("flag", "reject", "reject"), ("flag", "", ""),
    ],
)  # fmt: skip
def test_validate_normalises(name: str, given: object, expected: object) -> None:
    assert validate_value(name, given) == expected


@pytest.mark.parametrize(
    ("name", "given", "allowed"),
    [
        ("rating", "6", "0 to 5"), ("rating", -1, "0 to 5"), ("rating", "3.5", "0 to 5"), ("rating", True, "0 to 5"),
        ("label", "orange", "red, yellow, green, blue, purple, none"), ("flag", "maybe", "pick, reject, none"),
    ],
)  # fmt: skip
def test_validate_refuses_naming_what_is_allowed(name: str, given: object, allowed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_value(name, given)
    assert allowed in str(caught.value) and caught.value.field == name
    assert str(caught.value).startswith(FIELDS_BY_NAME[name].label)


def test_samples_with_a_rating_import_it(metadata_samples: Path) -> None:
    """The shared samples that carry xmp:Rating (found with exiftool -XMP:Rating -r) read as ExifTool does."""
    rated = exiftool("-j", "-n", "-XMP-xmp:Rating", "-r", "-ext", "*", metadata_samples).stdout
    found = {Path(e["SourceFile"]).name: e["Rating"] for e in json.loads(rated) if "Rating" in e}
    assert {"MWG.jpg", "IPTC-PhotometadataRef-Std2022.1.jpg"} <= set(found)
    for name, rating in found.items():
        assert read_curated(metadata_samples / name, sidecar=False).fields.rating == round(rating), name
