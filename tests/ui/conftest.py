"""Fixtures of the GUI tests: the sample archive (built once, copied per test) and settings in
a temporary file, so no test reads or writes the user's own."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def translations(qapp):
    """The English plural forms, as the application loads them ("1 photo", "3 photos")."""
    from PySide6.QtCore import QLocale

    from photoarchive.ui.translations import install_translations

    return install_translations(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture(scope="session")
def sample_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from photoarchive.catalog import Catalog
    from photoarchive.ingest.previews import build_previews, missing_previews, tried
    from photoarchive.sample import build_sample_archive

    root = tmp_path_factory.mktemp("sample") / "Shumshu sample"
    build_sample_archive(root, workers=1)
    # The previews a window makes after an import (ui.previews), made once here: the windows of
    # the tests find them, as a curator's does once they are made (tests/ui/test_previews.py
    # deletes those it wants missing).
    with Catalog(root) as catalog:
        work = missing_previews(catalog)
        list(build_previews(work))
        tried(catalog, work)
    return root


@pytest.fixture
def sample_catalog(sample_master: Path, tmp_path: Path):
    from photoarchive.catalog import Catalog

    root = tmp_path / "Shumshu sample"
    shutil.copytree(sample_master, root)
    with Catalog(root) as catalog:
        yield catalog


@pytest.fixture
def settings(tmp_path: Path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, sample_catalog, settings):
    from photoarchive.ui.main_window import MainWindow

    main = MainWindow(sample_catalog, settings, import_workers=1)
    qtbot.addWidget(main)
    main.resize(1300, 850)
    with qtbot.waitExposed(main):
        main.show()
    yield main
    main.close()  # before the catalog closes: pending timers and workers end with the window


@pytest.fixture
def edits(qapp, catalog):
    """The window's ``PhotoEdits`` (the one undo stack) over the test's catalog, for a panel
    tested without the window."""
    from photoarchive.ui.undo import PhotoEdits

    return PhotoEdits(catalog)


def applied(edits) -> list:
    """The recorded edits of the photo edit steps on the undo stack, oldest first."""
    from photoarchive.edits import load_edit
    from photoarchive.ui.undo import EditCommand

    steps = [edits.stack.command(i) for i in range(edits.stack.count())]
    return [load_edit(edits.catalog, i) for s in steps if isinstance(s, EditCommand) for i in s.edit_ids]


def ids_by_name(catalog) -> dict[str, int]:
    return {p.original_name: p.id for p in catalog.list_photos(order="imported")}


def shot(widget, name: str) -> None:
    """The widget as ``name``.png for a person to look at, in the folder PHOTOARCHIVE_SHOTS names
    (when set; no test run grabs a widget for nothing otherwise)."""
    folder = os.environ.get("PHOTOARCHIVE_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


# -- windows that open other archives (the server tests) -----------------------------------------


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What message boxes said (title, text and details), instead of waiting for a click."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(f"{box.windowTitle()} | {box.text()} | {box.informativeText()}")
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


@pytest.fixture
def here(qtbot, tmp_path: Path, settings):
    """A window on an SQLite archive, from which another archive is opened or made."""
    from photoarchive.catalog import Catalog
    from photoarchive.ui.main_window import MainWindow

    with Catalog(tmp_path / "Here") as catalog:
        window = MainWindow(catalog, settings, import_workers=1)
        qtbot.addWidget(window)
        window.show()
        yield window
        window.close()


def choose(dialog, folder: Path, url: str | None) -> None:
    """An Open or New Archive dialog filled in: ``folder``, on the server at ``url`` (None: not)."""
    dialog.folder_edit.setText(str(folder))
    dialog.on_server.setChecked(url is not None)
    dialog.url_edit.setText(url or "")


@pytest.fixture
def opened():
    """Windows File > Open Archive or New Archive made: closed, and their catalogs, after the test."""
    from photoarchive.ui.archive_controller import OPEN_WINDOWS

    before = list(OPEN_WINDOWS)
    yield
    for window in [w for w in OPEN_WINDOWS if w not in before]:
        window.close()
        if window in OPEN_WINDOWS:
            OPEN_WINDOWS.remove(window)
