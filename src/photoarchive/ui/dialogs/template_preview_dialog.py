"""``TemplatePreviewDialog``: what a template would do to the selected photos, before it does.

One row per field the template sets: its label, its value on the photos now and after
("(multiple values)" where the photos differ), and how many photos it changes; above, how
many of the photos change at all. Apply applies the template (one undo step); Cancel leaves
the photos alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photoarchive.model.curated import FIELDS_BY_NAME
from photoarchive.templates import FILL, TemplatePreview
from photoarchive.ui.widgets.metadata_editor import field_label

FIELD, NOW, AFTER, CHANGED = range(4)


class TemplatePreviewDialog(QDialog):
    """A template's preview on the selected photos, with Apply and Cancel."""

    def __init__(self, preview: TemplatePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        name = preview.template.name
        self.setWindowTitle(self.tr("Apply template “{name}”").format(name=name))
        total, changed = preview.photo_count, preview.changed_photos
        self.summary = QLabel(
            self.tr("%n of the selected photos would change.", "", changed)
            + " "
            + self.tr("(%n photo(s) selected)", "", total)
        )
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(preview.fields), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Now"), self.tr("After"), self.tr("Changes")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, field in enumerate(preview.fields):
            label = field_label(FIELDS_BY_NAME[field.field])
            if preview.template.modes.get(field.field) == FILL:
                label = self.tr("{field} (if empty)").format(field=label)
            for column, text in (
                (FIELD, label),
                (NOW, self.shown(field.before)),
                (AFTER, self.shown(field.after)),
                (CHANGED, self.tr("%n photo(s)", "", field.changed)),
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOW, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AFTER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CHANGED, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()

        self.buttons = QDialogButtonBox()
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setDefault(True)
        self.apply_button.setEnabled(changed > 0)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 420)

    def shown(self, values: list[Any]) -> str:
        """One value as the editor shows it, "(multiple values)" when the photos differ."""
        if len(values) > 1:
            return self.tr("(multiple values)")
        value = values[0] if values else ""
        text = ", ".join(value) if isinstance(value, list) else str(value)
        return text or self.tr("(empty)")
