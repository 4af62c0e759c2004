"""Editors of the structured curated fields (issue 16), with the field editors' interface.

``StructField`` is one structure (location created, creator's contact info): a small form of
its declared members (``FieldSpec.members``), one line each; a member that is a list (an
artwork's creators, a contributor's roles) is typed separated by commas; a lang-alt member is
its x-default text. The first members and those holding a value are shown; "More" shows all.
``StructsField`` is a list of them (artworks, licensors, copyright owners, contributors): one
framed form per structure, "Add" and "Remove". ``RegionsList`` lists the image regions (kept
as read: not edited here).

Like every field editor: ``set_value(value, mixed)``, ``value()`` (a dict without empty members,
or a list of such dicts without empty ones), ``edited`` while typing, ``committed`` on leaving a
line, pressing Enter, removing a structure; ``set_invalid``. What committing sets is
``change()``, made on each photo's own value (``edits.structure_values``), never the whole
value typed over each photo's; ``saved()`` after it is applied (the next typing is compared
with it). With photos that differ, ``set_value`` gets each photo's value (``mixed``):

- one structure: the members all share are shown; a member that differs is empty and says
  "(multiple values)". A member typed (or emptied) is set on every photo; the others keep
  each photo's own value, as a field left "(multiple values)" does.
- a list of structures: the items all photos share are shown, and a line says how many
  photos have other items. Editing a shared item changes it (member by member) in each
  photo's list, removing it removes it from each, an item added is appended to each (not
  twice to a photo that holds it already); the other items are never touched. This is how
  Lightroom and Photo Mechanic treat keywords on a mixed selection, and how ours do.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from photoarchive.model.fields import TRANSLATION_CONTEXT, FieldSpec, Member
from photoarchive.model.structured import ItemsChange, common_items, common_members, merge_members
from photoarchive.ui.widgets.editor_marks import INVALID_FRAME, multiple_values_text
from photoarchive.ui.widgets.regions import region_line

translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it

# How many members a form shows before "More" (besides those holding a value).
FIRST_MEMBERS = 5
# The narrowest a member's line gets, in characters.
MEMBER_CHARS = 22


def _member_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def _member_value(member: Member, text: str) -> Any:
    if member.is_list:
        return [item.strip() for item in text.split(",") if item.strip()]
    return text.strip()


class StructForm(QWidget):
    """One structure: a line per member of ``spec.members``; ``changes()``: the members the
    curator changed since it was shown (or saved), a member that differs among the photos
    only once typed in."""

    edited = Signal()
    committed = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.lines: dict[str, QLineEdit] = {}
        self._shown: dict[str, str] = {}  # each line's text as shown or last saved
        self._differing: set[str] = set()  # members whose value differs among the photos
        self._touched: set[str] = set()  # members typed in since
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for member in spec.members:
            line = QLineEdit()
            # Wide enough to read a value: the editor's form then puts the whole structure
            # under its label rather than squeeze it beside it.
            line.setMinimumWidth(line.fontMetrics().averageCharWidth() * MEMBER_CHARS)
            line.setObjectName(member.name)
            line.setToolTip(member.xmp)  # where the member lives in the files
            if member.is_list:
                line.setPlaceholderText(translate("StructEditors", "one, another, …"))
            line.textEdited.connect(lambda _text, name=member.name: self._typed(name))
            line.returnPressed.connect(self.committed)
            line.editingFinished.connect(self.committed)
            self.lines[member.name] = line
            self._form.addRow(translate(TRANSLATION_CONTEXT, member.label), line)
        self.more = QToolButton()
        self.more.setText(translate("StructEditors", "More"))
        self.more.setCheckable(True)
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.more.toggled.connect(lambda _on: self._show_rows())
        self._form.addRow("", self.more)
        self._show_rows()

    def set_value(self, value: dict[str, Any] | None, differing: frozenset[str] | set[str] = frozenset()) -> None:
        """Show ``value``'s members; those in ``differing`` empty, saying "(multiple values)"."""
        value = value if isinstance(value, dict) else {}
        self._differing = set(differing)
        self._touched.clear()
        for member in self.spec.members:
            line = self.lines[member.name]
            line.setText("" if member.name in differing else _member_text(value.get(member.name)))
            line.setCursorPosition(0)
            if member.name in differing:
                line.setPlaceholderText(multiple_values_text())
            else:
                line.setPlaceholderText(translate("StructEditors", "one, another, …") if member.is_list else "")
            self._shown[member.name] = line.text()
        self.more.setChecked(False)
        self._show_rows()

    def value(self) -> dict[str, Any]:
        values = {m.name: _member_value(m, self.lines[m.name].text()) for m in self.spec.members}
        return {name: v for name, v in values.items() if v}

    def changes(self) -> dict[str, Any]:
        """The members to set on each photo's structure (an empty one: removed from it)."""
        return {
            m.name: _member_value(m, self.lines[m.name].text())
            for m in self.spec.members
            if self.lines[m.name].text() != self._shown[m.name] or m.name in self._differing & self._touched
        }

    def fill(self, members: dict[str, Any]) -> None:
        """Put these members in their lines, as if typed (``changes`` sets them on each photo)."""
        for name, value in members.items():
            if name in self.lines:
                self.lines[name].setText(_member_text(value))
                self._touched.add(name)
        self._show_rows()

    def saved(self) -> None:
        """The changes were set on every photo: they now hold what the lines show."""
        self._differing -= self._touched
        self._touched.clear()
        self._shown = {name: line.text() for name, line in self.lines.items()}

    def _typed(self, name: str) -> None:
        self._touched.add(name)
        self.edited.emit()

    def _show_rows(self) -> None:
        """The first members, those holding a value, or all of them with "More"."""
        everything = self.more.isChecked()
        hidden = 0
        for index, member in enumerate(self.spec.members):
            line = self.lines[member.name]
            shown = (
                everything
                or index < FIRST_MEMBERS
                or bool(line.text())
                or line.hasFocus()
                or member.name in self._differing
            )
            self._form.setRowVisible(line, shown)
            hidden += not shown
        self._form.setRowVisible(self.more, everything or hidden > 0)
        self.more.setText(
            translate("StructEditors", "Fewer") if everything else translate("StructEditors", "More (%n)", "", hidden)
        )


class StructField(QWidget):
    """A structured field holding one structure; ``fill_requested`` asks for its values from
    elsewhere (the location created from a place of the gazetteer) when ``fill_text`` is given."""

    edited = Signal()
    committed = Signal()
    fill_requested = Signal()

    def __init__(self, spec: FieldSpec, fill_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = spec.name
        self.form = StructForm(spec)
        self.form.edited.connect(self.edited)
        self.form.committed.connect(self.committed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.fill_button: QPushButton | None = None
        if fill_text:
            self.fill_button = QPushButton(fill_text)
            self.fill_button.clicked.connect(self.fill_requested)
            layout.addWidget(self.fill_button, 0, Qt.AlignmentFlag.AlignLeft)

    def set_value(self, value: Any, mixed: bool = False) -> None:
        """One structure; with ``mixed``, each selected photo's (a list): the members they share."""
        if mixed and isinstance(value, list):
            self.form.set_value(*common_members([v if isinstance(v, dict) else {} for v in value]))
        else:
            self.form.set_value(value)

    def value(self) -> dict[str, Any]:
        return self.form.value()

    def change(self) -> dict[str, Any]:
        """The members to set on each photo's structure (``edits.structure_values``)."""
        return self.form.changes()

    def saved(self) -> None:
        self.form.saved()

    def set_invalid(self, invalid: bool) -> None:
        self.setStyleSheet(f"QLineEdit {{ border: {INVALID_FRAME}; }}" if invalid else "")


class StructsField(QWidget):
    """A structured field holding a list of structures, one framed form each."""

    edited = Signal()
    committed = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = spec.name
        self.spec = spec
        self.forms: list[StructForm] = []
        # The item each form showed (as saved last), shared by every photo; None: added.
        self._shared: dict[StructForm, dict[str, Any] | None] = {}
        self._removed: list[dict[str, Any]] = []  # shared items removed, not saved yet
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        self.mixed_label = QLabel(multiple_values_text())
        self.mixed_label.setWordWrap(True)
        self.mixed_label.setStyleSheet("color: palette(placeholder-text);")
        self.add_button = QPushButton(translate("StructEditors", "Add"))
        self.add_button.setToolTip(translate("StructEditors", "Add one more to this field"))
        self.add_button.clicked.connect(self.add_form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mixed_label)
        layout.addLayout(self._rows)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.mixed_label.hide()

    def set_value(self, value: Any, mixed: bool = False) -> None:
        """A list of structures; with ``mixed``, each selected photo's list: the items all share,
        and how many photos have others."""
        lists = [v if isinstance(v, list) else [] for v in value] if mixed and isinstance(value, list) else [value]
        lists = [[item for item in items if isinstance(item, dict)] for items in lists if isinstance(items, list)]
        items = common_items(lists)
        others = sum(len(each) > len(items) for each in lists)
        while len(self.forms) > len(items):
            self._drop(self.forms[-1])
        while len(self.forms) < len(items):
            self._append()
        for form, item in zip(self.forms, items, strict=True):
            form.set_value(item)
            self._shared[form] = item
        self._removed.clear()
        self.mixed_label.setText(
            translate(
                "StructEditors",
                "Other items on %n photo(s) are kept as they are; the items shown are those all share.",
                "",
                others,
            )
        )
        self.mixed_label.setVisible(mixed and others > 0)

    def value(self) -> list[dict[str, Any]]:
        return [v for v in (form.value() for form in self.forms) if v]

    def change(self) -> ItemsChange:
        """What to do to each photo's list (``edits.structure_values``): the shared items edited
        and removed, the items added."""
        edited = tuple(
            (shared, changes)
            for form in self.forms
            if (shared := self._shared.get(form)) is not None and (changes := form.changes())
        )
        added = tuple(v for form in self.forms if self._shared.get(form) is None and (v := form.value()))
        return ItemsChange(edited=edited, removed=tuple(self._removed), added=added)

    def saved(self) -> None:
        """The change was made on every photo: each form now shows an item they all hold."""
        for form in self.forms:
            shared = self._shared.get(form)
            self._shared[form] = (form.value() if shared is None else merge_members(shared, form.changes())) or None
            form.saved()
        self._removed.clear()

    def set_invalid(self, invalid: bool) -> None:
        self.setStyleSheet(f"QLineEdit {{ border: {INVALID_FRAME}; }}" if invalid else "")

    def add_form(self) -> StructForm:
        """An empty structure at the end, its first line focused (an edit once typed in)."""
        form = self._append()
        first = form.lines[self.spec.members[0].name]
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        return form

    def remove_form(self, form: StructForm) -> None:
        """Remove one structure: committed at once (one undo step)."""
        shared = self._shared.get(form)
        had_value = shared is not None or bool(form.value())
        if shared is not None:
            self._removed.append(shared)
        self._drop(form)
        if had_value:
            self.edited.emit()
            self.committed.emit()

    def _append(self) -> StructForm:
        form = StructForm(self.spec)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(frame)
        row.setContentsMargins(4, 4, 4, 4)
        row.addWidget(form, 1)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(translate("StructEditors", "Remove this one"))
        remove.setAccessibleName(translate("StructEditors", "Remove"))
        remove.clicked.connect(lambda _checked=False, f=form: self.remove_form(f))
        row.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        form.edited.connect(self.edited)
        form.committed.connect(self.committed)
        self._rows.addWidget(frame)
        self.forms.append(form)
        return form

    def _drop(self, form: StructForm) -> None:
        self.forms.remove(form)
        self._shared.pop(form, None)
        frame = form.parentWidget()  # the frame _append put it in
        assert frame is not None
        self._rows.removeWidget(frame)
        frame.hide()
        frame.deleteLater()


class RegionsList(QLabel):
    """The image regions, one line each (id, name, shape and boundary, roles): read-only, as
    they are kept as read (other tools draw and name them); the loupe draws them."""

    edited = Signal()  # never emitted: the interface of the other editors
    committed = Signal()

    def __init__(self, name: str = "image_regions", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._value: list[Any] = []
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_value(self, value: Any, mixed: bool = False) -> None:
        self._value = [] if mixed or not isinstance(value, list) else value
        lines = [region_line(region) for region in self._value if isinstance(region, dict)]
        if mixed:
            self.setText(multiple_values_text())
        else:
            self.setText("\n".join(lines) if lines else translate("StructEditors", "None"))
        self.setStyleSheet("" if lines else "color: palette(placeholder-text);")

    def value(self) -> list[Any]:
        return list(self._value)

    def set_invalid(self, invalid: bool) -> None:
        pass  # never committed, never refused
