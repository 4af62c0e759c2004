"""The round trip of a curator's text through the archive, on the command line as a curator runs it.

Caption, credit and place in Cyrillic, Japanese and Latin, with ``<``, ``&`` and quotes, are
set with ``photoarchive edit``, written to JPEG copies with ``photoarchive write``, read by
ExifTool (EXIF, IIM marked UTF-8, XMP; ``-validate`` clean), imported into a second archive
with ``photoarchive import``, and come out of ``show --json`` identical. The originals in
``originals/`` stay byte-identical through any number of edits and writes.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from photoarchive.cli import main
from photoarchive.model import CURATED_FIELD_NAMES

PHOTOS = {
    "cyrillic.jpg": {
        "caption": 'Обломки танка «Тип 97» у высоты 171 <северный склон> & "экипаж"\nвторая строка',
        "credit": "Экспедиция «Шумшу» & <2015>",  # 43 bytes: IIM keeps 32 of them, XMP all
        "sublocation": 'Высота 171 "Северная" & <склон>',  # 50 bytes: over IIM's 32 too
        "city": "Северо-Курильск",
        "state": "Сахалинская обл.",
        "country": "Россия",
        "country_code": "RUS",
    },
    "japanese.jpg": {
        "caption": '占守島の戦い：九七式中戦車の残骸 <四嶺山> & "戦車第十一連隊"',
        "credit": "占守島 & <調査団>",
        "sublocation": '四嶺山 "北斜面"',
        "city": "占守島",
        "state": "北千島",
        "country": "ロシア",
        "country_code": "RUS",
    },
    "latin.jpg": {
        "caption": 'Wreck of a Type 97 "Chi-Ha" tank <Height 171> & the crew\'s hatch — Шумшу / 占守島',
        "credit": 'Shumshu & "Partners" <2015>',
        "sublocation": 'Height 171 "North" & <slope>',
        "city": "Shumshu Island",
        "state": "Sakhalin Oblast",
        "country": "Russia",
        "country_code": "RUS",
    },
}
# Where ExifTool shows each field (-G1 group:tag); IIM is checked separately (byte limits).
XMP_TAGS = {
    "caption": "XMP-dc:Description",
    "credit": "XMP-photoshop:Credit",
    "sublocation": "XMP-iptcCore:Location",
    "city": "XMP-photoshop:City",
    "state": "XMP-photoshop:State",
    "country": "XMP-photoshop:Country",
    "country_code": "XMP-iptcCore:CountryCode",
}
IIM_TAGS = {
    "caption": "IPTC:Caption-Abstract",
    "credit": "IPTC:Credit",
    "sublocation": "IPTC:Sub-location",
    "city": "IPTC:City",
    "state": "IPTC:Province-State",
    "country": "IPTC:Country-PrimaryLocationName",
    "country_code": "IPTC:Country-PrimaryLocationCode",
}
LOCATION_SHOWN = {
    "sublocation": "XMP-iptcExt:LocationShownSublocation",
    "city": "XMP-iptcExt:LocationShownCity",
    "country": "XMP-iptcExt:LocationShownCountryName",
}


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def camera_jpeg(path: Path, seed: int) -> Path:
    """A JPEG with the EXIF a camera writes, on which ``exiftool -validate`` is clean."""
    Image.new("RGB", (320, 240), (40 * seed, 90, 140)).save(path, quality=90)
    subprocess.run(
        ["exiftool", "-q", "-overwrite_original", "-Make=Canon", "-Model=Canon EOS 5D Mark III",
         f"-DateTimeOriginal=2015:08:1{seed} 09:00:00", "-ExifImageWidth=320", "-ExifImageHeight=240", str(path)],
        check=True,
    )  # fmt: skip
    return path


def originals(archive: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in (archive / "originals").rglob("*")
        if p.is_file() and p.suffix != ".xmp"  # not the sidecars that mirror the catalog
    }


def test_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("exiftool") is None:
        pytest.fail("exiftool is needed (installed by .ci/run)")
    first, second, out = tmp_path / "first", tmp_path / "second", tmp_path / "out"
    card = tmp_path / "card"
    card.mkdir()
    for seed, name in enumerate(PHOTOS, start=1):
        camera_jpeg(card / name, seed)
    imported = json.loads(cli(capsys, "--archive", first, "import", card, "--workers", "1", "--json"))
    ids = {
        json.loads(cli(capsys, "--archive", first, "show", i, "--json"))["original_name"]: i for i in imported["photos"]
    }
    untouched = originals(first)

    for name, values in PHOTOS.items():
        options = [item for field, value in values.items() for item in (f"--{field.replace('_', '-')}", value)]
        cli(capsys, "--archive", first, "edit", ids[name], *options)
    cli(capsys, "--archive", first, "edit", ids["latin.jpg"], "--gps", "50.6912,156.3467")
    # Any number of edits and writes: a change, a write, its undo, and the final write.
    later = json.loads(cli(capsys, "--archive", first, "edit", *ids.values(), "--caption", "temporary", "--json"))
    cli(capsys, "--archive", first, "write", *ids.values(), "--to", out)
    cli(capsys, "--archive", first, "undo", later["id"])
    written = json.loads(cli(capsys, "--archive", first, "write", *ids.values(), "--to", out, "--force", "--json"))
    shortened = {(r["id"], s["field"]): s["kept"] for r in written for s in r["shortened"]}
    assert set(shortened) == {(ids["cyrillic.jpg"], "credit"), (ids["cyrillic.jpg"], "sublocation")}
    assert originals(first) == untouched

    # What ExifTool reads from each copy: every standard, IIM marked UTF-8.
    files = [out / name for name in PHOTOS]
    tags = json.loads(subprocess.run(["exiftool", "-j", "-a", "-G1", *map(str, files)], capture_output=True,
                                     text=True, check=True).stdout)  # fmt: skip
    for read, (name, values) in zip(tags, PHOTOS.items(), strict=True):
        assert read["IPTC:CodedCharacterSet"] == "UTF8", name
        assert read["IFD0:ImageDescription"] == values["caption"], name
        for field, value in values.items():
            assert read[XMP_TAGS[field]] == value, (name, field)
            assert read[IIM_TAGS[field]] == shortened.get((ids[name], field), value), (name, field)
        for field, tag in LOCATION_SHOWN.items():
            assert read[tag] == values[field], (name, field)
        assert (
            read["IFD0:Make"] == "Canon"
            and read["ExifIFD:DateTimeOriginal"] == "2015:08:1" + str(list(PHOTOS).index(name) + 1) + " 09:00:00"
        )
    assert "XMP-iptcExt:LocationShownGPSLatitude" in tags[2]
    validation = subprocess.run(
        ["exiftool", "-validate", "-warning", "-a", "-s", "-s", "-s", *map(str, files)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    lines = [line for line in validation.splitlines() if line.strip() and not line.startswith("=")]
    assert lines == ["OK"] * 3 + ["    3 image files read"], validation
    for name in PHOTOS:  # pixels untouched
        with Image.open(card / name) as source, Image.open(out / name) as copy:
            assert source.tobytes() == copy.tobytes()

    # Our own import reads back what we wrote, field for field.
    again = json.loads(cli(capsys, "--archive", second, "import", out, "--workers", "1", "--json"))
    assert again["imported"] == 3 and again["warnings"] == []
    for photo_id in again["photos"]:
        back = json.loads(cli(capsys, "--archive", second, "show", photo_id, "--json"))
        before = json.loads(cli(capsys, "--archive", first, "show", ids[back["original_name"]], "--json"))
        assert {f: back[f] for f in CURATED_FIELD_NAMES} == {f: before[f] for f in CURATED_FIELD_NAMES}
        assert back["conflicts"] == [] and (back["latitude"], back["longitude"]) == (
            pytest.approx(before["latitude"]) if before["latitude"] is not None else None,
            pytest.approx(before["longitude"]) if before["longitude"] is not None else None,
        )
    assert originals(first) == untouched
    assert json.loads(cli(capsys, "--archive", first, "check", "--json"))["problems"] == []
