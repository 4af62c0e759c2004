"""Dialogs of the places panel: place suggestions to accept or reject, and GPX geotagging.

Both only propose until the curator accepts; what they apply goes through ``edits.apply`` as
one undoable edit. The GeoNames cities (a few seconds to load the first time) are loaded in a
``QThreadPool`` worker, never on the GUI thread.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photoarchive.catalog import Catalog
from photoarchive.errors import PhotoArchiveError
from photoarchive.places import Gazetteer, photo_values_now
from photoarchive.places.gpx import (
    AFTER,
    BEFORE,
    GAP,
    MATCHED,
    NO_TIME,
    NO_ZONE,
    Proposal,
    describe,
    load_track,
    match_photos,
    proposal_values,
)
from photoarchive.places.suggest import (
    CityIndex,
    Suggestion,
    default_cities,
    describe_acceptance,
    suggest_places,
    suggested_places,
)
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.workers import Worker

# Why a photo was not matched, marked for lupdate here and translated where shown.
UNMATCHED = {
    BEFORE: QT_TRANSLATE_NOOP("GeotagDialog", "before track"),
    AFTER: QT_TRANSLATE_NOOP("GeotagDialog", "after track"),
    GAP: QT_TRANSLATE_NOOP("GeotagDialog", "gap"),
    NO_TIME: QT_TRANSLATE_NOOP("GeotagDialog", "no time"),
    NO_ZONE: QT_TRANSLATE_NOOP("GeotagDialog", "no zone"),
}
COMMON_ZONES = ("", "Asia/Kamchatka", "Asia/Magadan", "Asia/Sakhalin", "Asia/Vladivostok", "Asia/Tokyo", "UTC")


def _table(parent: QWidget, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class SuggestionsDialog(QDialog):
    """Suggested places for photos with GPS: accept or reject them one by one or all at once."""

    photos_changed = Signal(list)
    loaded = Signal()

    def __init__(
        self,
        catalog: Catalog,
        edits: PhotoEdits,
        photo_ids: Sequence[int] | None = None,
        *,
        cities: CityIndex | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggested places"))
        self.catalog, self.edits, self.photo_ids = catalog, edits, list(photo_ids) if photo_ids else None
        self.suggestions: list[Suggestion] = []
        self.status = QLabel(self.tr("Looking for places near the photos…"), self)
        self.table = _table(self, [self.tr("Photo"), self.tr("Suggested place"), self.tr("Distance"), self.tr("From")])
        self.accept_checked = QPushButton(self.tr("Accept selected"), self)
        self.accept_all = QPushButton(self.tr("Accept all"), self)
        self.reject_checked = QPushButton(self.tr("Reject selected"), self)
        close = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        for button in (self.reject_checked, self.accept_checked, self.accept_all):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.accept_checked.clicked.connect(lambda: self.accept_rows(self.selected_rows()))
        self.accept_all.clicked.connect(lambda: self.accept_rows(list(range(len(self.suggestions)))))
        self.reject_checked.clicked.connect(lambda: self.reject_rows(self.selected_rows()))
        close.clicked.connect(self.close)
        self.resize(640, 400)
        if cities is not None:
            self._show(cities)
        else:
            worker = Worker(lambda _cancelled, _report: default_cities())
            worker.signals.finished.connect(self._show)
            worker.signals.failed.connect(self.status.setText)
            self._worker = worker
            QThreadPool.globalInstance().start(worker)

    def _show(self, cities: CityIndex) -> None:
        self.suggestions = suggest_places(
            self.catalog, self.photo_ids, cities=cities, include_placed=bool(self.photo_ids)
        )
        self._fill()
        self.loaded.emit()

    def _fill(self) -> None:
        names = {p.id: p.original_name for p in self.catalog.photos([s.photo_id for s in self.suggestions])}
        self.table.setRowCount(len(self.suggestions))
        for row, s in enumerate(self.suggestions):
            where = s.name if s.source == "gazetteer" else f"{s.name}, {s.country}"
            source = self.tr("gazetteer") if s.source == "gazetteer" else self.tr("GeoNames (new place)")
            for column, text in enumerate((names[s.photo_id], where, f"{s.distance / 1000:.1f} km", source)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.status.setText(
            self.tr("%n suggestion(s)", "", len(self.suggestions))
            if self.suggestions
            else self.tr("No suggestions: no photo with GPS is near a known place.")
        )
        for button in (self.accept_checked, self.accept_all, self.reject_checked):
            button.setEnabled(bool(self.suggestions))

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectedIndexes()})

    def accept_rows(self, rows: Sequence[int]) -> None:
        chosen = [self.suggestions[r] for r in rows]
        if not chosen:
            return
        try:
            mapping = suggested_places(self.catalog, chosen)
            gazetteer = Gazetteer.load(self.catalog)

            def values(photo_id: int) -> dict[str, Any]:  # positions as they are when the edit is written
                place_id = mapping[photo_id]
                place = None if place_id is None else gazetteer.get(place_id)
                return photo_values_now(self.catalog, gazetteer, place, photo_id)

            edit = self.edits.apply(list(mapping), values, describe_acceptance(len(mapping)))
        except PhotoArchiveError as error:
            self.status.setText(str(error))
            return
        self.reject_rows(rows)
        self.photos_changed.emit(edit.photo_ids)

    def reject_rows(self, rows: Sequence[int]) -> None:
        gone = set(rows)
        self.suggestions = [s for i, s in enumerate(self.suggestions) if i not in gone]
        self._fill()


class GeotagDialog(QDialog):
    """Match photos to a GPX track: choose the file, clock offset and zone, see, then apply."""

    photos_changed = Signal(list)

    def __init__(
        self, catalog: Catalog, edits: PhotoEdits, photo_ids: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Geotag from a GPX track"))
        self.catalog, self.edits, self.photo_ids = catalog, edits, list(photo_ids)
        self.proposals: list[Proposal] = []
        self.file = QLineEdit(self)
        browse = QPushButton(self.tr("Browse…"), self)
        self.offset = QDoubleSpinBox(self)
        self.offset.setRange(-7 * 86400, 7 * 86400)
        self.offset.setDecimals(0)
        self.offset.setSuffix(self.tr(" s"))
        self.offset.setToolTip(self.tr("Seconds to add to the camera's clock (+120 if it was 2 minutes slow)"))
        self.zone = QComboBox(self)
        self.zone.setEditable(True)
        self.zone.addItems(list(COMMON_ZONES) + sorted(zoneinfo.available_timezones() - set(COMMON_ZONES)))
        self.zone.setToolTip(self.tr("Time zone of the camera clock, for capture times recorded without one"))
        self.status = QLabel(self.tr("Choose a GPX file."), self)
        self.status.setWordWrap(True)
        self.table = _table(self, [self.tr("Photo"), self.tr("Time (UTC)"), self.tr("Position")])
        match = QPushButton(self.tr("Match"), self)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setEnabled(False)
        close = QPushButton(self.tr("Close"), self)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("GPX file"), row)
        form.addRow(self.tr("Camera clock offset"), self.offset)
        form.addRow(self.tr("Camera time zone"), self.zone)
        buttons = QHBoxLayout()
        buttons.addWidget(match)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        browse.clicked.connect(self._browse)
        match.clicked.connect(self.match)
        self.apply_button.clicked.connect(self.apply)
        close.clicked.connect(self.close)
        self.resize(640, 480)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("GPX track"), "", self.tr("GPX tracks (*.gpx)"))
        if path:
            self.file.setText(path)
            self.match()

    def match(self) -> None:
        """Propose positions (nothing is written)."""
        try:
            track = load_track(Path(self.file.text().strip()))
            self.proposals = match_photos(
                track,
                self.catalog.photos(self.photo_ids),
                offset=self.offset.value(),
                zone=self.zone.currentText() or None,
            )
        except PhotoArchiveError as error:
            self.status.setText(str(error))
            self.proposals = []
        else:
            matched = sum(p.status == MATCHED for p in self.proposals)
            self.status.setText(
                self.tr(
                    "{matched} of %n photo(s) matched; the others are reported, not guessed.", "", len(self.proposals)
                ).format(matched=matched)
            )
        names = {p.id: p.original_name for p in self.catalog.photos([p.photo_id for p in self.proposals])}
        self.table.setRowCount(len(self.proposals))
        for row, p in enumerate(self.proposals):
            where = (
                f"{p.latitude:.6f}, {p.longitude:.6f}"
                if p.status == MATCHED
                else QCoreApplication.translate("GeotagDialog", str(UNMATCHED.get(p.status, p.status)))
            )
            when = f"{p.time:%Y-%m-%d %H:%M:%S}" if p.time else (p.captured_at or "")
            for column, text in enumerate((names[p.photo_id], when, where)):
                item = QTableWidgetItem(text)
                if p.status != MATCHED:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self.apply_button.setEnabled(any(p.status == MATCHED for p in self.proposals))

    def apply(self) -> None:
        values = proposal_values(self.proposals)
        if not values:
            return
        try:
            edit = self.edits.apply(list(values), values.__getitem__, describe(len(values)))
        except PhotoArchiveError as error:
            self.status.setText(str(error))
            return
        self.apply_button.setEnabled(False)
        self.status.setText(self.tr("Positions written for %n photo(s).", "", len(edit.photo_ids)))
        self.photos_changed.emit(edit.photo_ids)
