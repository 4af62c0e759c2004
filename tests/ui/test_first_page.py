"""The window shows its first screen from one page of the list, the rest and the counts
arriving from the background (with a page of 5, the sample's 14 photos take three steps)."""

from __future__ import annotations

import pytest

from photoarchive.ui import sources
from photoarchive.ui.sources import BATCH, Source


@pytest.fixture
def paged_window(qtbot, sample_catalog, settings, monkeypatch):
    from photoarchive.ui.main_window import MainWindow

    monkeypatch.setattr(sources, "FIRST_PAGE", 5)
    main = MainWindow(sample_catalog, settings, import_workers=1)
    qtbot.addWidget(main)
    first = main.grid_model.rowCount()
    main.resize(1300, 850)
    main.show()
    yield main, first
    main.close()


def test_first_page_then_the_rest_in_order(qtbot, paged_window) -> None:
    window, first = paged_window
    assert first == 5  # what the constructor read: one page, not the catalog
    qtbot.waitUntil(lambda: window.grid_model.rowCount() == 14, timeout=5_000)
    assert window.grid_model.ids() == window.catalog.photo_ids(order="captured")
    assert window.bar.count.text() == "14 photos"
    library = window.sources_model.group_index("library")
    qtbot.waitUntil(lambda: window.sources_model.index(0, 0, library).data() == "All photos  (14)", timeout=5_000)
    keywords = [s.key for s in window.sources_model.sources("keywords")]
    assert "tank" in keywords  # counted in the background too


def test_search_and_sort_by_pages_keep_the_selection(qtbot, paged_window) -> None:
    window, _ = paged_window
    qtbot.waitUntil(lambda: window.grid_model.rowCount() == 14, timeout=5_000)
    window.bar.set_order("name")
    qtbot.waitUntil(lambda: window.grid_model.rowCount() == 14, timeout=5_000)
    assert window.grid_model.ids() == window.catalog.photo_ids(order="name")
    last = window.grid_model.ids()[-1]  # beyond the first page of any other order
    window.grid.select_ids([last])
    window.bar.set_order("imported")
    qtbot.waitUntil(lambda: window.grid_model.rowCount() == 14 and window.grid.selected_ids() == [last], timeout=5_000)
    assert window.grid_model.ids() == window.catalog.photo_ids(order="imported")
    window._search("ta")  # a short word (LIKE), in 6 of the 14: more than a page
    expected = window.catalog.photo_ids(search="ta", order="imported")
    assert len(expected) > 5
    qtbot.waitUntil(lambda: window.grid_model.ids() == expected, timeout=5_000)
    assert window.bar.count.text() == f"{len(expected)} of 14"
    window._search("")
    batch = window.catalog.batches()[0].id
    window.sources.select_source(Source(BATCH, batch))
    qtbot.waitUntil(
        lambda: window.grid_model.ids() == window.catalog.photo_ids(order="imported", batch=batch), timeout=5_000
    )


def test_cells_are_read_a_page_at_a_time_and_a_removed_photo_is_an_empty_cell(qtbot, sample_catalog) -> None:
    from photoarchive.catalog.cells import grid_cells
    from photoarchive.catalog.curated import load_values
    from photoarchive.ui.models.photo_grid_model import PhotoGridModel, PhotoRole

    ids = sample_catalog.photo_ids()
    cells = grid_cells(sample_catalog, ids)
    photos = {p.id: p for p in sample_catalog.photos(ids)}
    captions = load_values(sample_catalog, ids, ["caption"])
    for pid in ids:
        assert cells[pid][:4] == (pid, photos[pid].original_name, photos[pid].sha256, photos[pid].captured_at)
        assert cells[pid][4] == (captions[pid]["caption"] or "")
    model = PhotoGridModel(sample_catalog)
    model.set_ids(ids)
    with sample_catalog.conn:  # removed by another process after the list was read
        sample_catalog.conn.execute("DELETE FROM photos WHERE id = ?", (ids[1],))
    assert model.index(0).data() == photos[ids[0]].original_name
    assert model.index(1).data() == ""
    assert model.index(1).data(PhotoRole.ID) == ids[1]


def test_thumbnail_cache_keeps_within_its_pixel_budget(qtbot, sample_catalog) -> None:
    from photoarchive.ui.thumbnails import ThumbnailCache

    photos = sample_catalog.list_photos()[:4]
    paths = {p.sha256: sample_catalog.paths.thumbnail(p.sha256, 256) for p in photos}
    probe = ThumbnailCache()
    for sha, path in paths.items():
        probe.pixmap(sha, path)
    qtbot.waitUntil(lambda: probe.pending() == 0, timeout=5000)
    sizes = [probe.cached(sha) for sha in paths]
    one = max(p.width() * p.height() * p.depth() // 8 for p in sizes if p is not None)
    probe.shutdown()
    cache = ThumbnailCache(max_bytes=2 * one)  # room for two, whatever the count allows
    for sha, path in paths.items():
        cache.pixmap(sha, path)
        qtbot.waitUntil(lambda: cache.pending() == 0, timeout=5000)
    kept = [sha for sha in paths if cache.cached(sha) is not None]
    assert 1 <= len(kept) <= 2 and kept == list(paths)[-len(kept) :]  # the newest kept
    cache.shutdown()


def test_rows_appended_after_a_short_page_are_read(qtbot, sample_catalog) -> None:
    from photoarchive.ui.models.photo_grid_model import PhotoGridModel

    ids = sample_catalog.photo_ids()
    model = PhotoGridModel(sample_catalog)
    model.set_ids(ids[:5])
    assert model.cell(4).id == ids[4]  # its page is read, five rows long
    model.append_ids(ids[5:])
    assert [model.cell(r).id for r in range(len(ids))] == ids


def test_a_search_that_keeps_the_selection_does_not_announce_it_again(qtbot, sample_catalog, settings) -> None:
    from photoarchive.ui.main_window import MainWindow

    window = MainWindow(sample_catalog, settings, import_workers=1)
    qtbot.addWidget(window)
    told: list[list[int]] = []
    window.selection_changed.connect(told.append)
    window._search("tank")  # nothing selected before or after: the map and panels are not redrawn
    window._search("")
    assert told == []
    first = window.grid_model.id_at(0)
    window.grid.select_ids([first])
    qtbot.waitUntil(lambda: told == [[first]], timeout=2_000)
    window._search("")  # the same photo still selected
    assert told == [[first]]
    window.close()


def test_the_first_page_holds_the_cells_shown_and_a_screen_more(qtbot, sample_catalog, settings, monkeypatch) -> None:
    # A first page costs about its length in matches read: the window reads what it shows
    # (and a screen more), not sources.FIRST_PAGE, whatever its size; the rest follows.
    from photoarchive.ui import main_window
    from photoarchive.ui.main_window import MainWindow

    monkeypatch.setattr(main_window, "MIN_FIRST_PAGE", 1)
    window = MainWindow(sample_catalog, settings, import_workers=1)
    qtbot.addWidget(window)
    window.resize(900, 600)
    with qtbot.waitExposed(window):
        window.show()
    window.grid.set_thumbnail_size(400)  # two or three cells a row
    qtbot.waitUntil(lambda: window._grid_rest is None, timeout=5_000)
    grid = window.grid
    rows = grid.viewport().height() // grid.gridSize().height() + 1
    first = window._first_screen()
    assert first == grid.columns * rows * 2 < 14
    window.reload_grid()
    assert window.grid_model.ids() == window.catalog.photo_ids(order="captured")[:first]
    qtbot.waitUntil(lambda: window.grid_model.rowCount() == 14, timeout=5_000)
    assert window.grid_model.ids() == window.catalog.photo_ids(order="captured")
    monkeypatch.setattr(main_window, "MIN_FIRST_PAGE", 200)
    assert window._first_screen() == 200  # a window not yet laid out still reads a screenful
    window.close()
