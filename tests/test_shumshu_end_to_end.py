"""The Shumshu example end to end, as a curator runs it from the command line.

Import a dozen photos, build the place hierarchy with names in three scripts, tag photos by
place and by a GPX track, accept the suggestions, gather them in a collection, export a
package, and read the written files back with ExifTool (issues 3, 5 and 6).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from photoarchive.cli import main
from tests.conftest import write_photo
from tests.places.conftest import write_gpx


def cli(capsys: pytest.CaptureFixture[str], archive: Path, *args: str, json_output: bool = True):
    code = main(["--archive", str(archive), *args, *(["--json"] if json_output else [])])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out) if json_output else out


def test_shumshu_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("exiftool") is None:
        pytest.fail("exiftool is needed (installed by .ci/run)")
    archive, card = tmp_path / "archive", tmp_path / "card"
    # Camera on Kamchatka time, no offset recorded: eight photos on the track's morning walk,
    # four later in the day near Height 171 with the camera's own GPS.
    start = datetime(2015, 8, 11, 9, 0, 30)
    for i in range(8):
        write_photo(card / f"SHU_{i:03d}.JPG", seed=i, when=start + timedelta(minutes=i))
    for i in range(8, 12):
        write_photo(
            card / f"SHU_{i:03d}.JPG", seed=i, when=start + timedelta(hours=3, minutes=i), gps=(50.7154, 156.2548)
        )
    imported = cli(capsys, archive, "import", str(card), "--workers", "2")
    assert imported["imported"] == 12
    ids = {p["original_name"]: p["id"] for p in cli(capsys, archive, "list")}

    cli(
        capsys,
        archive,
        "place",
        "add",
        "Russia",
        "--kind",
        "country",
        "--alt-name",
        "ru:Россия",
        "--alt-name",
        "ja:ロシア",
    )
    cli(capsys, archive, "place", "add", "Sakhalin Oblast", "--kind", "region", "--parent", "Россия")
    cli(capsys, archive, "place", "add", "Kuril Islands", "--kind", "archipelago", "--parent", "Sakhalin Oblast")
    cli(
        capsys, archive, "place", "add", "Shumshu", "--kind", "island", "--parent", "Kuril Islands",
        "--lat", "50.7686", "--lon", "156.30", "--radius", "15000",
        "--alt-name", "ru:Шумшу", "--alt-name", "ja:占守島", "--geonames", "2121215", "--wikidata", "Q1049609",
    )  # fmt: skip
    cli(
        capsys, archive, "place", "add", "Height 171", "--parent", "占守島", "--lat", "50.7153", "--lon", "156.2547",
        "--radius", "400", "--alt-name", "ru:Высота 171", "--alt-name", "ja:171高地",
    )  # fmt: skip
    cli(capsys, archive, "place", "add", "Cape Kokutan", "--parent", "Шумшу", "--alt-name", "ru:Мыс Кокутан")

    # By place, by a name in any script, together with a caption in one edit.
    first = [str(ids[f"SHU_{i:03d}.JPG"]) for i in range(2)]
    edit = cli(
        capsys, archive, "edit", *first, "--place", "Мыс Кокутан", "--caption", "Японский дот <№3> & «амбразура»"
    )
    assert edit["id"] > 0
    # By the GPX track (the camera clock on Kamchatka time), then the suggestions accepted.
    walk = [str(ids[f"SHU_{i:03d}.JPG"]) for i in range(2, 8)]
    geotag = cli(
        capsys,
        archive,
        "geotag",
        str(write_gpx(tmp_path / "walk.gpx")),
        *walk,
        "--timezone",
        "Asia/Kamchatka",
        "--apply",
    )
    assert {p["status"] for p in geotag["proposals"]} <= {"matched", "gap", "outside"}
    assert sum(p["status"] == "matched" for p in geotag["proposals"]) >= 4
    cli(capsys, archive, "place", "suggest", *[str(ids[f"SHU_{i:03d}.JPG"]) for i in range(8, 12)], "--accept")

    height = cli(capsys, archive, "show", str(ids["SHU_010.JPG"]))
    assert (height["sublocation"], height["city"], height["state"], height["country"], height["country_code"]) == (
        "Height 171", "Shumshu", "Sakhalin Oblast", "Russia", "RUS",
    )  # fmt: skip
    assert height["gps_source"] == "camera"
    cape = cli(capsys, archive, "show", first[0])
    assert cape["sublocation"] == "Cape Kokutan" and cape["gps_source"] == "place"

    cli(capsys, archive, "collection", "create", "shumshu", "--title", "Шумшу, август 1945 — 占守島")
    cli(capsys, archive, "collection", "add", "shumshu", *[str(ids[n]) for n in sorted(ids)], json_output=False)
    out = tmp_path / "package"
    export = cli(
        capsys, archive, "export", "shumshu", "--format", "package", "--to", str(out), "--location-precision", "exact"
    )
    assert export["exported"] == 12

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files = [out / entry["path"] for entry in manifest["files"] if entry["path"].endswith(".jpg")]
    assert len(files) == 12
    read = json.loads(
        subprocess.run(
            ["exiftool", "-j", "-a", "-G1", "-struct", "-charset", "utf8", *map(str, files)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    by_caption = [r for r in read if r.get("IPTC:Caption-Abstract") == "Японский дот <№3> & «амбразура»"]
    assert len(by_caption) == 2
    tagged = by_caption[0]
    assert tagged["IPTC:CodedCharacterSet"] == "UTF8"
    assert tagged["IPTC:Sub-location"] == "Cape Kokutan" and tagged["IPTC:City"] == "Shumshu"
    assert tagged["IPTC:Province-State"] == "Sakhalin Oblast" and tagged["IPTC:Country-PrimaryLocationCode"] == "RUS"
    assert tagged["XMP-dc:Description"] == "Японский дот <№3> & «амбразура»"
    assert "GPS:GPSLatitude" not in tagged  # a place's centre is not presented as the camera's position
    shown = tagged["XMP-iptcExt:LocationShown"]
    shown = shown[0] if isinstance(shown, list) else shown
    assert shown["City"] == "Shumshu" and shown["CountryCode"] == "RUS"
    camera = [r for r in read if r.get("IPTC:Sub-location") == "Height 171"]
    assert camera and all("GPS:GPSLatitude" in r for r in camera)  # the camera's own position, exact
    for record in read:
        validate = subprocess.run(
            ["exiftool", "-validate", "-warning", "-a", record["SourceFile"]], capture_output=True, text=True
        )
        assert "Validate                        : OK" in validate.stdout, validate.stdout
