"""The window's sidecar mirror and daily backup, written by workers (ui/background.py): the
GUI thread stays free while they run, failures are reported, the newest value wins, and what
a closed window left unwritten is written by the next one."""

from __future__ import annotations

import errno
import os
import shutil
import threading

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog import sidecars as mirror
from photoarchive.catalog.backup import check_backup, list_backups
from photoarchive.catalog.curated import load_values
from photoarchive.catalog.daily_backup import take_backup_of
from photoarchive.catalog.sidecar_queue import pending_files
from photoarchive.catalog.sidecars import mirror_path, read_mirror, stale_sidecars
from photoarchive.errors import CatalogError
from photoarchive.ui import main_window
from photoarchive.ui.background import write_sidecars
from photoarchive.ui.main_window import MainWindow


def backup_due(catalog: Catalog) -> None:
    """No backup newer than a day, and the day's check not made yet: the next change takes one."""
    shutil.rmtree(catalog.paths.backups, ignore_errors=True)
    catalog.backup_checked_on = None


def sidecar_of(catalog: Catalog, photo_id: int):
    record = read_mirror(mirror_path(catalog.paths, catalog.photo(photo_id).original_path))
    assert record is not None
    return record


def test_the_daily_backup_runs_on_a_worker_while_the_window_goes_on(qtbot, window) -> None:
    catalog = window.catalog
    backup_due(catalog)
    started, release = threading.Event(), threading.Event()
    threads = []

    def slow_backup(paths, url):
        threads.append(threading.get_ident())
        started.set()
        release.wait(20)  # on the GUI thread this would hold the edit below until the timeout
        return take_backup_of(paths, url)

    window.background.backup = slow_backup
    photo = window.grid_model.ids()[0]
    window.edits.apply([photo], {"caption": "while backing up"}, "Caption")
    # The edit has returned while the backup is still held: the GUI thread is free.
    assert not release.is_set()
    qtbot.waitUntil(started.is_set)
    assert threads == [] or threads[0] != threading.get_ident()
    assert window.background.label.isVisible() and "Backing up the catalog" in window.background.label.text()
    window.edits.apply([photo], {"title": "and more"}, "Title")  # more changes meanwhile take no second one
    release.set()
    with qtbot.waitSignal(window.background.idle, timeout=20_000):
        pass
    assert threads[0] != threading.get_ident()
    assert len(list_backups(catalog.paths)) == 1
    assert "backup of the catalog is taken" in window.statusBar().currentMessage()
    assert not window.background.label.isVisible()


def test_closing_the_window_during_the_backup_closes_at_once_and_the_backup_is_written_whole(
    qtbot, sample_catalog: Catalog, settings
) -> None:
    backup_due(sample_catalog)
    started, release = threading.Event(), threading.Event()

    def slow_backup(paths, url):
        started.set()
        release.wait(20)
        return take_backup_of(paths, url)

    window = MainWindow(sample_catalog, settings, import_workers=1)
    qtbot.addWidget(window)
    window.show()
    window.background.backup = slow_backup
    window.edits.apply([window.grid_model.ids()[0]], {"caption": "last change"}, "Caption")
    qtbot.waitUntil(started.is_set)
    worker = window.background.backup_worker
    assert worker is not None
    assert window.close() and not window.isVisible()  # the close does not wait for the backup
    assert list_backups(sample_catalog.paths) == []
    release.set()
    qtbot.waitUntil(lambda: worker.done, timeout=20_000)  # it finishes, as the application waits for it
    backups = list_backups(sample_catalog.paths)
    assert len(backups) == 1 and check_backup(backups[0].path) == []
    assert sorted(p.name for p in sample_catalog.paths.backups.iterdir()) == [backups[0].name]  # no temporary


def test_a_failed_daily_backup_is_shown_in_words(qtbot, window, monkeypatch: pytest.MonkeyPatch) -> None:
    backup_due(window.catalog)
    shown = []
    monkeypatch.setattr(main_window, "show_error", lambda parent, what, error: shown.append((what, str(error))))

    def no_room(paths, url):
        raise CatalogError(f"cannot back up the catalog into {paths.backups} (No space left on device)")

    window.background.backup = no_room
    window.edits.apply([window.grid_model.ids()[0]], {"caption": "x"}, "Caption")
    qtbot.waitUntil(lambda: bool(shown))
    what, message = shown[0]
    assert what == "The day's backup of the catalog was not taken"
    assert "No space left on device" in message and "Traceback" not in message


def test_two_quick_edits_leave_the_newest_value_in_the_sidecar(qtbot, window) -> None:
    """The first writer reads the first value and is held before it writes; the second edit
    comes meanwhile. A writer started beside the held one would be overwritten by it."""
    catalog = window.catalog
    photo = window.grid_model.ids()[0]
    held, release = threading.Event(), threading.Event()
    calls = []

    def gated_write(archive: Catalog, ids, cancelled):
        calls.append(list(ids))

        def first_holds() -> bool:  # asked before each photo: after the rows were read
            if len(calls) == 1 and not release.is_set():
                held.set()
                release.wait(20)
            return cancelled()

        return write_sidecars(archive, ids, first_holds)

    window.background.write = gated_write
    window.edits.apply([photo], {"caption": "first"}, "Caption")
    qtbot.waitUntil(held.is_set)
    second = window.edits.apply([photo], {"caption": "second"}, "Caption")
    qtbot.wait(50)  # a second writer, if one were started now, would have its chance to run
    release.set()
    qtbot.waitUntil(lambda: not window.background.running() and not window.background.queue.ids, timeout=20_000)
    assert len(calls) == 2 and photo in calls[1]
    record = sidecar_of(catalog, photo)
    assert record.values()["caption"] == "second" and record.edit_id == second.id
    assert stale_sidecars(catalog) == []


def test_a_sidecar_not_written_is_reported_and_written_with_the_next_change(
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = window.catalog
    first, second = window.grid_model.ids()[:2]
    real_write = mirror._atomic_write

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(mirror, "_atomic_write", full)
    window.edits.apply([first], {"caption": "kept"}, "Caption")
    qtbot.waitUntil(lambda: not window.background.running())
    label = window.background.label
    assert label.isVisible() and label.text() == "⚠ XMP sidecars not written: 1"
    assert "No space left on device" in label.toolTip() and "written again after the next change" in label.toolTip()
    assert "--repair-sidecars" not in label.toolTip()  # the window retries: no command to type
    assert load_values(catalog, [first], ["caption"])[first]["caption"] == "kept"  # the catalog has it
    assert first in window.background.queue.ids and pending_files(catalog.paths)

    monkeypatch.setattr(mirror, "_atomic_write", real_write)
    window.edits.apply([second], {"caption": "also"}, "Caption")
    qtbot.waitUntil(lambda: not window.background.running() and not window.background.queue.ids, timeout=20_000)
    assert sidecar_of(catalog, first).values()["caption"] == "kept"
    assert sidecar_of(catalog, second).values()["caption"] == "also"
    assert not label.isVisible() and pending_files(catalog.paths) == []


def test_quitting_in_the_middle_of_the_mirror_and_starting_again_catches_up(
    qtbot, sample_catalog: Catalog, settings
) -> None:
    catalog = sample_catalog
    assert stale_sidecars(catalog) == []
    held, closed = threading.Event(), threading.Event()

    def write_one_then_hold(archive: Catalog, ids, cancelled):
        asked = []

        def after_the_first() -> bool:
            asked.append(1)
            if len(asked) == 2:  # one sidecar written; hold until the window is closed
                held.set()
                closed.wait(20)
            return cancelled()

        return write_sidecars(archive, ids, after_the_first)

    first = MainWindow(catalog, settings, import_workers=1)
    qtbot.addWidget(first)
    first.background.write = write_one_then_hold
    ids = first.grid_model.ids()
    assert len(ids) >= 3
    first.edits.apply(ids, {"credit": "Batch credit"}, "Credit")
    qtbot.waitUntil(held.is_set)
    first.close()
    closed.set()
    qtbot.waitUntil(lambda: first.background.mirror_worker is None, timeout=20_000)
    left = {s.photo_id for s in stale_sidecars(catalog)}
    assert len(left) == len(ids) - 1  # one written, whole; the others not touched
    assert pending_files(catalog.paths)  # noted in the queue's file

    second = MainWindow(catalog, settings, import_workers=1)  # the next start
    qtbot.addWidget(second)
    qtbot.waitUntil(lambda: not second.background.running() and not second.background.queue.ids, timeout=20_000)
    assert stale_sidecars(catalog) == []
    assert all(sidecar_of(catalog, pid).values()["credit"] == "Batch credit" for pid in ids)
    assert pending_files(catalog.paths) == []
    second.close()


@pytest.mark.postgresql
def test_the_daily_backup_of_a_window_on_a_server_not_in_the_folder_is_taken_from_the_server(
    qtbot, tmp_path, pg_url: str, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A window given its server as $PHOTOARCHIVE_CATALOG does (the folder has no catalog.url):
    its worker backs up the window's catalog, not the folder's (which has no catalog.sqlite)."""
    from photoarchive.catalog.daily_backup import DAILY_RECORD
    from tests.places.conftest import add_photo

    shown = []
    monkeypatch.setattr(main_window, "show_error", lambda parent, what, error: shown.append((what, str(error))))
    with Catalog(tmp_path / "Expedition", url=pg_url) as catalog:
        photo = add_photo(catalog, 1)
        window = MainWindow(catalog, settings, import_workers=1)
        qtbot.addWidget(window)
        try:
            backup_due(catalog)
            window.edits.apply([photo], {"caption": "Shumshu, the day's first edit"}, "Caption")
            qtbot.waitUntil(lambda: not window.background.running(), timeout=20_000)
            recorded = catalog.conn.execute("SELECT value FROM settings WHERE key = ?", (DAILY_RECORD,)).fetchone()
        finally:
            window.close()
        backups = list_backups(catalog.paths)
    assert shown == []
    assert len(backups) == 1 and check_backup(backups[0].path) == []
    assert recorded is not None  # the server's record of the day's backup: taken there
    assert not (tmp_path / "Expedition" / "catalog.url").exists()
    assert not (tmp_path / "Expedition" / "catalog.sqlite").exists()
