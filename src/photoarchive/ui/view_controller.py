"""The View menu of the window: the loupe, thumbnail size, sort order, the sources a curator
goes to most (All Photos, Needs Attention), the panels, and moving to the next or previous
photo without leaving the field being typed in.

Next Photo (Alt+Right, or Ctrl+.) and Previous Photo (Alt+Left, or Ctrl+,) commit what was
typed, select the neighbouring photo in the grid and leave the keyboard focus where it was:
the curator captions a day's photos one after the other without touching the mouse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from photoarchive.ui.sources import ALL_PHOTOS, ATTENTION, Source

if TYPE_CHECKING:
    from photoarchive.ui.main_window import MainWindow

SIZE_STEP = 32


class ViewController(QObject):
    """View actions of one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.sort_actions: dict[str, QAction] = {}

    def build_menu(self, menu: QMenu) -> None:
        w = self.window
        w._action(menu, self.tr("&Preview"), w.open_loupe, "Space")
        w._action(menu, self.tr("&Next Photo"), lambda: self.step(1), ["Alt+Right", "Ctrl+."])
        w._action(menu, self.tr("Pre&vious Photo"), lambda: self.step(-1), ["Alt+Left", "Ctrl+,"])
        menu.addSeparator()
        w._action(menu, self.tr("&All Photos"), lambda: w.sources.select_source(ALL_PHOTOS), "Ctrl+1")
        w._action(menu, self.tr("Needs A&ttention"), lambda: w.sources.select_source(Source(ATTENTION)), "Ctrl+2")
        sort = menu.addMenu(self.tr("S&ort By"))
        group = QActionGroup(self)
        for index in range(w.bar.order.count()):
            key = str(w.bar.order.itemData(index))
            action = sort.addAction(w.bar.order.itemText(index))
            action.setCheckable(True)
            action.setActionGroup(group)
            action.triggered.connect(lambda _checked=False, k=key: w.bar.set_order(k))
            self.sort_actions[key] = action
        sort.aboutToShow.connect(self._sync_sort)
        menu.addSeparator()
        w._action(
            menu,
            self.tr("&Larger Thumbnails"),
            lambda: w.bar.size.setValue(w.bar.size.value() + SIZE_STEP),
            [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
        )
        w._action(
            menu,
            self.tr("&Smaller Thumbnails"),
            lambda: w.bar.size.setValue(w.bar.size.value() - SIZE_STEP),
            QKeySequence.StandardKey.ZoomOut,
        )
        menu.addSeparator()
        for dock, keys in ((w.sources_dock, "Ctrl+Shift+1"), (w.editor_dock, "Ctrl+Shift+2")):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(QKeySequence(keys))
            menu.addAction(toggle)

    def _sync_sort(self) -> None:
        """The menu shows the order in use, and which orders the shown source allows."""
        bar = self.window.bar
        for index in range(bar.order.count()):
            action = self.sort_actions[str(bar.order.itemData(index))]
            action.setEnabled(bar.order.model().item(index).isEnabled())
        self.sort_actions[bar.current_order()].setChecked(True)

    def step(self, offset: int) -> None:
        """Select the photo ``offset`` places from the current one (what was typed is saved
        first); the keyboard focus stays where it is."""
        w = self.window
        rows = w.grid_model.rowCount()
        if not rows:
            return
        focus = QApplication.focusWidget()
        w.editor.flush()
        selected = w.grid.selected_ids()
        current = w.grid.currentIndex()
        if current.isValid() and (not selected or w.grid_model.id_at(current.row()) in selected):
            row = current.row() + offset
        elif selected:
            row = (w.grid_model.row_of(selected[0]) or 0) + offset
        else:
            row = 0 if offset > 0 else rows - 1
        row = max(0, min(row, rows - 1))
        w.grid.select_ids([w.grid_model.id_at(row)])
        if focus is not None and focus.isVisible():
            focus.setFocus()
