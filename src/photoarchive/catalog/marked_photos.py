"""The marked photos: the search text of each photo with a rating, a colour label or a pick,
beside its marks, a row a mark, in mark and capture order (0019_marked_photos), so that a page
of words beside a mark reads its photos' texts side by side.

Curators narrow by their marks first (the fours and fives of a day, the red ones, the picks),
and a mark's photos lie scattered through the catalog's file: testing each one's text for
``tank rating>=4`` read three scattered pages a photo (its row, its search key, the index's
stored text), some 2,300 pages for a first page of 200, where the text search ``tank`` reads
its matches from its index in capture order, a few hundred pages. A row here is (mark, capture
key, photo id, label, flag, the text's ``folds`` mark, the search text, the place; the place
since 0020_marked_places), the mark one of
``rating:N``, ``label:COLOUR`` and ``flag:pick``, so the photos of a mark are walked in the
page's order with all a filter of words, labels, flags and places tests of them
(``search.Marked``): 768 photos rated 4 or 5 tested for 200 with "tank" are some forty pages
read in order.

The text is the index's own (FTS5's content table), copied once a mark: an archive marks some
of its photos, not all (a fifth of a million photos labelled red: 34 MB beside the catalog's
2.3 GB). Rejects have no rows: they are most frames of a culled day, and are left out
(Hide rejects) rather than searched; ``flag:reject`` reads the photos as before.

Kept current in two ways, whatever writes the photos: ``reindex_marked`` beside the search
text in the transaction of every change of it (``search.reindex_photos``: an edit, an undo, an
import, a reread, a recovery, a rebuild), and a trigger for a change of a mark, of the
capture date or of the place alone, whatever writes it (the culling keys do not reindex the
text; a plain UPDATE does not either). On PostgreSQL the table is made
and left empty, as ``search_keys`` is: a server's filters read the photos themselves.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from photoarchive.catalog.connection import chunked

TABLE = "marked_photos"


def literal(text: str) -> str:
    """A text as a SQL literal (a mark, ``'rating:4'``, written into a page's walk of its rows)."""
    return "'" + text.replace("'", "''") + "'"


# The marks of photo ``{p}``, a row each (NULL for a mark it lacks).
_MARKS = (
    "json_each(json_array(CASE WHEN {p}.rating IS NOT NULL THEN 'rating:' || {p}.rating END,"
    " CASE WHEN {p}.label <> '' THEN 'label:' || {p}.label END, CASE WHEN {p}.flag = 'pick' THEN 'flag:pick' END)) m"
)
# The photo's marks and its text as the search index stores it (``search_keys.folds``, FTS5's
# content table: ``c0`` the text, ``id`` the search key). The sort is the capture key as
# ``search.page_key`` writes it (a test holds a page's order equal to it).
_VALUES = (
    "m.value, coalesce({p}.captured_at, {p}.imported_at), {p}.id, {p}.label, {p}.flag, k.folds, f.c0, {p}.place_id"
)
_TEXT = "search_keys k JOIN photos_fts_content f ON f.id = k.key"
_ROWS = (
    f"SELECT {_VALUES.format(p='p')} FROM {_TEXT} JOIN photos p ON p.id = k.photo_id JOIN {_MARKS.format(p='p')}"
    " WHERE m.value IS NOT NULL"
)
_COLUMNS = "(mark, sort, photo_id, label, flag, folds, text, place_id)"

CREATE = (
    f"CREATE TABLE {TABLE} (mark TEXT NOT NULL, sort TEXT NOT NULL, photo_id INTEGER NOT NULL,"
    " label TEXT NOT NULL, flag TEXT NOT NULL, folds INTEGER NOT NULL, text TEXT NOT NULL, place_id INTEGER,"
    " PRIMARY KEY (mark, sort, photo_id)) WITHOUT ROWID",
    f"CREATE INDEX {TABLE}_photo ON {TABLE}(photo_id)",
    # A mark, the capture date or the place changed without the text (a key pressed on a
    # selection): the photo's rows again, from its text as indexed. It reads search_keys and FTS5's
    # content table: a migration that drops or renames either drops it and makes it again.
    f"CREATE TRIGGER {TABLE}_marks AFTER UPDATE OF rating, label, flag, captured_at, imported_at, place_id ON photos"
    f" BEGIN DELETE FROM {TABLE} WHERE photo_id = NEW.id;"
    f" INSERT INTO {TABLE} {_COLUMNS} SELECT {_VALUES.format(p='NEW')} FROM {_TEXT} JOIN {_MARKS.format(p='NEW')}"
    " WHERE k.photo_id = NEW.id AND m.value IS NOT NULL;"
    " END",
)


def reindex_marked(conn: sqlite3.Connection, photo_ids: Sequence[int]) -> None:
    """Rebuild these photos' rows, after their search text (inside its transaction)."""
    for chunk in chunked(photo_ids):
        marks = ", ".join("?" * len(chunk))
        conn.execute(f"DELETE FROM {TABLE} WHERE photo_id IN ({marks})", chunk)
        conn.execute(f"INSERT INTO {TABLE} {_COLUMNS} {_ROWS} AND p.id IN ({marks})", chunk)


def reindex_all_marked(conn: sqlite3.Connection) -> None:
    """Every marked photo's rows, the table emptied first (a migration, the whole index rebuilt)."""
    conn.execute(f"DELETE FROM {TABLE}")
    conn.execute(f"INSERT INTO {TABLE} {_COLUMNS} {_ROWS} ORDER BY 1, 2, 3")  # in the table's order: appended
