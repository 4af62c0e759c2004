"""The main window's docks: the first-run layout, and the curator's own arrangement kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from photoarchive.ui.main_window import MainWindow


def test_first_run_puts_the_panels_as_tabs_under_the_editor(qtbot, sample_catalog, settings) -> None:
    window = MainWindow(sample_catalog, settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    map_dock, places_dock = window.docks.panels
    qtbot.waitUntil(lambda: window.tabifiedDockWidgets(map_dock) == [places_dock])
    right = Qt.DockWidgetArea.RightDockWidgetArea
    assert window.dockWidgetArea(window.editor_dock) == right and window.dockWidgetArea(map_dock) == right
    assert window.dockWidgetArea(window.sources_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    tabs = [bar for bar in window.findChildren(QTabBar) if bar.count() == 2]
    assert [bar.tabText(bar.currentIndex()) for bar in tabs] == ["Map"]  # the first panel in front
    # Readable widths, and the editor gets most of the right column's height.
    qtbot.waitUntil(lambda: window.editor_dock.height() > map_dock.height())
    assert window.sources_dock.width() >= 240 and window.editor_dock.width() >= 420
    window.close()


def test_the_arrangement_is_saved_and_restored_instead_of_the_first_run_layout(qtbot, sample_catalog, settings) -> None:
    first = MainWindow(sample_catalog, settings)
    qtbot.addWidget(first)
    first.resize(1400, 900)
    first.show()
    qtbot.waitExposed(first)
    map_dock, places_dock = first.docks.panels
    qtbot.waitUntil(lambda: first.tabifiedDockWidgets(map_dock) == [places_dock])
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, map_dock)  # the curator moves the map left
    qtbot.wait(50)
    first.close()
    assert settings.value("window/state") is not None and settings.value("window/geometry") is not None
    second = MainWindow(sample_catalog, settings)
    qtbot.addWidget(second)
    second.resize(1400, 900)
    second.show()
    qtbot.waitExposed(second)
    qtbot.wait(50)
    moved, _places = second.docks.panels
    assert second.dockWidgetArea(moved) == Qt.DockWidgetArea.LeftDockWidgetArea
    second.close()
