#!/usr/bin/env python3
"""The scale issue's million-photo measures on a PostgreSQL server against the same on SQLite,
in one run (issue 15, "Scale"; issue 11's table).

The SQLite catalog is a copy of ``bench/filter_pages.py``'s cached ``filter-N`` (built by it
when missing; the cache itself is never changed): photos taken over 80 years, places on
Shumshu, captions of 4 words of 24 (Latin, Cyrillic, Japanese: each word in about one photo of
six), ratings, labels and flags; the copy adds three rare words at 1 %, 0.1 % and 0.01 % of the
photos, scattered (plan risk R3: a mid-rare term picking the wrong plan). That copy is moved to a new database on the server of
``$PHOTOARCHIVE_TEST_PG`` by ``photoarchive catalog migrate-to`` as a process (timed: the
README's figure), then ``VACUUM ANALYZE`` (timed apart: what autovacuum does after a bulk load;
``migrate-to`` leaves the planner without statistics until it runs). Both are kept in
bench/.cache/pg-scale-N for the next run while the server lives.

Then, rounds alternating between the backends (the order swapped each round, so both share
the load), on the SQLite archive and on a second archive folder whose ``catalog.url`` names
the server database (the same commands on both):

- first screen: ``photoarchive list --limit 100`` as a process; the window's first page
  (``Catalog.photo_pages``, 100 photos, capture order);
- search: the first page of a common Latin term, a two-term search, a common Cyrillic and a
  common Japanese word, the rare words, and a name prefix only the last photos hold (1 % at
  1,000,000: "IMG_099"); the next page from the first one's ``after``
  (``search.photo_page``);
- an edit: ``photoarchive edit ID --caption ...`` as a process (the day's backup taken
  before, untimed); ``edits.apply_edit`` on 1 and on 1,000 photos in this process, the
  sidecars handed to a writer as the window hands them to its thread (not written here);
- an import: ``photoarchive import`` of 60 camera JPEGs (``cli_scale.import_photos``) into the
  full catalog as a process; the photos taken out again after each round, untimed;
- the change notice: a commit in another process, to ``changes.changes_since`` in this one
  seeing it (polled every millisecond); and one poll when nothing changed.

Prints best and median per row and backend, the PostgreSQL/SQLite ratio of the bests,
``RESULT <row> R`` per row and the load average before, between rounds and after.

Run: ``eval "$(.ci/start-postgres)"; python bench/postgres_scale.py [--photos N] [--rounds R]
[--only GROUPS] [--drop]`` (GROUPS: comma-separated of screen, search, edit, import, notice).
The throw-away server runs with fsync, synchronous_commit and full_page_writes off: say so
beside its figures. ``--drop`` drops the server database at the end. To measure a committed tree
while others edit the checkout: ``git archive HEAD src | tar -x -C DIR`` and ``PYTHONPATH=DIR/src``
(the commands run as processes inherit it; the source used is printed).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psycopg

import photoarchive
from cli_scale import import_photos, photoarchive_command, remove_batch_photos, run_process
from photoarchive.catalog import Catalog
from photoarchive.catalog.backup import take_backup
from photoarchive.catalog.changes import changes_since, mark
from photoarchive.catalog.connection import transaction
from photoarchive.catalog.location import remember
from photoarchive.catalog.search import photo_page, reindex_photos
from photoarchive.edits import apply_edit

BENCH = Path(__file__).resolve().parent
CACHE = BENCH / ".cache"
BACKENDS = ("sqlite", "postgresql")
# (word, one photo in how many): the rare words of bench/search_backends.py, but "Шумшу", a place of
# filter-N (its photos' search text holds it): "Алаид" instead
RARE = [("bunker", 100), ("Алаид", 1_000), ("四嶺山", 10_000)]
SEARCHES = ["tank", "beach fog", "берег", "戦車", *(word for word, _ in RARE)]


def late_term(count: int) -> str:
    """A name prefix only the photos shot last hold (filter-N names photo i IMG_{i:07d} and dates it
    in i's order): at 1,000,000, "IMG_099", the last 1 %: plan risk R3's case, a term common in
    the catalog that the start of capture order lacks."""
    return f"IMG_{count - 1:07d}"[:7]


GROUPS = ("screen", "search", "edit", "import", "notice")

# A commit made by another process: the time just after it, on the clock every process shares.
COMMITTER = """
import sys, time
from photoarchive.catalog import Catalog
from photoarchive.catalog.connection import transaction
catalog = Catalog(sys.argv[1], create=False)
print("ready", flush=True)
for line in sys.stdin:
    with transaction(catalog.conn):
        catalog.conn.execute("UPDATE photos SET credit = ? WHERE id = ?", (line.strip(), int(sys.argv[2])))
    print(time.monotonic(), flush=True)
catalog.close()
"""


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


# -- the two catalogs -------------------------------------------------------------------------


def rare_photos(count: int) -> dict[str, list[int]]:
    """The photos each rare word is added to: one in ``every``, scattered over the catalog (and so
    over capture order)."""
    rnd = random.Random(15)
    return {word: sorted(rnd.sample(range(1, count + 1), max(1, count // every))) for word, every in RARE}


def prepare_sqlite(count: int) -> Path:
    """The bench's own SQLite archive: a copy of filter-N with the rare words added."""
    root = CACHE / f"pg-scale-{count}" / "sqlite"
    done = root.parent / "sqlite-built"
    if done.exists():
        return root
    from filter_pages import cached_archive  # here: it puts the checkout's src/ on the path (after ours is imported)

    source = cached_archive(count, rebuild=False) / "catalog.sqlite"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    started = time.perf_counter()
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(root / "catalog.sqlite") as dst:
        src.backup(dst)  # the online backup API: a copy whatever the cache's journal holds
    # migrations added since the cache was built run at the opening
    with Catalog(root) as catalog, transaction(catalog.conn):
        for word, ids in rare_photos(count).items():
            catalog.conn.executemany(
                "UPDATE photos SET caption = caption || ? WHERE id = ?", [(f" {word}", i) for i in ids]
            )
            reindex_photos(catalog.conn, ids)
    done.write_text(str(count))
    print(f"copied filter-{count} and added the rare words in {time.perf_counter() - started:.1f} s", flush=True)
    return root


def prepare_server(url: str, count: int, sqlite_root: Path) -> Path:
    """The server's archive folder (its catalog.url names a database filled from the SQLite copy by
    ``migrate-to``); filled once per server, the timings kept beside it."""
    root = CACHE / f"pg-scale-{count}" / "server"
    name = f"pa_scale_{count}"
    target = f"{url.rsplit('/', 1)[0]}/{name}"
    ready = root.parent / "server-ready"
    if ready.exists() and ready.read_text().splitlines()[0] == target and _photos_on(target) is not None:
        print(f"reusing {target}: {ready.read_text().splitlines()[1]}")
        return root
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(
            f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
        )
    with psycopg.connect(target, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    size = (sqlite_root / "catalog.sqlite").stat().st_size
    print(f"migrate-to {target} ({count:,} photos, {size / 1e6:.0f} MB of SQLite), load {load()} ...", flush=True)
    moved = run_process([*photoarchive_command(), "--archive", str(sqlite_root), "catalog", "migrate-to", target])[1]
    with psycopg.connect(target, autocommit=True) as conn:
        analysed = conn.execute(
            "SELECT count(*) FROM pg_stat_user_tables WHERE relname IN ('photos', 'photos_fts')"
            " AND coalesce(last_autoanalyze, last_analyze) IS NOT NULL"
        ).fetchone()
        started = time.perf_counter()
        conn.execute("VACUUM ANALYZE")
        vacuumed = time.perf_counter() - started
        db_size = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    assert analysed is not None and db_size is not None
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    remember(root, target)
    line = (
        f"migrate-to {moved:.1f} s, then VACUUM ANALYZE {vacuumed:.1f} s (autovacuum had analysed"
        f" {analysed[0]} of photos/photos_fts by then); database {db_size[0] / 1e9:.2f} GB; load {load()}"
    )
    ready.write_text(f"{target}\n{line}\n")
    print(line, flush=True)
    return root


def _photos_on(target: str) -> int | None:
    try:
        with psycopg.connect(target, autocommit=True) as conn:
            row = conn.execute("SELECT count(*) FROM photos").fetchone()
            return int(row[0]) if row else None
    except psycopg.Error:
        return None


def drop_server(url: str, count: int) -> None:
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS pa_scale_{count} WITH (FORCE)")
    (CACHE / f"pg-scale-{count}" / "server-ready").unlink(missing_ok=True)


def remove_imported(catalog: Catalog, above: int) -> None:
    """Take the photos an import added (id > ``above``) out of the catalog and the archive."""
    if catalog.location.url is None:
        remove_batch_photos(catalog.paths.root, above + 1)
        return
    rows = catalog.conn.execute("SELECT original_path FROM photos WHERE id > ?", (above,)).fetchall()
    with transaction(catalog.conn):
        catalog.conn.execute("DELETE FROM photos WHERE id > ?", (above,))  # photos_fts: ON DELETE CASCADE
    for (original,) in rows:
        path = catalog.paths.original(original)
        path.unlink(missing_ok=True)
        Path(f"{path}.xmp").unlink(missing_ok=True)


# -- the measures -----------------------------------------------------------------------------


class Backend:
    """One backend's archive, its catalog open in this process, and its committer process."""

    def __init__(self, name: str, root: Path, photo: int) -> None:
        self.name = name
        self.root = root
        self.photo = photo  # the photo the edits change
        self.catalog = Catalog(root, create=False)
        # As in the window, whose own thread writes the sidecars after a commit: the in-process
        # edits time the catalog's work (the same XMP writes on both backends were 90 % of
        # apply_edit on 1,000 photos); ``photoarchive edit`` as a process writes its sidecar.
        self.catalog.sidecar_writer = lambda photo_ids: None
        self.top = int(self.catalog.conn.execute("SELECT max(id) FROM photos").fetchone()[0])
        original = self.catalog.conn.execute("SELECT original_path FROM photos WHERE id = ?", (photo,)).fetchone()[0]
        self.catalog.paths.original(original).parent.mkdir(parents=True, exist_ok=True)  # its sidecar's folder
        self.committer: subprocess.Popen[str] | None = None

    def close(self) -> None:
        if self.committer is not None:
            assert self.committer.stdin is not None
            self.committer.stdin.close()
            self.committer.wait()
        self.catalog.close()


def first_page(catalog: Catalog, search: str | None) -> tuple[float, list[int]]:
    started = time.perf_counter()
    pages = catalog.photo_pages(search=search, first_page=100)
    page = next(pages, [])
    elapsed = time.perf_counter() - started
    pages.close()
    return elapsed, [photo.id for photo in page]


def next_page(catalog: Catalog, search: str) -> tuple[float, int]:
    first = photo_page(catalog.conn, search=search, limit=100)
    if first.after is None:
        return 0.0, 0
    started = time.perf_counter()
    page = photo_page(catalog.conn, search=search, limit=100, after=first.after)
    return time.perf_counter() - started, len(page.ids)


def change_notice(backend: Backend, counter: int) -> float:
    """Seconds from another process's commit to ``changes_since`` here reporting it."""
    if backend.committer is None:
        backend.committer = subprocess.Popen(
            [sys.executable, "-c", COMMITTER, str(backend.root), str(backend.photo)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert backend.committer.stdout is not None
        if backend.committer.stdout.readline().strip() != "ready":
            raise SystemExit(f"{backend.name}: the committer did not start")
    assert backend.committer.stdin is not None and backend.committer.stdout is not None
    since = mark(backend.catalog)
    backend.committer.stdin.write(f"notice {counter}\n")
    backend.committer.stdin.flush()
    deadline = time.monotonic() + 30
    while not changes_since(backend.catalog, since).any:
        if time.monotonic() > deadline:
            raise SystemExit(f"{backend.name}: no change seen 30 s after the commit")
        time.sleep(0.001)
    seen = time.monotonic()
    committed = float(backend.committer.stdout.readline())
    return seen - committed


def quiet_poll(backend: Backend) -> float:
    since = mark(backend.catalog)
    started = time.perf_counter()
    changes_since(backend.catalog, since)
    return time.perf_counter() - started


def measures(groups: set[str], count: int) -> list[tuple[str, str, Callable[[Backend, int], float]]]:
    """(group, row, measure of one backend in round n)."""
    cmd = photoarchive_command()
    card = import_photos()
    rows: list[tuple[str, str, Callable[[Backend, int], float]]] = [
        ("screen", "list --limit 100 (process)", lambda b, n: run_process([*cmd, "--archive", str(b.root), "list", "--limit", "100"])[1]),
        ("screen", "window first page (photo_pages, 100)", lambda b, n: first_page(b.catalog, None)[0]),
    ]  # fmt: skip
    for search in [*SEARCHES, late_term(count)]:
        rows.append(("search", f"search {search!r}: first page", lambda b, n, s=search: first_page(b.catalog, s)[0]))
        rows.append(("search", f"search {search!r}: next page", lambda b, n, s=search: next_page(b.catalog, s)[0]))

    def edit_process(b: Backend, n: int) -> float:
        argv = [*cmd, "--archive", str(b.root), "edit", str(b.photo), "--caption", f"bench caption {n}"]
        return run_process(argv)[1]

    def edit_many(size: int) -> Callable[[Backend, int], float]:
        ids = list(range(1000, 1000 + size * 7, 7))  # spread over the catalog's first ids

        def measure(b: Backend, n: int) -> float:
            started = time.perf_counter()
            apply_edit(b.catalog, ids, {"credit": f"bench credit {n}"})
            return time.perf_counter() - started

        return measure

    def import_process(b: Backend, n: int) -> float:
        elapsed = run_process([*cmd, "--archive", str(b.root), "import", str(card)])[1]
        remove_imported(b.catalog, b.top)
        return elapsed

    rows += [
        ("edit", "edit ID --caption (process)", edit_process),
        ("edit", "apply_edit, 1 photo (sidecars to a thread)", edit_many(1)),
        ("edit", "apply_edit, 1,000 photos (sidecars to a thread)", edit_many(1000)),
        ("import", f"import {len(list(card.glob('IMG_*.JPG')))} JPEGs (process)", import_process),
        ("notice", "commit elsewhere -> changes_since sees it", lambda b, n: change_notice(b, n)),
        ("notice", "changes_since, nothing changed", lambda b, n: quiet_poll(b)),
    ]
    return [row for row in rows if row[0] in groups]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", default=",".join(GROUPS), help="comma-separated of " + ", ".join(GROUPS))
    parser.add_argument("--prepare-only", action="store_true", help="make both catalogs and stop")
    parser.add_argument("--drop", action="store_true", help="drop the server database at the end")
    args = parser.parse_args()
    url = os.environ.get("PHOTOARCHIVE_TEST_PG")
    if not url:
        raise SystemExit('no server: run eval "$(.ci/start-postgres)" first (PHOTOARCHIVE_TEST_PG)')
    groups = set(args.only.split(","))
    unknown = groups - set(GROUPS)
    if unknown:
        raise SystemExit(f"unknown groups {sorted(unknown)}; known: {', '.join(GROUPS)}")
    print(f"load average {load()}, {os.cpu_count()} cores; {args.photos:,} photos, {args.rounds} rounds", flush=True)
    print(f"photoarchive from {Path(photoarchive.__file__).parent}")
    with psycopg.connect(url, autocommit=True) as admin:
        settings = admin.execute(
            "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings"
            " WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'server_version')"
        ).fetchone()
    print(f"server: {settings[0] if settings else '?'}")
    lite = prepare_sqlite(args.photos)
    server = prepare_server(url, args.photos, lite)
    transfer_line = (server.parent / "server-ready").read_text().splitlines()[1]
    if args.prepare_only:
        return
    photo = args.photos // 2
    for root in (lite, server):  # the day's backup taken before (untimed): the edits find it done
        with Catalog(root, create=False) as catalog:
            if catalog.location.url is None:
                started = time.perf_counter()
                take_backup(catalog.conn, catalog.paths.backups)
                print(f"the day's SQLite backup (untimed in the rows): {time.perf_counter() - started:.1f} s")
    backends = {"sqlite": Backend("sqlite", lite, photo), "postgresql": Backend("postgresql", server, photo)}
    rows = measures(groups, args.photos)
    times: dict[tuple[str, str], list[float]] = {}
    pages: dict[tuple[str, str], list[int]] = {}
    try:
        for search in [*SEARCHES, late_term(args.photos)] if "search" in groups else []:  # the pages must agree
            for name, b in backends.items():
                pages[search, name] = first_page(b.catalog, search)[1]
        for n in range(args.rounds):
            order = BACKENDS if n % 2 == 0 else BACKENDS[::-1]
            for _, label, measure in rows:
                for name in order:
                    times.setdefault((label, name), []).append(measure(backends[name], n))
            print(f"round {n + 1}/{args.rounds} done, load {load()}", flush=True)
    finally:
        for b in backends.values():
            b.close()
        for root in (lite,):
            for taken in (root / "backups").glob("catalog-*.sqlite"):
                taken.unlink()  # the bench's copy keeps its size
        if args.drop:
            drop_server(url, args.photos)

    print(f"\n{args.photos:,} photos; server with fsync, synchronous_commit, full_page_writes as above")
    print(f"fill of the server: {transfer_line}")
    print(f"\n{'row':<52} {'SQLite best':>11} {'median':>9} {'PG best':>9} {'median':>9} {'PG/SQLite':>9}")
    results: list[tuple[str, float]] = []
    for group, label, _ in rows:
        lite_t, pg_t = times[label, "sqlite"], times[label, "postgresql"]
        if max(lite_t) == 0 and max(pg_t) == 0:  # nothing to measure (a search with one page only)
            print(f"{label:<52} {'(no such page)':>11}")
            continue
        ratio = min(pg_t) / min(lite_t) if min(lite_t) > 0 else float("inf")
        print(
            f"{label:<52} {min(lite_t) * 1000:9.1f}ms {statistics.median(lite_t) * 1000:7.1f}ms"
            f" {min(pg_t) * 1000:7.1f}ms {statistics.median(pg_t) * 1000:7.1f}ms {ratio:9.2f}"
        )
        results.append((f"{group}_" + re.sub(r"\W+", "_", label).strip("_").lower(), ratio))
    for search in [*SEARCHES, late_term(args.photos)] if "search" in groups else []:
        if pages[search, "sqlite"] != pages[search, "postgresql"]:
            lite_ids, pg_ids = pages[search, "sqlite"], pages[search, "postgresql"]
            print(f"first page of {search!r} differs: {len(lite_ids)} photos on SQLite, {len(pg_ids)} on PG")
    print(f"\nload average {load()}")
    for key, ratio in results:
        print(f"RESULT {key} {ratio:.2f}")
    worst = max(results, key=lambda r: r[1])
    print(f"RESULT slowest_pg_over_sqlite {worst[1]:.2f} ({worst[0]})")


if __name__ == "__main__":
    main()
