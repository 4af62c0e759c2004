"""A collection, a keyword, a level of the hierarchical keywords, a place and "Needs attention"
show their first screen from pages of the catalog walked in the grid's order, the rest from
the background (ui/sources.py), and page and rest together are the source's whole list."""

from __future__ import annotations

import pytest

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.edits import apply_edit
from photoarchive.ui import sources
from photoarchive.ui.sources import (
    ATTENTION,
    COLLECTION,
    KEYWORD,
    KEYWORD_PATH,
    PLACE,
    Source,
    keyword_path_key,
    source_counts,
    source_ids,
    source_page,
    source_rest,
)


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A screen of 2, strides of 3 then 12, and a walk cut after 6 photos: the sample's 14
    photos take every branch of the walk."""
    monkeypatch.setattr(sources, "FIRST_PAGE", 2)
    monkeypatch.setattr(sources, "WALK_FIRST", 3)
    monkeypatch.setattr(sources, "WALK_LIMIT", 6)


def subsets(catalog: Catalog) -> list[Source]:
    ids = catalog.photo_ids(order="imported")
    collection = collection_store.create_collection(catalog, "Every other")
    collection_store.add_photos(catalog, collection.id, ids[::2])
    apply_edit(catalog, ids[1::3], {"hierarchical_keywords": ["Places|Kurils|Shumshu"]})
    apply_edit(catalog, ids[2::3], {"hierarchical_keywords": ["Places|Kurils"]})
    counts = source_counts(catalog)
    assert ("Places", "Kurils", "Shumshu") in counts.keyword_paths
    return [
        Source(COLLECTION, collection.id),
        Source(ATTENTION),
        Source(KEYWORD, "tank"),
        Source(KEYWORD_PATH, keyword_path_key(("Places", "Kurils"))),
        Source(PLACE, counts.places[0].id),
    ]


@pytest.mark.usefixtures("small_pages")
def test_a_subset_page_and_its_rest_are_its_whole_list(sample_catalog: Catalog) -> None:
    checked = 0
    for source in subsets(sample_catalog):
        for order in ("captured", "name", "imported"):
            for search in ("", "ta"):
                whole = source_ids(sample_catalog, source, search=search, order=order)
                page = source_page(sample_catalog, source, search=search, order=order)
                assert page is not None
                rest = (
                    []
                    if page.after is None
                    else source_rest(sample_catalog, source, page.after, search=search, order=order)
                )
                assert page.ids + rest == whole, (source, order, search)
                assert len(page.ids) <= 6  # never more than the walk's limit
                checked += bool(whole)
    assert checked >= 20  # the sources hold photos under most of these orders and searches


def test_a_collection_in_its_own_order_is_read_whole(sample_catalog: Catalog) -> None:
    collection = subsets(sample_catalog)[0]
    assert source_page(sample_catalog, collection, order="collection") is None  # the grid reorders it


@pytest.mark.usefixtures("small_pages")
def test_needs_attention_runs_its_rules_over_the_pages_walked_only(
    sample_catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = []
    real = sources.needing_attention

    def recorded(catalog, among=None):
        asked.append(None if among is None else len(among))
        return real(catalog, among=among)

    monkeypatch.setattr(sources, "needing_attention", recorded)
    page = source_page(sample_catalog, Source(ATTENTION))
    assert page is not None and page.after is not None  # its two photos lie beyond the walk's 6
    assert asked == [3, 3]  # a page, then a stride cut at the limit: never the whole catalog


@pytest.mark.usefixtures("small_pages")
def test_the_window_shows_a_keyword_level_from_a_page_then_the_rest(qtbot, sample_catalog: Catalog, settings) -> None:
    from photoarchive.ui.main_window import MainWindow

    level = subsets(sample_catalog)[3]  # a level of the hierarchical keywords
    window = MainWindow(sample_catalog, settings, import_workers=1)
    qtbot.addWidget(window)
    whole = source_ids(sample_catalog, level)
    assert len(whole) > 6
    window.show_source(level)
    assert window.grid_model.rowCount() <= 2 and window.bar.count.text() == "counting…"
    qtbot.waitUntil(lambda: window.grid_model.ids() == whole, timeout=5_000)
    assert window.bar.count.text() == f"{len(whole)} photos"
    window.close()
