"""A publication's copies carry every property of their originals (issue 16), and the privacy
options still remove what they name from them: serial numbers and owner names (EXIF, XMP aux
and exifEX) unless --keep-serials, and EXIF GPS, GPS details and the location created at the
precision asked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli.conftest import run
from tests.conftest import SAMPLES
from tests.metadata.conftest import exiftool, exiftool_json
from tests.postgres import Backend

SERIALS = {
    "ExifIFD:SerialNumber": "B123",
    "ExifIFD:LensSerialNumber": "L456",
    "ExifIFD:OwnerName": "Owner Name",
    "XMP-aux:SerialNumber": "B123",
    "XMP-aux:LensSerialNumber": "L456",
    "XMP-aux:OwnerName": "Owner Name",
    "XMP-exifEX:SerialNumber": "B123",
}


@pytest.fixture
def archive(capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: Backend) -> Path:
    photo = tmp_path / "card" / "serials.jpg"
    photo.parent.mkdir()
    shutil.copy(SAMPLES / "metadata" / "pillow_hopper.jpg", photo)
    exiftool(
        "-q", "-overwrite_original", *(f"-{tag}={value}" for tag, value in SERIALS.items()),
        "-GPSLatitude=50.754321", "-GPSLatitudeRef=N", "-GPSLongitude=156.356789", "-GPSLongitudeRef=E",
        "-GPSImgDirection=90", "-GPSImgDirectionRef=T", "-XMP-iptcExt:LocationCreatedCity=Severo-Kurilsk",
        "-XMP-iptcExt:LocationCreatedGPSLatitude=50.754321", "-XMP-iptcExt:LocationCreatedGPSLongitude=156.356789",
        "-XMP-dc:Subject=kept", "-XMP-iptcExt:PersonInImage=A. Veteran", "-XMP-xmp:Nickname=unmodelled", photo,
    )  # fmt: skip
    assert exiftool_json(photo, "-G1")["ExifIFD:SerialNumber"] == "B123"
    root = backend.archive(tmp_path / "archive")
    code, _, err = run(capsys, root, "import", str(photo))
    assert code == 0, err
    run(capsys, root, "collection", "create", "c")
    run(capsys, root, "collection", "add", "c", "1")
    return root


def _export(capsys: pytest.CaptureFixture[str], root: Path, name: str, *options: str) -> dict:
    target = root.parent / name
    code, _, err = run(capsys, root, "export", "c", "--format", "package", "--to", str(target), *options)
    assert code == 0, err
    (image,) = (target / "images").glob("*.jpg")
    return exiftool_json(image, "-G1", "-n")


def test_serials_and_owner_names_go_unless_kept(capsys: pytest.CaptureFixture[str], archive: Path) -> None:
    tags = _export(capsys, archive, "plain")
    assert not [tag for tag in SERIALS if tag in tags], tags
    assert tags["XMP-xmp:Nickname"] == "unmodelled"  # a property we do not model is kept
    kept = _export(capsys, archive, "kept", "--keep-serials")
    assert {tag: str(kept.get(tag)) for tag in SERIALS} == SERIALS


def test_gps_and_the_location_created_at_each_precision(capsys: pytest.CaptureFixture[str], archive: Path) -> None:
    exact = _export(capsys, archive, "exact")
    assert exact["GPS:GPSLatitude"] == pytest.approx(50.754321, abs=1e-6)
    assert exact["GPS:GPSImgDirection"] == 90  # the camera's fix, kept at exact
    assert exact["XMP-iptcExt:LocationCreatedGPSLatitude"] == pytest.approx(50.754321, abs=1e-6)
    rounded = _export(capsys, archive, "km", "--location-precision", "1km")
    assert rounded["GPS:GPSLatitude"] == pytest.approx(50.75, abs=1e-9)
    assert "GPS:GPSImgDirection" not in rounded
    assert rounded["XMP-iptcExt:LocationCreatedCity"] == "Severo-Kurilsk"
    assert "XMP-iptcExt:LocationCreatedGPSLatitude" not in rounded
    hidden = _export(capsys, archive, "none", "--location-precision", "none")
    assert not [tag for tag in hidden if "GPS" in tag or "Location" in tag], hidden
    assert hidden["XMP-iptcExt:PersonInImage"] == "A. Veteran"
