"""The culling view over the grid's ids: rows read from the catalog a page at a time around
the photo shown (opening over a million ids is one small query), edits shown whether the
row was held or read again, and ids that arrive after the view opened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt

from photoarchive.ui import culling
from photoarchive.ui.culling import CatalogPhotos, cull_photos
from photoarchive.ui.widgets.cull_view import CullView


@pytest.fixture
def records(catalog) -> list[int]:
    """150 photo rows (no files behind them), named IMG_0000.JPG ... in this order."""
    return [
        catalog.add_photo(
            {
                "sha256": f"{i:064x}",
                "original_path": f"2015/2015-08-10/IMG_{i:04d}.JPG",
                "original_name": f"IMG_{i:04d}.JPG",
                "source_path": f"/src/IMG_{i:04d}.JPG",
                "size": 1,
                "format": "JPEG",
                "imported_at": "2026-01-01T00:00:00+00:00",
                "embedded": {},
            }
        )
        for i in range(150)
    ]


@pytest.fixture
def us_locale():
    default = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))  # as the app sets it
    yield
    QLocale.setDefault(default)


def queries(catalog) -> list[str]:
    """Every statement run on the catalog's connection from now on."""
    statements: list[str] = []
    catalog.conn.set_trace_callback(statements.append)
    return statements


def open_view(qtbot, photos, **options) -> CullView:
    view = CullView(photos, **options)
    qtbot.addWidget(view)
    view.resize(800, 600)
    with qtbot.waitExposed(view):
        view.show()
    return view


def settle(qtbot, view: CullView) -> None:
    qtbot.waitUntil(lambda: view.cache.pending() == 0, timeout=10_000)


def test_opening_over_a_million_ids_reads_one_page(qtbot, catalog, records, us_locale) -> None:
    ids = (records * (1_000_000 // len(records) + 1))[:1_000_000]
    statements = queries(catalog)
    photos = CatalogPhotos(catalog, ids)
    view = open_view(qtbot, photos, position=500_000)  # the photo shown and both neighbours on one page
    assert len([s for s in statements if "FROM photos" in s]) == 1 and photos.pages_read == 1
    assert len(photos.cached_positions()) == culling.PAGE_SIZE
    assert view.current_id() == ids[500_000]
    assert "IMG_0050.JPG" in view.overlay.text()  # 500,000 = 3,333 x 150 + 50
    assert "500,001 / 1,000,000" in view.overlay.text()
    settle(qtbot, view)


def test_moving_past_a_page_boundary_shows_the_right_photo(qtbot, catalog, records) -> None:
    photos = CatalogPhotos(catalog, records)
    view = open_view(qtbot, photos, position=61)
    assert photos.pages_read == 1
    qtbot.keyClick(view, Qt.Key.Key_Right)  # 62; 63 decoded ahead: still the first page
    assert photos.pages_read == 1
    qtbot.keyClick(view, Qt.Key.Key_Right)  # 63; 64, decoded ahead, is on the second page
    assert photos.pages_read == 2
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current() == cull_photos(catalog, [records[64]])[0]  # every field, not just the id
    assert "IMG_0064.JPG" in view.overlay.text() and "65 / 150" in view.overlay.text()
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.current_id() == records[63] and photos.pages_read == 2  # held: not read again
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current() == cull_photos(catalog, [records[-1]])[0] and photos.pages_read == 3
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current_id() == records[0]
    settle(qtbot, view)


def test_the_current_photo_may_be_given_by_id(qtbot, catalog, records) -> None:
    view = open_view(qtbot, CatalogPhotos(catalog, records), current=records[100])
    assert view.position == 100 and "IMG_0100.JPG" in view.overlay.text()
    settle(qtbot, view)


def test_a_photo_removed_since_the_list_was_read_says_it_cannot_be_shown(qtbot, catalog, records) -> None:
    missing = max(records) + 1000
    view = open_view(qtbot, CatalogPhotos(catalog, [records[0], missing, records[1]]), position=1)
    settle(qtbot, view)
    assert view.current_id() == missing and "2 / 3" in view.overlay.text()
    assert f"#{missing} cannot be shown" in view.canvas.message
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert "IMG_0001.JPG" in view.overlay.text()


def test_set_value_changes_the_rows_held_and_not_the_others(catalog, records) -> None:
    photos = CatalogPhotos(catalog, records, page_size=10, pages_kept=2)
    assert photos[3].rating is None
    photos.set_value([records[3], records[140]], "rating", 4)  # the second not read: left to the catalog
    assert photos[3].rating == 4 and photos.pages_read == 1
    assert photos[140].rating is None  # read from the catalog, which this test did not change
    assert photos.pages_read == 2 and photos[3].rating == 4  # still held
    assert photos[50].name == "IMG_0050.JPG" and photos[60].name == "IMG_0060.JPG"
    assert photos.cached_positions() == list(range(50, 70))  # two pages kept: the first let go
    assert photos[3].rating is None and photos.pages_read == 5  # read again, as the catalog has it


# -- through the window: the real edits, undo and the grid's list -------------------------


def open_cull(qtbot, window, position: int = 0) -> CullView:
    order = window.grid_model.ids()
    window.select_photos([order[position]])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.grid.setFocus() or window.grid.hasFocus())
    qtbot.keyClick(window.grid, Qt.Key.Key_F)
    view = window.culling.view
    assert isinstance(view, CullView)
    qtbot.waitUntil(lambda: view.windowHandle().isExposed())  # shown by the window
    qtbot.waitUntil(view.isActiveWindow)
    return view


def test_edits_are_shown_after_moving_away_and_back(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(culling, "PAGE_SIZE", 4)
    monkeypatch.setattr(culling, "PAGES_KEPT", 2)
    order = window.grid_model.ids()
    assert len(order) > 12
    view = open_cull(qtbot, window)
    photos = view.photos
    assert isinstance(photos, CatalogPhotos) and photos.page_size == 4
    qtbot.keyClick(view, Qt.Key.Key_3)
    read = photos.pages_read
    assert "★★★☆☆" in view.overlay.text() and photos.pages_read == read  # the row held, changed in place
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_P)
    for _ in range(10):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert 0 not in photos.cached_positions()  # the first page let go
    window.edits.undo()  # the pick taken back while its row is not held
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current_id() == order[0] and "★★★☆☆" in view.overlay.text()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current_id() == order[1] and view.current().flag == "" and "Pick" not in view.overlay.text()
    window.edits.redo()  # and again while it is shown
    assert "Pick" in view.overlay.text()
    qtbot.keyClick(view, Qt.Key.Key_Escape)


def test_ids_arriving_after_the_view_opened_join_it(qtbot, window) -> None:
    order = window.grid_model.ids()
    window.grid_model.set_ids(order[:5])  # the grid's first page; the rest comes from a worker
    view = open_cull(qtbot, window, position=4)
    assert "5 / 5" in view.overlay.text()
    window.grid_model.append_ids(order[5:])
    assert f"5 / {len(order)}" in view.overlay.text()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current_id() == order[5]
    window.grid_model.set_ids(order[:2])  # another list in the grid: the view keeps its own
    window.grid_model.append_ids(order[2:3])
    assert len(view.photos) == len(order) and view.current_id() == order[5]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
