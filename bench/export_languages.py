#!/usr/bin/env python3
"""Planning a publication in three languages (en, ru, ja): the catalog read once for all of
them (``plan.read_publication``, what ``ExportJob`` does now) against the reference of the same
process, each language planned with its own reading (``plan_publication`` without ``read``: the
former way, still what a single call does).

A collection of N photos (default 2,000) recorded straight into a new catalog, each with a
caption and a title, a Russian caption on every second, a Japanese one on every third, and a
gazetteer place with names in both languages; on SQLite and, with ``$PHOTOARCHIVE_TEST_PG``
set (``eval "$(.ci/start-postgres)"``), on a database of its own on that server. Only the
planning is timed (what the catalog is asked; the images' rendering, the bulk of a real
export, does not change).

    python bench/export_languages.py [--photos 2000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from photoarchive.catalog import Catalog
from photoarchive.catalog.collections import get_collection
from photoarchive.catalog.connection import transaction
from photoarchive.collections import add_photos, create_collection
from photoarchive.edits import apply_edit, set_archive_languages
from photoarchive.export import ExportOptions
from photoarchive.export.plan import Publication, plan_publication, read_publication
from photoarchive.model import Place, PlaceName
from photoarchive.places import add_place, assign_place

LANGUAGES = ("en", "ru", "ja")
DATABASE = "photoarchive_bench_export_languages"


def build(root: Path, count: int) -> None:
    with Catalog(root) as catalog:
        with transaction(catalog.conn):
            ids = [
                catalog.add_photo(
                    {
                        "sha256": f"{i:064x}",
                        "original_path": f"2015/08/IMG_{i:06d}.JPG",
                        "original_name": f"IMG_{i:06d}.JPG",
                        "source_path": f"/bench/IMG_{i:06d}.JPG",
                        "size": 1,
                        "format": "JPEG",
                        "captured_at": f"2015-08-{10 + i % 10:02d}T09:{i % 60:02d}:00",
                        "imported_at": "2026-01-01T00:00:00+00:00",
                        "latitude": 50.75,
                        "longitude": 156.32,
                    }
                )
                for i in range(count)
            ]
        set_archive_languages(catalog, ["en", "ru", "ja"])
        apply_edit(catalog, ids, {"caption": "Wreck of a light tank below Height 171", "title": "Shumshu"})
        apply_edit(catalog, ids[::2], {"caption[ru]": "Обломки танка у высоты 171"})
        apply_edit(catalog, ids[::3], {"caption[ja]": "四嶺山の麓に残る戦車の残骸"})
        island = add_place(catalog, Place("Shumshu", kind="island", alt_names=[PlaceName("Шумшу", "ru"),
                                                                                PlaceName("占守島", "ja")]))  # fmt: skip
        assign_place(catalog, ids, island)
        create_collection(catalog, "bench")
        add_photos(catalog, "bench", ids)


def timed(work: Callable[[], object], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times


def measure(name: str, root: Path, rounds: int) -> None:
    with Catalog(root) as catalog:
        collection = get_collection(catalog, "bench")
        options = ExportOptions("post", root / "never-written", languages=LANGUAGES, workers=0).resolved()

        def each_reads() -> list[Publication]:
            return [plan_publication(catalog, collection, options, language) for language in LANGUAGES]

        def one_reading() -> list[Publication]:
            read = read_publication(catalog, collection, LANGUAGES)
            return [plan_publication(catalog, collection, options, language, read) for language in LANGUAGES]

        a, b = each_reads(), one_reading()  # warm, and the same publications either way
        assert [[(i.stem, i.caption, i.fields) for i in p.items] for p in a] == [
            [(i.stem, i.caption, i.fields) for i in p.items] for p in b
        ]
        reference: list[float] = []
        now: list[float] = []
        for n in range(rounds):  # alternated, first one then the other: a drift in load falls on both
            pairs = [(each_reads, reference), (one_reading, now)]
            for work, times in pairs if n % 2 == 0 else pairs[::-1]:
                times += timed(work, 1)
    print(f"{name}:")
    for label, times in (("each language reads (reference)", reference), ("one reading for all", now)):
        print(f"  {label:32} best {min(times) * 1000:8.1f} ms  median {statistics.median(times) * 1000:8.1f} ms")
    print(f"  one reading / reference: best {min(now) / min(reference):.2f}, median"
          f" {statistics.median(now) / statistics.median(reference):.2f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(f"{args.photos} photos, {', '.join(LANGUAGES)}, {args.rounds} rounds; load {os.getloadavg()}")
    url = os.environ.get("PHOTOARCHIVE_TEST_PG")
    with tempfile.TemporaryDirectory(prefix="bench-export-languages-") as work:
        lite = Path(work) / "sqlite"
        build(lite, args.photos)
        measure("sqlite", lite, args.rounds)
        if not url:
            print('postgresql: skipped (no server: eval "$(.ci/start-postgres)" sets PHOTOARCHIVE_TEST_PG)')
            return
        import psycopg

        from photoarchive.catalog.location import remember

        admin = psycopg.connect(url, autocommit=True)
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
        admin.execute(f"CREATE DATABASE {DATABASE} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8'"
                      " LC_CTYPE 'C.UTF-8'")  # fmt: skip
        try:
            server = Path(work) / "postgresql"
            server.mkdir()
            remember(server, url.rsplit("/", 1)[0] + "/" + DATABASE)
            build(server, args.photos)
            measure("postgresql", server, args.rounds)
        finally:
            admin.execute(f"DROP DATABASE {DATABASE} WITH (FORCE)")
            admin.close()
    print(f"load after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
