"""The rated photos: each rated photo's search text beside its marks, in rating and capture
order (0019_rated_photos), so that a page of words beside a rating reads its photos' texts
side by side.

Curators narrow by rating first (the fours and fives of a day), and a few hundred rated photos
of a million lie one or two in a page of the catalog's file: testing each one's text for
``tank rating>=4`` read three scattered pages a photo (its row, its search key, the index's
stored text), some 2,300 pages for a first page of 200, where the text search ``tank`` reads
its matches from its index in capture order, a few hundred pages. A row here is (rating,
capture key, photo id, label, flag, the text's ``folds`` mark, the search text), so the
photos of a rating are walked in the page's order with all a filter of words, labels, flags
and places tests of them (``search.Rated``): 768 rated photos tested for 200 with "tank" are
some forty pages read in order. The text is the index's own (FTS5's content table), copied
for the rated photos alone: an archive rates some of its photos, not all (a million rated would
add about their text's size, 180 MB, to the catalog).

Kept current in two ways, whatever writes the photos: ``reindex_rated`` beside the search text
in the transaction of every change of it (``search.reindex_photos``: an edit, an undo, an
import, a reread, a recovery, a rebuild), and a trigger for a change of a mark or of the
capture date alone (the culling keys do not reindex the text). On PostgreSQL the table is made
and left empty, as ``search_keys`` is: a server's filters read the photos themselves.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from photoarchive.catalog.connection import chunked

TABLE = "rated_photos"

# The photo's marks and its text as the search index stores it (``search_keys.folds``, FTS5's
# content table: ``c0`` the text, ``id`` the search key); ``{p}`` is the photos row. The sort is
# the capture key as ``search.page_key`` writes it (a test holds a page's order equal to it).
_VALUES = "{p}.rating, coalesce({p}.captured_at, {p}.imported_at), {p}.id, {p}.label, {p}.flag, k.folds, f.c0"
_TEXT = "search_keys k JOIN photos_fts_content f ON f.id = k.key"
_ROWS = (
    f"SELECT {_VALUES.format(p='p')} FROM photos p JOIN search_keys k ON k.photo_id = p.id"
    " JOIN photos_fts_content f ON f.id = k.key WHERE p.rating IS NOT NULL"
)
_COLUMNS = "(rating, sort, photo_id, label, flag, folds, text)"

CREATE = (
    f"CREATE TABLE {TABLE} (rating INTEGER NOT NULL, sort TEXT NOT NULL, photo_id INTEGER NOT NULL,"
    " label TEXT NOT NULL, flag TEXT NOT NULL, folds INTEGER NOT NULL, text TEXT NOT NULL,"
    " PRIMARY KEY (rating, sort, photo_id)) WITHOUT ROWID",
    f"CREATE INDEX {TABLE}_photo ON {TABLE}(photo_id)",
    # A mark or the capture date changed without the text (a key pressed on a selection):
    # the photo's row again, from its text as indexed.
    f"CREATE TRIGGER {TABLE}_marks AFTER UPDATE OF rating, label, flag, captured_at, imported_at ON photos"
    f" BEGIN DELETE FROM {TABLE} WHERE photo_id = NEW.id;"
    f" INSERT INTO {TABLE} {_COLUMNS} SELECT {_VALUES.format(p='NEW')} FROM {_TEXT}"
    " WHERE k.photo_id = NEW.id AND NEW.rating IS NOT NULL;"
    " END",
)


def reindex_rated(conn: sqlite3.Connection, photo_ids: Sequence[int]) -> None:
    """Rebuild these photos' rows, after their search text (inside its transaction)."""
    for chunk in chunked(photo_ids):
        marks = ", ".join("?" * len(chunk))
        conn.execute(f"DELETE FROM {TABLE} WHERE photo_id IN ({marks})", chunk)
        conn.execute(f"INSERT INTO {TABLE} {_COLUMNS} {_ROWS} AND p.id IN ({marks})", chunk)


def reindex_all_rated(conn: sqlite3.Connection) -> None:
    """Every rated photo's row, the table emptied first (a migration, the whole index rebuilt)."""
    conn.execute(f"DELETE FROM {TABLE}")
    conn.execute(f"INSERT INTO {TABLE} {_COLUMNS} {_ROWS} ORDER BY 1, 2, 3")  # in the table's order: appended
