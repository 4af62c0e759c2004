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


def test_the_title_is_not_doubled_by_an_application_display_name(qapp, monkeypatch) -> None:
    """With a display name set, X11 and Windows append it to every title: the window read
    "Photo Archive — Shumshu 2015 — Photo Archive"."""
    from PySide6.QtWidgets import QApplication

    from photoarchive.ui.app import configure

    called = []
    monkeypatch.setattr(QApplication, "setApplicationDisplayName", lambda *args: called.append(args))
    configure(qapp)
    assert not called
    assert qapp.applicationName() == "Photo Archive"


def test_the_archive_opened_last_is_opened_again(tmp_path: Path, settings, monkeypatch) -> None:
    from photoarchive.catalog import default_archive_dir
    from photoarchive.ui.app import LAST_ARCHIVE, archive_to_open

    monkeypatch.delenv("PHOTOARCHIVE_ARCHIVE", raising=False)
    assert archive_to_open(None, settings) == default_archive_dir()
    Catalog(tmp_path / "Shumshu 2015").close()
    settings.setValue(LAST_ARCHIVE, str(tmp_path / "Shumshu 2015"))
    assert archive_to_open(None, settings) == tmp_path / "Shumshu 2015"
    assert archive_to_open(tmp_path / "other", settings) == tmp_path / "other"  # --archive wins
    settings.setValue(LAST_ARCHIVE, str(tmp_path / "gone"))  # moved or deleted since
    assert archive_to_open(None, settings) == default_archive_dir()
    monkeypatch.setenv("PHOTOARCHIVE_ARCHIVE", str(tmp_path / "from the environment"))
    settings.setValue(LAST_ARCHIVE, str(tmp_path / "Shumshu 2015"))
    assert archive_to_open(None, settings) == tmp_path / "from the environment"
