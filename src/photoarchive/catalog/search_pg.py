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
        keyset, keyset_params = (
            ("TRUE", []) if after is None else ("(t.capture_key, t.photo_id) > (?, ?)", [after[0], after[-1]])
        )
        if limit is not None:
            # the photos' own columns are read only to filter them ("TRUE": no filter)
            joined = any(term != "TRUE" for term in filters[0])
            return _dense_or_sorted(" AND ".join(where), params, keyset, keyset_params, limit, columns, join=joined)
        where.append(keyset)
        params.extend(keyset_params)
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


# A page of a search in capture order is read from a prefix of the capture-order btree when the
# term is common there: first ``limit * DENSE_FACTOR`` photos (SQLite's test of a dense search,
# ``search.DENSE_FACTOR``), then, when at least ``limit / SPARSE_DIVISOR`` of them matched (a
# term in one photo of 200 or more), ``SPARSE_DIVISOR`` times as many.
DENSE_FACTOR = 20
SPARSE_DIVISOR = 10


def _dense_or_sorted(
    where: str, params: list[object], keyset: str, keyset_params: list[object], limit: int, columns: str, *, join: bool
) -> tuple[str, list[object]]:
    """A page of a search in capture order (``where`` over ``photos_fts t``, and over ``photos p``
    when ``join``; after ``keyset``) that never walks the whole btree for a term common in the
    catalog but absent from the start of capture order (plan risk R3, measured at 1,000,000
    photos: "IMG_099", the 1 % of the photos shot last, made the planner walk 987,540 rows of the
    btree, 3.9 s: it takes matches to be spread evenly).

    ``head`` reads the btree's next ``limit * DENSE_FACTOR`` rows and keeps their first page of
    matches: a full page there is the page (a dense term: the rows up to the page's last
    match are read, as the planner's walk reads them). When a tenth of a page matched there, a
    walk ten times as long (``walk``, 1 % of the photos matching read as the planner would).
    Otherwise, or when the walk came short, the page is the first of every match sorted (the
    trigram index finds them; ordering by an expression keeps the btree out of it), as SQLite
    reads a rare term. Each part runs only when the one before it did not give the page (the
    last one's condition stands outside its LIMIT, so that the server does not start the
    parallel workers of a sort it will not run: 10 ms a page when it did)."""
    limit = int(limit)
    head_rows = limit * DENSE_FACTOR
    walk_rows = head_rows * SPARSE_DIVISOR
    enough_in_head = max(1, limit // SPARSE_DIVISOR)
    photos = " JOIN photos p ON p.id = t.photo_id" if join else ""

    def prefix(rows: int, only_if: str = "TRUE") -> str:
        return (
            " SELECT t.photo_id, t.capture_key FROM ("
            f"  SELECT t.photo_id, t.capture_key, t.text FROM photos_fts t WHERE {only_if} AND {keyset}"
            f"  ORDER BY t.capture_key, t.photo_id LIMIT {rows}"
            f" ) t{photos} WHERE {where} ORDER BY t.capture_key, t.photo_id LIMIT {limit}"
        )

    head_count, walk_count = "(SELECT count(*) FROM head)", "(SELECT count(*) FROM walk)"
    sql = (
        f"WITH head AS MATERIALIZED ({prefix(head_rows)}),"
        f" walk AS MATERIALIZED ({prefix(walk_rows, f'{head_count} BETWEEN {enough_in_head} AND {limit - 1}')}),"
        " found AS ("
        f" SELECT photo_id, capture_key FROM head WHERE {head_count} >= {limit}"
        " UNION ALL"
        f" SELECT photo_id, capture_key FROM walk WHERE {walk_count} >= {limit}"
        " UNION ALL"
        " SELECT photo_id, capture_key FROM ("
        f"  SELECT t.photo_id, t.capture_key FROM photos_fts t{photos} WHERE {where} AND {keyset}"
        f"  ORDER BY t.capture_key || '', t.photo_id LIMIT {limit}"
        f" ) sorted WHERE {head_count} < {limit} AND {walk_count} < {limit}"
        ")"
        f" SELECT {columns} FROM found t JOIN photos p ON p.id = t.photo_id"
        f" ORDER BY t.capture_key, t.photo_id LIMIT {limit}"
    )
    return sql, [*keyset_params, *params, *keyset_params, *params, *params, *keyset_params]
