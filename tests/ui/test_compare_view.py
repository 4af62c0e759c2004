"""The compare view: 2-4 photos, one zoom and one pan for all, keys for the focused photo, Esc."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from photoarchive.ui.culling import CullPhoto
from photoarchive.ui.widgets.compare_view import CompareView
from tests.conftest import write_photo


@pytest.fixture
def photos(tmp_path: Path) -> list[CullPhoto]:
    result = []
    for i in range(4):
        path = write_photo(tmp_path / f"IMG_{i:04d}.JPG", size=(2400, 1600), seed=i)
        result.append(CullPhoto(200 + i, path, path.name, 1, width=2400, height=1600))
    return result


def open_view(qtbot, photos: list[CullPhoto]) -> CompareView:
    view = CompareView(photos)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    with qtbot.waitExposed(view):
        view.show()
    qtbot.waitUntil(lambda: view.cache.pending() == 0, timeout=20_000)
    return view


def centres(view: CompareView) -> list[QPointF]:
    return [panel.canvas.visible_centre() for panel in view.panels]


def near(a: QPointF, b: QPointF, tolerance: float = 0.01) -> bool:
    return abs(a.x() - b.x()) < tolerance and abs(a.y() - b.y()) < tolerance


def test_two_to_four_photos(photos) -> None:
    for count in (1, 5):
        with pytest.raises(ValueError):
            CompareView((photos * 2)[:count])


def test_four_photos_in_two_rows_all_decoded_and_fitted(qtbot, photos) -> None:
    view = open_view(qtbot, photos)
    assert view.columns == 2
    assert all(panel.canvas.is_full() and not panel.canvas.actual_size for panel in view.panels)
    assert all(view.cache.is_cached(p.id) for p in photos)
    tops = sorted({panel.y() for panel in view.panels})
    assert len(tops) == 2


def test_a_click_zooms_all_to_100_percent_at_the_same_relative_point(qtbot, photos) -> None:
    view = open_view(qtbot, photos[:3])
    canvas = view.panels[2].canvas
    rect = canvas.image_rect()
    click = QPoint(int(rect.left() + rect.width() * 0.7), int(rect.top() + rect.height() * 0.3))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=click)
    assert view.focus == 2 and canvas.highlighted and not view.panels[0].canvas.highlighted
    assert all(panel.canvas.actual_size for panel in view.panels)
    assert all(near(c, QPointF(0.7, 0.3)) for c in centres(view))
    assert all("100 %" in panel.caption.text() for panel in view.panels)
    qtbot.keyClick(view, Qt.Key.Key_Z)
    assert not any(panel.canvas.actual_size for panel in view.panels)
    qtbot.keyClick(view, Qt.Key.Key_Z)  # Z: 100 % around the middle, all together
    assert all(panel.canvas.actual_size for panel in view.panels)
    assert all(near(c, QPointF(0.5, 0.5)) for c in centres(view))


def test_panning_one_pans_all(qtbot, photos) -> None:
    view = open_view(qtbot, photos[:2])
    view.set_zoom(True, QPointF(0.5, 0.5))
    canvas = view.panels[0].canvas
    start = QPoint(canvas.width() // 2, canvas.height() // 2)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):
        qtbot.mouseMove(canvas, start + QPoint(-20 * step, -10 * step))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(-200, -100))
    first, second = centres(view)
    scale = canvas.image_rect().width()
    assert near(first, QPointF(0.5 + 200 / scale, 0.5 + 100 / canvas.image_rect().height()), 0.005)
    assert near(second, first, 0.001)
    assert all(panel.canvas.actual_size for panel in view.panels)  # a drag does not toggle the zoom


def test_arrows_move_the_focus_and_keys_edit_the_focused_photo(qtbot, photos) -> None:
    view = open_view(qtbot, photos)
    edits = []
    view.selection_edited.connect(lambda ids, field, value: edits.append((ids, field, value)))
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_5)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # to the photo under it: the fourth
    qtbot.keyClick(view, Qt.Key.Key_X)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_7)
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert edits == [
        ([photos[1].id], "rating", 5),
        ([photos[3].id], "flag", "reject"),
        ([photos[2].id], "label", "yellow"),
        ([photos[2].id], "flag", "pick"),
    ]
    assert [panel.canvas.highlighted for panel in view.panels] == [False, False, True, False]
    view.set_value([photos[2].id], "rating", 3)
    view.set_value([photos[3].id], "flag", "reject")
    assert "★★★☆☆" in view.panels[2].caption.text() and "Reject" in view.panels[3].caption.text()
    assert "★" not in view.panels[0].caption.text()


def test_escape_leaves_with_the_focused_photo(qtbot, photos) -> None:
    view = open_view(qtbot, photos[:2])
    qtbot.keyClick(view, Qt.Key.Key_Right)
    with qtbot.waitSignal(view.left) as left:
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert left.args == [photos[1].id] and not view.isVisible()
