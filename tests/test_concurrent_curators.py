"""Several curators at once, each in a program of its own: eight spawned processes, each with its
own ``Catalog`` and curator's name, make read-modify-write edits of the same five photos (a
keyword added to what each photo holds at that moment, the caption set). Nothing may be lost:
every keyword is on every photo, each change's recorded old value is the value the change before
it left, and the history names the curator who made each edit.

On PostgreSQL the one thing that makes this hold is the catalog's write lock (an advisory lock
taken by ``transaction()``, ``PgConnection.begin_write``): the control runs the same processes
with the lock taken away and must lose edits, which shows that the test can fail.
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.changes import changes_since, mark
from photoarchive.edits import StaleEditError, apply_edit, load_edit, revert_edit, stale_changes
from tests.conftest import add_original, write_photo
from tests.postgres import Backend
from tests.test_concurrent_edits import assert_chained, changes_of, cli

CURATORS = [f"curator-{n}" for n in range(8)]
EDITS = 20  # by each curator, each on all the photos
PHOTOS = 5


def curate(root: str, name: str, ready: Any, write_lock: bool) -> None:
    """One curator's program (a spawned process): ``EDITS`` edits of every photo of the archive,
    each adding a keyword of its own to the keywords the photo has at that moment and setting
    the caption; the curator's name in the history. ``write_lock=False`` takes the server's write
    lock away (``begin_write`` only begins): the control."""
    from photoarchive.catalog.pg import PgConnection
    from photoarchive.edits import apply_edit

    if not write_lock:
        PgConnection.begin_write = lambda self: self.raw.execute("BEGIN")

    with Catalog(root) as catalog:
        catalog.curator = name
        ids = [int(row[0]) for row in catalog.conn.execute("SELECT id FROM photos ORDER BY id")]
        ready.wait(60)  # every curator's program open and waiting: all start at once

        for n in range(EDITS):

            def values(photo_id: int, n: int = n) -> dict[str, object]:
                # Read inside the edit's transaction: what the photo holds at this moment.
                keywords = json.loads(
                    catalog.conn.execute("SELECT keywords FROM photos WHERE id = ?", (photo_id,)).fetchone()[0]
                )
                return {"keywords": [*keywords, f"{name}/{n}"], "caption": f"{name}, edit {n}"}

            apply_edit(catalog, ids, values, description=f"{name} {n}")


def run_curators(root: Path, *, write_lock: bool = True) -> float:
    """Run the curators' programs at once; the seconds they took together."""
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(len(CURATORS) + 1)
    processes = [context.Process(target=curate, args=(str(root), name, ready, write_lock)) for name in CURATORS]
    for process in processes:
        process.start()
    ready.wait(120)
    started = time.perf_counter()
    for process in processes:
        process.join(300)
    took = time.perf_counter() - started
    assert [p.exitcode for p in processes] == [0] * len(CURATORS)
    return took


def lost_keywords(root: Path) -> int:
    """How many of the keywords the curators added are not on their photos."""
    wanted = {f"{name}/{n}" for name in CURATORS for n in range(EDITS)}
    with Catalog(root) as catalog:
        rows = catalog.conn.execute("SELECT keywords FROM photos").fetchall()
    assert len(rows) == PHOTOS
    return sum(len(wanted - set(json.loads(row[0]))) for row in rows)


@pytest.fixture
def archive(backend: Backend, tmp_path: Path) -> Path:
    root = backend.archive(tmp_path / "archive")
    with Catalog(root) as catalog:
        for n in range(PHOTOS):
            add_original(catalog, write_photo(tmp_path / "card" / f"IMG_{n}.JPG", seed=n))
    return root


def test_eight_curators_editing_the_same_photos_lose_nothing(archive: Path, backend: Backend) -> None:
    took = run_curators(archive)
    print(f"{backend.name}: {len(CURATORS)} curators x {EDITS} edits of {PHOTOS} photos in {took:.1f} s, lost 0")

    assert lost_keywords(archive) == 0
    with Catalog(archive) as catalog:
        for (keywords,) in catalog.conn.execute("SELECT keywords FROM photos"):
            assert len(json.loads(keywords)) == len(CURATORS) * EDITS  # and none twice
        edits = catalog.conn.execute("SELECT id, who, description FROM edits ORDER BY id").fetchall()
    assert len(edits) == len(CURATORS) * EDITS
    assert {row["who"] for row in edits} == set(CURATORS)
    assert all(row["description"].startswith(row["who"] + " ") for row in edits)  # each names its own curator

    keywords = changes_of(archive, "keywords")
    assert sorted(len(chain) for chain in keywords.values()) == [len(CURATORS) * EDITS] * PHOTOS
    assert_chained(keywords, [])
    assert_chained(changes_of(archive, "caption"), "")
    who = {row["id"]: row["who"] for row in edits}
    for chain in keywords.values():
        for edit_id, old, new in chain:
            (added,) = [k for k in new if k not in old]
            assert added.startswith(who[edit_id] + "/")  # the keyword added is its curator's


@pytest.mark.postgresql
def test_without_the_write_lock_curators_lose_edits(tmp_path: Path, pg_url: str) -> None:
    """The control: the same curators with the server's write lock taken away lose keywords and
    break the history's chains (read committed alone lets two edits read the same keywords)."""
    backend = Backend("postgresql", pg_url)
    root = backend.archive(tmp_path / "archive")
    with Catalog(root) as catalog:
        for n in range(PHOTOS):
            add_original(catalog, write_photo(tmp_path / "card" / f"IMG_{n}.JPG", seed=n))

    took = run_curators(root, write_lock=False)
    lost = lost_keywords(root)
    print(f"without the write lock: {took:.1f} s, lost {lost} of {len(CURATORS) * EDITS * PHOTOS} keywords")
    assert lost > 0
    with pytest.raises(AssertionError):
        assert_chained(changes_of(root, "keywords"), [])


def test_an_undo_after_another_curator_changed_the_field_is_refused(archive: Path, tmp_path: Path) -> None:
    """Anna edits captions in her window; Boris changes one of them from his command line (a
    process of his own, on a server another machine's); Anna's window learns of it, and her
    undo (the window's check, the catalog's, the command line's) is refused, Boris's caption kept."""
    with Catalog(archive) as anna:
        anna.curator = "Anna"
        ids = [int(row[0]) for row in anna.conn.execute("SELECT id FROM photos ORDER BY id")]
        seen = mark(anna)
        edit = apply_edit(anna, ids[:2], {"caption": "Anna's"})

        boris = subprocess.run(
            cli(archive, "edit", str(ids[1]), "--caption", "Boris's"), capture_output=True, text=True, cwd=tmp_path
        )
        assert boris.returncode == 0, boris.stderr
        deadline = time.monotonic() + 5
        while not (changes := changes_since(anna, seen)).any and time.monotonic() < deadline:
            time.sleep(0.02)
        assert ids[1] in changes.photo_ids  # her window re-reads the photo Boris changed

        assert [(c.photo_id, c.field) for c in stale_changes(anna, load_edit(anna, edit.id))] == [(ids[1], "caption")]
        with pytest.raises(StaleEditError) as refused:
            revert_edit(anna, edit.id, only_if_unchanged=True)
        assert [(c.photo_id, c.field) for c in refused.value.changes] == [(ids[1], "caption")]

    undo = subprocess.run(cli(archive, "undo", str(edit.id)), capture_output=True, text=True, cwd=tmp_path)
    assert undo.returncode == 1 and "cannot be undone safely" in undo.stderr and "Traceback" not in undo.stderr
    with Catalog(archive) as catalog:
        captions = [r[0] for r in catalog.conn.execute("SELECT caption FROM photos ORDER BY id")]
        history = [tuple(r) for r in catalog.conn.execute("SELECT who, reverts FROM edits ORDER BY id")]
        default = catalog.curator  # none set: the role on a server, the login name on SQLite
    assert captions[:2] == ["Anna's", "Boris's"]
    assert history == [("Anna", None), (default, None)]  # nothing undone; Boris as his role or login
