#!/usr/bin/env python3
"""Filter benchmark: the first page of ``list --filter`` over N photos (1,000,000 by default)
against the first page of a text search, as issue 12 puts it ("a filter over 1,000,000 photos
shows its first page as fast as the text search does").

Builds (once, in bench/.cache/filter-N) a catalog of N photos inserted in bulk and indexed by
the catalog's own code, with the selection a curated archive has: few photos rated (0.3 %) or
picked (0.05 %), a common colour label (red, 20 %) and a rare one (blue, 0.1 %), rejects
(2 %), captions and keywords in three languages, a credit on half, two cameras, places in a
hierarchy (Russia > Kurils > Shumshu > Height 171, Paramushir) with names in Russian, and
capture dates from 1940 to 2020 in import order.

Measured in this process, rounds alternating with the reference so both share the load:
- each filter's first page, as ``list`` reads it (``Catalog.photo_pages``: compile the filter,
  read the first page of 100 photos);
- the reference: the first page of text searches the same way (``--search``), the median of
  their best times.
Then, as the user runs them, the commands as processes: ``photoarchive list --filter F
--limit 100`` against ``photoarchive list --search tank --limit 100``, to the last line.

Prints ``RESULT filter_first_page_ratio R`` (the slowest filter's best first page over the
reference) and ``RESULT filter_command_ratio R`` (the slowest command over the search command).

Run: ``python bench/filter_pages.py [--photos N] [--rounds R] [--rebuild]``. Machines are shared:
compare the ratios rather than the absolute times.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "src"))

from bench_catalog import cached  # noqa: E402 - after the path to the checkout's sources
from photoarchive.catalog import Catalog  # noqa: E402
from photoarchive.catalog.filters import compile_filter  # noqa: E402
from photoarchive.catalog.places import insert_place  # noqa: E402
from photoarchive.catalog.search import ensure_index_current, reindex_all  # noqa: E402
from photoarchive.model.place import Place, PlaceName  # noqa: E402

CACHE = BENCH / ".cache"
WORDS = [
    "tank", "wreck", "beach", "fog", "trench", "memorial", "Height 171", "Cape Kokutan", "landing",
    "танк", "дот", "высота", "туман", "берег", "траншея", "экспедиция", "Кокутан",
    "戦車", "霧", "海岸", "占守島", "竹田浜", "慰霊碑", "調査",
]  # fmt: skip
SEARCHES = ["tank", "Кокутан", "竹田浜", "beach fog"]
FILTERS = [
    "rating>=4",
    "rating>=1 -flag:reject",
    "label:red",
    "label:blue",
    "flag:pick",
    "-flag:reject",
    "keyword:tank",
    "keyword:туман",
    "place:Shumshu",
    "place:Paramushir",
    "place:Шумшу rating>=4",
    "camera:D750",
    "date:2015-08",
    "date:..1945-09-02",
    "has:caption -has:credit",
    "tank rating>=4",
    '"Cape Kokutan" label:red',
    "竹田浜 label:red",
    "占守島 rating>=4",
    "туман -flag:reject",
    "camera:Leica",
    "rating>=4 label:red flag:pick keyword:tank place:Shumshu camera:D750"
    " date:2015-08-10..2015-08-20 has:caption -has:credit",
]
FIRST_PAGE = 100


def build(root: Path, count: int) -> None:
    if root.exists():
        shutil.rmtree(root)
    started = time.perf_counter()
    catalog = Catalog(root)
    russia = insert_place(catalog, Place("Russia", kind="country", alt_names=[PlaceName("Россия", "ru")]))
    kurils = insert_place(catalog, Place("Kurils", kind="region", parent_id=russia))
    shumshu = insert_place(
        catalog, Place("Shumshu", kind="island", parent_id=kurils, alt_names=[PlaceName("Шумшу", "ru")])
    )
    height = insert_place(catalog, Place("Height 171", parent_id=shumshu))
    paramushir = insert_place(catalog, Place("Paramushir", kind="island", parent_id=kurils))
    batch = catalog.start_batch(["/bench"])
    rnd = random.Random(1945)

    def rows():
        for i in range(count):
            year = 1940 + i * 80 // count
            day = rnd.randrange(365)
            r, s, t, u = rnd.random(), rnd.random(), rnd.random(), rnd.random()  # independent draws
            captured = f"{year}-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}T{i // 60 % 24:02d}:{i % 60:02d}:00"
            yield (
                hashlib.sha256(str(i).encode()).hexdigest(),
                f"{year}/IMG_{i:07d}.JPG",
                f"IMG_{i:07d}.JPG",
                f"/bench/IMG_{i:07d}.JPG",
                3_000_000,
                "JPEG",
                captured,
                "NIKON CORPORATION" if i % 5 < 2 else "Canon",
                "NIKON D750" if i % 5 < 2 else "Canon EOS 5D Mark III",
                batch,
                "2026-01-01T00:00:00+00:00",
                f"Photo {i}: " + " ".join(rnd.sample(WORDS, 4)),
                "Sample Expedition" if i % 2 else "",
                json.dumps(rnd.sample(WORDS[:17], 2), ensure_ascii=False),
                rnd.randint(1, 5) if r < 0.003 else None,
                "red" if s > 0.8 else ("blue" if s < 0.001 else ""),
                "pick" if t < 0.0005 else ("reject" if t > 0.98 else ""),
                height if u < 0.05 else (paramushir if u < 0.06 else None),
            )

    conn = catalog.conn
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO photos (sha256, original_path, original_name, source_path, size, format, captured_at,"
        " camera_make, camera_model, batch_id, imported_at, caption, credit, keywords, rating, label, flag, place_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows(),
    )
    reindex_all(conn)  # the catalog's own indexing, whatever keys its search uses
    ensure_index_current(conn)
    conn.execute("COMMIT")
    catalog.finish_batch(batch, imported=count, duplicates=0, failed=0, status="completed")
    catalog.close()
    size = (root / "catalog.sqlite").stat().st_size
    print(f"built {count:,} photos in {root} in {time.perf_counter() - started:.0f} s ({size / 1e6:.0f} MB)")


def cached_archive(count: int, rebuild: bool) -> Path:
    return cached(f"filter-{count}", count, build, rebuild=rebuild)


def first_page(catalog: Catalog, *, search: str = "", filter: str = "", page: int = FIRST_PAGE) -> Callable[[], float]:
    """The time to the first page of ``list`` (the filter compiled, then its first page read)."""

    def measure() -> float:
        started = time.perf_counter()
        query = compile_filter(catalog.conn, filter, page=page, order="captured")  # as list does
        pages = catalog.photo_pages(search=f"{search} {query.search}".strip(), where=query.where, first_page=page)
        next(iter(pages), None)
        elapsed = time.perf_counter() - started
        pages.close()
        return elapsed

    return measure


def run_process(argv: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode(errors='replace')[-2000:]}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--no-commands", action="store_true", help="leave out the commands as processes")
    parser.add_argument("--page", type=int, default=FIRST_PAGE, help="rows of the first page (the window reads 1000)")
    parser.add_argument("--no-counts", action="store_true", help="leave out counting every query's matches")
    args = parser.parse_args()
    root = cached_archive(args.photos, args.rebuild)
    print(f"load average at start: {os.getloadavg()}")
    catalog = Catalog(root)
    searches = {q: first_page(catalog, search=q, page=args.page) for q in SEARCHES}
    filters = {f: first_page(catalog, filter=f, page=args.page) for f in FILTERS}
    times: dict[str, list[float]] = {name: [] for name in [*searches, *filters]}
    for _ in range(args.rounds):  # alternating: every query sees the same load over the rounds
        for name, measure in [*searches.items(), *filters.items()]:
            times[name].append(measure())
    reference = statistics.median(min(times[q]) for q in SEARCHES)
    print(f"\nfirst page of {args.page} over {args.photos:,} photos, {args.rounds} rounds (best, median):")
    for name in [*SEARCHES, *FILTERS]:
        kind = "search" if name in searches else "filter"
        count = -1 if args.no_counts else _count(catalog, name, kind)
        best, median = min(times[name]), statistics.median(times[name])
        print(f"  {kind} {name[:60]:<62} {count:>8} match  best {best * 1e3:7.1f} ms  median {median * 1e3:7.1f} ms"
              f"  ratio {best / reference:5.2f}")  # fmt: skip
    slowest = max(FILTERS, key=lambda f: min(times[f]))
    worst = min(times[slowest])
    print(f"reference (median of the searches' best first pages): {reference * 1e3:.1f} ms")
    print(f"slowest filter: {slowest} ({worst * 1e3:.1f} ms, ratio {worst / reference:.2f})")
    if args.no_commands:
        print(f"load average at end: {os.getloadavg()}")
        print(f"RESULT filter_first_page_ratio {worst / reference:.2f}")
        catalog.close()
        return

    command = [sys.executable, "-m", "photoarchive", "--archive", str(root), "list", "--limit", str(FIRST_PAGE)]
    env_path = str(BENCH.parent / "src")
    os.environ["PYTHONPATH"] = env_path + os.pathsep + os.environ.get("PYTHONPATH", "")
    slow = sorted(FILTERS, key=lambda f: -min(times[f]))[:3]
    process: dict[str, list[float]] = {"--search tank": [], **{f: [] for f in slow}}
    for _ in range(max(2, args.rounds // 2)):
        process["--search tank"].append(run_process([*command, "--search", "tank"]))
        for f in slow:
            process[f].append(run_process([*command, "--filter", f]))
    search_command = min(process["--search tank"])
    print(
        f"\nthe command as a process, to its last line (best, median), against list --search tank --limit {FIRST_PAGE}:"
    )
    for name, values in process.items():
        print(f"  {name[:70]:<72} best {min(values) * 1e3:7.1f} ms  median {statistics.median(values) * 1e3:7.1f} ms"
              f"  ratio {min(values) / search_command:5.2f}")  # fmt: skip
    print(f"load average at end: {os.getloadavg()}")
    print(f"RESULT filter_first_page_ratio {worst / reference:.2f}")
    print(f"RESULT filter_command_ratio {max(min(v) for k, v in process.items() if k in slow) / search_command:.2f}")
    catalog.close()


def _count(catalog: Catalog, name: str, kind: str) -> int:
    if kind == "search":
        return catalog.count_matching(name)
    query = compile_filter(catalog.conn, name)
    return catalog.count_matching(query.search, where=query.where)


if __name__ == "__main__":
    main()
