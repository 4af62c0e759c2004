"""``TemplateDialog``: create or change a metadata template in the window.

The fields are those of the metadata editor, from their declaration (``model.curated``:
label, group, one line or several, list or text), plus any other field the template already
sets. Each row: a check box to put the field in the template, its value (variables allowed:
``{creator}``, ``{date:%Y}``...), and how it is set: replaced, filled only where the photo's
field is empty, or (keywords) appended. A value is checked as it is typed
(``metadata.variables``) and the whole template when OK is pressed
(``templates.check_template``); an error shows at its field, in words, and OK waits.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from photoarchive.errors import ValidationError
from photoarchive.metadata.variables import compile_template
from photoarchive.model import FieldTemplate
from photoarchive.model.curated import EDITOR_FIELDS, FIELDS_BY_NAME, LIST_FIELDS
from photoarchive.model.fields import FieldSpec
from photoarchive.templates import APPEND, FILL, REPLACE, check_template, modes_for
from photoarchive.ui.errors import ERROR_STYLE
from photoarchive.ui.widgets.metadata_editor import field_label


class TemplateRow:
    """One field of the template: included or not, its value, its mode and its error."""

    def __init__(self, dialog: TemplateDialog, spec: FieldSpec) -> None:
        self.spec = spec
        self.include = QCheckBox(field_label(spec))
        self.include.setToolTip(QCoreApplication.translate("TemplateDialog", "Put this field in the template"))
        self.editor: QLineEdit | QPlainTextEdit
        if spec.input.multiline:
            self.editor = QPlainTextEdit()
            self.editor.setTabChangesFocus(True)
            self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 3 + 12)
            self.editor.textChanged.connect(dialog.field_edited)
        else:
            self.editor = QLineEdit()
            self.editor.textEdited.connect(dialog.field_edited)
        if spec.name in LIST_FIELDS:
            self.editor.setPlaceholderText(QCoreApplication.translate("TemplateDialog", "separated by commas"))
        self.mode = QComboBox()
        words = {
            REPLACE: QCoreApplication.translate("TemplateDialog", "Replace"),
            FILL: QCoreApplication.translate("TemplateDialog", "Fill if empty"),
            APPEND: QCoreApplication.translate("TemplateDialog", "Append"),
        }
        for mode in modes_for(spec.name):
            self.mode.addItem(words[mode], mode)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.include.toggled.connect(dialog.field_edited)

    def set(self, value: str | list[str] | None, mode: str) -> None:
        self.include.setChecked(value is not None)
        text = ", ".join(value) if isinstance(value, list) else (value or "")
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlainText(text)
        else:
            self.editor.setText(text)
        self.mode.setCurrentIndex(max(self.mode.findData(mode), 0))

    def text(self) -> str:
        return self.editor.toPlainText() if isinstance(self.editor, QPlainTextEdit) else self.editor.text()

    def value(self) -> str | list[str]:
        if self.spec.name in LIST_FIELDS:
            return [item.strip() for item in self.text().split(",") if item.strip()]
        return self.text()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


class TemplateDialog(QDialog):
    """Edit a template (or a new one); ``template()`` is the checked result after OK."""

    def __init__(self, template: FieldTemplate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = template or FieldTemplate("")
        self._checked: FieldTemplate | None = None
        # First: the rows check their values (and enable OK) as they are filled in.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.rows: dict[str, TemplateRow] = {}
        self.setWindowTitle(self.tr("Edit template") if template else self.tr("New template"))
        self.name = QLineEdit(self.original.name)
        self.name.textEdited.connect(self.field_edited)
        self.description = QLineEdit(self.original.description)
        self.name_error = QLabel()
        self.name_error.setStyleSheet(ERROR_STYLE)
        self.name_error.hide()
        head = QFormLayout()
        head.addRow(self.tr("Name:"), self.name)
        head.addRow("", self.name_error)
        head.addRow(self.tr("Description:"), self.description)
        hint = QLabel(
            self.tr(
                "Tick the fields the template sets. Values may use the photo's fields: {creator}, {city}, "
                "{date:%Y} (the capture date), {filename}, {sequence:03}. Fill if empty leaves a value "
                "the photo already has."
            )
        )
        hint.setWordWrap(True)

        specs = list(EDITOR_FIELDS) + [
            FIELDS_BY_NAME[name]
            for name in self.original.values
            if name in FIELDS_BY_NAME and FIELDS_BY_NAME[name] not in EDITOR_FIELDS
        ]
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for spec in specs:
            row = TemplateRow(self, spec)
            row.set(self.original.values.get(spec.name), self.original.modes.get(spec.name, REPLACE))
            line = grid.rowCount()
            grid.addWidget(row.include, line, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(row.editor, line, 1)
            grid.addWidget(row.mode, line, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(row.error, line + 1, 1, 1, 2)
            self.rows[spec.name] = row
        fields = QWidget()
        fields.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.field_edited()
        self.resize(720, 640)

    def field_edited(self) -> None:
        """Check each value's variables as it is typed; OK waits for a name and no error."""
        errors = False
        for name, row in self.rows.items():
            row.editor.setEnabled(row.include.isChecked())
            row.mode.setEnabled(row.include.isChecked())
            message = ""
            if row.include.isChecked():
                value = row.value()
                try:
                    for text in value if isinstance(value, list) else [value]:
                        compile_template(text, field=name)
                except ValidationError as error:
                    message = str(error).removeprefix(f"{name}: ")  # shown at the field already
            row.show_error(message)
            errors = errors or bool(message)
        self.name_error.hide()
        self.ok_button.setEnabled(bool(self.name.text().strip()) and not errors)

    def edited(self) -> FieldTemplate:
        """The template as the form shows it (not checked)."""
        included = {name: row for name, row in self.rows.items() if row.include.isChecked()}
        values = {name: row.value() for name, row in included.items()}
        modes = {name: str(row.mode.currentData()) for name, row in included.items()}
        return replace(
            self.original,
            name=self.name.text(),
            description=self.description.text(),
            values={**{k: v for k, v in self.original.values.items() if k not in self.rows}, **values},
            modes={name: mode for name, mode in modes.items() if mode != REPLACE},
        )

    def template(self) -> FieldTemplate | None:
        return self._checked

    def show_error(self, error: ValidationError) -> None:
        """Show an error of the whole template at its field (the name's, or a field's)."""
        field = error.field or ""
        message = str(error)
        if field in self.rows:
            prefix = f"{field}: "
            self.rows[field].show_error(message.removeprefix(prefix))
            self.rows[field].editor.setFocus()
        else:
            self.name_error.setText(message.removeprefix("name: "))
            self.name_error.show()
            self.name.setFocus()

    def accept(self) -> None:
        try:
            self._checked = check_template(self.edited())
        except ValidationError as error:
            self.show_error(error)
            return
        super().accept()
