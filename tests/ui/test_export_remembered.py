"""The Export dialog reopens with the collection's last options (kept in the catalog), and
says which photos would be published without a proper credit before it exports them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from photoarchive.catalog import Catalog
from photoarchive.edits import apply_edit
from photoarchive.ui.dialogs.export_dialog import ExportDialog
from tests.export.conftest import build_archive

SHOTS = os.environ.get("PHOTOARCHIVE_SHOTS")  # a folder to keep screenshots in, when set


@pytest.fixture
def archive(tmp_path: Path):
    order = build_archive(tmp_path / "a", count=3)
    with Catalog(tmp_path / "a" / "archive") as catalog:
        yield catalog, order


def test_the_dialog_reopens_with_the_last_options(qtbot, archive, tmp_path: Path) -> None:
    catalog, _ = archive
    dialog = ExportDialog(catalog, "shumshu", workers=0)
    qtbot.addWidget(dialog)
    assert not dialog.restored and dialog.precision.currentData() == "exact"
    dialog.format.setCurrentIndex(dialog.format.findData("package"))
    dialog.target.setText(str(tmp_path / "out" / "for the museum"))
    dialog.precision.setCurrentIndex(dialog.precision.findData("places"))
    dialog.metadata.setCurrentIndex(dialog.metadata.findData("credit"))
    dialog.burn_credit.setText("© {creator}")
    dialog.long_edge.setValue(2000)
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as finished:
        dialog.export_button.click()
    assert finished.args[0].ok
    dialog.close()

    again = ExportDialog(catalog, "shumshu", workers=0)
    qtbot.addWidget(again)
    again.show()
    assert again.restored and "last export" in again.status.text()
    assert again.current_format() == "package" and again.target.text() == str(tmp_path / "out" / "for the museum")
    assert (again.precision.currentData(), again.metadata.currentData()) == ("places", "credit")
    assert again.burn_credit.text() == "© {creator}" and again.long_edge.value() == 2000
    assert not again.force.isChecked()  # replacing a folder is chosen each time
    if SHOTS:
        again.grab().save(str(Path(SHOTS) / "export-remembered.png"))


def test_photos_without_credit_are_listed_before_the_export(qtbot, archive, tmp_path: Path, monkeypatch) -> None:
    catalog, order = archive
    apply_edit(catalog, [order[0]], {"creator": "", "credit": "", "source": "", "copyright": ""})
    name = catalog.photo(order[0]).original_name
    answers = ["cancel", "export"]
    seen: list[str] = []

    def answer(box: QMessageBox) -> int:
        box.show()
        seen.append(box.text() + "\n" + box.informativeText())
        if SHOTS:
            box.grab().save(str(Path(SHOTS) / "export-credit-warning.png"))
        wanted = answers.pop(0)
        for button in box.buttons():
            if (wanted == "export") == (button.text() == "Export Anyway"):
                box.setProperty("clicked", button.text())
                button.click()
                break
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    dialog = ExportDialog(catalog, "shumshu", workers=0)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentIndex(dialog.format.findData("package"))
    dialog.target.setText(str(tmp_path / "out" / "pkg"))
    dialog.burn_credit.setText("© {creator}")
    dialog.export_button.click()
    assert "1 photo of this collection would be published without a proper credit" in seen[0]
    assert f"{name}: no creator or credit line" in seen[0] and "“©” alone" in seen[0]
    assert dialog.worker is None and "set their credit in the editor" in dialog.status.text()
    assert not (tmp_path / "out" / "pkg").exists()
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as finished:
        dialog.export_button.click()  # Export Anyway
    assert finished.args[0].exported == 3 and len(seen) == 2
