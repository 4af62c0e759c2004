"""What other connections changed: another process (``photoarchive edit``), another window,
a worker thread's import. A window polls ``changes_since`` on a timer: while nothing was
committed elsewhere it is one ``PRAGMA data_version`` (SQLite changes that number only for
commits made by other connections), and otherwise a few small indexed queries (never a count
of the photos, 50-160 ms at a million: an import shows as a newer last photo; nothing in the
application takes a photo out of the catalog, which keeps every photo it took in). A catalog on a
PostgreSQL server counts instead the notices other connections' commits send
(``pg.PgConnection.data_version``): one round trip to the server while nothing happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.connection import Connection, dialect, server_connection


@dataclass(frozen=True)
class ChangeMark:
    """Where a connection stands: the data version it saw, the newest edit, the newest photo."""

    data_version: int
    last_edit: int
    last_photo: int


@dataclass(frozen=True)
class Changes:
    """What was committed elsewhere since a mark: ``photo_ids`` whose curated fields changed
    (edits, undos); ``photos_added`` (an import); anything else (places,
    collections, templates) shows only as ``any``."""

    mark: ChangeMark
    any: bool = False
    photo_ids: list[int] = field(default_factory=list)
    photos_added: bool = False


# ``mark``: how many times to read again while others keep committing (then the next poll reports it).
_TRIES = 5


def data_version(conn: Connection) -> int:
    """A number that changes when another connection committed (see the module doc)."""
    if dialect(conn) == "sqlite":
        return int(conn.execute("PRAGMA data_version").fetchone()[0])
    return server_connection(conn).data_version()


def mark(catalog: Catalog) -> ChangeMark:
    conn = catalog.conn
    version = data_version(conn)
    for _ in range(_TRIES):
        last_edit = int(conn.execute("SELECT coalesce(max(id), 0) FROM edits").fetchone()[0])
        last_photo = int(conn.execute("SELECT coalesce(max(id), 0) FROM photos").fetchone()[0])
        # A commit elsewhere between the version and the reads could be counted after this mark
        # while its edit is in it (and so never reported): read again until nothing came between
        # (still busy: the version before the reads, and the next poll reports again).
        after = data_version(conn)
        if after == version:
            break
        version = after
    else:
        version = -1  # no data version is -1: the next poll reads what changed
    return ChangeMark(version, last_edit, last_photo)


def changes_since(catalog: Catalog, since: ChangeMark) -> Changes:
    """What other connections committed after ``since``. Nothing while only this connection
    committed (its caller knows those changes); once another did, the photos of every edit
    since, this connection's included (re-reading them again is harmless)."""
    version = data_version(catalog.conn)
    if version == since.data_version:
        return Changes(since)
    now = mark(catalog)
    rows = catalog.conn.execute(
        "SELECT DISTINCT photo_id FROM edit_changes WHERE edit_id > ? ORDER BY photo_id", (since.last_edit,)
    ).fetchall()
    return Changes(
        now,
        any=True,
        photo_ids=[int(row[0]) for row in rows],
        photos_added=now.last_photo != since.last_photo,
    )
