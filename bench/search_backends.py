#!/usr/bin/env python3
"""Search benchmark (issue 15): a text search's first page on a PostgreSQL server against SQLite.

Builds the same catalog of N photos (100,000 by default) twice, as an SQLite file and in a new
database on the server of ``$PHOTOARCHIVE_TEST_PG`` (``.ci/start-postgres``): rows inserted in
bulk, the search text built by the catalog's own ``reindex_all``, then on the server an
``ANALYZE`` (what autovacuum does after a bulk load; the planner's choice between the capture
order's btree and the trigram index depends on it). Captions draw 4 words of 24 (Latin,
Cyrillic, Japanese), so each word is in about one photo of six; a few rare words are added at
1 %, 0.1 % and 0.01 % of the photos (plan R3: a mid-rare term could pick the wrong plan).

Measured in this process, rounds alternating between the two backends so both share the load:
each search's first page as the grid and ``list`` read it (``Catalog.photo_pages``, 100
photos, capture order) and the next page from its ``after`` (``search.photo_page``, keyset).
Prints best and median per search and backend, the ratio of the server's best to SQLite's,
``RESULT search_first_page_pg_over_sqlite R`` (the slowest search's ratio) and the load average.

Run: ``eval "$(.ci/start-postgres)"; python bench/search_backends.py [--photos N] [--rounds R]``.
The server is the throw-away one (fsync off); machines are shared: compare ratios.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "src"))

from photoarchive.catalog import Catalog  # noqa: E402 - after the path to the checkout's sources
from photoarchive.catalog.location import remember  # noqa: E402
from photoarchive.catalog.search import ensure_index_current, photo_page, reindex_all  # noqa: E402

WORDS = [
    "tank", "wreck", "beach", "fog", "trench", "memorial", "Height 171", "Cape Kokutan", "landing",
    "танк", "дот", "высота", "туман", "берег", "траншея", "экспедиция", "Кокутан",
    "戦車", "霧", "海岸", "占守島", "竹田浜", "慰霊碑", "調査",
]  # fmt: skip
# (word, one photo in how many): rare words beside the common ones
RARE = [("bunker", 100), ("Шумшу", 1_000), ("四嶺山", 10_000)]
SEARCHES = ["tank", "ТАНК", "Кокутан", "竹田浜", "霧", "beach fog", "bunker", "шумшу", "四嶺山", "nothing-here"]
DATABASE = "photoarchive_bench_search"


def rows(count: int, batch: int) -> Iterator[tuple[object, ...]]:
    rnd = random.Random(1945)
    for i in range(count):
        year = 1940 + i * 80 // count
        day = rnd.randrange(365)
        captured = f"{year}-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}T{i // 60 % 24:02d}:{i % 60:02d}:00"
        words = rnd.sample(WORDS, 4) + [word for word, every in RARE if rnd.randrange(every) == 0]
        yield (
            hashlib.sha256(str(i).encode()).hexdigest(),
            f"{year}/IMG_{i:07d}.JPG",
            f"IMG_{i:07d}.JPG",
            f"/bench/IMG_{i:07d}.JPG",
            3_000_000,
            "JPEG",
            captured,
            batch,
            "2026-01-01T00:00:00+00:00",
            f"Photo {i}: " + " ".join(words),
            json.dumps(rnd.sample(WORDS[:17], 2), ensure_ascii=False),
        )


def build(root: Path, count: int) -> float:
    """Fill the (new, empty) catalog of the archive ``root``; the seconds it took."""
    started = time.perf_counter()
    with Catalog(root) as catalog:
        batch = catalog.start_batch(["/bench"])
        conn = catalog.conn
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO photos (sha256, original_path, original_name, source_path, size, format, captured_at,"
            " batch_id, imported_at, caption, keywords) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows(count, batch),
        )
        reindex_all(conn)
        ensure_index_current(conn)
        conn.execute("COMMIT")
        if catalog.location.url is not None:
            conn.execute("ANALYZE")
    return time.perf_counter() - started


def first_page(catalog: Catalog, search: str) -> Callable[[], tuple[float, float, int]]:
    """(the first page's seconds as the grid reads it, the next page's from its after, matches)."""

    def measure() -> tuple[float, float, int]:
        started = time.perf_counter()
        pages = catalog.photo_pages(search=search, order="captured", first_page=100)
        first: list[object] = next(iter(pages), [])
        elapsed = time.perf_counter() - started
        pages.close()
        page = photo_page(catalog.conn, search=search, limit=100)
        started = time.perf_counter()
        if page.after is not None:
            photo_page(catalog.conn, search=search, limit=100, after=page.after)
        return elapsed, time.perf_counter() - started, len(first)

    return measure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    url = os.environ.get("PHOTOARCHIVE_TEST_PG")
    if not url:
        raise SystemExit('no server: run eval "$(.ci/start-postgres)" first (PHOTOARCHIVE_TEST_PG)')
    admin = psycopg.connect(url, autocommit=True)
    admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    admin.execute(
        f"CREATE DATABASE {DATABASE} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
    )
    server = url.rsplit("/", 1)[0] + "/" + DATABASE
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    work = Path(tempfile.mkdtemp(prefix="search-backends-"))
    try:
        lite, pg = work / "sqlite", work / "postgresql"
        pg.mkdir()
        remember(pg, server)
        for name, root in (("sqlite", lite), ("postgresql", pg)):
            print(f"built {args.photos:,} photos on {name} in {build(root, args.photos):.1f} s", flush=True)
        catalogs = {"sqlite": Catalog(lite), "postgresql": Catalog(pg)}
        times: dict[tuple[str, str], list[tuple[float, float]]] = {}
        found: dict[tuple[str, str], int] = {}
        for _ in range(args.rounds):
            for search in SEARCHES:
                for name, catalog in catalogs.items():
                    first, second, count = first_page(catalog, search)()
                    times.setdefault((search, name), []).append((first, second))
                    found[search, name] = count
        print(f"\n{'search':<14} {'backend':<11} {'first best':>10} {'median':>8} {'next best':>9} {'median':>8}  page")
        ratios = []
        for search in SEARCHES:
            for name in catalogs:
                firsts = [t[0] * 1000 for t in times[search, name]]
                nexts = [t[1] * 1000 for t in times[search, name]]
                print(
                    f"{search:<14} {name:<11} {min(firsts):>8.2f}ms {statistics.median(firsts):>6.2f}ms"
                    f" {min(nexts):>7.2f}ms {statistics.median(nexts):>6.2f}ms  {found[search, name]}"
                )
            if found[search, "sqlite"] != found[search, "postgresql"]:
                print(f"  different first pages: {found[search, 'sqlite']} against {found[search, 'postgresql']}")
            ratio = min(t[0] for t in times[search, "postgresql"]) / min(t[0] for t in times[search, "sqlite"])
            ratios.append((ratio, search))
            print(f"  postgresql / sqlite, best first page: {ratio:.2f}")
        for catalog in catalogs.values():
            catalog.close()
        worst = max(ratios)
        print(f"\nRESULT search_first_page_pg_over_sqlite {worst[0]:.2f} (slowest: {worst[1]!r})")
        print(f"load average {os.getloadavg()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        admin.close()


if __name__ == "__main__":
    main()
