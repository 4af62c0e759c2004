"""Full-text search on a catalog on a PostgreSQL server (``catalog.search`` for SQLite).

``photos_fts`` holds one row per photo: ``text``, all its searched text joined (``search.SOURCES``
in PostgreSQL's SQL), under a trigram GIN index (pg_trgm), and ``capture_key``, its
``coalesce(captured_at, imported_at)``, under a btree on ``(capture_key, photo_id)``. Each term
of a search is ``text ILIKE '%term%'``: the trigram index answers terms of three characters or
more, and rechecks its candidates itself; a shorter term (戦車) is checked row by row, as
SQLite's LIKE fallback does. A page of a search in capture order is read in the btree's order
and stops after a page (a common term), or from the trigram index's matches sorted (a rare
one): the planner chooses, so no search keys are needed (``search_keys`` stays empty).

Case: the text column has the database's own collation and character type (a UTF-8 one: the
connection refuses ``C``), in which ``ILIKE`` ignores the case of every letter, Cyrillic and
Greek too (ТАНК finds танк). SQLite's ignores the case of A-Z in a term of one or two
characters, and its trigram index that of every letter it folds: on a server, a short term in
Cyrillic ignores case too.

``catalog.search`` calls these for a server's connection: its public functions take the same
arguments on both and return the same shapes (a page's ``after`` is ``(capture text, id)`` in
capture order, as on SQLite).
"""

from __future__ import annotations

from collections.abc import Sequence

from photoarchive.catalog.connection import Connection, chunked

# A page's keyset position (``search.Key``, as ``catalog.search`` states it: this module does
# not import it, it is imported by it).
Key = tuple[object, ...]

_CAPTURE_KEY = "coalesce(p.captured_at, p.imported_at)"


def reindex_photos(conn: Connection, photo_ids: Sequence[int], text: str) -> None:
    """Rebuild the search text (``text``: ``search.search_text``) and capture key of these
    photos, in the caller's transaction; a row whose text and key did not change is left as it
    is (no index entries rewritten)."""
    for chunk in chunked(photo_ids):
        marks = ", ".join("?" * len(chunk))
        conn.execute(
            f"INSERT INTO photos_fts (photo_id, capture_key, text) SELECT p.id, {_CAPTURE_KEY}, {text}"
            f" FROM photos p WHERE p.id IN ({marks})"
            " ON CONFLICT (photo_id) DO UPDATE SET capture_key = excluded.capture_key, text = excluded.text"
            " WHERE photos_fts.capture_key IS DISTINCT FROM excluded.capture_key"
            " OR photos_fts.text IS DISTINCT FROM excluded.text",
            chunk,
        )


def reindex_all(conn: Connection, text: str) -> None:
    """Every photo's search text made anew (in the caller's transaction)."""
    conn.execute("TRUNCATE photos_fts")
    conn.execute(
        f"INSERT INTO photos_fts (photo_id, capture_key, text) SELECT p.id, {_CAPTURE_KEY}, {text} FROM photos p"
    )


def escape_like(term: str) -> str:
    """``%term%`` for LIKE with ``\\`` as its escape: ``%``, ``_`` and ``\\`` in ``term`` match themselves."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def match_clause(query: str, alias: str = "t") -> tuple[str, list[str]]:
    """A WHERE clause over ``photos_fts`` (aliased ``alias``): every whitespace-separated term of
    ``query`` occurs in the text, in any case. A term given twice counts once; a thousand terms
    are a thousand ANDed ILIKEs (PostgreSQL has no limit on an expression's depth near that)."""
    terms = list(dict.fromkeys(query.split()))
    clauses = [f"{alias}.text ILIKE ? ESCAPE '\\'" for _ in terms]
    return " AND ".join(clauses) or "TRUE", [escape_like(term) for term in terms]


def search_filter(search: str) -> tuple[str, list[str]]:
    """The WHERE term over ``photos p`` of the photos whose text holds every term of ``search``
    (``search.photo_filters`` on a server), and its parameters."""
    clause, params = match_clause(search)
    return f"p.id IN (SELECT t.photo_id FROM photos_fts t WHERE {clause})", params


def page_query(
    search: str,
    order: str,
    key: str | None,
    after: Key | None,
    limit: int | None,
    columns: str,
    filters: tuple[list[str], list[object]],
) -> tuple[str, list[object]]:
    """The SQL and parameters of a page (``search.photo_page``, ``search.photo_rows``), ``filters``
    the page's other WHERE terms (``search.photo_filters`` with no search: batch and terms), ``key``
    the sort key of ``order`` (``search.page_key``).

    A search in capture order joins the search table and reads it in its ``(capture_key,
    photo_id)`` order, the keyset condition on that pair: the planner walks the btree and stops
    after a page when the terms are common, or sorts the trigram index's few matches when they
    are rare. Other pages walk the sort key's index on ``photos`` (0007_sort_indexes)."""
    where, params = list(filters[0]), list(filters[1])
    if order == "captured" and search.strip():
        clause, clause_params = match_clause(search)
        where.append(clause)
        params.extend(clause_params)
        if after is not None:
            where.append("(t.capture_key, t.photo_id) > (?, ?)")
            params.extend([after[0], after[-1]])
        sql = (
            f"SELECT {columns} FROM photos_fts t JOIN photos p ON p.id = t.photo_id"
            f" WHERE {' AND '.join(where)} ORDER BY t.capture_key, t.photo_id"
        )
    else:
        if search.strip():
            clause, clause_params = search_filter(search)
            where.append(clause)
            params.extend(clause_params)
        if after is not None:
            if key is None:
                where.append("p.id > ?")
                params.append(after[-1])
            else:
                where.append(f"({key}, p.id) > (?, ?)")
                params.extend([after[0], after[-1]])
        sql = f"SELECT {columns} FROM photos p WHERE {' AND '.join(where)} ORDER BY {key + ', ' if key else ''}p.id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return sql, params
