"""The filtered grid's controller alone, without the window: given a grid, the filter
controller and the undo stack's new values, a photo that stops matching leaves its row and
undo brings it back there; too many photos at once ask for the grid to be read again."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from photoarchive.ui import filtered_grid
from photoarchive.ui.filter_controller import FilterController
from photoarchive.ui.filtered_grid import FilteredGrid
from photoarchive.ui.models.photo_grid_model import PhotoGridModel
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.filter_bar import FilterBar
from photoarchive.ui.widgets.photo_grid import PhotoGrid


def _filtered(qtbot, catalog, settings):
    edits = PhotoEdits(catalog)
    grid = PhotoGrid(PhotoGridModel(catalog))
    qtbot.addWidget(grid)
    bar = FilterBar()
    qtbot.addWidget(bar)
    filtering = FilterController(catalog, edits, settings, bar, QLineEdit(), QLabel())
    editor = QWidget()
    qtbot.addWidget(editor)
    filtered = FilteredGrid(grid, filtering, editor, lambda: "")
    edits.values_changed.connect(filtered.values_changed)
    return edits, grid, filtered


def test_a_rating_that_stops_matching_leaves_its_row_and_undo_brings_it_back(qtbot, sample_catalog, settings) -> None:
    edits, grid, filtered = _filtered(qtbot, sample_catalog, settings)
    ids = sample_catalog.photo_ids(order="imported")[:4]
    edits.apply(ids, {"rating": 4}, "rate")
    grid.grid_model.set_ids(ids)
    filtered.filter = "rating>=3"
    counted: list[None] = []
    filtered.count_changed.connect(lambda: counted.append(None))
    grid.select_ids([ids[1]])
    edits.apply([ids[1]], {"rating": 1}, "rate")
    assert grid.grid_model.ids() == [ids[0], ids[2], ids[3]]
    assert filtered.in_place_of(ids[1]) == ids[2]  # it left row 1: the photo now there
    assert grid.selected_ids() == [ids[2]]  # the photo after it
    edits.undo()
    assert grid.grid_model.ids() == ids
    assert filtered.in_place_of(ids[1]) == ids[1]  # back in the grid
    assert grid.selected_ids() == [ids[1]]
    assert len(counted) == 2


def test_more_photos_than_it_asks_about_read_the_grid_again(qtbot, sample_catalog, settings, monkeypatch) -> None:
    edits, grid, filtered = _filtered(qtbot, sample_catalog, settings)
    ids = sample_catalog.photo_ids(order="imported")[:3]
    grid.grid_model.set_ids(ids)
    filtered.filter = "rating>=3"
    monkeypatch.setattr(filtered_grid, "LEAVE_AT_MOST", 2)
    reloads: list[None] = []
    filtered.reload_requested.connect(lambda: reloads.append(None))
    edits.apply(ids, {"rating": 1}, "rate")
    assert reloads == [None]
    assert grid.grid_model.ids() == ids  # left to the reload
