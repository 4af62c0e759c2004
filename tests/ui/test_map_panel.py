"""The map panel offline: markers, clicks, drop-to-set-GPS, cached tiles, the no-tiles notice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtGui import QColor, QDropEvent, QImage

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_values
from photoarchive.edits import history, revert_edit
from photoarchive.places import assign_place
from photoarchive.ui.tiles import TileLoader, to_position, to_world
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.map_canvas import PHOTO_IDS_MIME
from photoarchive.ui.widgets.map_panel import MapPanel
from tests.places.conftest import HEIGHT_171, LANDING_BEACH, add_photo, build_shumshu


@pytest.fixture
def panel(qtbot, catalog: Catalog, edits: PhotoEdits, tmp_path: Path) -> MapPanel:
    widget = MapPanel(catalog, edits=edits, tiles=TileLoader(tmp_path / "tiles", online=False))
    qtbot.addWidget(widget)
    widget.resize(640, 480)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def test_markers_for_photos_and_places(panel: MapPanel, catalog: Catalog) -> None:
    shumshu = build_shumshu(catalog)
    ids = [add_photo(catalog, n, gps=HEIGHT_171) for n in range(3)]
    beach = add_photo(catalog, 3, gps=LANDING_BEACH)
    no_gps = add_photo(catalog, 4)
    panel.show_photos([*ids, beach, no_gps])
    photos = [m for m in panel.markers() if not m.is_place]
    places = {m.place_id for m in panel.markers() if m.is_place}
    assert sorted(len(m.photo_ids) for m in photos) == [1, 3]  # three at Height 171 share a marker
    assert places == {shumshu.island.id, shumshu.height.id, shumshu.cape.id, shumshu.beach.id}
    assert panel.summary.text() == "4 photos on the map, 1 without GPS"
    # Offline: a notice, the markers on a plain background, and no network object at all.
    assert panel.notice.isVisible() and "built-in world map" in panel.notice.text()
    assert panel.tiles._network is None
    panel.show_places.setChecked(False)
    assert all(not m.is_place for m in panel.markers())


def test_clicking_a_marker_selects_its_photos(qtbot, panel: MapPanel, catalog: Catalog) -> None:
    shumshu = build_shumshu(catalog)
    ids = [add_photo(catalog, n, gps=HEIGHT_171) for n in range(2)]
    beach = add_photo(catalog, 2, gps=LANDING_BEACH)
    at_cape = add_photo(catalog, 3)
    assign_place(catalog, [at_cape], shumshu.cape)
    panel.show_photos([*ids, beach])
    canvas = panel.canvas
    with qtbot.waitSignal(panel.photos_clicked) as clicked:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.to_screen(*HEIGHT_171).toPoint())
    assert sorted(clicked.args[0]) == ids
    cape = next(m for m in panel.markers() if m.place_id == shumshu.cape.id)
    with qtbot.waitSignal(panel.photos_clicked) as clicked:
        qtbot.mouseClick(
            canvas, Qt.MouseButton.LeftButton, pos=canvas.to_screen(cape.latitude, cape.longitude).toPoint()
        )
    assert clicked.args[0] == [at_cape]


def test_dropping_photos_sets_their_gps(qtbot, panel: MapPanel, catalog: Catalog) -> None:
    build_shumshu(catalog)
    ids = [add_photo(catalog, n) for n in range(2)]
    panel.show_photos([])
    panel.canvas.center_on(50.75, 156.3, 12)
    data = QMimeData()
    data.setData(PHOTO_IDS_MIME, QByteArray(json.dumps(ids).encode()))
    point = panel.canvas.to_screen(*LANDING_BEACH)
    event = QDropEvent(point, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # Qt delivers drop events only during a real drag, so the test calls the handler itself.
    with qtbot.waitSignal(panel.photos_changed) as changed:
        panel.canvas.dropEvent(event)
    assert changed.args[0] == ids
    values = load_values(catalog, ids, ["latitude", "longitude", "gps_source"])
    for photo_id in ids:
        assert values[photo_id]["gps_source"] == "edited"
        assert values[photo_id]["latitude"] == pytest.approx(LANDING_BEACH[0], abs=2e-4)
        assert values[photo_id]["longitude"] == pytest.approx(LANDING_BEACH[1], abs=2e-4)
    # One undoable edit, and the dropped photos are now on the map.
    (edit,) = history(catalog)
    assert edit.description == "Set GPS of 2 photos on the map"
    assert sum(len(m.photo_ids) for m in panel.markers() if not m.is_place) == 2
    revert_edit(catalog, edit.id)
    panel.on_photos_changed(ids)
    assert [m for m in panel.markers() if not m.is_place] == []


def test_cached_tiles_are_drawn_with_attribution(qtbot, catalog: Catalog, edits: PhotoEdits, tmp_path: Path) -> None:
    tiles = TileLoader(tmp_path / "tiles", online=False)
    zoom, (x, y) = 4, (14, 5)  # the tile holding the Kurils at zoom 4
    tile = QImage(256, 256, QImage.Format.Format_RGB32)
    tile.fill(QColor("#40c057"))
    tiles.path(zoom, x, y).parent.mkdir(parents=True)
    tile.save(str(tiles.path(zoom, x, y)))
    panel = MapPanel(catalog, edits=edits, tiles=tiles)
    qtbot.addWidget(panel)
    panel.resize(400, 300)
    panel.show()
    panel.canvas.center_on(*to_position(x * 256 + 128, y * 256 + 128, zoom), zoom)
    image = panel.canvas.grab().toImage()
    assert image.pixelColor(200, 100) == QColor("#40c057")
    # The attribution sits in the bottom-right corner, on a light box over the tile.
    corner = image.pixelColor(image.width() - 3, image.height() - 3)
    assert corner.lightness() > 200 and corner != QColor("#40c057")


def test_unreachable_tile_server_degrades_to_a_notice(
    qtbot, catalog: Catalog, edits: PhotoEdits, tmp_path: Path
) -> None:
    # A closed port on this machine: refused at once, never the real tile server.
    tiles = TileLoader(tmp_path / "tiles", online=True, url_template="http://127.0.0.1:9/{z}/{x}/{y}.png")
    panel = MapPanel(catalog, edits=edits, tiles=tiles)
    qtbot.addWidget(panel)
    panel.resize(400, 300)
    panel.show()
    with qtbot.waitSignal(tiles.unavailable, timeout=10_000):
        panel.canvas.grab()
    qtbot.waitUntil(panel.notice.isVisible)
    assert "unavailable" in panel.notice.text()


def test_web_mercator_round_trip() -> None:
    for lat, lon in ((50.7153, 156.2547), (-33.9, 18.4), (0.0, -179.99)):
        assert to_position(*to_world(lat, lon, 12), 12) == pytest.approx((lat, lon))
    assert to_world(0, 0, 1) == (256.0, 256.0)
