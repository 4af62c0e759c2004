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


def test_the_crash_log_goes_to_the_archive_open_now(qapp, tmp_path: Path, settings, monkeypatch) -> None:
    """The log of an unexpected error goes to the open archive's cache/logs, also after File >
    Open Archive switched to another one (it went to the first archive, the checkout's
    ./archive when that was the one opened at start)."""
    import sys

    from PySide6.QtWidgets import QApplication, QMessageBox

    from photoarchive.ui import app as app_module
    from photoarchive.ui.archive_controller import OPEN_WINDOWS

    first, second = tmp_path / "First", tmp_path / "Second"
    Catalog(first).close()
    Catalog(second).close()
    monkeypatch.setattr(app_module, "QSettings", lambda: settings)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *rest: shown.append(text))
    windows: list[MainWindow] = []

    def crash(message: str) -> None:
        try:
            raise RuntimeError(message)
        except RuntimeError:
            sys.excepthook(*sys.exc_info())

    def session(_app) -> int:  # what the curator does while the event loop runs
        [window] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and w.catalog.paths.root == first
        ]
        crash("first crash")
        windows.append(window.archive.open_archive_at(second, create=False))
        crash("second crash")
        windows[0].close()
        return 0

    monkeypatch.setattr(QApplication, "exec", session)
    try:
        assert app_module.run_gui(["--archive", str(first)]) == 0
    finally:
        for window in windows:
            window.close()
            OPEN_WINDOWS.remove(window)
    first_log = (first / "cache" / "logs" / "errors.log").read_text(encoding="utf-8")
    second_log = (second / "cache" / "logs" / "errors.log").read_text(encoding="utf-8")
    assert "first crash" in first_log and "second crash" not in first_log
    assert "second crash" in second_log and "first crash" not in second_log
    assert str(second / "cache" / "logs" / "errors.log") in shown[-1]
    assert "Traceback" not in shown[-1]
