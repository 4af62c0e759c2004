"""The Edit menu's own actions: undo and redo, copy metadata from one photo and paste chosen
fields onto others, templates, and the key that jumps to the caption (the window adds the
Undo History view, and the selection and search keys of the ``ViewController``).

Undo and redo ask the curator before overwriting a change made meanwhile elsewhere (the
command line, another window): ``ask_about_conflict`` is ``PhotoEdits.ask``; a step refused
from the Undo History view is explained in the status bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_values
from photoarchive.errors import PhotoArchiveError
from photoarchive.model.curated import EDITOR_FIELDS
from photoarchive.ui import templates
from photoarchive.ui.actions import make_action
from photoarchive.ui.commands import CANCEL, DROP, FORCE, Conflict
from photoarchive.ui.dialogs.paste_dialog import PasteFieldsDialog
from photoarchive.ui.errors import show_error
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.metadata_editor import MetadataEditor

# Copy and paste carry the fields the editor shows, in its order.
PASTE_FIELDS = tuple(spec.name for spec in EDITOR_FIELDS)


class EditController(QObject):
    """Edit actions of one window (``actions()``); ``copied`` holds the fields of the photo
    copied last. ``status_message(text)``: a word for the status bar."""

    status_message = Signal(str)

    def __init__(
        self,
        catalog: Catalog,
        edits: PhotoEdits,
        selected_ids: Callable[[], list[int]],
        editor: MetadataEditor,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        """``selected_ids()``: the photos selected, in grid order; ``editor``: the metadata
        editor (what is typed there is saved before a copy, a paste or a template, and its
        labels name the fields); ``settings`` remembers the fields pasted last; ``parent``:
        the parent of dialogs."""
        super().__init__(parent)
        self.catalog = catalog
        self.edits = edits
        self.selected_ids = selected_ids
        self.editor = editor
        self.settings = settings
        self.parent_widget = parent
        self.copied: dict[str, Any] = {}
        stack = edits.stack
        undo = make_action(self, self.tr("&Undo"), edits.undo, [QKeySequence.StandardKey.Undo, "Ctrl+Z"])
        redo = make_action(
            self, self.tr("&Redo"), edits.redo, [QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"]
        )
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(lambda t: undo.setText(self.tr("&Undo {what}").format(what=t)))
        stack.redoTextChanged.connect(lambda t: redo.setText(self.tr("&Redo {what}").format(what=t)))
        undo.setEnabled(False)
        redo.setEnabled(False)
        self.templates_menu = QMenu(self.tr("Apply &Template"), parent)
        self.templates_menu.aboutToShow.connect(self.fill_templates_menu)
        self._actions = {
            "undo": undo,
            "redo": redo,
            "copy": make_action(self, self.tr("&Copy Metadata"), self.copy_metadata, "Ctrl+Shift+C"),
            "paste": make_action(self, self.tr("&Paste Metadata…"), self.paste_metadata, "Ctrl+Shift+V"),
            "templates": self.templates_menu.menuAction(),
            "edit_caption": make_action(self, self.tr("Edit &Caption"), editor.focus_caption, "F2"),
        }

    def actions(self) -> dict[str, QAction]:
        """The actions by name, for the window's menus (``templates`` opens a submenu)."""
        return dict(self._actions)

    def ask_about_conflict(self, step: str, conflict: Conflict, undoing: bool) -> str:
        """Undo (or redo) a step over a change made elsewhere? FORCE, DROP or CANCEL."""
        box = QMessageBox(self.parent_widget)
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
        ids = self.selected_ids()
        if not ids:
            return
        self.editor.flush()
        keys = self._keys()  # title, headline, caption, alt text: in the editor's language
        read = load_values(self.catalog, ids[:1], list(keys))[ids[0]]
        self.copied = {name: read[key] for key, name in keys.items()}
        self.status_message.emit(
            self.tr("Copied the metadata of one photo: Paste Metadata puts chosen fields on others.")
        )

    def paste_metadata(self) -> None:
        ids = self.selected_ids()
        if not ids or not self.copied:
            self.status_message.emit(self.tr("Copy the metadata of a photo first (Edit > Copy Metadata)."))
            return
        self.editor.flush()
        remembered = self.settings.value("paste/fields", [])
        if isinstance(remembered, str):  # QSettings gives a list of one back as its item
            remembered = [remembered]
        fields = [str(name) for name in remembered] if isinstance(remembered, list) else []
        dialog = PasteFieldsDialog(self.copied, self.editor.labels, len(ids), fields, self.parent_widget)
        if not dialog.exec() or not dialog.chosen():
            return
        chosen = dialog.chosen()
        self.settings.setValue("paste/fields", chosen)
        key = {name: key for key, name in self._keys().items()}  # pasted in the editor's language
        self.apply_values(
            ids,
            {key[f]: self.copied[f] for f in chosen},
            self.tr("Paste metadata onto %n photo(s)", "", len(ids)),
        )

    def _keys(self) -> dict[str, str]:
        """{key: field} of the fields copied and pasted, the per-language ones in the language
        the editor shows (``caption[ru]``)."""
        return {self.editor.languages.key(name): name for name in PASTE_FIELDS}

    def apply_values(self, ids: Sequence[int], values: Any, description: str) -> bool:
        """Apply values (or a per-photo callable) as one undoable step; errors are shown."""
        try:
            self.edits.apply(ids, values, description)
        except PhotoArchiveError as error:
            show_error(self.parent_widget, self.tr("The change was not made"), error)
            return False
        return True

    # -- templates --------------------------------------------------------------------------

    def fill_templates_menu(self) -> None:
        menu = self.templates_menu
        menu.clear()
        names = templates.names(self.catalog)
        if not names:
            action = menu.addAction(self.tr("(no templates yet)"))
            action.setEnabled(False)
        for name in names:
            action = menu.addAction(name)
            action.triggered.connect(lambda _c=False, n=name: self.apply_template(n))
        menu.addSeparator()
        menu.addAction(self.tr("New Template…")).triggered.connect(self.new_template)
        edit_menu = menu.addMenu(self.tr("Edit Template"))
        edit_menu.setEnabled(bool(names))
        for name in names:
            edit_menu.addAction(name).triggered.connect(lambda _c=False, n=name: self.edit_template(n))

    def apply_template(self, name: str) -> None:
        """Show what the template changes on the selected photos, then apply it (one undo step)."""
        ids = self.selected_ids()
        if not ids:
            self.status_message.emit(self.tr("Select the photos to apply the template to."))
            return
        self.editor.flush()
        try:
            templates.apply_with_preview(self.edits, ids, name, self.parent_widget)
        except PhotoArchiveError as error:
            show_error(self.parent_widget, self.tr("The template was not applied"), error)

    def new_template(self) -> None:
        try:
            template = templates.new_template(self.catalog, self.parent_widget)
        except PhotoArchiveError as error:
            show_error(self.parent_widget, self.tr("The template was not saved"), error)
            return
        if template is not None:  # the menu is filled again when it is opened
            self.status_message.emit(self.tr("Template “{name}” saved.").format(name=template.name))

    def edit_template(self, name: str) -> None:
        try:
            template = templates.edit_template(self.catalog, name, self.parent_widget)
        except PhotoArchiveError as error:
            show_error(self.parent_widget, self.tr("The template was not saved"), error)
            return
        if template is not None:  # the menu is filled again when it is opened
            self.status_message.emit(self.tr("Template “{name}” saved.").format(name=template.name))
