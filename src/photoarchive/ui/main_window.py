"""The main window: sources on the left, the thumbnail grid in the middle, the metadata editor
on the right; menus, shortcuts, status bar, and the first-run welcome panel.

One window shows one archive for its whole life (the ``Catalog`` comes in through the
constructor); File > Open Archive opens another window and closes this one.

Hook points for other panels (the map and places panels)
--------------------------------------------------------
- ``add_panel(title, widget, area=Qt.RightDockWidgetArea) -> QDockWidget``: dock a widget
  (inside a scroll area, so a tall panel never forces the window's size); its toggle goes into
  the View menu, and its place is restored with the window's state. On the first run the
  panels and the undo history are tabs under the grid (``window_layout.DockLayout``).
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
- ``archive_opened(window)``: File > Open Archive (or New Archive, or the sample) opened
  another window, which takes over from this one.

The menus' actions come from controllers, each given only what it works on (the
catalog, ``edits``, the selection, the grid, a parent for its dialogs): ``archive`` (File,
Help), ``editing`` (Edit), ``viewing`` (View, and the grid's keys in Edit), ``selecting``
(Photo: rating, colour label and flag keys on the selection), ``culling`` (View > Cull and
Compare) and ``collections`` (Collection). The window lays their ``actions()`` out in the
menus and connects their signals; they never see the window, nor each other.
Photos that an edit takes out of a filtered grid, and undo brings back, are
``filtered``'s (``ui.filtered_grid``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QStackedWidget,
    QToolButton,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from photoarchive import APP_NAME
from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.catalog.changes import Changes
from photoarchive.catalog.curated import has_photos
from photoarchive.ingest import ImportSummary
from photoarchive.ui import sources
from photoarchive.ui.actions import fill_menu, make_action, menu_layout
from photoarchive.ui.archive_controller import ArchiveController
from photoarchive.ui.background import BackgroundWrites
from photoarchive.ui.change_watcher import ChangeWatcher
from photoarchive.ui.collection_controller import CollectionController
from photoarchive.ui.cull_controller import CullController
from photoarchive.ui.dialogs.curator_dialog import ask_curator_name
from photoarchive.ui.edit_controller import EditController
from photoarchive.ui.errors import show_error
from photoarchive.ui.filter_controller import FilterController
from photoarchive.ui.filtered_grid import FilteredGrid
from photoarchive.ui.icons import app_icon
from photoarchive.ui.models.photo_grid_model import PhotoGridModel
from photoarchive.ui.models.sources_model import SourcesModel
from photoarchive.ui.previews import PreviewBuilder
from photoarchive.ui.questions import Ask, ask_in_message_box
from photoarchive.ui.selection_controller import SelectionController
from photoarchive.ui.sources import (
    ALL_PHOTOS,
    BATCH,
    COLLECTION,
    Source,
    SourceCounts,
    source_ids,
    source_page,
    source_size,
)
from photoarchive.ui.thumbnails import ThumbnailCache
from photoarchive.ui.translations import language_menu
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.view_controller import ViewController
from photoarchive.ui.widgets.collection_banner import CollectionBanner
from photoarchive.ui.widgets.filter_bar import FilterBar
from photoarchive.ui.widgets.loupe import Loupe
from photoarchive.ui.widgets.metadata_editor import MetadataEditor
from photoarchive.ui.widgets.photo_grid import GridBar, PhotoGrid
from photoarchive.ui.widgets.sources_panel import SourcesPanel
from photoarchive.ui.widgets.welcome import WelcomePanel
from photoarchive.ui.window_layout import DockLayout
from photoarchive.ui.window_panels import install_map_and_places
from photoarchive.ui.workers import AFTER_PAINT_MS, Worker, grid_rest_job, source_counts_job

# The fewest photos a first page of the grid holds (``MainWindow._first_screen``).
MIN_FIRST_PAGE = 200
# After a change of the search box or the filter bar, the pause before the filter is compiled
# ahead of their debounces (150 and 250 ms): typing or clicking on compiles once.
PREPARE_MS = 40


class MainWindow(QMainWindow):
    """The archive's window; see the module docstring for the API other panels use."""

    selection_changed = Signal(list)
    photos_changed = Signal(list)
    source_changed = Signal(object)
    archive_opened = Signal(object)  # another window, which takes over from this one

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
        # A catalog on a server names it (without any password) beside the archive's folder.
        server = f" — {catalog.location.shown()}" if catalog.location.url is not None else ""
        self.setWindowTitle(f"{APP_NAME} — {catalog.paths.name}{server}")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.current_source: Source = ALL_PHOTOS
        self.search_text = ""
        self._total: int | None = None  # the photos of the source, the filter's aside, once known
        # The sources' sizes a filtered grid's count is "of" (a subset's is read whole), kept
        # until photos or collections change: changing the filter does not count them again.
        self._sizes: dict[tuple[str, object], int] = {}
        self.loupe: Loupe | None = None

        self.edits = PhotoEdits(catalog, self)
        self.edits.refused.connect(lambda message: self.statusBar().showMessage(message, 20_000))
        # The sidecars and the day's backup a change calls for, written by workers (ui.background).
        self.background = BackgroundWrites(catalog, self)
        self.background.status_message.connect(self.status)
        self.background.failed.connect(lambda what, message: show_error(self, what, message))
        # The 1024 px previews an import leaves to be made (ui.previews): when the window opens
        # and after each import.
        self.previews = PreviewBuilder(catalog, self)
        self.previews.status_message.connect(self.status)
        self.thumbnails = ThumbnailCache(parent=self)
        self.grid_model = PhotoGridModel(catalog, self.thumbnails, self)
        self.sources_model = SourcesModel(catalog, self, count_now=False)  # counted in the background
        self._grid_rest: Worker | None = None  # reading the grid's ids after its first page
        self._counting: Worker | None = None  # counting the sources panel's photos and keywords
        self._announced: list[int] | None = None  # the selection last told to the panels
        self.sources = SourcesPanel(self.sources_model)
        self.grid = PhotoGrid(self.grid_model)
        self.bar = GridBar()
        self.filter_bar = FilterBar()  # its work: self.filtering (ui.filter_controller)
        self.banner = CollectionBanner()
        self.editor = MetadataEditor(catalog, self.edits)
        self.edits.before_undo = self.editor.flush
        self.welcome = WelcomePanel(catalog.paths.name)

        self.browser = browser = QWidget()  # the grid under its bar and banner
        column = QVBoxLayout(browser)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.bar)
        column.addWidget(self.filter_bar)
        column.addWidget(self.banner)
        column.addWidget(self.grid, 1)
        self.centre = QStackedWidget()
        self.centre.addWidget(browser)
        self.centre.addWidget(self.welcome)
        self.setCentralWidget(self.centre)
        self.docks = DockLayout(self, self.settings)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)
        # Sources on the left and the editor on the right are docks, so that other panels
        # (places, map) stack under them instead of squeezing the grid.
        self.sources_dock = self.docks.dock(
            "sources", self.tr("Sources"), self.sources, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.editor_dock = self.docks.dock(
            "editor", self.tr("Metadata"), self.editor, Qt.DockWidgetArea.RightDockWidgetArea
        )

        self.shown_label, self.selected_label = QLabel(), QLabel()
        for label in (self.shown_label, self.selected_label):
            label.setContentsMargins(6, 0, 6, 0)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.background.label)
        self.statusBar().addPermanentWidget(self.previews.label)
        self.statusBar().addPermanentWidget(self.progress)
        self.stop_button = QToolButton()  # the progress's Cancel (ArchiveController: a connection)
        self.stop_button.hide()
        self.statusBar().addPermanentWidget(self.stop_button)
        self.statusBar().addPermanentWidget(self.shown_label)
        self.statusBar().addPermanentWidget(self.selected_label)

        self.undo_view = QUndoView(self.edits.stack)
        self.undo_view.setEmptyLabel(self.tr("<opened the archive>"))
        self.history_dock = self.docks.dock(
            "undo-history", self.tr("Undo History"), self.undo_view, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.history_dock.hide()
        self.menus: dict[str, QMenu] = {}
        self._make_controllers()
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
        # The filter is compiled while the debounces of the box and the bar wait, a moment
        # after the last change (``FilterController.prepare``), not in their reload.
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(PREPARE_MS)
        self._prepare_timer.timeout.connect(self._prepare_filter)
        self.bar.search.textChanged.connect(lambda _text: self._prepare_timer.start())
        self.filter_bar.edited.connect(self._prepare_timer.start)
        self.bar.order_changed.connect(lambda _order: self.reload_grid())
        self.bar.size_changed.connect(self.grid.set_thumbnail_size)
        self.grid.selection_changed.connect(self._selection_changed)
        self.grid.preview_requested.connect(self.open_loupe)
        # An edit's new values go into the cells at once (the grid is not read again for them).
        self.edits.values_changed.connect(self.grid_model.set_values)
        self.edits.values_changed.connect(self.filtered.values_changed)
        for field in self.editor.fields.values():  # after the editor's own commit of the field
            field.committed.connect(self.filtered.typing_committed)
        self.edits.values_changed.connect(self.culling.show_values)
        self.edits.photos_changed.connect(self._photos_changed)
        self.edits.collection_changed.connect(self._collection_changed)
        self.edits.collections_changed.connect(self._collections_listed)
        self.editor.status_message.connect(self.status)
        self.welcome.import_requested.connect(self.archive.import_photos)
        self.welcome.open_requested.connect(self.archive.open_archive)
        self.welcome.sample_requested.connect(self.archive.create_sample_archive)

        # The map and places panels, through the hook API above.
        self.map_panel, self.places_panel = install_map_and_places(self, self)
        self._restore_settings()
        self.reload_grid()
        self._count_sources()

    # -- hook API (see module docstring) ----------------------------------------------------

    def add_panel(
        self, title: str, widget: QWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea
    ) -> QDockWidget:
        dock = self.docks.panel(title, widget, area)
        self.menus["view"].addAction(dock.toggleViewAction())
        return dock

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
        self._sizes.clear()  # after an import, places or collections changed
        self.sources.blockSignals(True)
        try:
            self.sources.reload(recount=False)
        finally:
            self.sources.blockSignals(False)
        self.collections.refresh_menu()
        self._count_sources()

    def _count_sources(self) -> None:
        """Count photos, keywords and places in the background (seconds over a million photos);
        the panel shows them when they arrive. A newer count replaces one still running."""
        if self._counting is not None:
            self._counting.cancel()
        worker = self._counting = source_counts_job(self.catalog)
        worker.signals.finished.connect(lambda counts: self._sources_counted(worker, counts))
        worker.start()

    def _sources_counted(self, worker: Worker, counts: SourceCounts) -> None:
        if worker is not self._counting:
            return  # an older count, overtaken
        self._counting = None
        self.sources.blockSignals(True)
        try:
            self.sources.reload(counts, lists=False)
        finally:
            self.sources.blockSignals(False)

    # -- what the grid shows ----------------------------------------------------------------

    @property
    def _filter(self) -> str:
        """The filter the grid shows: the filter bar's and the search box's (``filtered.filter``)."""
        return self.filtered.filter

    def show_source(self, source: Source) -> None:
        self.editor.flush()
        was_collection = self.current_source.kind == COLLECTION
        self.current_source = source
        self.filtering.set_source(source)  # the filter bar as it was last left on this source
        self.bar.allow_collection_order(source.is_collection)
        if source.is_collection and not was_collection:
            self.bar.blockSignals(True)
            self.bar.set_order("collection")
            self.bar.blockSignals(False)
        self.reload_grid(keep_selection=False)
        self.source_changed.emit(source)

    def _prepare_filter(self) -> None:
        order = sources.page_order(self.bar.current_order())
        self.filtering.prepare(self.bar.search.text(), order, self._first_screen())

    def _search(self, text: str) -> None:
        self.search_text = text
        self.reload_grid()

    def reload_grid(self, keep_selection: bool = True) -> None:
        # The filter bar and the search box are one filter; a box that does not read says why
        # and leaves the grid as it was.
        order = self.bar.current_order()
        first = self._first_screen()
        # The filter's terms written for the first page's order and length.
        asked = self.filtering.query(self.search_text, sources.page_order(order), first)
        if asked is None:
            return
        self.filtered.filter, query = asked
        search, where = query.search, (query.where if query.terms else None)
        selected = self.grid.selected_ids() if keep_selection else []
        # All photos and a batch show their first screen from a query that stops after a page;
        # the rest and the count come from the background (a million ids take a second).
        if self._grid_rest is not None:
            self._grid_rest.cancel()
            self._grid_rest = None
        page = source_page(self.catalog, self.current_source, search=search, order=order, limit=first, where=where)
        if page is not None:
            ids = page.ids
        else:
            ids = source_ids(self.catalog, self.current_source, search=search, order=order, where=where)
        reorderable = self.current_source.is_collection and order == "collection" and not self._filter
        self.grid_model.set_ids(ids, reorderable=reorderable)
        self.filtered.clear()
        self._total = None
        self.centre.setCurrentWidget(self.browser if has_photos(self.catalog) else self.welcome)
        if page is not None and page.after is not None:
            self._read_grid_rest(page.after, order, selected)
            self.bar.count.setText(self.tr("counting…"))
        else:
            self._total = self._source_size() if self._filter else len(ids)
            self.bar.set_count(len(ids), self._total)
        self.filtering.count_hidden(self.search_text)
        self.shown_label.setText(self.tr("{count} shown").format(count=f"{len(ids):,}"))
        key = self.current_source.key
        self.banner.show_collection(
            collection_store.get_collection(self.catalog, key)
            if self.current_source.is_collection and isinstance(key, int)
            else None,
            reorderable,
        )
        if selected:
            self.grid.select_ids(selected)
        self._selection_changed(self.grid.selected_ids())

    def _first_screen(self) -> int:
        """How many photos the grid's first page holds: the cells the grid shows at its size
        and a screen more (Page Down before the rest is read), at least ``MIN_FIRST_PAGE`` (a
        window not yet laid out), at most ``sources.FIRST_PAGE``. A filter's or a search's
        first page costs about its length in matches read (a label's thousand red photos of
        a 1,000-row page, not the forty a window shows); the rest comes from the background."""
        cell = self.grid.gridSize()
        rows = self.grid.viewport().height() // max(cell.height(), 1) + 1
        shown = max(self.grid.columns, 1) * rows * 2
        return min(sources.FIRST_PAGE, max(MIN_FIRST_PAGE, shown))

    def _read_grid_rest(self, after: tuple[object, ...], order: str, selected: list[int]) -> None:
        worker = self._grid_rest = grid_rest_job(
            self.catalog, self.current_source, after, search="", order=order, filter=self._filter
        )
        worker.signals.finished.connect(lambda result: self._grid_rest_read(worker, result, selected))
        worker.signals.failed.connect(self.status)
        worker.start_after_paint()  # after the first page is painted

    def _grid_rest_read(self, worker: Worker, result: tuple[Sequence[int], int], selected: list[int]) -> None:
        if worker is not self._grid_rest:
            return  # the grid was reloaded since: these ids belong to another list
        self._grid_rest = None
        rest, size = result
        shown_before = self.grid.selected_ids()
        self.grid_model.append_ids(rest)
        self._total = size if self._filter else self.grid_model.rowCount()
        self._show_count()
        if selected and len(shown_before) < len(selected):  # some were beyond the first page
            self.grid.select_ids(selected)

    def _source_size(self) -> int:
        key = (self.current_source.kind, self.current_source.key)
        if key not in self._sizes:
            self._sizes[key] = source_size(self.catalog, self.current_source)
        return self._sizes[key]

    def _show_count(self) -> None:
        count = self.grid_model.rowCount()
        if self._total is not None:
            self.bar.set_count(count, self._total)
            self.filtering.show_count(self.bar.count.text())
        self.shown_label.setText(self.tr("{count} shown").format(count=f"{count:,}"))

    # -- selection, editing -----------------------------------------------------------------

    def _selection_changed(self, ids: list[int]) -> None:
        if ids != self.editor.photo_ids():
            self.editor.set_photos(ids)
        self.selected_label.setText(self.tr("{count} selected").format(count=f"{len(ids):,}"))
        if ids != self._announced:  # a reload or a search keeping the selection: the map is not redrawn
            self._announced = list(ids)
            self.selection_changed.emit(ids)

    def _photos_changed(self, ids: list[int]) -> None:
        self._sizes.clear()  # a keyword or a place edited changes what a source holds
        self.grid_model.refresh(ids)
        self.photos_changed.emit(ids)
        self._sources_timer.start()

    def _changed_elsewhere(self, changes: Changes) -> None:
        """Another process or window committed changes: show them, re-reading only what they
        touched (what the curator is typing stays)."""
        # This window's own import commits from its worker's connection: the grid and the
        # sources are re-read once when it ends, not at every poll while it runs.
        importing = self.archive.importing()
        self._sizes.clear()
        if not importing and (changes.photos_added or self._filter or self.current_source.kind != "all"):
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

    # -- controllers and menus --------------------------------------------------------------

    def _make_controllers(self) -> None:
        """The controllers of the menus, each given what it works on, and wired by signals."""
        selected = self.selected_ids
        self.archive = ArchiveController(
            self.catalog,
            self.edits,
            self.progress,
            self.stop_button,
            open_window=self.open_window,
            flush=self.editor.flush,
            ask=self.ask,
            import_workers=self.import_workers,
            parent=self,
        )
        self.editing = EditController(self.catalog, self.edits, selected, self.editor, self.settings, self)
        self.viewing = ViewController(self.grid, self.bar, self.editor.flush, self)
        self.selecting = SelectionController(
            self.catalog, self.edits, self.grid, self.settings, self.editor.flush, self
        )
        self.filtering = FilterController(
            self.catalog, self.edits, self.settings, self.filter_bar, self.bar.search, self.bar.count, self
        )
        self.filtered = FilteredGrid(self.grid, self.filtering, self.editor, lambda: self.search_text, self)
        self.filtered.reload_requested.connect(self.reload_grid)
        self.filtered.count_changed.connect(self._show_count)
        self.culling = CullController(
            self.catalog,
            self.grid,
            self.selecting.edit,
            self.editor.flush,
            self,
            self.selecting.auto_advance.isChecked,
            in_place_of=self.filtered.in_place_of,
        )
        self.grid.selection_changed.connect(self.culling.selection_changed)
        self.collections = CollectionController(
            self.catalog, self.edits, selected, can_reorder=lambda: self.grid_model.reorderable, parent=self
        )
        self.filtering.filter_changed.connect(self.reload_grid)
        self.filtering.collection_created.connect(self._show_new_collection)
        self.filtering.status_message.connect(self.status)
        self.filtering.read_completions()
        self.edits.ask = self.editing.ask_about_conflict
        for controller in (self.archive, self.editing, self.collections, self.selecting, self.culling):
            controller.status_message.connect(self.status)
        self.archive.photos_imported.connect(self._show_import)
        self.archive.sample_created.connect(self._sample_created)
        self.archive.close_requested.connect(self.close)
        self.archive.archive_opened.connect(self.archive_opened)
        self.viewing.preview_requested.connect(self.open_loupe)
        self.viewing.source_requested.connect(self.sources.select_source)
        self.collections.collection_created.connect(self._show_new_collection)
        self.source_changed.connect(self.archive.set_source)
        self.source_changed.connect(self.collections.set_source)
        self.sources_model.photos_dropped.connect(self.collections.add_photos)
        self.grid_model.order_changed.connect(self.collections.reorder)
        self.banner.edit_requested.connect(self.collections.edit_properties)

    def _build_menus(self) -> None:
        """The menu bar, laid out from the controllers' actions and the docks' toggles."""
        history = self.history_dock.toggleViewAction()
        history.setText(self.tr("Undo &History"))
        history.setShortcut(QKeySequence("Ctrl+Shift+H"))
        toggles = []
        for dock, keys in ((self.sources_dock, "Ctrl+Shift+1"), (self.editor_dock, "Ctrl+Shift+2")):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(QKeySequence(keys))
            toggles.append(toggle)
        layout = menu_layout(
            self.archive.actions(),
            self.editing.actions(),
            self.viewing.actions(),
            self.collections.actions(),
            history=history,
            docks=toggles,
            selection=self.selecting.actions(),
            culling=self.culling.actions(),
        )
        for key, title, items in layout:
            self.menus[key] = self.menuBar().addMenu(title)
            fill_menu(self.menus[key], items)
        # Edit > Your Name as Curator… (last, where Preferences sit): the history's ``who``
        self.menus["edit"].addSeparator()
        self.menus["edit"].addAction(
            make_action(self, self.tr("Your Na&me as Curator…"), lambda: ask_curator_name(self.catalog, self))
        )
        # View > Language (the next start's), above the panels' toggles
        self.menus["view"].insertMenu(toggles[0], language_menu(self.settings, self.status, self))
        self.menus["view"].insertSeparator(toggles[0])
        filtering = self.filtering.actions()
        smart = [filtering["save_smart"], filtering["edit_smart"], filtering["add_matching"]]
        fill_menu(self.menus["collection"], [None, *smart])
        collections = self.collections.actions()
        self.sources.collection_actions = [
            collections["new"],
            None,
            collections["rename"],
            collections["properties"],
            collections["delete"],
        ]

    def open_window(self, catalog: Catalog) -> MainWindow:
        """A window on another archive, like this one (this one's settings saved first)."""
        self.save_settings()
        return MainWindow(catalog, self.settings, owns_catalog=True, import_workers=self.import_workers, ask=self.ask)

    def _show_import(self, summary: ImportSummary) -> None:
        """An import ended: the new batch is shown, unless nothing came of it (all duplicates,
        say): the curator stays where they were rather than looking at an empty grid."""
        self.refresh_sources()
        self.previews.start()
        shown = self.current_source
        already = shown.kind == BATCH and shown.key == summary.batch
        if not summary.imported or already or not self.sources.select_source(Source(BATCH, summary.batch)):
            self.reload_grid()

    def _sample_created(self) -> None:
        self.refresh_sources()
        self.reload_grid()

    def _show_new_collection(self, source: Source) -> None:
        self.refresh_sources()
        self.sources.select_source(source)

    def _collection_changed(self, collection_id: int) -> None:
        self._sizes.clear()
        if self.current_source.kind == COLLECTION and self.current_source.key == collection_id:
            self.reload_grid()
        self.refresh_sources()

    def _collections_listed(self) -> None:
        """A collection was created, deleted or renamed (or brought back by undo): the
        sources list follows, and the grid leaves a collection that is gone."""
        self.refresh_sources()
        shown = self.sources.current_source()
        if (shown.kind, shown.key) != (self.current_source.kind, self.current_source.key):
            self.show_source(shown)
        elif self.current_source.kind == COLLECTION:
            self.reload_grid()

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
        self.docks.restore()
        size = self.settings.value("grid/size")
        if size is not None:
            self.bar.size_slider.setValue(int(size))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if getattr(self, "_shown", False):
            return
        self._shown = True
        QTimer.singleShot(AFTER_PAINT_MS, self.previews.start)  # the first page painted first
        # Keyboard first: the arrows move through the photos, Space previews, F2 captions;
        # an empty archive offers Import photos to Enter.
        if self.centre.currentWidget() is self.welcome:
            self.welcome.buttons["import"].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        self.docks.first_shown(self.sources_dock, self.editor_dock)

    def save_settings(self) -> None:
        self.docks.save()
        self.settings.setValue("grid/size", self.bar.size_slider.value())
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
        self._prepare_timer.stop()
        for worker in (self._grid_rest, self._counting):  # what they read, arriving late, is dropped
            if worker is not None:
                worker.cancel()
        self._grid_rest = self._counting = None
        self.filtering.stop()
        self.watcher.stop()
        self.background.close()  # the sidecars left are written by the next window; a backup finishes
        self.previews.close()  # between two photos; the next window makes the rest
        self.thumbnails.shutdown()
        if self.loupe is not None:
            self.loupe.close()
        self.culling.close()
        super().closeEvent(event)
        if self.owns_catalog:
            self.catalog.close()
