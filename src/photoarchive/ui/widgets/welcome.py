"""``WelcomePanel``: what an empty archive shows instead of an empty grid."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePanel(QWidget):
    """Three ways to start: import photos, open another archive, or build the sample archive."""

    import_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal()

    def __init__(self, archive_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to Photo Archive"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "The archive “{name}” is empty. Import the photos of a day in the field, open an "
                "archive you already have, or try everything on a small sample archive first. "
                "You can also drop files and folders onto this window."
            ).format(name=archive_name)
        )
        text.setWordWrap(True)
        text.setFixedWidth(min(560, max(360, text.fontMetrics().averageCharWidth() * 70)))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, text):
            # Centred by stretches, not by an alignment flag: a layout gives an aligned label
            # only its one-line height, and the wrapped text would be cut.
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addSpacing(16)
        self.buttons: dict[str, QPushButton] = {}
        for key, label, signal in (
            ("import", self.tr("Import photos…"), self.import_requested),
            ("open", self.tr("Open archive…"), self.open_requested),
            ("sample", self.tr("Create sample archive…"), self.sample_requested),
        ):
            button = QPushButton(label)
            button.setMinimumWidth(260)
            button.clicked.connect(signal)
            self.buttons[key] = button
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.buttons["import"].setDefault(True)
        layout.addStretch(2)
