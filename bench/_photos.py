"""Benchmark inputs: camera-sized JPEGs from bench/make_photos.py, generated once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CACHE = BENCH / ".cache"
MAKE_PHOTOS = BENCH / "make_photos.py"


def camera_photos(count: int) -> list[Path]:
    """``count`` 6000x4000 JPEGs with EXIF in bench/.cache/photos, made once and reused."""
    folder = CACHE / "photos"
    existing = sorted(folder.glob("IMG_*.JPG"))
    if len(existing) < count:
        print(f"generating {count} photos into {folder} (about 2 s each, once)...", flush=True)
        subprocess.run([sys.executable, str(MAKE_PHOTOS), str(folder), "--count", str(count)], check=True)
        existing = sorted(folder.glob("IMG_*.JPG"))
    return existing[:count]


def warm(paths: list[Path]) -> int:
    """Read every file once so that neither run pays for a cold disk cache."""
    return sum(len(p.read_bytes()) for p in paths)
