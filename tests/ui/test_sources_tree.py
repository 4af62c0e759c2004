"""The sources panel's trees: places nested as the gazetteer nests them, a photo counted in
every place containing its own; hierarchical keywords nested by their levels."""

from __future__ import annotations

from PySide6.QtCore import Qt

from photoarchive.catalog import Catalog
from photoarchive.catalog import places as place_store
from photoarchive.catalog.curated import keyword_path_counts, photo_ids_with_keyword_path
from photoarchive.edits import apply_edit
from photoarchive.places import assign_place
from photoarchive.ui.models.sources_model import SourceItem
from photoarchive.ui.sources import KEYWORD, KEYWORD_PATH, PLACE, Source, source_ids
from tests.places.conftest import add_photo, build_shumshu


def test_a_photo_counts_in_every_place_containing_its_own(catalog: Catalog) -> None:
    shumshu = build_shumshu(catalog)
    at_height = [add_photo(catalog, n) for n in range(2)]
    at_cape, on_island, nowhere = (add_photo(catalog, n) for n in range(2, 5))
    assign_place(catalog, at_height, shumshu.height)
    assign_place(catalog, [at_cape], shumshu.cape)
    assign_place(catalog, [on_island], shumshu.island)
    counts = place_store.photo_counts_within(catalog)
    assert counts == {
        shumshu.russia.id: 4,
        shumshu.oblast.id: 4,
        shumshu.kurils.id: 4,
        shumshu.island.id: 4,
        shumshu.height.id: 2,
        shumshu.cape.id: 1,
    }
    # The grid's filter for a place holds the photos of the places inside it.
    assert sorted(source_ids(catalog, Source(PLACE, shumshu.kurils.id))) == sorted([*at_height, at_cape, on_island])
    assert nowhere not in source_ids(catalog, Source(PLACE, shumshu.russia.id))


def test_hierarchical_keywords_count_each_photo_once_per_level(catalog: Catalog) -> None:
    a, b, c = (add_photo(catalog, n) for n in range(3))
    keywords = {
        a: ["Places|Russia|Shumshu", "Places|Russia|Paramushir", "Subjects|Tank"],
        b: ["Places | Russia | Shumshu"],  # spaces around the bars, as some programs write them
        c: ["Places|Japan"],
    }
    apply_edit(catalog, list(keywords), lambda pid: {"hierarchical_keywords": keywords[pid]})
    counts = keyword_path_counts(catalog)
    assert counts[("Places",)] == 3
    assert counts[("Places", "Russia")] == 2  # a has two keywords below Russia: counted once
    assert counts[("Places", "Russia", "Shumshu")] == 2
    assert counts[("Subjects", "Tank")] == 1
    assert photo_ids_with_keyword_path(catalog, ("Places", "Russia")) == {a, b}
    assert photo_ids_with_keyword_path(catalog, ("Places", "Russia", "Shumshu")) == {a, b}
    assert photo_ids_with_keyword_path(catalog, ("Places", "Rus")) == set()  # levels, not prefixes of text


def _child(item, label: str) -> SourceItem:
    for row in range(item.rowCount()):
        child = item.child(row)
        if isinstance(child, SourceItem) and child.source.label == label:
            return child
    raise AssertionError(
        f"{label!r} not under {item.text()!r}: {[item.child(r).text() for r in range(item.rowCount())]}"
    )


def _click(qtbot, window, item: SourceItem) -> None:
    panel = window.sources
    index = item.index()
    panel.scrollTo(index)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualRect(index).center())


def test_the_window_shows_places_and_keywords_as_trees(qtbot, sample_catalog, settings) -> None:
    from photoarchive.ui.main_window import MainWindow

    photos = sample_catalog.photo_ids(order="name")
    tagged = photos[:3]
    apply_edit(
        sample_catalog,
        tagged,
        lambda pid: {
            "hierarchical_keywords": ["Places|Russia|Shumshu|Height 171" if pid == tagged[0] else "Places|Japan"]
        },
    )
    window = MainWindow(sample_catalog, settings, import_workers=1)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    with qtbot.waitExposed(window):
        window.show()
    model = window.sources_model
    places = model.itemFromIndex(model.group_index("places"))
    qtbot.waitUntil(lambda: places.rowCount() > 0, timeout=5_000)  # counted in the background

    # Russia > Sakhalin Oblast > Kuril Islands > Shumshu > Height 171, each with its count.
    placed = [pid for pid, place in place_store.photo_places(sample_catalog, photos).items() if place is not None]
    russia = _child(places, "Russia")
    assert russia.text() == f"Russia  ({len(placed)})"
    shumshu = _child(_child(_child(russia, "Sakhalin Oblast"), "Kuril Islands"), "Shumshu")
    assert shumshu.text() == f"Shumshu  ({len(placed)})"
    height = _child(shumshu, "Height 171")
    at_height = place_store.photo_ids_at(sample_catalog, [height.source.key])
    assert height.text() == f"Height 171  ({len(at_height)})" and len(at_height) < len(placed)

    # Clicking Shumshu shows its photos and those of the places on it.
    _click(qtbot, window, shumshu)
    qtbot.waitUntil(lambda: window.current_source.key == shumshu.source.key, timeout=5_000)
    qtbot.waitUntil(lambda: sorted(window.grid_model.ids()) == sorted(placed), timeout=5_000)
    _click(qtbot, window, height)
    qtbot.waitUntil(lambda: sorted(window.grid_model.ids()) == sorted(at_height), timeout=5_000)

    # Keywords: the hierarchy first, the flat keywords under it as they were.
    keywords = model.itemFromIndex(model.group_index("keywords"))
    top = _child(keywords, "Places")
    assert top.source.kind == KEYWORD_PATH and top.text() == "Places  (3)"
    assert _child(top, "Japan").text() == "Japan  (2)"
    deep = _child(_child(_child(top, "Russia"), "Shumshu"), "Height 171")
    assert deep.source.key == "Places|Russia|Shumshu|Height 171"
    flat = [keywords.child(r).source for r in range(keywords.rowCount())][1:]
    assert flat and all(s.kind == KEYWORD for s in flat) and "tank" in [s.key for s in flat]
    _click(qtbot, window, _child(top, "Russia"))
    qtbot.waitUntil(lambda: window.grid_model.ids() == [tagged[0]], timeout=5_000)
    _click(qtbot, window, top)
    qtbot.waitUntil(lambda: sorted(window.grid_model.ids()) == sorted(tagged), timeout=5_000)

    # A recount (after an edit) keeps the entry selected even deep in a tree.
    window.sources.reload()
    assert window.sources.current_source().key == "Places"
    window.close()
