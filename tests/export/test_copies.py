"""Writing copies and sidecars of originals (photoarchive.export.copies)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from photoarchive.catalog import Catalog
from photoarchive.edits import apply_edit
from photoarchive.errors import MetadataWriteError
from photoarchive.export.copies import write_files
from photoarchive.metadata import read_curated
from tests.conftest import add_original, digest, write_photo


def test_copies_embed_the_fields_and_leave_pixels_and_originals_alone(tmp_path: Path, catalog: Catalog) -> None:
    a = add_original(catalog, write_photo(tmp_path / "card" / "IMG_0001.JPG", seed=1))
    b = add_original(catalog, write_photo(tmp_path / "card2" / "IMG_0001.JPG", seed=2))  # same name
    original = catalog.original_file(catalog.photo(a))
    before = digest(original)
    apply_edit(catalog, [a, b], {"caption": "Шумшу & 占守島 <1945>", "credit": "Экспедиция «Шумшу-2015» & 占守島"})
    apply_edit(catalog, [a], {"latitude": 50.69, "longitude": 156.35, "gps_source": "edited"})

    results = list(write_files(catalog, [a, b], tmp_path / "out"))
    assert [r.error for r in results] == [None, None]
    assert [p.name for r in results for p in r.paths] == ["IMG_0001.JPG", "IMG_0001-1.JPG"]
    assert {s.field for s in results[0].shortened} == {"credit"}  # 52 bytes of UTF-8 > IIM's 32
    copy = results[0].paths[0]
    read = read_curated(copy, sidecar=False)
    assert read.fields.caption == "Шумшу & 占守島 <1945>" and read.fields.credit == "Экспедиция «Шумшу-2015» & 占守島"
    assert read.gps is not None and read.gps.latitude == pytest.approx(50.69)
    with Image.open(original) as old, Image.open(copy) as new:
        assert old.tobytes() == new.tobytes()
    assert digest(original) == before
    assert not list((tmp_path / "out").glob(".*"))  # no temporary files left

    for inside in (original.parent, catalog.paths.originals):
        with pytest.raises(MetadataWriteError, match="inside the archive's originals/"):
            list(write_files(catalog, [a], inside, force=True, sidecar=inside == original.parent))
    with pytest.raises(MetadataWriteError, match=r"already holds IMG_0001\.JPG"):
        list(write_files(catalog, [a], tmp_path / "out"))
    apply_edit(catalog, [a], {"caption": "Second caption"})
    (again,) = write_files(catalog, [a], tmp_path / "out", force=True)
    assert again.error is None and read_curated(copy, sidecar=False).fields.caption == "Second caption"
    assert digest(original) == before


def test_sidecars_and_raw_copies(tmp_path: Path, catalog: Catalog, samples: Path) -> None:
    jpeg = add_original(catalog, write_photo(tmp_path / "card" / "IMG_0002.JPG", seed=3))
    raw = add_original(catalog, samples / "metadata" / "Nikon.nef", fmt="NEF")
    apply_edit(catalog, [jpeg, raw], {"caption": "Высота 171", "keywords": ["Шумшу", "占守島"]})

    results = list(write_files(catalog, [jpeg, raw], tmp_path / "side", sidecar=True))
    assert [p.name for r in results for p in r.paths] == ["IMG_0002.JPG.xmp", "Nikon.nef.xmp"]
    assert read_curated(results[1].paths[0]).fields.keywords == ["Шумшу", "占守島"]
    (lightroom,) = write_files(catalog, [jpeg], tmp_path / "lr", sidecar=True, style="lightroom")
    assert lightroom.paths[0].name == "IMG_0002.xmp"

    # A raw original cannot carry embedded metadata safely: byte copy plus sidecar beside it.
    (copy,) = write_files(catalog, [raw], tmp_path / "copies")
    assert [p.name for p in copy.paths] == ["Nikon.nef", "Nikon.nef.xmp"]
    assert copy.paths[0].read_bytes() == (samples / "metadata" / "Nikon.nef").read_bytes()
    assert read_curated(copy.paths[0]).fields.caption == "Высота 171"  # through the sidecar


def test_a_failed_write_leaves_nothing(tmp_path: Path, catalog: Catalog) -> None:
    good = add_original(catalog, write_photo(tmp_path / "card" / "good.jpg", seed=4))
    broken = add_original(catalog, write_photo(tmp_path / "card" / "broken.jpg", seed=5))
    catalog.original_file(catalog.photo(broken)).write_bytes(b"not a jpeg at all")
    results = list(write_files(catalog, [good, broken], tmp_path / "out"))
    assert results[0].error is None and results[1].error and "broken.jpg" in results[1].error
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.jpg"]


def test_copies_and_sidecars_carry_the_place_shown(tmp_path: Path, catalog: Catalog) -> None:
    from photoarchive.places import assign_place
    from tests.places.conftest import build_shumshu

    shumshu = build_shumshu(catalog)
    photo = add_original(catalog, write_photo(tmp_path / "card" / "IMG_0007.JPG", seed=7))
    assign_place(catalog, [photo], shumshu.height)
    (copy,) = write_files(catalog, [photo], tmp_path / "out")
    (side,) = write_files(catalog, [photo], tmp_path / "side", sidecar=True)
    for path in (copy.paths[0], side.paths[0]):
        read = read_curated(path, sidecar=False)
        assert read.location is not None and read.location.names == {
            "x-default": "Height 171",
            "ru": "Высота 171",
            "ja": "四嶺山",
        }
        assert read.fields.sublocation == "Height 171" and read.fields.city == "Shumshu"
        assert read.gps is not None and read.gps.latitude == pytest.approx(shumshu.height.latitude)
    assign_place(catalog, [photo], shumshu.island)  # the island has identifiers in authority files
    (copy,) = write_files(catalog, [photo], tmp_path / "out", force=True)
    assert read_curated(copy.paths[0]).location.identifiers == [
        "https://sws.geonames.org/2121215/",
        "http://www.wikidata.org/entity/Q1049609",
    ]
