"""The base of the window's undo steps: a command applied before it was pushed, which checks
that nothing changed elsewhere (the command line, another window) before it writes again.

``PhotoEdits`` (``ui/undo.py``) owns the one undo stack, asks the curator about a conflict and
builds the steps; the steps themselves (``ui/undo.py``'s ``EditCommand``,
``ui/collection_commands.py``, ``ui/place_commands.py``) know it only as an ``UndoHost``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtGui import QUndoCommand

from photoarchive.catalog import Catalog, transaction
from photoarchive.errors import PhotoArchiveError

translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it

FORCE, DROP, CANCEL = "force", "drop", "cancel"  # the curator's answers to a conflict


@dataclass(frozen=True)
class Conflict:
    """What changed elsewhere since a step, in words; ``can_force`` when the step can still
    be undone (or redone) over it."""

    text: str
    can_force: bool = True


class UndoHost(Protocol):
    """What a step needs of the owner of the undo stack (``PhotoEdits``): the catalog, who
    makes the edits, the signals views follow, and ``notify`` to emit one after the commit."""

    catalog: Catalog
    who: str | None

    @property
    def photos_changed(self) -> SignalInstance: ...

    @property
    def collection_changed(self) -> SignalInstance: ...

    @property
    def collections_changed(self) -> SignalInstance: ...

    @property
    def places_changed(self) -> SignalInstance: ...

    @property
    def refused(self) -> SignalInstance: ...

    def notify(self, signal: SignalInstance, *args: Any) -> None: ...


class CheckedCommand(QUndoCommand):
    """A step that was applied before it was pushed, and that checks for changes made
    elsewhere before it writes again. Subclasses give ``conflict``, ``do_undo``, ``do_redo``.

    A conflict the curator was not asked about (Undo History view), or chose to keep, makes
    the step obsolete: QUndoStack takes it off the list and nothing is written. The check and
    the write are one write transaction, so that nothing another process writes can come in
    between; a write that fails (a full disk) changes nothing and takes the step off too.
    """

    def __init__(self, edits: UndoHost, text: str) -> None:
        super().__init__(text)
        self.edits = edits
        self.forced = False
        self._pushed = False

    def conflict(self, undoing: bool) -> Conflict | None:
        raise NotImplementedError

    def do_undo(self) -> None:
        raise NotImplementedError

    def do_redo(self) -> None:
        raise NotImplementedError

    def pushed(self) -> None:
        """The step was pushed (its change is already in the catalog): say what changed."""

    def redo(self) -> None:
        if not self._pushed:  # push() calls redo(): the change is already in the catalog
            self._pushed = True
            self.pushed()
            return
        self._checked_write(undoing=False)

    def undo(self) -> None:
        self._checked_write(undoing=True)

    def _checked_write(self, undoing: bool) -> None:
        forced, self.forced = self.forced, False
        try:
            with transaction(self.edits.catalog.conn):
                conflict = self.conflict(undoing)
                if conflict is None or (forced and conflict.can_force):
                    (self.do_undo if undoing else self.do_redo)()
                    return
        except PhotoArchiveError as error:
            conflict = Conflict(str(error))
        self._refuse(conflict, undoing)

    def _refuse(self, conflict: Conflict, undoing: bool) -> None:
        self.setObsolete(True)
        step = self.text()
        message = (
            translate(
                "Commands",
                "“{step}” was not undone. {reason} The newer values are kept, and the step is off the undo list.",
            )
            if undoing
            else translate(
                "Commands",
                "“{step}” was not redone. {reason} The newer values are kept, and the step is off the undo list.",
            )
        )
        self.edits.refused.emit(message.format(step=step, reason=conflict.text))
