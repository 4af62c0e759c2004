"""Starting the desktop application: QApplication, the archive, the main window.

The archive opened is the one named with ``--archive``; else the one ``$PHOTOARCHIVE_ARCHIVE``
names; else the one the curator had open last (File > Open Archive is remembered); else the
default archive. Its catalog is the one ``$PHOTOARCHIVE_CATALOG`` names (a PostgreSQL URL, as
for the command line), else the folder's own (its ``catalog.url``, else its ``catalog.sqlite``).
A catalog that cannot be opened (a server not reachable, a password refused) is said in a
message, and the default archive opens instead, so the window is there to open another.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from photoarchive import APP_NAME, __version__
from photoarchive.catalog import ArchivePaths, Catalog, default_archive_dir
from photoarchive.catalog.archive import ENVIRONMENT_VARIABLE
from photoarchive.catalog.location import from_environment
from photoarchive.ui.errors import install_excepthook, opened_or_said
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
    if isinstance(last, str) and last and _holds_a_catalog(Path(last)):
        return Path(last)
    return default_archive_dir()


def _holds_a_catalog(folder: Path) -> bool:
    """Whether ``folder`` is an archive still: its catalog.sqlite, or its catalog.url (a server's)."""
    paths = ArchivePaths(folder)
    return paths.catalog.is_file() or paths.catalog_url.is_file()


def open_catalog(archive: Path, url: str | None) -> Catalog | None:
    """The catalog of ``archive`` (at ``url`` when given). When it cannot be opened, the curator
    is told why in a message (no traceback), and the default archive's catalog is opened
    instead, so that a window is there (File > Open Archive); None when that fails too."""
    title = QApplication.translate("App", "The archive could not be opened")
    catalog = opened_or_said(None, title, lambda: Catalog(archive, url=url))
    if catalog is not None:
        return catalog
    fallback = default_archive_dir()
    if url is None and Path(archive).expanduser().resolve() == fallback.expanduser().resolve():
        return None  # that was the default archive
    return opened_or_said(None, title, lambda: Catalog(fallback))


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
    catalog = open_catalog(archive_to_open(args.archive, settings), from_environment())
    if catalog is None:
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
