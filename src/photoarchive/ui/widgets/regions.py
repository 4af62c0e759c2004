"""Image regions (IPTC, kept as read) as the loupe draws them: ``region_shapes`` reads their
boundaries (rectangles, circles, polygons; relative units, or pixels of the photo as displayed)
into shapes in 0..1 of the image, ``draw_regions`` paints them with their names on a pixmap;
and as the editor lists them, ``region_line``: the model's line in the interface's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPixmap, QPolygonF

from photoarchive.model.structured import lang_alt_text, region_summary

REGION_COLOUR = QColor("#ffd400")
translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it


def region_words() -> dict[str, str]:
    """The words of a region's line (``model.structured.REGION_WORDS``) in the interface's language."""
    # (lupdate reads only literals: the disambiguations are written out.)
    return {
        "rectangle": translate("ImageRegions", "rectangle", "shape of an image region"),
        "circle": translate("ImageRegions", "circle", "shape of an image region"),
        "polygon": translate("ImageRegions", "polygon", "shape of an image region"),
        "pixel": translate("ImageRegions", "pixel", "unit of an image region's boundary"),
        "relative": translate("ImageRegions", "relative", "unit of an image region's boundary"),
        "roles": translate("ImageRegions", "roles"),
        "content types": translate("ImageRegions", "content types"),
        "persons": translate("ImageRegions", "persons"),
    }


def region_line(region: dict[str, Any]) -> str:
    """One image region in a line (``model.structured.region_summary``), its words translated."""
    words = region_words()
    return region_summary(region, lambda word: words.get(word, word))


@dataclass(frozen=True)
class RegionShape:
    """An image region as drawn: its name, and its shape in 0..1 of the image's width and
    height (``points``: a rectangle's corners top-left and bottom-right, a circle's centre and
    a point on its box's corner, a polygon's vertices)."""

    name: str
    shape: str  # "rectangle", "circle" or "polygon"
    points: tuple[tuple[float, float], ...]


def _local(node: Any) -> dict[str, Any]:
    return {key.split(":", 1)[-1]: value for key, value in node.items()} if isinstance(node, dict) else {}


def _number(value: Any) -> float | None:
    try:
        return float(str(value).strip())
    except ValueError:
        return None


def region_shapes(regions: Sequence[Any], width: int | None, height: int | None) -> list[RegionShape]:
    """The regions that can be drawn, in relative units (pixel units divided by the photo's
    size; without it they are left out). A circle's radius is relative to the width, as the
    standard says. A region whose boundary is missing or not understood is left out."""
    shapes = []
    for region in regions:
        fields = _local(region)
        boundary = _local(fields.get("RegionBoundary"))
        shape = str(boundary.get("rbShape", "")).strip().lower()
        pixels = str(boundary.get("rbUnit", "relative")).strip().lower() == "pixel"
        if pixels and not (width and height):
            continue
        sx, sy = (1 / width, 1 / height) if pixels and width and height else (1.0, 1.0)
        name = fields.get("Name")
        if isinstance(name, dict):  # a lang-alt
            name = lang_alt_text(name)
        label = str(name or fields.get("rId") or "")

        def point(node: dict[str, Any], sx: float = sx, sy: float = sy) -> tuple[float, float] | None:
            x, y = _number(node.get("rbX")), _number(node.get("rbY"))
            return None if x is None or y is None else (x * sx, y * sy)

        corner = point(boundary)
        if shape == "rectangle" and corner:
            w, h = _number(boundary.get("rbW")), _number(boundary.get("rbH"))
            if w is not None and h is not None:
                shapes.append(RegionShape(label, shape, (corner, (corner[0] + w * sx, corner[1] + h * sy))))
        elif shape == "circle" and corner:
            radius = _number(boundary.get("rbRx"))
            if radius is not None:
                rx = radius * sx
                ry = rx * (width / height if width and height else 1.0)  # relative to the width
                shapes.append(RegionShape(label, shape, (corner, (corner[0] + rx, corner[1] + ry))))
        elif shape == "polygon" and isinstance(boundary.get("rbVertices"), list):
            vertices = [point(_local(v)) for v in boundary["rbVertices"]]
            if len(vertices) >= 3 and all(vertices):
                shapes.append(RegionShape(label, shape, tuple(v for v in vertices if v)))
    return shapes


def draw_regions(pixmap: QPixmap, shapes: Sequence[RegionShape]) -> QPixmap:
    """A copy of ``pixmap`` with the regions drawn over it, each with its name."""
    if not shapes:
        return pixmap
    drawn = pixmap.copy()
    size = drawn.deviceIndependentSize()
    w, h = size.width(), size.height()
    painter = QPainter(drawn)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    metrics = QFontMetricsF(painter.font())
    for region in shapes:
        points = [QPointF(x * w, y * h) for x, y in region.points]
        for pen in (QPen(QColor(0, 0, 0, 160), 4), QPen(REGION_COLOUR, 2)):  # seen on light and dark
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if region.shape == "rectangle":
                painter.drawRect(QRectF(points[0], points[1]))
            elif region.shape == "circle":
                centre, edge = points
                painter.drawEllipse(centre, edge.x() - centre.x(), edge.y() - centre.y())
            else:
                painter.drawPolygon(QPolygonF(points))
        if region.name:
            if region.shape == "circle":
                centre, edge = points
                anchor = QPointF(2 * centre.x() - edge.x(), 2 * centre.y() - edge.y())
            else:
                anchor = QPointF(min(p.x() for p in points), min(p.y() for p in points))
            box = QRectF(anchor.x(), anchor.y() - metrics.height() - 2, metrics.horizontalAdvance(region.name) + 8,
                         metrics.height() + 2)  # fmt: skip
            if box.top() < 0:
                box.moveTop(anchor.y())
            painter.fillRect(box, QColor(0, 0, 0, 170))
            painter.setPen(REGION_COLOUR)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, region.name)
    painter.end()
    return drawn
