"""A search's page in capture order on a PostgreSQL server (``search_pg._dense_or_sorted``): the
same photos as every match sorted, and no walk of the whole capture-order btree for a term that
is common in the catalog but absent from the start of capture order (plan risk R3: at 1,000,000
photos such a term took 3.9 s, the planner walking 987,540 rows).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.connection import server_connection, transaction
from photoarchive.catalog.search import photo_page, reindex_all
from photoarchive.catalog.search_pg import DENSE_FACTOR

pytestmark = pytest.mark.postgresql

COUNT = 20_000
LATE = 1_000  # the last photos in capture order, the only ones holding "zeppelin"
PAGE = 10


@pytest.fixture
def server_catalog(tmp_path: Path, pg_url: str) -> Iterator[Catalog]:
    """20,000 photos, one a minute: all hold "tank", one in 100 "bunker" (spread evenly), the
    last 1,000 "zeppelin"; half in a second batch; analysed as autovacuum would."""
    with Catalog(tmp_path / "archive", url=pg_url) as catalog:
        first, second = catalog.start_batch(["/a"]), catalog.start_batch(["/b"])
        with transaction(catalog.conn):
            catalog.conn.execute(
                "INSERT INTO photos (sha256, original_path, original_name, source_path, size, format, captured_at, batch_id,"
                " imported_at, caption)"
                " SELECT md5(i::text) || md5(i::text), 'p/' || i, 'IMG_' || i || '.JPG', '/a/' || i, 1, 'JPEG',"
                "  to_char(timestamp '2000-01-01' + i * interval '1 minute', 'YYYY-MM-DD\"T\"HH24:MI:SS'),"
                "  CASE WHEN i % 2 = 0 THEN ? ELSE ? END, '2026-01-01T00:00:00+00:00',"
                "  'tank' || CASE WHEN i % 100 = 7 THEN ' bunker' ELSE '' END"
                "  || CASE WHEN i > ? THEN ' zeppelin' ELSE '' END"
                " FROM generate_series(1, ?) AS i",
                (first, second, COUNT - LATE, COUNT),
            )
            reindex_all(catalog.conn)
        catalog.conn.execute("ANALYZE photos")
        catalog.conn.execute("ANALYZE photos_fts")
        yield catalog


def every_match(catalog: Catalog, term: str, batch: int | None = None) -> list[int]:
    in_batch, params = ("", [f"%{term}%"]) if batch is None else (" AND p.batch_id = ?", [f"%{term}%", batch])
    rows = catalog.conn.execute(
        "SELECT t.photo_id FROM photos_fts t JOIN photos p ON p.id = t.photo_id"
        f" WHERE t.text ILIKE ?{in_batch} ORDER BY t.capture_key, t.photo_id",
        params,
    ).fetchall()
    return [row[0] for row in rows]


def pages(catalog: Catalog, term: str, batch: int | None = None, count: int = 4) -> list[int]:
    ids: list[int] = []
    after = None
    for _ in range(count):
        page = photo_page(catalog.conn, search=term, batch=batch, after=after, limit=PAGE)
        ids += page.ids
        if page.after is None:
            break
        after = page.after
    return ids


def test_pages_are_the_first_of_every_match_in_capture_order(server_catalog: Catalog) -> None:
    # "tank": a page from the head of the btree; "bunker" (1 %): from the longer walk;
    # "zeppelin": every match sorted; and a term nothing holds
    for term in ("tank", "bunker", "zeppelin", "nothing-here"):
        assert pages(server_catalog, term) == every_match(server_catalog, term)[: 4 * PAGE], term
    # with a batch: the photos joined to the search table, filtered
    batch = int(server_catalog.conn.execute("SELECT max(id) FROM import_batches").fetchone()[0])
    for term in ("tank", "bunker", "zeppelin"):
        expected = every_match(server_catalog, term, batch)[: 4 * PAGE]
        assert expected, term  # the batch holds photos of each term
        assert pages(server_catalog, term, batch) == expected, term


def btree_rows(plan: dict[str, Any]) -> int:
    """Rows read from the capture-order btree by the plan's index scans, kept or filtered out."""
    own = 0
    if plan.get("Node Type") in ("Index Scan", "Index Only Scan") and plan.get("Index Name") == "photos_fts_capture":
        own = int(plan.get("Actual Rows", 0)) + int(plan.get("Rows Removed by Filter", 0))
    return own + sum(btree_rows(child) for child in plan.get("Plans", []))


def test_a_term_only_in_the_last_photos_does_not_walk_the_btree(server_catalog: Catalog) -> None:
    conn = server_catalog.conn
    raw = server_connection(conn).raw  # the query photo_page sends, captured
    sent: list[tuple[str, Any]] = []
    execute = raw.execute

    def capture(query: Any, params: Any = None, **kwargs: Any) -> Any:
        sent.append((str(query), params))
        return execute(query, params, **kwargs)

    raw.execute = capture
    try:
        page = photo_page(conn, search="zeppelin", limit=PAGE)
    finally:
        raw.execute = execute
    assert page.ids == every_match(server_catalog, "zeppelin")[:PAGE]
    query, params = next((q, p) for q, p in sent if "photos_fts" in q)
    plan = raw.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query, params).fetchone()[0]  # parsed by psycopg
    read = btree_rows(plan[0]["Plan"])
    # a prefix of a page's worth times DENSE_FACTOR at most; the planner alone walked 19,000 rows
    assert read <= PAGE * DENSE_FACTOR, f"{read} rows of the capture-order btree read for one page"
