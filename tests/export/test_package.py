"""The package: embedded metadata as ExifTool reads it, caption sheets, manifest, credits, ZIP."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from tests.export.conftest import (
    CAPTIONS,
    EXIFTOOL,
    INJECTION,
    LATITUDE,
    LONGITUDE,
    OWNER,
    SERIAL,
    exiftool,
    export,
    files_of,
    needs_exiftool,
    place_photo,
)


@needs_exiftool
def test_package_metadata_read_by_exiftool(shumshu: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "package"
    summary = export(shumshu, "package", target, location_precision="exact")
    assert summary.ok and summary.exported == 15
    images = sorted((target / "images").glob("*.jpg"))
    assert len(images) == 15
    assert images[0].name.startswith("20150810_")  # the default naming template
    tags = exiftool(target / "images", "-n")
    captions = {t["XMP-dc:Description"] for t in tags.values()}
    assert captions == set(CAPTIONS)
    for name, t in tags.items():
        assert t["IPTC:CodedCharacterSet"] == "\x1b%G", name  # IIM marked UTF-8
        assert t["IPTC:Caption-Abstract"] == t["XMP-dc:Description"] == t["IFD0:ImageDescription"]
        assert t["XMP-dc:Creator"] == "Sample Expedition" and t["IPTC:By-line"] == "Sample Expedition"
        assert t["XMP-photoshop:Credit"] == "Shumshu-2015 search expedition"
        assert t["XMP-dc:Rights"] == "© 2015 Sample Expedition"
        assert t["XMP-iptcCore:CountryCode"] == "RUS"
        assert t["GPS:GPSLatitude"] == pytest.approx(LATITUDE, abs=1e-7)
        assert t["GPS:GPSLongitude"] == pytest.approx(LONGITUDE, abs=1e-7)
        assert t["XMP-iptcExt:LocationShownGPSLatitude"] == pytest.approx(LATITUDE, abs=1e-6)
        assert t.get("IFD0:Orientation", 1) == 1
        assert t["ICC_Profile:ProfileDescription"] == "sRGB built-in"
        assert t["IFD0:Make"] == "Canon"  # camera data kept with --metadata all ...
        assert SERIAL not in json.dumps(t) and OWNER not in json.dumps(t)  # ... but not serials or owner
        assert "ExifIFD:SerialNumber" not in t and "ExifIFD:OwnerName" not in t
    injected = next(t for t in tags.values() if t["XMP-dc:Description"] == INJECTION)
    assert injected["IPTC:Caption-Abstract"] == INJECTION


@needs_exiftool
@pytest.mark.parametrize(("precision", "expected"), [("1km", (50.75, 156.32)), ("10km", (50.8, 156.3))])
def test_rounded_gps_in_exif_and_xmp(shumshu: Catalog, tmp_path: Path, precision: str, expected: tuple) -> None:
    target = tmp_path / "package"
    export(shumshu, "package", target, location_precision=precision, long_edge=200)
    for t in exiftool(target / "images", "-n").values():
        assert (t["GPS:GPSLatitude"], t["GPS:GPSLongitude"]) == expected
        assert (t["XMP-iptcExt:LocationShownGPSLatitude"], t["XMP-iptcExt:LocationShownGPSLongitude"]) == expected
        assert "GPS:GPSAltitude" not in t
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    assert {(i["location"]["latitude"], i["location"]["longitude"]) for i in manifest["images"]} == {expected}


@needs_exiftool
@pytest.mark.parametrize("precision", ["places", "none"])
def test_no_gps_at_all(shumshu: Catalog, tmp_path: Path, precision: str) -> None:
    target = tmp_path / "package"
    export(shumshu, "package", target, location_precision=precision, long_edge=200)
    for name, t in exiftool(target / "images").items():
        gps = [key for key in t if "GPS" in key]
        assert gps == [], (name, gps)
        assert ("XMP-iptcExt:LocationShownSublocation" in t) is (precision == "places")
        assert ("IPTC:City" in t) is (precision == "places")
    text = "".join(
        p.read_text(encoding="utf-8-sig") for p in target.iterdir() if p.suffix in (".json", ".csv", ".html", ".txt")
    )
    assert "50.75" not in text and "156.3" not in text
    if precision == "none":
        assert "north slope" not in text and "Sakhalin" not in text


@needs_exiftool
@pytest.mark.parametrize("precision", ["exact", "places", "none"])
def test_location_shown_names_and_identifiers_of_the_place(small_archive, tmp_path: Path, precision: str) -> None:
    catalog, (first, *_) = small_archive
    place_photo(catalog, first)
    target = tmp_path / "package"
    assert export(catalog, "package", target, location_precision=precision, long_edge=200).ok
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    placed = next(i for i in manifest["images"] if i["source"]["photo_id"] == first)
    tags = exiftool(target / "images", "-struct")
    shown = tags[Path(placed["file"]).name].get("XMP-iptcExt:LocationShown", [{}])[0]
    if precision == "none":
        assert shown == {} and placed["location"]["place_names"] == {}
        images = b"".join(p.read_bytes() for p in target.glob("images/*.jpg"))  # (the title names Shumshu)
        for secret in ("Россия".encode(), b"2121215", b"Q1049609", b"LocationName", b"LocationId"):
            assert secret not in images and secret.decode() not in json.dumps(placed, ensure_ascii=False)
        return
    assert (shown["LocationName"], shown["LocationName-ru"], shown["LocationName-ja"]) == ("Shumshu", "Шумшу", "占守島")
    assert shown["LocationId"] == ["https://sws.geonames.org/2121215/", "http://www.wikidata.org/entity/Q1049609"]
    assert (shown["City"], shown["CountryCode"]) == ("Shumshu", "RUS")
    assert placed["location"]["place_names"] == {"x-default": "Shumshu", "ru": "Шумшу", "ja": "占守島"}
    assert placed["location"]["place_identifiers"] == shown["LocationId"]
    others = [t for name, t in tags.items() if name != Path(placed["file"]).name]
    assert all("LocationId" not in t.get("XMP-iptcExt:LocationShown", [{}])[0] for t in others)
    for image in target.glob("images/*.jpg"):
        result = subprocess.run([EXIFTOOL, "-validate", "-warning", "-a", str(image)], capture_output=True, text=True)
        assert result.stdout.split(":")[-1].strip() == "OK", (image.name, result.stdout)


@needs_exiftool
def test_metadata_modes_and_serials(shumshu: Catalog, tmp_path: Path) -> None:
    export(shumshu, "package", tmp_path / "credit", metadata="credit", long_edge=200)
    for t in exiftool(tmp_path / "credit" / "images").values():
        assert t["XMP-dc:Creator"] == "Sample Expedition" and t["XMP-dc:Rights"] == "© 2015 Sample Expedition"
        assert not [
            k
            for k in t
            if k != "ICC_Profile:ProfileDescription" and any(w in k for w in ("Description", "Caption", "GPS", "City"))
        ]
        assert "IFD0:Make" not in t
    export(shumshu, "package", tmp_path / "none", metadata="none", long_edge=200)
    for t in exiftool(tmp_path / "none" / "images").values():
        groups = {key.split(":")[0] for key in t if ":" in key}
        assert groups <= {"ExifTool", "System", "File", "JFIF", "ICC-header", "ICC_Profile", "ICC-chrm", "Composite"}
    export(shumshu, "package", tmp_path / "serials", keep_serials=True, long_edge=200)
    tags = exiftool(tmp_path / "serials" / "images")
    assert sum(1 for t in tags.values() if t.get("ExifIFD:SerialNumber") == SERIAL) == 1
    assert sum(1 for t in tags.values() if t.get("ExifIFD:OwnerName") == OWNER) == 1


def test_caption_sheets_manifest_and_credits(shumshu: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "package"
    export(shumshu, "package", target, long_edge=200, location_precision="1km")
    raw = (target / "captions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheet programs then read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [int(r["sequence"]) for r in rows] == list(range(1, 16))
    assert {r["caption"] for r in rows} == set(CAPTIONS)
    row = next(r for r in rows if r["caption"] == INJECTION)
    assert row["published_caption"] == f"{INJECTION} [Credit photo: Sample Expedition - Архив экспедиции «Шумшу-2015»]"
    assert (row["latitude"], row["longitude"], row["location_precision"]) == ("50.75", "156.32", "1km")

    sheet = (target / "captions.html").read_text(encoding="utf-8")
    assert "Tank &lt;script&gt;" in sheet and "<script>" not in sheet

    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()} - {
        "manifest.json",
        ".photoarchive-export",
    }
    for path, entry in listed.items():
        data = (target / path).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["size"] == len(data)
    image = manifest["images"][0]
    photo = shumshu.photo(image["source"]["photo_id"])
    assert image["source"]["sha256"] == photo.sha256
    assert image["fields"]["creator"] == "Sample Expedition" and image["location"]["precision"] == "1km"
    assert manifest["options"]["location_precision"] == "1km" and "target" not in manifest["options"]

    credits = (target / "CREDITS.txt").read_text(encoding="utf-8")
    assert "Photo: Sample Expedition" in credits and "Editorial use with credit" in credits


def test_zip_is_reproducible(shumshu: Catalog, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    export(shumshu, "package", first, zip=True, long_edge=120)
    export(shumshu, "package", second, zip=True, long_edge=120)
    assert sorted(p.name for p in first.iterdir()) == [".photoarchive-export", "shumshu.zip"]
    assert (first / "shumshu.zip").read_bytes() == (second / "shumshu.zip").read_bytes()
    with zipfile.ZipFile(first / "shumshu.zip") as bundle:
        names = bundle.namelist()
        assert names == sorted(names) and "shumshu/manifest.json" in names
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in bundle.infolist())
        assert bundle.testzip() is None
    assert files_of(first) == files_of(second)
