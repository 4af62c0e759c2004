"""The PostgreSQL side of the tests: the server of ``$PHOTOARCHIVE_TEST_PG`` (``.ci/start-postgres``).

Without that variable the PostgreSQL cases skip, except under ``CI=true``, where they fail: a
CI that skipped them all would be green and wrong. One database serves the session, migrated
once (a ``Catalog`` opened on it); each test that takes it finds it as a new catalog: every
table emptied (``TRUNCATE ... RESTART IDENTITY CASCADE``, ids from 1 again), the rows of
``settings`` and ``schema_migrations`` put back as the migration left them, and the tables a
test made of its own dropped. A test that changed the catalog's schema (a migration of its own)
leaves it to be made again from nothing.

``Backend`` is what the ``backend`` fixture (``tests/conftest.py``) gives a test: which database
an archive's catalog is on, and how to put an archive folder there.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    import psycopg

    from photoarchive.catalog.connection import Connection

URL_VARIABLE = "PHOTOARCHIVE_TEST_PG"


@dataclass(frozen=True)
class Backend:
    """The database a test's catalogs are on: ``name`` is "sqlite" or "postgresql"."""

    name: str
    url: str | None = None

    def archive(self, root: Path) -> Path:
        """``root``, an archive folder whose catalog is on this backend (PostgreSQL: its
        ``catalog.url`` names the test database)."""
        root.mkdir(parents=True, exist_ok=True)
        if self.url is not None:
            from photoarchive.catalog.location import remember

            remember(root, self.url)
        return root

    def connect(self, root: Path) -> Connection:
        """A new connection to the catalog of the archive at ``root`` (see ``archive``)."""
        from photoarchive.catalog.connection import connect
        from photoarchive.catalog.location import resolve

        return connect(resolve(root))


def server_url() -> str:
    """The test server's URL; skips the test without one (fails it under ``CI=true``)."""
    url = os.environ.get(URL_VARIABLE)
    if not url:
        message = f'no PostgreSQL server for the tests: run eval "$(.ci/start-postgres)" to set {URL_VARIABLE}'
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI must run the PostgreSQL cases)")
        pytest.skip(message)
    return url


@dataclass
class SessionDatabase:
    """The session's test database, migrated, and what a reset puts back in it."""

    url: str
    tables: list[str]
    schema: str  # ``schema_signature`` once migrated
    rows: dict[str, list[tuple[object, ...]]]  # settings and schema_migrations as migrated

    def reset(self) -> None:
        """The database as a new catalog again (see the module doc): about 40 ms."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            present = table_names(conn)
            extra = [name for name in present if name not in self.tables]
            if extra:
                conn.execute("DROP TABLE " + ", ".join(f'"{name}"' for name in extra) + " CASCADE")
            if sorted(present) != sorted([*extra, *self.tables]) or schema_signature(conn) != self.schema:
                conn.close()
                self.migrate_again()
                return
            with conn.transaction():
                conn.execute("TRUNCATE " + ", ".join(f'"{name}"' for name in self.tables) + " RESTART IDENTITY CASCADE")
                for table, rows in self.rows.items():
                    if rows:
                        marks = ", ".join(["%s"] * len(rows[0]))
                        conn.cursor().executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    def migrate_again(self) -> None:
        made = migrated_database(self.url)
        self.tables, self.schema, self.rows = made.tables, made.schema, made.rows


def table_names(conn: psycopg.Connection) -> list[str]:
    """The tables of the database's public schema."""
    return [row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]


def schema_signature(conn: psycopg.Connection) -> str:
    """A digest of every table's columns and types and of every index (what a migration changes)."""
    row = conn.execute(
        "SELECT md5(coalesce(string_agg(item, ',' ORDER BY item), '')) FROM ("
        " SELECT table_name || '.' || column_name || ':' || data_type AS item FROM information_schema.columns"
        " WHERE table_schema = 'public'"
        " UNION ALL SELECT indexname FROM pg_indexes WHERE schemaname = 'public') AS items"
    ).fetchone()
    assert row is not None
    return str(row[0])


def migrated_database(url: str) -> SessionDatabase:
    """Drop every table of the database at ``url`` and open a ``Catalog`` on it (migrating it)."""
    import tempfile

    import psycopg

    from photoarchive.catalog import Catalog

    drop_tables(url)
    with tempfile.TemporaryDirectory(prefix="pg-session-archive-") as root, Catalog(root, url=url):
        pass
    with psycopg.connect(url, autocommit=True) as conn:
        tables = table_names(conn)
        rows = {
            table: [tuple(row) for row in conn.execute(f"SELECT * FROM {table}")]
            for table in ("settings", "schema_migrations")
        }
        return SessionDatabase(url, tables, schema_signature(conn), rows)


@pytest.fixture(scope="session")
def pg_session() -> SessionDatabase:
    """The session's test database, migrated once (skips without a server, see ``server_url``)."""
    return migrated_database(server_url())


@pytest.fixture
def pg_url(pg_session: SessionDatabase) -> str:
    """The test database's URL, a new catalog for this test (``SessionDatabase.reset``)."""
    pg_session.reset()
    return pg_session.url


def drop_tables(url: str) -> None:
    """Drop every table of the database's public schema (what a test made in it)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        names = table_names(conn)
        if names:
            conn.execute("DROP TABLE " + ", ".join(f'"{name}"' for name in names) + " CASCADE")


@contextmanager
def new_database(url: str, name: str, *, ctype: str = "C.UTF-8") -> Iterator[str]:
    """The URL of a database ``name`` made for the block on the server of ``url`` (owned by its
    role, with nothing in it, not even pg_trgm) and dropped after it."""
    import psycopg

    base, _, _ = url.rpartition("/")
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE '{ctype}' LC_CTYPE '{ctype}'"
        )
        try:
            yield f"{base}/{name}"
        finally:
            _drop_database(admin, name)


def _drop_database(admin: Any, name: str) -> None:
    """Drop the database, its sessions ended. An autovacuum worker busy in it (a superuser's
    process, which the test role may not end: InsufficientPrivilege) is waited for: it stops
    within moments, and the drop is tried again (a CI run failed on that race once)."""
    import psycopg

    for attempt in range(50):
        try:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            return
        except psycopg.errors.InsufficientPrivilege:
            if attempt == 49:
                raise
            time.sleep(0.2)


def make_backend(request: pytest.FixtureRequest) -> Backend:
    """The ``backend`` fixture's value for its parameter (PostgreSQL: the test database)."""
    if request.param == "sqlite":
        return Backend("sqlite")
    return Backend("postgresql", request.getfixturevalue("pg_url"))
