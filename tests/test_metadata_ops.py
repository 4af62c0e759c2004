"""Writing copies and sidecars of originals, and re-reading originals (photoarchive.metadata_ops)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PIL import Image

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_fields, load_values
from photoarchive.edits import apply_edit, history, revert_edit
from photoarchive.errors import MetadataWriteError
from photoarchive.metadata import read_curated
from photoarchive.metadata_ops import reread, write_files
from tests.conftest import write_photo


def add_original(catalog: Catalog, source: Path, *, name: str | None = None, fmt: str = "JPEG") -> int:
    """Record ``source`` as a photo with its original in originals/, without an import run."""
    data = source.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    relative = f"2015/{sha256[:8]}/{name or source.name}"  # names may repeat, as in originals/
    target = catalog.paths.original(relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return catalog.add_photo(
        {
            "sha256": sha256,
            "original_path": relative,
            "original_name": name or source.name,
            "source_path": str(source.resolve()),
            "size": len(data),
            "format": fmt,
            "captured_at": "2015-08-10T09:00:00",
            "imported_at": "2026-01-01T00:00:00+00:00",
            "embedded": {},
        }
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


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


def test_reread_uses_the_sidecar_beside_the_source_and_is_one_edit(
    tmp_path: Path, catalog: Catalog, samples: Path
) -> None:
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(samples / "metadata" / "XMP.jpg", card)
    photo = add_original(catalog, card / "XMP.jpg")
    apply_edit(catalog, [photo], {"caption": "curated", "keywords": ["mine"]})

    result = reread(catalog, [photo])  # no sidecar yet: the original's own metadata
    assert load_fields(catalog, [photo])[photo].keywords == ["ExifTool", "Test", "XMP"]
    assert result.failures == [] and len(history(catalog)) == 2

    shutil.copy(samples / "metadata" / "XMP.xmp", card)
    result = reread(catalog, [photo])
    fields = load_fields(catalog, [photo])[photo]
    assert fields.keywords == ["test1", "&-&amp;-&"]  # the sidecar wins, as on import
    conflicts = load_values(catalog, [photo], ["conflicts"])[photo]["conflicts"]
    assert {"copyright", "keywords"} <= {c["field"] for c in conflicts}
    revert_edit(catalog, result.edit.id)
    assert load_fields(catalog, [photo])[photo].keywords == ["ExifTool", "Test", "XMP"]


def test_reread_reports_a_missing_original(tmp_path: Path, catalog: Catalog) -> None:
    photo = add_original(catalog, write_photo(tmp_path / "card" / "gone.jpg", seed=6))
    catalog.original_file(catalog.photo(photo)).unlink()
    result = reread(catalog, [photo])
    assert result.edit.id == 0 and result.failures[0][0] == photo and "no such file" in result.failures[0][1]


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
