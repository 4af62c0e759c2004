"""The offline world basemap: shipped, read through importlib.resources, drawn under the map."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from photoarchive.catalog import Catalog
from photoarchive.ui.basemap import BORDER, LAND, BasemapError, load_world, parse_world
from photoarchive.ui.tiles import TileLoader
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.map_canvas import BACKGROUND
from photoarchive.ui.widgets.map_panel import MapPanel

SHUMSHU = (50.75, 156.35)
KAMCHATKA = (54.0, 158.5)  # inland, north of Petropavlovsk


def test_the_basemap_has_land_at_shumshu_and_sea_around_it() -> None:
    world = load_world()
    assert world.contains(*SHUMSHU)
    assert world.contains(*KAMCHATKA)
    assert not world.contains(50.75, 157.3)  # the Pacific east of Shumshu
    assert not world.contains(40.0, -40.0)  # the middle of the Atlantic
    assert world.contains(48.85, 2.35)  # Paris
    # Across the antimeridian: Chukotka east of 180, the Arctic coast west of it, Antarctica.
    assert world.contains(66.0, -175.0) and world.contains(68.0, 100.0) and world.contains(-80.0, 0.0)
    assert not world.contains(75.0, 80.0)  # the Kara Sea
    assert len(world.borders) > 100
    package_file = Path(__file__).parents[2] / "src/photoarchive/resources/basemap/world-50m.bin"
    assert package_file.stat().st_size < 400_000  # the wheel stays small


def test_a_hole_in_a_polygon_is_water() -> None:
    def ring(points: list[tuple[int, int]]) -> bytes:
        out, x0, y0 = [struct.pack("<I", len(points))], 0, 0
        for x, y in points:
            out.append(struct.pack("<HH", (x - x0) & 0xFFFF, (y - y0) & 0xFFFF))
            x0, y0 = x, y
        return b"".join(out)

    outer = ring([(-1000, -1000), (1000, -1000), (1000, 1000), (-1000, 1000)])
    hole = ring([(-100, -100), (100, -100), (100, 100), (-100, 100)])
    world = parse_world(b"PAB2" + struct.pack("<III", 1, 0, 2) + outer + hole)
    assert world.contains(2.0, 2.0)  # inside the outer ring (1000 / 32767 * 90 degrees is about 2.7)
    assert not world.contains(0.0, 0.0)  # in the hole
    with pytest.raises(BasemapError):
        parse_world(zlib.compress(b"nope"))
    with pytest.raises(BasemapError):
        parse_world(b"PAB2" + struct.pack("<II", 3, 0))


def test_the_offline_map_panel_draws_the_basemap(qtbot, catalog: Catalog, edits: PhotoEdits, tmp_path: Path) -> None:
    panel = MapPanel(catalog, edits=edits, tiles=TileLoader(tmp_path / "tiles", online=False))
    qtbot.addWidget(panel)
    panel.resize(640, 480)
    with qtbot.waitExposed(panel):
        panel.show()
    canvas = panel.canvas
    canvas.center_on(*SHUMSHU, 5)
    image = canvas.grab().toImage()
    land = canvas.to_screen(*KAMCHATKA).toPoint()
    sea = canvas.to_screen(49.3, 161.3).toPoint()  # off the graticule's lines
    assert image.pixelColor(land) == LAND
    assert image.pixelColor(sea) == BACKGROUND
    # Zoomed in on Shumshu itself, the island is land too; its coast against the sea is drawn.
    canvas.center_on(*SHUMSHU, 8)
    image = canvas.grab().toImage()
    assert image.pixelColor(canvas.to_screen(*SHUMSHU).toPoint()) == LAND
    # Across Europe the land borders are drawn (some pixels of the border colour's hue).
    canvas.center_on(48.0, 12.0, 4)
    image = canvas.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
    assert any(_near(QColor(c), BORDER) for c in colours)
    # Siberia is land along its whole width (a ring crossing 180 once drew sea bands across it).
    canvas.center_on(66.0, 150.0, 3)
    image = canvas.grab().toImage()
    for latitude, longitude in ((67.5, 110.0), (67.5, 130.0), (67.5, 175.0), (66.0, 186.0)):  # 186: 174 W
        assert image.pixelColor(canvas.to_screen(latitude, longitude).toPoint()) == LAND, longitude


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40
