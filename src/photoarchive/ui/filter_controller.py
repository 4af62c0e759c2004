"""The filter bar's work in the window: what the grid is asked for (the bar's filter and the
search box's text, one filter in the grammar of ``photoarchive.filters``), the bar's state
remembered per source, Hide rejects and how many it hides, completions, and smart collections
made from the bar (Collection > Save Filter as Smart Collection…, Edit Smart Collection
Filter…, Add Matching Photos to Collection…).

Memory: the bar's filter string per source is kept in QSettings, under the archive's path,
not in the catalog. It is how this curator looks at the archive on this machine (as the
window's layout and the thumbnail size are), not part of the archive: kept in the catalog it
would be written by every click on the bar, go into the archive's backups and be shared with
whoever else opens it. Only a source whose bar was changed is remembered; any other starts
with Hide rejects on once something in the catalog is rejected.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QWidget

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.catalog import places as place_store
from photoarchive.catalog.curated import cameras_in_use, has_rejects, keywords_in_use
from photoarchive.catalog.filters import FilterQuery, compile_filter, compiled_over
from photoarchive.catalog.search import count_photos_matching, photo_page
from photoarchive.errors import PhotoArchiveError
from photoarchive.filters import FilterSyntaxError, parse
from photoarchive.ui.actions import make_action
from photoarchive.ui.dialogs.smart_collection_dialog import SmartCollectionDialog
from photoarchive.ui.errors import show_error
from photoarchive.ui.filter_state import FilterState, combined
from photoarchive.ui.sources import ALL, BATCH, COLLECTION, Source, source_ids, source_rest
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.filter_bar import ERROR_STYLE, FilterBar
from photoarchive.ui.workers import Worker


class Prepared(NamedTuple):
    """A filter compiled ahead (``FilterController.prepare``): asked (the filter, the page's
    order, its length), what the compile read (``compiled_over``), and its query."""

    asked: tuple[str, str, int]
    over: tuple[int, int] | None
    query: FilterQuery


class FilterController(QObject):
    """The bar (``bar``) and the search box (``search``) of one window.

    ``filter_changed()``: the grid is to be read again. ``collection_created(source)``: a
    smart collection made from the bar, to be shown. ``status_message(text)``.
    """

    filter_changed = Signal()
    collection_created = Signal(object)
    status_message = Signal(str)

    def __init__(
        self,
        catalog: Catalog,
        edits: PhotoEdits,
        settings: QSettings,
        bar: FilterBar,
        search: QLineEdit,
        count: QLabel,
        parent: QWidget | None = None,
    ) -> None:
        """``count``: the grid's count, to which the rejects hidden are added."""
        super().__init__(parent)
        self.catalog = catalog
        self.edits = edits
        self.settings = settings
        self.bar = bar
        self.search = search
        self.count = count
        self.parent_widget = parent
        self.source: Source = Source(ALL)
        self.hidden: int | None = None  # rejects the filter hides, once counted
        self._count_text = ""
        self._hidden_worker: Worker | None = None
        self._completing: Worker | None = None
        self._search_tip = search.toolTip()
        self.stopped = False
        self._had_rejects = False  # whether the catalog had a reject when last looked (default_state)
        self._prepared: Prepared | None = None
        archive = str(catalog.paths.root.resolve())
        self._prefix = f"filters/{hashlib.sha1(archive.encode()).hexdigest()[:16]}/"
        bar.filter_changed.connect(self._bar_changed)
        bar.save_requested.connect(self.save_as_smart)
        self._actions = {
            "save_smart": make_action(self, self.tr("Save Filter as S&mart Collection…"), self.save_as_smart),
            "edit_smart": make_action(self, self.tr("Edit Smart Collection &Filter…"), self.edit_smart),
            "add_matching": make_action(self, self.tr("Add &Matching Photos to Collection…"), self.add_matching),
        }
        self._actions["edit_smart"].setEnabled(False)
        self.set_source(self.source)

    def actions(self) -> dict[str, QAction]:
        return dict(self._actions)

    # -- per source -------------------------------------------------------------------------

    def key(self, source: Source) -> str:
        return f"{self._prefix}{source.kind}:{'' if source.key is None else source.key}"

    def set_source(self, source: Source) -> None:
        """Show the bar as it was last left on ``source`` (no signal: the window reloads)."""
        self.source = source
        stored = self.settings.value(self.key(source))
        state = None
        if isinstance(stored, str):
            try:
                state = FilterState.read(stored)
            except FilterSyntaxError:
                state = None  # written by another version of the grammar: start afresh
        self.bar.set_state(state if state is not None else self.default_state())
        smart = source.kind == COLLECTION and isinstance(source.key, int) and self._is_smart(source.key)
        self._actions["edit_smart"].setEnabled(smart)

    def default_state(self) -> FilterState:
        """Hide rejects on once something in the catalog is rejected (read through the flag's index)."""
        self._had_rejects = has_rejects(self.catalog)
        return FilterState(hide_rejects=self._had_rejects)

    def _bar_changed(self, text: str) -> None:
        self.settings.setValue(self.key(self.source), text)
        self.filter_changed.emit()

    # -- what the grid asks -----------------------------------------------------------------

    def filter_text(self, search_text: str) -> str:
        return combined(self.bar.text(), search_text)

    def query(
        self, search_text: str, order: str = "captured", page: int | None = None
    ) -> tuple[str, FilterQuery] | None:
        """(the filter, its query: for a first page of ``page`` photos read in ``order``, a
        ``search.PAGE_ORDERS`` key (``sources.page_order``), for which the terms are written;
        without ``page``, for every photo matching) for the bar and the search box's text, or
        None when the box's text does not read (the box says why, outlined in red), or once the
        window is closing."""
        if self.stopped:
            return None
        try:
            parse(search_text)
        except FilterSyntaxError as error:
            self.search.setStyleSheet(ERROR_STYLE)
            self.search.setToolTip(str(error))
            self.status_message.emit(str(error))
            return None
        self.search.setStyleSheet("")
        self.search.setToolTip(self._search_tip)
        text = self.filter_text(search_text)
        if not text:
            return text, FilterQuery()
        prepared = self._prepared  # compiled ahead for this page, and nothing it read changed since
        if (
            prepared is not None
            and prepared.asked == (text, order, page)
            and prepared.over == compiled_over(self.catalog.conn)
        ):
            return text, prepared.query
        try:
            return text, compile_filter(self.catalog.conn, text, page=page, order=order)
        except FilterSyntaxError as error:  # the bar's own text: a remembered token
            self.status_message.emit(str(error))
            return None

    def prepare(self, search_text: str, order: str, page: int) -> None:
        """Compile the filter of the bar and the search box's ``search_text`` for a first page
        (``query``'s ``order`` and ``page``) while the debounce waits: the change's ``query``
        then takes it as it is, unless the catalog changed meanwhile (``compiled_over``: a
        compile samples it and looks places up). A compile costs more than its time in a
        loop there, run cold after an idle pause (the first after a search: 0.3-0.7 ms in the
        window), and the debounce's pause is idle time. A text that does not read is left to
        ``query`` to report."""
        self._prepared = None
        text = "" if self.stopped else self.filter_text(search_text)
        if not text:
            return
        conn = self.catalog.conn
        try:
            over = compiled_over(conn)  # before: a commit during the compile counts as after it
            query = compile_filter(conn, text, page=page, order=order)
        except (FilterSyntaxError, PhotoArchiveError, sqlite3.Error):
            return  # the debounce's query compiles again, and says what was wrong
        self._prepared = Prepared((text, order, page), over, query)

    # -- photos edited under the filter -----------------------------------------------------

    def matching(self, filter_text: str, photo_ids: Sequence[int]) -> set[int]:
        """Which of these photos the grid's filter ``filter_text`` still shows (one query over
        these ids only, however big the source: a key's photos leave a filtered grid without
        reading it again)."""
        ids = list(dict.fromkeys(photo_ids))
        if not filter_text or not ids:
            return set(ids)
        query = compile_filter(self.catalog.conn, filter_text)
        terms, params = query.where
        among = f"p.id IN ({', '.join(str(int(pid)) for pid in ids)})"
        found = photo_page(self.catalog.conn, search=query.search, where=([*terms, among], params), limit=None)
        return set(found.ids)

    def rejected(self, changes: Sequence[tuple[int, str, Any]]) -> bool:
        """A reject among these new values was the catalog's first: Hide rejects goes on, on a
        source whose bar the curator has not set (True: the bar's filter changed, unannounced;
        the window takes the rejects out of the grid itself rather than reading it again)."""
        if self._had_rejects or not any(f == "flag" and v == "reject" for _pid, f, v in changes):
            return False
        self._had_rejects = True
        state = self.bar.state()
        if state.hide_rejects or self.settings.value(self.key(self.source)) is not None:
            return False
        self.bar.set_state(replace(state, hide_rejects=True))
        return True

    # -- rejects hidden ---------------------------------------------------------------------

    def count_hidden(self, search_text: str) -> None:
        """Count, in the background, the rejects Hide rejects keeps out of the grid."""
        if self._hidden_worker is not None:
            self._hidden_worker.cancel()
            self._hidden_worker = None
        self.hidden = None
        self.show_count(self.count.text())
        state = self.bar.state()
        if not state.rejects_hidden:
            return
        text = combined(replace(state, hide_rejects=False).text(), "flag:reject", search_text)
        worker = self._hidden_worker = hidden_rejects_job(self.catalog, self.source, text)
        worker.signals.finished.connect(lambda hidden: self._hidden_counted(worker, hidden))
        worker.start_after_paint()  # after the grid's first paint

    def _hidden_counted(self, worker: Worker, hidden: int) -> None:
        if worker is not self._hidden_worker:
            return
        self._hidden_worker = None
        self.hidden = hidden
        self.show_count()

    def show_count(self, text: str | None = None) -> None:
        """Add the rejects hidden to the count ``text`` the window has just written (None: the
        last one, when the rejects are counted)."""
        if text is not None:
            self._count_text = text
        self.count.setText(self._count_text + self._suffix())

    def _suffix(self) -> str:
        if not self.hidden:
            return ""
        return self.tr(" · %n reject(s) hidden", "", self.hidden)

    def stop(self) -> None:
        """The window is closing: nothing more is read (a search box's or the bar's pause that
        ends after this asks for nothing: the catalog may be closed by then)."""
        self.stopped = True
        self.bar.stop()
        for worker in (self._hidden_worker, self._completing):
            if worker is not None:
                worker.cancel()
        self._hidden_worker = self._completing = None

    # -- completions ------------------------------------------------------------------------

    def read_completions(self) -> None:
        """Cameras, keywords and places for the bar's text boxes, read in the background."""
        if self._completing is not None:
            self._completing.cancel()
        worker = self._completing = completions_job(self.catalog)
        worker.signals.finished.connect(lambda words: self._completed(worker, words))
        worker.start()

    def _completed(self, worker: Worker, words: tuple[list[str], list[str], list[str]]) -> None:
        if worker is self._completing:
            self._completing = None
            self.bar.set_completions(*words)

    # -- smart collections ------------------------------------------------------------------

    def save_as_smart(self) -> None:
        """Save as Smart Collection: a name and a sort order for the bar's filter (with the
        search box's words), created as one undoable step and shown."""
        text = self.filter_text(self.search.text())
        dialog = SmartCollectionDialog(text, parent=self.parent_widget)
        if not dialog.exec():
            return
        name, filter_text, sort = dialog.result_values()
        try:
            collection = self.edits.create_collection(
                name,
                {"filter": filter_text, "sort": sort},
                self.tr("Create smart collection “{name}”").format(name=name.strip()),
            )
        except PhotoArchiveError as error:
            show_error(self.parent_widget, self.tr("The smart collection was not created"), error)
            return
        self.collection_created.emit(Source(COLLECTION, collection.id, collection.name))

    def edit_smart(self) -> None:
        """Edit the shown smart collection's filter and sort order (checked as typed), as one
        undoable step."""
        cid = self.source.key
        if self.source.kind != COLLECTION or not isinstance(cid, int) or not self._is_smart(cid):
            return
        collection = collection_store.get_collection(self.catalog, cid)
        dialog = SmartCollectionDialog(
            collection.filter, name=collection.name, sort=collection.sort, editing=True, parent=self.parent_widget
        )
        if not dialog.exec():
            return
        _name, filter_text, sort = dialog.result_values()
        try:
            self.edits.edit_smart_collection(
                cid, filter_text, sort, self.tr("Edit the filter of “{name}”").format(name=collection.name)
            )
        except PhotoArchiveError as error:
            show_error(self.parent_widget, self.tr("The smart collection was not changed"), error)
            return

    def add_matching(self) -> None:
        """Add the photos the grid shows now (the source under the filter and the search) to an
        ordinary collection, once: later edits do not change its members."""
        ordinary = [c for c in collection_store.list_collections(self.catalog) if not c.is_smart]
        if not ordinary:
            self.status_message.emit(self.tr("There is no ordinary collection to add the photos to."))
            return
        names = [c.name for c in ordinary]
        name, ok = QInputDialog.getItem(
            self.parent_widget, self.tr("Add matching photos"), self.tr("Collection:"), names, 0, False
        )
        if not ok:
            return
        self.add_matching_to(ordinary[names.index(name)].id)

    def add_matching_to(self, collection_id: int) -> None:
        asked = self.query(self.search.text())
        if asked is None:
            return
        _text, query = asked
        where = query.where if query.terms else None
        ids = source_ids(self.catalog, self.source, search=query.search, where=where)
        name = collection_store.get_collection(self.catalog, collection_id).name
        self.edits.set_collection(
            collection_id,
            lambda old: old + [pid for pid in ids if pid not in set(old)],
            self.tr("Add %n matching photo(s) to “{name}”", "", len(ids)).format(name=name),
        )
        self.edits.collection_changed.emit(collection_id)

    def _is_smart(self, collection_id: int) -> bool:
        try:
            return collection_store.get_collection(self.catalog, collection_id).is_smart
        except PhotoArchiveError:
            return False


def hidden_rejects_job(archive: Catalog, source: Source, filter_text: str) -> Worker:
    """How many photos of ``source`` match ``filter_text`` (the bar's filter with ``flag:reject``
    for Hide rejects): result is an int."""

    def job(cancelled: Callable[[], bool], report: Callable[[Any], None]) -> Any:
        with archive.reopen() as catalog:
            query = compile_filter(catalog.conn, filter_text)
            if source.kind in (ALL, BATCH):
                batch = source.key if source.kind == BATCH and isinstance(source.key, int) else None
                return count_photos_matching(catalog.conn, search=query.search, batch=batch, where=query.where)
            return len(source_rest(catalog, source, None, search=query.search, order="captured", where=query.where))

    return Worker(job)


def completions_job(archive: Catalog) -> Worker:
    """(cameras, keywords, places) in use, for completion: result is three sorted lists."""

    def job(cancelled: Callable[[], bool], report: Callable[[Any], None]) -> Any:
        with archive.reopen() as catalog:
            cameras = cameras_in_use(catalog)
            places: set[str] = set()
            for place in place_store.all_places(catalog):
                places.add(place.name)
                places.update(n.name for n in place.alt_names)
            return cameras, keywords_in_use(catalog), sorted(places, key=str.casefold)

    return Worker(job)
