"""The selection marks on a grid cell: stars, colour label and flag, readable at every size.

Drawn over the thumbnail, as shapes (no font need hold a star or a flag):

- the colour label: a frame of its colour around the photo (the colours the culling view uses);
- the stars: on a dark pill at the photo's bottom left. From ``FULL_STARS_FROM`` pixels up, five
  stars, the rating's filled and the rest hollow; below, only the filled ones, smaller. A
  rating of 0 (no stars, as key 0 sets it) is one hollow star on small cells and five on
  large ones; a photo not rated has no pill;
- a pick: a white flag on a dark badge at the bottom right; a reject: the photo dimmed and
  a red badge with a white cross there.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF, QTransform

from photoarchive.ui.culling import LABEL_COLOURS

FULL_STARS_FROM = 140  # thumbnail size (pixels) from which five stars are drawn
STAR_COLOUR = QColor(255, 214, 64)
HOLLOW_COLOUR = QColor(235, 235, 235, 190)
BADGE_COLOUR = QColor(0, 0, 0, 170)
REJECT_COLOUR = QColor(229, 72, 77)

_MOVED_ONLY = QTransform.TransformationType.TxTranslate.value


def paint_marks(painter: QPainter, target: QRect, size: int, rating: int | None, label: str, flag: str) -> None:
    """Draw the marks of one photo over its thumbnail at ``target`` (``size``: the cells'
    thumbnail size, which decides how much is drawn).

    A cell's marks are filled rectangles and pixmaps drawn once and copied (``_pill_pixmap``,
    ``_badge_pixmap``), on a painter only moved (a grid's): a filter's first page shows a mark
    on every cell, and the frame stroked with antialiasing, the stars' and the flag's shapes
    drawn at every cell, took 20-35 µs each, as long as the rest of the cell (``bench/
    cell_marks.py``). A scaled or turned painter gets the shapes themselves."""
    if not (rating is not None or label or flag):
        return
    # How pixmaps land on this painter: only for a cell with a pixmap or a reject's bands (a
    # label's frame alone needs none, and asking the painter is a third of its cost).
    snap = _snapper(painter) if rating is not None or flag else None
    if flag == "reject":
        _dim(painter, target, 1.0 if snap is None else snap.ratio)
    if label:
        _paint_frame(painter, target, _label_colour(label), 2 if size < FULL_STARS_FROM else 3)
    unit = max(8, min(14, size // 12))  # a star's width
    if rating is not None:
        full = size >= FULL_STARS_FROM
        origin = QPointF(target.left() + 3, target.bottom() - _pill_size(unit, rating, full)[1] - 3)
        if snap is None:  # scaled or turned: a pixmap would blur
            _shaped(painter, lambda: _draw_pill(painter, origin, unit, rating, full))
        else:
            painter.drawPixmap(snap(origin), _pill_pixmap(unit, rating, full, snap.ratio))
    if flag in ("pick", "reject"):
        side = unit * 1.6
        corner = QPointF(target.right() - side - 3, target.bottom() - side - 3)
        if snap is None:
            _shaped(painter, lambda: _paint_flag(painter, QRectF(corner.x(), corner.y(), side, side), flag))
        else:
            painter.drawPixmap(snap(corner), _badge_pixmap(unit, flag, snap.ratio))


DIM_COLOUR = QColor(0, 0, 0, 150)  # over a rejected photo
# The most device rows one translucent fill covers (``_dim``): Qt's raster engine hands a fill
# of more rows (some 96 here) to its thread pool, which on a shared two-core machine took 57-74
# µs for a thumbnail's 160 x 96 or more, against 3-5 µs for 160 x 90 or 1000 x 30.
FILL_ROWS = 64


def _dim(painter: QPainter, target: QRect, ratio: float) -> None:
    """Dim a rejected photo: ``DIM_COLOUR`` over ``target``, in bands of at most ``FILL_ROWS``
    device rows (``ratio``: the device's pixel ratio)."""
    rows = max(1, int(FILL_ROWS // max(1.0, ratio)))
    top, bottom = target.top(), target.bottom()
    while top <= bottom:
        height = min(rows, bottom + 1 - top)
        painter.fillRect(target.left(), top, target.width(), height, DIM_COLOUR)
        top += height


@functools.cache
def _label_colour(label: str) -> QColor:
    return QColor(LABEL_COLOURS.get(label, "#cccccc"))


def _paint_frame(painter: QPainter, target: QRect, colour: QColor, width: int) -> None:
    """A frame ``width`` pixels wide just outside ``target``: four filled rectangles (the frame
    stroked with antialiasing covered the same pixels, its four outermost corners bevelled, at
    12 µs a cell against 5)."""
    left, top, right, bottom = target.left(), target.top(), target.right(), target.bottom()
    across = target.width() + 2 * width
    painter.fillRect(left - width, top - width, across, width, colour)
    painter.fillRect(left - width, bottom + 1, across, width, colour)
    painter.fillRect(left - width, top, width, target.height(), colour)
    painter.fillRect(right + 1, top, width, target.height(), colour)


def _shaped(painter: QPainter, draw: Callable[[], None]) -> None:
    """``draw`` shapes with antialiasing, the painter's pen, brush and hints kept."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw()
    painter.restore()


class _Snapper:
    """Puts a pixmap's top-left on whole device pixels, where the pixmap's own pixels fall (a
    fractional ratio, 1.5, puts a whole logical pixel between two device pixels, where the copy
    would be half a pixel off the shapes); ``ratio``: the device's pixel ratio."""

    def __init__(self, ratio: float, dx: float, dy: float) -> None:
        self.ratio, self.dx, self.dy = ratio, dx, dy

    def __call__(self, origin: QPointF) -> QPointF:
        ratio = self.ratio
        x = round((origin.x() + self.dx) * ratio) / ratio - self.dx
        y = round((origin.y() + self.dy) * ratio) / ratio - self.dy
        return QPointF(x, y)


def _snapper(painter: QPainter) -> _Snapper | None:
    """How pixmaps are placed on this painter, or None when it is scaled or turned."""
    transform = painter.worldTransform()
    if painter.viewTransformEnabled() or transform.type().value > _MOVED_ONLY:
        return None
    device = painter.device()
    return _Snapper(device.devicePixelRatioF() if device is not None else 1.0, transform.dx(), transform.dy())


def _shapes(rating: int, full: bool) -> list[bool]:
    """The stars of a pill, filled or hollow: five on a large cell; the filled only on a small
    one, or one hollow for 0."""
    return [i < rating for i in range(5)] if full else [True] * rating or [False]


def _spacing(unit: int) -> tuple[int, int]:
    """The gap between two stars and the pill's padding around them, in logical pixels."""
    return max(1, unit // 6), max(2, unit // 4)


def _pill_size(unit: int, rating: int, full: bool) -> tuple[int, int]:
    """The pill's width and height in logical pixels."""
    count = len(_shapes(rating, full))
    gap, pad = _spacing(unit)
    return count * unit + (count - 1) * gap + 2 * pad, unit + 2 * pad


@functools.lru_cache(maxsize=128)
def _pill_pixmap(unit: int, rating: int, full: bool, ratio: float) -> QPixmap:
    """The pill drawn once into a transparent pixmap of the device's pixel ratio (made and used on
    the GUI thread, where painting happens)."""
    width, height = _pill_size(unit, rating, full)
    pixmap = QPixmap(math.ceil(width * ratio), math.ceil(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _draw_pill(painter, QPointF(0, 0), unit, rating, full)
    painter.end()
    return pixmap


@functools.lru_cache(maxsize=64)
def _badge_pixmap(unit: int, flag: str, ratio: float) -> QPixmap:
    """The flag's badge (``_paint_flag``) drawn once into a transparent pixmap, as the pill."""
    side = unit * 1.6
    pixmap = QPixmap(math.ceil(side * ratio), math.ceil(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _paint_flag(painter, QRectF(0, 0, side, side), flag)
    painter.end()
    return pixmap


def _draw_pill(painter: QPainter, origin: QPointF, unit: int, rating: int, full: bool) -> None:
    """The pill's shapes themselves, its top-left at ``origin``: what the pixmap holds."""
    shapes = _shapes(rating, full)
    gap, pad = _spacing(unit)
    width, height = _pill_size(unit, rating, full)
    pill = QRectF(origin.x(), origin.y(), width, height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BADGE_COLOUR)
    painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
    for index, filled in enumerate(shapes):
        centre = QPointF(pill.left() + pad + index * (unit + gap) + unit / 2, pill.center().y())
        star = star_polygon(centre, unit / 2)
        if filled:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(STAR_COLOUR)
        else:
            painter.setPen(QPen(HOLLOW_COLOUR, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(star)


def _paint_flag(painter: QPainter, badge: QRectF, flag: str) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(REJECT_COLOUR if flag == "reject" else BADGE_COLOUR)
    painter.drawRoundedRect(badge, 3, 3)
    inner = badge.adjusted(badge.width() * 0.25, badge.height() * 0.22, -badge.width() * 0.22, -badge.height() * 0.2)
    if flag == "reject":
        pen = QPen(QColor(255, 255, 255), max(1.5, badge.width() / 8))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(inner.topLeft(), inner.bottomRight())
        painter.drawLine(inner.topRight(), inner.bottomLeft())
        return
    # A flag: the pole on the left, the cloth a pennant to the right of its top half.
    painter.setPen(QPen(QColor(255, 255, 255), max(1.2, badge.width() / 12)))
    painter.drawLine(inner.topLeft(), inner.bottomLeft())
    cloth = QPainterPath(inner.topLeft())
    cloth.lineTo(inner.right(), inner.top() + inner.height() * 0.28)
    cloth.lineTo(inner.left(), inner.top() + inner.height() * 0.56)
    cloth.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255))
    painter.drawPath(cloth)


def star_polygon(centre: QPointF, radius: float) -> QPolygonF:
    """A five-pointed star, point up: the star of that radius, made once, moved to ``centre``
    (a grid of rated photos paints five a cell: ten points of trigonometry each was about
    0.8 ms a paint)."""
    return _star(radius).translated(centre)


@functools.lru_cache(maxsize=32)
def _star(radius: float) -> QPolygonF:
    """A five-pointed star centred on the origin (copied by ``translated``, never changed)."""
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(r * math.cos(angle), r * math.sin(angle)))
    return QPolygonF(points)
