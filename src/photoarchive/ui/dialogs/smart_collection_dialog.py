"""``SmartCollectionDialog``: the name, filter and sort order of a smart collection, made from
the filter bar or edited later. The filter is checked as it is typed: a token that does not
read outlines the box in red and the message under it names the token and its position; OK
waits until it reads.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from photoarchive.filters import FilterSyntaxError, parse

ERROR_STYLE = "QLineEdit { border: 2px solid #d0302a; border-radius: 3px; }"


class SmartCollectionDialog(QDialog):
    """``result_values()``: (name, filter, sort order) once accepted."""

    def __init__(
        self,
        filter_text: str,
        *,
        name: str = "",
        sort: str = "captured",
        editing: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit Smart Collection") if editing else self.tr("New Smart Collection"))
        self.name = QLineEdit(name)
        self.name.setReadOnly(editing)  # renamed with Rename Collection, as any collection
        self.filter = QLineEdit(filter_text)
        self.filter.setMinimumWidth(self.filter.fontMetrics().averageCharWidth() * 60)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d0302a;")
        self.sort = QComboBox()
        for key, label in (
            ("captured", self.tr("Capture date")),
            ("imported", self.tr("Import order")),
            ("name", self.tr("File name")),
        ):
            self.sort.addItem(label, key)
        self.sort.setCurrentIndex(max(0, self.sort.findData(sort)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Filter:"), self.filter)
        form.addRow("", self.error)
        form.addRow(self.tr("Sort by:"), self.sort)
        form.addRow(self.buttons)
        self.name.textChanged.connect(self._check)
        self.filter.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        message = ""
        if not self.filter.text().strip():
            message = self.tr("A smart collection needs a filter: its photos are those matching it.")
        else:
            try:
                parse(self.filter.text())
            except FilterSyntaxError as error:
                message = str(error)
        self.filter.setStyleSheet(ERROR_STYLE if message and self.filter.text().strip() else "")
        self.error.setText(message)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not message and bool(self.name.text().strip()))

    def result_values(self) -> tuple[str, str, str]:
        return self.name.text(), self.filter.text().strip(), str(self.sort.currentData())
