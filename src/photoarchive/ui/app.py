"""Starting the desktop application: QApplication, the archive, the main window.

The archive opened is the one named with ``--archive``; else the one ``$PHOTOARCHIVE_ARCHIVE``
names; else the one the curator had open last (File > Open Archive is remembered); else the
default archive.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from photoarchive import APP_NAME, __version__
from photoarchive.catalog import ArchivePaths, Catalog, default_archive_dir
from photoarchive.catalog.archive import ENVIRONMENT_VARIABLE
from photoarchive.errors import PhotoArchiveError
from photoarchive.ui.errors import install_excepthook
from photoarchive.ui.icons import app_icon
from photoarchive.ui.main_window import MainWindow
from photoarchive.ui.translations import install_translations, interface_locale

LAST_ARCHIVE = "archive/last"


def configure(app: QApplication) -> None:
    """Names (for QSettings), icon and translations of the application (in the language
    chosen in View > Language, else the system's).

    No application display name: the platform would append it to every window title
    ("Photo Archive — Shumshu 2015 — Photo Archive"), and the title already names the app.
    """
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("PhotoArchive")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("photoarchive")
    app.setWindowIcon(app_icon())
    locale = interface_locale(QSettings())  # the system's language, or the one chosen
    QLocale.setDefault(locale)  # numbers and dates in the interface's language too
    install_translations(app, locale)


def archive_to_open(explicit: Path | None, settings: QSettings) -> Path:
    """The archive folder to open (see the module docstring for the order)."""
    if explicit is not None:
        return explicit
    if os.environ.get(ENVIRONMENT_VARIABLE):
        return default_archive_dir()
    last = settings.value(LAST_ARCHIVE)
    if isinstance(last, str) and last and ArchivePaths(Path(last)).catalog.is_file():
        return Path(last)
    return default_archive_dir()


class OpenArchive:
    """The window, and so the archive, the curator has open now: the first one, then each one
    File > Open Archive switches to. The crash log goes into its cache, not the first's."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._follow(window)

    def _follow(self, window: MainWindow) -> None:
        self.window = window
        window.archive_opened.connect(self._follow)

    def log_folder(self) -> Path:
        return self.window.catalog.paths.cache / "logs"


def run_gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="photoarchive-gui", description=f"{APP_NAME}: the desktop application")
    parser.add_argument("--archive", type=Path, default=None, metavar="DIR")
    args, qt_args = parser.parse_known_args(list(argv))
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(["photoarchive", *qt_args])
    configure(app)
    settings = QSettings()
    try:
        catalog = Catalog(archive_to_open(args.archive, settings))
    except PhotoArchiveError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    window = MainWindow(catalog, settings, owns_catalog=True)
    install_excepthook(OpenArchive(window).log_folder, lambda: QApplication.activeWindow())
    if window.docks.first_run:  # the first window fills the screen (window_layout.DockLayout)
        window.showMaximized()
    else:
        window.show()
    status = app.exec()
    QThreadPool.globalInstance().waitForDone(30_000)  # workers finish before Python goes
    return status
