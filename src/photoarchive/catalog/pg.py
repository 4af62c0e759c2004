"""A catalog connection to a PostgreSQL server that the catalog's code uses as it uses SQLite's.

``PgConnection`` offers what the catalog calls on a ``sqlite3.Connection``: ``execute`` and
``executemany`` with ``?`` placeholders (translated once per SQL text), ``in_transaction``,
``close``, rows indexed by position and by name with ``keys()``, and the DB-API error classes
as attributes. It runs in autocommit mode, as SQLite's connections do (``isolation_level=None``):
transactions are the explicit ones of ``connection.transaction``, which takes the catalog's
write lock (an advisory lock) where SQLite takes ``BEGIN IMMEDIATE``.

Values are sent as SQLite takes them: a ``bool`` as an integer (SQLite has no boolean, the
catalog's columns are integers) and text with U+0000 replaced by U+FFFD (PostgreSQL refuses
NUL in text). A database whose character type is ``C`` is refused: in it ``lower()`` and the
trigram search see no letter beyond ASCII, and searching Cyrillic or Japanese text would find
nothing without saying why.

This module imports psycopg, which costs 0.1-0.3 s: only ``connection.connect`` imports it,
when a catalog on a server is opened.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Sequence
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.abc import Buffer
from psycopg.adapt import Dumper
from psycopg.conninfo import conninfo_to_dict
from psycopg.pq import TransactionStatus
from psycopg.rows import RowMaker
from psycopg.types.string import StrDumperUnknown

from photoarchive.catalog import storage_errors
from photoarchive.errors import CatalogError, first_line

# The oldest server whose pg_trgm a database owner may install (a trusted extension).
MIN_SERVER_VERSION = 130000

# How long opening a connection waits for a server that does not answer (a host switched off,
# a firewall dropping packets): libpq's connect_timeout, unless the URL or PGCONNECT_TIMEOUT gives
# its own. Long enough for a server across the world, short enough that a wrong address is said soon.
CONNECT_TIMEOUT_SECONDS = 10

# The catalog's advisory locks: (namespace, which). One writer at a time, as SQLite has.
LOCK_NAMESPACE = 0x50415243  # "PARC"
WRITE_LOCK = 1

# Other curators' commits: every catalog table notifies this channel (``ensure_change_notices``).
CHANGES_CHANNEL = "photoarchive_changes"
# The tables whose changes no window shows: the migrations, the settings, the search text and
# the keyword index and the marked photos (derived from the photos, whose own change is notified).
UNNOTIFIED_TABLES = ("schema_migrations", "settings", "photos_fts", "search_keys", "keyword_index", "marked_photos")
_NOTICE_TRIGGER = "photoarchive_changes"

# A literal, a quoted name, a dollar-quoted body, a comment, or the characters to translate.
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\$\$.*?\$\$|--[^\n]*|/\*.*?\*/|\?|%", re.DOTALL)


@functools.lru_cache(maxsize=4096)
def to_pyformat(sql: str) -> str:
    """``sql`` with its ``?`` placeholders as psycopg's ``%s`` and every ``%`` doubled (psycopg
    reads ``%`` everywhere in a statement with parameters, in literals too); a ``?`` inside a
    literal, a quoted name or a comment stays as it is."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        return token.replace("%", "%%")

    return _TOKEN.sub(replace, sql)


class Row(tuple[Any, ...]):
    """A result row read by position or by column name, with ``keys()``, as ``sqlite3.Row``."""

    __slots__ = ()
    _names: tuple[str, ...] = ()
    _index: dict[str, int] = {}  # noqa: RUF012 (each subclass sets its own, never mutated)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            position = self._index.get(key)
            if position is None:
                position = self._index.get(key.lower())
                if position is None:
                    raise IndexError(f"No item with key {key!r}")  # as sqlite3.Row says
            return tuple.__getitem__(self, position)
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


@functools.lru_cache(maxsize=1024)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    index: dict[str, int] = {}
    for position, name in enumerate(names):
        index.setdefault(name, position)  # the first of two equal names, as sqlite3.Row
        index.setdefault(name.lower(), position)  # sqlite3.Row finds names in any case
    return type("Row", (Row,), {"__slots__": (), "_names": names, "_index": index})


def _row_factory(cursor: psycopg.Cursor[Any]) -> RowMaker[Row]:
    row_class = _row_class(tuple(column.name for column in cursor.description or ()))
    return row_class


class _BoolAsInteger(Dumper):
    """``True``/``False`` as 1/0 (SQLite has no boolean: the catalog's flags are integers)."""

    oid = psycopg.adapters.types["int8"].oid

    def dump(self, obj: Any) -> bytes:
        return str(int(obj)).encode()


class _TextWithoutNul(StrDumperUnknown):
    """Text as psycopg sends it (type unknown, so it compares with any column), with U+0000
    replaced by U+FFFD: PostgreSQL refuses NUL in text, SQLite keeps it."""

    def dump(self, obj: str) -> Buffer | None:
        if "\x00" in obj:
            obj = obj.replace("\x00", "\ufffd")
        return super().dump(obj)


class PgConnection:
    """One connection to the catalog's database (see the module doc)."""

    Error = psycopg.Error
    OperationalError = psycopg.OperationalError
    IntegrityError = psycopg.IntegrityError
    ProgrammingError = psycopg.ProgrammingError
    DatabaseError = psycopg.DatabaseError

    def __init__(
        self,
        url: str,
        *,
        shown: str,
        lock_timeout: float,
        readonly: bool = False,
        application_name: str = "photoarchive",
    ) -> None:
        self.shown = shown
        self.lock_timeout = lock_timeout
        options = "-c default_transaction_read_only=on" if readonly else None
        try:
            given = conninfo_to_dict(url)
        except psycopg.Error as error:
            raise CatalogError(f"{shown}: not an address the server's library reads ({first_line(error)})") from error
        try:
            raw = psycopg.connect(
                url,
                autocommit=True,
                row_factory=_row_factory,
                application_name=application_name,
                options=options,
                # The URL's own, else libpq's PGCONNECT_TIMEOUT (which an explicit one would override).
                connect_timeout=given.get("connect_timeout")
                or os.environ.get("PGCONNECT_TIMEOUT")
                or CONNECT_TIMEOUT_SECONDS,
            )
        except psycopg.Error as error:
            raise CatalogError(f"{shown}: cannot open the catalog ({first_line(error)})") from error
        raw.adapters.register_dumper(bool, _BoolAsInteger)
        raw.adapters.register_dumper(str, _TextWithoutNul)
        self.raw: psycopg.Connection[Row] = raw
        # Notices of other connections' commits, counted since this one started listening
        # (``data_version``); None until it listens.
        self._notices: int | None = None
        try:
            self._check_server()
        except BaseException:
            raw.close()
            raise

    def _check_server(self) -> None:
        row = self.raw.execute(
            "SELECT current_setting('server_version_num')::int, current_setting('server_encoding'),"
            " current_setting('lc_ctype'), current_database()"
        ).fetchone()
        assert row is not None
        version, encoding, ctype, database = row
        if version < MIN_SERVER_VERSION:
            raise CatalogError(f"{self.shown}: PostgreSQL {version // 10000} is too old for the catalog (13 or later)")
        if encoding != "UTF8" or ctype.upper() in ("C", "POSIX"):
            raise CatalogError(
                f"{self.shown}: the database {database} stores text as {encoding} with character type"
                f" {ctype}, in which searches and case would see no letter beyond English ones; create the"
                f" catalog's database with: CREATE DATABASE {database} TEMPLATE template0 ENCODING 'UTF8'"
                " LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )

    # -- what the catalog calls on a sqlite3.Connection ------------------------------------------

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> psycopg.Cursor[Row]:
        if sql == "COMMIT" and self.raw.info.transaction_status == TransactionStatus.INERROR:
            # PostgreSQL answers COMMIT of a failed transaction by rolling it back, quietly; SQLite
            # would have committed what succeeded. Say so rather than lose the block unseen.
            self.raw.execute("ROLLBACK")
            raise CatalogError(
                "a statement failed inside the transaction and the database rolled it back; nothing"
                " was changed (catch errors inside a transaction in a nested transaction())"
            )
        try:
            if parameters:
                return self.raw.execute(to_pyformat(sql), parameters)
            return self.raw.execute(sql)
        except psycopg.Error as error:
            translated = self.storage_error(error)
            if translated is not None:
                raise translated from error
            raise

    def executemany(self, sql: str, seq_of_parameters: Iterable[Sequence[Any]], /) -> psycopg.Cursor[Row]:
        cursor = self.raw.cursor()
        try:
            cursor.executemany(to_pyformat(sql), seq_of_parameters)
        except psycopg.Error as error:
            translated = self.storage_error(error)
            if translated is not None:
                raise translated from error
            raise
        return cursor

    def close(self) -> None:
        self.raw.close()

    # -- other connections' commits ----------------------------------------------------------------

    def data_version(self) -> int:
        """A number that changes when another connection committed a change to the catalog, as
        SQLite's ``PRAGMA data_version``: the count of the change notices (``ensure_change_notices``)
        of other connections received so far. This connection's own commits are not counted,
        and a transaction rolled back sends none. The first call starts listening (0); each
        call takes in what arrived meanwhile (one round trip to the server)."""
        if self._notices is None:
            self._notices = 0
            self.raw.add_notify_handler(self._notice)
            self.raw.execute(f"LISTEN {CHANGES_CHANNEL}")  # autocommit: listening from now on
            return 0
        if not self.in_transaction:  # a server delivers notices between transactions only
            self.raw.execute("SELECT 1")  # the notices that arrived come with its answer
        return self._notices

    def _notice(self, notify: psycopg.Notify) -> None:
        if notify.channel == CHANGES_CHANNEL and notify.pid != self.raw.info.backend_pid and self._notices is not None:
            self._notices += 1

    # -- what connection.transaction asks of a server -------------------------------------------

    def begin_write(self) -> None:
        """``BEGIN`` and the catalog's write lock, waited for at most ``lock_timeout`` seconds."""
        self.raw.execute("BEGIN")
        try:
            self.raw.execute(f"SET LOCAL lock_timeout = '{max(1, round(self.lock_timeout * 1000))}ms'")
            self.execute(f"SELECT pg_advisory_xact_lock({LOCK_NAMESPACE}, {WRITE_LOCK})")
            self.raw.execute("SET LOCAL lock_timeout = 0")  # the block's statements wait as SQLite's would
        except BaseException:
            self.raw.execute("ROLLBACK")
            raise

    def storage_error(self, error: psycopg.Error) -> CatalogError | None:
        """A ``CatalogError`` in ``connection.storage_error``'s words for a full disk, a write
        that failed, or a write lock another curator held too long; None for any other error."""
        if isinstance(error, pg_errors.DiskFull):
            return storage_errors.disk_full_error()
        if isinstance(error, pg_errors.LockNotAvailable):
            return storage_errors.locked_error(self.lock_timeout)
        if isinstance(error, pg_errors.IoError | pg_errors.DataCorrupted):
            return storage_errors.write_failed_error(first_line(error))
        return None


def lock_holder(conn: PgConnection, which: int) -> str:
    """Who holds the catalog's advisory lock ``which`` (``LOCK_NAMESPACE``, ``which``) in this
    database, for a message: the curator (the name of ``photoarchive:NAME``, the program's
    application name, else the database role) and the host, as far as the server tells a
    curator's role ("Boris, 10.0.0.7"); "" when nobody holds it, or the server says nothing."""
    row = conn.execute(
        "SELECT a.application_name, a.usename, coalesce(a.client_hostname, host(a.client_addr))"
        " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        " WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database"
        f" WHERE datname = current_database()) AND l.classid = {LOCK_NAMESPACE} AND l.objid = {int(which)}"
        " AND l.objsubid = 2 LIMIT 1"
    ).fetchone()
    if row is None:
        return ""
    application, role, host = row[0] or "", row[1] or "", row[2] or ""
    curator = application.partition(":")[2] if application.startswith("photoarchive:") else role
    return ", ".join(part for part in (curator, host) if part)


def ensure_change_notices(conn: PgConnection) -> list[str]:
    """Make every catalog table (but ``UNNOTIFIED_TABLES``) notify ``CHANGES_CHANNEL`` with its
    name after each statement that changed it, so that other curators' windows see the change
    (``PgConnection.data_version``). A notice is sent when its transaction commits, never when
    it rolls back, and one per table per transaction however many statements ran. Idempotent:
    the tables that lack the trigger are found first (one query, no lock: what a catalog does
    at every open), and only those are given one, under the write lock. The tables given one."""
    missing = _tables_without_notices(conn)
    if not missing:
        return []
    conn.begin_write()  # as connection.transaction() (which imports this module) begins one
    try:
        missing = _tables_without_notices(conn)  # another program may have made them meanwhile
        conn.execute(
            "CREATE OR REPLACE FUNCTION photoarchive_notify() RETURNS trigger LANGUAGE plpgsql AS $$"
            f" BEGIN PERFORM pg_notify('{CHANGES_CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$"
        )
        for table in missing:
            conn.execute(
                f'CREATE TRIGGER {_NOTICE_TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"'
                " FOR EACH STATEMENT EXECUTE FUNCTION photoarchive_notify()"
            )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.raw.execute("ROLLBACK")
        raise
    return missing


def _tables_without_notices(conn: PgConnection) -> list[str]:
    rows = conn.execute(
        "SELECT c.relname FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace"
        " AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = ?)"
        " ORDER BY c.relname",
        (_NOTICE_TRIGGER,),
    ).fetchall()
    return [str(row[0]) for row in rows if row[0] not in UNNOTIFIED_TABLES]
