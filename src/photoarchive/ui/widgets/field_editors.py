"""Editors for single curated fields, each able to show "multiple values".

Every editor has the same small interface, so the metadata editor treats them alike:
``set_value(value, mixed)`` shows a value (or, when the selected photos differ, an empty box
with a "multiple values" placeholder) without counting as an edit; ``value()`` returns what
the box holds; ``edited`` is emitted only when the curator changes the text; ``committed``
when they leave the box (or press Enter in a one-line box); ``set_invalid(bool)`` frames it in
red while the metadata editor shows why its value was refused. ``make_editor(spec)`` makes the
editor of a field from what its declaration says the curator types in it; ``PositionField`` is
the photo's position (latitude and longitude, as ``places.position_text`` reads them).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFontMetrics, QIcon, QKeyEvent, QPixmap, QWheelEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from photoarchive.model.curated import FIELDS
from photoarchive.model.fields import TRANSLATION_CONTEXT, FieldSpec, Group, Input
from photoarchive.places.position_text import format_position
from photoarchive.ui.widgets import struct_editors
from photoarchive.ui.widgets.editor_marks import INVALID_FRAME, multiple_values_text

translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it

IIM_LIMITS = {spec.name: spec.iim[0].max_bytes for spec in FIELDS if spec.iim}


def iim_bytes(text: str) -> int:
    return len(text.encode("utf-8"))


class LineField(QLineEdit):
    """A one-line field."""

    edited = Signal()
    committed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._placeholder = ""
        self._invalid = False
        self.textEdited.connect(lambda _text: self._on_edited())
        self.editingFinished.connect(self.committed)

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.setPlaceholderText(text)

    def set_value(self, value: Any, mixed: bool = False) -> None:
        self.setText("" if mixed or value is None else str(value))
        self.setPlaceholderText(multiple_values_text() if mixed else self._placeholder)
        self.setCursorPosition(0)
        self._check_limit()

    def value(self) -> str:
        return self.text()

    def set_invalid(self, invalid: bool) -> None:
        self._invalid = invalid
        self._check_limit()

    def _on_edited(self) -> None:
        self._check_limit()
        self.edited.emit()

    def _check_limit(self) -> None:
        limit = IIM_LIMITS.get(self.name)
        if self._invalid:  # the message under the field says why; the frame says where
            self.setStyleSheet(f"QLineEdit {{ border: {INVALID_FRAME}; }}")
        elif limit and iim_bytes(self.text()) > limit:
            self.setToolTip(
                translate(
                    "FieldEditors",
                    "{bytes} bytes: longer than the {limit} bytes that IPTC IIM holds; IIM gets a shortened copy, "
                    "XMP and EXIF the whole text",
                ).format(bytes=iim_bytes(self.text()), limit=limit)
            )
            self.setStyleSheet("QLineEdit { border: 1px solid #c77c00; }")
        else:
            self.setToolTip("")
            self.setStyleSheet("")


class TextField(QPlainTextEdit):
    """A multi-line field; Tab moves on (it does not type a tab), Ctrl+Enter commits."""

    edited = Signal()
    committed = Signal()

    def __init__(self, name: str, lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._loading = False
        self._dirty = False
        self.setTabChangesFocus(True)
        line = QFontMetrics(self.font()).lineSpacing()
        self.setMinimumHeight(line * lines + 12)
        if lines < 4:  # short texts stay short; the caption's box may grow with the panel
            self.setMaximumHeight(line * (lines + 1) + 12)
        self.textChanged.connect(self._on_changed)

    def set_value(self, value: Any, mixed: bool = False) -> None:
        self._loading = True
        try:
            self.setPlainText("" if mixed or value is None else str(value))
            self.setPlaceholderText(multiple_values_text() if mixed else "")
        finally:
            self._loading = False
        self._dirty = False

    def value(self) -> str:
        return self.toPlainText()

    def set_invalid(self, invalid: bool) -> None:
        self.setStyleSheet(f"QPlainTextEdit {{ border: {INVALID_FRAME}; }}" if invalid else "")

    def _on_changed(self) -> None:
        if not self._loading:
            self._dirty = True
            self.edited.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._dirty:
            self._dirty = False
            self.committed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._dirty = False
            self.committed.emit()
            return
        super().keyPressEvent(event)


class CaptionField(QWidget):
    """The caption: a multi-line box with a live count of characters and of IIM bytes."""

    edited = Signal()
    committed = Signal()

    def __init__(self, name: str = "caption", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.limit = IIM_LIMITS[name]
        self.text_box = TextField(name, lines=5)
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        # It wraps rather than widen the editor (large fonts, a narrow panel).
        self.counter.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.text_box)
        layout.addWidget(self.counter)
        self.text_box.edited.connect(self.edited)
        self.text_box.committed.connect(self.committed)
        self.text_box.textChanged.connect(self._count)
        self._count()

    def set_value(self, value: Any, mixed: bool = False) -> None:
        self.text_box.set_value(value, mixed)
        self._count()

    def value(self) -> str:
        return self.text_box.value()

    def set_invalid(self, invalid: bool) -> None:
        self.text_box.set_invalid(invalid)

    def _count(self) -> None:
        text = self.text_box.toPlainText()
        size = iim_bytes(text)
        self.counter.setText(
            translate("FieldEditors", "{chars} characters · {bytes} / {limit} IIM bytes").format(
                chars=len(text), bytes=size, limit=self.limit
            )
        )
        over = size > self.limit
        self.counter.setStyleSheet("color: #b00020; font-weight: bold;" if over else "color: palette(mid);")
        self.counter.setToolTip(
            translate(
                "FieldEditors",
                "Longer than IPTC IIM allows: IIM gets a shortened copy, XMP and EXIF the whole caption.",
            )
            if over
            else ""
        )


class KeywordsField(LineField):
    """Keywords separated by commas, completing each one from the keywords in use."""

    separator = ","

    def __init__(self, name: str = "keywords", parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self._words = QStringListModel(self)
        completer = _ListCompleter(self._words, self)
        completer.separator = self.separator
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        completer.setWidget(self)
        completer.activated.connect(self._insert_completion)  # the text overload, PySide6's default
        self.completer_ = completer
        self.textEdited.connect(self._complete)
        self.set_placeholder(translate("FieldEditors", "keyword, keyword, …"))

    def set_words(self, words: list[str]) -> None:
        self._words.setStringList(words)

    def set_value(self, value: Any, mixed: bool = False) -> None:
        super().set_value(f"{self.separator} ".join(value or []), mixed)

    def keywords(self) -> list[str]:
        return split_keywords(self.text())

    def value(self) -> str:  # the text; the editor uses keywords() for the list
        return self.text()

    def _complete(self, text: str) -> None:
        prefix = text[: self.cursorPosition()].rsplit(self.separator, 1)[-1].strip()
        if not prefix:
            self._hide_completions()
            return
        self.completer_.setCompletionPrefix(prefix)
        if self.completer_.completionCount():
            self.completer_.complete()
        else:
            self._hide_completions()

    def _hide_completions(self) -> None:
        popup = self.completer_.popup()
        if popup is not None:  # a completer makes its popup when first asked: never None here
            popup.hide()

    def _insert_completion(self, word: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        sep = self.separator
        head = before.rsplit(sep, 1)[0] + f"{sep} " if sep in before else ""
        self.setText(f"{head}{word}{sep} {after.lstrip(f'{sep} ')}".rstrip())
        self._on_edited()


class PersonsField(KeywordsField):
    """Persons shown: names separated by ";" (a name may hold a comma: "Ivanov, Pyotr"),
    completing each one from the names used on other photos. ``value()`` is the list."""

    separator = ";"

    def __init__(self, name: str = "persons_shown", parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.set_placeholder(translate("FieldEditors", "name; name; …"))

    def value(self) -> list[str]:  # type: ignore[override]  # the list, as the field holds it
        names = [n.strip() for n in self.text().split(self.separator)]
        return list(dict.fromkeys(n for n in names if n))


class PositionField(LineField):
    """The photo's position: latitude and longitude in one box (``50.7153, 156.2547``,
    ``50°42'55"N 156°15'17"E``, ``50,7153 156,2547``); empty: no position. The editor reads
    the text with ``places.position_text.parse_position`` when it is committed."""

    def __init__(self, name: str = "position", parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.set_placeholder(translate("FieldEditors", "50.7153, 156.2547 or 50°42'55\"N 156°15'17\"E"))

    def set_value(self, value: Any, mixed: bool = False) -> None:
        """``value`` is ``(latitude, longitude)``, or None (or "") for no position."""
        super().set_value(format_position(*value) if value and not mixed else "", mixed)


STAR, EMPTY_STAR = "\u2605", "\u2606"


def stars_text(stars: int, most: int = 5) -> str:
    """A rating as Lightroom draws it: ★★★☆☆."""
    return STAR * stars + EMPTY_STAR * (most - stars)


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(colour)
    return QIcon(pixmap)


class ChoiceField(QComboBox):
    """A field that takes one of a few values: a rating (stars), a colour label, a flag.

    The first item is "none" (no rating, no label, no flag); the others are the field's
    choices as its declaration gives them. With photos that differ, no item is current and the
    box says "(multiple values)". An item chosen from the list is committed at once; stepping
    through the items with the arrow keys is typing (committed at a pause or on leaving, in one
    undo step however many items were passed)."""

    edited = Signal()
    committed = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = spec.name
        if spec.input is Input.RATING:
            low, high = spec.limits or (0, 5)
            self.addItem(translate("FieldEditors", "Not rated"), None)
            for stars in range(low, high + 1):
                self.addItem(stars_text(stars, high), stars)
        else:
            self.addItem(translate("FieldEditors", "None"), "")
            for choice in spec.choices:
                self.addItem(translate(TRANSLATION_CONTEXT, choice.label), choice.value)
                colour = QColor(choice.value)  # a colour label's value names its colour (SVG names)
                if colour.isValid():
                    self.setItemIcon(self.count() - 1, _swatch(colour))
        self._from_list = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not by the wheel: see wheelEvent
        self.activated.connect(self._on_activated)

    def showPopup(self) -> None:
        self._from_list = True
        super().showPopup()

    def _on_activated(self, _index: int) -> None:
        self.edited.emit()
        if self._from_list:
            self._from_list = False
            self.committed.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        # The wheel scrolls the editor's panel over a box it passes; it changes the value (of
        # every selected photo) only in the box the curator is in.
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if not self.view().isVisible():  # the list taking the focus is not leaving the field
            self.committed.emit()

    def set_value(self, value: Any, mixed: bool = False) -> None:
        self.setPlaceholderText(multiple_values_text())
        index = 0 if value in ("", None) else self.findData(value)
        self.setCurrentIndex(-1 if mixed else max(0, index))

    def value(self) -> Any:
        return self.currentData() if self.currentIndex() >= 0 else self.itemData(0)

    def set_invalid(self, invalid: bool) -> None:
        self.setStyleSheet(f"QComboBox {{ border: {INVALID_FRAME}; }}" if invalid else "")


class VocabularyField(ChoiceField):
    """A URI of a controlled vocabulary (digital source type, release statuses): each term by
    its label, the URI as its value and in its tooltip. A URI the vocabulary does not list (a
    newer term, another scheme's) is kept: shown as it is, as an item of its own, and stored
    back unchanged unless the curator picks another."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        for index, choice in enumerate(spec.choices, start=1):
            self.setItemData(index, choice.value, Qt.ItemDataRole.ToolTipRole)
        self._known = self.count()
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)  # long labels do not widen the editor's panel

    def set_value(self, value: Any, mixed: bool = False) -> None:
        while self.count() > self._known:  # the previous photo's unknown URI
            self.removeItem(self.count() - 1)
        if value and not mixed and self.findData(value) < 0:
            self.addItem(translate("FieldEditors", "{uri} (not in the vocabulary)").format(uri=value), value)
            self.setItemData(self.count() - 1, value, Qt.ItemDataRole.ToolTipRole)
        super().set_value(value, mixed)
        self.setToolTip(str(self.currentData() or ""))


def make_editor(spec: FieldSpec) -> Any:
    """The editor of one field, as its declaration's ``input`` says."""
    if spec.input is Input.STRUCT:
        fill = translate("FieldEditors", "Fill from place…") if spec.group is Group.LOCATION_CREATED else ""
        return struct_editors.StructField(spec, fill)
    if spec.input is Input.STRUCTS:
        return struct_editors.StructsField(spec)
    if spec.input is Input.TREE:
        return struct_editors.RegionsList(spec.name)
    if spec.input is Input.VOCABULARY:
        return VocabularyField(spec)
    if spec.input in (Input.RATING, Input.CHOICE):
        return ChoiceField(spec)
    if spec.input is Input.LONG_TEXT:
        return CaptionField(spec.name)
    if spec.input is Input.TEXT:
        return TextField(spec.name, lines=2)
    if spec.input is Input.KEYWORDS:
        return KeywordsField(spec.name)
    if spec.input is Input.PERSONS:
        return PersonsField(spec.name)
    editor = LineField(spec.name)
    if spec.input is Input.DATE:
        editor.set_placeholder(translate("FieldEditors", "1945-08-18, or 2015-08-10T09:00:00+11:00"))
    elif spec.input is Input.DATE_RANGE:
        editor.set_placeholder(translate("FieldEditors", "1945-08-18, or 1945-08-18/1945-08-23"))
    elif spec.input is Input.COUNTRY_CODE:
        editor.set_placeholder(translate("FieldEditors", "RUS, JPN, …"))
    elif spec.input is Input.URL:
        editor.set_placeholder(translate("FieldEditors", "https://…"))
    return editor


class _ListCompleter(QCompleter):
    """A completer for one item of a list separated by ``separator``."""

    separator = ","

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(self.separator, 1)[-1].strip()]

    def pathFromIndex(self, index: Any) -> str:
        return str(index.data())


def split_keywords(text: str) -> list[str]:
    return list(dict.fromkeys(k.strip() for k in text.replace(";", ",").split(",") if k.strip()))
