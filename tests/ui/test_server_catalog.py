"""The window on a catalog on a PostgreSQL server (issue 15): File > Open Archive with the server's
address (written into the folder's catalog.url, a password refused), $PHOTOARCHIVE_CATALOG at
start, the workers on the same catalog, the server named in the title, what cannot be opened
said in a message with the window still there, another curator's change seen within 3 s."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.catalog.location import read_url_file
from photoarchive.model import Place, PlaceName
from photoarchive.places import add_place
from photoarchive.ui.archive_controller import OPEN_WINDOWS
from photoarchive.ui.dialogs.open_archive_dialog import OpenArchiveDialog
from photoarchive.ui.filter_controller import completions_job
from photoarchive.ui.main_window import MainWindow
from photoarchive.ui.sources import COLLECTION, Source
from tests.postgres import new_database
from tests.ui.conftest import choose

UNREACHABLE = "postgresql://photoarchive@127.0.0.1:1/photoarchive"  # nothing listens on port 1


def open_button(dialog: OpenArchiveDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Open)


def started(folder: Path) -> list[MainWindow]:
    """The windows run_gui showed on the archive at ``folder``."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w.isVisible() and w.catalog.paths.root == folder.resolve()
    ]


def wait_for(qtbot, worker):
    with qtbot.waitSignal(worker.signals.finished, timeout=20_000) as blocker:
        worker.start()
    return blocker.args[0]


def test_open_archive_with_a_server_address_writes_catalog_url_and_opens_it(
    qtbot, here, tmp_path: Path, pg_url: str, messages: list[str], opened: None
) -> None:
    team = tmp_path / "Team archive"
    with Catalog(team, url=pg_url) as other:  # another curator's catalog on the server
        collection_store.create_collection(other, "Kuril expedition")
    dialog = here.archive.open_archive()
    choose(dialog, team, pg_url)
    assert dialog.problem_text() == ""
    with qtbot.waitSignal(here.archive.archive_opened) as blocker:
        open_button(dialog).click()
    window = blocker.args[0]
    assert messages == []
    assert window.catalog.location.url == pg_url
    assert read_url_file(team / "catalog.url") == pg_url  # the next curator who opens the folder
    assert not (team / "catalog.sqlite").exists()
    assert window.windowTitle() == f"Photo Archive — Team archive — {pg_url}"  # the server (no password in it)
    assert "Kuril expedition" in [c.name for c in collection_store.list_collections(window.catalog)]

    # The next time the folder is chosen, the dialog shows its server.
    again = OpenArchiveDialog(parent=window)
    again.folder_edit.setText(str(team))
    assert again.on_server.isChecked() and again.url() == pg_url and open_button(again).isEnabled()
    again.on_server.setChecked(False)  # the folder's catalog is on the server all the same
    assert "migrate-to" in again.problem_text() and not open_button(again).isEnabled()


def test_an_address_with_a_password_is_refused_and_never_written(
    qtbot, here, tmp_path: Path, messages: list[str], opened: None
) -> None:
    team = tmp_path / "Team archive"
    dialog = here.archive.open_archive()
    choose(dialog, team, "postgresql://anna:secret@db.example.org/photoarchive")
    assert "password" in dialog.problem_text() and "~/.pgpass" in dialog.problem_text()
    assert not open_button(dialog).isEnabled()
    choose(dialog, team, "postgresql://db.example.org/photoarchive?password=secret")
    assert "password" in dialog.problem_text() and not open_button(dialog).isEnabled()
    choose(dialog, team, "mysql://db.example.org/photoarchive")
    assert "postgresql://" in dialog.problem_text() and not open_button(dialog).isEnabled()
    choose(dialog, team, "postgresql://[db")  # not even an address
    assert dialog.problem_text() and not open_button(dialog).isEnabled()
    choose(dialog, team, "postgresql://anna@db.example.org/photoarchive")
    assert dialog.problem_text() == "" and open_button(dialog).isEnabled()
    dialog.reject()

    # Given anyway (not through the dialog): refused in words, the password in none of them.
    assert here.archive.open_archive_at(team, create=False, url="postgresql://anna:secret@db/pa") is None
    assert len(messages) == 1 and "password" in messages[0] and "secret" not in messages[0]
    assert not (team / "catalog.url").exists()
    assert here.isVisible() and here not in OPEN_WINDOWS


def test_a_server_that_cannot_be_reached_is_said_in_words_and_the_window_stays(
    qtbot, here, tmp_path: Path, messages: list[str], opened: None
) -> None:
    team = tmp_path / "Team archive"
    dialog = here.archive.open_archive()
    choose(dialog, team, UNREACHABLE)
    open_button(dialog).click()
    qtbot.waitUntil(lambda: bool(messages), timeout=15_000)
    assert len(messages) == 1
    assert messages[0].startswith("The archive could not be opened | ")
    assert f"| {UNREACHABLE}: cannot open the catalog (" in messages[0]  # the address as typed
    assert "Traceback" not in messages[0]
    assert not (team / "catalog.url").exists()  # an address that did not open is not remembered
    assert here.isVisible() and here.catalog.count_photos() == 0  # this window goes on


def test_a_database_with_the_c_locale_is_refused_with_the_line_that_makes_a_good_one(
    qtbot, here, tmp_path: Path, pg_url: str, messages: list[str], opened: None
) -> None:
    with new_database(pg_url, "pa_m_c_locale", ctype="C") as url:
        assert here.archive.open_archive_at(tmp_path / "Team", create=False, url=url) is None
        qtbot.waitUntil(lambda: bool(messages), timeout=15_000)
    assert len(messages) == 1 and "CREATE DATABASE" in messages[0] and "Traceback" not in messages[0]
    assert here.isVisible()


def test_photoarchive_catalog_at_start_reaches_the_window_and_its_workers(
    qtbot, tmp_path: Path, pg_url: str, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The URL of $PHOTOARCHIVE_CATALOG is not in the folder's catalog.url: the workers get it
    from the window's catalog (Catalog.reopen), not from the folder."""
    from photoarchive.ui import app as app_module

    folder = tmp_path / "Expedition"
    with Catalog(folder, url=pg_url) as first:
        add_place(first, Place("Shumshu", kind="island", alt_names=[PlaceName("Шумшу", "ru")]))
    monkeypatch.setenv("PHOTOARCHIVE_CATALOG", pg_url)
    monkeypatch.setattr(app_module, "QSettings", lambda: settings)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    seen: dict[str, object] = {}

    def session(_app) -> int:  # what happens while the event loop runs
        [window] = started(folder)
        seen["url"] = window.catalog.location.url
        seen["title"] = window.windowTitle()
        seen["completions"] = wait_for(qtbot, completions_job(window.catalog))  # a worker's own catalog
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", session)
    assert app_module.run_gui(["--archive", str(folder)]) == 0
    assert seen["url"] == pg_url
    assert "127.0.0.1" in str(seen["title"])
    assert seen["completions"] == ([], [], ["Shumshu", "Шумшу"])
    assert not (folder / "catalog.url").exists() and not (folder / "catalog.sqlite").exists()


def test_a_server_not_there_at_start_is_said_and_the_default_archive_opens(
    qtbot, tmp_path: Path, settings, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from photoarchive.ui import app as app_module

    monkeypatch.setenv("PHOTOARCHIVE_CATALOG", UNREACHABLE)
    monkeypatch.setenv("PHOTOARCHIVE_ARCHIVE", str(tmp_path / "Default"))  # the default archive
    monkeypatch.setattr(app_module, "QSettings", lambda: settings)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen: dict[str, object] = {}

    def session(_app) -> int:
        [window] = started(tmp_path / "Default")
        seen["root"] = window.catalog.paths.root
        seen["welcome"] = window.centre.currentWidget() is window.welcome
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", session)
    assert app_module.run_gui(["--archive", str(tmp_path / "Team")]) == 0
    assert len(messages) == 1 and "cannot open the catalog" in messages[0] and "Traceback" not in messages[0]
    assert seen == {"root": (tmp_path / "Default").resolve(), "welcome": True}


def test_the_window_on_a_server_sees_another_curators_change_within_3_seconds(
    qtbot, tmp_path: Path, pg_url: str, settings
) -> None:
    folder = tmp_path / "Team archive"
    with Catalog(folder, url=pg_url) as catalog:
        window = MainWindow(catalog, settings, import_workers=1)
        qtbot.addWidget(window)
        window.show()
        try:
            # Another curator's program: its own process, its own connection.
            environment = {**os.environ, "PHOTOARCHIVE_CATALOG": pg_url}
            subprocess.run(
                [sys.executable, "-m", "photoarchive", "--archive", str(folder), "collection", "create", "Kuril"],
                check=True,
                env=environment,
                capture_output=True,
            )
            committed = time.monotonic()
            [made] = collection_store.list_collections(catalog)
            wanted = Source(COLLECTION, made.id)
            qtbot.waitUntil(lambda: window.sources.sources_model.index_of(wanted).isValid(), timeout=3_000)
            assert time.monotonic() - committed < 3
        finally:
            window.close()


def test_the_last_archive_opened_is_opened_again_when_its_catalog_is_on_a_server(
    tmp_path: Path, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from photoarchive.catalog.location import remember
    from photoarchive.ui.app import LAST_ARCHIVE, archive_to_open

    monkeypatch.delenv("PHOTOARCHIVE_ARCHIVE", raising=False)
    team = tmp_path / "Team archive"
    team.mkdir()
    remember(team, "postgresql://anna@archive.example.org/photoarchive")  # no catalog.sqlite in it
    settings.setValue(LAST_ARCHIVE, str(team))
    assert archive_to_open(None, settings) == team
