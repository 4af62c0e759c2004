"""The catalog's schema on both backends: the same migrations make the same tables, with the same
columns, on SQLite and on a PostgreSQL server; a new database is a new catalog, refused over an
archive's originals as a missing catalog.sqlite is; a database in the C character type is
refused in one line, whoever opens it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.connection import Connection, dialect, transaction
from photoarchive.catalog.dialect import table_columns
from photoarchive.catalog.location import remember
from photoarchive.catalog.schema import MIGRATIONS, Migration, applied_migrations, migrate
from photoarchive.errors import CatalogMissingError, MigrationError
from tests.conftest import REPO
from tests.postgres import Backend, new_database

# The search text is a derived table (rebuilt from the photos' rows): an FTS5 table in SQLite,
# whose row id is the search key; on PostgreSQL a table with the photo's id and capture key.
SEARCH_TEXT = "photos_fts"


def tables(conn: Connection) -> dict[str, list[str]]:
    """Each table of the catalog with its column names (SQLite's FTS5 shadow tables left out)."""
    if dialect(conn) == "sqlite":
        names = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not row[0].startswith(("sqlite_", f"{SEARCH_TEXT}_"))
        ]
    else:
        names = [row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
    return {name: table_columns(conn, dialect(conn), name) for name in sorted(names)}


@pytest.fixture
def new_archive(backend: Backend, tmp_path: Path):
    """An archive folder whose catalog does not exist yet: no catalog.sqlite, or an empty database."""
    root = tmp_path / "archive"
    root.mkdir()
    if backend.url is None:
        yield root
        return
    with new_database(backend.url, "photoarchive_new") as url:
        remember(root, url)
        yield root


def test_the_same_tables_with_the_same_columns_on_both(backend: Backend, tmp_path: Path) -> None:
    with Catalog(tmp_path / "reference") as reference:
        assert dialect(reference.conn) == "sqlite"
        expected = tables(reference.conn)
    with Catalog(backend.archive(tmp_path / "archive")) as opened:
        assert dialect(opened.conn) == backend.name
        found = tables(opened.conn)
    assert sorted(found) == sorted(expected)
    assert len(expected) == 19 and {
        "photos",
        "translations",
        "search_keys",
        "keyword_index",
        "marked_photos",
        "schema_migrations",
    } <= set(expected)
    for name, columns in expected.items():
        if name == SEARCH_TEXT:
            assert "text" in found[name]
            continue
        assert found[name] == columns, name
    assert len(found["photos"]) > 60


def test_a_new_catalog_records_every_migration_in_order_and_opens_again_without_one(new_archive: Path) -> None:
    names = [m.name for m in MIGRATIONS]
    with Catalog(new_archive) as first:
        assert first.migrations_applied == names
        assert applied_migrations(first.conn) == names
        recorded = [row[0] for row in first.conn.execute("SELECT name FROM schema_migrations ORDER BY name")]
        assert recorded == names
        schema = tables(first.conn)
    with Catalog(new_archive) as again:
        assert again.migrations_applied == []
        assert applied_migrations(again.conn) == names
        assert tables(again.conn) == schema
    assert not (new_archive / "backups").exists()  # a new catalog had nothing to back up


def test_an_empty_catalog_is_not_made_over_an_archive_s_originals(new_archive: Path) -> None:
    original = new_archive / "originals" / "2015" / "IMG_0001.JPG"
    original.parent.mkdir(parents=True)
    original.write_bytes(b"not really a photo")
    with pytest.raises(CatalogMissingError, match="a new, empty catalog would hide every caption") as raised:
        Catalog(new_archive)
    assert "IMG_0001.JPG" in str(raised.value)
    assert not (new_archive / "catalog.sqlite").exists()
    with Catalog(new_archive, rebuild=True) as rebuilt:  # recovery records the originals again
        assert rebuilt.migrations_applied == [m.name for m in MIGRATIONS]


def test_names_are_unique_without_regard_to_the_case_of_a_to_z_only(backend: Backend, tmp_path: Path) -> None:
    """SQLite's UNIQUE COLLATE NOCASE and PostgreSQL's unique index on photoarchive_nocase agree."""
    with Catalog(backend.archive(tmp_path / "archive")) as opened:
        conn = opened.conn

        def add(name: str) -> None:
            with transaction(conn):
                conn.execute("INSERT INTO collections (name, created_at, updated_at) VALUES (?, 'now', 'now')", (name,))

        add("Kuril Islands")
        add("Курилы")
        add("КУРИЛЫ")  # NOCASE folds A-Z only, on both
        for same in ("kuril islands", "KURIL ISLANDS"):
            with pytest.raises(conn.IntegrityError):
                add(same)
        with pytest.raises(conn.IntegrityError):  # and the check on a blank name holds on both
            add("   ")
        order = [row[0] for row in conn.execute("SELECT name FROM collections ORDER BY name, id")]
        assert order == ["Kuril Islands", "КУРИЛЫ", "Курилы"]  # by code point on both


def test_ids_are_given_and_may_be_given(backend: Backend, tmp_path: Path) -> None:
    """An id comes from the catalog, or from the caller (a catalog copied with its ids)."""
    with Catalog(backend.archive(tmp_path / "archive")) as opened:
        conn = opened.conn
        with transaction(conn):
            given = conn.execute("INSERT INTO edits (id, at, who, description) VALUES (40, 'now', 'a', 'copied')")
            assert given.rowcount == 1
            if dialect(conn) == "postgresql":  # the copier sets the identity past the ids it gave
                conn.execute("SELECT setval(pg_get_serial_sequence('edits', 'id'), 40)")
            new = conn.execute(
                "INSERT INTO edits (at, who, description) VALUES ('now', 'b', 'new') RETURNING id"
            ).fetchone()[0]
        assert new == 41


@pytest.mark.postgresql
def test_a_database_in_the_c_character_type_is_refused_in_one_line_by_the_command(pg_url: str, tmp_path: Path) -> None:
    root = tmp_path / "archive"
    root.mkdir()
    with new_database(pg_url, "photoarchive_c_type", ctype="C") as url:
        remember(root, url)
        done = subprocess.run(
            [sys.executable, "-m", "photoarchive", "--archive", str(root), "list"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("photoarchive: error: postgresql://")
    assert "character type C" in lines[0] and "CREATE DATABASE photoarchive_c_type TEMPLATE template0" in lines[0]
    assert not (root / "catalog.sqlite").exists()


@pytest.mark.postgresql
def test_text_is_in_code_point_order_and_the_search_text_folds_every_letter(pg_url: str, tmp_path: Path) -> None:
    root = tmp_path / "archive"
    root.mkdir()
    with Catalog(root, url=pg_url) as opened:
        conn = opened.conn
        rows = conn.execute(
            "SELECT table_name, column_name, collation_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND data_type = 'text'"
        ).fetchall()
        loose = [(r[0], r[1]) for r in rows if r[2] != "C" and (r[0], r[1]) != (SEARCH_TEXT, "text")]
        assert loose == []
        assert len(rows) > 80
        with transaction(conn):  # under "C", ILIKE would fold A-Z only: the search text is not "C"
            photo = conn.execute(
                "INSERT INTO photos (sha256, original_path, original_name, source_path, size, format, imported_at)"
                " VALUES (?, 'a.jpg', 'a.jpg', '/a.jpg', 1, 'JPEG', 'now') RETURNING id",
                ("0" * 64,),
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO photos_fts (photo_id, capture_key, text) VALUES (?, 'k', 'Озеро Байкал')", (photo,)
            )
        found = conn.execute("SELECT photo_id FROM photos_fts WHERE text ILIKE ?", ("%БАЙКАЛ%",)).fetchall()
        assert [row[0] for row in found] == [photo]
        indexes = {r[0] for r in conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = ?", (SEARCH_TEXT,))}
        assert {"photos_fts_trgm", "photos_fts_capture"} <= indexes
    assert not (root / "catalog.sqlite").exists()


@pytest.mark.postgresql
def test_the_session_database_is_a_new_catalog_again_after_a_reset(pg_session, tmp_path: Path) -> None:
    pg_session.reset()
    root = tmp_path / "archive"
    root.mkdir()
    with Catalog(root, url=pg_session.url) as opened:
        conn = opened.conn
        with transaction(conn):
            conn.execute("INSERT INTO import_batches (started_at) VALUES ('then')")
            conn.execute("INSERT INTO settings (key, value) VALUES ('a test', 'its value')")
            conn.execute("DELETE FROM schema_migrations WHERE name = ?", (MIGRATIONS[-1].name,))
            conn.execute("CREATE TABLE a_test_s_own (x BIGINT)")
    pg_session.reset()
    with Catalog(root, url=pg_session.url) as opened:
        conn = opened.conn
        assert opened.migrations_applied == []
        assert applied_migrations(conn) == [m.name for m in MIGRATIONS]
        assert conn.execute("SELECT count(*) FROM settings WHERE key = 'a test'").fetchone()[0] == 0
        assert "a_test_s_own" not in tables(conn)
        with transaction(conn):
            batch = conn.execute("INSERT INTO import_batches (started_at) VALUES ('now') RETURNING id").fetchone()[0]
        assert batch == 1  # identities start again


def test_every_migration_has_its_postgresql_form() -> None:
    """A migration written as SQLite's SQL needs its PostgreSQL text beside it (``POSTGRESQL``)."""
    without = [m.name for m in MIGRATIONS if isinstance(m.apply, str) and not (m.postgresql or "").strip()]
    assert without == []


@pytest.mark.postgresql
def test_a_migration_without_a_postgresql_form_is_refused_and_one_with_it_applied(pg_url: str, tmp_path: Path) -> None:
    root = tmp_path / "archive"
    root.mkdir()
    with Catalog(root, url=pg_url) as opened:
        sqlite_only = Migration("9998_test_note", "ALTER TABLE photos ADD COLUMN test_note TEXT;")
        with pytest.raises(MigrationError, match="9998_test_note has no PostgreSQL form"):
            migrate(opened.conn, opened.paths.catalog, [*MIGRATIONS, sqlite_only])
        both = Migration(
            sqlite_only.name, sqlite_only.apply, 'ALTER TABLE photos ADD COLUMN test_note TEXT COLLATE "C";'
        )
        broken = Migration("9999_broken", "", "CREATE TABLE half (x BIGINT); INSERT INTO nowhere VALUES (1);")
        with pytest.raises(MigrationError, match="9999_broken failed"):
            migrate(opened.conn, opened.paths.catalog, [*MIGRATIONS, both, broken])
        assert applied_migrations(opened.conn)[-1] == "9998_test_note"
        assert "test_note" in table_columns(opened.conn, "postgresql", "photos")
        assert "half" not in tables(opened.conn)  # the failed one changed nothing


@pytest.mark.postgresql
def test_programs_opening_a_new_database_at_once_migrate_it_once(pg_url: str, tmp_path: Path) -> None:
    """Curators' programs started together on a new catalog: one migrates, the others wait for
    its write lock and find each migration applied."""
    root = tmp_path / "archive"
    root.mkdir()
    script = (
        "import sys\n"
        "from photoarchive.catalog import Catalog\n"
        "with Catalog(sys.argv[1]) as opened:\n"
        "    print(len(opened.migrations_applied))\n"
    )
    with new_database(pg_url, "photoarchive_at_once") as url:
        remember(root, url)
        programs = [
            subprocess.Popen(
                [sys.executable, "-c", script, str(root)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            for _ in range(4)
        ]
        results = [program.communicate(timeout=120) for program in programs]
        assert [program.returncode for program in programs] == [0] * 4, [err.decode() for _, err in results]
        counts = sorted(int(out) for out, _ in results)
        assert sum(counts) == len(MIGRATIONS) and counts[-1] >= 1
        with Catalog(root) as opened:
            recorded = [row[0] for row in opened.conn.execute("SELECT name FROM schema_migrations")]
            assert sorted(recorded) == [m.name for m in MIGRATIONS]
