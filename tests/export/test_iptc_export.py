"""Issue 16 in a publication: the package of the reference image carries the new properties, and
the location precision removes the location created as it removes the location shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from photoarchive.export.precision import located
from photoarchive.model import CuratedFields
from tests.cli.conftest import run
from tests.conftest import SAMPLES
from tests.metadata.conftest import exiftool_json

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


def _package(capsys: pytest.CaptureFixture[str], tmp_path: Path, *options: str) -> dict:
    root = tmp_path / "archive"
    if not root.exists():
        assert run(capsys, root, "import", str(REFERENCE))[0] == 0
        assert run(capsys, root, "collection", "create", "ref")[0] == 0
        assert run(capsys, root, "collection", "add", "ref", "1")[0] == 0
    target = tmp_path / f"pkg{len(options)}"
    code, _, err = run(capsys, root, "export", "ref", "--format", "package", "--to", str(target), *options)
    assert code == 0, err
    (image,) = (target / "images").glob("*.jpg")
    return exiftool_json(image, "-G1", "-struct")


def test_the_package_carries_them_and_precision_none_removes_both_locations(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tags = _package(capsys, tmp_path)
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
    hidden = _package(capsys, tmp_path, "--location-precision", "none")
    assert "XMP-iptcExt:LocationCreated" not in hidden
    assert "XMP-iptcExt:LocationShown" not in hidden
    assert "XMP-iptcExt:PersonInImage" in hidden
