"""Where the main window's docks go: made, laid out on the first run, saved and restored.

The window's sources, editor, undo history and the panels docked through its ``add_panel``
are ``QDockWidget``s, movable, closable and floatable. On the first run the sources are on
the left and the editor on the right, with the other panels as tabs under it; after that the
curator's own arrangement (the window's geometry and its docks' state) is saved in the
settings and restored, the state only once the window is shown (dock sizes come out right
only once the window has its size).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QTreeView, QWidget

GEOMETRY = "window/geometry"
STATE = "window/state"


class DockLayout:
    """The docks of one main window and their arrangement, remembered in ``settings``."""

    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        self.window = window
        self.settings = settings
        self.panels: list[QDockWidget] = []  # docked through panel(), in order
        self.pending_state: QByteArray | None = None  # restored once more on the first show

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
        return dock

    def panel(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """A panel docked in a scroll area, so that a panel with a tall form does not force
        its size on the window: it scrolls when the curator makes it small."""
        holder = QScrollArea()
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(widget)
        dock = self.dock(f"panel-{title}", title, holder, area)
        self.panels.append(dock)
        return dock

    def restore(self) -> None:
        """The saved geometry, or on the first run a roomy window that still fits the screen
        (large scale factors too); the saved state of the docks."""
        window = self.window
        geometry = self.settings.value(GEOMETRY)
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        else:
            screen = window.screen().availableGeometry()
            window.resize(min(1400, screen.width() * 9 // 10), min(880, screen.height() * 9 // 10))
        state = self.settings.value(STATE)
        self.pending_state = state if isinstance(state, QByteArray) else None
        if self.pending_state is not None:
            window.restoreState(self.pending_state)

    def first_shown(self, sources: QDockWidget, editor: QDockWidget) -> None:
        """The window is shown for the first time: the saved state again, now that the window
        has its size, or the first-run layout."""
        state = self.pending_state
        if state is not None:
            QTimer.singleShot(0, lambda: self.window.restoreState(state))
        else:
            QTimer.singleShot(0, lambda: self.default_layout(sources, editor))

    def default_layout(self, sources: QDockWidget, editor: QDockWidget) -> None:
        """First run: sources on the left; on the right the editor, and under it the other
        panels as tabs (the first one in front); readable widths. The curator's own
        arrangement is saved and restored after this."""
        window, panels = self.window, self.panels
        if panels:
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panels[0], Qt.Orientation.Vertical)
            for panel in panels[1:]:
                window.tabifyDockWidget(panels[0], panel)
            panels[0].raise_()
        window.resizeDocks([sources], [self.sources_width(sources.widget())], Qt.Orientation.Horizontal)
        window.resizeDocks([editor], [self.editor_width(editor.widget())], Qt.Orientation.Horizontal)
        if panels:  # once the tabs are laid out: the editor gets most of the height
            QTimer.singleShot(0, lambda: self.share_right_column(editor))

    def sources_width(self, sources: QWidget) -> int:
        """Room for the names in the sources panel at the font in use (at most a quarter of
        the window): large fonts get a wider panel instead of cut names."""
        wanted = sources.sizeHintForColumn(0) + sources.indentation() + 24 if isinstance(sources, QTreeView) else 0
        return max(240, min(wanted, self.window.width() // 4))

    def editor_width(self, editor: QWidget) -> int:
        """About fifty characters for the editor's fields, at most a third of the window."""
        wanted = editor.fontMetrics().averageCharWidth() * 56
        return max(420, min(wanted, self.window.width() // 3))

    def share_right_column(self, editor: QDockWidget) -> None:
        height = max(self.window.height() - 80, 400)
        self.window.resizeDocks(
            [editor, self.panels[0]], [int(height * 0.64), int(height * 0.36)], Qt.Orientation.Vertical
        )

    def save(self) -> None:
        self.settings.setValue(GEOMETRY, self.window.saveGeometry())
        self.settings.setValue(STATE, self.window.saveState())
