from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog, connect, transaction
from photoarchive.catalog.schema import MIGRATIONS, Migration, migrate
from photoarchive.errors import CatalogError, MigrationError


def test_new_catalog_has_every_migration_and_pragmas(tmp_path: Path) -> None:
    with Catalog(tmp_path / "a") as catalog:
        names = [r[0] for r in catalog.conn.execute("SELECT name FROM schema_migrations")]
        assert names == [m.name for m in MIGRATIONS]
        assert catalog.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert catalog.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert catalog.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert catalog.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert not (tmp_path / "a" / "backups").exists()  # nothing to back up in a new catalog
    for folder in ("originals", "cache"):
        assert (tmp_path / "a" / folder).is_dir()


def test_migration_backs_up_with_data_then_applies(tmp_path: Path) -> None:
    with Catalog(tmp_path / "a") as catalog:
        catalog.start_batch(["/somewhere"])
        extra = [*MIGRATIONS, Migration("9999_test_column", "ALTER TABLE photos ADD COLUMN test_note TEXT;")]
        assert migrate(catalog.conn, catalog.paths.catalog, extra) == ["9999_test_column"]
        backups = list((tmp_path / "a" / "backups").glob("catalog-*-before-9999_test_column.sqlite"))
        assert len(backups) == 1
        with sqlite3.connect(backups[0]) as copy:
            assert copy.execute("SELECT count(*) FROM import_batches").fetchone()[0] == 1
            columns = [r[1] for r in copy.execute("PRAGMA table_info(photos)")]
            assert "test_note" not in columns
        columns = [r[1] for r in catalog.conn.execute("PRAGMA table_info(photos)")]
        assert "test_note" in columns


def test_failed_migration_changes_nothing(tmp_path: Path) -> None:
    with Catalog(tmp_path / "a") as catalog:
        broken = [
            *MIGRATIONS,
            Migration("9998_broken", "CREATE TABLE half (x INTEGER);\nINSERT INTO nowhere VALUES (1);"),
        ]
        with pytest.raises(MigrationError, match="9998_broken"):
            migrate(catalog.conn, catalog.paths.catalog, broken)
        tables = {r[0] for r in catalog.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "half" not in tables
        assert "9998_broken" not in [r[0] for r in catalog.conn.execute("SELECT name FROM schema_migrations")]


def test_catalog_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    with Catalog(tmp_path / "a") as catalog:
        catalog.conn.execute("INSERT INTO schema_migrations VALUES ('9999_future', 'x')")
    with pytest.raises(MigrationError, match="newer version"):
        Catalog(tmp_path / "a")


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    with Catalog(tmp_path / "a") as catalog:
        with pytest.raises(RuntimeError), transaction(catalog.conn):
            catalog.conn.execute("INSERT INTO import_batches (started_at) VALUES ('now')")
            raise RuntimeError("boom")
        assert catalog.conn.execute("SELECT count(*) FROM import_batches").fetchone()[0] == 0


def test_not_a_catalog_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "catalog.sqlite").write_text("this is not a database")
    with pytest.raises(CatalogError, match="catalog"):
        Catalog(folder)


def test_readonly_connection_cannot_write(tmp_path: Path) -> None:
    with Catalog(tmp_path / "a") as catalog:
        path = catalog.paths.catalog
    conn = connect(path, readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("INSERT INTO import_batches (started_at) VALUES ('now')")
