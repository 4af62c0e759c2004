"""The edit history as the catalog stores it: ``edits`` (one row per edit) and ``edit_changes``
(each field of each photo it changed, old and new value as JSON).

Storage only: ``photoarchive.edits`` holds the rules (validation, what an edit changes, the
check that nothing changed since) and calls ``record_edit`` inside the write transaction in
which it read the values it replaces, so the history of a field is a chain.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.curated import to_column
from photoarchive.catalog.rows import from_row
from photoarchive.catalog.search import KEY_COLUMNS, TEXT_SOURCES, reindex_photos
from photoarchive.catalog.translations import parse_key, store
from photoarchive.errors import NotFoundError


@dataclass
class FieldChange:
    photo_id: int
    field: str
    old: Any
    new: Any


@dataclass
class Edit:
    id: int
    at: str
    who: str
    description: str
    changes: list[FieldChange] = field(default_factory=list)
    reverts: int | None = None

    @property
    def photo_ids(self) -> list[int]:
        return sorted({c.photo_id for c in self.changes})


def record_edit(
    catalog: Catalog, at: str, who: str, description: str, changes: Sequence[FieldChange], reverts: int | None
) -> int:
    """Set the new values on the photos and record the edit; return its id. Runs inside the
    caller's transaction, the one in which the old values were read."""
    if not catalog.conn.in_transaction:
        raise RuntimeError("an edit is recorded inside the transaction that read what it replaces")
    edit_id = int(
        catalog.conn.execute(
            "INSERT INTO edits (at, who, description, reverts) VALUES (?, ?, ?, ?) RETURNING id",
            (at, who, description, reverts),
        ).fetchone()[0]
    )
    for change in changes:
        if parse_key(change.field) is not None:  # one language's value: caption[ru]
            store(catalog.conn, change.photo_id, change.field, to_column(change.field, change.new))
        else:
            catalog.conn.execute(
                f"UPDATE photos SET {change.field} = ? WHERE id = ?",
                (to_column(change.field, change.new), change.photo_id),
            )
        catalog.conn.execute(
            "INSERT INTO edit_changes (edit_id, photo_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?)",
            (edit_id, change.photo_id, change.field, _dump(change.old), _dump(change.new)),
        )
    # Only the photos whose searched text changed: a rating, a label or a flag (the culling
    # keys, on a whole selection) changes none of it, and reindexing was most of their cost.
    searched = {f for f in {c.field for c in changes} if _feeds_search(f)}
    reindex_photos(catalog.conn, sorted({c.photo_id for c in changes if c.field in searched}))
    return edit_id


def _feeds_search(field: str) -> bool:
    """Whether a column of ``photos`` is read by the search text (``search.TEXT_SOURCES``, to
    which other modules add) or by the search key (``search.KEY_COLUMNS``: a new capture date
    moves the photo in the results, in the edit's transaction)."""
    if field in KEY_COLUMNS:
        return True
    if parse_key(field) is not None:
        return any("translations" in source for source in TEXT_SOURCES)
    column = re.compile(rf"\bp\.{re.escape(field)}\b")
    return any(column.search(source) for source in TEXT_SOURCES)


def load_edit(catalog: Catalog, edit_id: int) -> Edit:
    row = catalog.conn.execute("SELECT * FROM edits WHERE id = ?", (edit_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no edit with id {edit_id}")
    changes = [
        FieldChange(r["photo_id"], r["field"], json.loads(r["old_value"]), json.loads(r["new_value"]))
        for r in catalog.conn.execute("SELECT * FROM edit_changes WHERE edit_id = ? ORDER BY id", (edit_id,))
    ]
    return from_row(Edit, row, changes=changes)


def history(catalog: Catalog, *, photo_id: int | None = None, limit: int = 200) -> list[Edit]:
    """Recent edits, newest first; with ``photo_id`` only those that touched that photo."""
    if photo_id is None:
        ids = [r[0] for r in catalog.conn.execute("SELECT id FROM edits ORDER BY id DESC LIMIT ?", (limit,))]
    else:
        ids = [
            r[0]
            for r in catalog.conn.execute(
                "SELECT DISTINCT edit_id FROM edit_changes WHERE photo_id = ? ORDER BY edit_id DESC LIMIT ?",
                (photo_id, limit),
            )
        ]
    return [load_edit(catalog, i) for i in ids]


def reverted_by(catalog: Catalog, edit_id: int) -> int | None:
    """The latest edit that undid this one, if any."""
    row = catalog.conn.execute("SELECT max(id) FROM edits WHERE reverts = ?", (edit_id,)).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
