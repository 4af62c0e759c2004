"""``MetadataEditor``: the curated fields of the selected photos, edited in place.

The fields, their groups, labels and editors are those their declaration in
``model.curated`` gives (the fields with ``in_editor``, group by group, in order).
Shows the values the selected photos share; a field whose values differ is empty with a
"(multiple values)" placeholder and is left alone unless the curator types in it, and then
the new value goes to every selected photo (keywords: the words added or removed go to each
photo, whose other keywords stay; a structure: the members typed go to each photo, whose
other members stay; a list of structures: the items all share are shown, and what is done
to them or added is done on each photo's list, whose other items stay: ``struct_editors``).
Changes go through ``PhotoEdits`` (so they are undoable and in the catalog at once): a field
is committed when the curator leaves it, presses Enter, or pauses typing; ``flush()``
commits whatever is still pending, and the window calls it before the selection changes,
before undo, and on close, so no keystroke is ever lost.

Above the fields, an ``AttentionNotice`` says why a selected photo needs attention (what is
missing; which standards of its file disagreed, with a link to keep each one's value; a
position far from the photo's place, with a link to use the place's).

Under "Location shown", the photo's position: latitude and longitude typed in one box
(``places.position_text``); a typed position is where the photo was taken (``gps_source``
"edited"); emptying the box removes the position.

Under the fields, the Info section: the photo's own facts (``PhotoInfo``: capture date and
time zone, camera, lens, exposure, size, file, import batch, SHA-256), read-only.

A value the catalog refuses is shown at its field (a red frame, the reason under it, in the
window's words: ``ui.errors.in_window_words``), and in the status bar until the next value
is saved; the field the core's ``ValidationError`` names is the one shown (latitude or
longitude: the position).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from photoarchive.catalog import Catalog
from photoarchive.catalog.attention import load_attention_values
from photoarchive.catalog.curated import keywords_in_use, load_values, persons_in_use
from photoarchive.edits import structure_values
from photoarchive.errors import PhotoArchiveError
from photoarchive.model.curated import EDITOR_FIELDS, FIELDS, FIELDS_BY_NAME
from photoarchive.model.fields import TRANSLATION_CONTEXT, FieldSpec, Group, Kind
from photoarchive.model.place import Place
from photoarchive.places import Gazetteer, photo_values
from photoarchive.places.position_text import parse_position
from photoarchive.ui.errors import ERROR_STYLE, in_window_words, sentence
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.attention import AttentionNotice
from photoarchive.ui.widgets.field_editors import PositionField, make_editor
from photoarchive.ui.widgets.languages_in_editor import EditorLanguages
from photoarchive.ui.widgets.photo_info import PhotoInfo
from photoarchive.ui.workers import Worker

translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it

COMMIT_DELAY_MS = 800
# Selections larger than this are read in a worker thread (100,000 photos take seconds).
BACKGROUND_SELECTION = 3000
# Not a column: the photo's (latitude, longitude), shown and typed in one box.
POSITION = "position"
POSITION_COLUMNS = ("latitude", "longitude", "altitude", "gps_source")
# The fields a core error may name, shown at the editor's field that holds them.
SHOWN_AT = {"latitude": POSITION, "longitude": POSITION, "altitude": POSITION, "gps_source": POSITION}
# Image regions, kept as read: listed among the fields, never committed.
REGIONS = FIELDS_BY_NAME["image_regions"]
LOCATION_CREATED = "location_created"
# Structured fields edited member by member, item by item (``struct_editors``).
STRUCTURES = frozenset(spec.name for spec in EDITOR_FIELDS if spec.kind in (Kind.STRUCT, Kind.STRUCTS))


def columns(names: Sequence[str]) -> list[str]:
    """The catalog columns the editor's fields ``names`` are read from."""
    return [c for n in names for c in (("latitude", "longitude") if n == POSITION else (n,))]


def with_positions(values: dict[int, dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Each photo's values with its ``position``: (latitude, longitude), or None."""
    for row in values.values():
        latitude, longitude = row.get("latitude"), row.get("longitude")
        row[POSITION] = None if latitude is None or longitude is None else (latitude, longitude)
    return values


def summarize(
    values: dict[int, dict[str, Any]], ids: Sequence[int], names: Sequence[str]
) -> dict[str, tuple[Any, bool]]:
    """For each field: the value shown and whether the photos differ. Keywords: those all share;
    a structure or a list of them that differs: each photo's (its editor shows what they share)."""
    rows = [values[pid] for pid in ids if pid in values]
    summary: dict[str, tuple[Any, bool]] = {}
    for name in names:
        first = rows[0][name] if rows else ""
        mixed = any(row[name] != first for row in rows[1:])
        if name == "keywords":
            shared = set(first).intersection(*(row[name] for row in rows[1:])) if mixed else set(first)
            summary[name] = ([k for k in first if k in shared], mixed)
        elif mixed and name in STRUCTURES:
            summary[name] = ([row[name] for row in rows], True)
        else:
            summary[name] = (first, mixed)
    return summary


def field_label(spec: FieldSpec) -> str:
    """A field's label in the curator's language."""
    return translate(TRANSLATION_CONTEXT, spec.label)


def _groups() -> list[tuple[str, list[FieldSpec]]]:
    """The groups of the fields the editor shows, each with its title and its fields in order."""
    groups = [(group, [spec for spec in EDITOR_FIELDS if spec.group is group]) for group in Group]
    return [(translate(TRANSLATION_CONTEXT, group.value), specs) for group, specs in groups if specs]


class MetadataEditor(QScrollArea):
    """Edits the curated fields of a selection of photos through the undo stack."""

    status_message = Signal(str)

    def __init__(self, catalog: Catalog, edits: PhotoEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.edits = edits
        self._ids: list[int] = []
        self._pending: set[str] = set()
        self._session = 0
        self._committing = False
        self._common_keywords: list[str] = []
        self._mixed: set[str] = set()
        self._words_stale = True
        self._values_told = False  # the change being announced came with its values
        self._reader: Worker | None = None
        self.fields: dict[str, Any] = {}
        self._error_forms: dict[str, QFormLayout] = {}
        self._field_labels: dict[str, QLabel] = {}
        # Every curated field's label (also those the editor does not show, for messages).
        self.labels: dict[str, str] = {spec.name: field_label(spec) for spec in FIELDS}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        edits.values_changed.connect(self._values_changed)
        edits.photos_changed.connect(self.on_photos_changed)

        body = QWidget()
        column = QVBoxLayout(body)
        self.header = QLabel()
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.attention = AttentionNotice()
        self.attention.settle_requested.connect(self._settle)
        self.attention.position_from_place_requested.connect(self.use_place_positions)
        self.field_errors: dict[str, QLabel] = {}
        self._status_error = False
        column.addWidget(self.header)
        # The language of the per-language fields, and another's beside them (translating).
        self.languages = EditorLanguages(catalog, self, self.status_message.emit)
        column.addWidget(self.languages.switch)
        column.addWidget(self.attention)
        column.addWidget(self.error)
        for title, specs in _groups():
            box = QGroupBox(title)
            self.languages.add_group(box, title, [spec.name for spec in specs])
            form = QFormLayout(box)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for spec in specs:
                label = QLabel(self.labels[spec.name])
                label.setToolTip(", ".join(spec.standard_names))  # where the field lives in the files
                self._field_labels[spec.name] = label
                self.fields[spec.name] = self._make(spec)
                # a per-language field: another language's value beside it when translating
                row = self.languages.row_of(spec, self.fields[spec.name], label)
                if spec.structured:  # a form of its own: under its label, the panel's width
                    form.addRow(label)
                    form.addRow(row)
                else:
                    form.addRow(label, row)
                self._add_error_row(form, spec.name)
            if specs and specs[0].group is REGIONS.group:  # kept as read: listed, not edited
                self.fields[REGIONS.name] = make_editor(REGIONS)
                form.addRow(QLabel(self.labels[REGIONS.name]))
                form.addRow(self.fields[REGIONS.name])
            if specs and specs[0].group is Group.LOCATION:
                self.labels[POSITION] = self.tr("Position")
                label = QLabel(self.tr("Position"))
                label.setToolTip(self.tr("Latitude and longitude, where the photo was taken (EXIF GPS)"))
                self.fields[POSITION] = self._connect(POSITION, PositionField(POSITION))
                form.addRow(label, self.fields[POSITION])
                self._add_error_row(form, POSITION)
            column.addWidget(box)
        # The photo's own facts (camera, exposure, file, import), read-only, under the fields.
        self.info_box = QGroupBox(self.tr("Info"))
        self.info = PhotoInfo(catalog)
        QVBoxLayout(self.info_box).addWidget(self.info)
        column.addWidget(self.info_box)
        column.addStretch(1)
        self.setWidget(body)
        self.setWidgetResizable(True)
        # The form follows the panel's width (the fields shrink and long rows wrap); only a
        # panel too short for it scrolls, never sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(320)
        self.fields[LOCATION_CREATED].fill_requested.connect(self.fill_location_created)
        self.set_photos([])

    def _make(self, spec: FieldSpec) -> Any:
        return self._connect(spec.name, make_editor(spec))

    def _connect(self, name: str, editor: Any) -> Any:
        editor.edited.connect(lambda n=name: self._on_edited(n))
        editor.committed.connect(lambda n=name: self._on_committed(n))
        return editor

    def _add_error_row(self, form: QFormLayout, name: str) -> None:
        """The line under a field that says why its value was refused (hidden until then)."""
        message = QLabel()
        message.setWordWrap(True)
        message.setStyleSheet(ERROR_STYLE)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("", message)
        form.setRowVisible(message, False)
        self.field_errors[name] = message
        self._error_forms[name] = form

    def show_field_error(self, name: str, text: str) -> None:
        """Say at field ``name`` why its value was refused (a red frame, the reason under it)."""
        self.fields[name].set_invalid(True)
        self.field_errors[name].setText(text)
        self._error_forms[name].setRowVisible(self.field_errors[name], True)
        self.ensureWidgetVisible(self.field_errors[name])

    def clear_field_error(self, name: str) -> None:
        if name in self.field_errors and self.field_errors[name].text():
            self.fields[name].set_invalid(False)
            self.field_errors[name].setText("")
            self._error_forms[name].setRowVisible(self.field_errors[name], False)

    def field_error(self, name: str) -> str:
        """The reason shown under a field ("" when none)."""
        return self.field_errors[name].text()

    # -- the selection ----------------------------------------------------------------------

    def photo_ids(self) -> list[int]:
        return list(self._ids)

    def set_photos(self, photo_ids: Sequence[int]) -> None:
        """Show these photos' fields (committing what was typed for the previous selection)."""
        self.flush()
        self._session += 1
        self._ids = list(photo_ids)
        self.error.hide()
        for name in self.field_errors:
            self.clear_field_error(name)
        self.reload()

    def refresh_changed_elsewhere(self, photo_ids: Sequence[int]) -> None:
        """Another process or window changed these photos: show their new values, except in
        the fields the curator is typing in (what they typed is committed as usual)."""
        self._words_stale = True
        self.languages.refresh()  # the archive's languages may have changed too (config languages)
        if not set(photo_ids) & set(self._ids):
            return
        focus = QApplication.focusWidget()
        typing = {
            name
            for name, editor in self.fields.items()
            if name in self._pending or (focus is not None and (focus is editor or editor.isAncestorOf(focus)))
        }
        self.reload(keep=typing)

    def reload(self, keep: set[str] | frozenset[str] = frozenset()) -> None:
        """Re-read the fields from the catalog (after undo, redo, a template, a paste), but for
        those in ``keep``."""
        ids = self._ids
        self.info.show_photos(ids)
        enabled = bool(ids)
        for editor in self.fields.values():
            editor.setEnabled(enabled)
        if not ids:
            self.attention.hide()
            self.header.setText(self.tr("No photo selected"))
            for editor in self.fields.values():
                editor.set_value("", False)
            return
        if len(ids) == 1:
            photo = self.catalog.photo(ids[0])
            self.header.setText(photo.original_name)
        else:
            self.header.setText(self.tr("%Ln photo(s) selected: a change applies to all of them", "", len(ids)))
        if len(ids) > BACKGROUND_SELECTION:  # read in a worker: the window stays responsive
            self.attention.hide()
            self._read_in_background(ids)
            return
        names = list(self.fields)
        keys = self.languages.keys(names)  # the per-language fields in the language shown
        values = with_positions(load_attention_values(self.catalog, ids, columns(list(keys))))
        self.attention.show_for(values, ids, {**self.labels, **self.languages.names()})
        values = self.languages.as_shown(values, keys)
        self._show(summarize(values, ids, names), keep)
        self.languages.show_beside(summarize(values, ids, self.languages.beside_names()))
        self._keep_focus_visible()

    def _read_in_background(self, ids: list[int]) -> None:
        for editor in self.fields.values():
            editor.setEnabled(False)
        self.header.setText(self.tr("Reading the fields of %Ln photo(s)…", "", len(ids)))
        archive, names = self.catalog, list(self.fields)
        keys, as_shown = self.languages.keys(names), self.languages.as_shown
        beside = self.languages.beside_names()

        def job(cancelled: Any, report: Any) -> Any:
            with archive.reopen() as catalog:
                values = as_shown(with_positions(load_values(catalog, ids, columns(list(keys)))), keys)
                return summarize(values, ids, [*names, *beside])

        worker = Worker(job)
        worker.signals.finished.connect(lambda summary, wanted=ids: self._read(wanted, summary))
        self._reader = worker.start()

    def _read(self, ids: list[int], summary: dict[str, tuple[Any, bool]]) -> None:
        if ids != self._ids:  # the selection changed while the fields were read
            return
        for editor in self.fields.values():
            editor.setEnabled(True)
        self.header.setText(self.tr("%Ln photo(s) selected: a change applies to all of them", "", len(ids)))
        self._show(summary)
        self.languages.show_beside(summary)

    def _show(self, summary: dict[str, tuple[Any, bool]], keep: set[str] | frozenset[str] = frozenset()) -> None:
        self._mixed = {name for name, (_value, mixed) in summary.items() if mixed and name not in keep} | (
            self._mixed & set(keep)
        )
        for name, editor in self.fields.items():
            if name in keep:
                continue
            value, mixed = summary[name]  # a per-language field: in the language shown
            if name == "keywords":
                self._common_keywords = list(value)
                editor.set_value(value, mixed)
                editor.setToolTip("")
                if mixed and value:  # the shared words; each photo keeps its others
                    editor.setText(", ".join(value))
                    editor.setToolTip(
                        self.tr(
                            "The keywords all selected photos share; each photo's other keywords "
                            "are kept. Words you add or remove here change every photo."
                        )
                    )
            else:
                editor.set_value(value, mixed)
        if self._words_stale:  # every keyword in use: read again only after a change
            self.fields["keywords"].set_words(keywords_in_use(self.catalog))
            self.fields["persons_shown"].set_words(persons_in_use(self.catalog))
            self._words_stale = False

    def is_mixed(self, name: str) -> bool:
        return name in self._mixed

    # -- committing -------------------------------------------------------------------------

    def _on_edited(self, name: str) -> None:
        self._pending.add(name)
        self._timer.start()

    def _on_committed(self, name: str) -> None:
        if name in self._pending:
            self._commit(name)
            if name == POSITION and not self.field_error(POSITION):  # show it as it is stored
                self.fields[POSITION].set_value(parse_position(self.fields[POSITION].value()))
        self._session += 1  # the next typing in this field is a new undo step

    def flush(self) -> None:
        """Commit every field with pending typing (call before the selection or window goes)."""
        self._timer.stop()
        for name in [n for n in self.fields if n in self._pending]:
            self._commit(name)

    def has_pending(self) -> bool:
        return bool(self._pending)

    def _commit(self, name: str) -> None:
        self._pending.discard(name)
        if not self._ids:
            return
        editor = self.fields[name]
        label = self.languages.label(name, self.labels[name])  # "Caption (ru)" in another language
        description = self.edits.describe(label, self._ids)  # "Caption of IMG_0012.JPG"
        key = self.languages.key(name)
        self._committing = True
        try:
            values = self._values_of(name, editor)
            self.edits.apply(self._ids, values, description, merge_key=f"{key}#{self._session}")
        except PhotoArchiveError as error:
            self._refused(name, error)
            return
        finally:
            self._committing = False
        self._saved(name)
        self._mixed.discard(name)
        if name in STRUCTURES:  # what it shows is now what every photo holds
            editor.saved()

    def _values_of(self, name: str, editor: Any) -> Any:
        """What committing field ``name`` sets; raises ValidationError for a value not understood."""
        if name == "keywords":
            return self._keyword_values(editor.keywords())
        if name == POSITION:
            position = parse_position(editor.value())
            if position is None:
                return dict.fromkeys(POSITION_COLUMNS)
            # Typed by the curator: where the photo was taken (an altitude of the old one no longer holds).
            return {"latitude": position[0], "longitude": position[1], "altitude": None, "gps_source": "edited"}
        if name in STRUCTURES:  # made on each photo's own structure (or list of them)
            return structure_values(self.catalog, name, editor.change())
        return {self.languages.key(name): editor.value()}  # caption[ru] in Russian: that language alone

    def _refused(self, name: str, error: PhotoArchiveError) -> None:
        """Show why a value was refused at its field (the one the error names, if the editor
        shows it) and in the status bar."""
        named = getattr(error, "field", None)
        shown = SHOWN_AT.get(named or "", named or "")
        field = shown if shown in self.fields else name
        reason = sentence(in_window_words(str(error)))
        self.show_field_error(field, reason)
        self._status_error = True
        self.status_message.emit(
            self.tr("{field} was not saved: {reason}").format(field=self.labels.get(field, field), reason=reason)
        )

    def _saved(self, name: str) -> None:
        self.clear_field_error(name)
        self.error.hide()
        if self._status_error:  # the status bar no longer tells of a refusal that is over
            self._status_error = False
            self.status_message.emit("")

    def _keyword_values(self, typed: list[str]) -> Any:
        if "keywords" not in self._mixed:
            return {"keywords": typed}
        added = [k for k in typed if k not in self._common_keywords]
        removed = {k for k in self._common_keywords if k not in typed}

        def per_photo(photo_id: int) -> dict[str, list[str]]:
            # Called inside the edit's transaction: the keywords the photo has when it is written.
            current = load_values(self.catalog, [photo_id], ["keywords"]).get(photo_id, {"keywords": []})
            kept = [k for k in current["keywords"] if k not in removed]
            return {"keywords": kept + [k for k in added if k not in kept]}

        return per_photo

    def _settle(self, name: str, value: Any) -> None:
        """Keep one standard's value of a field the file's standards disagreed on."""
        self.flush()
        label = self.labels.get(name, name)
        try:
            self.edits.apply(self._ids, {name: value}, self.tr("Settle {field}").format(field=label.lower()))
        except PhotoArchiveError as error:
            reason = sentence(in_window_words(str(error)))
            self.status_message.emit(self.tr("{field} was not saved: {reason}").format(field=label, reason=reason))
            return
        if name in self.fields:
            self._saved(name)

    def use_place_positions(self, photo_ids: Sequence[int]) -> None:
        """Give these photos their place's position instead of their own (one undoable edit)."""
        self.flush()
        gazetteer = Gazetteer.load(self.catalog)
        places = load_values(self.catalog, list(photo_ids), ["place_id"])
        ids = [pid for pid, v in places.items() if v["place_id"] is not None]
        if not ids:
            return

        def values(photo_id: int) -> dict[str, Any]:
            place = gazetteer.get(places[photo_id]["place_id"])
            return photo_values(gazetteer, place, {}, position_from_place=True)

        description = self.tr("Use the place's position for %n photo(s)", "", len(ids))
        try:
            self.edits.apply(ids, values, description)
        except PhotoArchiveError as error:
            self.status_message.emit(sentence(in_window_words(str(error))))

    def fill_location_created(self) -> None:
        """Set the location created's names from a place of the gazetteer the curator picks
        (as the location shown gets them from its place); its other members stay."""
        gazetteer = Gazetteer.load(self.catalog)
        place = self.choose_place(gazetteer)
        if place is None or not self._ids:
            return
        editor = self.fields[LOCATION_CREATED]
        editor.form.fill({k: v for k, v in gazetteer.location_fields(place).items() if editor.form.spec.member(k)})
        self._pending.add(LOCATION_CREATED)
        self._commit(LOCATION_CREATED)
        self._session += 1

    def choose_place(self, gazetteer: Gazetteer) -> Place | None:
        """A place the curator picks from the gazetteer (by its path), or None."""
        places = sorted(gazetteer, key=lambda p: gazetteer.path(p).casefold())
        if not places:
            self.status_message.emit(self.tr("The gazetteer has no places yet: add them in the Places panel."))
            return None
        paths = [gazetteer.path(p) for p in places]
        path, chosen = QInputDialog.getItem(
            self, self.tr("Fill from place"), self.tr("Location created:"), paths, 0, False
        )
        return places[paths.index(path)] if chosen and path in paths else None

    def _values_changed(self, changes: Sequence[tuple[int, str, Any]]) -> None:
        """The values of the change announced next (``on_photos_changed``): the keywords in
        use are read again only when keywords changed (reading them takes 50 ms at 100,000
        photos, too long after every rating key)."""
        self._values_told = True
        if any(field in ("keywords", "persons_shown") for _photo, field, _value in changes):
            self._words_stale = True

    def on_photos_changed(self, photo_ids: Sequence[int]) -> None:
        """Another change (undo, redo, a template) touched photos: show their new values."""
        if not self._values_told:  # a change whose values were not told (a place's): any may have changed
            self._words_stale = True
        self._values_told = False
        if self._committing or not set(photo_ids) & set(self._ids):
            return
        self.flush()
        self.reload()

    def focus_caption(self) -> None:
        box = self.fields["caption"].text_box
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._keep_focus_visible()

    def _keep_focus_visible(self) -> None:
        """Scroll the field with the keyboard focus into view, once the layout has settled
        (a notice shown above the fields moves them down)."""
        QTimer.singleShot(0, self._scroll_to_focus)

    def _scroll_to_focus(self) -> None:
        focus = QApplication.focusWidget()
        body = self.widget()
        if focus is not None and body is not None and body.isAncestorOf(focus):
            self.ensureWidgetVisible(focus, 10, 10)
