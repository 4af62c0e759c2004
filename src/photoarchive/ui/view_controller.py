"""The View menu's own actions: the loupe, thumbnail size, sort order, the sources a curator
goes to most (All Photos, Needs Attention), and moving to the next or previous photo without
leaving the field being typed in; also Select All, Select None and Find of the Edit menu
(the grid and its bar are what this controller drives; the window adds the panels' toggles).

Next Photo (Alt+Right, or Ctrl+.) and Previous Photo (Alt+Left, or Ctrl+,) commit what was
typed, select the neighbouring photo in the grid and leave the keyboard focus where it was:
the curator captions a day's photos one after the other without touching the mouse.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from photoarchive.ui.actions import make_action
from photoarchive.ui.sources import ALL_PHOTOS, ATTENTION, Source
from photoarchive.ui.widgets.photo_grid import GridBar, PhotoGrid

SIZE_STEP = 32


class ViewController(QObject):
    """View actions of one window (``actions()``), on its grid and the grid's bar.

    ``preview_requested()``: Preview (the loupe). ``source_requested(source)``: All Photos or
    Needs Attention, to be selected in the sources panel.
    """

    preview_requested = Signal()
    source_requested = Signal(object)

    def __init__(
        self,
        grid: PhotoGrid,
        bar: GridBar,
        flush: Callable[[], None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        """``flush`` saves what is being typed before another photo is selected."""
        super().__init__(parent)
        self.grid = grid
        self.bar = bar
        self.flush = flush
        self.sort_actions: dict[str, QAction] = {}
        self.sort_menu = QMenu(self.tr("S&ort By"), parent)
        group = QActionGroup(self)
        for index in range(bar.order.count()):
            key = str(bar.order.itemData(index))
            action = self.sort_menu.addAction(bar.order.itemText(index))
            action.setCheckable(True)
            action.setActionGroup(group)
            action.triggered.connect(lambda _checked=False, k=key: bar.set_order(k))
            self.sort_actions[key] = action
        self.sort_menu.aboutToShow.connect(self.sync_sort)
        self._actions = {
            "preview": make_action(self, self.tr("&Preview"), self.preview_requested.emit, "Space"),
            "next": make_action(self, self.tr("&Next Photo"), lambda: self.step(1), ["Alt+Right", "Ctrl+."]),
            "previous": make_action(self, self.tr("Pre&vious Photo"), lambda: self.step(-1), ["Alt+Left", "Ctrl+,"]),
            "all_photos": make_action(
                self, self.tr("&All Photos"), lambda: self.source_requested.emit(ALL_PHOTOS), "Ctrl+1"
            ),
            "attention": make_action(
                self, self.tr("Needs A&ttention"), lambda: self.source_requested.emit(Source(ATTENTION)), "Ctrl+2"
            ),
            "sort": self.sort_menu.menuAction(),
            "larger": make_action(
                self,
                self.tr("&Larger Thumbnails"),
                lambda: bar.size_slider.setValue(bar.size_slider.value() + SIZE_STEP),
                [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
            ),
            "smaller": make_action(
                self,
                self.tr("&Smaller Thumbnails"),
                lambda: bar.size_slider.setValue(bar.size_slider.value() - SIZE_STEP),
                QKeySequence.StandardKey.ZoomOut,
            ),
            "select_all": make_action(self, self.tr("Select &All"), grid.selectAll, QKeySequence.StandardKey.SelectAll),
            "select_none": make_action(self, self.tr("Select &None"), grid.clearSelection, "Ctrl+Shift+A"),
            "find": make_action(self, self.tr("&Find"), self.focus_search, QKeySequence.StandardKey.Find),
        }

    def actions(self) -> dict[str, QAction]:
        """The actions by name, for the window's menus (``sort`` opens a submenu)."""
        return dict(self._actions)

    def focus_search(self) -> None:
        self.bar.search.setFocus()
        self.bar.search.selectAll()

    def sync_sort(self) -> None:
        """The menu shows the order in use, and which orders the shown source allows."""
        bar = self.bar
        model = bar.order.model()
        for index in range(bar.order.count()):
            action = self.sort_actions[str(bar.order.itemData(index))]
            action.setEnabled(bool(model.flags(model.index(index, 0)) & Qt.ItemFlag.ItemIsEnabled))
        self.sort_actions[bar.current_order()].setChecked(True)

    def step(self, offset: int) -> None:
        """Select the photo ``offset`` places from the current one (what was typed is saved
        first); the keyboard focus stays where it is."""
        grid, model = self.grid, self.grid.grid_model
        rows = model.rowCount()
        if not rows:
            return
        focus = QApplication.focusWidget()
        self.flush()
        selected = grid.selected_ids()
        current = grid.currentIndex()
        if current.isValid() and (not selected or model.id_at(current.row()) in selected):
            row = current.row() + offset
        elif selected:
            row = (model.row_of(selected[0]) or 0) + offset
        else:
            row = 0 if offset > 0 else rows - 1
        row = max(0, min(row, rows - 1))
        grid.select_ids([model.id_at(row)])
        if focus is not None and focus.isVisible():
            focus.setFocus()
