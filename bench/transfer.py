#!/usr/bin/env python3
"""Transfer benchmark (issue 15): a big catalog moved to a PostgreSQL server and backed up from it.

On a copy of the cached ``cli-scale-N`` catalog (``bench/cli_scale.py`` builds it), each round,
as the user runs them (processes, ``photoarchive`` as installed):

- ``photoarchive catalog migrate-to URL``: SQLite -> an empty database on the server (made
  before the round, dropped after it; not timed);
- ``photoarchive --catalog URL backup``: that database -> a checked SQLite snapshot in backups/;

and, as the reference in the same script, ``photoarchive backup`` of the SQLite catalog (SQLite's
online backup API plus its check: what a backup costs today). Prints best and median of the
rounds, the ratios to the reference, and the load average.

Run: ``eval "$(.ci/start-postgres)"; python bench/transfer.py [--photos N] [--rounds R]``
(PHOTOARCHIVE_TEST_PG names the server). The server is the throw-away one (fsync off).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

HERE = Path(__file__).resolve().parent


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return seconds


def drop(url: str, name: str) -> None:
    """Drop the round's database (an autovacuum worker of the superuser's may hold it a moment)."""
    for _attempt in range(50):
        try:
            with psycopg.connect(url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            return
        except psycopg.errors.ObjectInUse:
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    url = os.environ.get("PHOTOARCHIVE_TEST_PG")
    if not url:
        sys.exit('no server: eval "$(.ci/start-postgres)" first')
    cached = HERE / ".cache" / f"cli-scale-{args.photos}" / "archive" / "catalog.sqlite"
    if not cached.exists():
        sys.exit(f"{cached}: missing; run python bench/cli_scale.py --photos {args.photos} first")
    base = url.rpartition("/")[0]
    figures: dict[str, list[float]] = {
        "backup of SQLite (reference)": [],
        "migrate-to server": [],
        "backup of server": [],
    }
    with tempfile.TemporaryDirectory(prefix="bench-transfer-") as folder:
        archive = Path(folder) / "archive"
        archive.mkdir()
        shutil.copyfile(cached, archive / "catalog.sqlite")
        subprocess.run(["photoarchive", "--archive", str(archive), "check"], capture_output=True)  # migrated once
        size = (archive / "catalog.sqlite").stat().st_size
        for round_ in range(args.rounds):
            figures["backup of SQLite (reference)"].append(timed(["photoarchive", "--archive", str(archive), "backup"]))
            name = f"bench_transfer_{round_}"
            with psycopg.connect(url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
                admin.execute(
                    f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8'"
                    " LC_CTYPE 'C.UTF-8'"
                )
            target = f"{base}/{name}"
            try:
                figures["migrate-to server"].append(
                    timed(["photoarchive", "--archive", str(archive), "catalog", "migrate-to", target])
                )
                figures["backup of server"].append(
                    timed(["photoarchive", "--archive", str(archive), "--catalog", target, "backup"])
                )
            finally:
                drop(url, name)
            shutil.rmtree(archive / "backups", ignore_errors=True)
    reference = min(figures["backup of SQLite (reference)"])
    print(
        f"transfer bench: {args.photos} photos, catalog {size / 1e6:.0f} MB, {args.rounds} rounds,"
        f" load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}"
    )
    for label, values in figures.items():
        best, median = min(values), statistics.median(values)
        print(f"  {label:<30} best {best:6.2f} s  median {median:6.2f} s  ratio to reference {best / reference:5.2f}")


if __name__ == "__main__":
    main()
