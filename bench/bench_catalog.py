"""Catalogs of made-up photos for the benches: rows inserted straight into ``photos`` (no
files behind them), then the search index built as the catalog builds it (``reindex_all``:
its rows are keyed in capture order, not by photo id).

The benches that build their own catalog share the columns every photo has here and add the
curated columns they measure.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from _photos import CACHE

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog

# The columns of every bench photo, in the order of ``photo_row``.
COLUMNS = (
    "sha256, original_path, original_name, source_path, size, format, width, height, orientation,"
    " captured_at, batch_id, imported_at"
)


def photo_row(i: int, batch: int) -> tuple[object, ...]:
    """The file-side columns of the i-th photo: a 24 MP JPEG taken on one of ten days of 2015."""
    return (
        hashlib.sha256(str(i).encode()).hexdigest(),
        f"2015/08/{i // 1000:03d}/IMG_{i:06d}.JPG",
        f"IMG_{i:06d}.JPG",
        f"/bench/IMG_{i:06d}.JPG",
        3_000_000,
        "JPEG",
        6000,
        4000,
        1,
        f"2015-08-{10 + i % 10:02d}T{(i // 60) % 24:02d}:{i % 60:02d}:00",
        batch,
        "2026-01-01T00:00:00+00:00",
    )


def build_catalog(
    root: Path,
    count: int,
    columns: Sequence[str],
    values: Callable[[int], tuple[object, ...]],
    *,
    before: Callable[[Catalog], None] | None = None,
    extra_sql: Sequence[str] = (),
) -> Catalog:
    """A new catalog in ``root`` (replacing one there) with ``count`` photos: each row is
    ``photo_row`` followed by ``values(i)`` for ``columns``. ``before`` runs first (places the
    rows refer to), ``extra_sql`` after the rows, in the same transaction. Returns the open
    catalog; the caller closes it."""
    from photoarchive.catalog import Catalog  # here: the command benches time photoarchive's own imports
    from photoarchive.catalog.search import reindex_all

    if root.exists():
        shutil.rmtree(root)
    catalog = Catalog(root)
    if before is not None:
        before(catalog)
    batch = catalog.start_batch(["/bench"])
    width = 12 + len(columns)
    sql = f"INSERT INTO photos ({COLUMNS}{''.join(', ' + c for c in columns)}) VALUES ({', '.join('?' * width)})"
    with catalog.conn:
        catalog.conn.execute("BEGIN")
        catalog.conn.executemany(sql, ((*photo_row(i, batch), *values(i)) for i in range(count)))
        for statement in extra_sql:
            catalog.conn.execute(statement)
        reindex_all(catalog.conn)
        catalog.conn.execute("COMMIT")
    catalog.finish_batch(batch, imported=count, duplicates=0, failed=0, status="completed")
    return catalog


def cached(name: str, count: int, build: Callable[[Path, int], None], *, rebuild: bool = False) -> Path:
    """The root of a bench catalog in bench/.cache/NAME, built once by ``build(root, count)``;
    a marker written after the build tells a finished catalog from an interrupted one."""
    root = CACHE / name / "archive"
    done = root.parent / "built"
    if rebuild or not done.exists():
        done.unlink(missing_ok=True)
        print(f"building {count:,} photos in {root} ...", flush=True)
        build(root, count)
        done.write_text(str(count))
    return root


def timed(call: Callable[[], object]) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    call()
    return time.perf_counter() - start
