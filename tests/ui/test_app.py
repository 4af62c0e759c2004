from __future__ import annotations

from pathlib import Path

from photoarchive.catalog import Catalog
from photoarchive.ui.main_window import MainWindow


def test_main_window_opens_on_an_archive(qtbot, tmp_path: Path) -> None:
    with Catalog(tmp_path / "Shumshu 2015") as catalog:
        window = MainWindow(catalog)
        qtbot.addWidget(window)
        window.show()
        assert window.windowTitle() == "Photo Archive — Shumshu 2015"
        window.close()  # before its catalog closes
