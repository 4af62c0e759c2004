#!/usr/bin/env python3
"""Gallery export against libvips and sigal, on the same 60 camera-sized photos, in the same run.

Photo Archive's gallery export (1600 px images, 280 px thumbnails; also its 560 px HiDPI
images, sRGB profiles, a credit burned into the larger two and embedded metadata, which the
others do not make) is timed, as the command a curator types, against two references run as commands too,
each with one worker process per core:

- libvips (``bench/_libvips_gallery.py`` through pyvips: shrink-on-load, Lanczos 3, the
  1600 px image progressive with optimised Huffman tables at quality 85, the 280 px one
  baseline from it), the fastest tool at this job: the anchor. Target: <= 1.0x its time.
- sigal (a Python static gallery generator; https://sigal.saimon.org) building the same
  photos at the same sizes (``img_size`` 1600, ``thumb_size`` 280 without cropping, its
  default JPEG options).

Both are installed into their own environments, ``bench/.venv-vips`` and
``bench/.venv-sigal``, by this script (``python -m venv`` + pip), never into the project's.
The runs alternate; the best wall time of each is compared, and the median is printed too.
The last lines are ``RESULT export_vs_libvips R`` (export time / libvips time) and
``RESULT export_vs_sigal R`` (export time / sigal time).

    python bench/export_gallery.py [--count 60] [--rounds 3]

The photos come from bench/make_photos.py, generated once into bench/.cache/, and
are imported once into bench/.cache/export-archive (not timed).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
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
VIPS_VENV = Path(__file__).resolve().parent / ".venv-vips"
VIPS_PACKAGES = ("pyvips==3.2.0", "pyvips-binary==8.18.7")  # the binary wheel bundles libvips
VIPS_SCRIPT = Path(__file__).resolve().parent / "_libvips_gallery.py"
LONG_EDGE, THUMBNAIL = 1600, 280
SIGAL_CONFIG = f"""
img_size = ({LONG_EDGE}, {LONG_EDGE})
thumb_size = ({THUMBNAIL}, {THUMBNAIL})
thumb_fit = False
"""


def in_venv(folder: Path, program: str, packages: tuple[str, ...], check: list[str]) -> Path:
    """``folder``/bin/``program``, with ``packages`` installed into that environment on first use
    (or when ``check``, run with its Python, fails)."""
    binaries = folder / ("Scripts" if os.name == "nt" else "bin")
    python = binaries / "python"
    ready = python.exists() and subprocess.run([str(python), *check], capture_output=True).returncode == 0
    if not ready:
        print(f"installing {' '.join(packages)} into {folder} (once)...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(folder)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *packages], check=True)
    return binaries / program


def sigal_command() -> Path:
    """bench/.venv-sigal/bin/sigal, created on first use."""
    return in_venv(SIGAL_VENV, "sigal", (SIGAL_VERSION,), ["-c", "import sigal"])


def vips_python() -> Path:
    """bench/.venv-vips/bin/python with pyvips and its bundled libvips, created on first use."""
    return in_venv(VIPS_VENV, "python", VIPS_PACKAGES, ["-c", "import pyvips"])


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


def adopt_orphans() -> None:
    """Make this process the one that reaps the commands' orphans (Linux): a worker forked by a
    fork server, or the server itself, is counted in no one's CPU time when its command ends
    first and no process waits for it."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time of a command (until it exits) and its CPU time (user + system), with its
    worker processes and any they left behind (waited for here: see adopt_orphans)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{command[0]} failed:\n{done.stderr}")
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def export_run(archive: Path, workers: int) -> tuple[float, float]:
    """The command a curator types, in its own process, as sigal runs in its own."""
    with tempfile.TemporaryDirectory(dir=CACHE) as folder:
        command = [
            sys.executable, "-m", "photoarchive", "--archive", str(archive), "export", "bench", "--format", "gallery",
            "--to", f"{folder}/gallery", "--long-edge", str(LONG_EDGE), "--thumbnail", str(THUMBNAIL),
            "--workers", str(workers), "--burn-credit", "© Sample Expedition, Shumshu 2015",
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


def vips_run(python: Path, photos: list[Path], workers: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(dir=CACHE) as folder:
        command = [str(python), str(VIPS_SCRIPT), "--workers", str(workers), "--out", folder, *map(str, photos)]
        result = timed(command)
        for rendition in ("large", "thumbs"):
            made = len(list(Path(folder, rendition).glob("*.jpg")))
            assert made == len(photos), f"libvips made {made} {rendition} images"
    return result


def summary(name: str, runs: list[tuple[float, float]], count: int) -> float:
    """Print the best and median of the runs; return the best wall time."""
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    best = min(walls)
    print(
        f"{name:<22} best {best:6.2f} s wall ({count / best:4.1f} photos/s), median {statistics.median(walls):6.2f} s;"
        f" CPU best {min(cpus):6.2f} s"
    )
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3, help="alternate runs of each; the best of each is compared")
    args = parser.parse_args()
    photos = camera_photos(args.count)
    workers = os.cpu_count() or 1
    sigal, vips = sigal_command(), vips_python()
    adopt_orphans()
    archive = archive_with_collection(photos, workers)
    size = warm(photos)
    EXPECTED[0] = len(photos)
    print(f"{len(photos)} photos, {size / 1e6:.0f} MB, {workers} worker processes, {LONG_EDGE} px / {THUMBNAIL} px")
    print(f"load average before: {os.getloadavg()} (the machine is shared: compare ratios, not seconds)")
    runs: dict[str, list[tuple[float, float]]] = {"libvips": [], "sigal": [], "photoarchive export": []}
    for round_ in range(args.rounds):
        runs["libvips"].append(vips_run(vips, photos, workers))
        runs["photoarchive export"].append(export_run(archive, workers))
        runs["sigal"].append(sigal_run(sigal, photos, workers))
        line = ", ".join(f"{name} {r[-1][0]:.2f} s wall / {r[-1][1]:.2f} s CPU" for name, r in runs.items())
        print(f"round {round_ + 1}: {line}", flush=True)
    print(f"load average after: {os.getloadavg()}")
    best = {name: summary(name, r, len(photos)) for name, r in runs.items()}
    ours = best["photoarchive export"]
    cpu = {name: min(c for _, c in r) for name, r in runs.items()}
    print(f"CPU time, best: export / libvips {cpu['photoarchive export'] / cpu['libvips']:.2f}")
    print(f"RESULT export_vs_libvips {ours / best['libvips']:.2f}")
    print(f"RESULT export_vs_sigal {ours / best['sigal']:.2f}")


if __name__ == "__main__":
    main()
