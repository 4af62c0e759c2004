"""The Export dialog: options from the form, export in the background, Cancel, summary, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from photoarchive.catalog import Catalog
from photoarchive.ui.dialogs.export_dialog import ExportDialog
from tests.export.conftest import build_archive


@pytest.fixture
def archive(tmp_path: Path):
    order = build_archive(tmp_path / "a", count=3)
    with Catalog(tmp_path / "a" / "archive") as catalog:
        yield catalog, order


def test_options_follow_the_form(qtbot, archive) -> None:
    catalog, _ = archive
    dialog = ExportDialog(catalog, "shumshu", workers=0)
    qtbot.addWidget(dialog)
    assert "Shumshu, August 1945" in dialog.windowTitle()
    assert dialog.options().format == "gallery" and dialog.options().long_edge == 1600
    assert dialog.target.text().endswith("shumshu-gallery")
    dialog.format.setCurrentIndex(dialog.format.findData("package"))
    assert dialog.long_edge.text() == "Original size" and dialog.options().long_edge is None
    assert dialog.target.text().endswith("shumshu-package") and dialog.zip.isEnabled()
    assert not dialog.thumbnail.isEnabled()
    dialog.precision.setCurrentIndex(dialog.precision.findData("none"))
    dialog.metadata.setCurrentIndex(dialog.metadata.findData("credit"))
    dialog.keep_serials.setChecked(True)
    dialog.zip.setChecked(True)
    dialog.burn_credit.setText("© {creator}")
    dialog.name_template.setText("{sequence:03}")
    options = dialog.options()
    assert (options.location_precision, options.metadata, options.keep_serials, options.zip) == (
        "none",
        "credit",
        True,
        True,
    )
    assert (options.burn_credit, options.name_template) == ("© {creator}", "{sequence:03}")
    dialog.format.setCurrentIndex(dialog.format.findData("post"))
    assert not dialog.zip.isChecked() and not dialog.zip.isEnabled()


def test_export_runs_in_the_background_and_summarises(qtbot, archive, tmp_path: Path) -> None:
    catalog, order = archive
    catalog.original_file(catalog.photo(order[1])).unlink()
    dialog = ExportDialog(catalog, "shumshu", workers=0)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.export_button.isVisible() and not dialog.close_button.isVisible()
    assert not dialog.open_button.isVisible()
    dialog.target.setText(str(tmp_path / "out" / "gallery"))
    dialog.precision.setCurrentIndex(dialog.precision.findData("1km"))
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as finished:
        dialog.export_button.click()
        assert dialog.is_running() and not dialog.format.isEnabled() and not dialog.target.isEnabled()
    summary = finished.args[0]
    assert summary.exported == 2 and len(summary.missing) == 1
    assert (tmp_path / "out" / "gallery" / "index.html").is_file()
    assert "2 photos exported" in dialog.status.text() and "1 could not be exported" in dialog.status.text()
    assert "missing from the archive" in dialog.details.toPlainText()
    assert dialog.open_button.isVisible() and dialog.close_button.isVisible()
    assert not dialog.export_button.isVisible()


def test_cancel_leaves_nothing(qtbot, archive, tmp_path: Path) -> None:
    catalog, _ = archive
    dialog = ExportDialog(catalog, "shumshu", workers=0)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("post"))
    dialog.target.setText(str(tmp_path / "out" / "post"))
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as finished:
        dialog.start()
        # Small photos export faster than the GUI thread hears of them: cancel on the worker's
        # side at its first progress, as a click at that moment would.
        dialog.worker.signals.progress.connect(lambda _p: dialog.worker.cancel(), Qt.ConnectionType.DirectConnection)
        dialog.cancel_button.click()
        assert "Cancelling" in dialog.status.text()
    assert finished.args[0].cancelled
    assert "nothing was written" in dialog.status.text()
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_mistakes_are_shown_before_anything_starts(qtbot, archive, tmp_path: Path) -> None:
    catalog, _ = archive
    existing = tmp_path / "mine"
    existing.mkdir()
    (existing / "notes.txt").write_text("mine")
    dialog = ExportDialog(catalog, "shumshu", workers=0)
    qtbot.addWidget(dialog)
    dialog.target.setText(str(existing))
    dialog.export_button.click()
    assert dialog.worker is None and "already exists" in dialog.status.text()
    dialog.force.setChecked(True)
    dialog.export_button.click()
    assert dialog.worker is None and "not a Photo Archive export" in dialog.status.text()
    dialog.target.setText(str(tmp_path / "new"))
    dialog.burn_credit.setText("{photographer}")
    dialog.export_button.click()
    assert dialog.worker is None and "unknown variable {photographer}" in dialog.status.text()
    assert dialog.format.isEnabled() and (existing / "notes.txt").read_text() == "mine"


def test_closing_while_exporting_cancels(qtbot, archive, tmp_path: Path) -> None:
    catalog, _ = archive
    dialog = ExportDialog(catalog, "shumshu", workers=0)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.target.setText(str(tmp_path / "out" / "gallery"))
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as finished:
        dialog.start()
        dialog.worker.signals.progress.connect(lambda _p: dialog.worker.cancel(), Qt.ConnectionType.DirectConnection)
        dialog.reject()
        assert not dialog.isVisible()
    assert finished.args[0].cancelled and not (tmp_path / "out" / "gallery").exists()
