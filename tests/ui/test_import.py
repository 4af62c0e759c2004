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
    dialog = ImportDialog(catalog, [tmp_path / "card"], workers=1)
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
    assert "1 file will not be imported" in dialog.found.text()
    dialog.template.setCurrentIndex(dialog.template.findData("Sample Expedition 2015"))
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000):
        dialog.start_button.click()
    assert "3 photos imported" in dialog.found.text() and "1 failed" in dialog.found.text()
    assert "  card/notes.txt: not a supported photo format" in dialog.details.toPlainText()  # from the folder chosen
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


def _shown(dialog: ImportDialog) -> list[str]:
    return [b.text() for b in dialog.buttons.buttons() if not b.isHidden()]


def test_each_step_shows_only_its_buttons(qtbot, tmp_path: Path, catalog) -> None:
    """Only the current step's buttons show (Close not from the start): QDialogButtonBox.addButton()
    shows the buttons it adds, so they must be hidden after they are added."""
    write_photos(tmp_path / "card", 1)
    dialog = ImportDialog(catalog, [tmp_path / "card"], workers=1)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _shown(dialog) == ["Import", "Cancel"]
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
    assert dialog.found.text() == "Found 1 photo in 1 folder."  # plural forms, not "1 photos"
    assert _shown(dialog) == ["Import", "Cancel"]
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000):
        dialog.start()
        assert sorted(_shown(dialog)) == ["Cancel Import", "Continue in Background"]
        assert dialog.rate.text() == "Starting the import…"
    assert _shown(dialog) == ["Close"]
    assert dialog.found.text().startswith("Import complete. 1 photo imported, 0 already in the archive, 0 failed.")
    assert dialog.rate.text().startswith("Took ")


def test_rate_and_time_left(qtbot, tmp_path: Path, catalog) -> None:
    dialog = ImportDialog(catalog, [tmp_path], workers=1)
    qtbot.addWidget(dialog)
    assert dialog._rate_text(0, 40, 0.5) == "0 of 40"
    assert dialog._rate_text(10, 40, 5.0) == "10 of 40 · 2.0 photos a second · about 15 s left"
    assert dialog._rate_text(10, 1000, 5.0).endswith("about 8 min 15 s left")
    assert dialog._rate_text(40, 40, 20.0) == "40 of 40 · 2.0 photos a second"
    qtbot.waitUntil(lambda: dialog.found.text() != "Looking for photos…", timeout=10_000)
    assert dialog.found.text() == "No photos were found there."
    assert not dialog.start_button.isEnabled()


def test_import_goes_on_in_the_background_and_the_summary_comes_back(qtbot, tmp_path: Path, window) -> None:
    card = tmp_path / "card"
    write_photos(card, 4)
    dialog = window.archive.import_photos([card])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000):
        dialog.start_button.click()
        assert window.progress.isVisible()  # the status bar shows the import from its start
        dialog.background_button.click()
        assert not dialog.isVisible()
        assert window.isEnabled()  # the window stays usable: the dialog is not modal
        window.sources.select_source(window.sources_model.sources("collections")[0])
    assert dialog.isVisible()  # the summary shows when the import ends
    assert not window.progress.isVisible()
    assert window.current_source.kind == BATCH and window.grid_model.rowCount() == 4
    assert "4 photos imported" in window.statusBar().currentMessage()


def test_an_import_of_duplicates_only_leaves_the_view_alone(qtbot, tmp_path: Path, window) -> None:
    card = tmp_path / "again"
    card.mkdir()
    for photo in list(window.catalog.paths.originals.rglob("*.jpg"))[:2]:
        (card / photo.name).write_bytes(photo.read_bytes())
    dialog = window.archive.import_photos([card])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000):
        dialog.start_button.click()
    assert dialog.summary.duplicates == 2 and dialog.summary.imported == 0
    assert "= " in dialog.details.toPlainText() or "Already in the archive" in dialog.details.toPlainText()
    assert window.current_source.kind == "all" and window.grid_model.rowCount() == 14
