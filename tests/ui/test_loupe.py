"""The loupe: fitted or at 100 % (keys and double-click), where it is and the keys, in words."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from tests.ui.conftest import ids_by_name


def test_zoom_to_100_percent_is_centred_and_said(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    window.open_loupe(names["SHU15_0150.jpg"])
    loupe = window.loupe
    qtbot.addWidget(loupe)
    loupe.resize(900, 700)
    qtbot.waitExposed(loupe)
    qtbot.waitUntil(lambda: loupe.current_id() in loupe._full, timeout=10_000)  # the original, decoded
    assert "Fitted" in loupe.info.text() and f"of {window.grid_model.rowCount()}" in loupe.info.text()
    qtbot.keyClick(loupe, Qt.Key.Key_Z)
    assert loupe.view.actual_size and " 100 % ·" in loupe.info.text()
    bar = loupe.view.horizontalScrollBar()
    assert bar.maximum() > 0 and abs(bar.value() - bar.maximum() / 2) <= 2  # the middle, not the corner
    loupe.toggle_actual_size()
    assert not loupe.view.actual_size
    loupe.toggle_actual_size(QPointF(1.0, 1.0))  # a double-click in the bottom right corner
    assert bar.value() == bar.maximum()
    assert loupe.view.verticalScrollBar().value() == loupe.view.verticalScrollBar().maximum()
    qtbot.mouseDClick(loupe.view.viewport(), Qt.MouseButton.LeftButton)
    assert not loupe.view.actual_size
    qtbot.keyClick(loupe, Qt.Key.Key_Right)
    assert window.selected_ids() == [loupe.current_id()] and loupe.current_id() != names["SHU15_0150.jpg"]


def test_a_photo_without_caption_or_credit_says_so(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    window.open_loupe(names["SHU15_0158.jpg"])  # the sample photo with no creator or credit
    qtbot.addWidget(window.loupe)
    assert window.loupe.credit.text() == "(no creator or credit yet)"


def test_an_original_decoded_after_the_window_closed_reaches_nothing(qtbot, window) -> None:
    """The original is decoded in a worker: when it comes after the window (and the loupe) have
    closed, and the catalog with them, it is dropped (it read the closed catalog)."""
    from PySide6.QtGui import QImage

    names = ids_by_name(window.catalog)
    window.open_loupe(names["SHU15_0150.jpg"])
    loupe = window.loupe
    qtbot.addWidget(loupe)
    photo = loupe.current_id()
    window.close()
    window.catalog.close()
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0)
    loupe._worker.signals.finished.emit(image)  # the report of the decoding, late
    assert photo not in loupe._full
