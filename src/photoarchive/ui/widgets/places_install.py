"""Putting the map and places panels into the main window, through its hook API.

``install_places_panels(window)`` docks both panels and wires them to the window's selection,
undoable edits and status bar; the window calls it once, at the end of its construction.
Whether map tiles are fetched is remembered in the window's settings (``map/online_tiles``);
it is off until the curator ticks "Map tiles": nothing goes over the network without consent.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from photoarchive.ui.widgets.map_panel import MapPanel, default_tile_cache
from photoarchive.ui.widgets.places_panel import PlacesPanel
from photoarchive.ui.widgets.places_tiles import TileLoader

ONLINE_SETTING = "map/online_tiles"


def install_places_panels(window: Any, *, online: bool | None = None) -> tuple[MapPanel, PlacesPanel]:
    """Dock the map (right) and the places panel (left) in a ``MainWindow`` and connect them.

    ``online`` overrides the remembered setting (tests pass False: they never fetch tiles).
    """
    if online is None:
        online = bool(window.settings.value(ONLINE_SETTING, False, type=bool))
    tiles = TileLoader(default_tile_cache(), online=online, parent=window)
    map_panel = MapPanel(window.catalog, edits=window.edits, tiles=tiles)
    places = PlacesPanel(window.catalog, edits=window.edits, selected_ids=window.selected_ids)
    window.map_panel, window.places_panel = map_panel, places
    window.add_panel(window.tr("Map"), map_panel, Qt.DockWidgetArea.RightDockWidgetArea)
    window.add_panel(window.tr("Places"), places, Qt.DockWidgetArea.LeftDockWidgetArea)

    window.selection_changed.connect(map_panel.show_photos)
    window.photos_changed.connect(map_panel.on_photos_changed)
    window.photos_changed.connect(lambda _ids: places.reload())
    map_panel.photos_clicked.connect(window.select_photos)
    map_panel.place_clicked.connect(places.select_place)
    map_panel.failed.connect(window.status)
    map_panel.online.toggled.connect(lambda on: window.settings.setValue(ONLINE_SETTING, on))
    places.places_changed.connect(map_panel.refresh)
    places.places_changed.connect(window.refresh_sources)
    places.photos_requested.connect(window.select_photos)
    places.failed.connect(window.status)
    map_panel.show_photos(window.selected_ids())
    return map_panel, places
