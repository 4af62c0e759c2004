"""The catalog: the one authority on what the archive holds. All its SQL is in this package.

A ``Catalog`` is opened on an archive folder and handed to whoever needs it (the importer,
the exporters, the GUI's models); it owns one connection, to the folder's ``catalog.sqlite`` or
to the PostgreSQL database its ``catalog.url`` names (``catalog.location``). A new catalog is
made only in a folder that holds no archive yet: where originals or backups are but
``catalog.sqlite`` is not (or the database is empty), an empty catalog would hide every
caption, place and collection, so opening raises ``CatalogMissingError`` saying how to restore
(``photoarchive restore``). Queries for photos and import batches are here; other parts of the
catalog (curated fields, collections, places) live in modules beside this one and take a Catalog.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any, cast

from photoarchive.catalog.archive import ArchivePaths
from photoarchive.catalog.backup import integrity_problems, newest_backup
from photoarchive.catalog.connection import Connection, connect, dialect, select_in, timestamp, transaction
from photoarchive.catalog.dialect import begin_snapshot, table_columns
from photoarchive.catalog.language_rows import record_from_file
from photoarchive.catalog.location import URL_FILE, Dialect, resolve
from photoarchive.catalog.rows import from_row
from photoarchive.catalog.schema import migrate
from photoarchive.catalog.search import (
    PAGE_ORDERS,
    Terms,
    count_photos_matching,
    ensure_index_current,
    index_is_current,
    page_key,
    photo_filters,
    photo_page,
    photo_rows,
    reindex_photos,
)
from photoarchive.errors import CatalogError, CatalogMissingError, NotFoundError
from photoarchive.model import ImportBatch, ImportFailure, Photo
from photoarchive.user_settings import curator_name


def order_by(dialect: Dialect, order: str) -> str:
    """The ORDER BY keys of ``order`` in ``dialect``: its ``search.page_key``, then the id."""
    key = page_key(dialect, order)
    return "p.id" if key is None else f"{key}, p.id"


# The sort orders a list of photos or a smart collection takes (``order_by`` writes their keys).
SORT_ORDERS = tuple(PAGE_ORDERS)


# ``Catalog.photo_pages``: the first page is about a screen of a terminal or of a window's
# grid; the later ones are read by id, a few MB of rows each.
FIRST_PAGE = 100
PAGE = 2_000


class Catalog:
    """An open archive: its paths and its catalog connection.

    ``rebuild=True`` makes a new catalog even beside existing originals (for
    ``photoarchive.recovery``, which then records them again). ``warnings`` collects what went
    wrong after a change was committed (a sidecar that could not be written, a daily backup
    that failed): the change stands, and the command line or the window shows them.
    """

    def __init__(self, root: Path | str, *, create: bool = True, rebuild: bool = False, url: str | None = None) -> None:
        self.paths = ArchivePaths(Path(root).expanduser().resolve())
        # ``url`` (a caller's --catalog) > the folder's catalog.url > its catalog.sqlite
        self.location = resolve(self.paths.root, url)
        self.warnings: list[str] = []
        self.backup_checked_on: date | None = None  # catalog.daily_backup.daily_backup_if_due
        # Set by an owner that takes the day's backup itself once its work is done (the command
        # line): daily_backup_if_due then only marks it due (catalog.daily_backup.take_deferred_backup).
        self.defer_daily_backup = False
        self.daily_backup_due = False
        self.pending_sidecars: set[int] = set()  # catalog.sidecars: to write after the commit
        # Set by an owner that writes the sidecars on a thread of its own (the window): after a
        # commit, catalog.sidecars.mirror_sidecars hands it the photos instead of writing them.
        self.sidecar_writer: Callable[[set[int]], None] | None = None
        self.sidecar_folders_cleaned: set[Path] = set()  # catalog.sidecars: leftovers removed
        if self.location.url is not None:
            self._open_on_a_server(create=create, rebuild=rebuild)
            return
        if not self.paths.catalog.exists():
            if not rebuild:
                _refuse_over_an_archive(self.paths)
            if not create:
                raise CatalogError(f"{self.paths.root}: no archive here (no catalog.sqlite)")
            if self.paths.root.exists() and not self.paths.root.is_dir():
                raise CatalogError(f"{self.paths.root}: is a file, not an archive folder")
        try:
            self.paths.ensure()
        except OSError as error:
            raise CatalogError(f"{self.paths.root}: cannot create the archive folder ({error.strerror})") from error
        self.conn = connect(self.paths.catalog)
        try:
            self.migrations_applied = migrate(self.conn, self.paths.catalog)
            if not index_is_current(self.conn):  # checked first: opening takes no write lock
                with transaction(self.conn):
                    ensure_index_current(self.conn)
        except sqlite3.DatabaseError as error:
            self.conn.close()
            if is_damage(error):
                raise damaged_catalog(self.paths, error) from error
            raise
        except Exception:
            self.conn.close()
            raise

    def _open_on_a_server(self, *, create: bool, rebuild: bool) -> None:
        """Open (and migrate) the catalog in the PostgreSQL database of ``self.location``: a
        database without the catalog's tables is a new catalog, refused as an SQLite catalog
        would be over a folder holding an archive's originals (unless ``rebuild``)."""
        # Typed as SQLite's until the catalog's modules take any Connection (their SQL is made
        # portable module by module): a PgConnection answers what they call on it.
        self.conn = cast(sqlite3.Connection, connect(self.location))
        try:
            found = self.conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()[0]
            if not found:
                if not rebuild:
                    _refuse_over_an_archive(self.paths, catalog=f"the database {self.location.shown()} is empty")
                if not create:
                    raise CatalogError(f"{self.location.shown()}: no catalog there (the database is empty)")
            try:
                self.paths.ensure()
            except OSError as error:
                raise CatalogError(f"{self.paths.root}: cannot create the archive folder ({error.strerror})") from error
            self.migrations_applied = migrate(self.conn, self.paths.catalog)
            from photoarchive.catalog.pg import PgConnection, ensure_change_notices  # psycopg: loaded already

            ensure_change_notices(cast(PgConnection, self.conn))  # other curators' windows see commits
            if not index_is_current(self.conn):  # checked first: opening takes no write lock
                with transaction(self.conn):
                    ensure_index_current(self.conn)
        except BaseException:
            self.conn.close()
            raise

    # Set by the owner (a curator's name from its settings); None: ``curator`` finds one.
    _curator: str | None = None

    @property
    def curator(self) -> str:
        """Who the edits made through this catalog are recorded as (the history's ``who``): the
        name its owner set, else ``$PHOTOARCHIVE_CURATOR`` (curators sharing one login or one
        database role name themselves), else the name this user set (``photoarchive config
        curator``: ``user_settings``), else on a server the database role this curator logged
        in as, else the user logged in to this computer."""
        if self._curator is None:
            named = curator_name()
            if named:
                self._curator = named
            elif dialect(self.conn) == "postgresql":
                self._curator = str(self.conn.execute("SELECT current_user").fetchone()[0])
            else:
                try:
                    self._curator = getpass.getuser()
                except (OSError, KeyError):  # no login name (a container without a user entry)
                    self._curator = "unknown"
        return self._curator

    @curator.setter
    def curator(self, name: str | None) -> None:
        self._curator = (name.strip() or None) if name is not None else None

    def close(self) -> None:
        self.conn.close()

    def reopen(self) -> Catalog:
        """The same catalog opened again, with a connection of its own (a worker thread's): the
        same location even when it came from the caller (``--catalog``, the Open Archive dialog)
        rather than the folder's ``catalog.url``, and the curator this one names. Safe to call
        from another thread: it reads only what this catalog was opened with."""
        again = Catalog(self.paths.root, create=False, url=self.location.url)
        again._curator = self._curator
        return again

    def integrity_problems(self) -> list[str]:
        """What SQLite's integrity check finds wrong in the catalog file (empty: sound). A
        catalog on a server has no file here: the server keeps its database sound itself (its
        write-ahead log, its checksums), and a curator's role may not run its checks."""
        if self.location.url is not None:
            return []
        try:
            size = self.paths.catalog.stat().st_size
            return integrity_problems(self.conn, size)
        except OSError as error:
            return [f"cannot read the catalog ({error.strerror or error})"]

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- photos -----------------------------------------------------------------------------

    def add_photo(self, values: dict[str, object]) -> int:
        """Record an imported photo (inside the caller's transaction or one of its own);
        ``values["translations"]``, when given, is the file's languages (``CuratedFields``'s)."""
        values = dict(values)
        languages = values.pop("translations", None)
        columns = list(values)
        row = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v) for k, v in values.items()}
        with transaction(self.conn):
            photo_id = int(
                self.conn.execute(
                    f"INSERT INTO photos ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) RETURNING id",
                    [row[c] for c in columns],
                ).fetchone()[0]
            )
            if isinstance(languages, dict) and languages:
                record_from_file(self.conn, photo_id, languages)
            reindex_photos(self.conn, [photo_id])
        return photo_id

    def photo(self, photo_id: int) -> Photo:
        row = self.conn.execute("SELECT * FROM photos WHERE id = ?", (photo_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no photo with id {photo_id}")
        return _photo(row)

    def photos(self, ids: Sequence[int]) -> list[Photo]:
        """The photos with these ids, in the order given; raises NotFoundError naming missing ids."""
        found = {
            row["id"]: _photo(row) for row in select_in(self.conn, "SELECT * FROM photos WHERE id IN ({ids})", ids)
        }
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFoundError(f"no photo with id {', '.join(map(str, missing))}")
        return [found[i] for i in ids]

    def photo_ids(self, *, search: str | None = None, order: str = "captured", batch: int | None = None) -> list[int]:
        """Ids of the photos matching a full-text search (any script) and a batch, sorted."""
        if order not in SORT_ORDERS:
            raise ValueError(f"unknown sort order {order!r}")
        where, params = photo_filters(search or "", batch, dialect=dialect(self.conn))
        sql = f"SELECT p.id FROM photos p WHERE {' AND '.join(where)} ORDER BY {order_by(dialect(self.conn), order)}"
        return [row[0] for row in self.conn.execute(sql, params)]

    def list_photos(
        self, *, search: str | None = None, order: str = "captured", batch: int | None = None
    ) -> list[Photo]:
        return self.photos(self.photo_ids(search=search, order=order, batch=batch))

    def photo_pages(
        self,
        *,
        search: str | None = None,
        order: str = "captured",
        offset: int = 0,
        limit: int | None = None,
        first_page: int = FIRST_PAGE,
        where: Terms | None = None,
    ) -> Iterator[list[Photo]]:
        """The photos of ``list_photos`` from the ``offset``-th (0: the first), at most ``limit``,
        a page at a time: the first page holds ``first_page`` photos. ``where`` adds WHERE terms
        over photo ``p`` (a filter's: ``catalog.filters.compile_filter``).

        The first page is read by ``search.photo_page`` (keyset paging on the sort key's index),
        so it comes after a page's worth of work however many photos match; the rest is read by
        one more query from where it ended (``search.photo_rows``: the rows as they come). The queries
        run in one read transaction (one snapshot: a photo edited meanwhile is neither listed
        twice nor skipped) unless the caller has one open.
        """
        if order not in SORT_ORDERS:
            raise ValueError(f"unknown sort order {order!r}")
        if offset < 0 or (limit is not None and limit < 0):
            raise ValueError("offset and limit are counts: 0 or more")
        search = search or ""
        own = not self.conn.in_transaction
        if own:
            # a read snapshot, no write lock (SQLite: deferred; a server: one snapshot for all the reads)
            self.conn.execute(begin_snapshot(dialect(self.conn)))
        try:
            after = None
            if offset:  # the ids before the offset are read (ids only), never the photos
                skipped = photo_page(self.conn, search=search, order=order, limit=offset, where=where)
                if skipped.after is None:
                    return
                after = skipped.after
            size = max(1, first_page) if limit is None else min(max(1, first_page), limit)
            if size == 0:
                return
            first = photo_page(self.conn, search=search, order=order, after=after, limit=size, where=where)
            if first.ids:
                yield self._found(first.ids)
            if first.after is None or (limit is not None and limit == len(first.ids)):
                return
            rest = photo_rows(
                self.conn,
                search=search,
                order=order,
                after=first.after,
                limit=None if limit is None else limit - len(first.ids),
                columns=", ".join(f"p.{column}" for column in _PHOTO_COLUMNS),
                where=where,
            )
            while rows := rest.fetchmany(PAGE):
                yield [_listed_photo(row) for row in rows]
        finally:
            # A generator left unfinished is closed later, maybe after the catalog was.
            with suppress(self.conn.Error):  # SQLite's ProgrammingError, the server's OperationalError
                if own and self.conn.in_transaction:
                    self.conn.execute("COMMIT")

    def count_matching(self, search: str | None = None, *, where: Terms | None = None) -> int:
        """How many photos match ``search`` and ``where`` (all of them without either)."""
        return count_photos_matching(self.conn, search=search or "", where=where)

    def _found(self, ids: Sequence[int]) -> list[Photo]:
        """The photos with these ids, in the order given."""
        rows = select_in(self.conn, f"SELECT {', '.join(_PHOTO_COLUMNS)} FROM photos WHERE id IN ({{ids}})", ids)
        found = {row[0]: _listed_photo(row) for row in rows}
        return [found[i] for i in ids if i in found]

    def count_photos(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM photos").fetchone()[0])

    def id_for_hash(self, sha256: str) -> int | None:
        return photo_id_for_hash(self.conn, sha256)

    def original_file(self, photo: Photo) -> Path:
        return self.paths.original(photo.original_path)

    def thumbnail_file(self, photo: Photo, size: int) -> Path:
        return self.paths.thumbnail(photo.sha256, size)

    def iter_photo_files(self) -> Iterable[tuple[int, str, str, int]]:
        """(id, original_path, sha256, size) of every photo, for checks."""
        yield from self.conn.execute("SELECT id, original_path, sha256, size FROM photos ORDER BY id")

    def preview_sources(self, *, after: int) -> Iterable[tuple[int, str, str, int]]:
        """(id, original_path, sha256, orientation) of the photos after ``after``, the newest
        import first: what ``ingest.previews`` makes a photo's preview from."""
        yield from self.conn.execute(
            "SELECT id, original_path, sha256, orientation FROM photos WHERE id > ? ORDER BY id DESC", (after,)
        )

    # -- import batches ---------------------------------------------------------------------

    def start_batch(self, sources: list[str]) -> int:
        with transaction(self.conn):
            row = self.conn.execute(
                "INSERT INTO import_batches (started_at, sources) VALUES (?, ?) RETURNING id",
                (timestamp(), json.dumps(sources, ensure_ascii=False)),
            ).fetchone()
        return int(row[0])

    def add_failure(self, batch_id: int, path: str, error: str) -> None:
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO import_failures (batch_id, path, error) VALUES (?, ?, ?)", (batch_id, path, error)
            )

    def finish_batch(self, batch_id: int, *, imported: int, duplicates: int, failed: int, status: str) -> None:
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE import_batches SET finished_at = ?, imported = ?, duplicates = ?, failed = ?, status = ?"
                " WHERE id = ?",
                (timestamp(), imported, duplicates, failed, status, batch_id),
            )

    def mark_interrupted_batches(self) -> None:
        """Batches left 'running' by a crashed or killed import are marked 'interrupted'."""
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE import_batches SET status = 'interrupted', imported ="
                " (SELECT count(*) FROM photos WHERE batch_id = import_batches.id)"
                " WHERE status = 'running'"
            )

    def batch(self, batch_id: int) -> ImportBatch:
        row = self.conn.execute("SELECT * FROM import_batches WHERE id = ?", (batch_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no import batch with id {batch_id}")
        failures = [
            ImportFailure(r["path"], r["error"])
            for r in self.conn.execute(
                "SELECT path, error FROM import_failures WHERE batch_id = ? ORDER BY id", (batch_id,)
            )
        ]
        return _batch(row, failures)

    def batches(self) -> list[ImportBatch]:
        """All import batches, newest first (failures not loaded)."""
        return [_batch(row, []) for row in self.conn.execute("SELECT * FROM import_batches ORDER BY id DESC")]


# Lookups on a bare connection: an import's worker processes hold a read-only one of their own.


def photo_id_for_hash(conn: Connection, sha256: str) -> int | None:
    """The id of the photo with these bytes, if one is recorded (on a bare connection, as the
    import's workers have)."""
    row = conn.execute("SELECT id FROM photos WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else int(row[0])


def knows_path(conn: Connection, original_path: str) -> bool:
    """Whether a photo is recorded at this path in originals/ (relative, as stored)."""
    return conn.execute("SELECT 1 FROM photos WHERE original_path = ?", (original_path,)).fetchone() is not None


def photo_columns(conn: Connection) -> set[str]:
    """The names of the columns of ``photos``."""
    return set(table_columns(conn, dialect(conn), "photos"))


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """Whether SQLite says the file itself is damaged (not busy, full or misused)."""
    name = getattr(error, "sqlite_errorname", "")
    return name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in str(error) or "not a database" in str(error)


def damaged_catalog(paths: ArchivePaths, error: sqlite3.DatabaseError | str) -> CatalogError:
    """The error for a damaged catalog file: what SQLite said, and how to restore it."""
    newest = newest_backup(paths)
    advice = (
        f"restore the newest backup ({newest.name}) with `photoarchive restore`, which also brings it up to date "
        "from the XMP sidecars beside the originals"
        if newest is not None
        else "there is no backup: `photoarchive restore --from-sidecars` rebuilds it from the originals and their sidecars"
    )
    return CatalogError(f"the catalog {paths.catalog} is damaged ({error}); {advice}")


def _refuse_over_an_archive(paths: ArchivePaths, *, catalog: str | None = None) -> None:
    """``CatalogMissingError`` when the folder already holds an archive's originals or backups
    (``catalog``: what is missing, when it is a server's database rather than the file)."""
    evidence = _first_file(paths.originals, skip={".incoming"}) or _first_file(paths.backups, skip=set())
    if evidence is None:
        return
    if catalog is not None:
        raise CatalogMissingError(
            f"{paths.root} holds an archive ({evidence.relative_to(paths.root)}) but {catalog}; a new,"
            " empty catalog would hide every caption, place and collection, so none was made. Check"
            f" that the catalog's address (given, or in {paths.root / URL_FILE}) names the right database;"
            " if it is the right one and its catalog was lost, `photoarchive restore` puts the newest backup"
            f" from {paths.backups} into it and brings it up to date from the XMP sidecars beside the originals"
            " (`photoarchive restore --from-sidecars`: from the originals and their sidecars alone)"
        )
    raise CatalogMissingError(
        f"{paths.root} holds an archive ({evidence.relative_to(paths.root)}) but its catalog {paths.catalog.name} "
        "is missing; a new, empty catalog would hide every caption, place and collection, so none was made. "
        "Restore it: `photoarchive restore` puts back the newest backup from "
        f"{paths.backups} and brings it up to date from the XMP sidecars beside the originals; "
        "`photoarchive restore --from-sidecars` rebuilds it from the originals and their sidecars alone"
    )


def _first_file(folder: Path, *, skip: set[str]) -> Path | None:
    """Some file under ``folder`` (not under the names in ``skip``), or None; stops at the first."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return None
    for entry in entries:
        if entry.name in skip:
            continue
        try:
            if entry.is_file():
                return Path(entry.path)
            if entry.is_dir(follow_symlinks=False) and (found := _first_file(Path(entry.path), skip=set())):
                return found
        except OSError:
            continue
    return None


# The columns a Photo holds (a photo's row has many more: its curated fields).
_PLAIN_COLUMNS = tuple(f.name for f in fields(Photo) if f.name != "warnings")
_PHOTO_COLUMNS = (*_PLAIN_COLUMNS, "warnings")  # the order _listed_photo reads them in


def _listed_photo(row: Sequence[Any]) -> Photo:
    """A Photo from its ``_PHOTO_COLUMNS``, by position (no name lookups in a Row: a listing of a
    million photos builds hundreds of thousands)."""
    return Photo(**dict(zip(_PLAIN_COLUMNS, row[:-1], strict=True)), warnings=_json_list(row[-1]))


def _json_list(text: str) -> list[str]:
    return [] if text == "[]" else list(json.loads(text))


def _photo(row: Any) -> Photo:
    return from_row(Photo, row, json_columns=("warnings",))


def _batch(row: Any, failures: list[ImportFailure]) -> ImportBatch:
    return from_row(ImportBatch, row, json_columns=("sources",), failures=failures)
