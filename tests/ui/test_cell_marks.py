"""The stars drawn on a rated cell (``ui.widgets.cell_marks``)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF

from photoarchive.ui.widgets.cell_marks import star_polygon


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
