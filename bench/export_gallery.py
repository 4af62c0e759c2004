#!/usr/bin/env python3
"""Gallery export against sigal, on the same 60 camera-sized photos, in the same run.

Photo Archive's gallery export (1600 px images, 280 px thumbnails; also its 560 px HiDPI
images, sRGB profiles and embedded metadata, which sigal does not make) is timed against
sigal (a Python static gallery generator; https://sigal.saimon.org) building the same
photos at the same sizes (``img_size`` 1600, ``thumb_size`` 280 without cropping, its
default JPEG options), both with one worker process per core. Sigal is installed into
``bench/.venv-sigal`` by this script (``python -m venv`` + pip), never into the project's
environment. Target: the export at least 4 times faster than sigal.

    python bench/export_gallery.py [--count 60] [--rounds 2]

The photos come from bench/make_photos.py, generated once into bench/.cache/, and
are imported once into bench/.cache/export-archive (not timed).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _photos import CACHE, camera_photos, warm
from photoarchive.catalog import Catalog
from photoarchive.collections import add_photos, create_collection, get_collection
from photoarchive.errors import NotFoundError
from photoarchive.ingest import ImportJob

EXPECTED = [0]  # photos each gallery must hold
SIGAL_VENV = Path(__file__).resolve().parent / ".venv-sigal"
SIGAL_VERSION = "sigal==2.6.1"
LONG_EDGE, THUMBNAIL = 1600, 280
SIGAL_CONFIG = f"""
img_size = ({LONG_EDGE}, {LONG_EDGE})
thumb_size = ({THUMBNAIL}, {THUMBNAIL})
thumb_fit = False
"""


def sigal_command() -> Path:
    """bench/.venv-sigal/bin/sigal, created on first use."""
    binary = SIGAL_VENV / ("Scripts" if os.name == "nt" else "bin") / "sigal"
    if not binary.exists():
        print(f"installing {SIGAL_VERSION} into {SIGAL_VENV} (once)...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(SIGAL_VENV)
        python = SIGAL_VENV / ("Scripts" if os.name == "nt" else "bin") / "python"
        subprocess.run([str(python), "-m", "pip", "install", "-q", SIGAL_VERSION], check=True)
    return binary


def archive_with_collection(photos: list[Path], workers: int) -> Path:
    """bench/.cache/export-archive with the photos imported and a collection 'bench' of them."""
    root = CACHE / "export-archive"
    with Catalog(root) as catalog:
        try:
            if get_collection(catalog, "bench").photo_count == len(photos):
                return root
        except NotFoundError:
            pass
    shutil.rmtree(root, ignore_errors=True)
    print(f"importing {len(photos)} photos into {root} (once, not timed)...", flush=True)
    with Catalog(root) as catalog:
        job = ImportJob(catalog, photos, workers=workers)
        for _ in job.run():
            pass
        assert job.summary is not None and job.summary.imported == len(photos), job.summary
        create_collection(catalog, "bench", title="Benchmark", caption_template="{caption}")
        add_photos(catalog, "bench", sorted(job.summary.photos))
    return root


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, with worker processes) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def export_run(archive: Path, workers: int) -> tuple[float, float]:
    """The command a curator types, in its own process, as sigal runs in its own."""
    with tempfile.TemporaryDirectory(dir=CACHE) as folder:
        command = [
            sys.executable, "-m", "photoarchive", "--archive", str(archive), "export", "bench", "--format", "gallery",
            "--to", f"{folder}/gallery", "--long-edge", str(LONG_EDGE), "--thumbnail", str(THUMBNAIL),
            "--workers", str(workers),
        ]  # fmt: skip
        result = timed(command)
        assert len(list(Path(folder, "gallery", "images", "large").glob("*.jpg"))) == EXPECTED[0]
    return result


def sigal_run(sigal: Path, photos: list[Path], workers: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(dir=CACHE) as folder:
        source = Path(folder) / "source"
        source.mkdir()
        for photo in photos:  # links: sigal reads the same files, and copying is not timed
            os.link(photo, source / photo.name)
        config = Path(folder) / "sigal.conf.py"
        config.write_text(SIGAL_CONFIG, encoding="utf-8")
        command = [str(sigal), "build", "-c", str(config), "-n", str(workers), "--quiet", str(source), f"{folder}/out"]
        result = timed(command)
        made = list(Path(folder, "out").rglob("*.jpg")) + list(Path(folder, "out").rglob("*.JPG"))
        assert len(made) >= 2 * len(photos), f"sigal made {len(made)} images"
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=2, help="alternate runs of each; the best of each is compared")
    args = parser.parse_args()
    photos = camera_photos(args.count)
    workers = os.cpu_count() or 1
    sigal = sigal_command()
    archive = archive_with_collection(photos, workers)
    size = warm(photos)
    EXPECTED[0] = len(photos)
    print(f"{len(photos)} photos, {size / 1e6:.0f} MB, {workers} worker processes, {LONG_EDGE} px / {THUMBNAIL} px")
    print(f"load average before: {os.getloadavg()[0]:.2f} (the machine is shared: compare ratios, not seconds)")
    sigal_runs, export_runs = [], []
    for round_ in range(args.rounds):
        sigal_runs.append(sigal_run(sigal, photos, workers))
        export_runs.append(export_run(archive, workers))
        (sw, sc), (ew, ec) = sigal_runs[-1], export_runs[-1]
        print(
            f"round {round_ + 1}: sigal {sw:.2f} s wall / {sc:.2f} s CPU, export {ew:.2f} s wall / {ec:.2f} s CPU",
            flush=True,
        )
    sigal_wall, sigal_cpu = min(w for w, _ in sigal_runs), min(c for _, c in sigal_runs)
    wall, cpu = min(w for w, _ in export_runs), min(c for _, c in export_runs)
    print(
        f"sigal {SIGAL_VERSION.split('==')[1]}: {sigal_wall:.2f} s wall ({len(photos) / sigal_wall:.1f} photos/s), {sigal_cpu:.2f} s CPU"
    )
    print(f"photoarchive export: {wall:.2f} s wall ({len(photos) / wall:.1f} photos/s), {cpu:.2f} s CPU")
    print(
        f"ratio sigal / export: {sigal_wall / wall:.2f} x faster in wall time, {sigal_cpu / cpu:.2f} x in CPU time (target >= 4)"
    )


if __name__ == "__main__":
    main()
