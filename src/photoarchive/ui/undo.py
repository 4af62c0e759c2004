"""Undoable changes: every edit the curator makes goes through ``PhotoEdits`` onto a QUndoStack.

An edit is applied to the catalog at once (``photoarchive.edits.apply_edit``: validated, one
transaction, recorded in the edit history), then pushed as a command that remembers the
recorded edit. Undo reverts it (``revert_edit``) and redo applies it again
(``reapply_edit``), so the catalog is always up to date (nothing to save, nothing lost on a
crash) and the audit history holds every step, undos included.

Typing in one field: the editor commits a field when the curator leaves it or pauses, and
consecutive commits to the same field of the same photos merge into one undo step (the
command keeps the list of edits it stands for and undoes them all, newest first).

Collections' membership and order are undoable too (``CollectionCommand``), with the
collections API of the catalog.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from photoarchive.catalog import Catalog
from photoarchive.catalog import collections as collection_store
from photoarchive.edits import Edit, apply_edit, reapply_edit, revert_edit
from photoarchive.errors import NotFoundError
from photoarchive.metadata.fields import FIELDS_BY_NAME
from photoarchive.metadata.validate import validate_value

_MERGE_ID = 4711


class PhotoEdits(QObject):
    """The one way the GUI changes photos and collections; owns the undo stack.

    ``photos_changed(ids)`` after any change of curated fields (apply, undo, redo);
    ``collection_changed(id)`` after a collection's membership or order changed.
    """

    photos_changed = Signal(list)
    collection_changed = Signal(int)

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.stack = QUndoStack(self)
        self.who: str | None = None
        self.before_undo: Callable[[], None] | None = None  # the editor flushes pending typing

    def apply(
        self,
        photo_ids: Sequence[int],
        values: Mapping[str, Any] | Callable[[int], Mapping[str, Any]],
        description: str,
        *,
        merge_key: str | None = None,
    ) -> Edit:
        """Apply and record an edit; raises ValidationError (nothing changed) for a bad value.

        With ``merge_key`` (the field being typed in), it merges with the previous step when
        that one had the same key and the same photos.
        """
        edit = apply_edit(self.catalog, photo_ids, _validated(values), description=description, who=self.who)
        if edit.id:
            self.stack.push(EditCommand(self, edit, description, merge_key, tuple(sorted(set(photo_ids)))))
        return edit

    def set_collection(self, collection_id: int, new_order: Sequence[int], description: str) -> None:
        """Set a collection's members and their order, as one undoable step."""
        old = collection_store.collection_photo_ids(self.catalog, collection_id)
        if list(new_order) == old:
            return
        self.stack.push(CollectionCommand(self, collection_id, old, list(new_order), description))

    def undo(self) -> None:
        if self.before_undo is not None:
            self.before_undo()
        self.stack.undo()

    def redo(self) -> None:
        if self.before_undo is not None:
            self.before_undo()
        self.stack.redo()

    def clear(self) -> None:
        self.stack.clear()


def _validated(values: Mapping[str, Any] | Callable[[int], Mapping[str, Any]]) -> Any:
    """Values checked and normalised by the metadata rules (a bad one raises ValidationError
    naming its field) before anything is written."""

    def clean(given: Mapping[str, Any]) -> dict[str, Any]:
        return {k: validate_value(k, v) if k in FIELDS_BY_NAME else v for k, v in given.items()}

    if callable(values):
        return lambda photo_id: clean(values(photo_id))
    return clean(values)


class EditCommand(QUndoCommand):
    """One or more recorded edits of curated fields (more than one after merged typing)."""

    def __init__(
        self, edits: PhotoEdits, edit: Edit, text: str, merge_key: str | None, photo_ids: tuple[int, ...]
    ) -> None:
        super().__init__(text)
        self.edits = edits
        self.edit_ids = [edit.id]
        self.merge_key = merge_key
        self.photo_ids = photo_ids
        self._changed = edit.photo_ids
        self._first = True

    def id(self) -> int:
        return _MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        if other.photo_ids != self.photo_ids:
            return False
        self.edit_ids.extend(other.edit_ids)
        self._changed = sorted(set(self._changed) | set(other._changed))
        return True

    def redo(self) -> None:
        if self._first:  # the edit was applied before the command was pushed
            self._first = False
        else:
            for edit_id in self.edit_ids:
                reapply_edit(self.edits.catalog, edit_id, who=self.edits.who)
        self.edits.photos_changed.emit(list(self._changed))

    def undo(self) -> None:
        for edit_id in reversed(self.edit_ids):
            revert_edit(self.edits.catalog, edit_id, who=self.edits.who)
        self.edits.photos_changed.emit(list(self._changed))


class CollectionCommand(QUndoCommand):
    """A collection's members and order before and after (add, remove, reorder)."""

    def __init__(self, edits: PhotoEdits, collection_id: int, old: list[int], new: list[int], text: str) -> None:
        super().__init__(text)
        self.edits, self.collection_id, self.old, self.new = edits, collection_id, old, new

    def redo(self) -> None:
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)

    def _set(self, order: list[int]) -> None:
        try:
            self._write(order)
        except NotFoundError:  # the collection was deleted since: nothing left to undo
            return
        self.edits.collection_changed.emit(self.collection_id)

    def _write(self, order: list[int]) -> None:
        catalog, cid = self.edits.catalog, self.collection_id
        current = collection_store.collection_photo_ids(catalog, cid)
        wanted = set(order)
        gone = [pid for pid in current if pid not in wanted]
        if gone:
            collection_store.remove_photos(catalog, cid, gone)
        collection_store.add_photos(catalog, cid, [pid for pid in order if pid not in set(current)])
        collection_store.reorder_photos(catalog, cid, order)
