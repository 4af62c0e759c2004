"""The day's automatic backup and the command line: it copies the whole catalog (seconds for a
million photos), so a command takes it after its work is done and its output written, and says
so when the catalog is large; the window (a catalog not deferring) takes it where the change is."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog import backup as backup_module
from photoarchive.catalog.backup import Backup, list_backups
from photoarchive.catalog.sidecars import mirror_sidecars
from photoarchive.cli import app, main
from tests.conftest import add_original, write_photo


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    with Catalog(root) as catalog:
        add_original(catalog, write_photo(tmp_path / "card" / "IMG_1.JPG", seed=1))
    for path in (root / "backups").glob("*.sqlite"):
        path.unlink()  # the day's backup is due
    return root


def test_the_backup_comes_after_the_edit_and_its_output(
    archive: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = backup_module.take_backup
    seen: list[str] = []

    def take_backup(conn: sqlite3.Connection, folder: Path, label: str = "", *, prune: bool = True) -> Backup:
        seen.append(capsys.readouterr().out)  # what the command had printed by then
        return taken(conn, folder, label, prune=prune)

    monkeypatch.setattr(backup_module, "take_backup", take_backup)
    assert main(["--archive", str(archive), "edit", "1", "--caption", "a tank"]) == 0
    assert len(seen) == 1 and "edit 1" in seen[0]  # the edit was done and printed first
    with Catalog(archive) as catalog:
        assert len(list_backups(catalog.paths)) == 1
    assert "taking the day's backup" not in capsys.readouterr().err  # a small catalog: quick, not announced


def test_a_large_catalog_says_it_is_backing_up(
    archive: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "ANNOUNCE_BACKUP_ABOVE", 0)
    assert main(["--archive", str(archive), "edit", "1", "--caption", "a tank"]) == 0
    assert "photoarchive: taking the day's backup of the catalog" in capsys.readouterr().err
    assert main(["--archive", str(archive), "edit", "1", "--caption", "fog"]) == 0
    assert "taking the day's backup" not in capsys.readouterr().err  # once a day


def test_a_backup_that_fails_is_a_warning_and_the_edit_stands(
    archive: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if (archive / "backups").exists():
        (archive / "backups").rmdir()
    (archive / "backups").write_text("not a folder")
    assert main(["--archive", str(archive), "edit", "1", "--caption", "a tank"]) == 0
    assert "warning: the daily backup was not taken" in capsys.readouterr().err
    with Catalog(archive) as catalog:
        assert catalog.conn.execute("SELECT caption FROM photos WHERE id = 1").fetchone()[0] == "a tank"


def test_a_catalog_that_does_not_defer_takes_it_at_the_change(archive: Path) -> None:
    with Catalog(archive) as catalog:
        assert not catalog.defer_daily_backup
        mirror_sidecars(catalog, [1])
        assert len(list_backups(catalog.paths)) == 1 and not catalog.daily_backup_due
