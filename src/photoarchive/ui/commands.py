"""The base of the window's undo steps: a command applied before it was pushed, which checks
that nothing changed elsewhere (the command line, another window) before it writes again.
See ``ui/undo.py`` for how the curator is asked, and ``ui/collection_commands.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it

if TYPE_CHECKING:
    from photoarchive.ui.undo import PhotoEdits

FORCE, DROP, CANCEL = "force", "drop", "cancel"  # the curator's answers to a conflict


@dataclass(frozen=True)
class Conflict:
    """What changed elsewhere since a step, in words; ``can_force`` when the step can still
    be undone (or redone) over it."""

    text: str
    can_force: bool = True


class CheckedCommand(QUndoCommand):
    """A step that was applied before it was pushed, and that checks for changes made
    elsewhere before it writes again. Subclasses give ``conflict``, ``do_undo``, ``do_redo``.

    A conflict the curator was not asked about (Undo History view), or chose to keep, makes
    the step obsolete: QUndoStack takes it off the list and nothing is written.
    """

    def __init__(self, edits: PhotoEdits, text: str) -> None:
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
        if self._allowed(undoing=False):
            self.do_redo()

    def undo(self) -> None:
        if self._allowed(undoing=True):
            self.do_undo()

    def _allowed(self, undoing: bool) -> bool:
        forced, self.forced = self.forced, False
        conflict = self.conflict(undoing)
        if conflict is None or (forced and conflict.can_force):
            return True
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
        return False
