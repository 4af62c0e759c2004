"""``catalog.changes``: what other connections committed, as a window polls for it, on SQLite
(``PRAGMA data_version``) and on PostgreSQL (the change notices other connections' commits send)."""

from __future__ import annotations

import time

import pytest

from photoarchive.catalog import Catalog, transaction
from photoarchive.catalog.changes import changes_since, data_version, mark
from photoarchive.edits import apply_edit
from tests.places.conftest import add_photo


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``)."""
    return backend_catalog


def changes_within(catalog: Catalog, seen, seconds: float = 5.0):
    """``changes_since(seen)`` polled until it reports something (a server's notice comes a
    moment after the commit) or ``seconds`` have passed."""
    deadline = time.monotonic() + seconds
    while True:
        changes = changes_since(catalog, seen)
        if changes.any or time.monotonic() > deadline:
            return changes
        time.sleep(0.02)


def test_only_what_other_connections_committed_is_reported(catalog: Catalog) -> None:
    first, second = add_photo(catalog, 1), add_photo(catalog, 2)
    seen = mark(catalog)
    apply_edit(catalog, [first], {"caption": "Our own"}, description="in this window")
    time.sleep(0.2)  # a notice, were one counted, would have arrived
    nothing = changes_since(catalog, seen)
    assert not nothing.any and nothing.mark == seen  # this connection's own commit: known already

    with Catalog(catalog.paths.root) as other:
        apply_edit(other, [second], {"caption": "From the command line"}, description="edit")
    changes = changes_within(catalog, seen)
    assert changes.any and not changes.photos_added
    assert second in changes.photo_ids
    time.sleep(0.2)
    assert not changes_since(catalog, changes.mark).any  # reported once

    with Catalog(catalog.paths.root) as other:
        add_photo(other, 3)
    added = changes_within(catalog, changes.mark)
    assert added.any and added.photos_added and added.photo_ids == []


def test_a_rolled_back_transaction_elsewhere_is_not_reported(catalog: Catalog) -> None:
    photo = add_photo(catalog, 1)
    seen = mark(catalog)
    with Catalog(catalog.paths.root) as other:
        with pytest.raises(RuntimeError), transaction(other.conn):
            apply_edit(other, [photo], {"caption": "Never"}, description="edit")
            raise RuntimeError("given up")
        time.sleep(0.3)
        assert not changes_since(catalog, seen).any
        apply_edit(other, [photo], {"caption": "Kept"}, description="edit")
    assert changes_within(catalog, seen).photo_ids == [photo]


def test_a_change_of_places_or_collections_elsewhere_is_reported(catalog: Catalog) -> None:
    from photoarchive.collections import create_collection

    seen = mark(catalog)
    with Catalog(catalog.paths.root) as other:
        create_collection(other, "Shumshu")
    changes = changes_within(catalog, seen)
    assert changes.any and changes.photo_ids == [] and not changes.photos_added


def test_the_data_version_moves_only_for_other_connections(catalog: Catalog, backend) -> None:
    photo = add_photo(catalog, 1)
    before = data_version(catalog.conn)
    apply_edit(catalog, [photo], {"caption": "Ours"})
    time.sleep(0.2)
    assert data_version(catalog.conn) == before
    with Catalog(catalog.paths.root) as other:
        apply_edit(other, [photo], {"caption": "Theirs"})
    deadline = time.monotonic() + 5
    while data_version(catalog.conn) == before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert data_version(catalog.conn) != before


@pytest.mark.postgresql
def test_every_catalog_table_sends_notices_and_opening_again_mends_one_without(pg_url: str, tmp_path) -> None:
    from photoarchive.catalog.pg import UNNOTIFIED_TABLES, PgConnection, ensure_change_notices

    with Catalog(tmp_path / "archive", url=pg_url) as catalog:
        conn = catalog.conn
        assert isinstance(conn, PgConnection)
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        triggered = {
            r[0]
            for r in conn.execute(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                " WHERE t.tgname = 'photoarchive_changes'"
            )
        }
        assert triggered == tables - set(UNNOTIFIED_TABLES) and {"photos", "edits", "places"} <= triggered
        assert ensure_change_notices(conn) == []  # nothing to do again
        with transaction(conn):
            conn.execute("DROP TRIGGER photoarchive_changes ON places")
    with Catalog(tmp_path / "archive", url=pg_url) as catalog:
        assert ensure_change_notices(catalog.conn) == []  # the open made it again
        seen = mark(catalog)
        with Catalog(tmp_path / "archive", url=pg_url) as other:
            other.conn.execute("INSERT INTO places (name, kind) VALUES ('Shumshu', 'island')")
        assert changes_within(catalog, seen).any
