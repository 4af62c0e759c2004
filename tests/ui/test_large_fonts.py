"""Readable with large fonts: at 16 pt nothing in the sources or the editor is cut off."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from photoarchive.ui.main_window import MainWindow
from tests.ui.conftest import ids_by_name


@pytest.fixture
def large_font(qapp):
    normal = QApplication.font()
    font = QApplication.font()
    font.setPointSizeF(16)
    QApplication.setFont(font)
    yield font
    QApplication.setFont(normal)


def test_sources_and_editor_fit_at_16_points(qtbot, large_font, sample_catalog, settings) -> None:
    window = MainWindow(sample_catalog, settings, import_workers=1)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    with qtbot.waitExposed(window):
        window.show()
    window.select_photos([ids_by_name(sample_catalog)["SHU15_0107.jpg"]])
    sources = window.sources
    # Every name in the sources panel shows whole (the panel was 270 px: "Shumshu 1945–2…").
    # The first-run layout is made once the window has its size, and the docks take their
    # widths at a later layout pass: on a loaded machine more than 50 ms later (240 px then).
    qtbot.waitUntil(
        lambda: sources.sizeHintForColumn(0) + sources.indentation() <= sources.viewport().width(), timeout=3000
    )
    # The editor's form follows the panel's width: no sideways scrolling, no field cut off.
    editor = window.editor
    assert editor.widget().width() <= editor.viewport().width()
    assert not editor.horizontalScrollBar().isVisible()
    caption = editor.fields["caption"]
    assert caption.mapTo(editor.widget(), caption.rect().topRight()).x() <= editor.viewport().width()
    window.close()
