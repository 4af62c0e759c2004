"""Undoable changes: every edit the curator makes goes through ``PhotoEdits`` onto a QUndoStack.

An edit is applied to the catalog at once (``photoarchive.edits.apply_edit``: validated, one
transaction, recorded in the edit history), then pushed as a command that remembers the
recorded edit. Undo reverts it (``revert_edit``) and redo applies it again
(``reapply_edit``), so the catalog is always up to date (nothing to save, nothing lost on a
crash) and the audit history holds every step, undos included.

Typing in one field: the editor commits a field when the curator leaves it or pauses, and
consecutive commits to the same field of the same photos merge into one undo step (the
command keeps the list of edits it stands for and undoes them all, newest first).

Changes made meanwhile elsewhere: the catalog may also be changed from the command line (or
another window) while the window is open. Before a step is undone or redone, it checks that
what it would overwrite is still what it left there (``photoarchive.edits.stale_changes``, in
the same write transaction as the undo or redo itself: ``ui/commands.py``);
if not, Edit > Undo asks the curator (``PhotoEdits.ask``: do it anyway, keep the newer
values and take the step off the list, or cancel). A step undone from the Undo History view,
where there is no asking, is refused: it is taken off the list, the newer values stay, and
``refused`` says so in words.

Collections (create, delete, texts, members and order) and the places of the gazetteer (a
place's values, and with them its photos') are undoable steps too, on the same stack and
checked the same way; their commands are in ``ui/collection_commands.py`` and
``ui/place_commands.py``, and all of them build on ``ui/commands.py``'s ``CheckedCommand``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, SignalInstance
from PySide6.QtGui import QUndoCommand, QUndoStack

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog, transaction
from photoarchive.catalog import places as place_store
from photoarchive.catalog.connection import after_commit
from photoarchive.edits import Edit, FieldChange, apply_edit, load_edit, reapply_edit, revert_edit, stale_changes
from photoarchive.errors import PhotoArchiveError
from photoarchive.metadata.fields import FIELDS_BY_NAME
from photoarchive.model import Collection
from photoarchive.model.fields import TRANSLATION_CONTEXT
from photoarchive.places import edit_place
from photoarchive.ui.collection_commands import (
    CollectionHandle,
    CollectionHandles,
    CollectionState,
    CreateCommand,
    DeleteCommand,
    MembersCommand,
    PropertiesCommand,
    SmartFilterCommand,
)
from photoarchive.ui.commands import CANCEL, DROP, FORCE, CheckedCommand, Conflict
from photoarchive.ui.place_commands import PlaceCommand

translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it

_MERGE_ID = 4711


class PhotoEdits(QObject):
    """The one way the GUI changes photos, collections and places; owns the one undo stack.

    ``photos_changed(ids)`` after any change of curated fields (apply, undo, redo), just
    after ``values_changed(changes)`` with the values set, as (photo id, field, value) each,
    for views that show them without reading them again (the grid's cells);
    ``collection_changed(id)`` after a collection's membership, order or texts changed;
    ``collections_changed()`` after a collection was created, deleted or renamed;
    ``places_changed()`` after a place was edited (or the edit undone or redone);
    ``refused(message)`` when a step was not undone or redone because of a change made
    elsewhere. ``ask(step, conflict, undoing)`` (set by the window) returns FORCE, DROP or
    CANCEL; without it, conflicting steps are refused.
    """

    photos_changed = Signal(list)
    values_changed = Signal(list)
    collection_changed = Signal(int)
    collections_changed = Signal()
    places_changed = Signal()
    refused = Signal(str)

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.stack = QUndoStack(self)
        self.who: str | None = None
        self.before_undo: Callable[[], None] | None = None  # the editor flushes pending typing
        self.ask: Callable[[str, Conflict, bool], str] | None = None
        self._handles = CollectionHandles()

    # -- photos -----------------------------------------------------------------------------

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
        edit = apply_edit(self.catalog, photo_ids, values, description=description, who=self.who)
        if edit.id:
            self.values_changed.emit(new_values(edit))
            self.stack.push(EditCommand(self, edit, description, merge_key, tuple(sorted(set(photo_ids)))))
        return edit

    # -- collections (the commands are in collection_commands.py) ---------------------------

    def handle(self, collection_id: int) -> CollectionHandle:
        """The one ``CollectionHandle`` of a collection, shared by every step about it."""
        return self._handles.of(collection_id)

    def create_collection(
        self, name: str, values: Mapping[str, Any], description: str, photo_ids: Sequence[int] = ()
    ) -> Collection:
        """Create a collection (with ``photo_ids`` in it, in that order) as one undoable step;
        raises ValidationError for a bad value (nothing created then)."""
        with transaction(self.catalog.conn):
            collection = collection_store.create_collection(self.catalog, name, **values)
            if photo_ids:
                collection_store.add_photos(self.catalog, collection.id, list(dict.fromkeys(photo_ids)))
        self.stack.push(CreateCommand(self, self.handle(collection.id), description))
        self.collections_changed.emit()
        if photo_ids:
            self.collection_changed.emit(collection.id)
        return collection

    def delete_collection(self, collection_id: int, description: str) -> None:
        """Delete a collection (its photos stay) as one undoable step."""
        with transaction(self.catalog.conn):  # what comes back on undo is what was deleted
            state = CollectionState.read(self, collection_id)
            collection_store.delete_collection(self.catalog, collection_id)
        self.stack.push(DeleteCommand(self, self.handle(collection_id), state, description))
        self.collections_changed.emit()

    def edit_collection(self, collection_id: int, name: str, values: Mapping[str, Any], description: str) -> None:
        """Rename a collection and/or change its texts, as one undoable step."""
        with transaction(self.catalog.conn):  # the values recorded for undo are those replaced
            before = CollectionState.read(self, collection_id)
            if name.strip() != before.name:
                collection_store.rename_collection(self.catalog, collection_id, name)
            if values:
                collection_store.edit_collection(self.catalog, collection_id, **values)
            after = CollectionState.read(self, collection_id)
        if (after.name, after.fields) == (before.name, before.fields):
            return
        self.stack.push(
            PropertiesCommand(
                self, self.handle(collection_id), (before.name, before.fields), (after.name, after.fields), description
            )
        )
        self.collections_changed.emit()
        self.collection_changed.emit(collection_id)

    def edit_smart_collection(self, collection_id: int, filter: str, sort: str, description: str) -> None:
        """Give a smart collection another filter and sort order, as one undoable step; raises
        ValidationError or FilterSyntaxError (nothing changed) for a filter that does not read."""
        with transaction(self.catalog.conn):  # the filter recorded for undo is the one replaced
            before = CollectionState.read(self, collection_id).smart
            collection_store.edit_smart(self.catalog, collection_id, filter=filter, sort=sort)
            after = CollectionState.read(self, collection_id).smart
        if before is None or after is None or before == after:
            return
        self.stack.push(SmartFilterCommand(self, self.handle(collection_id), before, after, description))
        self.collections_changed.emit()
        self.collection_changed.emit(collection_id)

    def set_collection(
        self,
        collection_id: int,
        new_order: Sequence[int] | Callable[[list[int]], Sequence[int]],
        description: str,
    ) -> None:
        """Set a collection's members and their order, as one undoable step.

        ``new_order`` as a callable gets the members as they are, read in the transaction
        that writes (so that photos another process added meanwhile are not dropped)."""
        with transaction(self.catalog.conn):
            old = collection_store.collection_photo_ids(self.catalog, collection_id)
            new = list(new_order(list(old)) if callable(new_order) else new_order)
            if new == old:
                return
            command = MembersCommand(self, self.handle(collection_id), old, new, description)
            command.do_redo()
        self.stack.push(command)

    # -- places (the command is in place_commands.py) --------------------------------------

    def edit_place(self, place_id: int, values: Mapping[str, Any], description: str) -> Edit:
        """Change a place's values (``Place`` attributes) and re-fill its photos and those of
        the places inside it, as one undoable step; raises ValidationError (nothing changed)
        for a bad value."""
        with transaction(self.catalog.conn):  # the values recorded for undo are those replaced
            old = place_store.get_place(self.catalog, place_id)
            _place, edit = edit_place(self.catalog, place_id, who=self.who, **values)
            new = place_store.get_place(self.catalog, place_id)
        self.stack.push(PlaceCommand(self, old, new, list(values), edit.photo_ids, description))
        return edit

    def notify(self, signal: SignalInstance, *args: Any) -> None:
        """Emit ``signal`` once the catalog's transaction has committed (at once outside one),
        so that views read committed values, and nothing when the step was rolled back."""
        after_commit(self.catalog.conn, lambda: signal.emit(*args))

    # -- undo and redo ----------------------------------------------------------------------

    def undo(self) -> None:
        self._step(undoing=True)

    def redo(self) -> None:
        self._step(undoing=False)

    def _step(self, undoing: bool) -> None:
        """Undo or redo one step, asking the curator first when it would overwrite a change
        made elsewhere since."""
        if self.before_undo is not None:
            self.before_undo()
        index = self.stack.index() - 1 if undoing else self.stack.index()
        command = self.stack.command(index) if 0 <= index < self.stack.count() else None
        if isinstance(command, CheckedCommand):
            conflict = command.conflict(undoing)
            if conflict is not None:
                answer = self.ask(command.text(), conflict, undoing) if self.ask is not None else DROP
                if answer == CANCEL:
                    return
                command.forced = answer == FORCE and conflict.can_force
        if undoing:
            self.stack.undo()
        else:
            self.stack.redo()

    def clear(self) -> None:
        self.stack.clear()

    # -- words ------------------------------------------------------------------------------

    def describe(self, what: str, photo_ids: Sequence[int]) -> str:
        """An undo step's name that says which photos: "Caption of IMG_0012.JPG", "Caption of
        9 photos" (``what`` is the field's label, or the change, as the editor says it)."""
        ids = list(dict.fromkeys(photo_ids))
        if len(ids) == 1:
            try:
                name = self.catalog.photo(ids[0]).original_name
            except PhotoArchiveError:
                name = ""
            if name:
                return translate("PhotoEdits", "{what} of {photo}").format(what=what, photo=name)
        count = len(ids)  # a plain name: lupdate does not see a string whose count is a call
        return translate("PhotoEdits", "{what} of %n photo(s)", "", count).format(what=what)

    def describe_stale(self, changes: Sequence[FieldChange]) -> str:
        """ "the caption of SHU15_0107.jpg", "the caption and credit line of 3 photos"."""
        fields = [f for f in dict.fromkeys(c.field for c in changes) if f != "conflicts"] or ["conflicts"]
        labels = [  # as the editor names them: the declaration's labels, translated in its context
            translate(TRANSLATION_CONTEXT, FIELDS_BY_NAME[f].label) if f in FIELDS_BY_NAME else f.replace("_", " ")
            for f in fields
        ]
        what = (
            labels[0].lower()
            if len(labels) == 1
            else ", ".join(x.lower() for x in labels[:-1]) + translate("PhotoEdits", " and ") + labels[-1].lower()
        )
        photos = sorted({c.photo_id for c in changes})
        if len(photos) <= 3:
            names = ", ".join(self.catalog.photo(pid).original_name for pid in photos)
            return translate("PhotoEdits", "the {fields} of {photos}").format(fields=what, photos=names)
        count = len(photos)  # a plain name: lupdate does not see a string whose count is a call
        return translate("PhotoEdits", "the {fields} of %n photo(s)", "", count).format(fields=what)


class EditCommand(CheckedCommand):
    """One or more recorded edits of curated fields (more than one after merged typing)."""

    edits: PhotoEdits  # describes stale changes in the words of the editor

    def __init__(
        self, edits: PhotoEdits, edit: Edit, text: str, merge_key: str | None, photo_ids: tuple[int, ...]
    ) -> None:
        super().__init__(edits, text)
        self.edit_ids = [edit.id]
        self.merge_key = merge_key
        self.photo_ids = photo_ids
        self._changed = edit.photo_ids

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

    def expected(self, undoing: bool) -> Edit:
        """The values this step left (before an undo) or found (before a redo), as one edit
        whose ``new`` values are what the catalog should hold now."""
        edits = [load_edit(self.edits.catalog, edit_id) for edit_id in self.edit_ids]
        final: dict[tuple[int, str], FieldChange] = {}
        for edit in edits if undoing else reversed(edits):
            for c in edit.changes:
                final[(c.photo_id, c.field)] = c if undoing else FieldChange(c.photo_id, c.field, c.new, c.old)
        return Edit(0, "", "", "", list(final.values()))

    def conflict(self, undoing: bool) -> Conflict | None:
        stale = stale_changes(self.edits.catalog, self.expected(undoing))
        if not stale:
            return None
        return Conflict(
            translate(
                "PhotoEdits",
                "Since this step, {what} has been changed elsewhere (from the command line or another window).",
            ).format(what=self.edits.describe_stale(stale))
        )

    def pushed(self) -> None:
        self.edits.photos_changed.emit(list(self._changed))

    # Called inside the transaction that checked ``conflict`` (CheckedCommand): a step the
    # curator forced writes over the newer values, and records them as the values replaced.
    def do_redo(self) -> None:
        done = [reapply_edit(self.edits.catalog, edit_id, who=self.edits.who) for edit_id in self.edit_ids]
        self.edits.notify(self.edits.values_changed, [v for edit in done for v in new_values(edit)])
        self.edits.notify(self.edits.photos_changed, list(self._changed))

    def do_undo(self) -> None:
        done = [revert_edit(self.edits.catalog, edit_id, who=self.edits.who) for edit_id in reversed(self.edit_ids)]
        self.edits.notify(self.edits.values_changed, [v for edit in done for v in new_values(edit)])
        self.edits.notify(self.edits.photos_changed, list(self._changed))


def new_values(edit: Edit) -> list[tuple[int, str, Any]]:
    """The values an edit set, as (photo id, field, value) in the order set."""
    return [(c.photo_id, c.field, c.new) for c in edit.changes]
