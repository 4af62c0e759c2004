"""What other connections changed: another process (``photoarchive edit``), another window,
a worker thread's import. A window polls ``changes_since`` on a timer: while nothing was
committed elsewhere it is one ``PRAGMA data_version`` (SQLite changes that number only for
commits made by other connections), and otherwise a few small indexed queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from photoarchive.catalog.catalog import Catalog


@dataclass(frozen=True)
class ChangeMark:
    """Where a connection stands: the data version it saw, the newest edit, the photos."""

    data_version: int
    last_edit: int
    photo_count: int
    last_photo: int


@dataclass(frozen=True)
class Changes:
    """What was committed elsewhere since a mark: ``photo_ids`` whose curated fields changed
    (edits, undos); ``photos_added_or_removed`` (an import, a removal); anything else (places,
    collections, templates) shows only as ``any``."""

    mark: ChangeMark
    any: bool = False
    photo_ids: list[int] = field(default_factory=list)
    photos_added_or_removed: bool = False


def mark(catalog: Catalog) -> ChangeMark:
    conn = catalog.conn
    version = int(conn.execute("PRAGMA data_version").fetchone()[0])
    last_edit = int(conn.execute("SELECT coalesce(max(id), 0) FROM edits").fetchone()[0])
    count, last_photo = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM photos").fetchone()
    return ChangeMark(version, last_edit, int(count), int(last_photo))


def changes_since(catalog: Catalog, since: ChangeMark) -> Changes:
    """What other connections committed after ``since``. Nothing while only this connection
    committed (its caller knows those changes); once another did, the photos of every edit
    since, this connection's included (re-reading them again is harmless)."""
    version = int(catalog.conn.execute("PRAGMA data_version").fetchone()[0])
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
        photos_added_or_removed=(now.photo_count, now.last_photo) != (since.photo_count, since.last_photo),
    )
