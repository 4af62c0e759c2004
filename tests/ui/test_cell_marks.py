"""The marks drawn on a cell (``ui.widgets.cell_marks``): the stars, the label's frame, the flag."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPen

from photoarchive.ui.culling import LABEL_COLOURS
from photoarchive.ui.widgets.cell_marks import (
    FULL_STARS_FROM,
    _badge_pixmap,
    _draw_pill,
    _paint_flag,
    _paint_frame,
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


# The label's frame as filled rectangles, and the flag's badge drawn once and copied (issue 12:
# a filter on a label or a flag shows the mark on every cell of its first page).


def _framed_by_stroke(size: int, ratio: float, label: str) -> QImage:
    """The frame as it was stroked: an antialiased pen ``width`` wide around the thumbnail (with
    mitred corners: Qt's default bevel blended the four outermost corner pixels)."""
    image, target = _photo(size, ratio)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width = 2 if size < FULL_STARS_FROM else 3
    pen = QPen(QColor(LABEL_COLOURS[label]), width)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    half = width / 2
    painter.drawRect(QRectF(target).adjusted(-half, -half, half, half))
    painter.end()
    return image


def _cell(size: int, ratio: float, label: str = "", flag: str = "", rating: int | None = None) -> QImage:
    image, target = _photo(size, ratio)
    painter = QPainter(image)
    paint_marks(painter, target, size, rating, label, flag)
    painter.end()
    return image


def test_the_labels_frame_covers_the_pixels_the_stroke_did() -> None:
    for ratio in (1.0, 2.0):  # whole device pixels: the same pixels, the same colour
        for size in SIZES:
            for label in LABEL_COLOURS:
                assert _cell(size, ratio, label) == _framed_by_stroke(size, ratio, label), (ratio, size, label)
    # At 1.5 the stroke's edges fell between device pixels and were blended; the frame's own
    # pixels, inside its band, are the label's colour all round.
    image, target = _photo(160, 1.5)
    framed = _cell(160, 1.5, "blue")
    colour = QColor(LABEL_COLOURS["blue"]).rgb()
    middle = 1.5  # logical pixels out from the thumbnail: the middle of a 3-pixel band
    for x, y in ((target.center().x(), target.top() - middle), (target.center().x(), target.bottom() + 1 + middle),
                 (target.left() - middle, target.center().y()), (target.right() + 1 + middle, target.center().y())):  # fmt: skip
        assert framed.pixel(round(x * 1.5), round(y * 1.5)) == colour, (x, y)
    assert framed.pixel(round(target.center().x() * 1.5), round(target.center().y() * 1.5)) == image.pixel(
        round(target.center().x() * 1.5), round(target.center().y() * 1.5)
    )  # the photo itself untouched


def _badge_drawn(size: int, ratio: float, flag: str) -> tuple[QImage, QRectF]:
    """The cell with the flag's shapes drawn straight where the cell puts its badge."""
    image, target = _photo(size, ratio)
    if flag == "reject":
        painter = QPainter(image)
        painter.fillRect(target, QColor(0, 0, 0, 150))
        painter.end()
    side = max(8, min(14, size // 12)) * 1.6
    left, top = target.right() - side - 3, target.bottom() - side - 3
    origin = QPointF(round(left * ratio) / ratio, round(top * ratio) / ratio)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _paint_flag(painter, QRectF(origin.x(), origin.y(), side, side), flag)
    painter.end()
    return image, QRectF(origin.x(), origin.y(), side, side)


def test_the_cached_badge_looks_as_the_flag_drawn_straight_at_every_size_and_ratio() -> None:
    _badge_pixmap.cache_clear()
    for ratio in RATIOS:
        for size in SIZES:
            for flag in ("pick", "reject"):
                drawn, badge = _badge_drawn(size, ratio, flag)
                assert _largest_difference(_cell(size, ratio, flag=flag), drawn, badge) <= 2, (ratio, size, flag)
    misses = _badge_pixmap.cache_info().misses
    _cell(160, 1.0, flag="pick")
    assert _badge_pixmap.cache_info().misses == misses  # drawn once, copied after


def test_a_scaled_painter_draws_the_flag_not_a_stretched_pixmap() -> None:
    _badge_pixmap.cache_clear()
    image, target = _photo(160, 1.0)
    painter = QPainter(image)
    painter.scale(2, 2)
    painter.setPen(QColor(1, 2, 3))
    paint_marks(painter, target, 160, None, "red", "pick")
    assert painter.pen().color() == QColor(1, 2, 3)  # the painter's state kept
    painter.end()
    assert _badge_pixmap.cache_info().misses == 0
    drawn, _ = _photo(160, 1.0)
    painter = QPainter(drawn)
    painter.scale(2, 2)
    _paint_frame(painter, target, QColor(LABEL_COLOURS["red"]), 3)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    side = 13 * 1.6
    _paint_flag(painter, QRectF(target.right() - side - 3, target.bottom() - side - 3, side, side), "pick")
    painter.end()
    assert image == drawn


def test_a_reject_is_dimmed_in_bands_as_one_fill_dims_it() -> None:
    """The reject's dimming, filled in bands of rows (each under Qt's threaded fill), covers the
    photo as one translucent fill does, at every size and ratio, and nothing around it."""
    for ratio in RATIOS:
        for size in SIZES:
            image, target = _photo(size, ratio)
            painter = QPainter(image)
            painter.fillRect(target, QColor(0, 0, 0, 150))
            painter.end()
            dimmed = _cell(size, ratio, flag="reject")
            drawn, badge = _badge_drawn(size, ratio, "reject")
            assert drawn == _badge_drawn_over(image, size, ratio), (ratio, size)
            assert _largest_difference(dimmed, drawn, badge) <= 2, (ratio, size)


def _badge_drawn_over(image: QImage, size: int, ratio: float) -> QImage:
    """``_badge_drawn``'s reject badge drawn over ``image`` (dimmed in one fill)."""
    copy = image.copy()
    target = QRect(10, 10, size, size * 3 // 4)
    side = max(8, min(14, size // 12)) * 1.6
    left, top = target.right() - side - 3, target.bottom() - side - 3
    origin = QPointF(round(left * ratio) / ratio, round(top * ratio) / ratio)
    painter = QPainter(copy)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _paint_flag(painter, QRectF(origin.x(), origin.y(), side, side), "reject")
    painter.end()
    return copy
