"""Import from the window: the dialog shows what was found, runs in the background with
progress, can be cancelled, summarises duplicates and failures, and the new batch is shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from photoarchive.catalog.curated import load_values
from photoarchive.ui.dialogs.import_dialog import ImportDialog
from photoarchive.ui.sources import BATCH
from tests.conftest import write_photos


def test_import_with_cancel(qtbot, tmp_path: Path, catalog) -> None:
    photos = write_photos(tmp_path / "card", 40)
    dialog = ImportDialog(catalog.paths.root, [tmp_path / "card"], workers=1)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
    assert "Found 40 photos" in dialog.found.text()
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000) as finished:
        dialog.start()
        # Small files import faster than the GUI thread hears of them: cancel on the worker's
        # side at its first progress, as a click at that moment would.
        dialog.worker.signals.progress.connect(lambda _p: dialog.worker.cancel(), Qt.ConnectionType.DirectConnection)
        assert dialog.is_running()
        dialog.cancel_button.click()
        assert dialog.worker.is_cancelled()
        assert "Cancelling" in dialog.rate.text()
    summary = finished.args[0]
    assert summary.cancelled
    assert summary.imported < len(photos)
    assert "Import cancelled." in dialog.found.text()
    assert dialog.close_button.isVisible()
    assert catalog.batch(summary.batch).status == "cancelled"


def test_import_in_the_window_reports_duplicates_and_failures_and_shows_the_batch(
    qtbot, tmp_path: Path, window
) -> None:
    card = tmp_path / "card"
    write_photos(card, 3)
    (card / "notes.txt").write_text("field notes")
    dialog = window.archive.import_photos([card, card / "IMG_0001.JPG"])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
    assert "1 files will not be imported" in dialog.found.text()
    dialog.template.setCurrentIndex(dialog.template.findData("Sample Expedition 2015"))
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000):
        dialog.start_button.click()
    assert "3 imported" in dialog.found.text() and "1 failed" in dialog.found.text()
    assert "notes.txt: not a supported photo format" in dialog.details.toPlainText()
    source = window.current_source
    assert source.kind == BATCH and source.key == dialog.summary.batch
    assert window.grid_model.rowCount() == 3
    credits = load_values(window.catalog, dialog.summary.photos, ["credit"])
    assert {v["credit"] for v in credits.values()} == {"Sample Expedition"}  # the template chosen
    assert window.sources_model.sources("batches")[0].key == dialog.summary.batch  # newest first
    assert not window.progress.isVisible()
    # The same files again: all duplicates, listed.
    dialog.close_button.click()
    again = window.archive.import_photos([card])
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.start_button.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(again.import_finished, timeout=60_000):
        again.start_button.click()
    assert again.summary.duplicates == 3
    assert "Already in the archive" in again.details.toPlainText()


def test_dropping_a_folder_on_the_window_opens_the_import(qtbot, tmp_path: Path, window) -> None:
    write_photos(tmp_path / "drop", 1)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "drop"))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    dialog = window.archive.import_dialog
    assert dialog is not None and dialog.paths == [tmp_path / "drop"]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
