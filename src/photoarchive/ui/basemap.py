"""The offline world basemap drawn under the map's tiles: Natural Earth's 1:50m land and
country borders, shipped as package data (``resources/basemap/world-50m.bin``, made by
``resources/basemap/make_basemap.py``, whose docstring gives the format and the provenance).

Without a network, and before any tile is cached, the map still shows where things are:
Shumshu at the end of the Kurils, Kamchatka above it. Reading the file is plain Python
(``load_world``, ``World.contains``); ``BasemapPainter`` turns it into QPainterPaths in the
map's Web Mercator pixels, one set per zoom level, each polygon with its bounding box so that
a view at street level fills only the few polygons it shows.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from photoarchive.ui.tiles import to_world, world_size

RESOURCE = ("photoarchive", "resources/basemap/world-50m.bin")
MAGIC = b"PAB2"
Q = 32767
LAND = QColor("#f2efe6")
COAST = QColor("#9fb3c1")
BORDER = QColor("#b79aa8")

Ring = list[tuple[float, float]]  # (longitude, latitude) in degrees
Boxed = list[tuple[QRectF, QPainterPath]]  # paths with their bounding boxes


class BasemapError(Exception):
    """The shipped basemap file is missing or not in the expected format."""


@dataclass(frozen=True)
class World:
    """Land polygons (an outer ring and its holes) and border lines, in degrees."""

    land: list[list[Ring]]
    borders: list[Ring]

    def contains(self, latitude: float, longitude: float) -> bool:
        """Whether a position is on land (even-odd over each polygon's rings)."""
        for polygon in self.land:
            for lon in (longitude, longitude - 360.0, longitude + 360.0):  # rings may cross 180
                inside = False
                for ring in polygon:
                    inside ^= _in_ring(ring, lon, latitude)
                if inside:
                    return True
        return False


@cache
def load_world() -> World:
    """The shipped basemap, read once."""
    package, name = RESOURCE
    try:
        data = zlib.decompress(resources.files(package).joinpath(name).read_bytes())
    except (OSError, zlib.error) as error:
        raise BasemapError(f"cannot read the basemap {name}: {error}") from error
    return parse_world(data)


def parse_world(data: bytes) -> World:
    if data[:4] != MAGIC:
        raise BasemapError("the basemap is not in the expected format")
    try:
        land_count, border_count = struct.unpack_from("<II", data, 4)
        offset = 12
        land: list[list[Ring]] = []
        for _ in range(land_count):
            (rings,) = struct.unpack_from("<I", data, offset)
            offset += 4
            polygon = []
            for _ in range(rings):
                ring, offset = _read_ring(data, offset)
                polygon.append(_around_the_pole(ring))
            land.append(polygon)
        borders = []
        for _ in range(border_count):
            line, offset = _read_ring(data, offset)
            borders.append(_unwrapped(line))
    except struct.error as error:
        raise BasemapError(f"the basemap is truncated: {error}") from error
    return World(land, borders)


def _read_ring(data: bytes, offset: int) -> tuple[Ring, int]:
    (count,) = struct.unpack_from("<I", data, offset)
    offset += 4
    values = struct.unpack_from(f"<{2 * count}H", data, offset)
    offset += 4 * count
    ring: Ring = []
    x = y = 0
    for i in range(0, 2 * count, 2):  # differences modulo 2**16 back to int16
        x = (x + values[i]) & 0xFFFF
        y = (y + values[i + 1]) & 0xFFFF
        ring.append(((x - 0x10000 if x > Q else x) * 180.0 / Q, (y - 0x10000 if y > Q else y) * 90.0 / Q))
    return ring, offset


def _unwrapped(points: Ring) -> Ring:
    """The points with no jump across the antimeridian: a longitude that jumps by more than
    180 degrees from the one before goes on past 180 instead (Chukotka lies at 190, east of
    180), as a plane draws it; the map repeats the world east and west."""
    out: Ring = []
    shift = 0.0
    for i, (lon, lat) in enumerate(points):
        if i:
            step = lon + shift - out[-1][0]
            if step > 180.0:
                shift -= 360.0
            elif step < -180.0:
                shift += 360.0
        out.append((lon + shift, lat))
    return out


def _around_the_pole(ring: Ring) -> Ring:
    """A ring unwrapped; one that goes round a pole (Antarctica) is closed over that pole, so
    that it is a plain polygon on the plane."""
    ring = _unwrapped(ring)
    if len(ring) < 2 or abs(ring[-1][0] - ring[0][0]) < 180.0:
        return ring
    pole = -90.0 if sum(lat for _, lat in ring) < 0 else 90.0
    return [*ring, (ring[-1][0], pole), (ring[0][0], pole)]


def _in_ring(ring: Ring, x: float, y: float) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


class BasemapPainter:
    """Draws the world's land and borders in Web Mercator pixels at a zoom level."""

    def __init__(self, world: World) -> None:
        # Projected once at zoom 0; another zoom is the same paths scaled (in C++, fast).
        self._base = (
            [_polygon_path(polygon) for polygon in world.land],
            [_line_path(line) for line in world.borders],
        )
        self._paths: dict[int, tuple[Boxed, Boxed]] = {}

    def paths(self, zoom: int) -> tuple[Boxed, Boxed]:
        """(land, borders) at a zoom: each a path and its bounding box, made once per zoom."""
        if zoom not in self._paths:
            scale = QTransform.fromScale(float(1 << zoom), float(1 << zoom))
            land, borders = ([(p.boundingRect(), p) for p in map(scale.map, base)] for base in self._base)
            if len(self._paths) >= 6:  # a few zoom levels around the one shown
                self._paths.pop(next(iter(self._paths)))
            self._paths[zoom] = (land, borders)
        return self._paths[zoom]

    def paint(self, painter: QPainter, zoom: int, left: float, top: float, width: float, height: float) -> None:
        """Paint the part of the world whose top-left world pixel is (left, top), repeated
        east and west as the tiles are."""
        land, borders = self.paths(zoom)
        size = world_size(zoom)
        coast = QPen(COAST, 1.0)
        border = QPen(BORDER, 1.0, Qt.PenStyle.DashLine if zoom >= 5 else Qt.PenStyle.SolidLine)
        coast.setCosmetic(True)
        border.setCosmetic(True)
        first, last = int(left // size), int((left + width) // size)
        for copy in range(first, last + 1):
            dx = copy * size - left
            view = QRectF(left - copy * size, top, width, height)
            painter.save()
            painter.translate(dx, -top)
            painter.setPen(coast)
            painter.setBrush(LAND)
            for box, path in land:
                if box.intersects(view):
                    painter.drawPath(path)
            painter.setPen(border)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for box, path in borders:
                if box.intersects(view):
                    painter.drawPath(path)
            painter.restore()


def _polygon_path(polygon: list[Ring]) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)  # a lake is a hole
    for ring in polygon:
        path.addPolygon(_projected(ring))
        path.closeSubpath()
    return path


def _line_path(line: Ring) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(_projected(line))
    return path


def _projected(ring: Ring) -> QPolygonF:
    return QPolygonF([QPointF(*to_world(lat, lon, 0)) for lon, lat in ring])
