#!/usr/bin/env python3
"""Command-line benchmark at scale: the commands a user types, as processes, on a big catalog.

Builds once (cached in bench/.cache/cli-scale-N, keyed by N) a catalog of N photos inserted in
bulk with executemany in one transaction, the search index filled by the same SQL the catalog
uses (``TEXT_SOURCES``); a 100-photo catalog is built the same way. Then runs, each as a process
(``photoarchive`` as installed), best of several rounds, against references run here:

- ``photoarchive --help`` and ``photoarchive list`` on the 100-photo archive; reference: a bare
  ``python -c "import sqlite3, json, argparse"``;
- ``photoarchive list --search tank`` on N photos: the time to its first line and to its end;
  reference: the bare SQL listing every match (id, date, name, camera, in the list's order),
  run in this process; also ``--limit 50``;
- ``photoarchive edit ID --caption X`` on N photos; reference: the same on the 100-photo catalog
  (each after the day's backup was taken: the backup is timed on its own, in this process);
- ``photoarchive import`` of 60 small camera JPEGs into the N-photo catalog; reference: the same
  import into an empty archive (the 60 photos are taken out of the big catalog after each round).

Run: ``python bench/cli_scale.py [--photos N] [--rounds R] [--rebuild]``. The machine is
shared: compare the ratios, and read the load average printed with them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bench_catalog import cached

BENCH = Path(__file__).resolve().parent
CACHE = BENCH / ".cache"
SMALL = 100
IMPORT_COUNT = 60
WORDS = [
    "tank", "wreck", "beach", "fog", "trench", "memorial", "Height 171", "Cape Kokutan", "landing",
    "танк", "дот", "высота", "туман", "берег", "траншея", "экспедиция", "Кокутан",
    "戦車", "霧", "海岸", "占守島", "竹田浜", "慰霊碑", "調査",
]  # fmt: skip
SEARCH = "tank"
SMALL_JPEG = ["--width", "1200", "--height", "800", "--seed", "11"]
LIST_COLUMNS = "p.id, p.captured_at, p.original_name, p.camera_make, p.camera_model"


def photoarchive_command() -> list[str]:
    """The installed console script beside this Python (not a pyenv shim, which adds its own
    start-up), else ``python -m photoarchive``."""
    script = Path(sys.executable).parent / "photoarchive"
    return [str(script)] if script.exists() else [sys.executable, "-m", "photoarchive"]


# -- building ---------------------------------------------------------------------------------


def _rows(count: int, batch: int) -> Iterator[tuple[object, ...]]:
    rnd = random.Random(1945)
    for i in range(count):
        words = rnd.sample(WORDS, 4)
        yield (
            hashlib.sha256(str(i).encode()).hexdigest(),
            f"2015/08/{i // 1000:04d}/IMG_{i:07d}.JPG",
            f"IMG_{i:07d}.JPG",
            f"/bench/IMG_{i:07d}.JPG",
            3_000_000,
            "JPEG",
            6000,
            4000,
            1,
            f"2015-08-{10 + i % 10:02d}T{(i // 60) % 24:02d}:{i % 60:02d}:00",
            "Canon",
            "Canon EOS 5D Mark III",
            batch,
            "2026-01-01T00:00:00+00:00",
            f"Photo {i}: " + " ".join(words),
            "Sample Expedition",
            json.dumps(rnd.sample(WORDS[:9], 2), ensure_ascii=False),
        )


def build(root: Path, count: int) -> None:
    """A catalog of ``count`` photos, inserted in one transaction, indexed as the catalog indexes."""
    from photoarchive.catalog import Catalog
    from photoarchive.catalog.search import reindex_all

    if root.exists():
        shutil.rmtree(root)
    started = time.perf_counter()
    catalog = Catalog(root)
    batch = catalog.start_batch(["/bench"])
    conn = catalog.conn
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO photos (sha256, original_path, original_name, source_path, size, format, width, height,"
        " orientation, captured_at, camera_make, camera_model, batch_id, imported_at, caption, credit, keywords)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _rows(count, batch),
    )
    reindex_all(conn)  # the search text and key of each photo
    conn.execute("COMMIT")
    catalog.finish_batch(batch, imported=count, duplicates=0, failed=0, status="completed")
    catalog.close()
    size = (root / "catalog.sqlite").stat().st_size
    print(f"built {count:,} photos in {root} in {time.perf_counter() - started:.1f} s ({size / 1e6:.0f} MB)")


def cached_archive(count: int, rebuild: bool) -> Path:
    return cached(f"cli-scale-{count}", count, build, rebuild=rebuild)


def import_photos() -> Path:
    """60 small camera-like JPEGs (bench/make_photos.py at 1200x800), made once."""
    folder = CACHE / "cli-scale-import"
    if len(list(folder.glob("IMG_*.JPG"))) < IMPORT_COUNT:
        subprocess.run(
            [sys.executable, str(BENCH / "make_photos.py"), str(folder), "--count", str(IMPORT_COUNT), *SMALL_JPEG],
            check=True,
        )
    return folder


# -- timing -----------------------------------------------------------------------------------


def run_process(argv: list[str]) -> tuple[float, float, int]:
    """(seconds to the first line of stdout, seconds to the end, lines) of a command."""
    started = time.perf_counter()
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        first = process.stdout.readline()
        first_at = time.perf_counter() - started
        lines = (1 if first else 0) + sum(1 for _ in process.stdout)
        error = process.stderr.read() if process.stderr else b""
        code = process.wait()
    if code != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({code}): {error.decode(errors='replace')[-2000:]}")
    return first_at, time.perf_counter() - started, lines


def best(rounds: int, measure: Callable[[], float]) -> tuple[float, float]:
    """(best, median) of ``rounds`` runs."""
    times = [measure() for _ in range(rounds)]
    return min(times), statistics.median(times)


def paired(
    rounds: int, reference: Callable[[], float], measure: Callable[[], float]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """(best, median) of a reference and of a measure run in turn, so that both share the load."""
    first: list[float] = []
    second: list[float] = []
    for _ in range(rounds):
        first.append(reference())
        second.append(measure())
    return (min(first), statistics.median(first)), (min(second), statistics.median(second))


def show(label: str, times: tuple[float, float], reference: tuple[float, float] | None = None) -> float | None:
    ratio = times[0] / reference[0] if reference else None
    print(
        f"{label:<58} best {times[0] * 1000:9.1f} ms  median {times[1] * 1000:9.1f} ms"
        + (f"  ratio {ratio:6.2f}" if ratio is not None else "")
    )
    return ratio


def bare_listing(root: Path, query: str) -> float:
    """The bare SQL listing every match, in the list's order (capture date, then id)."""
    from photoarchive.catalog.search import fts_photo_ids, match_clause

    conn = sqlite3.connect(root / "catalog.sqlite")
    clause, params = match_clause(query)
    started = time.perf_counter()
    conn.execute(
        f"SELECT {LIST_COLUMNS} FROM photos p WHERE p.id IN ({fts_photo_ids(clause)})"
        " ORDER BY coalesce(p.captured_at, p.imported_at), p.id",
        params,
    ).fetchall()
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def fresh_backup(root: Path) -> float:
    """Take a backup now (as the day's automatic one would), so that the edits and imports timed
    after it find the day's backup taken; return how long it took."""
    from photoarchive.catalog import Catalog
    from photoarchive.catalog.backup import take_backup

    catalog = Catalog(root)
    try:
        started = time.perf_counter()
        take_backup(catalog.conn, catalog.paths.backups)
        return time.perf_counter() - started
    finally:
        catalog.close()


def first_edit_of_the_day(root: Path, photo: int) -> str:
    """An edit when the day's backup is due (the backups moved aside, then put back): when its
    output came, and when the process ended."""
    backups = sorted((root / "backups").glob("catalog-*.sqlite"))
    aside = root.parent / "aside"
    aside.mkdir(exist_ok=True)
    moved = [b.rename(aside / b.name) for b in backups]
    try:
        output, end, _ = run_process(
            [*photoarchive_command(), "--archive", str(root), "edit", str(photo), "--caption", "first of the day"]
        )
    finally:
        for taken in (root / "backups").glob("catalog-*.sqlite"):
            taken.unlink()  # the one this edit took: the cache keeps its size
        for path in moved:
            path.rename(root / "backups" / path.name)
    return f"its output after {output:.2f} s, the process ended after {end:.1f} s (the backup)"


def remove_batch_photos(root: Path, keep_below: int) -> None:
    """Take the photos a timed import added (id >= keep_below) out of the catalog and the archive."""
    from photoarchive.catalog import Catalog

    catalog = Catalog(root)
    try:
        rows = catalog.conn.execute("SELECT id, original_path FROM photos WHERE id >= ?", (keep_below,)).fetchall()
        with catalog.conn:
            catalog.conn.execute("BEGIN")
            catalog.conn.execute(
                "DELETE FROM photos_fts WHERE rowid IN (SELECT key FROM search_keys WHERE photo_id >= ?)", (keep_below,)
            )
            catalog.conn.execute("DELETE FROM search_keys WHERE photo_id >= ?", (keep_below,))
            catalog.conn.execute("DELETE FROM photos WHERE id >= ?", (keep_below,))
            catalog.conn.execute("COMMIT")
        for _, original in rows:
            path = catalog.paths.original(original)
            path.unlink(missing_ok=True)
            Path(f"{path}.xmp").unlink(missing_ok=True)
    finally:
        catalog.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    rounds = args.rounds
    cmd = photoarchive_command()
    print(f"load average {os.getloadavg()}, {os.cpu_count()} cores; {' '.join(cmd)}")

    big = cached_archive(args.photos, args.rebuild)
    small = cached_archive(SMALL, args.rebuild)
    card = import_photos()
    for root in (big, small):  # a migration added since the cache was built runs here, untimed
        run_process([*cmd, "--archive", str(root), "list", "--limit", "1"])

    print("\n-- start-up (100-photo archive; the three commands taken in turn, so that they share the load)")
    commands = {
        "bare python -c 'import sqlite3, json, argparse'": [sys.executable, "-c", "import sqlite3, json, argparse"],
        "photoarchive --help": [*cmd, "--help"],
        "photoarchive list": [*cmd, "--archive", str(small), "list"],
    }
    taken: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds * 4):
        for name, argv in commands.items():
            taken[name].append(run_process(argv)[1])
    startup = {name: (min(times), statistics.median(times)) for name, times in taken.items()}
    bare, help_times, list_times = startup.values()
    show("bare python -c 'import sqlite3, json, argparse'", bare)
    help_ratio = show("photoarchive --help", help_times, bare)
    list_ratio = show("photoarchive list", list_times, bare)

    print(f"\n-- list --search {SEARCH!r} ({args.photos:,} photos)")
    sql = best(rounds, lambda: bare_listing(big, SEARCH))
    show("bare SQL listing every match (in process)", sql)
    listing = [run_process([*cmd, "--archive", str(big), "list", "--search", SEARCH]) for _ in range(rounds)]
    lines = listing[0][2]
    first = (min(r[0] for r in listing), statistics.median(r[0] for r in listing))
    end = (min(r[1] for r in listing), statistics.median(r[1] for r in listing))
    first_ratio = show(f"list --search: first line ({lines:,} lines)", first, sql)
    show("list --search: to the end", end, sql)
    show(
        "list --search --limit 50",
        best(
            rounds, lambda: run_process([*cmd, "--archive", str(big), "list", "--search", SEARCH, "--limit", "50"])[1]
        ),
        sql,
    )
    show(
        "list --search --offset 100000 --limit 50",
        best(
            rounds,
            lambda: run_process(
                [*cmd, "--archive", str(big), "list", "--search", SEARCH, "--offset", "100000", "--limit", "50"]
            )[1],
        ),
        sql,
    )
    rare = best(rounds, lambda: bare_listing(big, "IMG_0012345"))
    show("bare SQL, a rare match ('IMG_0012345')", rare)
    show(
        "list --search IMG_0012345: first line",
        best(rounds, lambda: run_process([*cmd, "--archive", str(big), "list", "--search", "IMG_0012345"])[0]),
        rare,
    )

    for root, photo in ((small, SMALL // 2), (big, args.photos // 2)):  # the sidecar's folder, as in an archive
        original = (
            sqlite3.connect(root / "catalog.sqlite")
            .execute("SELECT original_path FROM photos WHERE id = ?", (photo,))
            .fetchone()[0]
        )
        (root / "originals" / original).parent.mkdir(parents=True, exist_ok=True)
    print("\n-- the day's automatic backup (taken by the command line after the command's work and output)")
    print(f"photoarchive edit with that backup due: {first_edit_of_the_day(big, args.photos // 2)}")
    backup_big = fresh_backup(big)
    backup_small = fresh_backup(small)
    size = (big / "catalog.sqlite").stat().st_size
    print(
        f"backup of {args.photos:,} photos ({size / 1e6:.0f} MB): {backup_big:.1f} s; of {SMALL}: {backup_small:.3f} s"
    )

    print("\n-- edit one photo (the day's backup already taken)")
    counter = iter(range(10**6))

    def edit(root: Path, photo: int) -> float:
        caption = f"bench caption {next(counter)}"
        return run_process([*cmd, "--archive", str(root), "edit", str(photo), "--caption", caption])[1]

    edit_small, edit_big = paired(rounds * 2, lambda: edit(small, SMALL // 2), lambda: edit(big, args.photos // 2))
    show(f"edit on {SMALL} photos", edit_small)
    edit_ratio = show(f"edit on {args.photos:,} photos", edit_big, edit_small)

    print(f"\n-- import {IMPORT_COUNT} photos ({card})")
    top = int(sqlite3.connect(big / "catalog.sqlite").execute("SELECT max(id) FROM photos").fetchone()[0])

    def import_into(root: Path | None) -> float:
        with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
            target = root or Path(tmp) / "archive"
            elapsed = run_process([*cmd, "--archive", str(target), "import", str(card)])[1]
        if root is not None:
            remove_batch_photos(root, top + 1)
        return elapsed

    into_empty, into_big = paired(rounds, lambda: import_into(None), lambda: import_into(big))
    show("import into an empty archive", into_empty)
    import_ratio = show(f"import into {args.photos:,} photos", into_big, into_empty)

    print(f"\nload average {os.getloadavg()}")
    for name, value in [
        ("help_ratio", help_ratio),
        ("list_ratio", list_ratio),
        ("search_first_line_ratio", first_ratio),
        ("edit_ratio", edit_ratio),
        ("import_ratio", import_ratio),
    ]:
        print(f"RESULT {name} {value:.2f}")


if __name__ == "__main__":
    if "--build-only" in sys.argv:  # build the caches and stop
        n = int(sys.argv[sys.argv.index("--photos") + 1]) if "--photos" in sys.argv else 1_000_000
        cached_archive(n, "--rebuild" in sys.argv)
        cached_archive(SMALL, "--rebuild" in sys.argv)
        import_photos()
    else:
        main()
