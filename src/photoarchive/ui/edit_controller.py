"""The Edit menu of the window: undo and redo with the Undo History view, selection, copy
metadata from one photo and paste chosen fields onto others, templates, and the keys that
jump to the caption and the search box."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from photoarchive.catalog.curated import load_values
from photoarchive.errors import PhotoArchiveError
from photoarchive.ui.dialogs.paste_dialog import PasteFieldsDialog
from photoarchive.ui.errors import show_error

if TYPE_CHECKING:
    from photoarchive.ui.main_window import MainWindow

PASTE_FIELDS = (
    "headline", "title", "caption", "alt_text", "keywords", "creator", "credit", "source", "copyright",
    "usage_terms", "caption_writer", "event", "event_date", "sublocation", "city", "state", "country",
    "country_code", "job_id",
)  # fmt: skip


class EditController(QObject):
    """Edit actions of one window; ``copied`` holds the fields of the photo copied last."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.copied: dict[str, Any] = {}

    def build_menu(self, menu: QMenu) -> None:
        w = self.window

        edit = menu
        w.undo_action = w._action(edit, self.tr("&Undo"), w.undo, QKeySequence.StandardKey.Undo)
        w.redo_action = w._action(edit, self.tr("&Redo"), w.redo, [QKeySequence.StandardKey.Redo, "Ctrl+Y"])
        w.edits.stack.canUndoChanged.connect(w.undo_action.setEnabled)
        w.edits.stack.canRedoChanged.connect(w.redo_action.setEnabled)
        w.edits.stack.undoTextChanged.connect(lambda t: w.undo_action.setText(self.tr("&Undo {what}").format(what=t)))
        w.edits.stack.redoTextChanged.connect(lambda t: w.redo_action.setText(self.tr("&Redo {what}").format(what=t)))
        w.undo_action.setEnabled(False)
        w.redo_action.setEnabled(False)
        w.history_dock = w._dock(
            "undo-history", self.tr("Undo History"), w.undo_view, Qt.DockWidgetArea.RightDockWidgetArea
        )
        w.history_dock.hide()
        history = w.history_dock.toggleViewAction()
        history.setText(self.tr("Undo &History"))
        history.setShortcut(QKeySequence("Ctrl+Shift+H"))
        edit.addAction(history)
        edit.addSeparator()
        w._action(edit, self.tr("Select &All"), w.grid.selectAll, QKeySequence.StandardKey.SelectAll)
        w._action(edit, self.tr("Select &None"), w.grid.clearSelection, "Ctrl+Shift+A")
        edit.addSeparator()
        w._action(edit, self.tr("&Copy Metadata"), self.copy_metadata, "Ctrl+Shift+C")
        w._action(edit, self.tr("&Paste Metadata…"), self.paste_metadata, "Ctrl+Shift+V")
        w.templates_menu = edit.addMenu(self.tr("Apply &Template"))
        w.templates_menu.aboutToShow.connect(w.archive.fill_templates_menu)
        edit.addSeparator()
        w._action(edit, self.tr("Edit &Caption"), w.editor.focus_caption, "F2")
        w._action(edit, self.tr("&Find"), self.focus_search, QKeySequence.StandardKey.Find)

    def copy_metadata(self) -> None:
        w = self.window
        ids = w.selected_ids()
        if not ids:
            return
        w.editor.flush()
        self.copied = load_values(w.catalog, ids[:1], list(PASTE_FIELDS))[ids[0]]
        w.status(self.tr("Copied the metadata of one photo: Paste Metadata puts chosen fields on others."))

    def paste_metadata(self) -> None:
        w = self.window
        ids = w.selected_ids()
        if not ids or not self.copied:
            w.status(self.tr("Copy the metadata of a photo first (Edit > Copy Metadata)."))
            return
        w.editor.flush()
        remembered = w.settings.value("paste/fields", [])
        dialog = PasteFieldsDialog(self.copied, w.editor.labels, len(ids), remembered or (), w)
        if not dialog.exec() or not dialog.chosen():
            return
        chosen = dialog.chosen()
        w.settings.setValue("paste/fields", chosen)
        self.apply_values(
            ids,
            {f: self.copied[f] for f in chosen},
            self.tr("Paste metadata onto %n photo(s)", "", len(ids)),
        )

    def apply_values(self, ids: Sequence[int], values: Any, description: str) -> bool:
        """Apply values (or a per-photo callable) as one undoable step; errors are shown."""
        w = self.window
        try:
            w.edits.apply(ids, values, description)
        except PhotoArchiveError as error:
            show_error(w, self.tr("The change was not made"), error)
            return False
        return True

    def focus_search(self) -> None:
        self.window.bar.search.setFocus()
        self.window.bar.search.selectAll()
