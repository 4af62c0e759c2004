"""The stars drawn on a rated cell (``ui.widgets.cell_marks``)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

from photoarchive.ui.widgets.cell_marks import (
    FULL_STARS_FROM,
    _draw_pill,
    _pill_pixmap,
    _pill_size,
    paint_marks,
    star_polygon,
)


def test_a_star_is_five_points_up_around_its_centre_wherever_it_is_drawn() -> None:
    for centre, radius in ((QPointF(10, 20), 5.0), (QPointF(-3.5, 40), 5.0), (QPointF(0, 0), 8.0)):
        star = star_polygon(centre, radius)
        assert star.size() == 10
        tip = star.at(0)
        assert math.isclose(tip.x(), centre.x(), abs_tol=1e-9) and math.isclose(tip.y(), centre.y() - radius)
        for i in range(10):  # outer points at the radius, inner ones at 0.45 of it
            point = star.at(i) - centre
            expected = radius if i % 2 == 0 else radius * 0.45
            assert math.isclose(math.hypot(point.x(), point.y()), expected, rel_tol=1e-9)
    # The shape made once is moved, never changed by a later star.
    assert star_polygon(QPointF(10, 20), 5.0).at(0) == QPointF(10, 15)


# The pill of stars, drawn once into a pixmap and copied (issue 12: a rating filter's first page and
# a rating key's repaint painted a rounded rect and five antialiased stars for every rated cell).

SIZES = (96, 120, FULL_STARS_FROM - 1, FULL_STARS_FROM, 160, 320)  # below and from five stars
RATIOS = (1.0, 2.0, 1.5)  # device pixel ratios: a plain screen, a HiDPI one, a fractional one


def _photo(size: int, ratio: float) -> tuple[QImage, QRect]:
    """A cell's image: a gradient standing for a photo under the marks (so the pill's and the
    stars' translucency shows), and the thumbnail's rectangle in it."""
    target = QRect(10, 10, size, size * 3 // 4)
    image = QImage(
        round((size + 20) * ratio), round((target.height() + 20) * ratio), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, size + 20, target.height() + 20)
    gradient.setColorAt(0, QColor(30, 90, 160))
    gradient.setColorAt(1, QColor(230, 200, 120))
    painter.fillRect(QRectF(0, 0, size + 20, target.height() + 20), gradient)
    painter.end()
    return image, target


def _marks(size: int, ratio: float, rating: int) -> QImage:
    image, target = _photo(size, ratio)
    painter = QPainter(image)
    paint_marks(painter, target, size, rating, "", "")
    painter.end()
    return image


def _shapes_drawn(size: int, ratio: float, rating: int) -> tuple[QImage, QRectF]:
    """The same cell with the pill's shapes drawn straight onto it, where the cell puts the pill
    (its top-left on whole device pixels, as both paths do), and the pill's rectangle."""
    image, target = _photo(size, ratio)
    unit, full = max(8, min(14, size // 12)), size >= FULL_STARS_FROM
    width, height = _pill_size(unit, rating, full)
    left, top = target.left() + 3, target.bottom() - height - 3
    origin = QPointF(round(left * ratio) / ratio, round(top * ratio) / ratio)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _draw_pill(painter, origin, unit, rating, full)
    painter.end()
    return image, QRectF(origin, QSizeF(width, height))


def _largest_difference(a: QImage, b: QImage, area: QRectF) -> int:
    """The largest difference of a channel between two images inside ``area`` (logical pixels),
    after checking they are the same outside it."""
    ratio = a.devicePixelRatio()
    pixels = QRectF(area.topLeft() * ratio, area.bottomRight() * ratio).toAlignedRect().adjusted(-2, -2, 2, 2)
    copies = [image.copy(pixels) for image in (a, b)]  # held: constBits() does not keep its image alive
    crops = [bytes(copy.constBits()) for copy in copies]
    outside = []
    for image in (a, b):
        covered = image.copy()
        covered.setDevicePixelRatio(1.0)
        painter = QPainter(covered)
        painter.fillRect(pixels, QColor(255, 0, 255))
        painter.end()
        outside.append(covered)
    assert outside[0] == outside[1]
    return max(abs(x - y) for x, y in zip(*crops, strict=True))


def test_the_cached_pill_looks_as_the_shapes_drawn_straight_at_every_size_rating_and_ratio() -> None:
    for ratio in RATIOS:
        for size in SIZES:
            for rating in range(6):
                cached = _marks(size, ratio, rating)
                drawn, pill = _shapes_drawn(size, ratio, rating)
                background, _ = _photo(size, ratio)
                assert drawn != background  # there is a pill to compare
                # Up to 2 of 255 on a channel: the pixmap holds the stars already laid over the
                # translucent pill, which is then laid over the photo; drawn straight, the pill is
                # laid over the photo and the stars over that. The same sum of "over"s, rounded to
                # 8 bits in another order: 1 on ~2% of the pill's channels, 2 on a few edge pixels
                # of a translucent hollow star on the translucent pill. A pixmap at the wrong ratio
                # or half a pixel off differs by tens (~110 at a ratio of 1.5 unrounded).
                assert _largest_difference(cached, drawn, pill) <= 2, (ratio, size, rating)


def test_a_pill_is_drawn_once_and_copied_at_every_paint_after() -> None:
    _pill_pixmap.cache_clear()
    for _ in range(3):
        _marks(160, 1.0, 3)
    assert (_pill_pixmap.cache_info().misses, _pill_pixmap.cache_info().hits) == (1, 2)
    _marks(160, 1.0, 4)  # another rating, another ratio: their own pixmaps
    _marks(160, 2.0, 3)
    assert (_pill_pixmap.cache_info().misses, _pill_pixmap.cache_info().hits) == (3, 2)
    crisp = _pill_pixmap(13, 3, True, 2.0)
    assert crisp.devicePixelRatio() == 2.0
    assert (crisp.width(), crisp.height()) == tuple(2 * side for side in _pill_size(13, 3, True))


def test_a_scaled_painter_draws_the_shapes_not_a_stretched_pixmap() -> None:
    _pill_pixmap.cache_clear()
    image, target = _photo(160, 1.0)
    painter = QPainter(image)
    painter.scale(2, 2)
    paint_marks(painter, target, 160, 3, "", "")
    painter.end()
    assert _pill_pixmap.cache_info().misses == 0
    drawn, _ = _photo(160, 1.0)
    painter = QPainter(drawn)
    painter.scale(2, 2)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = 13
    _draw_pill(painter, QPointF(target.left() + 3, target.bottom() - _pill_size(unit, 3, True)[1] - 3), unit, 3, True)
    painter.end()
    assert image == drawn
