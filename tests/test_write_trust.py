"""``photoarchive write`` and export follow the same rules: the bytes written are the ones
imported, EXIF GPS says where a photo was taken (never a place's centre), a stored value
that does not validate is left out with a warning, and the files have the usual permissions."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest

from photoarchive.catalog import Catalog
from photoarchive.collections import add_photos, create_collection
from photoarchive.edits import apply_edit
from photoarchive.export.copies import write_files
from tests.conftest import add_original, digest, write_photo
from tests.export.conftest import export

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
CAMERA = (43.5, 141.25)  # in the camera's EXIF
TYPED = (50.7512345, 156.3212345)
PLACE = (50.7, 156.3)


def exiftool(path: Path) -> dict[str, Any]:
    assert EXIFTOOL
    done = subprocess.run(
        [EXIFTOOL, "-j", "-a", "-G1", "-n", str(path)], capture_output=True, check=True, timeout=60, text=True
    )
    return json.loads(done.stdout)[0]


def validate(path: Path) -> str:
    assert EXIFTOOL
    done = subprocess.run(
        [EXIFTOOL, "-validate", "-warning", "-a", str(path)], capture_output=True, timeout=60, text=True
    )
    return done.stdout


@pytest.fixture
def positioned(tmp_path: Path, catalog: Catalog) -> dict[str, int]:
    """Photos whose positions came from the camera, a typed value, a GPX track and a place."""
    ids = {}
    for seed, source in enumerate(("camera", "edited", "gpx", "place", "none")):
        path = write_photo(tmp_path / "card" / f"{source}.jpg", seed=seed, gps=CAMERA if source == "camera" else None)
        ids[source] = add_original(catalog, path)
    apply_edit(catalog, list(ids.values()), {"caption": "Shumshu", "creator": "Sample Expedition"})
    values = {
        "camera": {"latitude": CAMERA[0], "longitude": CAMERA[1], "altitude": None, "gps_source": "camera"},
        "edited": {"latitude": TYPED[0], "longitude": TYPED[1], "altitude": 171.0, "gps_source": "edited"},
        "gpx": {"latitude": TYPED[0], "longitude": TYPED[1], "altitude": None, "gps_source": "gpx"},
        "place": {"latitude": PLACE[0], "longitude": PLACE[1], "altitude": None, "gps_source": "place"},
    }
    apply_edit(catalog, [ids[k] for k in values], lambda pid: values[next(k for k, v in ids.items() if v == pid)])
    return ids


def _exif_position(tags: dict[str, Any]) -> tuple[float, float] | None:
    if "GPS:GPSLatitude" not in tags:
        return None
    return round(tags["GPS:GPSLatitude"], 6), round(tags["GPS:GPSLongitude"], 6)


def _shown_position(tags: dict[str, Any]) -> tuple[float, float] | None:
    lat = tags.get("XMP-iptcExt:LocationShownGPSLatitude")
    return None if lat is None else (round(lat, 6), round(tags["XMP-iptcExt:LocationShownGPSLongitude"], 6))


EXPECTED_EXIF = {"camera": CAMERA, "edited": TYPED, "gpx": TYPED, "place": None, "none": None}


@needs_exiftool
def test_write_puts_a_position_where_the_photo_was_taken_into_exif_gps(
    tmp_path: Path, catalog: Catalog, positioned: dict[str, int]
) -> None:
    results = list(write_files(catalog, list(positioned.values()), tmp_path / "out"))
    assert all(r.error is None for r in results), [r.error for r in results]
    for source in positioned:
        path = tmp_path / "out" / f"{source}.jpg"
        tags = exiftool(path)
        expected = EXPECTED_EXIF[source]
        assert _exif_position(tags) == (None if expected is None else tuple(round(v, 6) for v in expected)), source
        if source == "edited":
            assert tags["GPS:GPSAltitude"] == 171
        if source == "place":  # only as the position of the place shown
            assert _shown_position(tags) == PLACE and "XMP-exif:GPSLatitude" not in tags
        original = catalog.original_file(catalog.photo(positioned[source]))
        new = set(validate(path).splitlines()[1:]) - set(validate(original).splitlines()[1:])
        assert not new, (source, new)  # nothing ExifTool did not already find in the original


@needs_exiftool
def test_export_follows_the_same_rule(tmp_path: Path, catalog: Catalog, positioned: dict[str, int]) -> None:
    create_collection(catalog, "c")
    add_photos(catalog, "c", list(positioned.values()))
    summary = export(catalog, "package", tmp_path / "pkg", collection="c", long_edge=200, name_template="{sequence:03}")
    assert summary.ok
    names = {s: f"{i:03d}.jpg" for i, s in enumerate(positioned, start=1)}
    for source, name in names.items():
        tags = exiftool(tmp_path / "pkg" / "images" / name)
        expected = EXPECTED_EXIF[source]
        assert _exif_position(tags) == (None if expected is None else tuple(round(v, 6) for v in expected)), source


def test_write_refuses_an_original_changed_since_import(tmp_path: Path, catalog: Catalog) -> None:
    good = add_original(catalog, write_photo(tmp_path / "card" / "good.jpg", seed=1))
    swapped = add_original(catalog, write_photo(tmp_path / "card" / "swapped.jpg", seed=2))
    expected = catalog.photo(swapped).sha256
    other = write_photo(tmp_path / "other.jpg", seed=3)
    catalog.original_file(catalog.photo(swapped)).write_bytes(other.read_bytes())
    results = list(write_files(catalog, [good, swapped], tmp_path / "out"))
    assert results[0].error is None
    error = results[1].error or ""
    assert "has changed since it was imported" in error and "swapped.jpg" in error
    assert f"expected sha256 {expected}, found {digest(other)}" in error
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.jpg"]


def test_write_leaves_out_a_stored_value_that_does_not_validate(tmp_path: Path, catalog: Catalog) -> None:
    photo = add_original(catalog, write_photo(tmp_path / "card" / "a.jpg", seed=1))
    apply_edit(catalog, [photo], {"caption": "kept", "country_code": "RUS"})
    with catalog.conn:  # as an import keeps what a file held, with a warning
        catalog.conn.execute("UPDATE photos SET web_statement = 'javascript:alert(1)', country_code = 'XX'")
    for sidecar in (False, True):
        out = tmp_path / f"out-{sidecar}"
        (result,) = write_files(catalog, [photo], out, sidecar=sidecar)
        assert result.error is None
        assert any("Web statement" in w and "left out" in w for w in result.warnings)
        assert any("Country code" in w for w in result.warnings)
        data = result.paths[0].read_bytes()
        assert b"javascript" not in data and b"kept" in data


def test_written_files_have_the_usual_permissions(tmp_path: Path, catalog: Catalog) -> None:
    photo = add_original(catalog, write_photo(tmp_path / "card" / "a.jpg", seed=1))
    old = os.umask(0o027)
    try:
        (copy,) = write_files(catalog, [photo], tmp_path / "out")
        (side,) = write_files(catalog, [photo], tmp_path / "side", sidecar=True)
    finally:
        os.umask(old)
    assert copy.error is None and side.error is None, (copy.error, side.error)
    assert stat.S_IMODE(copy.paths[0].stat().st_mode) == 0o640
    assert stat.S_IMODE(side.paths[0].stat().st_mode) == 0o640


@needs_exiftool
def test_a_value_imported_with_a_warning_is_said_then_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """From the card to the publication: the import says the value will be left out, the photo
    needs attention, and write and export go on without the value."""
    from photoarchive.catalog.attention import needing_attention
    from photoarchive.cli import main

    card = tmp_path / "card"
    bad = write_photo(card / "bad.jpg", seed=1)
    write_photo(card / "good.jpg", seed=2)
    assert EXIFTOOL
    subprocess.run(
        [EXIFTOOL, "-q", "-overwrite_original", "-XMP-xmpRights:WebStatement=javascript:alert(1)",
         "-XMP-dc:Description=Landing", "-XMP-iptcCore:CountryCode=XX", str(bad)],
        check=True, timeout=60,
    )  # fmt: skip
    archive = ["--archive", str(tmp_path / "archive")]
    assert main([*archive, "import", str(card), "--json", "--workers", "0"]) == 0
    result = json.loads(capsys.readouterr().out)
    said = [w["warning"] for w in result["warnings"] if w["path"].endswith("bad.jpg")]
    assert any("Web statement" in w and "write and export leave it out" in w for w in said), said
    assert any("Country code" in w for w in said), said
    with Catalog(tmp_path / "archive") as catalog:
        ids = {p.original_name: p.id for p in catalog.list_photos()}
        assert ids["bad.jpg"] in needing_attention(catalog)
        create_collection(catalog, "c")
        add_photos(catalog, "c", list(ids.values()))
    assert main([*archive, "export", "c", "--format", "package", "--to", str(tmp_path / "pkg"), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["exported"] == 2 and any("left out" in w for w in summary["warnings"])
    assert main([*archive, "write", f"{min(ids.values())}-{max(ids.values())}", "--to", str(tmp_path / "w")]) == 0
    captured = capsys.readouterr()
    assert "2 written, 0 failed" in captured.out and "left out" in captured.err
    tags = exiftool(tmp_path / "w" / "bad.jpg")
    assert "XMP-xmpRights:WebStatement" not in tags and tags["XMP-dc:Description"] == "Landing"
