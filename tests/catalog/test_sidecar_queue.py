"""The photos whose sidecar a window has still to write (catalog/sidecar_queue.py), and the
catalog handing them to such an owner instead of writing them (``Catalog.sidecar_writer``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from photoarchive.catalog import Catalog
from photoarchive.catalog.sidecar_queue import SidecarQueue, pending_files
from photoarchive.catalog.sidecars import mirror_path, read_mirror, stale_sidecars
from photoarchive.edits import apply_edit
from tests.conftest import run_import, write_photos


def a_dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_the_queue_is_a_file_until_every_photo_is_written(catalog: Catalog) -> None:
    queue = SidecarQueue(catalog.paths)
    queue.add({3, 1})
    assert json.loads(queue.file.read_text()) == [1, 3]
    queue.remove({1})
    assert json.loads(queue.file.read_text()) == [3]
    queue.remove({3})
    assert not queue.file.exists() and pending_files(catalog.paths) == []


def test_a_new_owner_takes_over_what_a_dead_or_closed_one_left(catalog: Catalog) -> None:
    dead = catalog.paths.cache / f"sidecars-pending-{a_dead_pid()}-1.json"
    dead.write_text("[5, 6]")
    closed = SidecarQueue(catalog.paths)
    closed.add({7})
    still_open = SidecarQueue(catalog.paths)
    still_open.add({8})
    closed.release()
    damaged = catalog.paths.cache / f"sidecars-pending-{a_dead_pid()}-2.json"
    damaged.write_text("[5,")

    new = SidecarQueue(catalog.paths)
    assert new.take_over() == {5, 6, 7}
    assert new.ids == {5, 6, 7} and json.loads(new.file.read_text()) == [5, 6, 7]
    assert not dead.exists() and not closed.file.exists()
    assert still_open.file.exists() and damaged.exists()  # held by a living owner; unreadable: kept


def test_another_computers_queue_is_taken_over_only_once_long_unchanged(catalog: Catalog) -> None:
    """The archive folder shared by curators on two computers: a process id of the other one
    says nothing here (the same number is dead here while its window writes there)."""
    import os

    from photoarchive.catalog.sidecar_queue import FOREIGN_IDLE, host_name

    ours = SidecarQueue(catalog.paths)
    assert ours.file.name.startswith(f"sidecars-pending-{host_name()}-{os.getpid()}-")
    pid = a_dead_pid()
    busy = catalog.paths.cache / f"sidecars-pending-other-host.example-{pid}-1.json"
    busy.write_text("[5]")
    left = catalog.paths.cache / f"sidecars-pending-other-host.example-{pid}-2.json"
    left.write_text("[6]")
    long_ago = left.stat().st_mtime - FOREIGN_IDLE - 60
    os.utime(left, (long_ago, long_ago))
    dead_here = catalog.paths.cache / f"sidecars-pending-{host_name()}-{pid}-3.json"
    dead_here.write_text("[7]")

    assert ours.take_over() == {6, 7}
    assert busy.exists() and not left.exists() and not dead_here.exists()


def test_an_owner_is_handed_the_photos_instead_of_their_sidecars_being_written(
    tmp_path: Path, catalog: Catalog
) -> None:
    write_photos(tmp_path / "card", 1)
    summary, _ = run_import(catalog, tmp_path / "card")
    photo = summary.photos[0]
    handed: list[set[int]] = []
    catalog.sidecar_writer = handed.append
    edit = apply_edit(catalog, [photo], {"caption": "later"})
    assert handed == [{photo}]
    assert [s.photo_id for s in stale_sidecars(catalog)] == [photo]  # written by the owner, not here
    catalog.sidecar_writer = None
    apply_edit(catalog, [photo], {"title": "now"})
    record = read_mirror(mirror_path(catalog.paths, catalog.photo(photo).original_path))
    assert record is not None and record.edit_id > edit.id and record.values()["caption"] == "later"
