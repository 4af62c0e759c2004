"""The Edit menu of the window: undo and redo with the Undo History view, selection, copy
metadata from one photo and paste chosen fields onto others, templates, and the keys that
jump to the caption and the search box.

Undo and redo ask the curator before overwriting a change made meanwhile elsewhere (the
command line, another window): ``ask_about_conflict`` is ``PhotoEdits.ask``; a step refused
from the Undo History view is explained in the status bar."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from photoarchive.catalog.curated import load_values
from photoarchive.errors import PhotoArchiveError
from photoarchive.ui.commands import CANCEL, DROP, FORCE, Conflict
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
        w.undo_action = w._action(edit, self.tr("&Undo"), w.undo, [QKeySequence.StandardKey.Undo, "Ctrl+Z"])
        w.redo_action = w._action(
            edit, self.tr("&Redo"), w.redo, [QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"]
        )
        w.edits.stack.canUndoChanged.connect(w.undo_action.setEnabled)
        w.edits.stack.canRedoChanged.connect(w.redo_action.setEnabled)
        w.edits.stack.undoTextChanged.connect(lambda t: w.undo_action.setText(self.tr("&Undo {what}").format(what=t)))
        w.edits.stack.redoTextChanged.connect(lambda t: w.redo_action.setText(self.tr("&Redo {what}").format(what=t)))
        w.undo_action.setEnabled(False)
        w.redo_action.setEnabled(False)
        w.edits.ask = self.ask_about_conflict
        w.edits.labels = w.editor.labels
        w.edits.refused.connect(lambda message: w.statusBar().showMessage(message, 20_000))
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

    def ask_about_conflict(self, step: str, conflict: Conflict, undoing: bool) -> str:
        """Undo (or redo) a step over a change made elsewhere? FORCE, DROP or CANCEL."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        if undoing:
            box.setWindowTitle(self.tr("Undo"))
            question = self.tr("Undo “{step}”?") if conflict.can_force else self.tr("“{step}” cannot be undone.")
            consequence = self.tr("Undoing it now would replace those newer values.")
            force_text = self.tr("Undo Anyway")
        else:
            box.setWindowTitle(self.tr("Redo"))
            question = self.tr("Redo “{step}”?") if conflict.can_force else self.tr("“{step}” cannot be redone.")
            consequence = self.tr("Redoing it now would replace those newer values.")
            force_text = self.tr("Redo Anyway")
        box.setText(question.format(step=step))
        box.setInformativeText(f"{conflict.text} {consequence}" if conflict.can_force else conflict.text)
        force = box.addButton(force_text, QMessageBox.ButtonRole.DestructiveRole) if conflict.can_force else None
        keep = box.addButton(self.tr("Keep the Newer Values"), QMessageBox.ButtonRole.AcceptRole)
        keep.setToolTip(self.tr("Nothing is changed, and the step is taken off the undo list"))
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if force is not None and clicked is force:
            return FORCE
        return DROP if clicked is keep else CANCEL

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
