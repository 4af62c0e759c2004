"""``MetadataEditor``: the curated fields of the selected photos, edited in place.

The fields, their groups, labels and editors are those their declaration in
``model.curated`` gives (the fields with ``in_editor``, group by group, in order).
Shows the values the selected photos share; a field whose values differ is empty with a
"(multiple values)" placeholder and is left alone unless the curator types in it, and then
the new value goes to every selected photo (keywords: the words added or removed go to each
photo, whose other keywords stay). Changes go through ``PhotoEdits`` (so they are undoable
and in the catalog at once): a field is committed when the curator leaves it, presses
Enter, or pauses typing; ``flush()`` commits whatever is still pending, and the window calls
it before the selection changes, before undo, and on close, so no keystroke is ever lost.

Above the fields, an ``AttentionNotice`` says why a selected photo needs attention (what is
missing; which standards of its file disagreed, with a link to keep each one's value).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFormLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import keywords_in_use, load_values
from photoarchive.errors import PhotoArchiveError
from photoarchive.model.curated import EDITOR_FIELDS, FIELDS
from photoarchive.model.fields import TRANSLATION_CONTEXT, FieldSpec, Group
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.attention import ATTENTION_FIELDS, AttentionNotice
from photoarchive.ui.widgets.field_editors import make_editor
from photoarchive.ui.workers import Worker

translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it

COMMIT_DELAY_MS = 800
# Selections larger than this are read in a worker thread (100,000 photos take seconds).
BACKGROUND_SELECTION = 3000


def summarize(
    values: dict[int, dict[str, Any]], ids: Sequence[int], names: Sequence[str]
) -> dict[str, tuple[Any, bool]]:
    """For each field: the value shown and whether the photos differ. Keywords: those all share."""
    rows = [values[pid] for pid in ids if pid in values]
    summary: dict[str, tuple[Any, bool]] = {}
    for name in names:
        first = rows[0][name] if rows else ""
        mixed = any(row[name] != first for row in rows[1:])
        if name == "keywords":
            shared = set(first).intersection(*(row[name] for row in rows[1:])) if mixed else set(first)
            summary[name] = ([k for k in first if k in shared], mixed)
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
        self._reader: Worker | None = None
        self.fields: dict[str, Any] = {}
        # Every curated field's label (also those the editor does not show, for messages).
        self.labels: dict[str, str] = {spec.name: field_label(spec) for spec in FIELDS}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.flush)
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
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.attention = AttentionNotice()
        self.attention.settle_requested.connect(self._settle)
        column.addWidget(self.header)
        column.addWidget(self.attention)
        column.addWidget(self.error)
        for title, specs in _groups():
            box = QGroupBox(title)
            form = QFormLayout(box)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for spec in specs:
                label = QLabel(self.labels[spec.name])
                label.setToolTip(", ".join(spec.standard_names))  # where the field lives in the files
                self.fields[spec.name] = self._make(spec)
                form.addRow(label, self.fields[spec.name])
            column.addWidget(box)
        column.addStretch(1)
        self.setWidget(body)
        self.setWidgetResizable(True)
        # The form follows the panel's width (the fields shrink and long rows wrap); only a
        # panel too short for it scrolls, never sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(320)
        self.set_photos([])

    def _make(self, spec: FieldSpec) -> Any:
        name = spec.name
        editor = make_editor(spec)
        editor.edited.connect(lambda n=name: self._on_edited(n))
        editor.committed.connect(lambda n=name: self._on_committed(n))
        return editor

    # -- the selection ----------------------------------------------------------------------

    def photo_ids(self) -> list[int]:
        return list(self._ids)

    def set_photos(self, photo_ids: Sequence[int]) -> None:
        """Show these photos' fields (committing what was typed for the previous selection)."""
        self.flush()
        self._session += 1
        self._ids = list(photo_ids)
        self.error.hide()
        self.reload()

    def refresh_changed_elsewhere(self, photo_ids: Sequence[int]) -> None:
        """Another process or window changed these photos: show their new values, except in
        the fields the curator is typing in (what they typed is committed as usual)."""
        self._words_stale = True
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
        values = load_values(self.catalog, ids, list(dict.fromkeys([*names, *ATTENTION_FIELDS])))
        self.attention.show_for(values, ids, self.labels)
        self._show(summarize(values, ids, names), keep)

    def _read_in_background(self, ids: list[int]) -> None:
        for editor in self.fields.values():
            editor.setEnabled(False)
        self.header.setText(self.tr("Reading the fields of %Ln photo(s)…", "", len(ids)))
        root, names = self.catalog.paths.root, list(self.fields)

        def job(cancelled: Any, report: Any) -> Any:
            with Catalog(root) as catalog:
                return summarize(load_values(catalog, ids, names), ids, names)

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

    def _show(self, summary: dict[str, tuple[Any, bool]], keep: set[str] | frozenset[str] = frozenset()) -> None:
        self._mixed = {name for name, (_value, mixed) in summary.items() if mixed and name not in keep} | (
            self._mixed & set(keep)
        )
        for name, editor in self.fields.items():
            if name in keep:
                continue
            value, mixed = summary[name]
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
        label = self.labels[name]
        values = self._keyword_values(editor.keywords()) if name == "keywords" else {name: editor.value()}
        description = self.edits.describe(label, self._ids)  # "Caption of IMG_0012.JPG"
        self._committing = True
        try:
            self.edits.apply(self._ids, values, description, merge_key=f"{name}#{self._session}")
        except PhotoArchiveError as error:
            self.error.setText(self.tr("{field} was not saved: {reason}").format(field=label, reason=str(error)))
            self.error.show()
            self.status_message.emit(self.error.text())
            return
        finally:
            self._committing = False
        self.error.hide()
        self._mixed.discard(name)

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
            self.status_message.emit(self.tr("{field} was not saved: {reason}").format(field=label, reason=str(error)))

    def on_photos_changed(self, photo_ids: Sequence[int]) -> None:
        """Another change (undo, redo, a template) touched photos: show their new values."""
        self._words_stale = True
        if self._committing or not set(photo_ids) & set(self._ids):
            return
        self.flush()
        self.reload()

    def focus_caption(self) -> None:
        self.fields["caption"].text_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
