"""Photos leaving a filtered grid, and coming back.

Under a filter (the filter bar's and the search box's), a photo edited so that it no longer
matches leaves the grid at once, as in Lightroom, and the photo after it becomes current;
undo brings it back to its row. The grid is not read again: one query over the edited photos
(``FilterController.matching``). The catalog's first reject turns Hide rejects on
(``FilterController.rejected``) and the grid's count says how many rejects it hides.

The window keeps the grid; this controller keeps what left it and its row (the culling and
compare views' Esc selects ``in_place_of`` the photo last shown) and the filter the grid shows
(``filter``, set by the window each time it reads the grid).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from photoarchive.model.curated import SELECTION_FIELDS
from photoarchive.ui.filter_controller import FilterController
from photoarchive.ui.widgets.photo_grid import PhotoGrid

# More photos than this edited at once under a filter: the grid is read again rather than
# asking which of them still match.
LEAVE_AT_MOST = 10_000


class FilteredGrid(QObject):
    """The photos a filtered grid's edits take out and undo brings back.

    ``values_changed(changes)`` and ``typing_committed()`` are connected by the window (the
    undo stack's new values, the editor's fields' commits). ``reload_requested()``: too many
    photos were edited at once, the grid is to be read again. ``count_changed()``: rows left
    or came back, the grid's count is to be written again.
    """

    reload_requested = Signal()
    count_changed = Signal()

    def __init__(
        self,
        grid: PhotoGrid,
        filtering: FilterController,
        editor: QWidget,
        search_text: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        """``grid``: the grid and its selection; ``filtering``: which photos still match, the
        first reject; ``editor``: the metadata editor, whose fields hold a photo in the grid
        while the curator types in them; ``search_text()``: the search box's text."""
        super().__init__(parent)
        self.grid = grid
        self.filtering = filtering
        self.editor = editor
        self.search_text = search_text
        self.filter = ""  # the filter the grid shows: the filter bar's and the search box's
        self._left: dict[int, int] = {}  # photos a key took out of the filtered grid: their rows
        self._typed: set[int] = set()  # photos edited in the editor, to leave when it commits (values_changed)

    def in_place_of(self, photo_id: int) -> int:
        """The photo to select for ``photo_id``: itself, unless it left the grid; then the
        photo now at the row where it was (the one after it, or the grid's last), as after a
        key in the grid: the curator goes on from there."""
        row = self._left.get(photo_id) if self.grid.grid_model.row_of(photo_id) is None else None
        now = self._at(row) if row is not None else None
        return photo_id if now is None else now

    def _at(self, row: int) -> int | None:
        """The photo at ``row``, or the grid's last when fewer are left; None when none are."""
        model = self.grid.grid_model
        return model.id_at(min(row, model.rowCount() - 1)) if model.rowCount() else None

    def clear(self) -> None:
        """The grid was read again: nothing has left it."""
        self._left.clear()
        self._typed.clear()

    def values_changed(self, changes: list[tuple[int, str, object]]) -> None:
        """Photos edited under a filter: those shown that no longer match leave the grid, as in
        Lightroom, and the photo after them becomes current; those that left and match again
        (undo) come back to their rows. The grid is not read again: one query over the edited
        photos. A photo not shown that now matches appears at the next reload of the grid (a
        source, the filter or the search changed). The catalog's first reject turns Hide
        rejects on (``filtering.rejected``).

        When: a rating, label or flag (a key, undo or redo) at once. Any other field (a
        caption, credit, place, position, keywords: whatever a filter reads) when its edit is
        committed, not at the editor's saves while the curator types: a photo whose caption is
        being typed under ``-has:caption`` does not vanish under the cursor, and leaves when
        the field lets go of the focus (Tab, a click elsewhere) or on Ctrl+Enter, as Lightroom
        applies a field when the focus leaves it. An edit made with the focus outside the
        editor (paste, a template, undo, the map) leaves on the next turn of the event loop,
        after the click that may have caused it has picked its cell."""
        if self.filtering.rejected(changes):
            self.filter = self.filtering.filter_text(self.search_text())
        if not self.filter:
            return
        described = [pid for pid, field, _value in changes if field not in SELECTION_FIELDS]
        if described:
            self._typed.update(described)
            if not self._typing():
                QTimer.singleShot(0, self._leave_typed)
        keyed = [pid for pid, field, _value in changes if field in SELECTION_FIELDS]
        if keyed:
            self._leave(keyed, flagged=any(field == "flag" for _pid, field, _value in changes))

    def _typing(self) -> bool:
        """Whether the keyboard focus is in one of the editor's fields."""
        focus = QApplication.focusWidget()
        return focus is not None and self.editor.isAncestorOf(focus)

    def typing_committed(self) -> None:
        """A field of the editor committed what was typed: its photos may leave the grid."""
        if self._typed:
            QTimer.singleShot(0, self._leave_typed)

    def _leave_typed(self) -> None:
        ids, self._typed = list(self._typed), set()
        if ids and self.filter:
            self._leave(ids)

    def _leave(self, photo_ids: Sequence[int], flagged: bool = False) -> None:
        """The edited photos that no longer match leave the grid, those that match again
        come back (``flagged``: a flag changed, the rejects hidden are counted again)."""
        edited = list(dict.fromkeys(photo_ids))
        model = self.grid.grid_model
        candidates = [pid for pid in edited if pid in self._left or model.row_of(pid) is not None]
        if len(candidates) > LEAVE_AT_MOST:  # a whole source flagged: read it again instead
            self.reload_requested.emit()
            return
        matching = self.filtering.matching(self.filter, candidates)
        leaving = [pid for pid in candidates if pid not in matching and pid not in self._left]
        returning = [(self._left.pop(pid), pid) for pid in candidates if pid in matching and pid in self._left]
        if not leaving and not returning:
            return
        gone = set(leaving)
        selected = [pid for pid in self.grid.selected_ids() if pid not in gone]
        taken = model.remove_ids(leaving)
        self._left.update({pid: row for row, pid in taken})
        model.insert_ids(returning)
        if returning:
            selected = [pid for _row, pid in returning]  # what undo brought back
        elif not selected and taken and (after := self._at(taken[0][0])) is not None:
            selected = [after]  # the photo after them
        self.grid.select_ids(selected)
        if flagged:
            self.filtering.count_hidden(self.search_text())  # in the background; shown when counted
        self.count_changed.emit()
