"""Issue 16 in a publication: the package of the reference image carries the new properties, and
the location precision removes the location created as it removes the location shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from photoarchive.export.precision import located
from photoarchive.model import CuratedFields
from tests.cli.conftest import run
from tests.conftest import SAMPLES
from tests.metadata.conftest import exiftool, exiftool_json
from tests.postgres import Backend

REFERENCE = SAMPLES / "metadata" / "IPTC-PhotometadataRef-Std2022.1.jpg"
CREATED = {"city": "Severo-Kurilsk", "country_code": "RUS", "gps_latitude": "50,40.5N", "gps_longitude": "156,7.2E"}


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        ("exact", CREATED),
        ("1km", {"city": "Severo-Kurilsk", "country_code": "RUS"}),
        ("places", {"city": "Severo-Kurilsk", "country_code": "RUS"}),
        ("none", {}),
    ],
)
def test_precision_of_the_location_created(precision: str, expected: dict) -> None:
    _, fields = located(precision, CuratedFields(location_created=dict(CREATED), city="Shumshu"), 50.7, 156.3)
    assert fields.location_created == expected


def _package(capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: Backend, *options: str) -> dict:
    root = tmp_path / "archive"
    if not root.exists():
        backend.archive(root)
        assert run(capsys, root, "import", str(REFERENCE))[0] == 0
        assert run(capsys, root, "collection", "create", "ref")[0] == 0
        assert run(capsys, root, "collection", "add", "ref", "1")[0] == 0
    target = tmp_path / f"pkg{len(options)}"
    code, _, err = run(capsys, root, "export", "ref", "--format", "package", "--to", str(target), *options)
    assert code == 0, err
    (image,) = (target / "images").glob("*.jpg")
    return exiftool_json(image, "-G1", "-struct")


def test_the_package_carries_them_and_precision_none_removes_both_locations(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: Backend
) -> None:
    tags = _package(capsys, tmp_path, backend)
    for tag in (
        "XMP-iptcExt:PersonInImage",
        "XMP-iptcExt:ArtworkOrObject",
        "XMP-iptcExt:DigitalSourceType",
        "XMP-plus:Licensor",
        "XMP-plus:CopyrightOwner",
        "XMP-iptcExt:ImageRegion",
        "XMP-iptcExt:LocationCreated",
        "XMP-iptcCore:ExtDescrAccessibility",
        "XMP-iptcCore:CreatorContactInfo",
        "XMP-iptcExt:Contributor",
        "XMP-plus:ModelReleaseStatus",
    ):
        assert tag in tags, tag
    assert [r["RId"] for r in tags["XMP-iptcExt:ImageRegion"]] == ["persltr1", "persltr2", "persspkr1"]
    hidden = _package(capsys, tmp_path, backend, "--location-precision", "none")
    assert "XMP-iptcExt:LocationCreated" not in hidden
    assert "XMP-iptcExt:LocationShown" not in hidden
    assert "XMP-iptcExt:PersonInImage" in hidden


# What a package's copy of the reference image may lack of the original's tags: the marker the
# encoder of the original wrote (the copy is encoded again), and nothing else.
_ENCODING = {"Adobe:APP14Flags0", "Adobe:APP14Flags1", "Adobe:ColorTransform", "Adobe:DCTEncodeVersion"}
_LOCATION = {
    "IPTC:City",
    "IPTC:Country-PrimaryLocationCode",
    "IPTC:Country-PrimaryLocationName",
    "IPTC:Province-State",
    "IPTC:Sub-location",
    "XMP-iptcCore:CountryCode",
    "XMP-iptcCore:Location",
    "XMP-iptcExt:LocationCreated",
    "XMP-iptcExt:LocationShown",
    "XMP-photoshop:City",
    "XMP-photoshop:Country",
    "XMP-photoshop:State",
}


def _tags(path: Path) -> dict:
    tags = exiftool_json(path, "-G1", "-struct")
    return {k: v for k, v in tags.items() if not k.startswith(("System:", "ExifTool:", "File:", "SourceFile"))}


def test_the_package_keeps_every_property_of_the_original(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: Backend
) -> None:
    original = _tags(REFERENCE)
    copy = _package(capsys, tmp_path, backend)
    copy = {k: v for k, v in copy.items() if not k.startswith(("System:", "ExifTool:", "File:", "SourceFile"))}
    assert set(original) - set(copy) == _ENCODING
    # Properties we do not model, which the package dropped before (issue 16).
    for tag in ("XMP-iptcExt:ProductInImage", "XMP-iptcExt:PersonInImageWDetails", "XMP-iptcExt:Genre"):
        assert copy[tag] == original[tag], tag
    assert copy["XMP-plus:ImageCreator"] == original["XMP-plus:ImageCreator"]
    # The placeholder country code R22 is written as read (as `write` does), not left out.
    assert copy["XMP-iptcCore:CountryCode"] == copy["IPTC:Country-PrimaryLocationCode"] == "R22"
    hidden = _package(capsys, tmp_path, backend, "--location-precision", "none")
    hidden = {k: v for k, v in hidden.items() if not k.startswith(("System:", "ExifTool:", "File:", "SourceFile"))}
    assert set(original) - set(hidden) == _ENCODING | _LOCATION
    assert not [tag for tag in hidden if "GPS" in tag]


def test_the_package_says_the_placeholder_is_written_as_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: Backend
) -> None:
    root = backend.archive(tmp_path / "archive")
    code, _, said = run(capsys, root, "import", str(REFERENCE))
    assert code == 0, said
    assert "'R22'" in said and "write and export write it as the file holds it" in said, said
    assert "leave it out" not in said, said
    run(capsys, root, "collection", "create", "ref")
    run(capsys, root, "collection", "add", "ref", "1")
    code, _, err = run(capsys, root, "export", "ref", "--format", "package", "--to", str(tmp_path / "p"))
    assert code == 0, err
    assert "'R22'" in err and "written as the original holds it" in err, err


def _validate(path: Path) -> set[str]:
    lines = exiftool("-validate", "-warning", "-a", path).stdout.splitlines()
    return {line.split(":", 1)[1].strip() for line in lines if line.startswith("Warning")}


def test_no_new_validation_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: Backend) -> None:
    _package(capsys, tmp_path, backend)
    (copy,) = (tmp_path / "pkg0" / "images").glob("*.jpg")
    assert _validate(copy) <= _validate(REFERENCE)


def test_no_placeholder_said_written_where_the_precision_removed_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: Backend
) -> None:
    root = backend.archive(tmp_path / "archive")
    assert run(capsys, root, "import", str(REFERENCE))[0] == 0
    run(capsys, root, "collection", "create", "ref")
    run(capsys, root, "collection", "add", "ref", "1")
    target = tmp_path / "p"
    code, _, err = run(
        capsys, root, "export", "ref", "--format", "package", "--to", str(target), "--location-precision", "none"
    )
    assert code == 0, err
    assert "R22" not in err, err
