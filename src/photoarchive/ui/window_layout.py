"""Where the main window's docks go: made, laid out on the first run, saved and restored.

The window's sources, editor, undo history and the panels docked through its ``add_panel``
are ``QDockWidget``s, movable, closable and floatable. On the first run the window fills the
screen, the sources are on the left and the editor on the right (both the window's full
height), and the other panels and the undo history are tabs under the grid; after that the
curator's own arrangement (the window's geometry and its docks' state) is saved in the
settings and restored, the state only once the window is shown (dock sizes come out right
only once the window has its size).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLayout,
    QLayoutItem,
    QMainWindow,
    QScrollArea,
    QTreeView,
    QWidget,
)

GEOMETRY = "window/geometry"
STATE = "window/state"


class Filling(QLayout):
    """One widget filling its parent, its minimum size the parent's, and no height for width.

    A scroll area makes a widget whose layout has a height for width (a word-wrapped label,
    a row of buttons that wraps) as tall as its *preferred* height, so a panel with a map or
    a tree scrolled in any dock shorter than its size hint; through this layout it fills
    the dock and scrolls only below its minimum size.
    """

    def __init__(self, parent: QWidget, widget: QWidget) -> None:
        super().__init__(parent)
        self.setContentsMargins(0, 0, 0, 0)
        self._item: QLayoutItem | None = None
        self.addWidget(widget)

    def addItem(self, item: QLayoutItem) -> None:
        self._item = item

    def count(self) -> int:
        return 0 if self._item is None else 1

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._item if index == 0 else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        item, self._item = (self._item, None) if index == 0 else (None, self._item)
        return item

    def sizeHint(self) -> QSize:
        return self._item.sizeHint() if self._item is not None else QSize()

    def minimumSize(self) -> QSize:
        return self._item.minimumSize() if self._item is not None else QSize()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        if self._item is not None:
            self._item.setGeometry(rect)


def filling(widget: QWidget) -> QWidget:
    """``widget`` in a holder laid out by ``Filling``."""
    holder = QWidget()
    Filling(holder, widget)
    return holder


class DockLayout:
    """The docks of one main window and their arrangement, remembered in ``settings``."""

    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        self.window = window
        self.settings = settings
        self.panels: list[QDockWidget] = []  # docked through panel(), in order
        self.pending_state: QByteArray | None = None  # restored once more on the first show
        self.named: dict[str, QDockWidget] = {}  # every dock by its object name
        self.first_run = False  # no geometry saved: the application shows the window maximised
        # The side columns run the window's full height; a panel docked at the bottom sits
        # under the grid only, not under the sources or the editor.
        window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

    def dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)  # the key of its place in the saved state
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.window.addDockWidget(area, dock, Qt.Orientation.Vertical)
        self.named[name] = dock
        return dock

    def panel(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """A panel docked in a scroll area, so that a panel with a tall form does not force
        its size on the window: it scrolls when the curator makes it small."""
        holder = QScrollArea()
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(filling(widget))
        dock = self.dock(f"panel-{title}", title, holder, area)
        self.panels.append(dock)
        return dock

    @staticmethod
    def content(dock: QDockWidget) -> QWidget | None:
        """The widget a panel docked through ``panel`` shows (inside its scroll area)."""
        holder = dock.widget()
        inner = holder.widget() if isinstance(holder, QScrollArea) else holder
        layout = inner.layout() if inner is not None else None
        item = layout.itemAt(0) if isinstance(layout, Filling) else None
        return item.widget() if item is not None else inner

    def restore(self) -> None:
        """The saved geometry, or on the first run a roomy window that still fits the screen
        (large scale factors too); the saved state of the docks."""
        window = self.window
        geometry = self.settings.value(GEOMETRY)
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        else:
            self.first_run_geometry(window.screen().availableGeometry())
        state = self.settings.value(STATE)
        self.pending_state = state if isinstance(state, QByteArray) else None
        if self.pending_state is not None:
            window.restoreState(self.pending_state)

    def first_run_geometry(self, screen: QRect) -> None:
        """The first window fills the screen's available area (a 1366x768 laptop needs all
        of it; the application shows it maximised, see ``first_run``); the curator's own
        size is kept after that."""
        self.first_run = True
        self.window.setGeometry(screen)

    def first_shown(self, sources: QDockWidget, editor: QDockWidget) -> None:
        """The window is shown for the first time: the saved state again, now that the window
        has its size, or the first-run layout."""
        state = self.pending_state
        if state is not None:
            QTimer.singleShot(0, lambda: self.window.restoreState(state))
        else:
            QTimer.singleShot(0, lambda: self.default_layout(sources, editor))

    def default_layout(self, sources: QDockWidget, editor: QDockWidget) -> None:
        """First run: the sources on the left and the editor on the right, each the window's
        full height (the editor's Description group whole at 768 pixels); under the grid the
        other panels and the undo history as tabs (the first panel in front), tall enough
        for a list of places. The curator's own arrangement is saved and restored after this."""
        window, panels = self.window, list(self.panels)
        history = self.named.get("undo-history")
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        tabs = panels + ([history] if history is not None else [])
        if tabs:
            for dock in tabs:
                window.addDockWidget(bottom, dock, Qt.Orientation.Horizontal)
            for dock in tabs[1:]:
                window.tabifyDockWidget(tabs[0], dock)
            tabs[0].raise_()
        window.resizeDocks([sources], [self.sources_width(sources.widget())], Qt.Orientation.Horizontal)
        window.resizeDocks([editor], [self.editor_width(editor.widget())], Qt.Orientation.Horizontal)
        if tabs:
            window.resizeDocks([tabs[0]], [self.bottom_height()], Qt.Orientation.Vertical)

    def sources_width(self, sources: QWidget) -> int:
        """Room for the names in the sources panel at the font in use (at most a quarter of
        the window): large fonts get a wider panel instead of cut names."""
        wanted = sources.sizeHintForColumn(0) + sources.indentation() + 24 if isinstance(sources, QTreeView) else 0
        return max(220, min(wanted, self.window.width() // 4))

    def editor_width(self, editor: QWidget) -> int:
        """About fifty characters for the editor's fields, at most a third of the window."""
        wanted = editor.fontMetrics().averageCharWidth() * 56
        return max(420, min(wanted, self.window.width() // 3))

    def bottom_height(self) -> int:
        """The panels under the grid: two fifths of the window, the grid keeps the rest."""
        return max(260, self.window.height() * 2 // 5)

    def save(self) -> None:
        self.settings.setValue(GEOMETRY, self.window.saveGeometry())
        self.settings.setValue(STATE, self.window.saveState())
