#!/usr/bin/env python3
"""Benchmark: the first screen of the sources that are subsets of the catalog (a collection, a
keyword, a level of the hierarchical keywords, a place, Needs attention), read from pages
walked in the grid's order (``ui.sources.source_page``, what the window now reads before its
first paint) against the whole list (``source_ids``, what it read before), in one process.

Builds (once, in bench/.cache/source-pages-N) a catalog of N photos (200,000 by default)
inserted in bulk: every photo has a caption and a credit and no copyright (so every photo
needs attention: the densest subset), one of 9 keywords, a hierarchical keyword for one in
3, and one of 3 places; a collection holds every 4th photo.

Prints, for each source, the best and median of each way over the rounds (alternating), and
``RESULT first_screen_ratio R``: the slowest source's median page time over its median whole
time.

Run: ``python bench/source_pages.py [--photos N] [--rounds R]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
from pathlib import Path

from bench_catalog import build_catalog, cached, timed
from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.catalog import places as place_store
from photoarchive.model import Place
from photoarchive.ui.sources import (
    ATTENTION,
    COLLECTION,
    KEYWORD,
    KEYWORD_PATH,
    PLACE,
    Source,
    source_ids,
    source_page,
)

CACHE = Path(__file__).resolve().parent / ".cache"
KEYWORDS = ["tank", "wreck", "beach", "fog", "trench", "memorial", "landing", "танк", "戦車"]


def build(root: Path, count: int) -> None:
    places: list[int] = []

    def add_places(catalog: Catalog) -> None:
        places.extend(place_store.insert_place(catalog, Place(name=n)) for n in ("Shumshu", "Paramushir", "Atlasov"))

    catalog = build_catalog(
        root,
        count,
        ("caption", "credit", "keywords", "hierarchical_keywords", "place_id"),
        lambda i: (
            f"Photo {i} on Shumshu",
            "Sample Expedition",
            json.dumps([KEYWORDS[i % len(KEYWORDS)]], ensure_ascii=False),
            json.dumps(["Places|Kurils|Shumshu"] if i % 3 == 0 else []),
            places[i % len(places)],
        ),
        before=add_places,
    )
    collection = collection_store.create_collection(catalog, "Every fourth")
    collection_store.add_photos(catalog, collection.id, catalog.photo_ids(order="imported")[::4])
    catalog.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    root = cached(f"source-pages-{args.photos}", args.photos, build)
    with Catalog(root) as catalog:
        collection = collection_store.list_collections(catalog)[0].id
        shumshu = place_store.all_places(catalog)[0].id
        chosen = [
            ("collection, by capture date", Source(COLLECTION, collection)),
            ("keyword 'tank'", Source(KEYWORD, "tank")),
            ("hierarchical 'Places|Kurils'", Source(KEYWORD_PATH, "Places|Kurils")),
            ("place Shumshu", Source(PLACE, shumshu)),
            ("needs attention", Source(ATTENTION)),
        ]
        ratios = []
        for name, source in chosen:
            pages: list[float] = []
            wholes: list[float] = []
            for n in range(args.rounds):
                ways = [("page", pages), ("whole", wholes)]
                for way, times in ways if n % 2 == 0 else reversed(ways):
                    if way == "page":
                        times.append(timed(lambda s=source: source_page(catalog, s, order="captured")))
                    else:
                        times.append(timed(lambda s=source: source_ids(catalog, s, order="captured")))
            page_ms, whole_ms = statistics.median(pages) * 1000, statistics.median(wholes) * 1000
            ratios.append(page_ms / whole_ms)
            print(
                f"{name:30}: first screen best {min(pages) * 1000:8.1f} ms, median {page_ms:8.1f} ms;"
                f" whole list best {min(wholes) * 1000:8.1f} ms, median {whole_ms:8.1f} ms; ratio {ratios[-1]:.3f}"
            )
    print(f"load average: {os.getloadavg()}")
    print(f"RESULT first_screen_ratio {max(ratios):.3f}")


if __name__ == "__main__":
    main()
