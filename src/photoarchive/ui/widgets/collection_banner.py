"""``CollectionBanner``: above the grid while a collection is shown, what it will publish:
its title, the start of its introduction (Markdown, rendered as the publication renders it,
raw HTML left as text), its caption template, and how to reorder it."""

from __future__ import annotations

import html

from markdown_it import MarkdownIt
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QWidget

from photoarchive.model import Collection

INTRODUCTION_CHARS = 220
EDIT_LINK = "photoarchive:edit"  # not a URL a Markdown link in the introduction would give

# As the exports render introductions (export/html.py): CommonMark, raw HTML escaped.
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def introduction_html(text: str, limit: int = INTRODUCTION_CHARS) -> str:
    """The start of an introduction (at most ``limit`` characters of its Markdown, cut at a
    word) as Qt rich text: emphasis, links and code rendered, paragraphs run together."""
    intro = " ".join(text.split())
    if len(intro) > limit:
        intro = intro[: limit - 1].rsplit(" ", 1)[0] + "…"
    if not intro:
        return ""
    rendered = _MARKDOWN.render(intro).strip()
    # One paragraph in a banner line: the <p> margins of Qt's rich text would open gaps.
    return rendered.replace("<p>", "").replace("</p>", " ").strip()


class CollectionBanner(QLabel):
    """Hidden unless a collection is shown; a click on "edit" asks for its properties."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setMargin(8)
        self.setStyleSheet("QLabel { background: palette(alternate-base); border-bottom: 1px solid palette(mid); }")
        self.linkActivated.connect(self._link_activated)
        self.hide()

    def show_collection(self, collection: Collection | None, reorderable: bool = False) -> None:
        if collection is None:
            self.hide()
            return
        intro = introduction_html(collection.introduction)
        parts = [f"<b>{html.escape(collection.title or collection.name)}</b>"]
        if intro:
            parts.append(f"<br>{intro}")
        details = [self.tr("%n photo(s)", "", collection.photo_count)]
        if collection.caption_template:
            details.append(self.tr("captions: {template}").format(template=html.escape(collection.caption_template)))
        if reorderable:
            details.append(self.tr("drag photos, or Ctrl+[ and Ctrl+], to change the order of publication"))
        else:
            details.append(self.tr("sort by Collection order to change the order"))
        edit = self.tr("Edit texts…")  # outside the f-string, where lupdate finds it
        parts.append(f"<br><small>{' · '.join(details)} · <a href='{EDIT_LINK}'>{edit}</a></small>")
        self.setText("".join(parts))
        self.show()

    def _link_activated(self, link: str) -> None:
        if link == EDIT_LINK:
            self.edit_requested.emit()
        else:  # a link written in the introduction
            QDesktopServices.openUrl(QUrl(link))
