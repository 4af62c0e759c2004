"""catalog/transfer.py: a catalog copied whole between SQLite and PostgreSQL (issue 15, slice 5).

The sample archive (Shumshu: photos, places in three scripts, a collection, a template, a
translation, the history, ratings, labels and flags) goes SQLite -> PostgreSQL -> SQLite with
the same count and SHA-256 per table at each step and the same photos shown from each; a target
holding rows is refused, a value off its column's type is reported, and a transfer that fails
anywhere leaves its target as empty as it was. Tests that take ``pg_url`` or the ``backend``'s
PostgreSQL case skip without a server (``tests/postgres.py``)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from photoarchive.catalog import ArchivePaths, Catalog
from photoarchive.catalog import transfer as transfer_module
from photoarchive.catalog.backup import check_backup, list_backups
from photoarchive.catalog.connection import Connection, connect
from photoarchive.catalog.daily_backup import daily_backup_if_due
from photoarchive.catalog.location import CatalogLocation
from photoarchive.catalog.transfer import (
    TargetNotEmptyError,
    TransferError,
    catalog_tables,
    sqlite_target,
    table_digest,
    table_names,
    transfer,
)
from photoarchive.cli.app import main
from photoarchive.errors import CatalogError
from tests.postgres import Backend, new_database


@pytest.fixture(scope="module")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from photoarchive.sample import SampleArchiveJob

    root = tmp_path_factory.mktemp("sample") / "archive"
    with Catalog(root) as catalog:
        list(SampleArchiveJob(catalog).run())
    assert main(["--archive", str(root), "config", "languages", "en,ru,ja"]) == 0
    assert main(["--archive", str(root), "edit", "1", "--lang", "ru", "--caption", "Высота 171, Шумшу"]) == 0
    assert main(["--archive", str(root), "edit", "1", "2", "--rating", "4", "--label", "red", "--flag", "pick"]) == 0
    return root


@pytest.fixture
def sample(sample_template: Path, tmp_path: Path) -> Path:
    """A copy of the sample archive (its catalog in catalog.sqlite) for this test."""
    root = tmp_path / "sample"
    shutil.copytree(sample_template, root)
    return root


def digests(conn: Connection) -> dict[str, tuple[int, str]]:
    return {table.name: table_digest(conn, table) for table in catalog_tables(conn)}


def server(url: str) -> closing[Connection]:
    return closing(connect(CatalogLocation(Path("unused"), url)))


def target_of(backend: Backend, tmp_path: Path) -> tuple[closing[Connection], str]:
    """A connection to an empty target on ``backend`` (PostgreSQL: the test database, migrated
    and empty; SQLite: a new file), and its name."""
    if backend.url is not None:
        return server(backend.url), backend.url
    path = tmp_path / "target.sqlite"
    return closing(connect(path)), str(path)


def test_the_sample_round_trips_sqlite_postgresql_sqlite_with_the_same_digests(
    sample: Path, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Catalog(sample) as catalog:
        original = digests(catalog.conn)
        photos = [row[0] for row in catalog.conn.execute("SELECT id FROM photos ORDER BY id")]
    for table in ("photos", "places", "place_names", "collections", "collection_photos", "templates"):
        assert original[table][0] > 0, table
    assert original["translations"][0] == 1 and original["edits"][0] > 3 and original["settings"][0] >= 1

    with Catalog(sample) as catalog, server(pg_url) as on_server:
        report = transfer(catalog.conn, on_server)
        assert [c.table for c in report.checks if not c.same] == []
        assert {c.table: (c.target_rows, c.target_digest) for c in report.checks} == original
        assert digests(on_server) == original
        assert report.rebuilt == ["photos_fts"]  # the server's search text, by the search module
        assert on_server.execute("SELECT count(*) FROM photos_fts").fetchone()[0] == len(photos)
        # The identities go on after the largest id copied.
        (next_edit,) = on_server.execute(
            "INSERT INTO import_batches (started_at) VALUES ('2026-01-01') RETURNING id"
        ).fetchone()
        assert next_edit == original["import_batches"][0] + 1
        on_server.execute("DELETE FROM import_batches WHERE id = ?", (next_edit,))

    back = tmp_path / "back.sqlite"
    with server(pg_url) as on_server, sqlite_target(back) as target:
        report = transfer(on_server, target)
    assert report.rebuilt == ["photos_fts", "search_keys", "keyword_index", "marked_photos"]
    with closing(sqlite3.connect(back)) as conn:
        assert digests(conn) == original
        assert conn.execute("SELECT count(*) FROM photos_fts").fetchone()[0] == len(photos)
        assert conn.execute("SELECT count(*) FROM search_keys").fetchone()[0] == len(photos)
        from photoarchive.catalog.keyword_index import words_of

        kept = conn.execute("SELECT id, keywords, hierarchical_keywords FROM photos").fetchall()
        rows = {(w, pid) for pid, k, h in kept for w in words_of(k, h)}
        assert rows and {tuple(r) for r in conn.execute("SELECT word, photo_id FROM keyword_index")} == rows

    def shown(*options: str) -> list[object]:
        capsys.readouterr()
        found = []
        for photo in photos:
            assert main(["--archive", str(sample), *options, "show", str(photo), "--json"]) == 0
            found.append(json.loads(capsys.readouterr().out))
        return found

    def listed() -> str:
        capsys.readouterr()
        assert main(["--archive", str(sample), "list", "--json"]) == 0
        return capsys.readouterr().out

    from_sqlite, list_sqlite = shown(), listed()
    from_server = shown("--catalog", pg_url)
    (sample / "catalog.sqlite").rename(tmp_path / "original.sqlite")
    shutil.copyfile(back, sample / "catalog.sqlite")
    from_back, list_back = shown(), listed()
    assert len(from_sqlite) == len(photos)
    assert from_server == from_sqlite
    assert from_back == from_sqlite
    assert list_back == list_sqlite
    # The search text rebuilt on the server and in the copy back finds what the original's did.
    terms = ("Высота 171", "Шумшу", "占守", "SHU15_0101", "Высота 171, Шумшу")
    with Catalog(sample) as catalog:
        found_back = [catalog.count_matching(term) for term in terms]
    (sample / "catalog.sqlite").unlink()
    (tmp_path / "original.sqlite").rename(sample / "catalog.sqlite")
    with Catalog(sample) as catalog:
        assert [catalog.count_matching(term) for term in terms] == found_back
    with Catalog(sample, url=pg_url) as catalog:
        assert [catalog.count_matching(term) for term in terms] == found_back
    assert all(found_back)


def test_a_target_that_holds_a_catalog_is_refused_and_left_as_it_was(
    sample: Path, backend: Backend, tmp_path: Path
) -> None:
    target, _name = target_of(backend, tmp_path)
    with Catalog(sample) as catalog, target as conn:
        transfer(catalog.conn, conn)
        before = digests(conn)
        with pytest.raises(TargetNotEmptyError, match=r"already holds a catalog \(\w+: \d+ rows\)"):
            transfer(catalog.conn, conn)
        assert digests(conn) == before


def test_a_database_with_other_tables_is_refused(sample: Path, tmp_path: Path) -> None:
    with closing(sqlite3.connect(tmp_path / "other.sqlite")) as other:
        other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        other.commit()
    with Catalog(sample) as catalog, closing(connect(tmp_path / "other.sqlite")) as conn:
        with pytest.raises(TargetNotEmptyError, match="not a catalog's"):
            transfer(catalog.conn, conn)
        assert table_names(conn) == ["invoices"]


def test_values_off_their_type_are_reported_by_table_row_and_column_and_nothing_is_written(
    sample: Path, backend: Backend, tmp_path: Path
) -> None:
    with closing(sqlite3.connect(sample / "catalog.sqlite")) as raw:
        raw.execute("UPDATE photos SET width = 'wide' WHERE id = 3")  # INTEGER affinity keeps the text
        raw.execute("UPDATE photos SET title = x'deadbeef' WHERE id = 4")  # a blob in a TEXT column
        raw.execute("UPDATE photos SET altitude = 'high' WHERE id = 6")
        raw.commit()
    target, _name = target_of(backend, tmp_path)
    with Catalog(sample) as catalog, target as conn:
        empty = digests(conn) if table_names(conn) else {}
        with pytest.raises(TransferError) as raised:
            transfer(catalog.conn, conn)
        message = str(raised.value)
        assert "3 values are off their column's type; nothing was written" in message
        assert "photos id 3 width: str 'wide' in a column of type integer" in message
        assert "photos id 4 title: bytes b'\\xde\\xad\\xbe\\xef' in a column of type text" in message
        assert "photos id 6 altitude: str 'high' in a column of type real" in message
        assert raised.value.count == 3
        assert (digests(conn) if table_names(conn) else {}) == empty


def test_text_with_nul_goes_to_a_server_as_u_fffd_and_is_reported(
    sample: Path, backend: Backend, tmp_path: Path
) -> None:
    with closing(sqlite3.connect(sample / "catalog.sqlite")) as raw:
        raw.execute("UPDATE photos SET caption = 'cape' || char(0) || 'lopatka' WHERE id = 5")
        raw.commit()
    target, _name = target_of(backend, tmp_path)
    with Catalog(sample) as catalog, target as conn:
        report = transfer(catalog.conn, conn)
        caption = conn.execute("SELECT caption FROM photos WHERE id = 5").fetchone()[0]
    assert all(c.same for c in report.checks)
    if backend.name == "postgresql":
        assert caption == "cape\ufffdlopatka"
        assert report.replaced == ["photos id 5 caption: U+0000 written as U+FFFD"]
    else:
        assert caption == "cape\x00lopatka"
        assert report.replaced == []


@pytest.mark.parametrize("where", ["photos", "verify"])
def test_a_transfer_that_fails_half_way_leaves_the_target_empty(
    sample: Path, backend: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    if where == "photos":  # after the tables before photos were written
        written = transfer_module.Transfer._write

        def failing(self, table, rows, target_dialect, problems):
            if table.name == "photos":
                raise OSError("injected: the network went down")
            return written(self, table, rows, target_dialect, problems)

        monkeypatch.setattr(transfer_module.Transfer, "_write", failing)
    else:  # everything written, the last check fails

        def failing_digest(conn, table):
            raise OSError("injected: the network went down")

        monkeypatch.setattr(transfer_module, "table_digest", failing_digest)
    target, _name = target_of(backend, tmp_path)
    with Catalog(sample) as catalog, target as conn:
        before = {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in table_names(conn)}
        settings = conn.execute("SELECT * FROM settings").fetchall() if before else []
        with pytest.raises(OSError, match="injected"):
            transfer(catalog.conn, conn)
        assert not conn.in_transaction
        after = {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in table_names(conn)}
        assert after == before
        assert (conn.execute("SELECT * FROM settings").fetchall() if after else []) == settings
    if backend.name == "sqlite":
        assert before == {}  # a new file: still no table in it


def test_a_row_the_target_refuses_fails_the_copy_in_words_and_writes_nothing(
    sample: Path, backend: Backend, tmp_path: Path
) -> None:
    with closing(sqlite3.connect(sample / "catalog.sqlite")) as raw:  # foreign keys off, as an old catalog had
        raw.execute(
            "UPDATE collection_photos SET photo_id = 999 WHERE rowid = (SELECT min(rowid) FROM collection_photos)"
        )
        raw.commit()
    target, _name = target_of(backend, tmp_path)
    with Catalog(sample) as catalog, target as conn:
        before = {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in table_names(conn)}
        with pytest.raises(CatalogError, match=r"^the copy failed copying collection_photos and wrote nothing \(.*"):
            transfer(catalog.conn, conn)
        after = {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in table_names(conn)}
        assert after == before


def test_a_new_sqlite_file_is_only_named_once_the_copy_is_checked(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transfer_module, "table_digest", lambda conn, table: (0, "injected"))
    path = tmp_path / "copy.sqlite"
    with (
        Catalog(sample) as catalog,
        pytest.raises(TransferError, match="the copy differs"),
        sqlite_target(path) as target,
    ):
        transfer(catalog.conn, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample"]


def test_an_empty_new_database_is_migrated_and_filled(sample: Path, pg_url: str) -> None:
    with new_database(pg_url, "transfer_new") as url, Catalog(sample) as catalog, server(url) as conn:
        assert table_names(conn) == []
        report = transfer(catalog.conn, conn)
        assert "0001_initial" in report.migrations
        assert digests(conn) == digests(catalog.conn)


def test_backup_of_a_catalog_on_a_server_is_a_checked_sqlite_snapshot(
    sample: Path, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Catalog(sample) as catalog, server(pg_url) as conn:
        original = digests(catalog.conn)
        transfer(catalog.conn, conn)
    shutil.rmtree(sample / "backups", ignore_errors=True)
    capsys.readouterr()
    assert main(["--archive", str(sample), "--catalog", pg_url, "backup", "--json"]) == 0
    taken = json.loads(capsys.readouterr().out)
    path = Path(taken["path"])
    assert [b.path for b in list_backups(ArchivePaths(sample.resolve()))] == [path]
    assert check_backup(path) == []
    with closing(sqlite3.connect(path)) as conn:
        assert digests(conn) == original
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT count(*) FROM photos_fts").fetchone()[0] == original["photos"][0]

    # restore never replaces a catalog that is not empty: refused with the way to do it (restore
    # into an empty one: tests/cli/test_restore.py); migrate-to --from copies it, into an empty database.
    assert main(["--archive", str(sample), "--catalog", pg_url, "restore"]) == 1
    error = capsys.readouterr().err
    assert f"--catalog postgresql://host/new-database restore {path.name}" in error and "not empty" in error
    assert "Traceback" not in error
    with new_database(pg_url, "transfer_restored") as url:
        assert main(["--archive", str(sample), "catalog", "migrate-to", url, "--from", str(path), "--use"]) == 0
        assert "now uses the catalog at" in capsys.readouterr().out
        with server(url) as conn:
            assert digests(conn) == original
        assert url in (sample / "catalog.url").read_text()

    # The day's backup on a server: one, recorded in the catalog, whichever curator's change is
    # first (tests/cli/test_daily_backup.py); a second curator's catalog takes none.
    with Catalog(sample, url=pg_url) as catalog, Catalog(sample, url=pg_url) as other:
        daily = daily_backup_if_due(catalog)
        assert daily is not None and check_backup(daily.path) == []
        assert daily_backup_if_due(other) is None
    assert [b.path for b in list_backups(ArchivePaths(sample.resolve()))] == [daily.path]  # the same day's pruned


def test_the_digest_tells_types_rows_and_close_floats_apart() -> None:
    from photoarchive.catalog.transfer import Digest, normalised_row

    def digest(*rows: tuple[object, ...]) -> str:
        made = Digest()
        for row in rows:
            made.add(row)
        return made.hexdigest

    assert len({digest((1,)), digest((1.0,)), digest(("1",)), digest((b"1",)), digest((None,))}) == 5
    assert digest(("a", "b")) != digest(("a', 'b",)) != digest(("a",), ("b",))
    assert digest((0.1 + 0.2,)) != digest((0.3,))
    # a value is normalised to its column's kind first: the same row read from either database
    assert normalised_row(["integer", "real"], [(int,), (float,)], (True, 2)) == (1, 2.0)
    with pytest.raises(TypeError, match="str 'x' in a column of type integer"):
        normalised_row(["integer"], [(int,)], ("x",))


def test_migrate_to_a_server_leaves_the_planner_statistics_of_the_copy(sample: Path, pg_url: str) -> None:
    """``catalog migrate-to`` ends with ANALYZE: the first searches are planned with statistics,
    not on a server's guess before autovacuum comes to the bulk load."""
    with new_database(pg_url, "transfer_analysed") as url:
        assert main(["--archive", str(sample), "catalog", "migrate-to", url]) == 0
        with server(url) as conn:
            analysed = {
                str(row[0])
                for row in conn.execute(
                    "SELECT DISTINCT tablename FROM pg_stats WHERE schemaname = current_schema()"
                    " AND tablename IN ('photos', 'photos_fts', 'edit_changes')"
                )
            }
            photos, reltuples = conn.execute(
                "SELECT (SELECT count(*) FROM photos), reltuples FROM pg_class WHERE oid = 'photos'::regclass"
            ).fetchone()
    assert analysed == {"photos", "photos_fts", "edit_changes"}
    assert photos > 0 and reltuples == photos  # -1 (never analysed) without it


@pytest.mark.parametrize("source_analysed", [False, True])
def test_an_sqlite_copy_is_analysed_only_when_its_source_was(
    sample: Path, tmp_path: Path, source_analysed: bool
) -> None:
    if source_analysed:
        with closing(sqlite3.connect(sample / "catalog.sqlite")) as source:
            source.execute("ANALYZE")
    copy = tmp_path / "copy.sqlite"
    assert main(["--archive", str(sample), "catalog", "migrate-to", str(copy)]) == 0
    with closing(sqlite3.connect(copy)) as conn:
        has_stats = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone() is not None
        photos_stat = has_stats and conn.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'photos'").fetchone()
    assert has_stats == source_analysed
    if source_analysed:
        assert photos_stat  # the photos' row counts, as the source's were
