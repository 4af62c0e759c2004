"""Edits from several processes at once: each reads the values it changes inside its own write
transaction, so none is lost and the history's old values are the values that really were.

The processes are lined up behind a write lock held by the test (so that all of them are
waiting at the same moment, however slowly the machine starts them) and then let go together.
Every test runs on SQLite and on PostgreSQL (``backend``): on a server the write lock is the
catalog's advisory lock, and the processes are curators' programs on other machines.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog, transaction
from photoarchive.cli import main
from photoarchive.edits import StaleEditError, apply_edit, reapply_edit, revert_edit
from photoarchive.model import Place
from photoarchive.places import add_place, assign_place
from photoarchive.templates import apply_template, create_template
from tests.conftest import add_original, write_photo
from tests.postgres import Backend

PROCESSES = 8


@pytest.fixture
def archive(backend: Backend, tmp_path: Path) -> tuple[Path, list[int]]:
    root = backend.archive(tmp_path / "archive")
    with Catalog(root) as catalog:
        ids = [add_original(catalog, write_photo(tmp_path / "card" / f"IMG_{n}.JPG", seed=n)) for n in range(5)]
    return root, ids


def cli(root: Path, *args: str) -> list[str]:
    """The command line as a curator runs it: a process of its own (``python -m photoarchive``)."""
    return [sys.executable, "-m", "photoarchive", "--archive", str(root), *args]


def run_together(root: Path, commands: list[list[str]], cwd: Path) -> list[subprocess.CompletedProcess[str]]:
    """Start every command while the test holds the catalog's write lock, wait until they have
    all had time to reach the catalog, then let them all go at once."""
    with Catalog(root) as holder, transaction(holder.conn):  # the write lock, on either backend
        started = [
            subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for command in commands
        ]
        time.sleep(4.0)  # each needs a fraction of a second to start; they wait up to 30 s for the lock
    results = []
    for process in started:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def changes_of(root: Path, field: str) -> dict[int, list[tuple[int, object, object]]]:
    """Each photo's recorded changes of ``field`` in the order they were made: (edit, old, new)."""
    with Catalog(root) as catalog:
        rows = catalog.conn.execute(
            "SELECT edit_id, photo_id, old_value, new_value FROM edit_changes WHERE field = ? ORDER BY id",
            (field,),
        ).fetchall()
    chains: dict[int, list[tuple[int, object, object]]] = {}
    for row in rows:
        chains.setdefault(row["photo_id"], []).append((row["edit_id"], json.loads(row[2]), json.loads(row[3])))
    return chains


def assert_chained(chains: dict[int, list[tuple[int, object, object]]], first: object) -> None:
    """Each change's old value is the value the change before it left (the first: ``first``)."""
    for photo_id, chain in chains.items():
        previous = first
        for edit_id, old, new in chain:
            assert old == previous, f"photo {photo_id}, edit {edit_id}: recorded old {old!r}, was {previous!r}"
            previous = new


def test_eight_processes_adding_keywords_lose_nothing(archive, tmp_path: Path) -> None:
    root, ids = archive
    span = f"{ids[0]}-{ids[-1]}"
    commands = [cli(root, "edit", span, "--add-keywords", f"k{n}", "--json") for n in range(PROCESSES)]
    results = run_together(root, commands, tmp_path)
    assert [r.returncode for r in results] == [0] * PROCESSES, [r.stderr for r in results]
    assert all("Traceback" not in r.stderr for r in results)

    with Catalog(root) as catalog:
        for pid in ids:
            keywords = catalog.conn.execute("SELECT keywords FROM photos WHERE id = ?", (pid,)).fetchone()[0]
            assert sorted(json.loads(keywords)) == [f"k{n}" for n in range(PROCESSES)], pid
    chains = changes_of(root, "keywords")
    assert sorted(chains) == ids and all(len(chain) == PROCESSES for chain in chains.values())
    assert_chained(chains, [])

    # Undoing the last of them takes its keyword out and keeps the seven others.
    last = max(edit_id for chain in chains.values() for edit_id, _, _ in chain)
    done = subprocess.run(cli(root, "undo", str(last)), capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with Catalog(root) as catalog:
        kept = {tuple(json.loads(r[0])) for r in catalog.conn.execute("SELECT keywords FROM photos")}
    assert len(kept) == 1 and len(next(iter(kept))) == PROCESSES - 1, kept


def test_two_processes_undoing_the_same_edit(archive, tmp_path: Path) -> None:
    root, ids = archive
    span = f"{ids[0]}-{ids[-1]}"
    for caption in ("first", "second"):
        done = subprocess.run(
            cli(root, "edit", span, "--caption", caption), capture_output=True, text=True, cwd=tmp_path
        )
        assert done.returncode == 0, done.stderr
    with Catalog(root) as catalog:
        last = catalog.conn.execute("SELECT max(id) FROM edits").fetchone()[0]

    results = run_together(root, [cli(root, "undo", str(last), "--json")] * 2, tmp_path)
    assert sorted(r.returncode for r in results) == [0, 1], [r.stderr for r in results]
    refused = next(r for r in results if r.returncode == 1)
    assert "already undone" in refused.stderr and "Traceback" not in refused.stderr
    with Catalog(root) as catalog:
        reverts = catalog.conn.execute("SELECT count(*) FROM edits WHERE reverts = ?", (last,)).fetchone()[0]
        captions = {r[0] for r in catalog.conn.execute("SELECT caption FROM photos")}
    assert reverts == 1 and captions == {"first"}
    assert_chained(changes_of(root, "caption"), "")


# -- in one process: two catalogs, the second writing while the first waits for the lock --------


def _write_while_waiting(root: Path, write, then) -> object:
    """Run ``then`` (on its own catalog, in a thread) while another connection holds the write
    lock, make ``write`` on that connection, and let the thread go: what ``then`` returns."""
    holder = Catalog(root)
    result: dict[str, object] = {}

    def worker() -> None:
        with Catalog(root) as mine:
            try:
                result["value"] = then(mine)
            except Exception as error:
                result["error"] = error

    with transaction(holder.conn):
        thread = threading.Thread(target=worker)
        thread.start()
        time.sleep(1.0)  # the thread reaches the catalog and waits for the lock
        write(holder)
    thread.join(60)
    holder.close()
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result.get("value")


def test_keywords_are_added_to_the_values_of_the_moment(archive) -> None:
    root, ids = archive

    def add_mine(_catalog: Catalog) -> int:
        return main(["--archive", str(root), "edit", f"{ids[0]}-{ids[-1]}", "--add-keywords", "mine"])

    assert _write_while_waiting(root, lambda c: apply_edit(c, ids, {"keywords": ["theirs"]}), add_mine) == 0
    with Catalog(root) as catalog:
        rows = catalog.conn.execute("SELECT keywords FROM photos").fetchall()
    assert {tuple(json.loads(r[0])) for r in rows} == {("theirs", "mine")}
    assert_chained(changes_of(root, "keywords"), [])


def test_revert_only_if_unchanged_checks_inside_the_transaction(archive) -> None:
    root, ids = archive
    with Catalog(root) as catalog:
        edit = apply_edit(catalog, ids, {"caption": "mine"})

    def undo(catalog: Catalog):
        return revert_edit(catalog, edit.id, only_if_unchanged=True)

    with pytest.raises(StaleEditError) as raised:
        _write_while_waiting(root, lambda c: apply_edit(c, ids[:2], {"caption": "theirs"}), undo)
    assert sorted({c.photo_id for c in raised.value.changes}) == ids[:2]
    with Catalog(root) as catalog:
        captions = [r[0] for r in catalog.conn.execute("SELECT caption FROM photos ORDER BY id")]
        assert captions == ["theirs", "theirs", "mine", "mine", "mine"]
        # Forced, the undo records what it really replaced.
        undone = revert_edit(catalog, edit.id)
        assert {(c.photo_id, c.old) for c in undone.changes if c.photo_id in ids[:2]} == {
            (ids[0], "theirs"),
            (ids[1], "theirs"),
        }
        with pytest.raises(StaleEditError):  # already undone
            revert_edit(catalog, edit.id, only_if_unchanged=True)
        reapply_edit(catalog, edit.id, only_if_unchanged=True)  # nothing changed since the undo
        assert {r[0] for r in catalog.conn.execute("SELECT caption FROM photos")} == {"mine"}
    assert_chained(changes_of(root, "caption"), "")


def test_a_template_builds_on_the_values_of_the_moment(archive) -> None:
    root, ids = archive
    with Catalog(root) as catalog:
        create_template(catalog, "expedition", {"caption": "{caption} (Shumshu, 2015)"}, add_keywords=["Shumshu"])

    def theirs(catalog: Catalog) -> None:
        apply_edit(catalog, ids, {"caption": "Tank hull", "keywords": ["tanks"]})

    _write_while_waiting(root, theirs, lambda catalog: apply_template(catalog, "expedition", ids))
    with Catalog(root) as catalog:
        rows = {tuple(r) for r in catalog.conn.execute("SELECT caption, keywords FROM photos")}
    assert rows == {("Tank hull (Shumshu, 2015)", '["tanks", "Shumshu"]')}
    assert_chained(changes_of(root, "caption"), "")


def test_a_place_gives_gps_only_to_photos_without_a_position_of_the_moment(archive) -> None:
    root, ids = archive
    with Catalog(root) as catalog:
        island = add_place(catalog, Place("Shumshu", kind="island", latitude=50.75, longitude=156.3))

    def typed(catalog: Catalog) -> None:
        apply_edit(catalog, ids[:1], {"latitude": 50.69, "longitude": 156.35, "gps_source": "edited"})

    _write_while_waiting(root, typed, lambda catalog: assign_place(catalog, ids, island.id))
    with Catalog(root) as catalog:
        rows = [tuple(r) for r in catalog.conn.execute("SELECT latitude, gps_source, place_id FROM photos ORDER BY id")]
    assert rows[0] == (50.69, "edited", island.id)  # the typed position is kept
    assert rows[1:] == [(50.75, "place", island.id)] * (len(ids) - 1)
    assert_chained(changes_of(root, "latitude"), None)
