"""The filter bar above the grid: each control's filter string, the grid it shows (with the
search box's words), the bar remembered per source, Hide rejects and its count, smart
collections made from the bar, and a filter typed in the search box that does not read."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.catalog.filters import filter_photo_ids
from photoarchive.catalog.places import insert_place
from photoarchive.catalog.search import photo_page
from photoarchive.edits import apply_edit
from photoarchive.model.place import Place
from photoarchive.ui.dialogs.smart_collection_dialog import SmartCollectionDialog
from photoarchive.ui.filter_state import FilterState
from photoarchive.ui.models.sources_model import SMART_ROLE
from photoarchive.ui.sources import ALL_PHOTOS, ATTENTION, COLLECTION, Source
from photoarchive.ui.widgets.filter_bar import FilterBar
from tests.ui.conftest import ids_by_name


def _choose(box, value) -> None:
    box.setCurrentIndex(box.findData(value))


@pytest.mark.parametrize(
    ("act", "text"),
    [
        (lambda bar: _choose(bar.rating, 4), "rating>=4"),
        (lambda bar: bar.labels["green"].setChecked(True), "label:green"),
        (lambda bar: _choose(bar.flag, "pick"), "flag:pick"),
        (lambda bar: _choose(bar.flag, "none"), "flag:none"),
        (lambda bar: bar.hide_rejects.setChecked(True), "-flag:reject"),
        (lambda bar: bar.set_has("caption", True), "has:caption"),
        (lambda bar: bar.set_has("credit", False), "-has:credit"),
        (lambda bar: bar.set_has("place", True), "has:place"),
        (lambda bar: bar.set_has("gps", False), "-has:gps"),
        (lambda bar: bar.date_from.setText("2015-08-10"), "date:2015-08-10.."),
        (lambda bar: bar.date_to.setText("1945-09"), "date:..1945-09"),
        (lambda bar: bar.texts["camera"].setText("D750"), "camera:D750"),
        (lambda bar: bar.texts["keyword"].setText("tank"), "keyword:tank"),
        (lambda bar: bar.texts["place"].setText("Height 171"), 'place:"Height 171"'),
    ],
)
def test_each_control_announces_its_filter_string(qtbot, act, text) -> None:
    bar = FilterBar()
    qtbot.addWidget(bar)
    with qtbot.waitSignal(bar.filter_changed, timeout=2000) as announced:
        act(bar)
    assert announced.args == [text]
    assert bar.shown.text() == text  # shown, to be copied into list --filter


def test_a_burst_of_changes_is_announced_once_and_a_bad_date_not_at_all(qtbot) -> None:
    bar = FilterBar()
    qtbot.addWidget(bar)
    heard: list[str] = []
    bar.filter_changed.connect(heard.append)
    _choose(bar.rating, 2)
    bar.labels["red"].setChecked(True)
    bar.labels["yellow"].setChecked(True)
    qtbot.waitUntil(lambda: bool(heard), timeout=2000)
    qtbot.wait(400)
    assert heard == ["rating>=2 -label:green -label:blue -label:purple -label:none"]
    bar.date_from.setText("2015-13")
    qtbot.wait(400)
    assert len(heard) == 1
    assert "2015-13" in bar.date_from.toolTip() and "border" in bar.date_from.styleSheet()


def _rate(window, ratings: dict[int, int]) -> None:
    for pid, stars in ratings.items():
        window.edits.apply([pid], {"rating": stars}, "rate")


def test_the_grid_shows_the_bars_filter_with_the_search_words(qtbot, window) -> None:
    catalog = window.catalog
    ids = catalog.photo_ids(order="imported")
    _rate(window, {ids[0]: 5, ids[1]: 4, ids[2]: 2})
    _choose(window.filter_bar.rating, 4)
    expected = filter_photo_ids(catalog.conn, "rating>=4")
    assert sorted(expected) == sorted(ids[:2])
    qtbot.waitUntil(lambda: window.grid_model.ids() == expected, timeout=3000)
    assert window.bar.count.text().startswith("2 of")
    word = catalog.photos([ids[0]])[0].original_name.split(".")[0]  # the file name is searched
    window.bar.search.setText(word)
    qtbot.waitUntil(lambda: window.grid_model.ids() == [ids[0]], timeout=3000)
    window.bar.search.setText("rating>=5")  # a filter typed in the box works as well
    qtbot.waitUntil(lambda: window.grid_model.ids() == [ids[0]], timeout=3000)


@pytest.mark.parametrize("order", ["captured", "name", "imported"])
def test_the_first_page_of_a_filter_is_written_for_the_grids_order(qtbot, window, monkeypatch, order) -> None:
    # The capture-order forms (a label's index walked, words tested along it) apply only when
    # compile_filter knows the page's order: the window passes the grid's.
    from photoarchive.ui import filter_controller

    compiled: list[str | None] = []
    real = filter_controller.compile_filter

    def recording(conn, text, *, page=None, order=None):
        if page is not None:
            compiled.append(order)
        return real(conn, text, page=page, order=order)

    monkeypatch.setattr(filter_controller, "compile_filter", recording)
    catalog = window.catalog
    ids = catalog.photo_ids(order="imported")
    for pid in ids[:3]:
        window.edits.apply([pid], {"label": "red"}, "label")
    window.bar.set_order(order)
    qtbot.waitUntil(lambda: window.bar.current_order() == order, timeout=3000)
    compiled.clear()
    window.filter_bar.labels["red"].setChecked(True)
    expected = filter_photo_ids(catalog.conn, "label:red", order=order)
    assert sorted(expected) == sorted(ids[:3])
    qtbot.waitUntil(lambda: window.grid_model.ids() == expected, timeout=3000)
    assert compiled and set(compiled) == {order}


def test_the_background_reading_of_a_reload_starts_after_the_first_paint(qtbot, window, monkeypatch) -> None:
    # The rest of the list and the rejects hidden are read once the first page is painted:
    # started before, they take the cores and the interpreter from the paint.
    from photoarchive.ui import sources, workers

    started: list[object] = []
    real = workers.Worker.start
    monkeypatch.setattr(workers.Worker, "start", lambda self, pool=None: (started.append(self), real(self, pool))[1])
    monkeypatch.setattr(sources, "FIRST_PAGE", 2)  # a first page shorter than the source: a rest to read
    ids = window.catalog.photo_ids(order="imported")
    window.edits.apply(ids[:1], {"flag": "reject"}, "reject")
    qtbot.waitUntil(lambda: window._grid_rest is None and window.filtering._hidden_worker is None, timeout=5000)
    window.filter_bar.set_state(FilterState(hide_rejects=True))
    started.clear()
    window.reload_grid()
    pending = [window._grid_rest, window.filtering._hidden_worker]
    assert all(w is not None for w in pending)
    assert len(window.grid_model.ids()) == 2  # the first page, shown before anything is read in the background
    assert not started
    window.grid.viewport().repaint()
    qtbot.waitUntil(lambda: window._grid_rest is None, timeout=5000)
    qtbot.waitUntil(lambda: "1 reject hidden" in window.bar.count.text(), timeout=5000)
    assert all(w in started for w in pending)
    assert window.grid_model.ids() == filter_photo_ids(window.catalog.conn, "-flag:reject")


def test_a_filter_that_does_not_read_in_the_box_says_why_and_keeps_the_grid(qtbot, window) -> None:
    shown = window.grid_model.ids()
    assert shown
    window.bar.search.setText("tank rating>=9")
    qtbot.waitUntil(lambda: "border" in window.bar.search.styleSheet(), timeout=3000)
    assert window.bar.search.toolTip() == 'rating takes a number from 0 to 5, not "9" at 14'
    assert window.grid_model.ids() == shown
    window.bar.search.setText("")
    qtbot.waitUntil(lambda: window.bar.search.styleSheet() == "", timeout=3000)


def test_the_bar_is_remembered_per_source(qtbot, window, settings) -> None:
    from photoarchive.ui.main_window import MainWindow

    _choose(window.filter_bar.flag, "pick")
    qtbot.waitUntil(lambda: window._filter == "flag:pick", timeout=3000)
    window.sources.select_source(Source(ATTENTION))
    assert window.current_source.kind == ATTENTION
    assert window.filter_bar.text() == ""  # nothing remembered for Needs attention
    _rate(window, {})
    window.filter_bar.set_has("caption", False)
    qtbot.waitUntil(lambda: window._filter == "-has:caption", timeout=3000)
    window.sources.select_source(ALL_PHOTOS)
    assert window.filter_bar.text() == "flag:pick"
    assert window._filter == "flag:pick"
    window.sources.select_source(Source(ATTENTION))
    assert window.filter_bar.text() == "-has:caption"
    window.close()
    again = MainWindow(window.catalog, settings, import_workers=1)  # the next start
    qtbot.addWidget(again)
    assert again.filter_bar.text() == "flag:pick"
    assert again.grid_model.ids() == filter_photo_ids(again.catalog.conn, "flag:pick")
    again.close()


def test_hide_rejects_is_on_once_something_is_rejected_and_the_count_says_how_many(qtbot, window) -> None:
    assert not window.filter_bar.hide_rejects.isChecked()  # nothing rejected in the sample
    ids = window.catalog.photo_ids(order="imported")
    window.edits.apply(ids[:2], {"flag": "reject"}, "reject")
    window.sources.select_source(Source(ATTENTION))
    window.sources.select_source(ALL_PHOTOS)  # never changed by hand: the default again
    bar = window.filter_bar
    assert bar.hide_rejects.isChecked()
    assert bar.text() == "-flag:reject"
    qtbot.waitUntil(lambda: "2 rejects hidden" in window.bar.count.text(), timeout=3000)
    assert not set(ids[:2]) & set(window.grid_model.ids())
    assert len(window.grid_model.ids()) == len(ids) - 2
    bar.hide_rejects.setChecked(False)
    qtbot.waitUntil(lambda: len(window.grid_model.ids()) == len(ids), timeout=3000)
    assert "hidden" not in window.bar.count.text()


def test_a_smart_collection_saved_from_the_bar_shows_in_sources_and_follows_edits(qtbot, window, monkeypatch) -> None:
    ids = window.catalog.photo_ids(order="imported")
    _rate(window, {ids[3]: 4})
    _choose(window.filter_bar.rating, 4)
    qtbot.waitUntil(lambda: window._filter == "rating>=4", timeout=3000)

    def accept(dialog: SmartCollectionDialog) -> int:
        assert dialog.filter.text() == "rating>=4"
        dialog.name.setText("Four stars")
        dialog.sort.setCurrentIndex(dialog.sort.findData("name"))
        return 1

    monkeypatch.setattr(SmartCollectionDialog, "exec", accept)
    window.filter_bar.save.click()
    collection = collection_store.get_collection(window.catalog, "Four stars")
    assert (collection.filter, collection.sort) == ("rating>=4", "name")
    assert window.current_source == Source(COLLECTION, collection.id, "Four stars")
    index = window.sources_model.index_of(window.current_source)
    assert index.data(SMART_ROLE) is True
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()  # the funnel
    qtbot.waitUntil(lambda: window.grid_model.ids() == [ids[3]], timeout=3000)
    window.edits.apply([ids[5]], {"rating": 5}, "rate")  # a later edit: it matches now
    window.sources.select_source(ALL_PHOTOS)
    window.sources.select_source(Source(COLLECTION, collection.id))
    qtbot.waitUntil(lambda: sorted(window.grid_model.ids()) == sorted([ids[3], ids[5]]), timeout=3000)
    assert window.edits.stack.count() >= 1  # created as an undoable step


def test_the_smart_collection_dialog_checks_the_filter_as_typed(qtbot) -> None:
    dialog = SmartCollectionDialog("rating>=4 colour:red", name="Reds", editing=True)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.error.text() == 'unknown field "colour" at 11: did you mean "label"?'
    assert not ok.isEnabled()
    dialog.filter.setText("rating>=4 label:red")
    assert dialog.error.text() == "" and ok.isEnabled()
    assert dialog.result_values() == ("Reds", "rating>=4 label:red", "captured")


def test_editing_a_smart_collections_filter_changes_what_it_shows(qtbot, window, monkeypatch) -> None:
    ids = ids_by_name(window.catalog)
    first = next(iter(ids.values()))
    window.edits.apply([first], {"label": "blue"}, "label")
    smart = collection_store.create_collection(window.catalog, "Smart", filter="rating>=5")
    window.refresh_sources()
    window.sources.select_source(Source(COLLECTION, smart.id))
    assert window.filtering.actions()["edit_smart"].isEnabled()

    def accept(dialog: SmartCollectionDialog) -> int:
        dialog.filter.setText("label:blue")
        return 1

    monkeypatch.setattr(SmartCollectionDialog, "exec", accept)
    window.filtering.edit_smart()
    assert collection_store.get_collection(window.catalog, smart.id).filter == "label:blue"
    qtbot.waitUntil(lambda: window.grid_model.ids() == [first], timeout=3000)


def test_add_matching_photos_to_an_ordinary_collection_once(qtbot, window) -> None:
    ids = window.catalog.photo_ids(order="imported")
    _rate(window, {ids[0]: 3, ids[1]: 3})
    plain = collection_store.create_collection(window.catalog, "Plain")
    window.filter_bar.set_state(FilterState(rating=3), announce=True)
    window.filtering.add_matching_to(plain.id)
    assert sorted(collection_store.collection_photo_ids(window.catalog, plain.id)) == sorted(ids[:2])
    window.edits.undo()
    assert collection_store.collection_photo_ids(window.catalog, plain.id) == []


def test_undo_and_redo_of_a_smart_collection_keep_it_smart(qtbot, window, monkeypatch) -> None:
    ids = window.catalog.photo_ids(order="imported")
    _rate(window, {ids[0]: 5})
    window.filter_bar.set_state(FilterState(rating=5), announce=True)

    def accept(dialog: SmartCollectionDialog) -> int:
        dialog.name.setText("Fives")
        dialog.sort.setCurrentIndex(dialog.sort.findData("name"))
        return 1

    monkeypatch.setattr(SmartCollectionDialog, "exec", accept)
    window.filtering.save_as_smart()
    window.edits.undo()
    assert [c.name for c in collection_store.list_collections(window.catalog)].count("Fives") == 0
    window.edits.redo()
    again = collection_store.get_collection(window.catalog, "Fives")
    assert (again.filter, again.sort) == ("rating>=5", "name")
    _rate(window, {ids[1]: 5})  # still chosen by its filter after coming back
    assert sorted(collection_store.collection_photo_ids(window.catalog, again.id)) == sorted(ids[:2])
    window.sources.select_source(Source(COLLECTION, again.id))
    window.collections.delete(confirm=False)
    window.edits.undo()  # a deleted smart collection comes back smart, with no members of its own
    back = collection_store.get_collection(window.catalog, "Fives")
    assert back.is_smart and back.filter == "rating>=5"


def test_a_search_or_filter_pausing_when_the_window_closes_reads_nothing(qtbot, sample_catalog, settings) -> None:
    from photoarchive.ui.main_window import MainWindow

    window = MainWindow(sample_catalog, settings, import_workers=1)
    qtbot.addWidget(window)
    window.show()
    window.bar.search.setText("tank")  # the box's pause (150 ms) and the bar's (250 ms) still running
    _choose(window.filter_bar.rating, 2)
    window.close()
    sample_catalog.close()  # as the application does after the window
    qtbot.wait(400)  # a pause ending now must not reach the closed catalog (a slot that raises fails)


def _recording_compiles(monkeypatch) -> list[tuple[str, int | None]]:
    """The filter compiles of the window (filter text, page) as they happen."""
    from photoarchive.ui import filter_controller

    compiled: list[tuple[str, int | None]] = []
    real = filter_controller.compile_filter

    def recording(conn, text, *, page=None, order=None):
        compiled.append((text, page))
        return real(conn, text, page=page, order=order)

    monkeypatch.setattr(filter_controller, "compile_filter", recording)
    return compiled


@pytest.mark.parametrize("where", ["bar", "box"])
def test_a_filter_is_compiled_while_the_debounce_waits_not_in_the_reload(qtbot, window, monkeypatch, where) -> None:
    # A compile run cold after an idle pause cost 0.3-0.7 ms of the window's first paint: it
    # runs in the debounce's idle time, once after the last change, and the reload takes it.
    catalog = window.catalog
    ids = catalog.photo_ids(order="imported")
    _rate(window, {ids[0]: 5, ids[1]: 4})
    compiled = _recording_compiles(monkeypatch)
    shown = window.grid_model.ids()
    if where == "bar":
        _choose(window.filter_bar.rating, 2)
        _choose(window.filter_bar.rating, 4)  # clicking on: compiled once, after the last change
    else:
        window.bar.search.setText("rating>=")  # typing on: the unfinished text is not compiled
        window.bar.search.setText("rating>=4")
    qtbot.waitUntil(lambda: bool(compiled), timeout=3000)
    assert compiled == [("rating>=4", window._first_screen())]
    assert window.grid_model.ids() == shown  # the debounce has not reloaded the grid yet
    expected = filter_photo_ids(catalog.conn, "rating>=4")
    qtbot.waitUntil(lambda: window.grid_model.ids() == expected, timeout=3000)
    assert sorted(expected) == sorted(ids[:2])
    assert compiled[:1] == [("rating>=4", window._first_screen())]
    assert [c for c in compiled if c[1] is not None] == compiled[:1]  # the reload compiled nothing again


@pytest.mark.parametrize("elsewhere", [False, True])
def test_a_filter_compiled_ahead_is_compiled_again_when_the_catalog_changed_meanwhile(
    qtbot, window, monkeypatch, elsewhere
) -> None:
    # A compile reads the catalog (a place's places inside it, samples): a change committed
    # between the compile ahead and the debounce's reload, by this window or another process,
    # is in the grid it shows.
    catalog = window.catalog
    photo = catalog.photo_ids(order="imported")[0]
    window.filter_bar.set_state(FilterState.read("place:Atlantis"))
    order, page = "captured", window._first_screen()
    window.filtering.prepare("", order, page)
    asked = window.filtering.query("", order, page)
    assert asked is not None and asked[1] is window.filtering._prepared.query  # nothing changed: taken as it is
    window.filtering.prepare("", order, page)

    def add_atlantis(target: Catalog) -> None:
        place = insert_place(target, Place("Atlantis", kind="island"))
        apply_edit(target, [photo], {"place_id": place}, description="placed")

    if elsewhere:
        with Catalog(catalog.paths.root) as other:  # photoarchive places / edit: its own connection
            add_atlantis(other)
    else:
        add_atlantis(catalog)
    asked = window.filtering.query("", order, page)
    assert asked is not None
    _, query = asked
    found = photo_page(catalog.conn, search=query.search, where=query.where, limit=page).ids
    assert found == [photo]


def test_the_bars_controls_are_read_once_a_change_not_at_each_reload(qtbot, window, monkeypatch) -> None:
    # A reload asks for the bar's filter (the query, the rejects hidden): reading its dozen
    # controls cold took 0.15-0.2 ms of the first paint. They are read at their change.
    reads: list[FilterState] = []
    real = FilterBar._read
    monkeypatch.setattr(FilterBar, "_read", lambda bar: reads.append(real(bar)) or reads[-1])
    bar = window.filter_bar
    _choose(bar.rating, 3)
    window.bar.search.setText("tank")
    bar.labels["red"].setChecked(True)
    qtbot.waitUntil(lambda: window._filter == "rating>=3 label:red tank", timeout=3000)
    assert bar.state() == reads[-1] and bar.text() == "rating>=3 label:red" == bar.shown.text()
    reads.clear()
    window.reload_grid()
    window.filtering.count_hidden(window.search_text)
    assert reads == []
    bar.set_state(FilterState.read("flag:pick"))  # set as a whole: read back once
    assert len(reads) == 1 and bar.text() == "flag:pick"
