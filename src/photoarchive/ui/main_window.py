"""The main window. A first window that opens the archive and says what it holds; the
browsing, editing and collection panels come with the GUI issue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from photoarchive import APP_NAME
from photoarchive.catalog import Catalog


class MainWindow(QMainWindow):
    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.setWindowTitle(f"{APP_NAME} — {catalog.paths.name}")
        count = catalog.count_photos()
        label = QLabel(self.tr("{count} photos in {path}").format(count=count, path=catalog.paths.root))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(label)
        self.resize(1200, 800)
