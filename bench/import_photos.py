#!/usr/bin/env python3
"""Import throughput against reference pipelines, on the same files, in the same run.

Two comparisons, each against its own reference, run alternately for ``--rounds`` rounds
(which of a pair goes first alternates too; each round's ratio is taken within the round):

- as the user runs it: ``photoarchive import FILES`` as a process (interpreter start-up,
  imports, scan, the pool, hash, copy with fsync and verification, EXIF/IPTC/XMP read, the 256 px
  thumbnail (a JPEG's 1024 px preview is made after the import, by the window:
  ``ingest.previews``), the catalog, the XMP sidecar mirror) against the least any importer
  must do: a process pool of the same size with the default start method (fork on Linux)
  doing read, SHA-256, ``draft()`` decode, a 512 px thumbnail and a JPEG encode per file,
  timed from the pool's creation. Target (issue 11): <= 1.5.
- in-process: ``ImportJob`` run inside this process against the older, slower reference (a
  spawned pool, LANCZOS with ``reducing_gap``).

``--stages`` also measures where the difference goes: start-up and imports, the pool's
start, the work per file in a worker, and the main process's recording of each photo.

    python bench/import_photos.py [--count 60] [--rounds 5] [--stages] [--no-inprocess]

Prints the best and the median of each side and the load average, and ends with
``RESULT import_ratio R`` (the command against the issue's reference: the median of the
rounds' paired ratios), ``RESULT import_cpu_ratio R`` (the same for CPU time: user + system
of every process, the less load-sensitive figure on a shared machine) and, unless
``--no-inprocess``, ``RESULT import_inprocess_ratio R``.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import hashlib
import json
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from io import BytesIO
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _photos import CACHE, camera_photos, warm
from photoarchive.catalog import Catalog
from photoarchive.ingest import ImportJob


def issue_reference_one(path: str) -> int:
    """Read, SHA-256, draft() decode, a 512 px thumbnail (Pillow's default filter), encode."""
    data = Path(path).read_bytes()
    hashlib.sha256(data).hexdigest()
    with Image.open(BytesIO(data)) as image:
        image.draft("RGB", (512, 512))
        image.thumbnail((512, 512))
        out = BytesIO()
        image.save(out, "JPEG", quality=85)
    return len(out.getvalue())


def old_reference_one(path: str) -> int:
    data = Path(path).read_bytes()
    hashlib.sha256(data).hexdigest()
    with Image.open(BytesIO(data)) as image:
        image.draft("RGB", (512, 512))
        image.thumbnail((512, 512), Image.Resampling.LANCZOS, reducing_gap=2.0)
        out = BytesIO()
        image.save(out, "JPEG", quality=85)
    return len(out.getvalue())


# CPU seconds (user + system) of the last run of each, this process's and its descendants':
# a figure the other loads of a shared machine disturb far less than the elapsed time.
CPU: dict[str, list[float]] = {}
_PR_SET_CHILD_SUBREAPER = 36


def _become_subreaper() -> None:
    """Orphans among our descendants (the fork server of a ``photoarchive`` process that has
    ended) become our children, so that their CPU time is counted once we reap them."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _children() -> set[int]:
    found = set()
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(entry.read_text().rsplit(")", 1)[1].split()[1]) == os.getpid():
                found.add(int(entry.parent.name))
        except (OSError, ValueError, IndexError):
            pass
    return found


def _reap(keep: set[int]) -> None:
    """Wait for our children but ``keep`` (this process's own fork server lives on)."""
    for pid in _children() - keep:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def issue_reference(paths: list[Path], workers: int) -> float:
    """A pool of the same size, the default start method, timed from its creation."""
    cpu = _cpu()
    start = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(issue_reference_one, [str(p) for p in paths]))
    elapsed = time.perf_counter() - start
    CPU.setdefault("issue", []).append(_cpu() - cpu)
    return elapsed


def old_reference(paths: list[Path], workers: int) -> float:
    start = time.perf_counter()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(old_reference_one, [str(p) for p in paths]))
    return time.perf_counter() - start


def command() -> list[str]:
    """``photoarchive`` as installed (the console script), else ``python -m photoarchive``."""
    script = shutil.which("photoarchive")
    return [script] if script else [sys.executable, "-m", "photoarchive"]


def import_process(paths: list[Path], workers: int) -> float:
    """``photoarchive --archive NEW import FILES --json`` as a process, from its start to its end."""
    with tempfile.TemporaryDirectory(dir=CACHE) as folder:
        argv = [*command(), "--archive", str(Path(folder) / "archive"), "import", "--json", *map(str, paths)]
        ours = _children()
        cpu = _cpu()
        start = time.perf_counter()
        run = subprocess.run(argv, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
        _reap(ours)  # the command's fork server: handed to us (a subreaper) when the command ended
        CPU.setdefault("process", []).append(_cpu() - cpu)
        if run.returncode != 0:
            raise SystemExit(f"photoarchive import failed ({run.returncode}):\n{run.stderr}")
        imported = json.loads(run.stdout)["imported"]
        assert imported == len(paths), run.stdout
    return elapsed


def import_inprocess(paths: list[Path], workers: int) -> float:
    with (
        tempfile.TemporaryDirectory(dir=CACHE) as folder,
        Catalog(Path(folder) / "archive") as catalog,
    ):
        start = time.perf_counter()
        job = ImportJob(catalog, paths, workers=workers)
        for _ in job.run():
            pass
        elapsed = time.perf_counter() - start
        assert job.summary is not None and job.summary.imported == len(paths), job.summary
    return elapsed


def stages(paths: list[Path], workers: int) -> None:
    """Where the time goes, each beside what the reference spends on the same step."""
    print("-- stages --")
    python = sys.executable
    for label, code in (
        ("bare interpreter", "pass"),
        ("reference's imports", "import hashlib, concurrent.futures, PIL.Image"),
        ("import command's imports", "import photoarchive.cli.app, photoarchive.ingest.session"),
        (
            "+ the workers' code (forked)",
            "import photoarchive.cli.app, photoarchive.ingest.session, photoarchive.ingest.worker, pyvips, photoarchive.catalog.sidecars",
        ),
        ("fork server's preload", "import photoarchive.pool, photoarchive.ingest.worker, pyvips"),
    ):
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([python, "-c", code], check=True)
            times.append(time.perf_counter() - start)
        print(f"{label:<32} {min(times) * 1000:7.0f} ms as a process (best of 5)")

    # The pool's start in a fresh process, to the end of one trivial task a worker: ours, as
    # the command starts it (forked from the command, which imports the workers' code first),
    # and from the fork server (the window's import: it runs other threads), against a default pool.
    timer = "import time, sys\nstart = time.perf_counter()\n{setup}\nlist({pool})\nprint(time.perf_counter() - start)\n"
    ours = f"batches_in_pool(abs, [1] * {workers}, workers={workers}, cancelled=bool, crashed=abs, preload=WORKER_PRELOAD, fork_here={{}})"
    setup = "from photoarchive.pool import batches_in_pool\nfrom photoarchive.ingest.task import WORKER_PRELOAD"
    forked_code = timer.format(setup=setup, pool=ours.format(True))
    server_code = timer.format(setup=setup, pool=ours.format(False))
    theirs_code = timer.format(
        setup="from concurrent.futures import ProcessPoolExecutor",
        pool=f"ProcessPoolExecutor({workers}).map(abs, [1] * {workers})",
    )
    for label, code in (
        ("pool start (ours: forked here)", forked_code),
        ("pool start (ours: fork server)", server_code),
        ("pool start (default pool)", theirs_code),
    ):
        times = [
            float(subprocess.run([python, "-c", code], check=True, capture_output=True, text=True).stdout)
            for _ in range(3)
        ]
        print(f"{label:<32} {min(times) * 1000:7.0f} ms, one trivial task a worker (best of 3)")

    from photoarchive.ingest.worker import process_file, today

    sample = paths[: min(len(paths), 12)]
    with tempfile.TemporaryDirectory(dir=CACHE) as folder:
        with Catalog(Path(folder) / "archive") as catalog:
            root = str(catalog.paths.root)
        process_file(str(sample[0]), root, today())  # the worker's own first-use costs
        cpu = time.process_time()
        for path in sample[1:]:
            process_file(str(path), root, today())
        ours = (time.process_time() - cpu) / (len(sample) - 1)
    cpu = time.process_time()
    for path in sample[1:]:
        issue_reference_one(str(path))
    theirs = (time.process_time() - cpu) / (len(sample) - 1)
    print(f"{'work per file (CPU, one process)':<32} {ours * 1000:7.1f} ms ours, {theirs * 1000:.1f} ms reference")

    with tempfile.TemporaryDirectory(dir=CACHE) as folder, Catalog(Path(folder) / "archive") as catalog:
        job = ImportJob(catalog, paths, workers=workers)
        spent = [0.0, 0.0]
        record = job._record

        def timed(*args: object) -> object:
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return record(*args)  # type: ignore[arg-type]
            finally:
                spent[0] += time.perf_counter() - start
                spent[1] += time.process_time() - cpu

        job._record = timed  # type: ignore[method-assign]
        start = time.perf_counter()
        for _ in job.run():
            pass
        total = time.perf_counter() - start
    print(
        f"{'recording (main process)':<32} {spent[0] / len(paths) * 1000:7.1f} ms a photo "
        f"({spent[1] / len(paths) * 1000:.1f} ms CPU), {spent[0]:.2f} s of the {total:.2f} s in-process import"
    )


def report(label: str, times: list[float], count: int) -> None:
    print(
        f"{label:<38} best {min(times):.2f} s ({count / min(times):.1f} photos/s), median {statistics.median(times):.2f} s"
    )


def paired(ours: list[float], theirs: list[float]) -> list[float]:
    """The ratio of each round's run to the reference run beside it (the same load, nearly)."""
    return [a / b for a, b in zip(ours, theirs, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=5, help="alternate runs of each; paired ratios per round")
    parser.add_argument("--stages", action="store_true", help="also measure where the time goes")
    parser.add_argument("--no-inprocess", action="store_true", help="only the import as the user runs it")
    args = parser.parse_args()
    paths = camera_photos(args.count)
    workers = os.cpu_count() or 1
    _become_subreaper()
    size = warm(paths)
    print(f"{len(paths)} photos, {size / 1e6:.0f} MB, {workers} worker processes, command {' '.join(command())}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    runs: dict[str, list[float]] = {"issue": [], "process": [], "old": [], "inprocess": []}
    for round_ in range(args.rounds):
        # Which of the two goes first alternates, so that a load that grows or falls over a
        # round weighs on each side alike.
        first, second = (issue_reference, import_process) if round_ % 2 == 0 else (import_process, issue_reference)
        for run in (first, second):
            runs["issue" if run is issue_reference else "process"].append(run(paths, workers))
        line = (
            f"round {round_ + 1}: reference (fork, 512 px) {runs['issue'][-1]:.2f} s "
            f"({CPU['issue'][-1]:.2f} s CPU), photoarchive import process {runs['process'][-1]:.2f} s "
            f"({CPU['process'][-1]:.2f} s CPU), ratio {runs['process'][-1] / runs['issue'][-1]:.2f}"
        )
        if not args.no_inprocess:
            runs["old"].append(old_reference(paths, workers))
            runs["inprocess"].append(import_inprocess(paths, workers))
            line += (
                f"; old reference (spawn, LANCZOS) {runs['old'][-1]:.2f} s, "
                f"in-process import {runs['inprocess'][-1]:.2f} s"
            )
        print(f"{line}; load {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    if args.stages:
        stages(paths, workers)
    print("-- as the user runs it --")
    report("reference pipeline (default pool)", runs["issue"], len(paths))
    report("photoarchive import (a process)", runs["process"], len(paths))
    ratios = paired(runs["process"], runs["issue"])
    ratio = statistics.median(ratios)
    print(
        f"ratio process / reference, paired by round: median {ratio:.2f}, best {min(ratios):.2f}, "
        f"worst {max(ratios):.2f}; best / best {min(runs['process']) / min(runs['issue']):.2f} (target <= 1.5)"
    )
    cpu_ratios = paired(CPU["process"], CPU["issue"])
    cpu_ratio = statistics.median(cpu_ratios)
    print(
        f"CPU time (user + system, all processes): reference best {min(CPU['issue']):.2f} s, median "
        f"{statistics.median(CPU['issue']):.2f} s; import best {min(CPU['process']):.2f} s, median "
        f"{statistics.median(CPU['process']):.2f} s; paired ratio median {cpu_ratio:.2f}, best {min(cpu_ratios):.2f} "
        "(less disturbed by the machine's other loads)"
    )
    inprocess_ratio = None
    if runs["inprocess"]:
        print("-- in-process --")
        report("old reference (spawned pool, LANCZOS)", runs["old"], len(paths))
        report("ImportJob in this process", runs["inprocess"], len(paths))
        inprocess_ratio = statistics.median(paired(runs["inprocess"], runs["old"]))
        print(f"ratio in-process / old reference, paired by round: median {inprocess_ratio:.2f}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"RESULT import_ratio {ratio:.2f}")
    print(f"RESULT import_cpu_ratio {cpu_ratio:.2f}")
    if inprocess_ratio is not None:
        print(f"RESULT import_inprocess_ratio {inprocess_ratio:.2f}")


if __name__ == "__main__":
    main()
