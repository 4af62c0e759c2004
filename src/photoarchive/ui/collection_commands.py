"""Undoable changes to collections: create, delete, rename and texts, members and their order,
a smart collection's filter.

Each is a ``CheckedCommand`` of the window's undo stack (see ``ui/undo.py``): applied to the
catalog before it is pushed, and checked before an undo or a redo writes, so that a change
made meanwhile from the command line is never overwritten without the curator's say.

A collection brought back by undoing its deletion gets a new id (the catalog gives ids), so
the commands hold a ``CollectionHandle`` instead of an id: the one handle of a collection
follows it to its new id, and the steps before the deletion still find it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from photoarchive import collections as collection_store
from photoarchive.catalog import transaction
from photoarchive.errors import NotFoundError, ValidationError
from photoarchive.model import Collection
from photoarchive.ui.commands import CheckedCommand, Conflict, UndoHost

translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it

TEXT_FIELDS = collection_store.EDITABLE  # title, introduction, source, categories, caption_template


@dataclass(eq=False)
class CollectionHandle:
    """A collection as the undo stack knows it: its id now (it changes when the collection
    is brought back after a deletion)."""

    id: int
    _known: dict[int, CollectionHandle] = field(repr=False)

    def move_to(self, new_id: int) -> None:
        """The collection came back under a new id: the handle follows it."""
        self._known.pop(self.id, None)
        self.id = new_id
        self._known[new_id] = self


class CollectionHandles:
    """The one ``CollectionHandle`` of each collection, shared by every step about it."""

    def __init__(self) -> None:
        self._known: dict[int, CollectionHandle] = {}

    def of(self, collection_id: int) -> CollectionHandle:
        if collection_id not in self._known:
            self._known[collection_id] = CollectionHandle(collection_id, self._known)
        return self._known[collection_id]


@dataclass
class CollectionState:
    """What a deleted collection needs to come back: its name, texts and members in order;
    a smart one its filter and sort order instead of members (``smart``: what the filter
    matches is not stored, and changes with every edit)."""

    name: str
    fields: dict[str, Any] = field(default_factory=dict)
    members: list[int] = field(default_factory=list)
    smart: tuple[str, str] | None = None  # (filter, sort order)

    @classmethod
    def read(cls, edits: UndoHost, collection_id: int) -> CollectionState:
        collection = collection_store.get_collection(edits.catalog, collection_id)
        if collection.is_smart:
            return cls(collection.name, _fields(collection), [], (collection.filter, collection.sort))
        return cls(
            collection.name,
            _fields(collection),
            collection_store.collection_photo_ids(edits.catalog, collection_id),
        )


def _fields(collection: Collection) -> dict[str, Any]:
    return {name: getattr(collection, name) for name in TEXT_FIELDS}


def _current(edits: UndoHost, handle: CollectionHandle) -> CollectionState | None:
    try:
        return CollectionState.read(edits, handle.id)
    except NotFoundError:
        return None


def _gone(name: str) -> Conflict:
    return Conflict(
        translate(
            "CollectionCommands",
            "The collection “{name}” has been deleted elsewhere since (from the command line or another window).",
        ).format(name=name),
        can_force=False,
    )


class MembersCommand(CheckedCommand):
    """A collection's members and their order before and after (add, remove, reorder)."""

    def __init__(self, edits: UndoHost, handle: CollectionHandle, old: list[int], new: list[int], text: str) -> None:
        super().__init__(edits, text)
        self.handle, self.old, self.new = handle, old, new
        self.name = collection_store.get_collection(edits.catalog, handle.id).name

    def conflict(self, undoing: bool) -> Conflict | None:
        state = _current(self.edits, self.handle)
        if state is None:
            return _gone(self.name)
        expected = self.new if undoing else self.old
        if state.members != expected:
            return Conflict(
                translate(
                    "CollectionCommands",
                    "The photos of “{name}” or their order have been changed elsewhere since (from the command "
                    "line or another window); going back would undo those changes too.",
                ).format(name=state.name)
            )
        return None

    def do_undo(self) -> None:
        self._write(self.old)

    def do_redo(self) -> None:
        self._write(self.new)

    def _write(self, order: list[int]) -> None:
        catalog, cid = self.edits.catalog, self.handle.id
        with transaction(catalog.conn):
            current = collection_store.collection_photo_ids(catalog, cid)
            wanted = set(order)
            gone = [pid for pid in current if pid not in wanted]
            if gone:
                collection_store.remove_photos(catalog, cid, gone)
            collection_store.add_photos(catalog, cid, [pid for pid in order if pid not in set(current)])
            collection_store.reorder_photos(catalog, cid, order)
        self.edits.notify(self.edits.collection_changed, cid)


class CreateCommand(CheckedCommand):
    """A new collection, empty or with the photos it was created with; undoing deletes it
    again."""

    def __init__(self, edits: UndoHost, handle: CollectionHandle, text: str) -> None:
        super().__init__(edits, text)
        self.handle = handle
        self.state = CollectionState.read(edits, handle.id)

    def conflict(self, undoing: bool) -> Conflict | None:
        if not undoing:
            return None
        state = _current(self.edits, self.handle)
        if state is None:
            return _gone(self.state.name)
        if state.members != self.state.members:
            return Conflict(
                translate(
                    "CollectionCommands",
                    "Photos have been added to “{name}” since; undoing its creation deletes the collection with "
                    "them (the photos stay in the archive).",
                ).format(name=state.name)
            )
        return None

    def do_undo(self) -> None:
        self.state = CollectionState.read(self.edits, self.handle.id)
        collection_store.delete_collection(self.edits.catalog, self.handle.id)
        self.edits.notify(self.edits.collections_changed)

    def do_redo(self) -> None:
        restore(self.edits, self.handle, self.state)


class DeleteCommand(CheckedCommand):
    """A collection deleted (its photos stay in the archive); undoing brings it back, with its
    texts and its photos in their order."""

    def __init__(self, edits: UndoHost, handle: CollectionHandle, state: CollectionState, text: str) -> None:
        super().__init__(edits, text)
        self.handle, self.state = handle, state

    def conflict(self, undoing: bool) -> Conflict | None:
        if undoing:
            return None  # a name taken meanwhile is handled by restore()
        state = _current(self.edits, self.handle)
        if state is None:
            return _gone(self.state.name)
        if state.members != self.state.members or state.fields != self.state.fields:
            return Conflict(
                translate(
                    "CollectionCommands",
                    "“{name}” has been changed elsewhere since; deleting it again loses those changes.",
                ).format(name=state.name)
            )
        return None

    def do_undo(self) -> None:
        restore(self.edits, self.handle, self.state)

    def do_redo(self) -> None:
        collection_store.delete_collection(self.edits.catalog, self.handle.id)
        self.edits.notify(self.edits.collections_changed)


class PropertiesCommand(CheckedCommand):
    """A collection's name and texts before and after (rename, Collection Properties)."""

    def __init__(
        self,
        edits: UndoHost,
        handle: CollectionHandle,
        old: tuple[str, Mapping[str, Any]],
        new: tuple[str, Mapping[str, Any]],
        text: str,
    ) -> None:
        super().__init__(edits, text)
        self.handle, self.old, self.new = handle, (old[0], dict(old[1])), (new[0], dict(new[1]))

    def conflict(self, undoing: bool) -> Conflict | None:
        state = _current(self.edits, self.handle)
        if state is None:
            return _gone(self.new[0] if undoing else self.old[0])
        name, fields = self.new if undoing else self.old
        if state.name != name or any(state.fields.get(k) != v for k, v in fields.items()):
            return Conflict(
                translate(
                    "CollectionCommands", "The name or texts of “{name}” have been changed elsewhere since."
                ).format(name=state.name)
            )
        return None

    def do_undo(self) -> None:
        self._write(*self.old)

    def do_redo(self) -> None:
        self._write(*self.new)

    def _write(self, name: str, fields: Mapping[str, Any]) -> None:
        catalog = self.edits.catalog
        with transaction(catalog.conn):
            if collection_store.get_collection(catalog, self.handle.id).name != name:
                collection_store.rename_collection(catalog, self.handle.id, name)
            collection_store.edit_collection(catalog, self.handle.id, **fields)
        self.edits.notify(self.edits.collections_changed)
        self.edits.notify(self.edits.collection_changed, self.handle.id)


class SmartFilterCommand(CheckedCommand):
    """A smart collection's filter and sort order before and after (Edit Smart Collection
    Filter): what it shows follows the filter, so nothing else is written."""

    def __init__(
        self, edits: UndoHost, handle: CollectionHandle, old: tuple[str, str], new: tuple[str, str], text: str
    ) -> None:
        super().__init__(edits, text)
        self.handle, self.old, self.new = handle, old, new
        self.name = collection_store.get_collection(edits.catalog, handle.id).name

    def conflict(self, undoing: bool) -> Conflict | None:
        state = _current(self.edits, self.handle)
        if state is None:
            return _gone(self.name)
        if state.smart != (self.new if undoing else self.old):
            return Conflict(
                translate(
                    "CollectionCommands", "The filter or sort order of “{name}” has been changed elsewhere since."
                ).format(name=state.name)
            )
        return None

    def do_undo(self) -> None:
        self._write(*self.old)

    def do_redo(self) -> None:
        self._write(*self.new)

    def _write(self, filter: str, sort: str) -> None:
        collection_store.edit_smart(self.edits.catalog, self.handle.id, filter=filter, sort=sort)
        self.edits.notify(self.edits.collections_changed)
        self.edits.notify(self.edits.collection_changed, self.handle.id)


def restore(edits: UndoHost, handle: CollectionHandle, state: CollectionState) -> None:
    """Create the collection again, with its texts and the photos still in the archive, and
    point the handle at it. When its name has been taken meanwhile it comes back as
    "name (restored)"."""
    catalog = edits.catalog
    members = [pid for pid in state.members if _exists(edits, pid)]
    name = state.name
    with transaction(catalog.conn):
        for attempt in range(1, 100):
            try:
                smart = {"filter": state.smart[0], "sort": state.smart[1]} if state.smart else {}
                collection = collection_store.create_collection(catalog, name, **state.fields, **smart)
                break
            except ValidationError as error:
                if getattr(error, "field", None) != "name":
                    raise
                name = translate("CollectionCommands", "{name} (restored)").format(name=state.name) + (
                    f" {attempt}" if attempt > 1 else ""
                )
        else:  # pragma: no cover - a hundred collections of that name
            raise ValidationError(f"no free name for the collection {state.name!r}", field="name")
        if state.smart is None:  # a smart collection's filter chooses its photos
            collection_store.add_photos(catalog, collection.id, members)
    handle.move_to(collection.id)
    edits.notify(edits.collections_changed)
    edits.notify(edits.collection_changed, collection.id)


def _exists(edits: UndoHost, photo_id: int) -> bool:
    try:
        edits.catalog.photo(photo_id)
    except NotFoundError:
        return False
    return True
