"""The map and places panels, docked in a window through its hook API and wired to it.

``PanelHost`` states the part of the main window's hook API (described in
``ui/main_window.py``) that the panels use; the window is passed in as one, so this module
never imports the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, SignalInstance
from PySide6.QtWidgets import QDockWidget, QWidget

from photoarchive.catalog import Catalog
from photoarchive.ui.tiles import TileLoader
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.map_panel import ONLINE_TILES, MapPanel, default_tile_cache
from photoarchive.ui.widgets.places_panel import PlacesPanel


class PanelHost(Protocol):
    """What a window offers the panels docked in it."""

    catalog: Catalog
    edits: PhotoEdits
    settings: QSettings

    @property
    def selection_changed(self) -> SignalInstance: ...

    @property
    def photos_changed(self) -> SignalInstance: ...

    def add_panel(self, title: str, widget: QWidget, area: Qt.DockWidgetArea = ...) -> QDockWidget: ...

    def selected_ids(self) -> list[int]: ...

    def select_photos(self, photo_ids: Sequence[int]) -> None: ...

    def status(self, text: str) -> None: ...

    def refresh_sources(self) -> None: ...

    def tr(self, text: str) -> str: ...


def install_map_and_places(host: PanelHost, owner: QObject) -> tuple[MapPanel, PlacesPanel]:
    """Dock the map (right) and the places panel (left) and wire them to the selection and
    the status bar; ``owner`` (the window) owns the map's tile loader. Map tiles are fetched only once the curator ticks "Map tiles"
    (remembered as ``map/online_tiles``): nothing goes over the network without consent."""
    online = bool(host.settings.value(ONLINE_TILES, False, type=bool))
    tiles = TileLoader(default_tile_cache(), online=online, parent=owner)
    map_panel = MapPanel(host.catalog, edits=host.edits, tiles=tiles)
    places = PlacesPanel(host.catalog, edits=host.edits, selected_ids=host.selected_ids)
    host.add_panel(QCoreApplication.translate("MainWindow", "Map"), map_panel, Qt.DockWidgetArea.RightDockWidgetArea)
    host.add_panel(QCoreApplication.translate("MainWindow", "Places"), places, Qt.DockWidgetArea.LeftDockWidgetArea)
    host.selection_changed.connect(map_panel.show_photos)
    host.photos_changed.connect(map_panel.on_photos_changed)
    host.photos_changed.connect(lambda _ids: places.reload())
    map_panel.photos_clicked.connect(host.select_photos)
    map_panel.place_clicked.connect(places.select_place)
    map_panel.failed.connect(host.status)
    map_panel.online.toggled.connect(lambda on: host.settings.setValue(ONLINE_TILES, on))
    places.places_changed.connect(map_panel.refresh)
    places.places_changed.connect(host.refresh_sources)
    places.photos_requested.connect(host.select_photos)
    places.failed.connect(host.status)
    map_panel.show_photos(host.selected_ids())
    return map_panel, places
