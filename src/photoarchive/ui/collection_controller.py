"""The Collection menu and everything done to collections from the window: create, rename,
edit the texts, delete; add the selected photos (menu, Ctrl+B to the target collection, or a
drop onto the collection in the sources panel); remove; reorder (drag inside the collection,
or Ctrl+[ and Ctrl+]). Every one of these is an undoable step of the window's stack (creating
and deleting a collection too: undoing a deletion brings it back with its texts and its photos
in their order).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from photoarchive import collections as collection_store
from photoarchive.errors import PhotoArchiveError
from photoarchive.model import Collection
from photoarchive.ui.dialogs.collection_dialog import CollectionDialog
from photoarchive.ui.errors import show_error
from photoarchive.ui.sources import COLLECTION, Source

if TYPE_CHECKING:
    from photoarchive.ui.main_window import MainWindow


class CollectionController(QObject):
    """Collection actions of one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.catalog = window.catalog
        self.target: int | None = None  # where Ctrl+B adds: the last collection shown or added to
        self.add_menu: QMenu | None = None
        window.sources_model.photos_dropped.connect(self.add_photos)
        window.grid_model.order_changed.connect(self._reordered)
        window.edits.collection_changed.connect(self._changed)
        window.edits.collections_changed.connect(self._list_changed)
        window.source_changed.connect(self._source_changed)
        window.banner.edit_requested.connect(self.edit_properties)

    def build_menu(self, menu: QMenu) -> None:
        w = self.window
        self.new_action = w._action(menu, self.tr("&New Collection…"), self.create, QKeySequence.StandardKey.New)
        self.add_menu = menu.addMenu(self.tr("&Add Selected Photos To"))
        self.add_target_action = w._action(menu, self.tr("Add to &Target Collection"), self.add_to_target, "Ctrl+B")
        self.remove_action = w._action(menu, self.tr("&Remove from Collection"), self.remove_selected, "Delete")
        self.earlier_action = w._action(menu, self.tr("Move &Earlier"), lambda: self.move_selected(-1), "Ctrl+[")
        self.later_action = w._action(menu, self.tr("Move &Later"), lambda: self.move_selected(1), "Ctrl+]")
        menu.addSeparator()
        self.rename_action = w._action(menu, self.tr("Re&name Collection…"), self.rename)
        self.properties_action = w._action(
            menu, self.tr("Collection &Properties…"), self.edit_properties, "Ctrl+Shift+P"
        )
        self.delete_action = w._action(menu, self.tr("&Delete Collection…"), self.delete)
        w.sources.collection_actions = [
            self.new_action,
            None,
            self.rename_action,
            self.properties_action,
            self.delete_action,
        ]
        self.refresh_menu()
        self._source_changed(w.current_source)

    def refresh_menu(self) -> None:
        if self.add_menu is None:
            return
        self.add_menu.clear()
        collections = collection_store.list_collections(self.catalog)
        for collection in collections:
            action = QAction(collection.name, self.add_menu)
            action.triggered.connect(
                lambda _c=False, cid=collection.id: self.add_photos(cid, self.window.selected_ids())
            )
            self.add_menu.addAction(action)
        self.add_menu.setEnabled(bool(collections))
        name = self._name(self.target)
        self.add_target_action.setText(
            self.tr("Add to “{name}”").format(name=name) if name else self.tr("Add to &Target Collection")
        )

    def current(self) -> int | None:
        source = self.window.current_source
        return source.key if source.kind == COLLECTION and isinstance(source.key, int) else None

    def _source_changed(self, source: Source) -> None:
        in_collection = source.kind == COLLECTION
        for action in (
            self.remove_action,
            self.earlier_action,
            self.later_action,
            self.rename_action,
            self.properties_action,
            self.delete_action,
        ):
            action.setEnabled(in_collection)
        if in_collection and isinstance(source.key, int):
            self.target = source.key
            self.refresh_menu()

    # -- collections ------------------------------------------------------------------------

    def create(self, name: str | None = None) -> Collection | None:
        if name is None:
            dialog = CollectionDialog(parent=self.window)
            if not dialog.exec():
                return None
            name, values = dialog.name.text(), dialog.values()
        else:
            values = {}
        try:
            collection = self.window.edits.create_collection(
                name, values, self.tr("Create collection “{name}”").format(name=name.strip())
            )
        except PhotoArchiveError as error:
            show_error(self.window, self.tr("The collection was not created"), error)
            return None
        self.target = collection.id
        self.window.refresh_sources()
        self.window.sources.select_source(Source(COLLECTION, collection.id, collection.name))
        return collection

    def rename(self, new_name: str | None = None) -> None:
        cid = self.current()
        if cid is None:
            return
        if new_name is None:
            new_name, ok = QInputDialog.getText(
                self.window, self.tr("Rename collection"), self.tr("New name:"), text=self._name(cid)
            )
            if not ok:
                return
        try:
            self.window.edits.edit_collection(
                cid,
                new_name,
                {},
                self.tr("Rename “{old}” to “{new}”").format(old=self._name(cid), new=new_name.strip()),
            )
        except PhotoArchiveError as error:
            show_error(self.window, self.tr("The collection was not renamed"), error)

    def edit_properties(self) -> None:
        cid = self.current()
        if cid is None:
            return
        collection = collection_store.get_collection(self.catalog, cid)
        dialog = CollectionDialog(collection, self.window)
        if not dialog.exec():
            return
        try:
            self.window.edits.edit_collection(
                cid,
                dialog.name.text(),
                dialog.values(),
                self.tr("Edit the properties of “{name}”").format(name=collection.name),
            )
        except PhotoArchiveError as error:
            show_error(self.window, self.tr("The collection was not changed"), error)

    def delete(self, confirm: bool = True) -> None:
        cid = self.current()
        if cid is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self.window,
                self.tr("Delete collection"),
                self.tr(
                    "Delete the collection “{name}”? Its photos stay in the archive, and Edit > Undo brings it back."
                ).format(name=self._name(cid)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.window.edits.delete_collection(cid, self.tr("Delete collection “{name}”").format(name=self._name(cid)))
        except PhotoArchiveError as error:
            show_error(self.window, self.tr("The collection was not deleted"), error)

    # -- membership and order ---------------------------------------------------------------

    def add_photos(self, collection_id: int, photo_ids: Sequence[int]) -> None:
        if not photo_ids:
            return
        order = collection_store.collection_photo_ids(self.catalog, collection_id)
        new = [pid for pid in dict.fromkeys(photo_ids) if pid not in set(order)]
        name = self._name(collection_id)
        self.target = collection_id
        if not new:
            self.window.status(self.tr("Already in “{name}”.").format(name=name))
            return
        self.window.edits.set_collection(  # added to the members as they are when it is written
            collection_id,
            lambda current: current + [pid for pid in new if pid not in set(current)],
            self.tr("Add %n photo(s) to “{name}”", "", len(new)).format(name=name),
        )
        self.window.status(self.tr("Added %n photo(s) to “{name}”.", "", len(new)).format(name=name))

    def add_to_target(self) -> None:
        if self.target is None or not self._name(self.target):
            self.window.status(self.tr("No target collection yet: create one, or show one, first."))
            return
        self.add_photos(self.target, self.window.selected_ids())

    def remove_selected(self) -> None:
        cid, selected = self.current(), set(self.window.selected_ids())
        if cid is None or not selected:
            return
        self.window.edits.set_collection(
            cid,
            lambda current: [p for p in current if p not in selected],
            self.tr("Remove %n photo(s) from “{name}”", "", len(selected)).format(name=self._name(cid)),
        )

    def move_selected(self, step: int) -> None:
        """Move the selected photos one place earlier (-1) or later (+1) in the collection."""
        cid, selected = self.current(), set(self.window.selected_ids())
        if cid is None or not selected or not self.window.grid_model.reorderable:
            return

        def moved(order: list[int]) -> list[int]:  # the members as they are when it is written
            indexes = [i for i, pid in enumerate(order) if pid in selected]
            if not indexes or (step < 0 and indexes[0] == 0) or (step > 0 and indexes[-1] == len(order) - 1):
                return order
            for i in indexes if step < 0 else reversed(indexes):
                order[i], order[i + step] = order[i + step], order[i]
            return order

        self.window.edits.set_collection(cid, moved, self.tr("Reorder “{name}”").format(name=self._name(cid)))

    def _reordered(self, new_order: list[int]) -> None:
        cid = self.current()
        if cid is not None:
            self.window.edits.set_collection(
                cid, lambda current: _kept(new_order, current), self.tr("Reorder “{name}”").format(name=self._name(cid))
            )

    def _changed(self, collection_id: int) -> None:
        if self.current() == collection_id:
            self.window.reload_grid()
        self.window.refresh_sources()

    def _list_changed(self) -> None:
        """A collection was created, deleted or renamed (or brought back by undo): the
        sources list follows, and the grid leaves a collection that is gone."""
        if self.target is not None and not self._name(self.target):
            self.target = None
        self.window.refresh_sources()
        shown = self.window.sources.current_source()
        if (shown.kind, shown.key) != (self.window.current_source.kind, self.window.current_source.key):
            self.window.show_source(shown)
        elif self.current() is not None:
            self.window.reload_grid()

    def _name(self, collection_id: int | None) -> str:
        if collection_id is None:
            return ""
        try:
            return collection_store.get_collection(self.catalog, collection_id).name
        except PhotoArchiveError:
            return ""


def _kept(new_order: list[int], current: list[int]) -> list[int]:
    """A dragged order applied to the members as they are now: one removed elsewhere meanwhile
    stays out, one added elsewhere stays in (at the end)."""
    members = set(current)
    return [pid for pid in new_order if pid in members] + [pid for pid in current if pid not in set(new_order)]
