"""A catalog copied whole from one database to another: SQLite to PostgreSQL, or back.

``Transfer(source, target).run()`` copies every table of the catalog open on ``source`` into the
catalog's tables on ``target`` (``catalog migrate-to``; a backup of a catalog on a server, which
is an ordinary SQLite file, ``catalog.backup``). It yields a ``TransferProgress`` as it goes and
leaves its ``report`` when done.

- The target must be empty: a database or file with no tables, or a catalog whose tables hold
  no rows but the ones its migrations wrote (``settings``); anything else is refused
  (``TargetNotEmptyError``) before a row is written. The target is migrated first, and both
  must have applied the same migrations.
- Everything the target receives is written in one transaction of the target (its write lock),
  migrations included: a failure at any point, or a difference found at the end, rolls it all
  back and leaves the target as empty as it was.
- The source is read in one snapshot (SQLite: one read transaction; PostgreSQL: ``REPEATABLE
  READ READ ONLY``), table by table, parents before the tables that refer to them (a table that
  refers to itself, the places, gets each parent before its children).
- Each value is checked against its column's declared type (SQLite's type affinity lets a text
  into an INTEGER column; PostgreSQL would refuse it half-way): every value off its type is
  reported with its table, row key and column (``TransferError``), and nothing is written. Text
  holding U+0000 (which PostgreSQL cannot store) is written with U+FFFD instead and reported
  in ``TransferReport.replaced``.
- Rows go into PostgreSQL by ``COPY``, into SQLite by ``executemany``; on PostgreSQL the
  identity sequences are then set past the largest id.
- Derived tables (the search text ``photos_fts`` with its shadow tables, ``search_keys``, the
  ``keyword_index``, the ``marked_photos``, and the ``settings`` rows that describe them) are neither copied nor compared: the target
  rebuilds them by the search module's own ``search.ensure_index_current``, in the same
  transaction.
- Verified before the target commits: the row count and a SHA-256 of every copied table, the
  rows in key order (text keys by code point) and each value normalised to its declared type,
  computed in Python the same way on both sides (``table_digest``, ``Digest``).
- Once committed, a server's target is analysed (``ANALYZE``: autovacuum comes late to a bulk
  load, and the first searches would be planned without statistics); an SQLite target only
  when the source had statistics (``sqlite_stat1``).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from photoarchive.catalog.connection import Connection, dialect, server_connection, transaction
from photoarchive.catalog.dialect import begin_snapshot, by_code_point
from photoarchive.catalog.location import Dialect
from photoarchive.errors import CatalogError, first_line

if TYPE_CHECKING:
    from photoarchive.catalog.backup import Backup

Kind = Literal["integer", "real", "text", "blob", "any"]

# Tables derived from the others, never copied nor compared (rebuilt on the target).
DERIVED_TABLES = ("photos_fts", "search_keys", "keyword_index", "marked_photos")
DERIVED_PREFIX = "photos_fts_"  # SQLite's FTS5 shadow tables
DERIVED_SETTINGS = ("search_signature", "search_keys_not_ids")
# Each side's own record of the migrations it ran; the names are compared, not copied.
OWN_TABLES = ("schema_migrations",)
# Tables a new catalog's migrations may already have written rows into.
SEEDED_TABLES = ("settings",)

PROGRESS_EVERY = 5_000
SQLITE_BATCH = 1_000
PROBLEMS_KEPT = 50


class TransferError(CatalogError):
    """The transfer wrote nothing: ``problems`` says why (values off their type, a difference)."""

    def __init__(self, message: str, problems: Sequence[str] = (), count: int = 0) -> None:
        shown = list(problems)
        more = count - len(shown)
        detail = "".join(f"\n  {p}" for p in shown) + (f"\n  ... and {more} more" if more > 0 else "")
        super().__init__(message + detail)
        self.problems = shown
        self.count = count or len(shown)


class TargetNotEmptyError(CatalogError):
    """The target already holds a catalog (or other tables): refused before any row is written."""


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # the primary key's columns, in order (all columns when none)
    parents: tuple[str, ...] = ()  # other tables it refers to
    self_refs: tuple[tuple[str, str], ...] = ()  # (column, referenced column) within the table

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


@dataclass(frozen=True)
class TransferProgress:
    table: str
    rows: int  # rows of ``table`` done so far
    total: int  # rows ``table`` has
    tables_done: int
    tables: int
    step: str  # "copying", "checking", "indexing"


@dataclass(frozen=True)
class TableCheck:
    """A copied table: its rows and SHA-256 on each side, and the seconds it took."""

    table: str
    source_rows: int
    source_digest: str
    target_rows: int
    target_digest: str
    seconds: float

    @property
    def same(self) -> bool:
        return (self.source_rows, self.source_digest) == (self.target_rows, self.target_digest)

    def as_json(self) -> dict[str, object]:
        return {
            "table": self.table,
            "rows": self.source_rows,
            "digest": self.source_digest,
            "target_rows": self.target_rows,
            "target_digest": self.target_digest,
            "same": self.same,
            "seconds": round(self.seconds, 3),
        }


@dataclass
class TransferReport:
    checks: list[TableCheck] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # text with U+0000 written with U+FFFD
    migrations: list[str] = field(default_factory=list)
    rebuilt: list[str] = field(default_factory=list)  # derived tables rebuilt on the target
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(c.source_rows for c in self.checks)

    def as_json(self) -> dict[str, object]:
        return {
            "tables": [c.as_json() for c in self.checks],
            "rows": self.rows,
            "replaced": self.replaced,
            "rebuilt": self.rebuilt,
            "seconds": round(self.seconds, 3),
        }


# -- the schema, as each database declares it ---------------------------------------------------


def _kind(declared: str) -> Kind:
    declared = declared.upper()
    if "INT" in declared:
        return "integer"
    if any(word in declared for word in ("REAL", "DOUBLE", "FLOAT", "NUMERIC")):
        return "real"
    if any(word in declared for word in ("TEXT", "CHAR", "CLOB")):
        return "text"
    if "BLOB" in declared or "BYTEA" in declared:
        return "blob"
    return "any"


def is_derived(name: str) -> bool:
    return name in DERIVED_TABLES or name.startswith(DERIVED_PREFIX)


def table_names(conn: Connection) -> list[str]:
    """Every table of the database (its public schema on a server), by name."""
    if dialect(conn) == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"
    else:
        sql = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    return [str(row[0]) for row in conn.execute(sql)]


def describe(conn: Connection, name: str) -> Table:
    """``name``'s columns with their declared kinds, its key and the tables it refers to."""
    if dialect(conn) == "sqlite":
        info = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
        columns = tuple(Column(str(r[1]), _kind(str(r[2] or ""))) for r in info)
        key = tuple(str(r[1]) for r in sorted((r for r in info if r[5]), key=lambda r: int(r[5])))
        refs = [(str(r[2]), str(r[3]), str(r[4] or "id")) for r in conn.execute(f'PRAGMA foreign_key_list("{name}")')]
    else:
        columns = tuple(
            Column(str(r[0]), _kind(str(r[1])))
            for r in conn.execute(
                "SELECT column_name, data_type FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
                (name,),
            )
        )
        key = tuple(
            str(r[0])
            for r in conn.execute(
                "SELECT a.attname FROM pg_index i"
                " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
                " WHERE i.indrelid = ?::regclass AND i.indisprimary"
                " ORDER BY array_position(i.indkey::int2[], a.attnum)",
                (name,),
            )
        )
        refs = [
            (str(r[0]), str(r[1]), str(r[2]))
            for r in conn.execute(
                "SELECT c.confrelid::regclass::text, a.attname, af.attname FROM pg_constraint c"
                " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
                " JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]"
                " WHERE c.contype = 'f' AND c.conrelid = ?::regclass",
                (name,),
            )
        ]
    parents = tuple(sorted({parent for parent, _, _ in refs if parent != name}))
    self_refs = tuple((column, to) for parent, column, to in refs if parent == name)
    return Table(name, columns, key or tuple(c.name for c in columns), parents, self_refs)


def copy_order(tables: Iterable[Table]) -> list[Table]:
    """``tables``, each after the tables it refers to (by name where that leaves a choice)."""
    pending = {t.name: t for t in tables}
    ordered: list[Table] = []
    while pending:
        ready = [t for t in pending.values() if not any(p in pending for p in t.parents)]
        if not ready:  # a cycle between tables: the catalog has none; keep going by name
            ready = [min(pending.values(), key=lambda t: t.name)]
        for table in sorted(ready, key=lambda t: t.name):
            ordered.append(pending.pop(table.name))
    return ordered


def catalog_tables(conn: Connection) -> list[Table]:
    """The tables a transfer copies, in copy order."""
    return copy_order(
        describe(conn, name) for name in table_names(conn) if not is_derived(name) and name not in OWN_TABLES
    )


# -- values and digests ---------------------------------------------------------------------


def normalised(kind: Kind, value: Any) -> Any:
    """``value`` as a column of ``kind`` holds it, or raise ``TypeError`` when it is off its type."""
    if value is None:
        return None
    if isinstance(value, bool):
        value = int(value)
    if kind == "integer":
        if isinstance(value, int):
            return value
    elif kind == "real":
        if isinstance(value, int | float):
            return float(value)
    elif kind == "text":
        if isinstance(value, str):
            return value
    elif kind == "blob":
        if isinstance(value, bytes | bytearray | memoryview):
            return bytes(value)
    else:
        return bytes(value) if isinstance(value, bytearray | memoryview) else value
    raise TypeError(f"{type(value).__name__} {_shown(value)} in a column of type {kind}")


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# The types a value of each kind is kept as it is read (anything else goes through ``normalised``).
_AS_IS: dict[str, tuple[type, ...]] = {
    "integer": (int,),
    "real": (float,),
    "text": (str,),
    "blob": (bytes,),
    "any": (int, float, str, bytes),
}


def as_read(kinds: Sequence[Kind]) -> list[tuple[type, ...]]:
    """For ``normalised_row``: the types each column's values are taken as they are."""
    return [_AS_IS[kind] for kind in kinds]


def normalised_row(kinds: Sequence[Kind], as_is: Sequence[tuple[type, ...]], row: Sequence[Any]) -> tuple[Any, ...]:
    """``row`` with each value ``normalised`` (a value off its type raises ``TypeError``): the
    usual row, every value already of its column's type, is taken whole."""
    for value, types in zip(row, as_is, strict=True):
        if value is not None and type(value) not in types:
            return tuple(normalised(kind, v) for kind, v in zip(kinds, row, strict=True))
    return tuple(row)


class Digest:
    """A table's row count and SHA-256, fed rows in key order (see ``table_digest``).

    Each row is hashed as the ``repr`` of its tuple of normalised values: ``repr`` writes each
    type apart (1, 1.0, '1', b'1', None), floats exactly (the shortest text that reads back the
    same float), and text quoted and escaped, so one row's text cannot be read as two."""

    def __init__(self) -> None:
        self.hash = hashlib.sha256()
        self.rows = 0

    def add(self, row: tuple[Any, ...]) -> None:
        self.add_text(repr(row))

    def add_text(self, text: str) -> None:
        """Add the row whose ``repr`` is ``text``."""
        self.hash.update(text.encode("utf-8", "surrogatepass"))
        self.rows += 1

    @property
    def hexdigest(self) -> str:
        return self.hash.hexdigest()


def _rows_sql(conn: Connection, table: Table) -> str:
    kinds = {c.name: c.kind for c in table.columns}
    order = ", ".join(by_code_point(dialect(conn), f'"{k}"') if kinds[k] == "text" else f'"{k}"' for k in table.key)
    where = ""
    if table.name == "settings":
        where = " WHERE key NOT IN (" + ", ".join(f"'{k}'" for k in DERIVED_SETTINGS) + ")"
    columns = ", ".join(f'"{c}"' for c in table.names)
    return f'SELECT {columns} FROM "{table.name}"{where} ORDER BY {order}'


def table_digest(conn: Connection, table: Table) -> tuple[int, str]:
    """The row count and SHA-256 of ``table`` on ``conn``: rows in key order (text keys by code
    point on both), each value normalised to its declared kind and encoded with its type."""
    digest = Digest()
    kinds = [c.kind for c in table.columns]
    as_is = as_read(kinds)
    for row in _read(conn, _rows_sql(conn, table)):
        digest.add(normalised_row(kinds, as_is, row))
    return digest.rows, digest.hexdigest


def _read(conn: Connection, sql: str) -> Iterator[Sequence[Any]]:
    """The rows of ``sql``, streamed (a server-side cursor on PostgreSQL, inside its transaction)."""
    if dialect(conn) == "sqlite":
        yield from conn.execute(sql)
        return
    own = not conn.in_transaction  # a server-side cursor lives in a transaction: a read one of its own
    if own:
        conn.execute(begin_snapshot("postgresql"))
    try:
        with server_connection(conn).raw.cursor(name="photoarchive_transfer") as cursor:
            cursor.itersize = 2_000
            cursor.execute(sql)
            yield from cursor
    finally:
        if own and conn.in_transaction:
            conn.execute("COMMIT")


# -- the transfer ----------------------------------------------------------------------------


class Transfer:
    """One copy of the catalog on ``source`` into the empty ``target`` (see the module doc)."""

    def __init__(self, source: Connection, target: Connection, *, target_path: str = "") -> None:
        self.source = source
        self.target = target
        self.target_path = target_path  # for the target's migration messages (an SQLite file)
        self.report: TransferReport | None = None

    def run(self) -> Iterator[TransferProgress]:
        from photoarchive.catalog.schema import applied_migrations, migrate

        started = time.perf_counter()
        report = TransferReport()
        target_dialect = dialect(self.target)
        self._begin_snapshot()
        doing = "looking at the target"
        try:
            with transaction(self.target):  # the target's write lock: nobody fills it meanwhile
                self._refuse_unless_empty()
                doing = "migrating the target"
                report.migrations = migrate(self.target, Path(self.target_path or "catalog.sqlite"))
                ours, theirs = applied_migrations(self.source), applied_migrations(self.target)
                if sorted(ours) != sorted(theirs):
                    raise TransferError(
                        "the two catalogs do not have the same schema (migrations "
                        + ", ".join(sorted(set(ours) ^ set(theirs)))
                        + "); open the source with this version of Photo Archive first"
                    )
                tables = self._tables()
                for seeded in SEEDED_TABLES:
                    self.target.execute(f'DELETE FROM "{seeded}"')
                problems: list[str] = []
                digests: dict[str, tuple[Digest, float]] = {}
                for done, table in enumerate(tables):
                    doing = f"copying {table.name}"
                    t0 = time.perf_counter()
                    total = int(self.source.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0])
                    yield TransferProgress(table.name, 0, total, done, len(tables), "copying")
                    digest = Digest()
                    rows = self._checked_rows(table, digest, problems, report.replaced)
                    for copied in self._write(table, rows, target_dialect, problems):
                        yield TransferProgress(table.name, copied, total, done, len(tables), "copying")
                    digests[table.name] = (digest, time.perf_counter() - t0)
                if problems:
                    raise TransferError(
                        f"{len(problems)} values are off their column's type; nothing was written",
                        problems[:PROBLEMS_KEPT],
                        len(problems),
                    )
                if target_dialect == "postgresql":
                    self._set_sequences(tables)
                doing = "building the search text"
                yield TransferProgress("photos_fts", 0, 0, len(tables), len(tables), "indexing")
                report.rebuilt = self._rebuild_derived()
                for done, table in enumerate(tables):
                    doing = f"checking {table.name}"
                    yield TransferProgress(table.name, 0, digests[table.name][0].rows, done, len(tables), "checking")
                    t0 = time.perf_counter()
                    target_rows, hexdigest = table_digest(self.target, table)
                    read, seconds = digests[table.name]
                    report.checks.append(
                        TableCheck(
                            table.name,
                            read.rows,
                            read.hexdigest,
                            target_rows,
                            hexdigest,
                            seconds + time.perf_counter() - t0,
                        )
                    )
                different = [c for c in report.checks if not c.same]
                if different:
                    raise TransferError(
                        "the copy differs from the catalog; nothing was written",
                        [
                            f"{c.table}: {c.source_rows} rows {c.source_digest[:12]} -> {c.target_rows} rows"
                            f" {c.target_digest[:12]}"
                            for c in different
                        ],
                    )
        except (self.target.Error, self.source.Error) as error:
            raise CatalogError(f"the copy failed {doing} and wrote nothing ({first_line(error)})") from error
        finally:
            self._end_snapshot()
        self._analyse(target_dialect)
        report.seconds = time.perf_counter() - started
        self.report = report

    # -- steps --------------------------------------------------------------------------------

    def _analyse(self, target_dialect: Dialect) -> None:
        """The planner's statistics of the copy, once it has committed: a server's autovacuum
        comes late to a bulk load, and the first searches would be planned without them. An
        SQLite target gets them only when the source had them (``sqlite_stat1``): the project
        leaves SQLite catalogs without, and a backup is taken from a server (no such table)."""
        if target_dialect == "sqlite" and not (
            dialect(self.source) == "sqlite"
            and self.source.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
        ):
            return
        try:
            self.target.execute("ANALYZE")
        except self.target.Error as error:
            raise CatalogError(
                f"the catalog was copied and checked, but analysing it failed ({first_line(error)}):"
                " run ANALYZE on it before the first searches"
            ) from error

    def _refuse_unless_empty(self) -> None:
        present = table_names(self.target)
        if not present:
            return
        if "schema_migrations" not in present:
            raise TargetNotEmptyError(
                f"the target holds tables that are not a catalog's ({', '.join(present[:5])}); give an empty database"
            )
        known = set(table_names(self.source))
        foreign = [name for name in present if name not in known and not is_derived(name)]
        if foreign:
            raise TargetNotEmptyError(f"the target holds tables that are not a catalog's ({', '.join(foreign[:5])})")
        for name in present:
            if is_derived(name) or name in OWN_TABLES or name in SEEDED_TABLES:
                continue
            rows = int(self.target.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            if rows:
                raise TargetNotEmptyError(
                    f"the target already holds a catalog ({name}: {rows} rows); migrate-to fills an empty one only"
                )

    def _begin_snapshot(self) -> None:
        if self.source.in_transaction:
            raise CatalogError("the catalog is in the middle of a transaction; copy it outside of one")
        self.source.execute(begin_snapshot(dialect(self.source)))

    def _end_snapshot(self) -> None:
        if self.source.in_transaction:  # a read: nothing to keep; an error being raised says what happened
            with suppress(self.source.Error):
                self.source.execute("COMMIT")

    def _tables(self) -> list[Table]:
        tables = catalog_tables(self.source)
        theirs = {t.name: t for t in catalog_tables(self.target)}
        for table in tables:
            other = theirs.pop(table.name, None)
            if other is None or [(c.name, c.kind) for c in other.columns] != [(c.name, c.kind) for c in table.columns]:
                raise TransferError(f"the target's table {table.name} is not the catalog's (its columns differ)")
        if theirs:
            raise TransferError(f"the target has tables the catalog has not: {', '.join(sorted(theirs))}")
        return tables

    def _checked_rows(
        self, table: Table, digest: Digest, problems: list[str], replaced: list[str]
    ) -> Iterator[tuple[Any, ...]]:
        """The source's rows of ``table`` in key order, each value normalised (off-type ones
        noted in ``problems``, NUL replaced for a server and noted in ``replaced``), fed to
        ``digest``; a table that refers to itself yields each parent before its children."""
        kinds = [c.kind for c in table.columns]
        names = table.names
        key_at = [names.index(k) for k in table.key]
        to_server = dialect(self.target) == "postgresql"
        refs = [(names.index(column), names.index(to)) for column, to in table.self_refs]

        as_is = as_read(kinds)

        def checked(row: Sequence[Any]) -> tuple[Any, ...]:
            try:
                values = normalised_row(kinds, as_is, row)
            except TypeError:
                values = tuple(each_checked(row))
            text = repr(values)
            if to_server and "\\x00" in text:  # repr writes U+0000 as \x00 (or it is a backslash and x00)
                values = tuple(without_nul(values, row))
                text = repr(values)
            digest.add_text(text)
            return values

        def each_checked(row: Sequence[Any]) -> Iterator[Any]:
            for name, kind, value in zip(names, kinds, row, strict=True):
                try:
                    yield normalised(kind, value)
                except TypeError as error:
                    problems.append(f"{table.name} {_key(row, key_at, table.key)} {name}: {error}")
                    yield value

        def without_nul(values: tuple[Any, ...], row: Sequence[Any]) -> Iterator[Any]:
            for name, value in zip(names, values, strict=True):
                if isinstance(value, str) and "\x00" in value:
                    replaced.append(f"{table.name} {_key(row, key_at, table.key)} {name}: U+0000 written as U+FFFD")
                    value = value.replace("\x00", "\ufffd")
                yield value

        rows = (checked(row) for row in _read(self.source, _rows_sql(self.source, table)))
        if not refs:
            yield from rows
            return
        yield from _parents_first(rows, refs)

    def _write(
        self, table: Table, rows: Iterator[tuple[Any, ...]], target_dialect: Dialect, problems: list[str]
    ) -> Iterator[int]:
        """Write ``rows`` into the target's ``table``; yields the count every ``PROGRESS_EVERY``
        rows. Once ``problems`` holds a value off its type nothing will be kept: the rows that
        follow are only read (their values checked), never written."""
        columns = ", ".join(f'"{c}"' for c in table.names)
        done = 0
        if target_dialect == "postgresql":
            with (
                server_connection(self.target).raw.cursor() as cursor,
                cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy,
            ):
                for row in rows:
                    if not problems:
                        copy.write_row(row)
                    done += 1
                    if done % PROGRESS_EVERY == 0:
                        yield done
            return
        sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" * len(table.columns))})'
        batch: list[tuple[Any, ...]] = []
        for row in rows:
            batch.append(row)
            done += 1
            if len(batch) == SQLITE_BATCH:
                if not problems:
                    self.target.executemany(sql, batch)
                batch = []
            if done % PROGRESS_EVERY == 0:
                yield done
        if batch and not problems:
            self.target.executemany(sql, batch)

    def _set_sequences(self, tables: list[Table]) -> None:
        """Each identity column's sequence past the largest id copied (the next row gets a new id)."""
        for table in tables:
            for row in self.target.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attidentity <> ''", (table.name,)
            ).fetchall():
                column = str(row[0])
                self.target.execute(
                    f'SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max("{column}"), 0) + 1, false)'
                    f' FROM "{table.name}"',
                    (table.name, column),
                )

    def _rebuild_derived(self) -> list[str]:
        """The search tables on the target, by the search module's own rebuild (module doc):
        on a server its text alone (``search_keys`` stays empty there)."""
        from photoarchive.catalog.search import ensure_index_current

        ensure_index_current(self.target)
        return list(DERIVED_TABLES) if dialect(self.target) == "sqlite" else ["photos_fts"]


def _key(row: Sequence[Any], key_at: list[int], key: tuple[str, ...]) -> str:
    values = [row[i] for i in key_at]
    if len(values) == 1:
        return f"{key[0]} {values[0]!r}"
    return "(" + ", ".join(f"{k} {v!r}" for k, v in zip(key, values, strict=True)) + ")"


def _parents_first(rows: Iterable[tuple[Any, ...]], refs: list[tuple[int, int]]) -> Iterator[tuple[Any, ...]]:
    """``rows`` in their order, except that a row waits for the rows it refers to (``refs``:
    (referring column, referred column) positions) to have come first. Rows whose parent never
    comes are yielded at the end (the target's foreign key then says so)."""
    seen: dict[int, set[Any]] = {to: set() for _, to in refs}
    waiting: dict[tuple[int, Any], list[tuple[Any, ...]]] = {}

    def missing(row: tuple[Any, ...]) -> tuple[int, Any] | None:
        for column, to in refs:
            value = row[column]
            if value is not None and value not in seen[to]:
                return (to, value)
        return None

    def release(row: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
        stack = [row]
        while stack:
            current = stack.pop()
            wanting = missing(current)
            if wanting is not None:
                waiting.setdefault(wanting, []).append(current)
                continue
            yield current
            for _, to in refs:
                seen[to].add(current[to])
                stack.extend(waiting.pop((to, current[to]), []))

    for row in rows:
        yield from release(row)
    for rows_left in waiting.values():
        yield from rows_left


@contextmanager
def sqlite_target(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection to the SQLite catalog file ``path`` for a ``Transfer`` run in the block. A file
    that exists is used in place (the transfer refuses it unless empty, and rolls back on
    failure); a new one is written under a temporary name beside it and renamed to ``path`` only
    when the block ends without an error (no half-written catalog under its name)."""
    from photoarchive.catalog.connection import connect
    from photoarchive.files import fsync_dir, fsync_file, temporary_name

    if path.is_dir():
        raise CatalogError(f"{path}: is a folder; give the new catalog's file name (catalog.sqlite)")
    if path.exists():
        conn = connect(path)
        try:
            yield conn
        finally:
            conn.close()
        return
    if not path.parent.is_dir():
        raise CatalogError(f"{path.parent}: no such folder")
    temporary = temporary_name(path)
    try:
        conn = connect(temporary)
        try:
            yield conn
            conn.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
        finally:
            conn.close()
        fsync_file(temporary)
        os.replace(temporary, path)
        fsync_dir(path.parent)
    except OSError as error:
        raise CatalogError(f"cannot write {path} ({error.strerror or error})") from error
    finally:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            leftover.unlink(missing_ok=True)


@contextmanager
def migrated_copy(path: Path) -> Iterator[Connection]:
    """A connection to a copy of the backup ``path`` brought up to this version's schema (the
    backup itself is never changed): what a backup is copied from into another catalog."""
    import shutil
    import tempfile

    from photoarchive.catalog.backup import check_backup
    from photoarchive.catalog.connection import connect
    from photoarchive.catalog.schema import migrate

    path = path.expanduser().resolve()
    problems = check_backup(path) if path.is_file() else ["no such file"]
    if problems:
        raise CatalogError(f"{path}: cannot copy this backup: {problems[0]}")
    with tempfile.TemporaryDirectory(prefix="photoarchive-restore-") as folder:
        copy = Path(folder) / "catalog.sqlite"
        shutil.copyfile(path, copy)
        conn = connect(copy)
        try:
            migrate(conn, copy)
            yield conn
        finally:
            conn.close()


def take_server_backup(conn: Connection, folder: Path, label: str = "") -> Backup:
    """``backup.take_backup`` of the catalog on a server (``conn``): a new SQLite catalog file
    with every table read in one snapshot (``REPEATABLE READ READ ONLY``), checked and compared
    table by table by a ``Transfer``, its search text rebuilt; ``take_backup`` then checks it
    (``PRAGMA quick_check``), names and prunes it as any backup."""
    from photoarchive.catalog.backup import take_backup
    from photoarchive.catalog.connection import connect

    def copy_into(tmp: Path) -> sqlite3.Connection:
        destination = connect(tmp)
        try:
            transfer(conn, destination, target_path=str(tmp))
        except BaseException:
            destination.close()
            raise
        assert isinstance(destination, sqlite3.Connection)  # a path opens SQLite
        return destination

    return take_backup(conn, folder, label, copy_into=copy_into)


def transfer(
    source: Connection,
    target: Connection,
    *,
    target_path: str = "",
    progress: Callable[[TransferProgress], object] | None = None,
) -> TransferReport:
    """Run a ``Transfer`` to its end (``progress`` called with each step); its report."""
    job = Transfer(source, target, target_path=target_path)
    for step in job.run():
        if progress is not None:
            progress(step)
    assert job.report is not None
    return job.report
