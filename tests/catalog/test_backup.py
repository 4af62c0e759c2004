"""Backups of the catalog (photoarchive.catalog.backup) and the refusal to make a catalog over an archive."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.backup import (
    check_backup,
    list_backups,
    prune_backups,
    put_in_place,
    take_backup,
)
from photoarchive.edits import apply_edit
from photoarchive.errors import CatalogError, CatalogMissingError
from tests.conftest import run_import, write_photos


def test_no_empty_catalog_is_made_over_an_archive(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    with Catalog(root) as catalog:
        write_photos(tmp_path / "card", 2)
        run_import(catalog, tmp_path / "card")
    (root / "catalog.sqlite").unlink()
    for companion in root.glob("catalog.sqlite-*"):
        companion.unlink()
    with pytest.raises(CatalogMissingError, match="photoarchive restore") as refused:
        Catalog(root)
    assert "--from-sidecars" in str(refused.value) and str(root / "backups") in str(refused.value)
    assert not (root / "catalog.sqlite").exists()

    # Backups alone are an archive too; a folder with only an import's leftovers is not.
    only_backups = tmp_path / "b"
    (only_backups / "backups").mkdir(parents=True)
    (only_backups / "backups" / "catalog-20240101-000000.sqlite").write_bytes(b"x")
    with pytest.raises(CatalogMissingError):
        Catalog(only_backups)
    leftovers = tmp_path / "c"
    (leftovers / "originals" / ".incoming").mkdir(parents=True)
    (leftovers / "originals" / ".incoming" / "x.part").write_bytes(b"x")
    Catalog(leftovers).close()


def test_backup_is_a_checked_whole_copy(tmp_path: Path, catalog: Catalog) -> None:
    catalog.start_batch(["/card"])
    backup = take_backup(catalog.conn, catalog.paths.backups)
    assert backup.path.parent == catalog.paths.backups and backup.name.startswith("catalog-")
    assert [p.name for p in catalog.paths.backups.iterdir()] == [backup.name]  # no temporary left
    assert check_backup(backup.path) == []
    with sqlite3.connect(backup.path) as copy:
        assert copy.execute("SELECT count(*) FROM import_batches").fetchone()[0] == 1
    assert not Path(f"{backup.path}-wal").exists()
    again = take_backup(catalog.conn, catalog.paths.backups, prune=False)  # the same second: another name
    assert again.path != backup.path and [b.path for b in list_backups(catalog.paths)] == [backup.path, again.path]


def test_prune_keeps_seven_days_four_weeks_and_every_pre_migration_backup(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
    names = []
    for day in range(60):  # two a day for sixty days
        for hour in (9, 18):
            when = start + timedelta(days=day, hours=hour - 12)
            names.append(f"catalog-{when:%Y%m%d-%H%M%S}.sqlite")
    names.append("catalog-20240105-101010-before-0007_something.sqlite")
    for name in names:
        (folder / name).write_bytes(b"x")
    prune_backups(folder)
    kept = sorted(p.name for p in folder.iterdir())
    days = [f"catalog-{start + timedelta(days=d):%Y%m%d}-180000.sqlite" for d in range(53, 60)]
    assert set(days) <= set(kept)  # the newest of each of the last 7 days
    assert "catalog-20240105-101010-before-0007_something.sqlite" in kept
    regular = [k for k in kept if "before" not in k]
    # 7 days, and the newest of each of the 4 latest ISO weeks (two of them are among the days)
    assert len(regular) == 9 and all(k.endswith("-180000.sqlite") for k in regular)


def test_the_first_change_of_the_day_takes_a_backup_when_none_is_recent(tmp_path: Path, catalog: Catalog) -> None:
    write_photos(tmp_path / "card", 1)
    summary, _ = run_import(catalog, tmp_path / "card")
    assert len(list_backups(catalog.paths)) == 1  # the import was the first change
    apply_edit(catalog, summary.photos, {"caption": "one"})
    assert len(list_backups(catalog.paths)) == 1  # once a day, not once a change

    old = list_backups(catalog.paths)[0]
    stale = old.path.with_name(f"catalog-{datetime.now(UTC) - timedelta(days=2):%Y%m%d-%H%M%S}.sqlite")
    old.path.rename(stale)
    with Catalog(catalog.paths.root) as again:  # another day's process: the newest is 2 days old
        apply_edit(again, summary.photos, {"caption": "two"})
        newest = list_backups(again.paths)[-1]
    assert newest.path != stale and datetime.now(UTC) - newest.taken_at < timedelta(minutes=5)
    with sqlite3.connect(newest.path) as copy:
        assert copy.execute("SELECT caption FROM photos").fetchone()[0] == "two"


def test_a_damaged_or_newer_backup_is_not_restored(tmp_path: Path, catalog: Catalog) -> None:
    catalog.start_batch(["/card"])
    good = take_backup(catalog.conn, catalog.paths.backups, prune=False)
    damaged = take_backup(catalog.conn, catalog.paths.backups, prune=False)
    data = bytearray(damaged.path.read_bytes())
    data[4096 * 3 : 4096 * 4] = bytes(range(256)) * 16  # one page of another table's garbage
    damaged.path.write_bytes(bytes(data))
    assert check_backup(damaged.path)
    with pytest.raises(CatalogError, match="cannot restore this backup"):
        put_in_place(catalog.paths, damaged)

    newer = take_backup(catalog.conn, catalog.paths.backups, prune=False)
    with sqlite3.connect(newer.path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES ('9999_future', 'x')")
    conn.close()
    assert "newer version" in check_backup(newer.path)[0]
    assert check_backup(good.path) == []
