"""Image regions in pixel units (Iptc4xmpExt:RegionBoundary with rbUnit=pixel) in a real file made
by ExifTool: imported as ExifTool reads them, and written back by ``write`` equal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import run, show
from tests.metadata.conftest import exiftool, exiftool_json

# A rectangle, a circle and a polygon, in pixels of a 400 x 200 photo (ExifTool's struct syntax).
PIXEL_REGIONS = (
    "-XMP-iptcExt:ImageRegion=["
    "{RegionBoundary={RbShape=rectangle,RbUnit=pixel,RbX=120,RbY=40,RbW=200,RbH=100},RId=r1,Name=Listener},"
    "{RegionBoundary={RbShape=circle,RbUnit=pixel,RbX=300,RbY=100,RbRx=50},RId=r2,Name=Medal},"
    "{RegionBoundary={RbShape=polygon,RbUnit=pixel,RbVertices=[{RbX=10,RbY=10},{RbX=100,RbY=10},{RbX=50,RbY=150}]},"
    "RId=r3}]"
)


@pytest.fixture
def pixel_regions(small_jpeg) -> Path:
    path = small_jpeg("regions.jpg", size=(400, 200))
    result = exiftool("-q", "-overwrite_original", PIXEL_REGIONS, path)
    assert result.returncode == 0, result.stderr
    return path


def _regions(path: Path) -> list[dict]:
    return exiftool_json(path, "-struct", "-n", "-XMP-iptcExt:ImageRegion")["ImageRegion"]


def test_pixel_regions_are_read_and_written_back_equal(
    pixel_regions: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    before = _regions(pixel_regions)
    assert before[0]["RegionBoundary"] == {"RbShape": "rectangle", "RbUnit": "pixel", "RbX": 120, "RbY": 40,
                                           "RbW": 200, "RbH": 100}  # fmt: skip
    root = tmp_path / "archive"
    code, _, err = run(capsys, root, "import", str(pixel_regions))
    assert code == 0, err
    regions = show(capsys, root, 1)["image_regions"]
    assert [r["Iptc4xmpExt:rId"] for r in regions] == ["r1", "r2", "r3"]
    assert regions[0]["Iptc4xmpExt:RegionBoundary"] == {
        "Iptc4xmpExt:rbShape": "rectangle",
        "Iptc4xmpExt:rbUnit": "pixel",
        "Iptc4xmpExt:rbX": "120",
        "Iptc4xmpExt:rbY": "40",
        "Iptc4xmpExt:rbW": "200",
        "Iptc4xmpExt:rbH": "100",
    }
    assert regions[1]["Iptc4xmpExt:RegionBoundary"]["Iptc4xmpExt:rbRx"] == "50"
    vertices = regions[2]["Iptc4xmpExt:RegionBoundary"]["Iptc4xmpExt:rbVertices"]
    assert [(v["Iptc4xmpExt:rbX"], v["Iptc4xmpExt:rbY"]) for v in vertices] == [
        ("10", "10"),
        ("100", "10"),
        ("50", "150"),
    ]
    code, _, err = run(capsys, root, "edit", "1", "--title", "Listeners")  # a write that changes something
    assert code == 0, err
    code, _, err = run(capsys, root, "write", "1", "--to", str(tmp_path / "out"))
    assert code == 0, err
    written = tmp_path / "out" / pixel_regions.name
    assert _regions(written) == before
    assert exiftool_json(written, "-XMP-dc:Title")["Title"] == "Listeners"
