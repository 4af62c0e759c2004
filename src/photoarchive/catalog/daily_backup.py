"""The day's automatic backup (``catalog.backup``'s module doc says when), on SQLite and on a
server, apart from ``catalog.backup`` because a server's is a ``catalog.transfer`` snapshot and
the transfer sits above ``backup`` (it migrates its target, and a migration takes a backup)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from photoarchive.catalog import backup
from photoarchive.catalog.archive import ArchivePaths
from photoarchive.catalog.backup import DAILY_INTERVAL, Backup, OpenCatalog, newest_backup
from photoarchive.catalog.connection import Connection, connect, dialect, set_setting, setting, transaction
from photoarchive.catalog.location import resolve
from photoarchive.errors import CatalogError

# On a server: the settings row recording when the last daily backup was taken (UTC, ISO 8601),
# and the advisory lock (``pg.LOCK_NAMESPACE``, this) its taker holds; 1 is the write lock, 2
# the import's.
DAILY_RECORD = "daily_backup"
SERVER_BACKUP_LOCK = 3


def daily_backup_if_due(catalog: OpenCatalog) -> Backup | None:
    """The day's automatic backup, if the newest one is more than 24 hours old (module doc; on
    a server, the one the catalog records, and None when another curator takes it)."""
    today = date.today()
    if catalog.backup_checked_on == today:
        return None
    catalog.backup_checked_on = today
    if dialect(catalog.conn) == "postgresql":
        if not server_backup_due(catalog.conn):
            return None
    else:
        newest = newest_backup(catalog.paths)
        if newest is not None and datetime.now(UTC) - newest.taken_at < DAILY_INTERVAL:
            return None
    if catalog.defer_daily_backup:  # its owner takes it when its work is done
        catalog.daily_backup_due = True
        return None
    return _take_daily(catalog.conn, catalog.paths)


def _take_daily(conn: Connection, paths: ArchivePaths) -> Backup | None:
    if dialect(conn) == "postgresql":
        return take_daily_server_backup(conn, paths)
    return backup.take_backup(conn, paths.backups)


def server_backup_due(conn: Connection) -> bool:
    """Whether the catalog on a server records no daily backup in the last 24 hours."""
    recorded = setting(conn, DAILY_RECORD)
    if recorded is None:
        return True
    try:
        taken = datetime.fromisoformat(recorded)
    except (TypeError, ValueError):
        return True  # a record no program of ours wrote: take one
    return datetime.now(UTC) - taken >= DAILY_INTERVAL


def take_daily_server_backup(conn: Connection, paths: ArchivePaths) -> Backup | None:
    """The day's backup of the catalog on a server (``conn``), taken by one curator only
    (module doc): None when another holds the lock or took it since ``server_backup_due``."""
    from photoarchive.catalog.pg import LOCK_NAMESPACE  # a server's catalog: psycopg is loaded already
    from photoarchive.catalog.transfer import take_server_backup

    key = f"{LOCK_NAMESPACE}, {SERVER_BACKUP_LOCK}"
    if not conn.execute(f"SELECT pg_try_advisory_lock({key})").fetchone()[0]:
        return None  # another curator is taking it now
    try:
        if not server_backup_due(conn):
            return None  # taken by another since this one looked
        taken = take_server_backup(conn, paths.backups)
        with transaction(conn):
            set_setting(conn, DAILY_RECORD, taken.taken_at.isoformat())
        return taken
    finally:
        conn.execute(f"SELECT pg_advisory_unlock({key})")


def catalog_size(conn: Connection, paths: ArchivePaths) -> int:
    """About how many bytes a backup of the catalog copies: its file, or its database on a server."""
    if dialect(conn) == "postgresql":
        return int(conn.execute("SELECT pg_database_size(current_database())").fetchone()[0])
    try:
        return paths.catalog.stat().st_size
    except OSError:
        return 0


def take_backup_of(paths: ArchivePaths, url: str | None = None) -> Backup:
    """``take_backup`` of the archive's catalog through a connection of its own, opened and
    closed here: what the window runs on a worker thread when the day's backup is due. On a
    server (``url``: the window's catalog's, however it was given; else the archive's
    ``catalog.url``), the day's one (``take_daily_server_backup``), or the newest backup when
    another curator took it."""
    location = resolve(paths.root, url)
    if location.url is not None:
        server = connect(location)
        try:
            taken = take_daily_server_backup(server, paths)
        finally:
            server.close()
        newest = taken or newest_backup(paths)
        if newest is None:
            raise CatalogError("the day's backup is being taken by another curator")
        return newest
    conn = connect(paths.catalog, readonly=True)  # never creates a catalog that went missing
    try:
        return backup.take_backup(conn, paths.backups)
    finally:
        conn.close()


def take_deferred_backup(catalog: OpenCatalog) -> Backup | None:
    """The day's backup that ``daily_backup_if_due`` left to the owner of a catalog opened with
    ``defer_daily_backup`` (the command line takes it after a command's work and output), if any."""
    if not catalog.daily_backup_due:
        return None
    catalog.daily_backup_due = False
    return _take_daily(catalog.conn, catalog.paths)
