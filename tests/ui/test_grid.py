"""The thumbnail grid's layout: the cells fill the width of the view at any size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListView, QStyle

from photoarchive.ui.models.photo_grid_model import PhotoGridModel
from photoarchive.ui.widgets.photo_grid import CELL_PADDING, LAYOUT_BATCH, SCROLL_RETRY_MS, PhotoGrid, fit_columns


@pytest.mark.parametrize("available", [300, 574, 590, 754, 770, 1200])
@pytest.mark.parametrize("size", [96, 160, 240, 320])
def test_fit_columns_fills_the_row(available: int, size: int) -> None:
    columns, cell, shown = fit_columns(available, size)
    assert columns >= 1 and shown >= size
    assert shown + CELL_PADDING <= cell or columns == 1
    if available >= size + CELL_PADDING:
        assert columns * cell <= available
        assert available - columns * cell < columns  # only the remainder of the division is left
        assert columns == available // (size + CELL_PADDING)  # as many as fit at the chosen size


def _columns(grid: PhotoGrid) -> list[int]:
    model = grid.model()
    return sorted({grid.visualRect(model.index(r)).x() for r in range(model.rowCount())})


@pytest.mark.parametrize("width", [590, 770, 1000])
def test_cells_fill_the_width_of_the_view(qtbot, sample_catalog, width: int) -> None:
    """No band of empty space on the right: the cells widen to fill the view (cells of a fixed
    176 px would wrap to three at 590 px and to four at 770 px, leaving most of a column empty)."""
    model = PhotoGridModel(sample_catalog)
    model.set_ids(sample_catalog.photo_ids())
    grid = PhotoGrid(model)
    qtbot.addWidget(grid)
    grid.resize(width, 500)
    with qtbot.waitExposed(grid):
        grid.show()
    columns = _columns(grid)
    cell = grid.gridSize().width()
    bar = grid.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, grid.verticalScrollBar())
    used = len(columns) * cell
    assert columns == [i * cell for i in range(len(columns))]
    assert grid.viewport().width() - used <= bar + len(columns)  # at most the scroll bar's room
    assert grid.delegate.size >= grid.thumbnail_size  # never smaller than the slider asks


def test_resizing_and_the_slider_change_the_columns(qtbot, sample_catalog) -> None:
    model = PhotoGridModel(sample_catalog)
    model.set_ids(sample_catalog.photo_ids())
    grid = PhotoGrid(model)
    qtbot.addWidget(grid)
    grid.resize(800, 500)
    with qtbot.waitExposed(grid):
        grid.show()
    before = len(_columns(grid))
    grid.resize(1200, 500)
    qtbot.waitUntil(lambda: len(_columns(grid)) > before)
    wide = len(_columns(grid))
    grid.set_thumbnail_size(320)
    qtbot.waitUntil(lambda: len(_columns(grid)) < wide)
    assert grid.delegate.size >= 320


def test_a_long_list_is_laid_out_in_batches_and_a_far_row_scrolled_to_once_placed(qtbot, sample_catalog) -> None:
    """Qt lays the cells out ``LAYOUT_BATCH`` rows at a time, the event loop running between
    (one pass over a million rows held the window 1.7 s); a row selected before its batch is
    laid out is scrolled to once it is, unless the curator moved on meanwhile."""
    model = PhotoGridModel(sample_catalog)
    grid = PhotoGrid(model)
    assert grid.layoutMode() == QListView.LayoutMode.Batched
    assert grid.batchSize() == LAYOUT_BATCH
    grid.setBatchSize(40)  # the same passes, over fewer rows
    qtbot.addWidget(grid)
    grid.resize(600, 400)
    with qtbot.waitExposed(grid):
        grid.show()
    ids = list(range(1_000_001, 1_000_401))  # no such photos: empty cells, laid out the same
    model.set_ids(ids)
    grid.executeDelayedItemsLayout()
    assert not grid.laid_out()  # the first batch only
    assert not grid.visualRect(model.index(len(ids) - 1)).isValid()
    far = model.index(300)  # placed by a batch before the last: the scroll bar reaches it only at the end
    grid.select_ids([ids[300]])
    assert grid.selected_ids() == [ids[300]]
    assert grid.verticalScrollBar().value() == 0  # not placed yet
    batches = 0
    while not grid.laid_out():
        QApplication.processEvents()  # a batch
        grid._scroll_when_laid_out()  # as its timer may, between any two batches
        batches += 1
    assert batches >= 5
    qtbot.waitUntil(lambda: grid.viewport().rect().intersects(grid.visualRect(far)))

    model.set_ids(ids)  # read again: laid out anew from the top
    grid.executeDelayedItemsLayout()
    grid.verticalScrollBar().setValue(0)
    grid.select_ids([ids[300]])
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.viewport().rect().center())
    qtbot.waitUntil(grid.laid_out)
    qtbot.wait(3 * SCROLL_RETRY_MS)
    assert grid.verticalScrollBar().value() == 0  # the click came first: left where it was


def test_a_cell_of_another_model_is_left_unpainted_and_the_painter_as_it_was(qtbot, qtlog) -> None:
    """The delegate paints only the grid's own model's cells; asked for another's, it returns
    without leaving a saved state on the painter (which Qt warns of when the painter ends)."""
    from PySide6.QtGui import QImage, QPainter, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyleOptionViewItem

    from photoarchive.ui.widgets.photo_grid import ThumbnailDelegate

    other = QStandardItemModel()
    other.appendRow(QStandardItem("not a photo"))
    image = QImage(200, 200, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = image.rect()
    ThumbnailDelegate().paint(painter, option, other.index(0, 0))
    painter.end()
    assert not [record for record in qtlog.records if "saved states" in record.message]
    assert image.pixel(100, 100) == image.pixel(0, 0)  # nothing drawn
