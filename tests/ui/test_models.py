"""The Qt item models alone, without views: rows, roles, sorting, filtering, reordering, drops."""

from __future__ import annotations

from array import array

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from photoarchive import collections as collection_store
from photoarchive.ui.models.photo_grid_model import PhotoGridModel, PhotoRole, ids_from_mime, photo_ids_mime
from photoarchive.ui.models.sources_model import SOURCE_ROLE, SourcesModel
from photoarchive.ui.sources import ALL_PHOTOS, ATTENTION, BATCH, COLLECTION, KEYWORD, PLACE, Source, source_ids
from tests.ui.conftest import ids_by_name


def test_grid_model_rows_and_roles(qtmodeltester, sample_catalog) -> None:
    model = PhotoGridModel(sample_catalog)
    ids = sample_catalog.photo_ids(order="name")
    model.set_ids(ids)
    assert model.rowCount() == 14
    index = model.index(3)
    photo = sample_catalog.photo(ids[3])
    assert index.data(PhotoRole.ID) == photo.id
    assert index.data(Qt.ItemDataRole.DisplayRole) == photo.original_name
    assert index.data(PhotoRole.CAPTION).startswith("Wreck of a Japanese light tank")
    assert photo.original_name in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(PhotoRole.THUMBNAIL_PATH).endswith(f"{photo.sha256}-256.jpg")
    assert model.row_of(photo.id) == 3
    qtmodeltester.check(model)  # the C++ tester: see PhotoGridModel on index.data() and None


def test_grid_model_reads_cells_a_page_at_a_time(sample_catalog) -> None:
    model = PhotoGridModel(sample_catalog)
    model.set_ids(sample_catalog.photo_ids())
    assert not model._pages
    model.index(0).data()
    assert list(model._pages) == [0]


def test_grid_model_keeps_its_ids_as_one_block(sample_catalog) -> None:
    """The ids are an array of 64-bit ints, as the background reads the rest of a list: a
    reload drops a million of them as one block, not an int object each inside the next
    first paint; the rows, the moves and the cells read as from a list."""
    from photoarchive.ui.sources import ALL_PHOTOS, source_page
    from photoarchive.ui.workers import grid_rest_job

    photo_ids = sample_catalog.photo_ids()
    page = source_page(sample_catalog, ALL_PHOTOS, search="", order="imported", limit=2)
    assert page is not None and page.after is not None
    job = grid_rest_job(sample_catalog, ALL_PHOTOS, page.after, search="", order="imported").job
    rest, size = job(lambda: False, lambda _: None)
    assert isinstance(rest, array) and rest.typecode == "q"
    assert size == len(photo_ids)
    model = PhotoGridModel(sample_catalog)
    model.set_ids(page.ids)
    model.append_ids(rest)
    assert isinstance(model._ids, array) and model._ids.typecode == "q"
    assert sorted(model.ids()) == sorted(photo_ids)
    assert model.rowCount() == len(photo_ids)
    assert model.index(len(photo_ids) - 1).data(PhotoRole.ID) == rest[-1]
    last = model.id_at(len(photo_ids) - 1)
    assert model.row_of(last) == len(photo_ids) - 1
    assert model.index(len(photo_ids) - 1).data() == sample_catalog.photo(last).original_name
    model.set_ids([3, 1, 2], reorderable=True)
    assert isinstance(model._ids, array)
    assert not model.move_photos([3], 0)  # already there
    assert model.move_photos([3], 3)
    assert isinstance(model._ids, array) and model.ids() == [1, 2, 3]


def test_refresh_rereads_an_edited_caption(sample_catalog) -> None:
    from photoarchive.edits import apply_edit

    model = PhotoGridModel(sample_catalog)
    model.set_ids(sample_catalog.photo_ids())
    first = model.id_at(0)
    assert model.index(0).data(PhotoRole.CAPTION) != "New"
    apply_edit(sample_catalog, [first], {"caption": "New"})
    model.refresh([first])
    assert model.index(0).data(PhotoRole.CAPTION) == "New"


def test_moving_photos_reorders_and_keeps_persistent_indexes(qtbot, sample_catalog) -> None:
    model = PhotoGridModel(sample_catalog)
    model.set_ids([1, 2, 3, 4, 5], reorderable=True)
    tracked = QPersistentModelIndex(model.index(3))  # photo 4
    with qtbot.waitSignal(model.order_changed) as signal:
        assert model.move_photos([4, 5], 1)
    assert model.ids() == [1, 4, 5, 2, 3]
    assert signal.args == [[1, 4, 5, 2, 3]]
    assert tracked.row() == 1
    assert model.move_photos([1], 5)  # to the end
    assert model.ids() == [4, 5, 2, 3, 1]
    assert not model.move_photos([4], 0)  # already there


def test_drop_inside_a_collection_moves_and_outside_is_refused(sample_catalog) -> None:
    model = PhotoGridModel(sample_catalog)
    model.set_ids([1, 2, 3])
    data = photo_ids_mime([3])
    assert ids_from_mime(data) == [3]
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    model.set_ids([1, 2, 3], reorderable=True)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert model.ids() == [3, 1, 2]
    assert model.mimeTypes() == ["application/x-photoarchive-photo-ids"]
    assert ids_from_mime(model.mimeData([model.index(0), model.index(2)])) == [3, 2]


def test_sources_model_groups(sample_catalog) -> None:
    model = SourcesModel(sample_catalog)
    library = model.sources("library")
    assert [s.kind for s in library] == [ALL_PHOTOS.kind, ATTENTION]
    assert model.item(0).child(0).text() == "All photos  (14)"
    assert model.item(0).child(1).text() == "Needs attention  (2)"
    assert [s.kind for s in model.sources("batches")] == [BATCH]
    assert [s.label for s in model.sources("collections")] == ["Shumshu 1945–2015"]
    keywords = [s.key for s in model.sources("keywords")]
    assert "tank" in keywords and "霧" in keywords and "траншея" in keywords
    places = [s.label for s in model.sources("places")]
    assert "Height 171" in places
    index = model.index_of(Source(COLLECTION, model.sources("collections")[0].key))
    assert index.data(SOURCE_ROLE).label == "Shumshu 1945–2015"


def test_batches_are_listed_newest_first(sample_catalog) -> None:
    first = sample_catalog.start_batch(["/a"])
    second = sample_catalog.start_batch(["/b"])
    model = SourcesModel(sample_catalog)
    keys = [s.key for s in model.sources("batches")]
    assert keys[:2] == [second, first]


def test_a_finished_batch_without_photos_is_not_listed(sample_catalog) -> None:
    failed = sample_catalog.start_batch(["/nothing/*.jpg"])
    sample_catalog.finish_batch(failed, imported=0, duplicates=0, failed=1, status="completed")
    duplicates = sample_catalog.start_batch(["/again"])
    sample_catalog.finish_batch(duplicates, imported=0, duplicates=3, failed=0, status="completed")
    running = sample_catalog.start_batch(["/card"])  # no photo yet, still importing
    keys = [s.key for s in SourcesModel(sample_catalog).sources("batches")]
    assert running in keys and failed not in keys and duplicates not in keys
    assert len(keys) == 2  # the sample's own batch stays


def test_dropping_photos_on_a_collection_asks_to_add_them(qtbot, sample_catalog) -> None:
    model = SourcesModel(sample_catalog)
    collection = model.index_of(model.sources("collections")[0])
    data = photo_ids_mime([11, 12])
    assert model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, collection)
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index_of(ALL_PHOTOS))
    with qtbot.waitSignal(model.photos_dropped) as signal:
        model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, collection)
    assert signal.args == [model.sources("collections")[0].key, [11, 12]]


def test_source_ids_sort_filter_and_combine(sample_catalog) -> None:
    names = ids_by_name(sample_catalog)
    by_name = source_ids(sample_catalog, ALL_PHOTOS, order="name")
    assert by_name == sorted(by_name, key=lambda i: sample_catalog.photo(i).original_name)
    assert source_ids(sample_catalog, ALL_PHOTOS, search="дот") == [names["SHU15_0107.jpg"]]
    assert source_ids(sample_catalog, ALL_PHOTOS, search="濃い霧") == [names["SHU15_0102.jpg"]]
    attention = source_ids(sample_catalog, Source(ATTENTION))
    assert set(attention) == {names["SHU15_0153.jpg"], names["SHU15_0158.jpg"]}
    assert source_ids(sample_catalog, Source(ATTENTION), search="укрепления") == [names["SHU15_0158.jpg"]]
    tank = source_ids(sample_catalog, Source(KEYWORD, "tank"))
    assert set(tank) == {names["SHU15_0115.jpg"], names["SHU15_0116.jpg"]}
    height = [p for p in source_ids(sample_catalog, Source(PLACE, _place_id(sample_catalog, "Height 171")))]
    assert names["SHU15_0115.jpg"] in height and len(height) == 4


def test_collection_order_is_its_own(sample_catalog) -> None:
    collection = collection_store.list_collections(sample_catalog)[0]
    stored = collection_store.collection_photo_ids(sample_catalog, collection.id)
    source = Source(COLLECTION, collection.id)
    assert source_ids(sample_catalog, source, order="collection") == stored
    assert source_ids(sample_catalog, source, order="captured") == sorted(stored)
    assert source_ids(sample_catalog, source, order="collection", search="tank") == [
        i for i in stored if i in set(sample_catalog.photo_ids(search="tank"))
    ]


def _place_id(catalog, name: str) -> int:
    from photoarchive.places import find_place

    return find_place(catalog, name).id


def test_thumbnail_cache_loads_off_the_gui_thread_and_evicts(qtbot, sample_catalog) -> None:
    from photoarchive.ui.thumbnails import ThumbnailCache

    cache = ThumbnailCache(capacity=2)
    photos = sample_catalog.list_photos()[:3]
    paths = {p.sha256: sample_catalog.paths.thumbnail(p.sha256, 256) for p in photos}
    for sha, path in paths.items():
        assert cache.pixmap(sha, path) is None  # queued, not decoded on this thread
    qtbot.waitUntil(lambda: cache.pending() == 0, timeout=5000)
    kept = [sha for sha in paths if cache.cached(sha) is not None]
    assert len(kept) == 2  # the least recently used one was evicted
    assert not cache.cached(kept[0]).isNull()
    with qtbot.waitSignal(cache.loaded) as signal:
        assert cache.pixmap("missing", sample_catalog.paths.cache / "nope.jpg") is None
    assert signal.args == ["missing"] and cache.is_failed("missing")
    cache.shutdown()


def test_thumbnails_wait_until_the_requests_pause(qtbot, sample_catalog) -> None:
    """Cells that only flash by in a scroll cost no decode: nothing starts while requests keep
    coming, and the newest (the cells on screen when the scroll stops) is decoded first."""
    from photoarchive.ui.thumbnails import SETTLE_MS, ThumbnailCache

    cache = ThumbnailCache(threads=1)
    photos = sample_catalog.list_photos()[:3]
    order: list[str] = []
    cache.loaded.connect(order.append)
    for photo in photos:  # three frames of a scroll, each asking for one cell
        assert cache.pixmap(photo.sha256, sample_catalog.paths.thumbnail(photo.sha256, 256)) is None
        qtbot.wait(SETTLE_MS // 4)
        assert order == [] and cache.pending() == len(order) + photos.index(photo) + 1
    qtbot.waitUntil(lambda: cache.pending() == 0, timeout=5000)
    assert order[0] == photos[-1].sha256 and sorted(order) == sorted(p.sha256 for p in photos)
    cache.shutdown()


def test_grid_model_asks_for_thumbnails_and_repaints_their_cells(qtbot, sample_catalog) -> None:
    from photoarchive.ui.thumbnails import ThumbnailCache

    cache = ThumbnailCache()
    model = PhotoGridModel(sample_catalog, cache)
    model.set_ids(sample_catalog.photo_ids())
    assert model.thumbnail(model.cell(0)) is None
    with qtbot.waitSignal(model.dataChanged) as changed:
        pass
    assert changed.args[0].row() == 0
    assert model.thumbnail(model.cell(0)) is not None
    cache.shutdown()
