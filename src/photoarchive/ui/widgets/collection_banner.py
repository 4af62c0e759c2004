"""``CollectionBanner``: above the grid while a collection is shown, what it will publish:
its title, the start of its introduction, its caption template, and how to reorder it."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from photoarchive.model import Collection

INTRODUCTION_CHARS = 220


class CollectionBanner(QLabel):
    """Hidden unless a collection is shown; a click on "edit" asks for its properties."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setMargin(8)
        self.setStyleSheet("QLabel { background: palette(alternate-base); border-bottom: 1px solid palette(mid); }")
        self.linkActivated.connect(lambda _link: self.edit_requested.emit())
        self.hide()

    def show_collection(self, collection: Collection | None, reorderable: bool = False) -> None:
        if collection is None:
            self.hide()
            return
        intro = " ".join(collection.introduction.split())
        if len(intro) > INTRODUCTION_CHARS:
            intro = intro[: INTRODUCTION_CHARS - 1].rsplit(" ", 1)[0] + "…"
        parts = [f"<b>{html.escape(collection.title or collection.name)}</b>"]
        if intro:
            parts.append(f"<br>{html.escape(intro)}")
        details = [self.tr("%n photo(s)", "", collection.photo_count)]
        if collection.caption_template:
            details.append(self.tr("captions: {template}").format(template=html.escape(collection.caption_template)))
        if reorderable:
            details.append(self.tr("drag photos, or Ctrl+[ and Ctrl+], to change the order of publication"))
        else:
            details.append(self.tr("sort by Collection order to change the order"))
        parts.append(f"<br><small>{' · '.join(details)} · <a href='edit'>{self.tr('Edit texts…')}</a></small>")
        self.setText("".join(parts))
        self.show()
