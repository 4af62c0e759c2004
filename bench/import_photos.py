#!/usr/bin/env python3
"""Import throughput against a reference pipeline, on the same files, in the same run.

The import (hash, copy with fsync and verification, EXIF/IPTC/XMP read, 256 and 1024 px
thumbnails) of 60 camera-sized photos into a fresh archive is timed against a reference
that does the least any importer must: read, SHA-256, draft() decode, a 512 px thumbnail,
JPEG encode, in a process pool of the same size. Target: import <= 1.5 x reference.

    python bench/import_photos.py [--count 60] [--rounds 2]
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from io import BytesIO
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _photos import camera_photos, warm
from photoarchive.catalog import Catalog
from photoarchive.ingest import ImportJob


def reference_one(path: str) -> int:
    data = Path(path).read_bytes()
    hashlib.sha256(data).hexdigest()
    with Image.open(BytesIO(data)) as image:
        image.draft("RGB", (512, 512))
        image.thumbnail((512, 512), Image.Resampling.LANCZOS, reducing_gap=2.0)
        out = BytesIO()
        image.save(out, "JPEG", quality=85)
    return len(out.getvalue())


def reference(paths: list[Path], workers: int) -> float:
    start = time.perf_counter()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(reference_one, [str(p) for p in paths]))
    return time.perf_counter() - start


def import_run(paths: list[Path], workers: int) -> float:
    with (
        tempfile.TemporaryDirectory(dir=Path(__file__).parent / ".cache") as folder,
        Catalog(Path(folder) / "archive") as catalog,
    ):
        start = time.perf_counter()
        job = ImportJob(catalog, paths, workers=workers)
        for _ in job.run():
            pass
        elapsed = time.perf_counter() - start
        assert job.summary is not None and job.summary.imported == len(paths), job.summary
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=2, help="alternate runs of each; the best of each is compared")
    args = parser.parse_args()
    paths = camera_photos(args.count)
    workers = os.cpu_count() or 1
    size = warm(paths)
    print(f"{len(paths)} photos, {size / 1e6:.0f} MB, {workers} worker processes")
    ref_times, import_times = [], []
    for round_ in range(args.rounds):
        ref_times.append(reference(paths, workers))
        import_times.append(import_run(paths, workers))
        print(f"round {round_ + 1}: reference {ref_times[-1]:.2f} s, import {import_times[-1]:.2f} s")
    ref, imp = min(ref_times), min(import_times)
    print(f"reference pipeline: {ref:.2f} s ({len(paths) / ref:.1f} photos/s)")
    print(f"photoarchive import: {imp:.2f} s ({len(paths) / imp:.1f} photos/s)")
    print(f"ratio import / reference: {imp / ref:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
