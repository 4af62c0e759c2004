#!/usr/bin/env python3
"""The window's change poll when another connection committed (``catalog.changes``, issue 15):
``changes_since`` as the window's watcher calls it, with this checkout's ``mark`` against the
one before e7b330f (which counted the photos: ``SELECT count(*), max(id) FROM photos``), in the
same process, on SQLite and on PostgreSQL.

- SQLite: a copy (the online backup API; the cache itself is never changed) of
  ``bench/.cache/grid-N/catalog.sqlite`` (``bench/gui_grid.py``'s, 1,000,000 photos by
  default), opened as a bare connection (no migration runs; the poll reads ``photos``,
  ``edits``, ``edit_changes`` and ``settings`` only).
- PostgreSQL: a new database on ``$PHOTOARCHIVE_TEST_PG``'s server (``eval "$(.ci/start-postgres)"``)
  made a catalog by ``Catalog`` and given N photos by one ``INSERT ... SELECT generate_series``,
  then analysed; dropped at the end.

Each round, for the old and the new code (their order swapped every round): a mark, a commit
on another connection (a place added), the data version awaited (untimed), then one
``changes_since`` timed. Prints best and median per backend and code, the old/new ratio of
the bests and medians, and the load average before and after.

Run: ``python bench/change_poll.py [--photos N] [--rounds R]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from photoarchive.catalog import Catalog, changes  # noqa: E402
from photoarchive.catalog.connection import Connection  # noqa: E402

OLD = "e7b330f^"  # the commit before the count went


def old_changes() -> ModuleType:
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{OLD}:src/photoarchive/catalog/changes.py"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    spec = importlib.util.spec_from_loader("changes_before_e7b330f", loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    exec(compile(source, "changes_before_e7b330f.py", "exec"), module.__dict__)
    return module


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


class Bare:
    """What ``mark`` and ``changes_since`` use of a Catalog: its connection."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn


def poll_after_a_commit(
    module: Any, catalog: Any, commit: Callable[[int], None], n: int, version: Callable[[], int]
) -> float:
    since = module.mark(catalog)
    commit(n)
    deadline = time.monotonic() + 30
    while version() == since.data_version:  # the commit seen (a server's notice comes a moment later)
        if time.monotonic() > deadline:
            raise SystemExit("no change seen 30 s after the commit")
        time.sleep(0.001)
    started = time.perf_counter()
    found = module.changes_since(catalog, since)
    seconds = time.perf_counter() - started
    # ``photos_added_or_removed`` is the old module's name for it
    added = found.photos_added if hasattr(found, "photos_added") else found.photos_added_or_removed
    assert found.any and not added
    return seconds


def measure(name: str, catalog: Any, commit: Callable[[int], None], rounds: int) -> dict[str, list[float]]:
    modules = {"old (count)": old_changes(), "new (max id)": changes}
    times: dict[str, list[float]] = {key: [] for key in modules}
    order = list(modules)
    for r in range(rounds):
        for key in order if r % 2 == 0 else reversed(order):
            times[key].append(
                poll_after_a_commit(modules[key], catalog, commit, r, lambda: changes.data_version(catalog.conn))
            )
    best = {key: min(v) for key, v in times.items()}
    median = {key: statistics.median(v) for key, v in times.items()}
    for key in order:
        print(f"{name:<11} {key:<28} best {best[key] * 1000:8.2f} ms   median {median[key] * 1000:8.2f} ms")
    old, new = order
    print(
        f"{name:<11} old/new: best {best[old] / best[new]:.0f}x, median {median[old] / median[new]:.0f}x"
        f"   RESULT {name} {best[old] * 1000:.1f} {best[new] * 1000:.2f}",
        flush=True,
    )
    return times


def sqlite_rounds(count: int, rounds: int) -> None:
    cached = HERE / ".cache" / f"grid-{count}" / "catalog.sqlite"
    if not cached.is_file():
        raise SystemExit(f"{cached}: run bench/gui_grid.py --photos {count} first")
    with tempfile.TemporaryDirectory(prefix="change-poll-", dir=HERE / ".cache") as folder:
        copy = Path(folder) / "catalog.sqlite"
        with sqlite3.connect(f"file:{cached}?mode=ro", uri=True) as src, sqlite3.connect(copy) as dst:
            src.backup(dst)
        window = sqlite3.connect(copy, isolation_level=None)
        other = sqlite3.connect(copy, isolation_level=None)
        photos = window.execute("SELECT count(*) FROM photos").fetchone()[0]
        print(f"SQLite: a copy of {cached} ({photos:,} photos), load {load()}", flush=True)

        def commit(n: int) -> None:
            other.execute("INSERT INTO places (name, kind) VALUES (?, 'island')", (f"Bench {n} {time.time()}",))

        try:
            measure("sqlite", Bare(window), commit, rounds)
        finally:
            window.close()
            other.close()


def server_rounds(count: int, rounds: int) -> None:
    import psycopg

    url = os.environ.get("PHOTOARCHIVE_TEST_PG")
    if not url:
        print('PostgreSQL: no $PHOTOARCHIVE_TEST_PG (eval "$(.ci/start-postgres)"): skipped')
        return
    name = f"pa_change_poll_{count}"
    target = f"{url.rsplit('/', 1)[0]}/{name}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(
            f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
        )
    try:
        with tempfile.TemporaryDirectory(prefix="change-poll-") as folder:
            started = time.perf_counter()
            with Catalog(Path(folder) / "archive", url=target) as catalog:
                catalog.conn.execute(
                    "INSERT INTO photos (sha256, original_path, original_name, source_path, size, format,"
                    " imported_at) SELECT md5(g::text) || md5(g::text), 'o/' || g || '.jpg', g || '.jpg', '/s/' || g || '.jpg',"
                    " 1000, 'JPEG', '2026-11-30T00:00:00' FROM generate_series(1, ?) AS g",
                    (count,),
                )
                catalog.conn.execute("VACUUM ANALYZE photos")
                print(
                    f"PostgreSQL: {count:,} photos made in {time.perf_counter() - started:.1f} s"
                    f" (fsync off: .ci/start-postgres), load {load()}",
                    flush=True,
                )
                with Catalog(Path(folder) / "archive", url=target) as other:

                    def commit(n: int) -> None:
                        other.conn.execute(
                            "INSERT INTO places (name, kind) VALUES (?, 'island')", (f"Bench {n} {time.time()}",)
                        )

                    measure("postgresql", catalog, commit, rounds)
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--only", choices=["sqlite", "postgresql"], default=None)
    args = parser.parse_args()
    print(f"load before: {load()}", flush=True)
    if args.only != "postgresql":
        sqlite_rounds(args.photos, args.rounds)
    if args.only != "sqlite":
        server_rounds(args.photos, args.rounds)
    print(f"load after: {load()}")


if __name__ == "__main__":
    main()
