"""Starting the desktop application: QApplication, the archive, the main window."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from photoarchive import APP_NAME, __version__
from photoarchive.catalog import Catalog, default_archive_dir
from photoarchive.errors import PhotoArchiveError
from photoarchive.ui.errors import install_excepthook
from photoarchive.ui.icons import app_icon
from photoarchive.ui.main_window import MainWindow
from photoarchive.ui.translations import install_translations


def run_gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="photoarchive-gui", description=f"{APP_NAME}: the desktop application")
    parser.add_argument("--archive", type=Path, default=None, metavar="DIR")
    args, qt_args = parser.parse_known_args(list(argv))
    app = QApplication.instance() or QApplication(["photoarchive", *qt_args])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("PhotoArchive")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("photoarchive")
    app.setWindowIcon(app_icon())
    install_translations(app)
    settings = QSettings()
    try:
        catalog = Catalog(args.archive or default_archive_dir())
    except PhotoArchiveError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    window = MainWindow(catalog, settings, owns_catalog=True)
    install_excepthook(lambda: window.catalog.paths.cache / "logs", lambda: QApplication.activeWindow())
    window.show()
    status = app.exec()
    QThreadPool.globalInstance().waitForDone(30_000)  # workers finish before Python goes
    return status
