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
