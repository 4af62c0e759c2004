"""The Collection menu and everything done to collections from the window: create, rename,
edit the texts, delete; add the selected photos (menu, Ctrl+B to the target collection, or a
drop onto the collection in the sources panel); remove; reorder (drag inside the collection,
or Ctrl+[ and Ctrl+]). Every one of these is an undoable step of the window's stack (creating
and deleting a collection too: undoing a deletion brings it back with its texts and its photos
in their order).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.errors import PhotoArchiveError
from photoarchive.model import Collection
from photoarchive.ui.actions import make_action
from photoarchive.ui.dialogs.collection_dialog import CollectionDialog
from photoarchive.ui.errors import show_error
from photoarchive.ui.sources import ALL_PHOTOS, COLLECTION, Source
from photoarchive.ui.undo import PhotoEdits


class CollectionController(QObject):
    """Collection actions of one window (``actions()``).

    ``status_message(text)``: a word for the status bar. ``collection_created(source)``: a
    new collection, to be shown. The window tells it the source it shows (``set_source``)
    and calls ``refresh_menu`` when the collections may have changed.
    """

    status_message = Signal(str)
    collection_created = Signal(object)

    def __init__(
        self,
        catalog: Catalog,
        edits: PhotoEdits,
        selected_ids: Callable[[], list[int]],
        *,
        can_reorder: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        """``selected_ids()``: the photos selected, in grid order; ``can_reorder()``: whether
        the grid shows the collection in its own order (not sorted otherwise, not searched);
        ``parent``: the parent of dialogs."""
        super().__init__(parent)
        self.catalog = catalog
        self.edits = edits
        self.selected_ids = selected_ids
        self.can_reorder = can_reorder
        self.parent_widget = parent
        self.source: Source = ALL_PHOTOS
        self.target: int | None = None  # where Ctrl+B adds: the last collection shown or added to
        edits.collections_changed.connect(self._list_changed)
        self.add_menu = QMenu(self.tr("&Add Selected Photos To"), parent)
        self._actions = {
            "new": make_action(self, self.tr("&New Collection…"), self.create, QKeySequence.StandardKey.New),
            "add_to": self.add_menu.menuAction(),
            "add_to_target": make_action(self, self.tr("Add to &Target Collection"), self.add_to_target, "Ctrl+B"),
            "remove": make_action(self, self.tr("&Remove from Collection"), self.remove_selected, "Delete"),
            "earlier": make_action(self, self.tr("Move &Earlier"), lambda: self.move_selected(-1), "Ctrl+["),
            "later": make_action(self, self.tr("Move &Later"), lambda: self.move_selected(1), "Ctrl+]"),
            "rename": make_action(self, self.tr("Re&name Collection…"), self.rename),
            "properties": make_action(self, self.tr("Collection &Properties…"), self.edit_properties, "Ctrl+Shift+P"),
            "delete": make_action(self, self.tr("&Delete Collection…"), self.delete),
        }
        self.refresh_menu()
        self.set_source(self.source)

    def actions(self) -> dict[str, QAction]:
        """The actions by name, for the window's menus (``add_to`` opens a submenu)."""
        return dict(self._actions)

    def refresh_menu(self) -> None:
        """Re-read the collections into Add Selected Photos To, and the target's name."""
        self.add_menu.clear()
        collections = collection_store.list_collections(self.catalog)
        for collection in collections:
            action = QAction(collection.name, self.add_menu)
            action.triggered.connect(lambda _c=False, cid=collection.id: self.add_photos(cid, self.selected_ids()))
            self.add_menu.addAction(action)
        self.add_menu.setEnabled(bool(collections))
        name = self._name(self.target)
        self._actions["add_to_target"].setText(
            self.tr("Add to “{name}”").format(name=name) if name else self.tr("Add to &Target Collection")
        )

    def current(self) -> int | None:
        """The collection shown, if a collection is shown."""
        source = self.source
        return source.key if source.kind == COLLECTION and isinstance(source.key, int) else None

    def set_source(self, source: Source) -> None:
        """The source the window shows now: the actions on the shown collection follow, and a
        collection shown becomes the target."""
        self.source = source
        in_collection = source.kind == COLLECTION
        for name in ("remove", "earlier", "later", "rename", "properties", "delete"):
            self._actions[name].setEnabled(in_collection)
        if in_collection and isinstance(source.key, int):
            self.target = source.key
            self.refresh_menu()

    # -- collections ------------------------------------------------------------------------

    def create(self, name: str | None = None) -> Collection | None:
        """New Collection: asks for its name and texts, and offers to put the selected photos
        in it (created with them in one undoable step)."""
        photo_ids: list[int] = []
        if name is None:
            selected = self.selected_ids()
            dialog = CollectionDialog(parent=self.parent_widget, selected=len(selected))
            if not dialog.exec():
                return None
            name, values = dialog.name.text(), dialog.values()
            photo_ids = selected if dialog.add_selected() else []
        else:
            values = {}
        count = len(photo_ids)  # a plain name: lupdate does not see a string whose count is a call
        if count:
            description = self.tr("Create collection “{name}” with %n photo(s)", "", count)
        else:
            description = self.tr("Create collection “{name}”")
        try:
            collection = self.edits.create_collection(name, values, description.format(name=name.strip()), photo_ids)
        except PhotoArchiveError as error:
            show_error(self.parent_widget, self.tr("The collection was not created"), error)
            return None
        self.target = collection.id
        self.collection_created.emit(Source(COLLECTION, collection.id, collection.name))
        return collection

    def rename(self, new_name: str | None = None) -> None:
        cid = self.current()
        if cid is None:
            return
        if new_name is None:
            new_name, ok = QInputDialog.getText(
                self.parent_widget, self.tr("Rename collection"), self.tr("New name:"), text=self._name(cid)
            )
            if not ok:
                return
        try:
            self.edits.edit_collection(
                cid,
                new_name,
                {},
                self.tr("Rename “{old}” to “{new}”").format(old=self._name(cid), new=new_name.strip()),
            )
        except PhotoArchiveError as error:
            show_error(self.parent_widget, self.tr("The collection was not renamed"), error)

    def edit_properties(self) -> None:
        cid = self.current()
        if cid is None:
            return
        collection = collection_store.get_collection(self.catalog, cid)
        dialog = CollectionDialog(collection, self.parent_widget)
        if not dialog.exec():
            return
        try:
            self.edits.edit_collection(
                cid,
                dialog.name.text(),
                dialog.values(),
                self.tr("Edit the properties of “{name}”").format(name=collection.name),
            )
        except PhotoArchiveError as error:
            show_error(self.parent_widget, self.tr("The collection was not changed"), error)

    def delete(self, confirm: bool = True) -> None:
        cid = self.current()
        if cid is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self.parent_widget,
                self.tr("Delete collection"),
                self.tr(
                    "Delete the collection “{name}”? Its photos stay in the archive, and Edit > Undo brings it back."
                ).format(name=self._name(cid)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.edits.delete_collection(cid, self.tr("Delete collection “{name}”").format(name=self._name(cid)))
        except PhotoArchiveError as error:
            show_error(self.parent_widget, self.tr("The collection was not deleted"), error)

    # -- membership and order ---------------------------------------------------------------

    def add_photos(self, collection_id: int, photo_ids: Sequence[int]) -> None:
        if not photo_ids or self._smart(collection_id):
            return
        order = collection_store.collection_photo_ids(self.catalog, collection_id)
        new = [pid for pid in dict.fromkeys(photo_ids) if pid not in set(order)]
        name = self._name(collection_id)
        self.target = collection_id
        if not new:
            self.status_message.emit(self.tr("Already in “{name}”.").format(name=name))
            return
        self.edits.set_collection(  # added to the members as they are when it is written
            collection_id,
            lambda current: current + [pid for pid in new if pid not in set(current)],
            self.tr("Add %n photo(s) to “{name}”", "", len(new)).format(name=name),
        )
        self.status_message.emit(self.tr("Added %n photo(s) to “{name}”.", "", len(new)).format(name=name))

    def add_to_target(self) -> None:
        if self.target is None or not self._name(self.target):
            self.status_message.emit(self.tr("No target collection yet: create one, or show one, first."))
            return
        self.add_photos(self.target, self.selected_ids())

    def remove_selected(self) -> None:
        cid, selected = self.current(), set(self.selected_ids())
        if cid is None or not selected or self._smart(cid):
            return
        self.edits.set_collection(
            cid,
            lambda current: [p for p in current if p not in selected],
            self.tr("Remove %n photo(s) from “{name}”", "", len(selected)).format(name=self._name(cid)),
        )

    def move_selected(self, step: int) -> None:
        """Move the selected photos one place earlier (-1) or later (+1) in the collection."""
        cid, selected = self.current(), set(self.selected_ids())
        if cid is None or not selected or not self.can_reorder() or self._smart(cid):
            return

        def moved(order: list[int]) -> list[int]:  # the members as they are when it is written
            indexes = [i for i, pid in enumerate(order) if pid in selected]
            if not indexes or (step < 0 and indexes[0] == 0) or (step > 0 and indexes[-1] == len(order) - 1):
                return order
            for i in indexes if step < 0 else reversed(indexes):
                order[i], order[i + step] = order[i + step], order[i]
            return order

        self.edits.set_collection(cid, moved, self.tr("Reorder “{name}”").format(name=self._name(cid)))

    def reorder(self, new_order: list[int]) -> None:
        """The photos of the shown collection were dragged into ``new_order``."""
        cid = self.current()
        if cid is not None and not self._smart(cid):
            self.edits.set_collection(
                cid, lambda current: _kept(new_order, current), self.tr("Reorder “{name}”").format(name=self._name(cid))
            )

    def _list_changed(self) -> None:
        """A collection was created, deleted or renamed (or brought back by undo): a target
        that is gone is forgotten."""
        if self.target is not None and not self._name(self.target):
            self.target = None

    def _smart(self, collection_id: int) -> bool:
        """Whether the collection is smart (its filter chooses its photos, its sort order orders
        them): then the status bar says so, and its members are left alone."""
        try:
            collection = collection_store.get_collection(self.catalog, collection_id)
        except PhotoArchiveError:
            return False
        if collection.is_smart:
            self.status_message.emit(
                self.tr("“{name}” is a smart collection: its photos are those matching “{filter}”.").format(
                    name=collection.name, filter=collection.filter
                )
            )
        return collection.is_smart

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
