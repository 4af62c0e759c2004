"""XMP sidecars (writing, reading, precedence) and reading malformed files."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from photoarchive.errors import MetadataReadError
from photoarchive.metadata import read_curated, sidecar_path, write, write_sidecar
from photoarchive.model import CuratedFields
from tests.metadata.conftest import GPS, MIXED, exiftool, exiftool_json


def test_sidecar_names() -> None:
    assert sidecar_path("/a/IMG_0001.CR2") == Path("/a/IMG_0001.CR2.xmp")
    assert sidecar_path("/a/IMG_0001.CR2", "/out", style="lightroom") == Path("/out/IMG_0001.xmp")


def test_standalone_sidecar_round_trip(tmp_path: Path) -> None:
    xmp = tmp_path / "IMG_0001.CR2.xmp"
    write_sidecar(MIXED, xmp, gps=GPS)
    assert xmp.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="UTF-8"?>')
    back = read_curated(xmp)
    assert back.fields == MIXED
    assert back.gps is not None and back.gps.longitude == pytest.approx(GPS.longitude, abs=1e-6)
    info = exiftool_json(xmp, "-G1", "-a")
    assert info["XMP-dc:Description"] == MIXED.caption
    assert info["XMP-photoshop:Credit"] == MIXED.credit
    assert info["XMP-dc:Creator"] == ["Иван Петров", "山田 太郎"]
    assert "Warning" not in exiftool("-validate", "-warning", "-a", "-s", xmp).stdout


def test_sidecar_keeps_what_else_it_holds(tmp_path: Path, metadata_samples: Path) -> None:
    xmp = Path(shutil.copy(metadata_samples / "XMP.xmp", tmp_path / "photo.xmp"))
    write_sidecar(CuratedFields(caption="Новая подпись", keywords=["танк"]), xmp)
    info = exiftool_json(xmp, "-G1", "-a")
    assert info["XMP-tiff:Make"] == "Canon"  # not ours: kept
    assert info["XMP-dc:Description"] == "Новая подпись"
    assert info["XMP-dc:Subject"] == "танк"
    assert "XMP-dc:Rights" not in info  # ours, and now empty


def test_sidecar_takes_precedence_field_by_field(small_jpeg) -> None:
    photo = small_jpeg("IMG_0002.jpg")
    write(replace(MIXED, caption="Embedded caption", city="Embedded city"), photo)
    write_sidecar(CuratedFields(caption="Sidecar caption"), photo.with_suffix(".xmp"))

    result = read_curated(photo)
    assert result.sidecar == photo.with_suffix(".xmp")
    assert result.fields.caption == "Sidecar caption"
    assert result.fields.city == "Embedded city"  # the sidecar has none: the file's value
    conflict = next(c for c in result.conflicts if c.field == "caption")
    assert conflict.chosen == "sidecar"
    assert conflict.values["sidecar"] == "Sidecar caption" and conflict.values["exif"] == "Embedded caption"

    assert read_curated(photo, sidecar=False).fields.caption == "Embedded caption"


def test_darktable_sidecar_wins_over_lightroom_name(small_jpeg) -> None:
    photo = small_jpeg("IMG_0003.jpg")
    write_sidecar(CuratedFields(title="darktable"), photo.with_name("IMG_0003.jpg.xmp"))
    write_sidecar(CuratedFields(title="lightroom"), photo.with_name("IMG_0003.xmp"))
    result = read_curated(photo)
    assert result.fields.title == "darktable"
    assert any("several sidecars" in w for w in result.warnings)


def test_broken_sidecar_is_a_warning(small_jpeg) -> None:
    photo = small_jpeg("IMG_0004.jpg")
    write(CuratedFields(title="Embedded"), photo)
    photo.with_suffix(".xmp").write_text("<x:xmpmeta>not closed", encoding="utf-8")
    result = read_curated(photo)
    assert result.fields.title == "Embedded"
    assert result.warnings and result.sidecar is None


MALFORMED = [
    "empty.jpg", "not_an_image.jpg", "pillow_decompression_bomb.gif", "pillow_decompression_bomb_extents.gif",
    "pillow_empty_gps_ifd.jpg", "pillow_exif-72dpi-int.jpg", "pillow_exif-ifd-offset.jpg", "pillow_exif_typeerror.jpg",
    "pillow_hopper_bad_exif.jpg", "pillow_invalid-exif.jpg", "pillow_multiple_exif.jpg", "pillow_truncated_exif_dpi.jpg",
    "pillow_truncated_image.png", "pillow_truncated_jpeg.jpg",
]  # fmt: skip


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_files_never_crash_nor_print(name: str, malformed_samples: Path, capfd) -> None:
    path = malformed_samples / name
    try:
        result = read_curated(path)
    except MetadataReadError as error:
        message = str(error)
        assert str(path) in message and "\n" not in message
    else:
        assert all("\n" not in w for w in result.warnings)
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MetadataReadError, match="no such file"):
        read_curated(tmp_path / "nothing.jpg")
