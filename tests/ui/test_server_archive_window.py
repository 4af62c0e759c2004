"""The window's remaining gaps on a server (issue 15): File > New Archive with its catalog in an
empty database on a server (a database that holds anything refused, a password refused, the
address remembered in the new folder); a server that does not answer keeps the window
responsive while it is waited for, and is said with its host; an import that waits for
another curator's import says whose, and goes on when it ends. All on the test server."""

from __future__ import annotations

import itertools
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt, QTimer

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog, pg
from photoarchive.catalog.location import read_url_file
from photoarchive.ingest import ImportJob
from photoarchive.ingest.session import SERVER_IMPORT_LOCK
from photoarchive.ui.archive_controller import ArchiveController
from photoarchive.ui.dialogs.import_dialog import ImportDialog
from photoarchive.ui.dialogs.open_archive_dialog import OpenArchiveDialog
from photoarchive.ui.main_window import MainWindow
from tests.conftest import write_photos
from tests.postgres import new_database
from tests.ui.conftest import choose, shot


def new_dialog(here: MainWindow, folder: Path, url: str | None) -> OpenArchiveDialog:
    dialog = here.archive.new_archive()
    choose(dialog, folder, url)
    return dialog


# -- New Archive on a server -----------------------------------------------------------------


def test_new_archive_makes_the_catalog_in_an_empty_database_and_remembers_its_address(
    qtbot, here, tmp_path: Path, pg_url: str, messages: list[str], opened: None
) -> None:
    team = tmp_path / "Team archive"
    with new_database(pg_url, "pa_p4_new_archive") as url:
        dialog = new_dialog(here, team, url)
        assert dialog.windowTitle() == "New Archive" and dialog.accept_button.text() == "C&reate"
        assert dialog.problem_text() == "" and dialog.accept_button.isEnabled()
        shot(dialog, "p4_new_archive_server")
        with qtbot.waitSignal(here.archive.archive_opened, timeout=20_000) as blocker:
            dialog.accept_button.click()
        window = blocker.args[0]
        try:
            assert messages == []
            assert window.catalog.location.url == url
            assert read_url_file(team / "catalog.url") == url  # the next curator who opens the folder
            assert not (team / "catalog.sqlite").exists() and (team / "originals").is_dir()
            collection_store.create_collection(window.catalog, "Kuril expedition")
            with Catalog(tmp_path / "Another curator's mount", url=url) as other:  # the catalog is there
                assert [c.name for c in collection_store.list_collections(other)] == ["Kuril expedition"]
        finally:
            window.close()  # its connection, before the database is dropped


def test_new_archive_refuses_a_database_that_holds_a_catalog_and_writes_nothing(
    qtbot, here, tmp_path: Path, pg_url: str, messages: list[str], opened: None
) -> None:
    with Catalog(tmp_path / "The team's archive", url=pg_url) as existing:  # the team's catalog, one photo
        list(ImportJob(existing, write_photos(tmp_path / "card", 1), workers=1).run())
        assert existing.count_photos() == 1
    team = tmp_path / "New archive"
    dialog = new_dialog(here, team, pg_url)
    dialog.accept_button.click()
    qtbot.waitUntil(lambda: bool(messages), timeout=15_000)
    [message] = messages
    assert message.startswith("The archive could not be opened | ")
    assert "already holds the catalog of an archive (photos: 1)" in message and "Open Archive" in message
    assert "Traceback" not in message
    assert not (team / "catalog.url").exists()
    assert here.isVisible() and here.archive.connecting is None
    assert here.archive.actions()["new_archive"].isEnabled()


def test_new_archive_refuses_a_database_of_another_program(
    qtbot, here, tmp_path: Path, pg_url: str, messages: list[str], opened: None
) -> None:
    with new_database(pg_url, "pa_p4_foreign") as url:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE orders (id int)")
        here.archive.open_archive_at(tmp_path / "New", create=True, url=url)
        qtbot.waitUntil(lambda: bool(messages), timeout=15_000)
        with psycopg.connect(url, autocommit=True) as conn:  # nothing of a catalog was made in it
            tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
    assert tables == ["orders"]
    [message] = messages
    assert "tables of another program (orders)" in message and "empty database" in message


def test_new_archive_dialog_refuses_a_password_and_a_folder_that_is_an_archive(
    qtbot, here, tmp_path: Path, messages: list[str]
) -> None:
    dialog = new_dialog(here, tmp_path / "Team", "postgresql://anna:secret@db.example.org/photoarchive")
    assert "password" in dialog.problem_text() and not dialog.accept_button.isEnabled()
    # Tall enough for the note and the problem below it, both wrapped, neither squeezed.
    assert dialog.height() >= dialog.form.totalHeightForWidth(dialog.width())
    shot(dialog, "p4_new_archive_password")
    dialog.url_edit.setText("postgresql://anna@db.example.org/photoarchive")
    assert dialog.problem_text() == "" and dialog.accept_button.isEnabled()
    dialog.folder_edit.setText(str(here.catalog.paths.root))  # this window's archive
    assert "Open Archive" in dialog.problem_text() and not dialog.accept_button.isEnabled()
    dialog.reject()
    assert messages == []


# -- a server that does not answer -----------------------------------------------------------


@pytest.fixture
def silent_server() -> Iterator[str]:
    """The URL of a "server" that takes the connection and never answers (a host gone quiet)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)  # the kernel completes the handshake; nobody ever reads
    try:
        yield f"postgresql://photoarchive@127.0.0.1:{listener.getsockname()[1]}/photoarchive"
    finally:
        listener.close()


def test_a_server_that_does_not_answer_is_waited_for_without_freezing_and_said_with_its_host(
    qtbot, here, tmp_path: Path, silent_server: str, messages: list[str], opened: None, monkeypatch
) -> None:
    monkeypatch.setattr(pg, "CONNECT_TIMEOUT_SECONDS", 2)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    started = time.monotonic()
    assert here.archive.open_archive_at(tmp_path / "Team", create=False, url=silent_server) is None
    assert time.monotonic() - started < 1  # the window's thread is not held by the connection
    bar = here.archive.progress
    assert bar.isVisible() and bar.format() == "Connecting to 127.0.0.1…"
    assert not here.archive.actions()["open_archive"].isEnabled()  # one connection at a time
    shot(here, "p4_connecting")
    qtbot.waitUntil(lambda: bool(messages), timeout=15_000)
    waited = time.monotonic() - started
    timer.stop()
    assert 1.5 < waited < 10  # the timeout, not libpq's default of waiting for ever
    # The window kept handling events while it waited: no gap of a second between two ticks.
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 10 and max(gaps) < 1, max(gaps)
    [message] = messages
    assert "127.0.0.1" in message and "timeout" in message and "Traceback" not in message
    assert not bar.isVisible() and here.archive.actions()["open_archive"].isEnabled()
    assert not (tmp_path / "Team" / "catalog.url").exists()


def test_cancel_stops_waiting_for_a_server_and_the_window_stays_on_its_archive(
    qtbot, here, tmp_path: Path, silent_server: str, messages: list[str], opened: None, monkeypatch
) -> None:
    monkeypatch.setattr(pg, "CONNECT_TIMEOUT_SECONDS", 2)
    failed = ArchiveController._not_connected
    reported: list[str] = []  # the connection's own report, after the Cancel

    def not_connected(controller: ArchiveController, worker, message: str) -> None:
        failed(controller, worker, message)
        reported.append(message)

    monkeypatch.setattr(ArchiveController, "_not_connected", not_connected)
    here.archive.open_archive_at(tmp_path / "Team", create=False, url=silent_server)
    stop = here.archive.stop_button
    assert stop.isVisible() and stop.text() == "Cancel"
    shot(here, "p4_connecting_cancel")
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    bar = here.archive.progress
    assert not bar.isVisible() and not stop.isVisible() and here.archive.connecting is None
    assert here.archive.actions()["open_archive"].isEnabled()  # another archive may be opened now
    qtbot.waitUntil(lambda: bool(reported), timeout=15_000)  # the timeout's error, when it comes...
    assert messages == [] and here.isVisible()  # ... is not shown: the curator stopped waiting
    assert not (tmp_path / "Team" / "catalog.url").exists()


def test_a_window_closed_while_connecting_opens_nothing_and_closes_what_arrives(
    qtbot, tmp_path: Path, pg_url: str, settings, messages: list[str], opened: None, monkeypatch
) -> None:
    arrived: list[Catalog] = []  # the catalogs the controller handled after the window closed
    handle = ArchiveController._connected

    def handled(controller: ArchiveController, worker, catalog: Catalog, url: str) -> None:
        handle(controller, worker, catalog, url)
        arrived.append(catalog)

    monkeypatch.setattr(ArchiveController, "_connected", handled)
    with Catalog(tmp_path / "Here") as catalog:
        window = MainWindow(catalog, settings, import_workers=1)
        qtbot.addWidget(window)
        window.show()
        opened_windows: list[object] = []
        window.archive.archive_opened.connect(opened_windows.append)
        window.archive.open_archive_at(tmp_path / "Team", create=False, url=pg_url)
        connecting = window.archive.connecting
        assert connecting is not None
        assert window.close()  # before the connection's answer is handled
        qtbot.waitUntil(lambda: bool(arrived), timeout=15_000)  # its report handled, not a fixed wait
    assert opened_windows == [] and messages == []
    [late] = arrived
    assert isinstance(late.conn, pg.PgConnection) and late.conn.raw.closed  # the catalog that arrived, closed
    assert not (tmp_path / "Team" / "catalog.url").exists()


def test_the_connect_timeout_is_the_urls_own_when_it_gives_one(silent_server: str, monkeypatch) -> None:
    monkeypatch.setattr(pg, "CONNECT_TIMEOUT_SECONDS", 30)
    started = time.monotonic()
    with pytest.raises(pg.CatalogError, match=r"127\.0\.0\.1.*timeout"):
        pg.PgConnection(f"{silent_server}?connect_timeout=2", shown=silent_server, lock_timeout=1)
    assert time.monotonic() - started < 10


# -- an import waiting for another curator's ---------------------------------------------------


def test_an_import_waiting_for_another_curators_import_says_whose_and_goes_on_when_it_ends(
    qtbot, here, tmp_path: Path, pg_url: str, settings, opened: None
) -> None:
    photos = write_photos(tmp_path / "card", 2)
    with Catalog(tmp_path / "Team archive", url=pg_url) as catalog:
        window = MainWindow(catalog, settings, import_workers=1)
        qtbot.addWidget(window)
        window.show()
        statuses: list[str] = []
        window.archive.status_message.connect(statuses.append)
        # Boris's import, on another computer, holds the catalog's import lock.
        boris = psycopg.connect(pg_url, autocommit=True, application_name="photoarchive:Boris")
        dialog = None
        try:
            boris.execute(f"SELECT pg_advisory_lock({pg.LOCK_NAMESPACE}, {SERVER_IMPORT_LOCK})")
            dialog = window.archive.import_photos([tmp_path / "card"])
            assert isinstance(dialog, ImportDialog)
            qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
            dialog.start()
            qtbot.waitUntil(lambda: "Waiting for another import" in dialog.rate.text(), timeout=15_000)
            assert dialog.rate.text() == "Waiting for another import (Boris, 127.0.0.1)… this one starts when it ends."
            assert any("Boris" in status for status in statuses)  # the status bar too
            shot(dialog, "p4_import_waiting")
            qtbot.wait(700)  # it keeps waiting while the lock is held (the window handling its reports)
            assert dialog.importing() and catalog.count_photos() == 0
            with qtbot.waitSignal(dialog.import_finished, timeout=60_000) as finished:
                boris.execute(f"SELECT pg_advisory_unlock({pg.LOCK_NAMESPACE}, {SERVER_IMPORT_LOCK})")
            assert finished.args[0].imported == len(photos)
            assert "Waiting" not in dialog.rate.text() and "" in statuses  # the status bar's word taken back
            assert catalog.count_photos() == len(photos)
        finally:
            boris.close()
            if dialog is not None and dialog.worker is not None:  # failed midway: no import left running
                dialog.worker.cancel()
                qtbot.waitUntil(lambda: dialog.worker.done, timeout=60_000)
            window.close()
