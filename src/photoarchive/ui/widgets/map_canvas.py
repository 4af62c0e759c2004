"""The map itself: a slippy map painted with QPainter, with photo and place markers.

Drag to pan, wheel to zoom (around the pointer), click a marker to pick it, drop photos to
place them. Tiles come from a ``TileLoader``; under them, and alone where no tile is cached,
the shipped world basemap (``ui.basemap``: Natural Earth's land and borders) on a sea-coloured
background, with a faint graticule (lines every few degrees, labelled) so positions still read.
Markers that fall within a few pixels of each other are drawn as one, with a count.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from photoarchive.ui.basemap import BasemapError, BasemapPainter, load_world
from photoarchive.ui.tiles import TILE_SIZE, TileLoader, to_position, to_world, world_size

PHOTO_IDS_MIME = "application/x-photoarchive-photo-ids"  # as the grid drags them (photo_grid_model)
MIN_ZOOM, MAX_ZOOM = 1, 18
CLUSTER_PIXELS = 20
PHOTO_COLOUR = QColor("#e8590c")
PLACE_COLOUR = QColor("#1c7ed6")
BACKGROUND = QColor("#dde7ee")  # the sea, where no tile covers it
GRATICULE = QColor(120, 145, 165, 90)


@cache
def shared_basemap() -> BasemapPainter | None:
    """The basemap's paths, made once for every map of the process (None if it cannot be read:
    the map then shows the sea and the graticule alone)."""
    try:
        return BasemapPainter(load_world())
    except BasemapError:
        return None


@dataclass
class Marker:
    """Something at a position: photos (``photo_ids``) or a gazetteer place (``place_id``)."""

    latitude: float
    longitude: float
    label: str = ""
    photo_ids: list[int] = field(default_factory=list)
    place_id: int | None = None

    @property
    def is_place(self) -> bool:
        return self.place_id is not None


class MapCanvas(QWidget):
    """Paints tiles and markers; reports clicks on markers and photos dropped at a position."""

    marker_clicked = Signal(object)  # Marker (a cluster of photos is merged into one Marker)
    photos_dropped = Signal(list, float, float)  # photo ids, latitude, longitude
    view_changed = Signal()

    def __init__(self, tiles: TileLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = tiles
        self.zoom = 3
        self.center = to_world(50.77, 156.3, self.zoom)  # Shumshu, until something is shown
        self.markers: list[Marker] = []
        self._press: QPoint | None = None
        self._dragged = False
        self._drop_hint: QPointF | None = None
        self._fitted: list[Marker] = []  # re-fitted when the widget is resized, until the user moves the map
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setMinimumSize(200, 150)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        tiles.tile_ready.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    # -- view -------------------------------------------------------------------------------

    def set_markers(self, markers: list[Marker]) -> None:
        self.markers = markers
        self.update()

    def center_on(self, latitude: float, longitude: float, zoom: int | None = None) -> None:
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom if zoom is not None else self.zoom))
        self.center = to_world(latitude, longitude, self.zoom)
        self._changed()

    def fit(self, markers: list[Marker], max_zoom: int = 15) -> None:
        """Show all these markers, as close as possible (but no closer than ``max_zoom``)."""
        if not markers:
            return
        self._fitted = list(markers)
        lats, lons = [m.latitude for m in markers], [m.longitude for m in markers]
        zoom = max_zoom
        while zoom > MIN_ZOOM:
            x0, y0 = to_world(max(lats), min(lons), zoom)
            x1, y1 = to_world(min(lats), max(lons), zoom)
            if x1 - x0 <= self.width() - 120 and y1 - y0 <= self.height() - 80:
                break
            zoom -= 1
        self.zoom = zoom
        x0, y0 = to_world(max(lats), min(lons), zoom)
        x1, y1 = to_world(min(lats), max(lons), zoom)
        self.center = ((x0 + x1) / 2, (y0 + y1) / 2)
        self._changed()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit(self._fitted)

    def zoom_by(self, steps: int, anchor: QPointF | None = None) -> None:
        self._fitted = []
        new = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom + steps))
        if new == self.zoom:
            return
        anchor = anchor or QPointF(self.width() / 2, self.height() / 2)
        fixed = self.to_world_point(anchor)
        scale = 2.0 ** (new - self.zoom)
        self.zoom = new
        self.center = (
            fixed[0] * scale - (anchor.x() - self.width() / 2),
            fixed[1] * scale - (anchor.y() - self.height() / 2),
        )
        self.tiles.cancel_pending()
        self._changed()

    def to_screen(self, latitude: float, longitude: float) -> QPointF:
        x, y = to_world(latitude, longitude, self.zoom)
        return QPointF(x - self.center[0] + self.width() / 2, y - self.center[1] + self.height() / 2)

    def to_world_point(self, point: QPointF) -> tuple[float, float]:
        return (point.x() - self.width() / 2 + self.center[0], point.y() - self.height() / 2 + self.center[1])

    def position_at(self, point: QPointF) -> tuple[float, float]:
        return to_position(*self.to_world_point(point), self.zoom)

    def _changed(self) -> None:
        size = world_size(self.zoom)
        self.center = (self.center[0], max(0.0, min(size, self.center[1])))
        self.update()
        self.view_changed.emit()

    # -- markers on screen ------------------------------------------------------------------

    def clusters(self) -> list[tuple[QPointF, Marker]]:
        """Markers as drawn: places one by one, nearby photo markers merged, with screen points."""
        shown: list[tuple[QPointF, Marker]] = []
        for marker in self.markers:
            point = self.to_screen(marker.latitude, marker.longitude)
            if not marker.is_place:
                near = next(
                    (m for p, m in shown if not m.is_place and (p - point).manhattanLength() < CLUSTER_PIXELS), None
                )
                if near is not None:
                    near.photo_ids.extend(marker.photo_ids)
                    continue
                marker = Marker(marker.latitude, marker.longitude, marker.label, list(marker.photo_ids))
            shown.append((point, marker))
        return shown

    def marker_at(self, point: QPointF) -> Marker | None:
        """The marker under a point: photos before places, the nearest first."""
        hits = [(m.is_place, (p - point).manhattanLength(), m) for p, m in self.clusters()]
        hits = [h for h in hits if h[1] <= (10 if not h[0] else 9)]
        return min(hits, key=lambda h: (h[0], h[1]))[2] if hits else None

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), BACKGROUND)
        basemap = shared_basemap()
        if basemap is not None:
            left, top = self.to_world_point(QPointF(0, 0))
            basemap.paint(painter, self.zoom, left, top, self.width(), self.height())
        drawn = self._paint_tiles(painter)
        if not drawn:
            self._paint_graticule(painter)
        labels: list[QRectF] = []  # a label that would cover another is left out (its tooltip remains)
        for point, marker in self.clusters():
            if marker.is_place:
                self._paint_place(painter, point, marker, labels)
            else:
                self._paint_photos(painter, point, marker)
        if self._drop_hint is not None:
            painter.setPen(QPen(PHOTO_COLOUR, 2, Qt.PenStyle.DashLine))
            painter.drawEllipse(self._drop_hint, 12, 12)
        if drawn:
            self._paint_attribution(painter)
        painter.end()

    def _paint_tiles(self, painter: QPainter) -> int:
        left = self.center[0] - self.width() / 2
        top = self.center[1] - self.height() / 2
        count = 1 << self.zoom
        drawn = 0
        for ty in range(
            max(0, math.floor(top / TILE_SIZE)), min(count, math.floor((top + self.height()) / TILE_SIZE) + 1)
        ):
            for tx in range(math.floor(left / TILE_SIZE), math.floor((left + self.width()) / TILE_SIZE) + 1):
                image = self.tiles.tile(self.zoom, tx, ty)
                if image is not None:
                    painter.drawImage(QPointF(tx * TILE_SIZE - left, ty * TILE_SIZE - top), image)
                    drawn += 1
        return drawn

    def _paint_graticule(self, painter: QPainter) -> None:
        north, west = self.position_at(QPointF(0, 0))
        south, east = self.position_at(QPointF(self.width(), self.height()))
        if east < west:
            east += 360.0
        span = max(north - south, east - west)
        step = next((s for s in (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30) if span / s <= 8), 45)
        painter.setPen(QPen(GRATICULE, 1))
        font = QFont(painter.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        decimals = 0 if step >= 1 else (1 if step >= 0.1 else 2)
        lat = math.floor(south / step) * step
        while lat <= north:
            y = self.to_screen(lat, west).y()
            painter.drawLine(QPointF(0, y), QPointF(self.width(), y))
            painter.drawText(QPointF(4, y - 3), f"{lat:.{decimals}f}°")
            lat += step
        lon = math.floor(west / step) * step
        while lon <= east:
            x = self.to_screen(north, lon).x()
            painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
            painter.drawText(QPointF(x + 3, 12), f"{(lon + 180) % 360 - 180:.{decimals}f}°")
            lon += step

    def _paint_photos(self, painter: QPainter, point: QPointF, marker: Marker) -> None:
        count = len(marker.photo_ids)
        radius = 7.0 if count == 1 else 10.0
        painter.setPen(QPen(QColor("white"), 2))
        painter.setBrush(PHOTO_COLOUR)
        painter.drawEllipse(point, radius, radius)
        if count > 1:
            painter.setPen(QColor("white"))
            font = QFont(painter.font())
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(
                QRectF(point.x() - radius, point.y() - radius, 2 * radius, 2 * radius),
                Qt.AlignmentFlag.AlignCenter,
                str(count),
            )

    def _paint_place(self, painter: QPainter, point: QPointF, marker: Marker, labels: list[QRectF]) -> None:
        diamond = QPolygonF(
            [point + QPointF(0, -8), point + QPointF(7, 0), point + QPointF(0, 8), point + QPointF(-7, 0)]
        )
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(PLACE_COLOUR)
        painter.drawPolygon(diamond)
        box = QRectF(point + QPointF(10, -9), painter.fontMetrics().size(0, marker.label).toSizeF())
        if marker.label and not any(box.intersects(other) for other in labels):
            labels.append(box)
            path = QPainterPath()
            path.addText(point + QPointF(10, 4), painter.font(), marker.label)
            painter.setPen(QPen(QColor(255, 255, 255, 220), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.fillPath(path, QColor("#0b3d6b"))

    def _paint_attribution(self, painter: QPainter) -> None:
        text = self.tiles.attribution
        metrics = painter.fontMetrics()
        box = QRectF(0, 0, metrics.horizontalAdvance(text) + 8, metrics.height() + 2)
        box.moveBottomRight(QPointF(self.width(), self.height()))
        painter.fillRect(box, QColor(255, 255, 255, 200))
        painter.setPen(QColor("#333333"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    # -- mouse, keyboard, drops -------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press, self._dragged = event.position().toPoint(), False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            marker = self.marker_at(event.position())
            self.setCursor(Qt.CursorShape.PointingHandCursor if marker else Qt.CursorShape.OpenHandCursor)
            if marker is None:
                self.setToolTip("")
            elif marker.is_place:
                self.setToolTip(marker.label)
            else:
                self.setToolTip(self.tr("%n photo(s)", "", len(marker.photo_ids)))
            return
        delta = event.position().toPoint() - self._press
        if self._dragged or delta.manhattanLength() > 3:
            self._dragged = True
            self._fitted = []
            self.center = (self.center[0] - delta.x(), self.center[1] - delta.y())
            self._press = event.position().toPoint()
            self._changed()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None and not self._dragged:
            marker = self.marker_at(event.position())
            if marker is not None:
                self.marker_clicked.emit(marker)
        self._press = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.zoom_by(1, event.position())

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = 1 if event.angleDelta().y() > 0 else -1 if event.angleDelta().y() < 0 else 0
        if steps:
            self.zoom_by(steps, event.position())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_Left.value: (-64, 0),
            Qt.Key.Key_Right.value: (64, 0),
            Qt.Key.Key_Up.value: (0, -64),
            Qt.Key.Key_Down.value: (0, 64),
        }
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1)
        elif event.key() == Qt.Key.Key_Minus:
            self.zoom_by(-1)
        elif event.key() in moves:
            dx, dy = moves[event.key()]
            self.center = (self.center[0] + dx, self.center[1] + dy)
            self._changed()
        else:
            super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(PHOTO_IDS_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(PHOTO_IDS_MIME):
            self._drop_hint = event.position()
            self.update()
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._drop_hint = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        self._drop_hint = None
        ids = photo_ids_from(bytes(event.mimeData().data(PHOTO_IDS_MIME).data()))
        if ids:
            latitude, longitude = self.position_at(event.position())
            event.acceptProposedAction()
            self.photos_dropped.emit(ids, latitude, longitude)
        self.update()


def photo_ids_from(data: bytes) -> list[int]:
    """Photo ids from dragged data (a JSON list); anything else gives none."""
    try:
        ids = json.loads(data.decode("utf-8") or "[]")
    except (UnicodeDecodeError, ValueError):
        return []
    return [int(i) for i in ids if isinstance(i, int)] if isinstance(ids, list) else []
