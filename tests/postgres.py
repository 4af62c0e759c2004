"""The PostgreSQL side of the tests: the server of ``$PHOTOARCHIVE_TEST_PG`` (``.ci/start-postgres``).

Without that variable the PostgreSQL cases skip, except under ``CI=true``, where they fail: a
CI that skipped them all would be green and wrong. One database serves the session; each test
that takes it finds it empty of tables (its own are dropped after it).

``Backend`` is what the ``backend`` fixture (``tests/conftest.py``) gives a test: which database
an archive's catalog is on, and how to put an archive folder there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

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


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The test database's URL, emptied of tables when the test ends."""
    url = server_url()
    yield url
    drop_tables(url)


def drop_tables(url: str) -> None:
    """Drop every table of the database's public schema (what a test made in it)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        names = [row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        if names:
            conn.execute("DROP TABLE " + ", ".join(f'"{name}"' for name in names) + " CASCADE")


def make_backend(request: pytest.FixtureRequest) -> Backend:
    """The ``backend`` fixture's value for its parameter (PostgreSQL: the test database)."""
    if request.param == "sqlite":
        return Backend("sqlite")
    return Backend("postgresql", request.getfixturevalue("pg_url"))
