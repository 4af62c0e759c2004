"""The keyword index: each photo's keywords as the filters read them, one row a word, in capture
order (0018_keyword_index), as digiKam's and Lightroom's catalogs keep a table of keywords.

``keyword:K`` holds a photo one of whose keywords is K whatever its case, or one of whose
hierarchical keywords holds K as one or more whole levels ("Weapons|Tanks|T-34" holds
``keyword:tanks`` and ``keyword:weapons|tanks``). The photo's words (``words_of``) are the
casefolds of its keywords and of every run of levels of its hierarchical keywords, read from
the JSON as SQLite's ``json_each`` reads it. A row is (word, the photo's capture key, photo id),
so a page of a keyword in capture order is a walk of its rows from the first (``search.Listed``:
a page of keyword:туман, 118,000 photos of a million, reads 200 rows, where testing the
keywords of each photo along the capture index read 1,700 of them).

Rebuilt with the search text, in the transaction of every change (``search.reindex_photos``),
so that it is current whenever the text is. On PostgreSQL the table is made and left empty,
as ``search_keys`` is: a server's filters test the JSON themselves.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence

from photoarchive.catalog.connection import chunked

TABLE = "keyword_index"


def words_of(keywords: str | None, hierarchical: str | None) -> set[str]:
    """The words ``keyword:`` finds a photo by (module doc), from its two JSON columns."""
    words: set[str] = set()
    for value in _texts(keywords):
        words.add(value.casefold())
    for value in _texts(hierarchical):
        levels = value.casefold().split("|")
        for first in range(len(levels)):
            for last in range(first + 1, len(levels) + 1):
                words.add("|".join(levels[first:last]))
    return words


def _texts(text: str | None) -> Iterator[str]:
    """The texts ``json_each`` gives of a JSON column: a list's or an object's values, a text
    alone; none of a text that is not JSON."""
    if not text or text in ("[]", "{}"):
        return
    try:
        values = json.loads(text)
    except ValueError:
        return
    if isinstance(values, dict):
        values = list(values.values())
    elif not isinstance(values, list):
        values = [values]
    yield from (value for value in values if isinstance(value, str))


# A photo's capture key, as ``search.page_key`` writes it for the capture order (a test holds
# them equal: this module is below the search module, which imports it).
SORT = "coalesce(captured_at, imported_at)"


def _rows(conn: sqlite3.Connection, where: str, params: Sequence[object]) -> Iterator[tuple[str, str, int]]:
    """(word, capture key, photo id) of the photos ``where``."""
    photos = conn.execute(f"SELECT id, {SORT}, keywords, hierarchical_keywords FROM photos WHERE {where}", params)
    for photo_id, sort, keywords, levels in photos:
        for word in words_of(keywords, levels):
            yield word, sort, photo_id


def reindex_keywords(conn: sqlite3.Connection, photo_ids: Sequence[int]) -> None:
    """Rebuild these photos' rows (inside the transaction that changed them)."""
    for chunk in chunked(photo_ids):
        marks = ", ".join("?" * len(chunk))
        conn.execute(f"DELETE FROM {TABLE} WHERE photo_id IN ({marks})", chunk)
        rows = list(_rows(conn, f"id IN ({marks})", chunk))  # read whole before the table is written
        conn.executemany(f"INSERT OR IGNORE INTO {TABLE} (word, sort, photo_id) VALUES (?, ?, ?)", rows)


def reindex_all_keywords(conn: sqlite3.Connection) -> None:
    """Every photo's rows, the table emptied first (the whole index rebuilt, a migration)."""
    conn.execute(f"DELETE FROM {TABLE}")
    conn.executemany(f"INSERT OR IGNORE INTO {TABLE} (word, sort, photo_id) VALUES (?, ?, ?)", _rows(conn, "TRUE", ()))
