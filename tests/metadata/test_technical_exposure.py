"""The lens and the exposure are read at import and kept in the catalog (0010_exposure)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.metadata.technical import read_technical
from tests.conftest import run_import, write_photo

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed (.ci/run installs it)")


def shot_with_exposure(path: Path) -> Path:
    write_photo(path)
    subprocess.run(
        [
            str(EXIFTOOL),
            "-q",
            "-overwrite_original",
            "-LensModel=EF 24-105mm f/4L IS USM",
            "-ExposureTime=1/250",
            "-FNumber=8",
            "-ISO=200",
            "-FocalLength=35",
            str(path),
        ],
        check=True,
    )
    return path


@needs_exiftool
def test_the_exposure_is_read(tmp_path: Path) -> None:
    technical = read_technical(shot_with_exposure(tmp_path / "a.jpg"))
    assert technical.lens == "EF 24-105mm f/4L IS USM"
    assert (technical.exposure_time, technical.f_number, technical.iso, technical.focal_length) == (
        "1/250",
        8.0,
        200,
        35.0,
    )


def test_a_file_without_them_has_none(tmp_path: Path) -> None:
    technical = read_technical(write_photo(tmp_path / "b.jpg"))
    assert (technical.lens, technical.exposure_time, technical.f_number, technical.iso) == (None, None, None, None)


@needs_exiftool
def test_the_import_keeps_them(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "in").mkdir()
    source = shot_with_exposure(tmp_path / "in" / "IMG_0001.JPG")
    run_import(catalog, source)
    photo = catalog.list_photos()[0]
    assert (photo.lens, photo.exposure_time, photo.f_number, photo.iso, photo.focal_length) == (
        "EF 24-105mm f/4L IS USM",
        "1/250",
        8.0,
        200,
        35.0,
    )
