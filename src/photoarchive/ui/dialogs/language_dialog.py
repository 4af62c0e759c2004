"""``AddLanguageDialog``: the editor's "Add a language…": a language tag, checked as it is
typed (``model.languages.normalize_language``: BCP 47, an ISO 639 language), named in the
interface's language ("Russian (ru)"), and whether to add it to the archive's languages
(Needs attention then lists the photos without a caption in it). An archive that has no
languages yet is also asked which language its fields were typed in: that becomes the
default language (XMP's x-default)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from photoarchive.errors import ValidationError
from photoarchive.model.languages import normalize_language
from photoarchive.ui.errors import ERROR_STYLE
from photoarchive.ui.widgets.language_switch import language_name, per_language_fields


class AddLanguageDialog(QDialog):
    """Asks for a language tag; ``language()``, ``default()`` (the fields' language, for an
    archive without one, else its default) and ``ask_for_captions()`` once accepted."""

    def __init__(self, default: str | None, in_use: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a Language"))
        self._default = default
        self._in_use = [tag for tag in in_use if tag]
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        intro = QLabel(
            self.tr(
                "These fields can be typed in several languages: {fields}; the other fields are the same in "
                "every language."
            ).format(fields=per_language_fields())
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.tag = QLineEdit()
        self.tag.setPlaceholderText(self.tr("ru, ja, en, zh-Hant, pt-BR…"))
        self.tag_note = QLabel()
        self.tag_note.setWordWrap(True)
        form.addRow(self.tr("&Language tag:"), self.tag)
        form.addRow("", self.tag_note)
        self.default_tag: QLineEdit | None = None
        self.default_note = QLabel()
        self.default_note.setWordWrap(True)
        if default is None:
            self.default_tag = QLineEdit(_interface_language())
            form.addRow(self.tr("&Fields so far in:"), self.default_tag)
            form.addRow("", self.default_note)
            self.default_tag.textChanged.connect(self._check)
        self.ask = QCheckBox(self.tr("&Ask for a caption in this language"))
        self.ask.setChecked(True)
        form.addRow(self.ask)
        why = QLabel(self.tr("Needs attention then lists the photos without one."))
        why.setWordWrap(True)  # a check box's text does not wrap: the reason is a label under it
        form.addRow(why)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.tag.textChanged.connect(self._check)
        self.setMinimumWidth(420)
        self._check()

    def _checked(self, text: str) -> tuple[str | None, str]:
        """(the normalised tag or None, what to say under the box)."""
        if not text.strip():
            return None, ""
        try:
            tag = normalize_language(text)
        except ValidationError:
            return None, self.tr(
                "“{text}” is not a language tag: two or three letters of ISO 639, then perhaps a script "
                "or a region (en, ru, ja, zh-Hant, pt-BR)."
            ).format(text=text.strip())
        return tag, language_name(tag)

    def _check(self) -> None:
        tag, note = self._checked(self.tag.text())
        default = self.default()
        if tag is not None and (tag in self._in_use or tag == default):
            note, tag = self.tr("{name} is already one of the archive's languages.").format(name=note), None
        self.tag_note.setText(note)
        self.tag_note.setStyleSheet("" if tag is not None or not note else ERROR_STYLE)
        valid_default = True
        if self.default_tag is not None:
            found, default_note = self._checked(self.default_tag.text())
            valid_default = found is not None
            self.default_note.setText(
                default_note
                if found is not None
                else default_note or self.tr("The language the fields were typed in (x-default).")
            )
            self.default_note.setStyleSheet("" if found is not None or not self.default_tag.text() else ERROR_STYLE)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(tag is not None and valid_default)

    def language(self) -> str | None:
        """The language to add (normalised), or None while the tag does not check."""
        tag, _note = self._checked(self.tag.text())
        return tag

    def default(self) -> str | None:
        """The archive's default language (the one typed in for an archive without one)."""
        if self.default_tag is None:
            return self._default
        tag, _note = self._checked(self.default_tag.text())
        return tag

    def ask_for_captions(self) -> bool:
        return self.ask.isChecked()


def _interface_language() -> str:
    code = QLocale().name().split("_")[0]
    return "en" if code in ("C", "") else code
