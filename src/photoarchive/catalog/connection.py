"""SQLite connections for the catalog, and the transaction context manager all SQL runs in.

Connections run in autocommit mode (``isolation_level=None``) so that transactions are
explicit: ``with transaction(conn):`` opens ``BEGIN IMMEDIATE`` (taking the write lock at
once, so two writers queue instead of failing half-way) and commits or rolls back;
``after_commit`` defers work (files, signals) until the outermost transaction has committed.
A full disk or an I/O error becomes a ``CatalogError`` that says so, and never a second error
from rolling back a transaction SQLite had already rolled back.

A catalog on a PostgreSQL server (``location.CatalogLocation`` with a URL) is opened by the same
``connect`` as a ``pg.PgConnection``, which the catalog's code uses as it uses SQLite's (both are
a ``Connection``); ``transaction`` takes its write lock where SQLite takes ``BEGIN IMMEDIATE``.
An SQLite catalog gets the same bare ``sqlite3.Connection`` as ever, and psycopg is not imported.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, overload

from photoarchive.catalog.location import CatalogLocation, Dialect
from photoarchive.catalog.storage_errors import disk_full_error, locked_error, write_failed_error
from photoarchive.errors import CatalogError

if TYPE_CHECKING:
    from photoarchive.catalog.pg import PgConnection

BUSY_TIMEOUT_SECONDS = 30.0


def timestamp() -> str:
    """Now, as the catalog stores times: UTC, ISO 8601, to the second (text that sorts by time)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class Cursor(Protocol):
    """What the catalog reads from the result of ``execute``, on either kind of connection."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int = ..., /) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """A catalog connection: a ``sqlite3.Connection`` as it is, or a ``pg.PgConnection``."""

    @property
    def in_transaction(self) -> bool: ...

    @property
    def Error(self) -> type[Exception]: ...  # the DB-API's exception class, on both

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...

    def executemany(self, sql: str, seq_of_parameters: Any, /) -> Cursor: ...

    def close(self) -> None: ...


C = TypeVar("C", bound=Connection)
T = TypeVar("T")


def dialect(conn: Connection) -> Dialect:
    """Which database ``conn`` talks to, for the SQL fragments that differ (``catalog.dialect``)."""
    return "sqlite" if isinstance(conn, sqlite3.Connection) else "postgresql"


@overload
def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection: ...


@overload
def connect(path: CatalogLocation, *, readonly: bool = False) -> Connection: ...


def connect(path: Path | str | CatalogLocation, *, readonly: bool = False) -> Connection:
    """Open the catalog with WAL journal, synchronous=FULL and foreign keys on; a location with
    a URL opens its PostgreSQL database (``pg.PgConnection``)."""
    if isinstance(path, CatalogLocation):
        if path.url is not None:
            return _connect_server(path, readonly=readonly)
        path = path.path
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
        # A page cache of 32 MiB (SQLite's default is 2 MiB), filled only as pages are read: a
        # filter testing the text of some 750 photos for its first page reads them from here,
        # not the file, each time (bench/gui_filter.py, ``tank rating>=4``: 26 -> 16 ms best);
        # the window at a million photos then peaks at 354 MB (bench/gui_grid.py; bound 600).
        conn.execute("PRAGMA cache_size=-32768")
        # No mmap_size (SQLite's default, 0): a mapping counts the catalog pages a connection
        # reads in the process's memory, once for each connection (1 GiB mapped: the window at a
        # million photos peaked at 1,177 MB, against 285 MB without; issue 11 bounds it at 600
        # MB), which bought cold reads about 30 % faster.
    except sqlite3.DatabaseError as error:
        raise CatalogError(f"{path}: cannot open the catalog ({error})") from error
    conn.row_factory = sqlite3.Row
    return conn


def _connect_server(location: CatalogLocation, *, readonly: bool) -> PgConnection:
    from photoarchive.catalog.pg import PgConnection  # psycopg only for a catalog on a server
    from photoarchive.user_settings import application_name

    assert location.url is not None
    return PgConnection(
        location.url,
        shown=location.shown(),
        lock_timeout=BUSY_TIMEOUT_SECONDS,
        readonly=readonly,
        application_name=application_name(),  # photoarchive:NAME in the server's pg_stat_activity
    )


# Work to do once the outermost transaction of a connection has committed (by id(conn): a
# Connection takes neither attributes nor weak references). See ``after_commit``.
_after_commit: dict[int, list[Callable[[], object]]] = {}

# SQLite's primary result codes for a full disk and for an I/O error.
_SQLITE_FULL, _SQLITE_IOERR = 13, 10


@contextmanager
def transaction(conn: C) -> Iterator[C]:
    """Run the block in one write transaction: all of it is committed, or none of it.

    Reads made inside the block see what the block will overwrite, with no other writer in
    between (``BEGIN IMMEDIATE`` takes the write lock first): a value computed from the
    current ones (keywords added to a photo's) is computed inside the block. A full disk or
    an I/O error, at any statement or at the commit, becomes a ``CatalogError`` saying so.
    """
    if conn.in_transaction:  # nested use joins the outer transaction through a savepoint
        pending = _after_commit.get(id(conn))
        mark = len(pending) if pending is not None else 0
        conn.execute("SAVEPOINT nested")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled the whole transaction back itself
                try:
                    conn.execute("ROLLBACK TO nested")
                    conn.execute("RELEASE nested")
                except conn.Error:
                    pass  # the outer transaction rolls back; the error being raised says why
            if pending is not None:
                del pending[mark:]
            raise
        conn.execute("RELEASE nested")
        return
    if isinstance(conn, sqlite3.Connection):
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            _raise_storage_error(error)
            raise
    else:  # a server: its write lock (a full disk or a lock held too long come as CatalogError)
        server_connection(conn).begin_write()
    pending = _after_commit[id(conn)] = []
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as error:
        _after_commit.pop(id(conn), None)
        _rollback(conn)
        if isinstance(error, sqlite3.OperationalError):
            _raise_storage_error(error)
        raise
    _after_commit.pop(id(conn), None)
    for action in pending:
        action()


def after_commit(conn: Connection, action: Callable[[], object]) -> None:
    """Call ``action`` once the transaction open on ``conn`` has committed (at once when none
    is open); never when it rolls back. For what must follow the catalog and not precede it:
    files written from committed values, signals that make a window read them again."""
    pending = _after_commit.get(id(conn)) if conn.in_transaction else None
    if pending is None:
        action()
    else:
        pending.append(action)


def server_connection(conn: Connection) -> PgConnection:
    """``conn`` as the ``pg.PgConnection`` it is, for what only a server has (its write lock, its
    psycopg connection); a TypeError for any other connection."""
    from photoarchive.catalog.pg import PgConnection  # loaded already: conn is one

    if not isinstance(conn, PgConnection):
        raise TypeError(f"not a catalog connection: {conn!r}")
    return conn


def _rollback(conn: Connection) -> None:
    """Roll back what is left of a failed transaction. When COMMIT itself failed (a full
    disk), SQLite may already have rolled back, and a ROLLBACK would fail with "no transaction
    is active"; a ROLLBACK that fails must not hide the error that made it necessary."""
    if not conn.in_transaction:
        return
    with suppress(conn.Error):  # the error being raised says what went wrong
        conn.execute("ROLLBACK")


def _raise_storage_error(error: sqlite3.OperationalError) -> None:
    """Raise a ``CatalogError`` in words for a full disk, an I/O error or a catalog that stays
    locked (from ``error``); return for any other error."""
    translated = storage_error(error)
    if translated is not None:
        raise translated from error


def storage_error(error: sqlite3.Error) -> CatalogError | None:
    """A ``CatalogError`` in words for a full disk, an I/O error or a catalog that stays
    locked; None for any other error."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    message = str(error)
    if code == _SQLITE_FULL or "database or disk is full" in message:
        return disk_full_error()
    if code == _SQLITE_IOERR or "disk I/O error" in message:
        return write_failed_error(message)
    if "database is locked" in message:
        return locked_error(BUSY_TIMEOUT_SECONDS)
    return None


def setting(conn: Connection, key: str) -> str | None:
    """The value of the catalog's ``settings`` row ``key``, None when it has none."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_setting(conn: Connection, key: str, value: str) -> None:
    """Write the ``settings`` row ``key`` (in the caller's transaction), made or replaced."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


# SQLite limits how many parameters one statement takes (999 in older builds).
IN_CHUNK = 500


def chunked(items: Iterable[T], size: int = IN_CHUNK) -> Iterator[list[T]]:
    """The items in lists of at most ``size``, for statements with ``IN (...)``."""
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def select_in(conn: Connection, sql: str, ids: Sequence[object]) -> Iterator[Any]:
    """Rows of ``sql`` for any number of ids: ``{ids}`` in it stands for the placeholders,
    and the statement runs once per chunk of ids."""
    for chunk in chunked(ids):
        yield from conn.execute(sql.replace("{ids}", ", ".join("?" * len(chunk))), chunk)
