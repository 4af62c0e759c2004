"""The 1024 px previews made after an import (``ingest.previews``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image

from photoarchive.catalog import Catalog
from photoarchive.catalog.connection import setting, transaction
from photoarchive.ingest.previews import MARK, build_previews, missing_previews, tried
from tests.conftest import run_import, write_photo


def _import(catalog: Catalog, folder: Path, count: int, *, start: int = 0) -> list[int]:
    """Import ``count`` new photos; every photo's id in the catalog."""
    for i in range(start, start + count):
        write_photo(folder / f"IMG_{i:04d}.JPG", size=(1600, 1200), seed=i, orientation=6 if i == 0 else 1)
    summary, _ = run_import(catalog, folder)
    assert summary.imported == count
    return sorted(p.id for p in catalog.list_photos())


def test_the_missing_previews_are_made_the_newest_first_and_present_ones_kept(
    tmp_path: Path, backend_catalog: Catalog
) -> None:
    catalog = backend_catalog  # on each backend: SQLite, the PostgreSQL test server
    ids = _import(catalog, tmp_path / "card", 3)
    kept = catalog.thumbnail_file(catalog.photo(ids[1]), 1024)
    Image.new("RGB", (10, 10), "red").save(kept)  # made before: never made again
    before = kept.read_bytes()

    work = missing_previews(catalog)
    assert [t.photo_id for t in work.tasks] == [ids[2], ids[0]]  # the newest import first
    outcomes = list(build_previews(work))
    assert [(o.photo_id, o.problem) for o in outcomes] == [(ids[2], None), (ids[0], None)]
    assert kept.read_bytes() == before
    for photo_id in (ids[0], ids[2]):
        photo = catalog.photo(photo_id)
        with Image.open(catalog.thumbnail_file(photo, 1024)) as preview:
            assert max(preview.size) == 1024
            # upright, as the grid's thumbnail (the first photo is turned by its EXIF)
            assert (preview.width < preview.height) == (photo.orientation == 6)
    assert catalog.photo(ids[0]).orientation == 6
    assert missing_previews(catalog).tasks == []
    assert not [p for p in catalog.thumbnail_file(catalog.photo(ids[0]), 1024).parent.iterdir() if ".tmp" in p.name]


def test_a_damaged_original_is_said_and_the_others_are_made(tmp_path: Path, catalog: Catalog, samples: Path) -> None:
    ids = _import(catalog, tmp_path / "card", 2)
    damaged = catalog.original_file(catalog.photo(ids[1]))
    damaged.write_bytes(damaged.read_bytes()[:2000])  # truncated on the disk after the import
    shutil.copy(samples / "metadata" / "CanonRaw.cr2", tmp_path / "raw.cr2")  # its preview is a stub
    run_import(catalog, tmp_path / "raw.cr2")
    raw = max(p.id for p in catalog.list_photos())
    catalog.thumbnail_file(catalog.photo(raw), 1024).unlink()  # a RAW's is made at import: lost since

    outcomes = {o.photo_id: o.problem for o in build_previews(missing_previews(catalog))}
    assert outcomes[ids[0]] is None and catalog.thumbnail_file(catalog.photo(ids[0]), 1024).is_file()
    assert str(damaged) in outcomes[ids[1]] and "truncated" in outcomes[ids[1]]
    assert "Traceback" not in outcomes[ids[1]]
    assert "raw.cr2" in outcomes[raw] and "no usable embedded preview" in outcomes[raw]
    assert not catalog.thumbnail_file(catalog.photo(ids[1]), 1024).exists()


def test_a_missing_original_is_said(tmp_path: Path, catalog: Catalog) -> None:
    ids = _import(catalog, tmp_path / "card", 1)
    original = catalog.original_file(catalog.photo(ids[0]))
    original.unlink()
    [outcome] = build_previews(missing_previews(catalog))
    assert outcome.problem is not None and str(original) in outcome.problem and "No such file" in outcome.problem


def test_cancelled_between_two_photos(tmp_path: Path, catalog: Catalog) -> None:
    _import(catalog, tmp_path / "card", 3)
    made: list[int] = []
    for outcome in build_previews(missing_previews(catalog), cancelled=lambda: len(made) == 1):
        made.append(outcome.photo_id)
    assert len(made) == 1
    assert len(missing_previews(catalog).tasks) == 2  # the rest, for the next run


def test_a_run_to_its_end_is_not_listed_again_and_a_failure_is_said_once(tmp_path: Path, catalog: Catalog) -> None:
    ids = _import(catalog, tmp_path / "card", 2)
    catalog.original_file(catalog.photo(ids[0])).write_bytes(b"not a photo")
    work = missing_previews(catalog)
    assert [o.problem is None for o in build_previews(work)] == [True, False]
    tried(catalog, work)
    assert setting(catalog.conn, MARK) == str(ids[1])
    assert missing_previews(catalog).tasks == []  # the damaged one is not tried at every window
    later = _import(catalog, tmp_path / "later", 1, start=5)[2:]
    assert [t.photo_id for t in missing_previews(catalog).tasks] == later


def test_an_archive_from_before_lists_none_of_its_photos(tmp_path: Path, catalog: Catalog) -> None:
    """Photos imported when the import made both sizes: no mark; none is listed (a window on a
    million photos reads none of them), and the next import's photos are."""
    ids = _import(catalog, tmp_path / "card", 2)
    with transaction(catalog.conn):
        catalog.conn.execute("DELETE FROM settings WHERE key = ?", (MARK,))
    assert missing_previews(catalog).tasks == [] and setting(catalog.conn, MARK) == str(ids[1])
    with transaction(catalog.conn):
        catalog.conn.execute("DELETE FROM settings WHERE key = ?", (MARK,))
    new = _import(catalog, tmp_path / "more", 2, start=5)[2:]  # the import sets the mark before its photos
    assert [t.photo_id for t in missing_previews(catalog).tasks] == new[::-1]  # the newest first
