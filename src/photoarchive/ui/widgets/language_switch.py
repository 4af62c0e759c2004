"""``LanguageSwitch``: which language the editor's per-language fields are in.

Title, headline, caption, alt text and extended description hold one value per language
(``model.curated``'s ``PER_LANGUAGE_FIELDS``, which ``per_language_fields()`` names;
``catalog.translations``); the other fields are the same in every
language. Above the editor's fields, one button per language in use (the default language's
first, "EN (default)"), a "+" that asks for another ("Add a language…"), and "Side by side":
beside each per-language field, another language's value (the default language's unless
that is the one typed), read-only, for translating. With a single language, only the "+"
shows.

``language_name(tag)`` names a language in the interface's language ("Russian (ru)",
"русский (ru)", "ロシア語 (ru)"): the name is ISO 639's, as pycountry has it, translated by
pycountry's own catalogues (Qt names a language only in English or in its own words).
"""

from __future__ import annotations

import gettext
from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from photoarchive.model.curated import EDITOR_FIELDS, PER_LANGUAGE_FIELDS
from photoarchive.model.fields import TRANSLATION_CONTEXT
from photoarchive.ui.widgets.flow_layout import FlowLayout

translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it


@cache
def _english_name(code: str) -> str:
    import pycountry  # only when a language is named: starting the window need not load it

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    return str(found.name) if found is not None else ""


@cache
def _names_in(interface: str) -> gettext.NullTranslations:
    import pycountry

    return gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[interface], fallback=True)


def language_name(tag: str) -> str:
    """``tag``'s language named in the interface's language, with the tag: "Russian (ru)"."""
    english = _english_name(tag.split("-")[0].lower())
    if not english:
        return tag
    interface = QLocale().name().split("_")[0]  # the interface's: the window sets it as the default
    name = english if interface in ("en", "C") else _names_in(interface).gettext(english)
    return f"{name[:1].upper()}{name[1:]} ({tag})"


def per_language_fields() -> str:
    """The editor's per-language fields, named in the interface's language: "caption,
    headline, title, alt text, extended description"."""
    names = [
        translate(TRANSLATION_CONTEXT, spec.label).lower() for spec in EDITOR_FIELDS if spec.name in PER_LANGUAGE_FIELDS
    ]
    return translate("LanguageSwitch", ", ").join(names)  # Japanese lists with 、


def short_name(tag: str | None) -> str:
    """A language's button: its tag in capitals; None, a default not named yet."""
    return tag.upper() if tag else translate("LanguageSwitch", "Default")


class LanguageSwitch(QWidget):
    """The languages in use as buttons, one checked: ``language_chosen(tag)`` ("" for the
    default language); ``add_requested()`` from the "+"; ``beside_changed(tag)`` when side
    by side is turned on (None: off) or shows another language."""

    language_chosen = Signal(str)
    add_requested = Signal()
    beside_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._languages: list[str] = []  # "" stands for a default language not named yet
        self._default = ""
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QWidget()
        self.row = FlowLayout(row)  # wraps under a narrow panel, never widens it
        self.row.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(self.tr("Language:"))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.buttonClicked.connect(lambda button: self.language_chosen.emit(button.property("tag")))
        self.buttons: dict[str, QToolButton] = {}
        self.add_button = QToolButton()
        self.add_button.setAutoRaise(True)
        self.add_button.clicked.connect(self.add_requested)
        self.side_by_side = QToolButton()
        self.side_by_side.setText(self.tr("Side by side"))
        self.side_by_side.setCheckable(True)
        self.side_by_side.setToolTip(
            self.tr("Show another language's {fields} beside them, read-only").format(fields=per_language_fields())
        )
        self.side_by_side.toggled.connect(self._side_by_side_toggled)
        column.addWidget(row)
        beside = QWidget()
        beside_row = QHBoxLayout(beside)
        beside_row.setContentsMargins(0, 0, 0, 0)
        self.beside_label = QLabel(self.tr("Beside, read-only:"))
        self.beside_box = QComboBox()
        self._chosen_beside: str | None = None  # the language the curator chose to show beside
        self.beside_box.activated.connect(self._beside_chosen)
        beside_row.addWidget(self.beside_label)
        beside_row.addWidget(self.beside_box, 1)
        self.beside_row = beside
        beside.hide()
        column.addWidget(beside)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")
        column.addWidget(self.note)

    # -- the languages ----------------------------------------------------------------------

    def set_languages(self, languages: Sequence[str], default: str | None, current: str) -> None:
        """The buttons of ``languages`` (the default's first; "" for a default not named yet),
        ``current`` checked."""
        self._languages = list(dict.fromkeys(languages))
        self._default = default or ""
        for button in self.buttons.values():
            self.group.removeButton(button)
            button.deleteLater()
        self.buttons = {}
        while self.row.count():
            item = self.row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget not in (self.caption, self.add_button, self.side_by_side):
                widget.deleteLater()
        several = len(self._languages) > 1
        self.row.addWidget(self.caption)
        self.caption.setVisible(several)
        for tag in self._languages if several else []:
            button = QToolButton()
            button.setCheckable(True)
            button.setProperty("tag", tag)
            default_mark = tag == self._default
            button.setText(
                translate("LanguageSwitch", "{tag} (default)").format(tag=short_name(tag))
                if default_mark
                else short_name(tag)
            )
            button.setToolTip(self._tooltip(tag))
            self.group.addButton(button)
            self.buttons[tag] = button
            self.row.addWidget(button)
        self.row.addWidget(self.add_button)
        self.add_button.setText("+" if several else translate("LanguageSwitch", "+ Add a language…"))
        self.add_button.setToolTip(
            translate("LanguageSwitch", "Add a language…")
            if several
            else translate("LanguageSwitch", "Type the {fields} in another language").format(
                fields=per_language_fields()
            )
        )
        self.row.addWidget(self.side_by_side)
        self.side_by_side.setVisible(several)
        if not several and self.side_by_side.isChecked():
            self.side_by_side.setChecked(False)
        self.set_current(current)

    def _tooltip(self, tag: str) -> str:
        if not tag:
            return translate(
                "LanguageSwitch", "The language the fields were typed in (not named yet: Add a language names others)"
            )
        if tag == self._default:
            return translate(
                "LanguageSwitch", "{name}: the default language (XMP x-default, and IPTC IIM and EXIF)"
            ).format(name=language_name(tag))
        return language_name(tag)

    def languages(self) -> list[str]:
        return list(self._languages)

    def current(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("tag")) if checked is not None else self._default

    def set_current(self, tag: str) -> None:
        """Check ``tag``'s button (no signal), and say which fields follow it."""
        if tag in self.buttons:
            self.buttons[tag].setChecked(True)
        self._fill_beside()
        self._say()

    # -- side by side -----------------------------------------------------------------------

    def beside(self) -> str | None:
        """The language shown beside the fields (None when side by side is off)."""
        if not self.side_by_side.isChecked() or self.beside_box.currentIndex() < 0:
            return None
        return str(self.beside_box.currentData())

    def set_side_by_side(self, on: bool) -> None:
        self.side_by_side.setChecked(on)

    def _side_by_side_toggled(self, on: bool) -> None:
        self.beside_row.setVisible(on)
        self._fill_beside()
        self.beside_changed.emit(self.beside())

    def _beside_chosen(self, _index: int) -> None:
        self._chosen_beside = self.beside()
        self.beside_changed.emit(self._chosen_beside)

    def _fill_beside(self) -> None:
        """The languages that can be shown beside the current one: the others; the one the
        curator chose there, else the default's (what one translates from), else the first."""
        current = self.current()
        others = [tag for tag in self._languages if tag != current]
        shown = self._chosen_beside if self._chosen_beside in others else self._default
        self.beside_box.blockSignals(True)
        self.beside_box.clear()
        for tag in others:
            self.beside_box.addItem(language_name(tag) if tag else short_name(tag), tag)
        index = others.index(shown) if shown in others else 0
        self.beside_box.setCurrentIndex(index if others else -1)
        self.beside_box.blockSignals(False)
        self._say()

    def _say(self) -> None:
        current = self.current()
        several = len(self._languages) > 1
        if not several:
            self.note.hide()
            return
        name = language_name(current) if current else short_name(current)
        self.note.setText(
            translate(
                "LanguageSwitch",
                "Fields marked {tag}: {language}. The fields marked “all languages” are the same in every language.",
            ).format(tag=short_name(current), language=name)
        )
        self.note.show()
