"""The transaction context manager: a full disk, a transaction SQLite rolled back itself, and
work deferred until the commit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog, transaction
from photoarchive.catalog.connection import after_commit
from photoarchive.edits import apply_edit, history
from photoarchive.errors import CatalogError
from tests.conftest import add_original, write_photo

BIG = {"caption": "Обломки танка у высоты 171. " * 70, "keywords": [f"keyword {n}" for n in range(300)]}


def _captions(catalog: Catalog) -> list[str]:
    return [r[0] for r in catalog.conn.execute("SELECT caption FROM photos ORDER BY id")]


def test_a_full_catalog_is_a_catalog_error_and_changes_nothing(tmp_path: Path, catalog: Catalog) -> None:
    ids = [add_original(catalog, write_photo(tmp_path / "card" / f"IMG_{n}.JPG", seed=n)) for n in range(3)]
    pages = catalog.conn.execute("PRAGMA page_count").fetchone()[0]
    # SQLite reports SQLITE_FULL ("database or disk is full") when the file may not grow.
    catalog.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(CatalogError, match="the disk holding the catalog is full; nothing was changed"):
        apply_edit(catalog, ids, BIG)
    assert not catalog.conn.in_transaction
    assert _captions(catalog) == ["", "", ""] and history(catalog) == []

    catalog.conn.execute("PRAGMA max_page_count = 1073741823")  # space again: the next edit goes through
    apply_edit(catalog, ids, BIG)
    assert _captions(catalog) == [BIG["caption"].strip()] * 3


def test_an_error_after_sqlite_rolled_back_is_not_masked(catalog: Catalog) -> None:
    # SQLite rolls a transaction back by itself after some errors (a full disk at COMMIT); the
    # ROLLBACK that follows must not replace the error with "no transaction is active".
    with pytest.raises(ValueError, match="the real error"), transaction(catalog.conn):
        catalog.conn.execute("INSERT INTO settings (key, value) VALUES ('p3', 'x')")
        catalog.conn.execute("ROLLBACK")
        raise ValueError("the real error")
    assert not catalog.conn.in_transaction
    with pytest.raises(ValueError, match="inner"), transaction(catalog.conn), transaction(catalog.conn):
        catalog.conn.execute("ROLLBACK")
        raise ValueError("inner")


def test_after_commit_runs_after_the_outermost_commit_only(catalog: Catalog) -> None:
    done: list[str] = []
    after_commit(catalog.conn, lambda: done.append("now"))  # no transaction: at once
    with transaction(catalog.conn):
        after_commit(catalog.conn, lambda: done.append("outer"))
        with pytest.raises(ValueError), transaction(catalog.conn):
            after_commit(catalog.conn, lambda: done.append("rolled back"))
            raise ValueError
        with transaction(catalog.conn):
            after_commit(catalog.conn, lambda: done.append("inner"))
        assert done == ["now"]
    assert done == ["now", "outer", "inner"]
    with pytest.raises(ValueError), transaction(catalog.conn):
        after_commit(catalog.conn, lambda: done.append("never"))
        raise ValueError
    assert done == ["now", "outer", "inner"]


# -- a real full disk: a small tmpfs, mounted for the test (root only; skipped otherwise) ----------


@pytest.fixture
def small_disk(tmp_path: Path):
    mount = tmp_path / "disk"
    mount.mkdir()
    if not shutil.which("mount") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode().strip()})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path, leave: int) -> Path:
    """Fill the disk, then free ``leave`` bytes: enough to open the catalog, not to edit."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def test_edit_on_a_full_disk_says_so_without_a_traceback(tmp_path: Path, small_disk: Path) -> None:
    root = small_disk / "archive"
    with Catalog(root) as catalog:
        for n in range(3):
            add_original(catalog, write_photo(tmp_path / "card" / f"IMG_{n}.JPG", seed=n, size=(64, 48)))
    filler = _fill(small_disk, 40 * 1024)
    command = [sys.executable, "-m", "photoarchive", "--archive", str(root), "edit", "1-3"]
    done = subprocess.run(
        [*command, "--caption", BIG["caption"], "--keywords", ",".join(BIG["keywords"])],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "no transaction is active" not in done.stderr
    assert "photoarchive: error: the disk holding the catalog is full; nothing was changed" in done.stderr

    filler.unlink()
    shown = subprocess.run(
        [sys.executable, "-m", "photoarchive", "--archive", str(root), "history", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert shown.returncode == 0 and json.loads(shown.stdout) == []
    with Catalog(root) as catalog:
        assert _captions(catalog) == ["", "", ""]
