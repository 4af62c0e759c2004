from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from photoarchive.catalog import Catalog
from photoarchive.errors import ImageError
from photoarchive.imaging import open_image
from tests.conftest import digest, run_import, write_photo, write_photos


def test_import_copies_byte_for_byte_and_records_everything(tmp_path: Path, backend_catalog: Catalog) -> None:
    catalog = backend_catalog  # on each backend: SQLite, the PostgreSQL test server
    sources = write_photos(tmp_path / "card", 3)
    rotated = write_photo(
        tmp_path / "card" / "sub" / "IMG_ROT.JPG", seed=9, orientation=6, size=(600, 400), gps=(50.7512, 156.3501)
    )
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in [*sources, rotated]}
    summary, progress = run_import(catalog, tmp_path / "card")
    assert (summary.imported, summary.duplicates, summary.failed) == (4, 0, [])
    assert [p.done for p in progress] == [1, 2, 3, 4] and progress[-1].total == 4
    for path, (data, mtime) in before.items():  # the sources are never touched
        assert path.read_bytes() == data and path.stat().st_mtime_ns == mtime
    photos = catalog.list_photos(order="name")
    assert [p.original_name for p in photos] == ["IMG_0000.JPG", "IMG_0001.JPG", "IMG_0002.JPG", "IMG_ROT.JPG"]
    for photo in photos:
        original = catalog.original_file(photo)
        assert original.read_bytes() == Path(photo.source_path).read_bytes()
        assert digest(original) == photo.sha256
        assert photo.original_path.startswith("2015/2015-08-10/")
        assert photo.camera_make == "Canon" and photo.batch_id == summary.batch
        with Image.open(catalog.thumbnail_file(photo, 256)) as thumb:
            assert max(thumb.size) == min(256, max(photo.width, photo.height))
        # A JPEG's 1024 px preview is left to the window's builder (ingest.previews).
        assert not catalog.thumbnail_file(photo, 1024).exists()
    rot = photos[-1]
    assert (rot.width, rot.height, rot.orientation) == (400, 600, 6)  # as displayed
    with Image.open(catalog.thumbnail_file(rot, 256)) as thumb:
        assert thumb.width < thumb.height  # orientation applied to the pixels
    assert rot.latitude == pytest.approx(50.7512, abs=1e-4) and rot.longitude == pytest.approx(156.3501, abs=1e-4)
    assert photos[0].captured_at == "2015-08-10T09:00:00"
    batch = catalog.batch(summary.batch)
    assert (batch.status, batch.imported, batch.failed) == ("completed", 4, 0)
    assert not list(catalog.paths.incoming.glob("*"))


def test_second_import_is_all_duplicates(tmp_path: Path, backend_catalog: Catalog) -> None:
    catalog = backend_catalog  # on each backend: SQLite, the PostgreSQL test server
    write_photos(tmp_path / "card", 3)
    run_import(catalog, tmp_path / "card")
    summary, _ = run_import(catalog, tmp_path / "card")
    assert (summary.imported, summary.duplicates, summary.failed) == (0, 3, [])
    assert catalog.count_photos() == 3
    assert len(list(catalog.paths.originals.rglob("*.JPG"))) == 3


def test_same_file_twice_in_one_run_is_one_photo(tmp_path: Path, backend_catalog: Catalog) -> None:
    catalog = backend_catalog  # on each backend: SQLite, the PostgreSQL test server
    source = write_photo(tmp_path / "a" / "IMG_0001.JPG", seed=1)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "IMG_0001.JPG").write_bytes(source.read_bytes())
    summary, _ = run_import(catalog, tmp_path / "a", tmp_path / "b")
    assert (summary.imported, summary.duplicates) == (1, 1)
    assert len(list(catalog.paths.originals.rglob("*.JPG"))) == 1


def test_name_clash_gets_a_suffix_never_an_overwrite(tmp_path: Path, backend_catalog: Catalog) -> None:
    catalog = backend_catalog  # on each backend: SQLite, the PostgreSQL test server
    first = write_photo(tmp_path / "cam1" / "IMG_0001.JPG", seed=1)
    second = write_photo(tmp_path / "cam2" / "IMG_0001.JPG", seed=2)
    run_import(catalog, tmp_path / "cam1")
    run_import(catalog, tmp_path / "cam2")
    paths = sorted(p.original_path for p in catalog.list_photos())
    assert paths == ["2015/2015-08-10/IMG_0001-1.JPG", "2015/2015-08-10/IMG_0001.JPG"]
    assert catalog.paths.original("2015/2015-08-10/IMG_0001.JPG").read_bytes() == first.read_bytes()
    assert catalog.paths.original("2015/2015-08-10/IMG_0001-1.JPG").read_bytes() == second.read_bytes()


def test_photo_without_date_goes_to_the_import_date(tmp_path: Path, catalog: Catalog) -> None:
    write_photo(tmp_path / "scan.jpg", when=None)
    run_import(catalog, tmp_path / "scan.jpg")
    (photo,) = catalog.list_photos()
    today = date.today().isoformat()
    assert photo.captured_at is None
    assert photo.original_path == f"{today[:4]}/{today}/scan.jpg"


def test_every_metadata_sample_imports(samples: Path, backend_catalog: Catalog) -> None:
    catalog = backend_catalog  # on each backend: SQLite, the PostgreSQL test server
    summary, _ = run_import(catalog, samples / "metadata")
    images = [p for p in (samples / "metadata").iterdir() if p.suffix.lower() != ".xmp"]
    assert summary.failed == []
    assert summary.imported == len(images)
    assert sorted(Path(s).name for s in summary.skipped) == ["XMP.xmp", "XMP5.xmp"]
    by_name = {p.original_name: p for p in catalog.list_photos()}
    assert by_name["GPS.jpg"].latitude == pytest.approx(54.98966, abs=1e-4)
    assert by_name["Google.jpg"].captured_at == "2023-10-06T22:53:51+02:00"  # offset kept
    assert by_name["Nikon.nef"].format == "NEF" and by_name["Nikon.nef"].width == 3040
    raw_warnings = " ".join(by_name["Nikon.nef"].warnings)
    assert "placeholder" in raw_warnings  # the sample's preview is a stub
    for photo in by_name.values():
        assert catalog.thumbnail_file(photo, 256).is_file()
        # The 1024 px preview too, but for a JPEG: its own is made after the import (ingest.previews).
        assert catalog.thumbnail_file(photo, 1024).is_file() == (photo.format != "JPEG"), photo.original_name
    # Text already in the files is kept and searchable.
    assert "IPTC.jpg" in [p.original_name for p in catalog.list_photos(search="witty caption")]
    assert [p.original_name for p in catalog.list_photos(search="Kingston Ont")][:1] != []


def test_every_malformed_sample_is_reported_or_salvaged(samples: Path, catalog: Catalog) -> None:
    summary, _ = run_import(catalog, samples / "malformed")
    failed = {Path(f.path).name: f.error for f in summary.failed}
    imported = {p.original_name: p for p in catalog.list_photos()}
    files = sorted(p.name for p in (samples / "malformed").iterdir())
    assert sorted([*failed, *imported]) == files  # every file has an outcome
    assert failed["empty.jpg"] == "empty file (0 bytes)"
    assert "not an image" in failed["not_an_image.jpg"]
    assert "truncated" in failed["pillow_truncated_jpeg.jpg"]
    assert "truncated" in failed["pillow_truncated_image.png"]
    assert "not a supported photo format" in failed["pillow_decompression_bomb.gif"]
    for error in failed.values():
        assert "Traceback" not in error and "\n" not in error
    for name, photo in imported.items():  # salvaged: usable pixels, damaged metadata noted
        if name in ("pillow_invalid-exif.jpg", "pillow_hopper_bad_exif.jpg"):
            assert photo.warnings, name


def test_decompression_bomb_is_refused(samples: Path) -> None:
    with pytest.raises(ImageError, match="too large"):
        open_image(samples / "malformed" / "pillow_decompression_bomb.gif")


def test_explicit_non_photo_and_missing_path_fail_clearly(tmp_path: Path, catalog: Catalog) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("field notes")
    summary, _ = run_import(catalog, notes, tmp_path / "nowhere")
    errors = {Path(f.path).name: f.error for f in summary.failed}
    assert errors == {
        "notes.txt": "not a supported photo format (TXT files are not imported)",
        "nowhere": "no such file or folder",
    }
    assert catalog.batch(summary.batch).failures[0].error.startswith("not a supported")


def test_cancel_keeps_a_consistent_catalog(tmp_path: Path, backend_catalog: Catalog) -> None:
    catalog = backend_catalog  # on each backend: SQLite, the PostgreSQL test server
    # Enough photos that those in flight when the cancel is seen (two a worker, recorded all the
    # same) cannot be all of them, however fast each is on a loaded machine.
    write_photos(tmp_path / "card", 30)
    summary, _ = run_import(catalog, tmp_path / "card", cancel_after=2)
    assert summary.cancelled
    assert 2 <= summary.imported < 30
    assert catalog.batch(summary.batch).status == "cancelled"
    recorded = {p.original_path for p in catalog.list_photos()}
    on_disk = {p.relative_to(catalog.paths.originals).as_posix() for p in catalog.paths.originals.rglob("*.JPG")}
    assert recorded <= on_disk
    summary, _ = run_import(catalog, tmp_path / "card")  # resuming adds only what is missing
    assert catalog.count_photos() == 30
    on_disk = {p.relative_to(catalog.paths.originals).as_posix() for p in catalog.paths.originals.rglob("*.JPG")}
    assert on_disk == {p.original_path for p in catalog.list_photos()}


def test_json_summary_shape(tmp_path: Path, catalog: Catalog) -> None:
    write_photos(tmp_path / "card", 1)
    summary, _ = run_import(catalog, tmp_path / "card")
    data = json.loads(json.dumps(summary.as_json()))
    assert {"batch", "imported", "duplicates", "failed", "photos"} <= set(data)


def test_the_archive_itself_is_never_imported(tmp_path: Path) -> None:
    write_photos(tmp_path / "work" / "card", 2)
    with Catalog(tmp_path / "work" / "archive") as catalog:
        run_import(catalog, tmp_path / "work" / "card")
        summary, _ = run_import(catalog, tmp_path / "work")  # the parent folder holds the archive
        assert (summary.imported, summary.duplicates, summary.failed) == (0, 2, [])
        assert str(tmp_path / "work" / "archive") in summary.skipped
        summary, _ = run_import(catalog, catalog.paths.originals)
        assert summary.failed[0].error.startswith("is inside the archive itself")
