"""``EditorLanguages``: the metadata editor's languages (issue 14).

The per-language fields (``PER_LANGUAGE_FIELDS``: title, headline, caption, alt text,
extended description) show and edit one language, the one chosen in the ``LanguageSwitch``:
their values are read and written under their
``translation_key`` (``caption[ru]``; the default language's is the column itself,
``catalog.translations.key_for``), so that an edit in Russian is one undo step that restores
Russian alone (``PhotoEdits.apply`` checks that language's values before it undoes). The
other fields are the same in every language: while several languages are in use, their
groups (and the keywords) say "all languages", and the per-language fields' labels name the
language typed.

Side by side: beside each per-language field, the same field in another language (the
default language's unless that is the one typed), read-only, "(multiple values)" where the
selected photos differ.

"Add a language…" asks for a tag (``AddLanguageDialog``) and adds it to the archive's
languages when the curator asks for captions in it (``edits.set_archive_languages``: a
setting, not an edit of photos, so not an undo step; ``config languages`` sets it back);
else it is offered in the switch for this window until a value is typed in it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from photoarchive.catalog import Catalog
from photoarchive.catalog.translations import default_language, key_for, languages, languages_in_use
from photoarchive.edits import set_archive_languages
from photoarchive.errors import PhotoArchiveError
from photoarchive.model.curated import PER_LANGUAGE_FIELDS
from photoarchive.model.fields import FieldSpec, Group
from photoarchive.ui.dialogs.language_dialog import AddLanguageDialog
from photoarchive.ui.errors import in_window_words, sentence
from photoarchive.ui.widgets.field_editors import CaptionField, ChoiceField, make_editor
from photoarchive.ui.widgets.language_switch import LanguageSwitch, language_name, short_name

translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it

BESIDE = "@beside"  # a field's name with this: its value in the language shown beside it
READ_ONLY_STYLE = "background: palette(window);"


class EditorPanel(Protocol):
    """What the languages need of the metadata editor: save what was typed, read the fields
    again, the parent of the dialog."""

    def flush(self) -> None: ...

    def reload(self, keep: set[str] | frozenset[str] = frozenset()) -> None: ...

    def window(self) -> QWidget: ...


class EditorLanguages:
    """The language switch of one editor and the state it stands for."""

    def __init__(self, catalog: Catalog, editor: EditorPanel, status: Callable[[str], None]) -> None:
        """``status(text)``: a word for the status bar (a language the archive refused)."""
        self.catalog = catalog
        self.editor = editor
        self.status = status
        self.default = default_language(catalog)
        self.language = self.default or ""  # "" stands for a default language not named yet
        self.added: list[str] = []  # offered in this window without being the archive's
        self.switch = LanguageSwitch()
        self.switch.language_chosen.connect(self.choose)
        self.switch.add_requested.connect(self.add_language)
        self.switch.beside_changed.connect(lambda _tag: self._reload())
        self.beside_fields: dict[str, Any] = {}
        self._beside_boxes: dict[str, QWidget] = {}
        self._labels: dict[str, tuple[QLabel, str]] = {}
        self._group_of: dict[str, Group] = {}
        self._groups: list[tuple[QGroupBox, str, bool]] = []
        self.refresh()

    # -- building the editor's rows -----------------------------------------------------------

    def add_group(self, box: QGroupBox, title: str, names: Sequence[str]) -> None:
        self._groups.append((box, title, any(n in PER_LANGUAGE_FIELDS for n in names)))

    def row_of(self, spec: FieldSpec, editor: QWidget, label: QLabel) -> QWidget:
        """What the editor's form shows for field ``spec``: its editor, and for a per-language
        field a read-only copy beside it (hidden unless side by side)."""
        self._labels[spec.name] = (label, label.text())
        self._group_of[spec.name] = spec.group
        if spec.name not in PER_LANGUAGE_FIELDS:
            self._mark()
            return editor
        beside = make_editor(spec)
        box = beside.text_box if isinstance(beside, CaptionField) else beside
        if isinstance(box, ChoiceField):  # not a per-language field's editor: text only
            raise TypeError(f"{spec.name}: a per-language field is typed text")
        box.setReadOnly(True)
        box.setStyleSheet(READ_ONLY_STYLE)
        if isinstance(beside, CaptionField):
            beside.counter.hide()
        self.beside_fields[spec.name] = beside
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(beside, 1)
        layout.addWidget(editor, 1)
        beside.hide()
        self._beside_boxes[spec.name] = beside
        self._mark()
        return row

    # -- the languages ------------------------------------------------------------------------

    def in_switch(self) -> list[str]:
        """The switch's languages: the default's first ("" when not named yet), those in use,
        those added in this window."""
        used = languages_in_use(self.catalog)
        first = [] if self.default else [""]
        return list(dict.fromkeys([*first, *used, *self.added]))

    def refresh(self) -> None:
        """Read the archive's languages again (after a change here or elsewhere)."""
        self.default = default_language(self.catalog)
        shown = self.in_switch()
        if self.language not in shown:
            self.language = self.default or ""
        self.switch.set_languages(shown, self.default, self.language)
        self._mark()

    def choose(self, tag: str) -> None:
        """Show and edit the per-language fields in ``tag`` (what was typed is saved first)."""
        if tag == self.language:
            return
        self.editor.flush()
        self.language = tag
        self.switch.set_current(tag)
        self._mark()
        self.editor.reload()

    def add_language(self) -> None:
        dialog = AddLanguageDialog(self.default, self.in_switch(), self.editor.window())
        if not dialog.exec():
            return
        tag, default = dialog.language(), dialog.default()
        if tag is None or default is None:
            return
        self.editor.flush()
        if dialog.ask_for_captions() or self.default is None:
            wanted = languages(self.catalog) if self.default else [default]
            wanted += [tag] if dialog.ask_for_captions() else []
            try:
                set_archive_languages(self.catalog, wanted)
            except PhotoArchiveError as error:
                self.status(sentence(in_window_words(str(error))))
                return
        if tag not in self.added:
            self.added.append(tag)
        self.refresh()
        self.choose(tag)

    def _reload(self) -> None:
        self.editor.flush()
        self._mark()
        self.editor.reload()

    # -- what the editor reads and writes -----------------------------------------------------

    def key(self, name: str, language: str | None = None) -> str:
        """The editable name of field ``name`` in ``language`` (the one shown by default)."""
        if name not in PER_LANGUAGE_FIELDS:
            return name
        return key_for(name, (self.language if language is None else language) or None, self.default)

    def beside(self) -> str | None:
        return self.switch.beside()

    def beside_names(self) -> list[str]:
        return [name + BESIDE for name in self.beside_fields] if self.beside() is not None else []

    def keys(self, names: Sequence[str]) -> dict[str, str]:
        """{key read: name shown} for the editor's fields ``names`` (each per-language field in
        the language shown) and the values shown beside them."""
        keys = {self.key(name): name for name in names}
        beside = self.beside()
        if beside is not None:
            keys.update({self.key(name, beside): name + BESIDE for name in self.beside_fields})
        return keys

    @staticmethod
    def as_shown(values: dict[int, dict[str, Any]], keys: Mapping[str, str]) -> dict[int, dict[str, Any]]:
        """Each photo's values under the names the editor shows (``caption[ru]`` as
        ``caption``); the other values (the attention rules') as they are."""
        for row in values.values():
            read = {key: row[key] for key in keys if key in row}
            row.update({keys[key]: value for key, value in read.items()})
        return values

    def show_beside(self, summary: Mapping[str, tuple[Any, bool]]) -> None:
        on = self.beside() is not None
        for name, field in self.beside_fields.items():
            field.setVisible(on)
            if on and name + BESIDE in summary:
                value, mixed = summary[name + BESIDE]
                field.set_value(value, mixed)

    def names(self) -> dict[str, str]:
        """Each language in the switch named, by tag (the attention notice names them)."""
        return {tag: language_name(tag) for tag in self.switch.languages() if tag}

    def label(self, name: str, label: str) -> str:
        """A field's label as an undo step names it: "Caption (ru)" in a language not the default."""
        key = self.key(name)
        if key == name:
            return label
        return f"{label} ({self.language})"

    def _mark(self) -> None:
        """Per-language labels name the language shown; groups of shared fields, and the
        shared fields among per-language ones, say "all languages"."""
        several = len(self.switch.languages()) > 1
        beside = self.beside()
        for name, (label, text) in self._labels.items():
            if name in PER_LANGUAGE_FIELDS:
                shown = short_name(self.language)  # side by side: "Caption · EN → RU", from the one beside
                text = f"{text} · {short_name(beside)} → {shown}" if beside is not None else f"{text} · {shown}"
                label.setText(text if several else self._labels[name][1])
                if name in self._beside_boxes:
                    self._beside_boxes[name].setToolTip(self._beside_tip(beside))
            else:
                group = self._group_of[name]
                mixed_group = any(n in PER_LANGUAGE_FIELDS for n, g in self._group_of.items() if g is group)
                label.setText(
                    translate("EditorLanguages", "{label} (all languages)").format(label=text)
                    if several and mixed_group
                    else text
                )
        for box, title, has_per_language in self._groups:
            form = box.layout()
            if has_per_language and isinstance(form, QFormLayout):  # side by side: labels above, fields wide
                wrap = (
                    QFormLayout.RowWrapPolicy.WrapAllRows
                    if beside is not None
                    else QFormLayout.RowWrapPolicy.WrapLongRows
                )
                form.setRowWrapPolicy(wrap)
            box.setTitle(
                translate("EditorLanguages", "{title} (all languages)").format(title=title)
                if several and not has_per_language
                else title
            )

    def _beside_tip(self, beside: str | None) -> str:
        if beside is None:
            return ""
        name = language_name(beside) if beside else short_name(beside)
        return translate("EditorLanguages", "{language}, read-only").format(language=name)
