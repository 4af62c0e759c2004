"""SQLite connections for the catalog, and the transaction context manager all SQL runs in.

Connections run in autocommit mode (``isolation_level=None``) so that transactions are
explicit: ``with transaction(conn):`` opens ``BEGIN IMMEDIATE`` (taking the write lock at
once, so two writers queue instead of failing half-way) and commits or rolls back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from photoarchive.errors import CatalogError

BUSY_TIMEOUT_SECONDS = 30.0


def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the catalog with WAL journal, synchronous=FULL and foreign keys on."""
    path = Path(path)
    try:
        if readonly:
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro",
                uri=True,
                timeout=BUSY_TIMEOUT_SECONDS,
                isolation_level=None,
                check_same_thread=False,
            )
        else:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.DatabaseError as error:
        raise CatalogError(f"{path}: cannot open the catalog ({error})") from error
    conn.row_factory = sqlite3.Row
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block in one write transaction: all of it is committed, or none of it."""
    if conn.in_transaction:  # nested use joins the outer transaction through a savepoint
        conn.execute("SAVEPOINT nested")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO nested")
            conn.execute("RELEASE nested")
            raise
        conn.execute("RELEASE nested")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# SQLite limits how many parameters one statement takes (999 in older builds).
IN_CHUNK = 500


def chunked(items: Iterable[object], size: int = IN_CHUNK) -> Iterator[list[object]]:
    """The items in lists of at most ``size``, for statements with ``IN (...)``."""
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def select_in(conn: sqlite3.Connection, sql: str, ids: Sequence[object]) -> Iterator[sqlite3.Row]:
    """Rows of ``sql`` for any number of ids: ``{ids}`` in it stands for the placeholders,
    and the statement runs once per chunk of ids."""
    for chunk in chunked(ids):
        yield from conn.execute(sql.replace("{ids}", ", ".join("?" * len(chunk))), chunk)
