"""Full-text search over every text a photo carries, in any script.

``photos_fts`` holds one row per photo (rowid = photo id) with all its text joined. The
trigram tokenizer matches substrings of three or more characters in Latin, Cyrillic or
Japanese alike; shorter terms (a two-character Japanese word such as 戦車) fall back to
LIKE over the same table, which is still one pass over an index-sized table.

Other parts of the catalog add their text by appending a SQL expression to ``TEXT_SOURCES``:
each is a scalar subquery over photo ``p`` that returns text (or NULL).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from photoarchive.catalog.connection import chunked

# Each entry is a SQL expression over the photos row aliased ``p``.
TEXT_SOURCES: list[str] = [
    "p.original_name",
    "p.source_path",
    "p.camera_make",
    "p.camera_model",
    # Curated fields (0002_curated_fields).
    "p.title",
    "p.headline",
    "p.caption",
    "p.alt_text",
    "p.caption_writer",
    "p.creator",
    "p.creator_job_title",
    "p.credit",
    "p.source",
    "p.copyright",
    "p.usage_terms",
    "p.web_statement",
    "p.instructions",
    "p.date_created",
    "p.event",
    "p.event_date",
    "p.sublocation",
    "p.city",
    "p.state",
    "p.country",
    "p.country_code",
    "p.job_id",
    "(SELECT group_concat(value, ' ') FROM json_each(p.keywords))",
    "(SELECT group_concat(value, ' ') FROM json_each(p.hierarchical_keywords))",
    # Names in every language of the photo's place and of the places containing it, so that
    # "Шумшу" finds a photo of Height 171 on Shumshu (0004_places; catalog/places.py).
    "(WITH RECURSIVE up(id, depth) AS (SELECT p.place_id, 0 UNION ALL SELECT pl.parent_id, up.depth + 1"
    " FROM places pl JOIN up ON pl.id = up.id WHERE pl.parent_id IS NOT NULL AND up.depth < 64)"
    " SELECT group_concat(t, ' ') FROM (SELECT pl.name AS t FROM places pl JOIN up ON pl.id = up.id"
    " UNION ALL SELECT n.name FROM place_names n JOIN up ON n.place_id = up.id))",
    # Descriptive values found in the file on import (caption, keywords, credits...).
    "(SELECT group_concat(value, ' ') FROM json_tree(p.embedded) WHERE type = 'text')",
]


def reindex_photos(conn: sqlite3.Connection, photo_ids: Sequence[int]) -> None:
    """Rebuild the search text of these photos (call inside the transaction that changed them)."""
    text = " || ' ' || ".join(f"coalesce({source}, '')" for source in TEXT_SOURCES)
    for chunk in chunked(photo_ids):
        marks = ", ".join("?" * len(chunk))
        conn.execute(f"DELETE FROM photos_fts WHERE rowid IN ({marks})", chunk)
        conn.execute(
            f"INSERT INTO photos_fts (rowid, text) SELECT p.id, {text} FROM photos p WHERE p.id IN ({marks})", chunk
        )


def reindex_all(conn: sqlite3.Connection) -> None:
    ids = [row[0] for row in conn.execute("SELECT id FROM photos")]
    conn.execute("DELETE FROM photos_fts")
    reindex_photos(conn, ids)


def _signature() -> str:
    return hashlib.sha256("\n".join(TEXT_SOURCES).encode()).hexdigest()


def index_is_current(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM settings WHERE key = 'search_signature'").fetchone()
    return row is not None and row[0] == _signature()


def ensure_index_current(conn: sqlite3.Connection) -> bool:
    """Rebuild the whole index if it was built from other TEXT_SOURCES (a new version added a
    field to search); return whether it did. Call inside a write transaction."""
    row = conn.execute("SELECT value FROM settings WHERE key = 'search_signature'").fetchone()
    signature = _signature()
    if row is not None and row[0] == signature:
        return False
    reindex_all(conn)
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('search_signature', ?)", (signature,))
    return True


def match_clause(query: str) -> tuple[str, list[str]]:
    """A WHERE clause over photos_fts for a query: every whitespace-separated term must occur.

    The clause has the same size for any number of terms (a pasted page of a thousand words
    is a search like any other): the long terms are one FTS5 expression (an implicit AND of
    phrases), the short ones one LIKE over a JSON list of patterns, not one LIKE each (SQLite
    refuses an expression of a thousand ANDs: "Expression tree is too large"). A term given
    twice counts once.
    """
    terms = list(dict.fromkeys(query.split()))
    long_terms = ['"' + t.replace('"', '""') + '"' for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    clauses, params = [], []
    if long_terms:
        clauses.append("photos_fts MATCH ?")
        params.append(" ".join(long_terms))
    if short_terms:
        clauses.append("NOT EXISTS (SELECT 1 FROM json_each(?) AS term WHERE text NOT LIKE term.value ESCAPE '\\')")
        patterns = ["%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for t in short_terms]
        params.append(json.dumps(patterns, ensure_ascii=False))
    return " AND ".join(clauses) or "1", params


# -- pages of results -----------------------------------------------------------------------
#
# A window over a million photos shows its first screen from a query that stops after one
# page: the rows are read in the order of the sort key by walking that key's index (0007_sort_
# indexes), and the next page starts after the last key seen (keyset paging: no OFFSET, so a
# page deep in the list costs what the first does). How many there are is counted apart.

# order -> (sort key over photo ``p`` without the id, the index walking it); the id breaks ties.
# The same keys as ``catalog.SORT_ORDERS``, so pages and a full listing agree row for row.
PAGE_ORDERS: dict[str, tuple[str | None, str | None]] = {
    "captured": ("coalesce(p.captured_at, p.imported_at)", "photos_sort_captured"),
    "imported": (None, None),
    "name": ("p.original_name COLLATE NOCASE", "photos_sort_name"),
}
# A search with at least this many matches per row of the page is read by walking the sort
# index (the matches are common, so a page comes after a short walk); a rarer one by sorting
# its matches, which are then few.
DENSE_FACTOR = 20

Key = tuple[object, ...]


@dataclass(frozen=True)
class Page:
    """Ids in order, and where the next page starts (None when this page ends the list)."""

    ids: list[int]
    after: Key | None


def photo_page(
    conn: sqlite3.Connection,
    *,
    search: str = "",
    order: str = "captured",
    batch: int | None = None,
    after: Key | None = None,
    limit: int | None = 1000,
) -> Page:
    """Up to ``limit`` ids of the photos matching ``search`` (and in ``batch``), in ``order``,
    starting after the keyset position ``after`` (a previous page's ``after``); ``limit=None``
    reads to the end. Costs about one page of index rows however big the catalog is."""
    if order not in PAGE_ORDERS:
        raise ValueError(f"unknown sort order {order!r}")
    key = PAGE_ORDERS[order][0]
    columns = "p.id" if key is None or limit is None else f"p.id, {key}"  # read to the end: no next key
    sql, params = _page_query(conn, search, order, batch, after, limit, columns)
    if limit is None:  # a million ids: one int each, not a row tuple with its key
        return Page([r[0] for r in conn.execute(sql, params)], None)
    rows = conn.execute(sql, params).fetchall()
    ids = [int(r[0]) for r in rows]
    last: Key | None = None
    if rows and len(rows) == limit:
        last = (rows[-1][0],) if key is None else (rows[-1][1], rows[-1][0])
    return Page(ids, last)


def photo_rows(
    conn: sqlite3.Connection,
    *,
    search: str = "",
    order: str = "captured",
    batch: int | None = None,
    after: Key | None = None,
    limit: int | None = None,
    columns: str = "p.*",
) -> sqlite3.Cursor:
    """The query of ``photo_page`` giving ``columns`` of each photo ``p`` instead of its id, as a
    cursor: the rows are read as they are fetched, so a listing to the end holds no list of every
    match and reads each row once (not its id, then the row by id)."""
    if order not in PAGE_ORDERS:
        raise ValueError(f"unknown sort order {order!r}")
    return conn.execute(*_page_query(conn, search, order, batch, after, limit, columns))


def _page_query(
    conn: sqlite3.Connection,
    search: str,
    order: str,
    batch: int | None,
    after: Key | None,
    limit: int | None,
    columns: str,
) -> tuple[str, list[object]]:
    """The SQL and parameters of a page (``photo_page``, ``photo_rows``)."""
    key, index = PAGE_ORDERS[order]
    where, params = photo_filters(search, batch)
    if after is not None:
        if key is None:
            where.append("p.id > ?")
            params.append(after[-1])
        else:  # (key, id) > after, written so that the index's range on the key is used
            where.append(f"{key} >= ? AND ({key} > ? OR p.id > ?)")
            params.extend([after[0], after[0], after[-1]])
    walk = ""
    if search.strip() and limit is not None and _dense(conn, search, limit):
        walk = f" INDEXED BY {index}" if index is not None else ""
        if all(len(term) < 3 for term in search.split()):
            # Only LIKE terms: each row walked is tested by its id, rather than testing every
            # row of the catalog up front to build the list of matches.
            clause = match_clause(search)[0]
            position = where.index("p.id IN (SELECT rowid FROM photos_fts WHERE " + clause + ")")
            where[position] = f"EXISTS (SELECT 1 FROM photos_fts WHERE photos_fts.rowid = p.id AND {clause})"
    sql = f"SELECT {columns} FROM photos p{walk} WHERE {' AND '.join(where)} ORDER BY {key + ', ' if key else ''}p.id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return sql, params


def count_photos_matching(conn: sqlite3.Connection, *, search: str = "", batch: int | None = None) -> int:
    """How many photos match ``search`` (and are in ``batch``): the count a page leaves out."""
    where, params = photo_filters(search, batch)
    return int(conn.execute(f"SELECT count(*) FROM photos p WHERE {' AND '.join(where)}", params).fetchone()[0])


def photo_filters(search: str, batch: int | None) -> tuple[list[str], list[object]]:
    """The WHERE terms (over ``photos p``) and their parameters for a text search and a batch."""
    where: list[str] = ["1"]
    params: list[object] = []
    if search.strip():
        clause, clause_params = match_clause(search)
        where.append(f"p.id IN (SELECT rowid FROM photos_fts WHERE {clause})")
        params.extend(clause_params)
    if batch is not None:
        where.append("p.batch_id = ?")
        params.append(batch)
    return where, params


def _dense(conn: sqlite3.Connection, search: str, limit: int) -> bool:
    """Whether at least one photo in ``DENSE_FACTOR`` matches, judged on the first
    ``limit * DENSE_FACTOR`` photos (so the test costs a page's worth of rows, not the catalog)."""
    sample = limit * DENSE_FACTOR
    bound = conn.execute("SELECT id FROM photos ORDER BY id LIMIT 1 OFFSET ?", (sample - 1,)).fetchone()
    clause, params = match_clause(search)
    where = clause if bound is None else f"{clause} AND rowid <= {int(bound[0])}"
    sql = f"SELECT count(*) FROM (SELECT rowid FROM photos_fts WHERE {where} LIMIT {int(limit)})"
    return int(conn.execute(sql, params).fetchone()[0]) >= limit
