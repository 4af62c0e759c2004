"""``PasteFieldsDialog``: choose which copied fields to paste onto the selected photos."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class PasteFieldsDialog(QDialog):
    """A check box per copied field (with its value); ``chosen()`` lists the ticked fields."""

    def __init__(
        self,
        copied: Mapping[str, Any],
        labels: Mapping[str, str],
        count: int,
        checked: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste metadata"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Paste these fields onto %n photo(s):", "", count)))
        self.boxes: dict[str, QCheckBox] = {}
        for name, value in copied.items():
            shown = ", ".join(value) if isinstance(value, list) else str(value)
            shown = shown if len(shown) <= 60 else shown[:57] + "…"
            box = QCheckBox(f"{labels.get(name, name)}: {shown or self.tr('(empty)')}")
            box.setChecked(name in checked if checked else bool(value) and name != "caption")
            self.boxes[name] = box
            layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [name for name, box in self.boxes.items() if box.isChecked()]
