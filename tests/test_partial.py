"""Leftovers of killed runs are removed; a live run's work and a user's files are not."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from photoarchive.partial import LockedFolder, part_file, remove_leftovers


def test_only_unlocked_leftovers_of_ours_are_removed(tmp_path: Path) -> None:
    live = LockedFolder(tmp_path / "gallery")
    dead = LockedFolder(tmp_path / "gallery")
    dead.close()  # as the kernel does for a killed process
    users = [tmp_path / ".gallery.partial-mine", tmp_path / "IMG_1.JPG.part", tmp_path / ".notes.abcdefgh.part.txt"]
    users[0].mkdir()
    for path in users[1:]:
        path.write_text("mine")
    with part_file(tmp_path / "IMG_2.JPG") as (writing, _):
        removed = remove_leftovers(tmp_path)
        assert writing.exists()
    assert removed == [dead.path]
    assert live.path.is_dir() and all(p.exists() for p in users)
    live.close()
    assert remove_leftovers(tmp_path) == [live.path]


def test_a_lock_held_by_another_process_is_respected(tmp_path: Path) -> None:
    code = (
        "import sys, time; from pathlib import Path; from photoarchive.partial import LockedFolder;"
        "f = LockedFolder(Path(sys.argv[1]) / 'pkg'); print(f.path, flush=True); time.sleep(30)"
    )
    other = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None
        path = Path(other.stdout.readline().strip())
        assert remove_leftovers(tmp_path) == [] and path.is_dir()
    finally:
        other.kill()
        other.wait()
    assert remove_leftovers(tmp_path) == [path]


def test_locked_folder_has_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        folder = LockedFolder(tmp_path / "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(folder.path.stat().st_mode) == 0o755
    folder.close()
