"""The day's automatic backup and the command line: it copies the whole catalog (seconds for a
million photos), so a command takes it after its work is done and its output written, and says
so when the catalog is large; the window (a catalog not deferring) takes it where the change is."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog import backup as backup_module
from photoarchive.catalog.backup import Backup, list_backups
from photoarchive.catalog.connection import Connection, transaction
from photoarchive.catalog.sidecars import mirror_sidecars
from photoarchive.cli import app, main
from tests.conftest import add_original, write_photo
from tests.postgres import Backend


@pytest.fixture
def archive(backend: Backend, tmp_path: Path) -> Path:
    root = backend.archive(tmp_path / "archive")
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

    def take_backup(conn: Connection, folder: Path, label: str = "", *, prune: bool = True, **how: Any) -> Backup:
        seen.append(capsys.readouterr().out)  # what the command had printed by then
        return taken(conn, folder, label, prune=prune, **how)  # on a server, how: the snapshot's copy

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


def test_one_daily_backup_a_day_for_five_curators_of_a_server(tmp_path: Path, pg_url: str) -> None:
    """Five curators' changes on one day on a catalog on a server: one backup, a checked SQLite
    snapshot, recorded in the catalog; a curator who finds the lock held takes none; a record
    over 24 hours old makes the next change take one again."""
    from photoarchive.catalog.backup import check_backup
    from photoarchive.catalog.daily_backup import DAILY_RECORD, SERVER_BACKUP_LOCK
    from photoarchive.catalog.pg import LOCK_NAMESPACE

    root = Backend("postgresql", pg_url).archive(tmp_path / "archive")
    with Catalog(root) as catalog:
        photo = add_original(catalog, write_photo(tmp_path / "card" / "IMG_1.JPG", seed=1))
    for path in (root / "backups").glob("*.sqlite"):
        path.unlink()

    # Another curator's process holds the lock: this one leaves the backup to it.
    with Catalog(root) as holder, Catalog(root) as curator:
        holder.conn.execute(f"SELECT pg_advisory_lock({LOCK_NAMESPACE}, {SERVER_BACKUP_LOCK})")
        mirror_sidecars(curator, [photo])
        assert list_backups(curator.paths) == []
        holder.conn.execute(f"SELECT pg_advisory_unlock({LOCK_NAMESPACE}, {SERVER_BACKUP_LOCK})")

    curators = [Catalog(root) for _ in range(5)]
    try:
        for curator in curators:
            mirror_sidecars(curator, [photo])
        backups = list_backups(curators[0].paths)
        assert len(backups) == 1 and check_backup(backups[0].path) == []
        recorded = curators[0].conn.execute("SELECT value FROM settings WHERE key = ?", (DAILY_RECORD,)).fetchone()
        assert recorded[0] == backups[0].taken_at.isoformat()
        with sqlite3.connect(backups[0].path) as copy:  # the snapshot has the photo
            assert copy.execute("SELECT count(*) FROM photos").fetchone()[0] == 1
        # A day later (the record says so), the next curator's change takes the next one.
        with transaction(curators[1].conn):
            curators[1].conn.execute(
                "UPDATE settings SET value = ? WHERE key = ?",
                ((backups[0].taken_at - timedelta(hours=25)).isoformat(), DAILY_RECORD),
            )
        curators[2].backup_checked_on = None  # its next day
        mirror_sidecars(curators[2], [photo])
        [newer] = list_backups(curators[2].paths)  # the older one of the same day pruned
        assert newer.path != backups[0].path and check_backup(newer.path) == []
        recorded = curators[3].conn.execute("SELECT value FROM settings WHERE key = ?", (DAILY_RECORD,)).fetchone()
        assert recorded[0] == newer.taken_at.isoformat()
    finally:
        for curator in curators:
            curator.close()


def test_the_windows_worker_takes_the_servers_daily_backup_once(archive: Path, backend: Backend) -> None:
    """``take_backup_of`` (the window's worker, a connection of its own): on a server the day's
    recorded one, and the same backup again to a second window the same day; on SQLite a new one."""
    from photoarchive.catalog import ArchivePaths
    from photoarchive.catalog.backup import check_backup
    from photoarchive.catalog.daily_backup import take_backup_of

    paths = ArchivePaths(archive)
    first = take_backup_of(paths)
    assert check_backup(first.path) == []
    second = take_backup_of(paths)
    if backend.name == "postgresql":
        assert second == first and len(list_backups(paths)) == 1
    else:
        assert second.path != first.path
