"""The main window's docks: the first-run layout, and the curator's own arrangement kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QGroupBox, QScrollArea, QTabBar, QToolButton, QWidget

from photoarchive.ui.main_window import MainWindow
from photoarchive.ui.widgets.places_panel import PlacesPanel

# The window's size on the screens the first run is laid out for (the available area of a
# 1366x768 laptop and of a 1920x1080 screen, less a panel and the title bar).
SCREENS = [(1366, 728), (1920, 1040)]


def first_window(qtbot, catalog, settings, size: tuple[int, int]) -> MainWindow:
    window = MainWindow(catalog, settings)
    qtbot.addWidget(window)
    window.resize(*size)
    with qtbot.waitExposed(window):
        window.show()
    map_dock = window.docks.panels[0]
    qtbot.waitUntil(lambda: window.dockWidgetArea(map_dock) == Qt.DockWidgetArea.BottomDockWidgetArea)
    qtbot.wait(50)
    return window


def not_cut(button: QWidget, panel: QWidget) -> bool:
    """The button is as wide as its text needs and lies inside the panel."""
    right = button.mapTo(panel, QPoint(button.width(), 0)).x()
    return button.width() >= button.sizeHint().width() and right <= panel.width()


def test_first_run_puts_the_panels_and_the_history_as_tabs_under_the_grid(qtbot, sample_catalog, settings) -> None:
    window = first_window(qtbot, sample_catalog, settings, (1400, 900))
    map_dock, places_dock = window.docks.panels
    assert window.tabifiedDockWidgets(map_dock) == [places_dock]  # and the closed history
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.dockWidgetArea(map_dock) == bottom and window.dockWidgetArea(window.history_dock) == bottom
    assert window.dockWidgetArea(window.editor_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.dockWidgetArea(window.sources_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    tabs = [bar for bar in window.findChildren(QTabBar) if bar.count() == 2]  # the history is closed
    assert [bar.tabText(bar.currentIndex()) for bar in tabs] == ["Map"]  # the first panel in front
    # The side columns run the full height: the bottom tabs are under the grid only.
    grid_top = window.centralWidget().geometry().top()
    assert window.editor_dock.geometry().top() <= grid_top and window.sources_dock.geometry().top() <= grid_top
    assert map_dock.geometry().left() >= window.sources_dock.geometry().right()
    assert map_dock.geometry().right() <= window.editor_dock.geometry().left()
    assert window.sources_dock.width() >= 220 and window.editor_dock.width() >= 420
    assert map_dock.height() >= 260
    window.close()


def test_the_first_window_fills_the_available_screen(qtbot, sample_catalog, settings) -> None:
    window = MainWindow(sample_catalog, settings)
    qtbot.addWidget(window)
    assert window.docks.first_run  # nothing saved: the application shows it maximised
    window.docks.first_run_geometry(QRect(0, 0, 1366, 728))
    assert window.geometry() == QRect(0, 0, 1366, 728)
    with qtbot.waitExposed(window):
        window.show()
    window.close()
    again = MainWindow(sample_catalog, settings)  # the curator's geometry is kept
    qtbot.addWidget(again)
    assert not again.docks.first_run


@pytest.mark.parametrize("size", SCREENS)
def test_first_run_places_panel_fits_without_cut_buttons_or_sideways_scrolling(
    qtbot, sample_catalog, settings, size
) -> None:
    window = first_window(qtbot, sample_catalog, settings, size)
    places_dock = window.docks.panels[1]
    places_dock.raise_()
    qtbot.wait(50)
    panel = window.places_panel
    holder = places_dock.widget()
    assert isinstance(holder, QScrollArea)
    assert not holder.horizontalScrollBar().isVisible() and not holder.verticalScrollBar().isVisible()
    assert not panel.tree.horizontalScrollBar().isVisible()
    assert all(not_cut(button, panel) for button in panel.buttons.values())
    # The place's form beside the tree is whole (its fields not cut at the right edge).
    assert panel.splitter.orientation() == Qt.Orientation.Horizontal
    assert panel.editor.width() >= panel.editor.minimumSizeHint().width()
    assert panel.editor.width() <= panel.form_area.viewport().width()
    # At least eight rows of the tree show (the sample's gazetteer has nine).
    row = panel.tree.visualRect(panel.model.index(0, 0)).height()
    assert row > 0 and panel.tree.viewport().height() >= 8 * row
    window.close()


@pytest.mark.parametrize("size", SCREENS)
def test_first_run_editor_shows_the_description_whole_and_the_history_does_not_squeeze_it(
    qtbot, sample_catalog, settings, size
) -> None:
    window = first_window(qtbot, sample_catalog, settings, size)
    window.select_photos([window.catalog.list_photos(order="imported")[6].id])
    qtbot.wait(50)
    editor = window.editor
    assert not editor.horizontalScrollBar().isVisible()
    description = editor.widget().findChildren(QGroupBox)[0]
    assert description.title() == "Description"
    editor.verticalScrollBar().setValue(0)
    bottom = description.mapTo(editor.viewport(), QPoint(0, description.height())).y()
    assert bottom <= editor.viewport().height()
    height = window.editor_dock.height()
    window.history_dock.toggleViewAction().trigger()  # Edit > Undo History
    qtbot.wait(50)
    assert window.history_dock.isVisible()
    assert window.tabifiedDockWidgets(window.history_dock) == window.docks.panels  # a tab beside the map
    assert window.editor_dock.height() == height
    map_panel = window.map_panel
    buttons = [b for b in map_panel.findChildren(QToolButton)] + [map_panel.show_places, map_panel.online]
    window.docks.panels[0].raise_()
    qtbot.wait(50)
    assert all(not_cut(button, map_panel) for button in buttons)
    window.close()


def test_a_narrow_places_panel_wraps_its_buttons_and_stacks_tree_and_form(qtbot, sample_catalog) -> None:
    from photoarchive.ui.undo import PhotoEdits

    panel = PlacesPanel(sample_catalog, edits=PhotoEdits(sample_catalog))
    qtbot.addWidget(panel)
    panel.resize(260, 600)
    with qtbot.waitExposed(panel):
        panel.show()
    assert all(not_cut(button, panel) for button in panel.buttons.values())
    tops = {button.y() for button in panel.buttons.values()}
    assert len(tops) > 1  # on more than one line
    assert panel.splitter.orientation() == Qt.Orientation.Vertical
    panel.resize(900, 300)
    qtbot.wait(20)
    assert len({button.y() for button in panel.buttons.values()}) == 1
    assert panel.splitter.orientation() == Qt.Orientation.Horizontal


def test_the_arrangement_is_saved_and_restored_instead_of_the_first_run_layout(qtbot, sample_catalog, settings) -> None:
    first = MainWindow(sample_catalog, settings)
    qtbot.addWidget(first)
    first.resize(1400, 900)
    with qtbot.waitExposed(first):
        first.show()
    map_dock = first.docks.panels[0]
    qtbot.waitUntil(lambda: first.dockWidgetArea(map_dock) == Qt.DockWidgetArea.BottomDockWidgetArea)
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, map_dock)  # the curator moves the map left
    qtbot.wait(50)
    first.close()
    assert settings.value("window/state") is not None and settings.value("window/geometry") is not None
    second = MainWindow(sample_catalog, settings)
    qtbot.addWidget(second)
    second.resize(1400, 900)
    with qtbot.waitExposed(second):
        second.show()
    qtbot.wait(50)
    moved, _places = second.docks.panels
    assert second.dockWidgetArea(moved) == Qt.DockWidgetArea.LeftDockWidgetArea
    second.close()
