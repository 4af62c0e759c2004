"""The libvips reference for bench/export_gallery.py, run with bench/.venv-vips's Python.

The two renditions a gallery needs, made the way a libvips user makes them, as fast as
libvips makes them: ``thumbnail`` (which decodes a JPEG with shrink-on-load, at the
smallest DCT scale that covers the size, then resamples with Lanczos 3) to a 1600 px long
edge, saved as a progressive JPEG at quality 85 with optimised Huffman tables; then a
280 px thumbnail from that image held in memory, saved as a baseline JPEG with the same
options (faster than a second ``thumbnail`` from the file). One pool of ``--workers``
processes (the default start method), one photo a task, as the exporter runs.

    .venv-vips/bin/python _libvips_gallery.py --workers 2 --out DIR PHOTO...
"""

from __future__ import annotations

import argparse
import multiprocessing
from pathlib import Path

import pyvips

OUT = Path()
LARGE, THUMBNAIL = 1600, 280


def render(path: str) -> None:
    name = Path(path).stem + ".jpg"
    large = pyvips.Image.thumbnail(path, LARGE).copy_memory()
    large.jpegsave(str(OUT / "large" / name), Q=85, optimize_coding=True, interlace=True)
    thumb = large.thumbnail_image(THUMBNAIL)
    thumb.jpegsave(str(OUT / "thumbs" / name), Q=85, optimize_coding=True)


def start(out: str) -> None:
    global OUT
    OUT = Path(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("photos", nargs="+")
    args = parser.parse_args()
    for folder in ("large", "thumbs"):
        Path(args.out, folder).mkdir(parents=True, exist_ok=True)
    with multiprocessing.Pool(args.workers, initializer=start, initargs=(args.out,)) as pool:
        for _ in pool.imap_unordered(render, args.photos):
            pass


if __name__ == "__main__":
    main()
