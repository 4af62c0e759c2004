"""``FilterBar``: the controls above the grid that narrow what it shows (rating at least,
colour labels, flag, has or lacks a caption, credit, place or GPS position, a capture date
range, camera, keyword, place) and Hide rejects.

Its state is a filter string (``ui.filter_state``) in the grammar the command line and smart
collections read: the bar shows that string in a read-only line a curator can copy into
``photoarchive list --filter``. A change is announced once after a short pause
(``filter_changed``), so clicking through the controls reloads the grid once.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from photoarchive.filters import LABELS, FilterSyntaxError, parse
from photoarchive.ui.culling import LABEL_COLOURS, choice_name
from photoarchive.ui.filter_state import HAS_CHOICES, FilterState
from photoarchive.ui.widgets.flow_layout import FlowLayout

FILTER_DELAY_MS = 250
ERROR_STYLE = "QLineEdit { border: 2px solid #d0302a; border-radius: 3px; }"


class FilterBar(QWidget):
    """The filter controls; ``state()`` and ``set_state()``; ``filter_changed(text)`` after a
    pause, ``edited()`` at each change of a control before it; ``save_requested()``: Save as
    Smart Collection."""

    filter_changed = Signal(str)
    edited = Signal()
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._extra = ""
        self._state, self._text = FilterState(), ""  # as last changed: _show
        self.rating = QComboBox()
        self.rating.setAccessibleName(self.tr("Rating at least"))
        self.rating.setToolTip(self.tr("Rating at least"))
        self.rating.addItem(self.tr("Any rating"), 0)
        for stars in range(1, 6):
            self.rating.addItem("★" * stars + ("+" if stars < 5 else ""), stars)
        self.labels: dict[str, QToolButton] = {}
        for label in LABELS:
            button = QToolButton()
            button.setCheckable(True)
            name = choice_name("label", label)  # as the editor and the Photo menu name it
            button.setAccessibleName(name)
            button.setToolTip(self.tr("Colour label: {label} (several: any of them)").format(label=name))
            colour = QColor(LABEL_COLOURS[label])
            faint = f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, 90)"
            # Off: the colour faint; on: the colour whole, framed in the text's colour.
            button.setStyleSheet(
                f"QToolButton {{ background: {faint}; border: 1px solid {colour.darker(130).name()};"
                " border-radius: 3px; min-width: 14px; min-height: 14px; }"
                f" QToolButton:checked {{ background: {colour.name()}; border: 2px solid palette(text); }}"
            )
            self.labels[label] = button
        self.flag = QComboBox()
        self.flag.setAccessibleName(self.tr("Flag"))
        for key, text in (
            ("", self.tr("Any flag")),
            ("pick", self.tr("Picks")),
            ("reject", self.tr("Rejects")),
            ("none", self.tr("Unflagged")),
        ):
            self.flag.addItem(text, key)
        # Has or lacks a caption, credit, place, GPS position: one button, its menu a choice of
        # three for each (four boxes would take a row of their own in a narrow window).
        self.fields = QToolButton()
        self.fields.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.fields.setAccessibleName(self.tr("Has or lacks"))
        menu = QMenu(self.fields)
        self.has: dict[str, dict[bool | None, QAction]] = {}
        names = {
            "caption": (self.tr("Caption: either"), self.tr("With caption"), self.tr("Without caption")),
            "credit": (self.tr("Credit: either"), self.tr("With credit"), self.tr("Without credit")),
            "place": (self.tr("Place: either"), self.tr("With place"), self.tr("Without place")),
            "gps": (self.tr("GPS: either"), self.tr("With GPS"), self.tr("Without GPS")),
        }
        for name in HAS_CHOICES:
            group = QActionGroup(menu)
            self.has[name] = {}
            for text, value in zip(names[name], (None, True, False), strict=True):
                action = menu.addAction(text)
                action.setCheckable(True)
                action.setChecked(value is None)
                action.setActionGroup(group)
                action.toggled.connect(self._changed)
                self.has[name][value] = action
            menu.addSeparator()
        self.fields.setMenu(menu)
        self.fields.setStyleSheet("QToolButton { padding-right: 14px; }")  # room for the menu's arrow
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        for edit, text in ((self.date_from, self.tr("From date")), (self.date_to, self.tr("To date"))):
            edit.setPlaceholderText(text)
            edit.setAccessibleName(text)
            edit.setToolTip(self.tr("Capture date: a day (2015-08-10), a month (2015-08) or a year (2015)"))
            edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("2015-08-10") + 24)
        self.texts: dict[str, QLineEdit] = {}
        self.completions: dict[str, QStringListModel] = {}
        for name, text in (
            ("camera", self.tr("Camera")),
            ("keyword", self.tr("Keyword")),
            ("place", self.tr("Place (and inside)")),
        ):
            edit = QLineEdit()
            edit.setPlaceholderText(text)
            edit.setAccessibleName(text)
            edit.setClearButtonEnabled(True)
            metrics = edit.fontMetrics()  # the hint read whole, in every language
            edit.setFixedWidth(max(metrics.averageCharWidth() * 14, metrics.horizontalAdvance(text) + 34))
            words = self.completions[name] = QStringListModel(self)
            completer = QCompleter(words, edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
            self.texts[name] = edit
        self.hide_rejects = QToolButton()
        self.hide_rejects.setText(self.tr("Hide rejects"))
        self.hide_rejects.setCheckable(True)
        self.clear = QToolButton()
        self.clear.setText(self.tr("Clear"))
        self.clear.setToolTip(self.tr("Clear the filter"))
        self.save = QToolButton()
        self.save.setText(self.tr("Save as Smart Collection…"))
        self.shown = QLineEdit()  # the filter string, to read and copy, on a line of its own
        self.shown.setReadOnly(True)
        self.shown.setFrame(False)
        self.shown.setAccessibleName(self.tr("Filter"))
        self.string_row = QWidget()
        row = QHBoxLayout(self.string_row)
        row.setContentsMargins(4, 0, 4, 0)
        row.addWidget(QLabel(self.tr("Filter:")))
        row.addWidget(self.shown, 1)
        row.addWidget(self.save)  # beside the filter it saves (shown when there is one)

        dates = QWidget()  # from and to stay together when the row wraps
        pair = QHBoxLayout(dates)
        pair.setContentsMargins(0, 0, 0, 0)
        pair.setSpacing(2)
        pair.addWidget(self.date_from)
        pair.addWidget(QLabel("–"))
        pair.addWidget(self.date_to)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 2)
        column.setSpacing(2)
        layout = FlowLayout(spacing=6)
        layout.setContentsMargins(4, 2, 4, 0)
        column.addLayout(layout)
        column.addWidget(self.string_row)
        for widget in (
            self.rating,
            *self.labels.values(),
            self.flag,
            self.hide_rejects,
            self.fields,
            dates,
            *self.texts.values(),
            self.clear,
        ):
            layout.addWidget(widget)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DELAY_MS)
        self._debounce.timeout.connect(self._announce)
        for box in (self.rating, self.flag):
            box.currentIndexChanged.connect(self._changed)
        for button in (*self.labels.values(), self.hide_rejects):
            button.toggled.connect(self._changed)
        for edit in (self.date_from, self.date_to, *self.texts.values()):
            edit.textChanged.connect(self._changed)
        self.clear.clicked.connect(
            lambda: self.set_state(FilterState(hide_rejects=self.hide_rejects.isChecked()), True)
        )
        self.save.clicked.connect(self.save_requested)
        self._show(self._read())

    # -- state ------------------------------------------------------------------------------

    def state(self) -> FilterState:
        """The controls' state as last changed (read from them once a change, ``_read``: a
        reload asks for it, and reading a dozen controls cold took 0.15-0.2 ms of its paint)."""
        return self._state

    def text(self) -> str:
        return self._text

    def _read(self) -> FilterState:
        has = FilterState()
        for name, actions in self.has.items():
            has = has.with_has(name, next(v for v, a in actions.items() if a.isChecked()))
        return replace(
            has,
            rating=int(self.rating.currentData()),
            labels=frozenset(label for label, button in self.labels.items() if button.isChecked()),
            flag=str(self.flag.currentData()),
            date_from=self.date_from.text().strip(),
            date_to=self.date_to.text().strip(),
            camera=self.texts["camera"].text(),
            keyword=self.texts["keyword"].text(),
            place=self.texts["place"].text(),
            hide_rejects=self.hide_rejects.isChecked(),
            extra=self._extra,
        )

    def set_state(self, state: FilterState, announce: bool = False) -> None:
        """Show this state (no signal unless ``announce``: the window reloads on its own)."""
        has = [action for actions in self.has.values() for action in actions.values()]
        widgets = (self.rating, self.flag, *has, *self.labels.values(), self.hide_rejects)
        edits = (self.date_from, self.date_to, *self.texts.values())
        for widget in (*widgets, *edits):
            widget.blockSignals(True)
        try:
            self._extra = state.extra
            self.rating.setCurrentIndex(max(0, self.rating.findData(state.rating)))
            self.flag.setCurrentIndex(max(0, self.flag.findData(state.flag)))
            for name, actions in self.has.items():  # each set: the group is silent while blocked
                for value, action in actions.items():
                    action.setChecked(value == state.has_value(name))
            for label, button in self.labels.items():
                button.setChecked(label in state.labels)
            self.hide_rejects.setChecked(state.hide_rejects)
            self.date_from.setText(state.date_from)
            self.date_to.setText(state.date_to)
            for name, edit in self.texts.items():
                edit.setText(getattr(state, name))
        finally:
            for widget in (*widgets, *edits):
                widget.blockSignals(False)
        self._debounce.stop()
        self._show(self._read())
        if announce:
            self._announce()

    def stop(self) -> None:
        """No more announcements (the window is closing)."""
        self._debounce.stop()
        self.blockSignals(True)

    def set_has(self, name: str, value: bool | None) -> None:
        """Has (True), lacks (False) or either (None), as the menu chooses it."""
        self.has[name][value].trigger()

    def set_completions(self, cameras: list[str], keywords: list[str], places: list[str]) -> None:
        for name, words in (("camera", cameras), ("keyword", keywords), ("place", places)):
            self.completions[name].setStringList(words)

    # -- changes ----------------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        self._show(self._read())
        self._debounce.start()
        self.edited.emit()

    def _show(self, state: FilterState) -> bool:
        """Show the string, and keep it as the bar's state; a date that does not read outlines
        its box (False then)."""
        self._state, self._text = state, state.text()
        text = self._text
        self.shown.setText(text)
        self.string_row.setVisible(bool(text))
        chosen = len(state.has)
        self.fields.setText(self.tr("Has / lacks ({count})").format(count=chosen) if chosen else self.tr("Has / lacks"))
        self.shown.setCursorPosition(0)
        self.shown.setToolTip(
            self.tr("The filter, as photoarchive list --filter reads it:\n{text}").format(text=text) if text else ""
        )
        good = True
        for edit in (self.date_from, self.date_to):
            value = edit.text().strip()
            error = ""
            if value:
                try:
                    parse(f"date:{value}")
                except FilterSyntaxError as problem:
                    error = str(problem)
            edit.setStyleSheet(ERROR_STYLE if error else "")
            edit.setToolTip(error or self.tr("Capture date: a day (2015-08-10), a month (2015-08) or a year (2015)"))
            good = good and not error
        if good and (state.date_from or state.date_to):
            try:
                parse(text)
            except FilterSyntaxError as problem:  # a range that ends before it starts
                self.date_to.setStyleSheet(ERROR_STYLE)
                self.date_to.setToolTip(str(problem))
                good = False
        return good

    def _announce(self) -> None:
        if self._show(self._state):
            self.filter_changed.emit(self._text)
