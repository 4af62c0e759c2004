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
line, pressing Enter, removing a structure; ``set_invalid``. With photos that differ (whole
structures compared), the form is empty and says "(multiple values)"; what is then typed
replaces the field of every selected photo.
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
from photoarchive.model.structured import region_summary
from photoarchive.ui.widgets.editor_marks import INVALID_FRAME, multiple_values_text

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
    """One structure: a line per member of ``spec.members``."""

    edited = Signal()
    committed = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.lines: dict[str, QLineEdit] = {}
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
            line.textEdited.connect(lambda _text: self.edited.emit())
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

    def set_value(self, value: dict[str, Any] | None, mixed: bool = False) -> None:
        value = {} if mixed or not isinstance(value, dict) else value
        for member in self.spec.members:
            line = self.lines[member.name]
            line.setText(_member_text(value.get(member.name)))
            line.setCursorPosition(0)
            if not member.is_list:
                line.setPlaceholderText(multiple_values_text() if mixed else "")
        self.more.setChecked(False)
        self._show_rows()

    def value(self) -> dict[str, Any]:
        values = {m.name: _member_value(m, self.lines[m.name].text()) for m in self.spec.members}
        return {name: v for name, v in values.items() if v}

    def _show_rows(self) -> None:
        """The first members, those holding a value, or all of them with "More"."""
        everything = self.more.isChecked()
        hidden = 0
        for index, member in enumerate(self.spec.members):
            line = self.lines[member.name]
            shown = everything or index < FIRST_MEMBERS or bool(line.text()) or line.hasFocus()
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
        self.form.set_value(value, mixed)

    def value(self) -> dict[str, Any]:
        return self.form.value()

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
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        self.mixed_label = QLabel(multiple_values_text())
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
        items = [] if mixed or not isinstance(value, list) else [v for v in value if isinstance(v, dict)]
        while len(self.forms) > len(items):
            self._drop(self.forms[-1])
        while len(self.forms) < len(items):
            self._append()
        for form, item in zip(self.forms, items, strict=True):
            form.set_value(item)
        self.mixed_label.setVisible(mixed)

    def value(self) -> list[dict[str, Any]]:
        return [v for v in (form.value() for form in self.forms) if v]

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
        had_value = bool(form.value())
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
        lines = [region_summary(region) for region in self._value if isinstance(region, dict)]
        if mixed:
            self.setText(multiple_values_text())
        else:
            self.setText("\n".join(lines) if lines else translate("StructEditors", "None"))
        self.setStyleSheet("" if lines else "color: palette(placeholder-text);")

    def value(self) -> list[Any]:
        return list(self._value)

    def set_invalid(self, invalid: bool) -> None:
        pass  # never committed, never refused
