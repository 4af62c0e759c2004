#!/usr/bin/env python3
"""Rating benchmark: the edit a rating key makes (issue 12: "rating with a key must show on the
cell within one frame (16 ms) on a 100,000-photo catalog").

The culling keys call the window's one edit path, ``PhotoEdits.apply(ids, {"rating": N})``
(validated, one transaction, one history entry, one undo step); the sidecars are written by
the window's workers after it (``catalog.sidecar_writer``), so here they are handed to a
writer that keeps them. Measured on a catalog of N photos (100,000 by default; built once in
bench/.cache/cli-scale-N by ``bench/cli_scale.py``'s builder), rounds alternating so that
both share the load:

- rating 1, 100 and 1,000 photos (the selection) with ``PhotoEdits.apply``, and the undo of it;
- the reference: the same photos given a caption through the same path (what the editor does
  for a typed word), so the ratio says whether a rating costs more than any field's edit.

Prints best and median per case, the 16 ms budget beside the one-photo case, the load
average, and ``RESULT rate_one_ms B`` and ``RESULT rate_vs_caption_ratio R`` (1,000 photos).

Run: ``python bench/rate_photos.py [--photos N] [--rounds R]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "src"))
sys.path.insert(0, str(BENCH))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication  # noqa: E402

from cli_scale import cached_archive  # noqa: E402 - after the paths
from photoarchive.catalog import Catalog  # noqa: E402
from photoarchive.ui.undo import PhotoEdits  # noqa: E402

FRAME_MS = 16.0


def timed(action: Callable[..., object], *args: object) -> float:
    started = time.perf_counter()
    action(*args)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    _app = QCoreApplication(sys.argv)
    root = cached_archive(args.photos, rebuild=False)
    queued: set[int] = set()
    with Catalog(root) as catalog:
        catalog.sidecar_writer = queued.update  # the window's workers write them after the edit
        edits = PhotoEdits(catalog)
        top = catalog.conn.execute("SELECT max(id) FROM photos").fetchone()[0]
        edits.apply([top], {"rating": 1}, "warm-up (the day's backup is taken here)")
        results: dict[int, tuple[list[float], list[float], list[float]]] = {}
        for count in (1, 100, 1000):
            ids = list(range(top - count * 7, top - count * 7 + count))
            rate: list[float] = []
            caption: list[float] = []
            undo: list[float] = []
            for round_ in range(args.rounds):
                caption.append(timed(edits.apply, ids, {"caption": f"Round {round_}"}, "caption"))
                rate.append(timed(edits.apply, ids, {"rating": 1 + round_ % 5}, "rating"))
                undo.append(timed(edits.undo))
            results[count] = (rate, caption, undo)
    print(
        f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}; {args.photos:,} photos; {args.rounds} rounds"
    )
    for count, (rate, caption, undo) in results.items():
        ratio = min(rate) / min(caption)
        budget = f"  (frame budget {FRAME_MS:.0f} ms)" if count == 1 else ""
        print(
            f"rate {count:>5} photos: best {min(rate) * 1000:7.2f} ms median {statistics.median(rate) * 1000:7.2f} ms"
            f" | caption best {min(caption) * 1000:7.2f} ms median {statistics.median(caption) * 1000:7.2f} ms"
            f" | ratio {ratio:5.2f} | undo best {min(undo) * 1000:7.2f} ms{budget}"
        )
    print(f"RESULT rate_one_ms {min(results[1][0]) * 1000:.2f}")
    print(f"RESULT rate_vs_caption_ratio {min(results[1000][0]) / min(results[1000][1]):.2f}")


if __name__ == "__main__":
    main()
