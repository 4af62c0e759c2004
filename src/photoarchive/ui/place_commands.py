"""Undoable changes to the gazetteer's places: a place's values before and after an edit.

A ``PlaceCommand`` is a ``CheckedCommand`` of the window's undo stack (see ``ui/undo.py``):
the edit is applied before it is pushed (``photoarchive.places.edit_place``, which re-fills
the photos of the place and of the places inside it), and before an undo or a redo writes,
the step checks, in the same write transaction, that the place still holds the values the
step left there (or found, for a redo). A place changed or removed meanwhile from the command
line or another window is never overwritten without the curator's say.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from photoarchive.catalog import places as place_store
from photoarchive.errors import NotFoundError
from photoarchive.model.place import Place
from photoarchive.places import edit_place
from photoarchive.ui.commands import CheckedCommand, Conflict, UndoHost

translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it


class PlaceCommand(CheckedCommand):
    """A change to a place's values (and so to its photos); undo puts the old values back."""

    def __init__(
        self, edits: UndoHost, old: Place, new: Place, fields: Sequence[str], photo_ids: Sequence[int], text: str
    ) -> None:
        super().__init__(edits, text)
        self.place_id = new.id
        self.fields = tuple(fields)
        self.old, self.new = _values(old, self.fields), _values(new, self.fields)
        self.name = new.name
        self._photo_ids = list(photo_ids)

    def conflict(self, undoing: bool) -> Conflict | None:
        try:
            place = place_store.get_place(self.edits.catalog, self.place_id)
        except NotFoundError:
            return Conflict(
                translate(
                    "PlaceCommands",
                    "The place “{name}” has been removed elsewhere since (from the command line or another window).",
                ).format(name=self.name),
                can_force=False,
            )
        if _values(place, self.fields) != (self.new if undoing else self.old):
            return Conflict(
                translate(
                    "PlaceCommands",
                    "The place “{name}” has been changed elsewhere since (from the command line or another window).",
                ).format(name=place.name)
            )
        return None

    def pushed(self) -> None:
        self._tell(self._photo_ids)

    # Called inside the transaction that checked ``conflict`` (CheckedCommand).
    def do_undo(self) -> None:
        self._write(self.old)

    def do_redo(self) -> None:
        self._write(self.new)

    def _write(self, values: dict[str, Any]) -> None:
        _place, edit = edit_place(self.edits.catalog, self.place_id, who=self.edits.who, **values)
        self._tell(edit.photo_ids)

    def _tell(self, photo_ids: list[int]) -> None:
        """Views re-read the places and these photos (after the commit, when inside one)."""
        self.edits.notify(self.edits.places_changed)
        if photo_ids:
            self.edits.notify(self.edits.photos_changed, photo_ids)


def _values(place: Place, fields: Sequence[str]) -> dict[str, Any]:
    return {name: getattr(place, name) for name in fields}
