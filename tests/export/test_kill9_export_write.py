"""kill -9 of an export or a ``photoarchive write``: no process outlives the killed one, a
re-run completes, and nothing of the killed run is left (no ``.TARGET.partial-*`` folder, no
``.part`` file).

Uses the marked commands of ``tests.processes`` (every process the command starts inherits
a marker, so survivors are found in /proc whoever their parent has become).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.collections import add_photos, create_collection
from photoarchive.edits import apply_edit
from tests.conftest import add_original, write_photo
from tests.postgres import Backend
from tests.processes import Command, describe, kill_main

pytestmark = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc (Linux)")

PHOTOS = 40


def _archive(tmp_path: Path, size: tuple[int, int], backend: Backend) -> tuple[Path, list[int]]:
    archive = backend.archive(tmp_path / "archive")
    with Catalog(archive) as catalog:
        ids = [
            add_original(catalog, write_photo(tmp_path / "card" / f"IMG_{i:04d}.JPG", size=size, seed=i))
            for i in range(PHOTOS)
        ]
        apply_edit(catalog, ids, {"caption": "Shumshu, 1945", "creator": 'Ivan "Vanya" Petrov'})
        create_collection(catalog, "shumshu")
        add_photos(catalog, "shumshu", ids)
    return archive, ids


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial-" in p.name or ".old-" in p.name or ".part" in p.name)


def test_kill9_during_an_export(tmp_path: Path, commands: list[Command], backend: Backend) -> None:
    archive, _ = _archive(tmp_path, (1600, 1200), backend)
    out = tmp_path / "out"
    target = out / "gallery"
    args = ("export", "shumshu", "--format", "gallery", "--to", str(target), "--workers", "2")
    command = Command(archive, *args)
    commands.append(command)
    process = command.start()
    deadline = time.monotonic() + 60
    partial: list[Path] = []
    while process.poll() is None:
        assert time.monotonic() < deadline, "the export wrote nothing within a minute"
        partial = sorted(out.glob(".gallery.partial-*")) if out.is_dir() else []
        if partial and len(list((partial[0] / "images").rglob("*.jpg"))) >= 6:
            break
        time.sleep(0.01)
    running = command.processes()
    kill_main(process)
    assert partial and not target.exists(), "the export was not killed in the middle"
    assert len(running) > 1, "the export had started no worker when it was killed"
    survivors = command.survivors()
    assert not survivors, f"processes outlived the killed export: {describe(survivors)}"
    assert _leftovers(out), "a killed export leaves its partial folder (this test would prove nothing)"

    rerun = Command(archive, *args, "--json")
    commands.append(rerun)
    done = rerun.run()
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["exported"] == PHOTOS
    assert _leftovers(out) == [], "the killed run's partial folder is still there"
    assert sorted(p.name for p in out.iterdir()) == ["gallery"]
    assert not rerun.survivors(), "processes outlived a completed export"


def test_kill9_during_a_write(tmp_path: Path, commands: list[Command], backend: Backend) -> None:
    archive, ids = _archive(tmp_path, (2400, 1800), backend)
    # Kill while a .part file is there, so that the re-run has one to clean up; the first try
    # may miss the moment (the file lives for one write), so try again in another folder.
    for attempt in range(5):
        out = tmp_path / f"out-{attempt}"
        args = ("write", f"{ids[0]}-{ids[-1]}", "--to", str(out))
        command = Command(archive, *args)
        commands.append(command)
        process = command.start()
        deadline = time.monotonic() + 60
        caught = False
        while process.poll() is None and time.monotonic() < deadline:
            if out.is_dir() and any(name.endswith(".part") for name in _leftovers(out)):
                kill_main(process)
                caught = True
                break
        if not caught:
            process.kill()
            process.wait(timeout=10)
            continue
        assert not command.survivors(), "processes outlived the killed write"
        written = [p for p in out.iterdir() if p.suffix == ".JPG"]
        assert len(written) < PHOTOS, "the write was not killed in the middle"
        break
    else:
        pytest.fail("no .part file was seen in five runs of photoarchive write")
    assert _leftovers(out), "a killed write leaves its .part file (this test would prove nothing)"

    rerun = Command(archive, *args, "--force", "--json")
    commands.append(rerun)
    done = rerun.run()
    assert done.returncode == 0, done.stderr
    assert all(r["error"] is None for r in json.loads(done.stdout))
    assert _leftovers(out) == [], "the killed run's .part file is still there"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"IMG_{i:04d}.JPG" for i in range(PHOTOS))
    assert not rerun.survivors()
