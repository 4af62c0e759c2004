"""The map panel: the selected photos and the gazetteer's places on an OpenStreetMap map.

Why a QPainter slippy map (``map_canvas``) rather than Qt Location or a web view with
Leaflet: both of those need PySide6-Addons (QtLocation is QML-only from Python; QtWebEngine
brings a Chromium of a few hundred megabytes that needs a GPU or software GL and a sandbox,
and is fragile under ``QT_QPA_PLATFORM=offscreen``), while a tile map is a few hundred lines
over QtGui and QtNetwork, which PySide6-Essentials has. It runs and is tested offscreen,
offline, and its markers, clicks and drops are plain widget events qtbot can drive.

The panel takes its dependencies in the constructor: the catalog, ``edits`` (the window's
``PhotoEdits``, whose ``apply(ids, values, description)`` records an undoable edit), and a
``TileLoader`` (by default the user's tile cache, offline). Dropping photos on the map sets
their GPS (``gps_source='edited'``); clicking a marker emits ``photos_clicked`` with its
photos (for a place marker: the photos of that place).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from photoarchive.catalog import Catalog
from photoarchive.catalog import places as place_store
from photoarchive.edits import Edit
from photoarchive.errors import PhotoArchiveError
from photoarchive.ui.tiles import TileLoader
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.map_canvas import MapCanvas, Marker

ONLINE_TILES = "map/online_tiles"  # the setting: whether the curator allowed fetching tiles


def default_tile_cache() -> Path:
    return Path(platformdirs.user_cache_dir("photoarchive")) / "tiles" / "osm"


MAX_PHOTO_MARKERS = 2000  # a selection of the whole archive shows its first photos, not a frozen window


class MapPanel(QWidget):
    """Markers for the shown photos and the gazetteer's places; drop photos to set their GPS."""

    photos_clicked = Signal(list)  # photo ids of a clicked marker: the window selects them
    place_clicked = Signal(int)
    photos_changed = Signal(list)  # after a drop changed their GPS
    failed = Signal(str)  # a message for the curator (an edit was refused)

    def __init__(
        self,
        catalog: Catalog,
        *,
        edits: PhotoEdits,
        tiles: TileLoader | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.edits = edits
        self.tiles = tiles or TileLoader(default_tile_cache(), online=False, parent=self)
        self.photo_ids: list[int] = []
        self.canvas = MapCanvas(self.tiles, self)

        self.show_places = QCheckBox(self.tr("Places"), self)
        self.show_places.setChecked(True)
        self.show_places.setToolTip(self.tr("Show the gazetteer's places"))
        self.online = QCheckBox(self.tr("Map tiles"), self)
        self.online.setChecked(self.tiles.online)
        self.online.setToolTip(self.tr("Load map tiles from OpenStreetMap (cached on this computer)"))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for text, tip, slot in (
            ("−", self.tr("Zoom out (-)"), lambda: self.canvas.zoom_by(-1)),
            ("+", self.tr("Zoom in (+)"), lambda: self.canvas.zoom_by(1)),
            (self.tr("Fit"), self.tr("Show all markers"), self.fit),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addWidget(self.show_places)
        buttons.addWidget(self.online)
        buttons.addStretch(1)
        self.summary = QLabel(self)
        buttons.addWidget(self.summary)

        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel { background: #fff3bf; color: #5c3c00; padding: 3px 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addWidget(self.canvas, 1)

        self.canvas.marker_clicked.connect(self._marker_clicked)
        self.canvas.photos_dropped.connect(self.set_gps)
        self.show_places.toggled.connect(lambda _on: self.refresh())
        self.online.toggled.connect(self._set_online)
        self.tiles.unavailable.connect(lambda _reason: self._update_notice())
        self.tiles.tile_ready.connect(self._update_notice)
        self.refresh()
        self._update_notice()

    # -- what is shown ----------------------------------------------------------------------

    def show_photos(self, photo_ids: Sequence[int], *, fit: bool = True) -> None:
        """Show these photos (the selection) as markers, and fit the view to them."""
        self.photo_ids = list(photo_ids)
        self.refresh()
        if fit:
            self.fit()

    def on_photos_changed(self, photo_ids: Sequence[int]) -> None:
        """Photos changed elsewhere (an edit, undo, redo): redraw if any of them is shown."""
        if set(photo_ids) & set(self.photo_ids):
            self.refresh()

    def refresh(self) -> None:
        """Re-read positions from the catalog: photos (grouped by position) and places."""
        markers: list[Marker] = []
        located = 0
        by_position: dict[tuple[float, float], Marker] = {}
        shown_ids = self.photo_ids[:MAX_PHOTO_MARKERS]
        for photo in self.catalog.photos(shown_ids) if shown_ids else []:
            if photo.latitude is None or photo.longitude is None:
                continue
            located += 1
            key = (photo.latitude, photo.longitude)
            if key not in by_position:
                by_position[key] = Marker(photo.latitude, photo.longitude, photo.original_name)
                markers.append(by_position[key])
            by_position[key].photo_ids.append(photo.id)
        if self.show_places.isChecked():
            for place in place_store.all_places(self.catalog):
                if place.latitude is not None and place.longitude is not None:
                    markers.append(Marker(place.latitude, place.longitude, place.name, place_id=place.id))
        # Places first, so that photos are drawn on top of them.
        markers.sort(key=lambda m: not m.is_place)
        self.canvas.set_markers(markers)
        missing = len(shown_ids) - located
        text = self.tr("%Ln photo(s) on the map", "", located) if self.photo_ids else ""
        if missing:
            text += self.tr(", {n} without GPS").format(n=missing)
        if len(self.photo_ids) > len(shown_ids):
            text += self.tr(" (the first {n} of the selection)").format(n=len(shown_ids))
        self.summary.setText(text)

    def fit(self) -> None:
        photos = [m for m in self.canvas.markers if not m.is_place]
        self.canvas.fit(photos or self.canvas.markers)

    def markers(self) -> list[Marker]:
        return list(self.canvas.markers)

    # -- actions ----------------------------------------------------------------------------

    def set_gps(self, photo_ids: Sequence[int], latitude: float, longitude: float) -> Edit | None:
        """Set the GPS of photos to a position (as one undoable edit), as a drop on the map does."""
        ids = list(dict.fromkeys(photo_ids))
        values = {
            "latitude": round(latitude, 6),
            "longitude": round(longitude, 6),
            "altitude": None,
            "gps_source": "edited",
        }
        count = len(ids)
        try:
            edit = self.edits.apply(ids, values, self.tr("Set GPS of %n photo(s) on the map", "", count))
        except PhotoArchiveError as error:
            self.failed.emit(str(error))
            return None
        self.photo_ids += [i for i in ids if i not in self.photo_ids]
        self.refresh()
        self.photos_changed.emit(ids)
        return edit

    def _marker_clicked(self, marker: Marker) -> None:
        if marker.place_id is not None:
            self.place_clicked.emit(marker.place_id)
            self.photos_clicked.emit(place_store.photo_ids_at(self.catalog, [marker.place_id]))
        else:
            self.photos_clicked.emit(list(marker.photo_ids))

    def _set_online(self, on: bool) -> None:
        self.tiles.online = on
        self.tiles.failure = "" if on else "map tiles are turned off"
        self._update_notice()
        self.canvas.update()

    def _update_notice(self) -> None:
        if self.tiles.available:
            self.notice.hide()
            return
        if self.tiles.online:
            text = self.tr("Map tiles are unavailable (no network?): markers are shown on the built-in world map.")
        else:
            text = self.tr(
                "Map tiles are off: markers are shown on tiles cached earlier, or on the built-in world map."
            )
        self.notice.setText(text)
        self.notice.show()

    def sizeHint(self) -> QSize:
        return self.canvas.sizeHint()
