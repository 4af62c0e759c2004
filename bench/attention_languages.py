#!/usr/bin/env python3
"""Benchmark: "Needs attention" with the rule "no caption in a language asked for" (issue 14)
against the same list with no other language asked for (the rule then matches nothing), in one
process: the whole list (``needing_attention``) and one page of the grid (``among=`` 200 ids).

Builds (once, in bench/.cache/attention-languages-N) a catalog of N photos (200,000 by default)
inserted in bulk, each with a caption, a creator and a copyright (so that only the languages
rule puts a photo in the list); half have a Russian caption, a quarter a Japanese one (rows of
``translations``).

Prints the best and median of each way over the rounds (alternating), ``os.getloadavg()``, and
``RESULT attention_languages_ratio R``: the median with en,ru,ja asked for over the median with
en alone.

Run: ``python bench/attention_languages.py [--photos N] [--rounds R]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
from pathlib import Path

from bench_catalog import build_catalog, cached, timed
from photoarchive.catalog import Catalog
from photoarchive.catalog.attention import needing_attention
from photoarchive.catalog.translations import set_languages


def build(root: Path, count: int) -> None:
    catalog = build_catalog(
        root,
        count,
        ("caption", "creator", "copyright"),
        lambda i: (f"Photo {i} on Shumshu", "Ivan Petrov", "© 2015 Sample Expedition"),
        extra_sql=(
            "INSERT INTO translations (photo_id, field, lang, value) SELECT id, 'caption', 'ru', 'Снимок ' || id"
            " FROM photos WHERE id % 2 = 0",
            "INSERT INTO translations (photo_id, field, lang, value) SELECT id, 'caption', 'ja', '写真 ' || id"
            " FROM photos WHERE id % 4 = 0",
        ),
    )
    catalog.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    root = cached(f"attention-languages-{args.photos}", args.photos, build)
    print(f"photos {args.photos:,}  loadavg {os.getloadavg()}")
    with Catalog(root) as catalog:
        page = catalog.photo_ids()[:200]
        times: dict[str, list[float]] = {}
        found: dict[str, int] = {}
        for _ in range(args.rounds):
            for asked in ("en", "en,ru,ja"):
                set_languages(catalog, asked.split(","))
                found[asked] = len(needing_attention(catalog))
                times.setdefault(f"whole {asked}", []).append(timed(lambda: needing_attention(catalog)))
                times.setdefault(f"page {asked}", []).append(timed(lambda: needing_attention(catalog, among=page)))
        set_languages(catalog, [])
    for name, values in times.items():
        print(f"{name:<18} best {min(values) * 1000:8.1f} ms  median {statistics.median(values) * 1000:8.1f} ms")
    print(f"needing attention: en {found['en']:,}, en,ru,ja {found['en,ru,ja']:,}")
    ratio = statistics.median(times["whole en,ru,ja"]) / statistics.median(times["whole en"])
    print(f"loadavg {os.getloadavg()}")
    print(f"RESULT attention_languages_ratio {ratio:.2f}")


if __name__ == "__main__":
    main()
