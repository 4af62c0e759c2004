"""The main window: sources on the left, the thumbnail grid in the middle, the metadata editor
on the right; menus, shortcuts, status bar, and the first-run welcome panel.

One window shows one archive for its whole life (the ``Catalog`` comes in through the
constructor); File > Open Archive opens another window and closes this one.

Hook points for other panels (the places helper's map and places panels)
-------------------------------------------------------------------------
- ``add_panel(title, widget, area=Qt.RightDockWidgetArea) -> QDockWidget``: dock a widget
  (inside a scroll area, so a tall panel never forces the window's size); its toggle goes into
  the View menu, and its place is restored with the window's state. On the first run the
  panels are tabs under the metadata editor.
- ``selection_changed(list[int])``: the selected photo ids, in grid order, after every change
  of selection; ``selected_ids()`` gives them at any time.
- ``select_photos(ids)``: select these photos in the grid (switching to All photos first when
  the current source does not show them), e.g. when a map marker is clicked.
- ``edits`` (a ``PhotoEdits``): ``window.edits.apply(ids, {"latitude": ..., ...}, description)``
  changes photos as one undoable, recorded step; ``photos_changed(list[int])`` follows every
  change of curated fields (edits, undo, redo), from any panel, and those committed by another
  process or window (``watcher``, a ``ChangeWatcher`` polling the catalog).
- ``refresh_sources()``: re-read the sources panel (after places were added or removed).
- ``status(text)``: a message in the status bar.
- ``catalog``: the open archive (the GUI thread's connection; a worker opens its own).

The export dialog (``photoarchive.ui.dialogs.export_dialog.ExportDialog(catalog,
collection_name, parent)``) is opened by File > Export Collection… when that module exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from photoarchive import APP_NAME
from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.catalog.changes import Changes
from photoarchive.ui.archive_controller import ArchiveController
from photoarchive.ui.change_watcher import ChangeWatcher
from photoarchive.ui.collection_controller import CollectionController
from photoarchive.ui.edit_controller import EditController
from photoarchive.ui.icons import app_icon
from photoarchive.ui.models.photo_grid_model import PhotoGridModel
from photoarchive.ui.models.sources_model import SourcesModel
from photoarchive.ui.questions import Ask, ask_in_message_box
from photoarchive.ui.sources import ALL_PHOTOS, COLLECTION, Source, source_ids
from photoarchive.ui.thumbnails import ThumbnailCache
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.view_controller import ViewController
from photoarchive.ui.widgets.collection_banner import CollectionBanner
from photoarchive.ui.widgets.loupe import Loupe
from photoarchive.ui.widgets.metadata_editor import MetadataEditor
from photoarchive.ui.widgets.photo_grid import GridBar, PhotoGrid
from photoarchive.ui.widgets.places_install import install_places_panels
from photoarchive.ui.widgets.sources_panel import SourcesPanel
from photoarchive.ui.widgets.welcome import WelcomePanel


class MainWindow(QMainWindow):
    """The archive's window; see the module docstring for the API other panels use."""

    selection_changed = Signal(list)
    photos_changed = Signal(list)
    source_changed = Signal(object)

    def __init__(
        self,
        catalog: Catalog,
        settings: QSettings | None = None,
        *,
        owns_catalog: bool = False,
        import_workers: int | None = None,
        ask: Ask = ask_in_message_box,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.ask = ask  # how this window's questions (quit during an import) are answered
        self.settings = settings if settings is not None else QSettings()
        self.owns_catalog = owns_catalog
        self.import_workers = import_workers
        self.setWindowTitle(f"{APP_NAME} — {catalog.paths.name}")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.current_source: Source = ALL_PHOTOS
        self.search_text = ""
        self.loupe: Loupe | None = None

        self.edits = PhotoEdits(catalog, self)
        self.thumbnails = ThumbnailCache(parent=self)
        self.grid_model = PhotoGridModel(catalog, self.thumbnails, self)
        self.sources_model = SourcesModel(catalog, self)
        self.sources = SourcesPanel(self.sources_model)
        self.grid = PhotoGrid(self.grid_model)
        self.bar = GridBar()
        self.banner = CollectionBanner()
        self.editor = MetadataEditor(catalog, self.edits)
        self.edits.before_undo = self.editor.flush
        self.welcome = WelcomePanel(catalog.paths.name)

        browser = QWidget()
        column = QVBoxLayout(browser)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.bar)
        column.addWidget(self.banner)
        column.addWidget(self.grid, 1)
        self.centre = QStackedWidget()
        self.centre.addWidget(browser)
        self.centre.addWidget(self.welcome)
        self.setCentralWidget(self.centre)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)
        # Sources on the left and the editor on the right are docks, so that other panels
        # (places, map) stack under them instead of squeezing the grid.
        self.sources_dock = self._dock(
            "sources", self.tr("Sources"), self.sources, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.editor_dock = self._dock("editor", self.tr("Metadata"), self.editor, Qt.DockWidgetArea.RightDockWidgetArea)

        self.shown_label, self.selected_label = QLabel(), QLabel()
        for label in (self.shown_label, self.selected_label):
            label.setContentsMargins(6, 0, 6, 0)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.shown_label)
        self.statusBar().addPermanentWidget(self.selected_label)

        self.undo_view = QUndoView(self.edits.stack)
        self.undo_view.setEmptyLabel(self.tr("<opened the archive>"))
        self.menus: dict[str, QMenu] = {}
        self.panels: list[QDockWidget] = []  # docked through add_panel()
        self.collections = CollectionController(self)
        self.editing = EditController(self)
        self.archive = ArchiveController(self)
        self.viewing = ViewController(self)
        self._build_menus()

        self._sources_timer = QTimer(self)  # counts and keywords, re-read once after a burst of edits
        self._sources_timer.setSingleShot(True)
        self._sources_timer.setInterval(400)
        self._sources_timer.timeout.connect(self.refresh_sources)

        # What other processes and windows commit shows here too (the editor, the grid, counts).
        self.watcher = ChangeWatcher(catalog, self)
        self.watcher.changed.connect(self._changed_elsewhere)

        self.sources.source_selected.connect(self.show_source)
        self.bar.search_changed.connect(self._search)
        self.bar.order_changed.connect(lambda _order: self.reload_grid())
        self.bar.size_changed.connect(self.grid.set_thumbnail_size)
        self.grid.selection_changed.connect(self._selection_changed)
        self.grid.preview_requested.connect(self.open_loupe)
        self.edits.photos_changed.connect(self._photos_changed)
        self.editor.status_message.connect(self.status)
        self.welcome.import_requested.connect(self.archive.import_photos)
        self.welcome.open_requested.connect(self.archive.open_archive)
        self.welcome.sample_requested.connect(self.archive.create_sample_archive)

        self._install_panels()  # the map and places panels (issue 6), through the hook API above
        self._restore_settings()
        self.reload_grid()

    # -- hook API (see module docstring) ----------------------------------------------------

    def _install_panels(self) -> None:
        """Dock the panels of other parts of the application (places, map)."""
        install_places_panels(self)

    def add_panel(
        self, title: str, widget: QWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea
    ) -> QDockWidget:
        # In a scroll area, so that a panel with a tall form does not force its size on the
        # window: it scrolls when the curator makes it small.
        holder = QScrollArea()
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(widget)
        dock = self._dock(f"panel-{title}", title, holder, area)
        self.menus["view"].addAction(dock.toggleViewAction())
        self.panels.append(dock)
        return dock

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock, Qt.Orientation.Vertical)
        return dock

    def _default_layout(self) -> None:
        """First run: sources on the left; on the right the editor, and under it the other
        panels as tabs (the first one in front); readable widths. The curator's own
        arrangement is saved and restored after this."""
        right = Qt.DockWidgetArea.RightDockWidgetArea
        if self.panels:
            self.addDockWidget(right, self.panels[0], Qt.Orientation.Vertical)
            for panel in self.panels[1:]:
                self.tabifyDockWidget(self.panels[0], panel)
            self.panels[0].raise_()
        self.resizeDocks([self.sources_dock], [self._sources_width()], Qt.Orientation.Horizontal)
        self.resizeDocks([self.editor_dock], [self._editor_width()], Qt.Orientation.Horizontal)
        if self.panels:  # once the tabs are laid out: the editor gets most of the height
            QTimer.singleShot(0, self._share_right_column)

    def _sources_width(self) -> int:
        """Room for the names in the sources panel at the font in use (at most a quarter of
        the window): large fonts get a wider panel instead of cut names."""
        wanted = self.sources.sizeHintForColumn(0) + self.sources.indentation() + 24
        return max(240, min(wanted, self.width() // 4))

    def _editor_width(self) -> int:
        """About fifty characters for the editor's fields, at most a third of the window."""
        wanted = self.editor.fontMetrics().averageCharWidth() * 56
        return max(420, min(wanted, self.width() // 3))

    def _share_right_column(self) -> None:
        height = max(self.height() - 80, 400)
        self.resizeDocks(
            [self.editor_dock, self.panels[0]], [int(height * 0.64), int(height * 0.36)], Qt.Orientation.Vertical
        )

    def selected_ids(self) -> list[int]:
        return self.grid.selected_ids()

    def select_photos(self, photo_ids: Sequence[int]) -> None:
        ids = list(photo_ids)
        if ids and any(self.grid_model.row_of(pid) is None for pid in ids):
            self.bar.search.clear()
            self.search_text = ""
            self.sources.select_source(ALL_PHOTOS)
            self.show_source(ALL_PHOTOS)
        self.grid.select_ids(ids)

    def status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def refresh_sources(self) -> None:
        self.sources.blockSignals(True)
        try:
            self.sources.reload()
        finally:
            self.sources.blockSignals(False)
        self.collections.refresh_menu()

    # -- what the grid shows ----------------------------------------------------------------

    def show_source(self, source: Source) -> None:
        self.editor.flush()
        was_collection = self.current_source.kind == COLLECTION
        self.current_source = source
        self.bar.allow_collection_order(source.is_collection)
        if source.is_collection and not was_collection:
            self.bar.blockSignals(True)
            self.bar.set_order("collection")
            self.bar.blockSignals(False)
        self.reload_grid(keep_selection=False)
        self.source_changed.emit(source)

    def _search(self, text: str) -> None:
        self.search_text = text
        self.reload_grid()

    def reload_grid(self, keep_selection: bool = True) -> None:
        selected = self.grid.selected_ids() if keep_selection else []
        order = self.bar.current_order()
        ids = source_ids(self.catalog, self.current_source, search=self.search_text, order=order)
        reorderable = self.current_source.is_collection and order == "collection" and not self.search_text.strip()
        self.grid_model.set_ids(ids, reorderable=reorderable)
        total = self.catalog.count_photos()
        self.centre.setCurrentWidget(self.welcome if total == 0 else self.centre.widget(0))
        self.bar.set_count(len(ids), self._source_size(total) if self.search_text.strip() else len(ids))
        self.shown_label.setText(self.tr("{count} shown").format(count=f"{len(ids):,}"))
        self.banner.show_collection(
            collection_store.get_collection(self.catalog, int(self.current_source.key))
            if self.current_source.is_collection
            else None,
            reorderable,
        )
        if selected:
            self.grid.select_ids(selected)
        self._selection_changed(self.grid.selected_ids())

    def _source_size(self, total: int) -> int:
        """How many photos the current source holds without the search."""
        if self.current_source.kind == "all":
            return total
        return len(source_ids(self.catalog, self.current_source, order="imported"))

    # -- selection, editing -----------------------------------------------------------------

    def _selection_changed(self, ids: list[int]) -> None:
        if ids != self.editor.photo_ids():
            self.editor.set_photos(ids)
        self.selected_label.setText(self.tr("{count} selected").format(count=f"{len(ids):,}"))
        self.selection_changed.emit(ids)

    def _photos_changed(self, ids: list[int]) -> None:
        self.grid_model.refresh(ids)
        self.photos_changed.emit(ids)
        self._sources_timer.start()

    def _changed_elsewhere(self, changes: Changes) -> None:
        """Another process or window committed changes: show them, re-reading only what they
        touched (what the curator is typing stays)."""
        # This window's own import commits from its worker's connection: the grid and the
        # sources are re-read once when it ends, not at every poll while it runs.
        importing = self.archive.import_dialog is not None and self.archive.import_dialog.importing()
        if not importing and (
            changes.photos_added_or_removed or self.search_text.strip() or self.current_source.kind != "all"
        ):
            self.reload_grid()  # which photos the source shows may have changed
        if changes.photo_ids:
            self.grid_model.refresh(changes.photo_ids)
            self.editor.refresh_changed_elsewhere(changes.photo_ids)
            self.photos_changed.emit(changes.photo_ids)
        if not importing:
            self._sources_timer.start()

    def open_loupe(self, photo_id: int | None = None) -> None:
        ids = self.grid_model.ids()
        if not ids:
            return
        if photo_id is None:
            selected = self.selected_ids()
            photo_id = selected[0] if selected else ids[0]
        self.editor.flush()
        self.loupe = Loupe(self.catalog, ids, photo_id, self)
        self.loupe.current_changed.connect(lambda pid: self.grid.select_ids([pid]))
        self.loupe.show()

    def undo(self) -> None:
        self.edits.undo()

    def redo(self) -> None:
        self.edits.redo()

    # -- menus ------------------------------------------------------------------------------

    def _action(self, menu: QMenu, text: str, slot: Any, shortcut: Any = None, *, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            sequences: list[QKeySequence] = []
            for key in keys:  # a standard key may stand for several sequences, or none here
                found = (
                    QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
                )
                sequences += [k for k in found if not k.isEmpty() and k not in sequences]
            action.setShortcuts(sequences)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, title in (
            ("file", self.tr("&File")),
            ("edit", self.tr("&Edit")),
            ("view", self.tr("&View")),
            ("collection", self.tr("&Collection")),
            ("help", self.tr("&Help")),
        ):
            self.menus[key] = bar.addMenu(title)
        self.archive.build_file_menu(self.menus["file"])
        self.editing.build_menu(self.menus["edit"])

        self.viewing.build_menu(self.menus["view"])

        self.collections.build_menu(self.menus["collection"])
        self._action(self.menus["help"], self.tr("&About Photo Archive"), self.archive.about)
        self._action(self.menus["help"], self.tr("About &Qt"), QApplication.aboutQt)

    # -- drops of files, settings, closing --------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.archive.import_photos(paths)

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:  # first run: a roomy window that still fits the screen (large scale factors too)
            screen = self.screen().availableGeometry()
            self.resize(min(1400, screen.width() * 9 // 10), min(880, screen.height() * 9 // 10))
        state = self.settings.value("window/state")
        # Dock sizes come out right only once the window has its size: restore on first show.
        self._pending_state = state if isinstance(state, QByteArray) else None
        if self._pending_state is not None:
            self.restoreState(self._pending_state)
        size = self.settings.value("grid/size")
        if size is not None:
            self.bar.size.setValue(int(size))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if getattr(self, "_shown", False):
            return
        self._shown = True
        # Keyboard first: the arrows move through the photos, Space previews, F2 captions;
        # an empty archive offers Import photos to Enter.
        if self.centre.currentWidget() is self.welcome:
            self.welcome.buttons["import"].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._pending_state is not None:
            QTimer.singleShot(0, lambda: self.restoreState(self._pending_state))
        else:
            QTimer.singleShot(0, self._default_layout)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("grid/size", self.bar.size.value())
        self.settings.setValue("archive/last", str(self.catalog.paths.root))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.flush()
        if not self.archive.can_close():
            event.ignore()
            return
        # Nothing may reach the catalog after this: the caller may close it right away.
        self.grid.stop_announcing()
        self.save_settings()
        self._sources_timer.stop()
        self.watcher.stop()
        self.thumbnails.shutdown()
        if self.loupe is not None:
            self.loupe.close()
        super().closeEvent(event)
        if self.owns_catalog:
            self.catalog.close()
