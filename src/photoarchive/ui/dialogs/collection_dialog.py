"""``CollectionDialog``: a collection's name and its texts for publication (title,
introduction, source, caption template); for a new one, whether the photos selected go in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from photoarchive.model import Collection


class CollectionDialog(QDialog):
    """Edit a collection's fields; ``values()`` gives what the curator typed. A new collection
    made with ``selected`` photos offers to add them (checked); ``add_selected()`` says."""

    def __init__(
        self, collection: Collection | None = None, parent: QWidget | None = None, *, selected: int = 0
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Collection properties") if collection else self.tr("New collection"))
        self.name = QLineEdit(collection.name if collection else "")
        self.title = QLineEdit(collection.title if collection else "")
        self.introduction = QPlainTextEdit(collection.introduction if collection else "")
        self.introduction.setTabChangesFocus(True)
        self.introduction.setPlaceholderText(self.tr("A few paragraphs (Markdown) that open the publication"))
        self.source = QLineEdit(collection.source if collection else "")
        self.caption_template = QLineEdit(collection.caption_template if collection else "")
        self.caption_template.setPlaceholderText("{caption} [Credit photo: {creator} - {source}]")
        hint = QLabel(
            self.tr(
                "The caption template composes each published caption from the photo's fields; "
                "a part in [brackets] is left out when its fields are empty."
            )
        )
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Introduction:"), self.introduction)
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("Caption template:"), self.caption_template)
        form.addRow(hint)
        self.add_selection = QCheckBox(self.tr("Add the %n selected photo(s)", "", selected))
        self.add_selection.setChecked(bool(selected))
        self.add_selection.setVisible(collection is None and selected > 0)
        form.addRow(self.add_selection)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        # A collection needs a name: OK waits for one.
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        ok.setEnabled(bool(self.name.text().strip()))
        self.ok_button = ok
        self.resize(560, 460)

    def add_selected(self) -> bool:
        return self.add_selection.isVisibleTo(self) and self.add_selection.isChecked()

    def values(self) -> dict[str, str]:
        return {
            "title": self.title.text(),
            "introduction": self.introduction.toPlainText(),
            "source": self.source.text(),
            "caption_template": self.caption_template.text(),
        }
