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
    thumbnail size, which decides how much is drawn)."""
    if not (rating is not None or label or flag):
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if flag == "reject":
        painter.fillRect(target, QColor(0, 0, 0, 150))
    if label:
        width = 2 if size < FULL_STARS_FROM else 3
        painter.setPen(QPen(QColor(LABEL_COLOURS.get(label, "#cccccc")), width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = width / 2
        painter.drawRect(QRectF(target).adjusted(-half, -half, half, half))
    unit = max(8, min(14, size // 12))  # a star's width
    if rating is not None:
        _paint_stars(painter, target, unit, rating, full=size >= FULL_STARS_FROM)
    if flag in ("pick", "reject"):
        badge = QRectF(target.right() - unit * 1.6 - 3, target.bottom() - unit * 1.6 - 3, unit * 1.6, unit * 1.6)
        _paint_flag(painter, badge, flag)
    painter.restore()


def _paint_stars(painter: QPainter, target: QRect, unit: int, rating: int, *, full: bool) -> None:
    # The pill is drawn once per (unit, rating, full, device pixel ratio) into a pixmap and then
    # copied: a grid of rated photos drew a rounded rect and five antialiased stars a cell at every
    # paint (~0.7 ms of a 3.5 ms repaint of a rating filter's first page).
    origin = QPointF(target.left() + 3, target.bottom() - _pill_size(unit, rating, full)[1] - 3)
    if painter.viewTransformEnabled() or painter.worldTransform().type().value > _MOVED_ONLY:
        _draw_pill(painter, origin, unit, rating, full)  # scaled or turned: a pixmap would blur
        return
    device = painter.device()
    ratio = device.devicePixelRatioF() if device is not None else 1.0
    # On whole device pixels, as in the pixmap (a fractional ratio, 1.5, puts a whole logical
    # pixel between two device pixels, where the copy would be half a pixel off the shapes).
    shift = QPointF(painter.worldTransform().dx(), painter.worldTransform().dy())
    device_origin = (origin + shift) * ratio
    origin = QPointF(round(device_origin.x()), round(device_origin.y())) / ratio - shift
    painter.drawPixmap(origin, _pill_pixmap(unit, rating, full, ratio))


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
