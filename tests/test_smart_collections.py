"""Smart collections (photoarchive.collections): their photos are what their filter matches now, in
their sort order; membership and hand ordering do not apply to them; a filter that does not read is
refused when made and, stored, reported clearly; an ordinary collection takes a filter's matches once."""

from __future__ import annotations

import pytest

from photoarchive import collections as store
from photoarchive.catalog import Catalog
from photoarchive.edits import apply_edit
from photoarchive.errors import ValidationError
from photoarchive.export.plan import plan_publication
from photoarchive.filters import FilterSyntaxError
from tests.conftest import add_record


@pytest.fixture
def photos(catalog: Catalog) -> list[int]:
    """Five photos captured on 2015-08-05..01 (so capture order reverses their ids), named e..a."""
    return [add_record(catalog, 6 - n, name) for n, name in enumerate("edcba", start=1)]


def test_members_follow_later_edits(catalog: Catalog, photos: list[int]) -> None:
    smart = store.create_collection(catalog, "Tanks", filter="keyword:tank -has:credit")
    assert smart.is_smart and smart.photo_count == 0 and store.collection_photo_ids(catalog, "Tanks") == []
    apply_edit(catalog, photos[:3], {"keywords": ["Tank"]})
    assert store.collection_photo_ids(catalog, smart.id) == [photos[2], photos[1], photos[0]]  # captured order
    assert store.get_collection(catalog, "Tanks").photo_count == 3
    apply_edit(catalog, [photos[1]], {"credit": "Ivanov"})
    assert store.collection_photo_ids(catalog, "Tanks") == [photos[2], photos[0]]
    assert [c.photo_count for c in store.list_collections(catalog)] == [2]


@pytest.mark.parametrize(("sort", "names"), [("captured", "abcde"), ("name", "abcde"), ("imported", "edcba")])
def test_a_smart_collection_keeps_its_sort_order(catalog: Catalog, photos: list[int], sort: str, names: str) -> None:
    store.create_collection(catalog, "All of August", filter="date:2015-08", sort=sort)
    listed = [p.original_name for p in catalog.photos(store.collection_photo_ids(catalog, "All of August"))]
    assert "".join(listed) == names


def test_it_exports_its_matches_in_its_order(catalog: Catalog, photos: list[int], tmp_path) -> None:
    from photoarchive.export.options import ExportOptions

    collection = store.create_collection(catalog, "Early", filter="date:..2015-08-03", sort="imported")
    plan = plan_publication(catalog, collection, ExportOptions(format="post", target=tmp_path / "post"))
    assert [item.photo.id for item in plan.items] == [photos[2], photos[3], photos[4]]


def test_membership_and_order_do_not_apply(catalog: Catalog, photos: list[int]) -> None:
    store.create_collection(catalog, "Smart", filter="date:2015")
    for change in (
        lambda: store.add_photos(catalog, "Smart", photos[:1]),
        lambda: store.remove_photos(catalog, "Smart", photos[:1]),
        lambda: store.move_photo(catalog, "Smart", photos[0], 0),
        lambda: store.reorder_photos(catalog, "Smart", photos),
    ):
        with pytest.raises(ValidationError, match="'Smart' is a smart collection: its photos are those matching"):
            change()


def test_a_filter_that_does_not_read_is_refused(catalog: Catalog) -> None:
    with pytest.raises(FilterSyntaxError, match='unknown field "colour" at 11: did you mean "label"'):
        store.create_collection(catalog, "Red", filter="rating>=4 colour:red")
    with pytest.raises(ValidationError, match="sort order 'rating'"):
        store.create_collection(catalog, "Red", filter="label:red", sort="rating")
    assert store.list_collections(catalog) == []
    store.create_collection(catalog, "Red", filter="label:red")
    with pytest.raises(FilterSyntaxError, match="at 6"):
        store.edit_smart(catalog, "Red", filter="flag:maybe")
    assert store.edit_smart(catalog, "Red", filter="label:blue", sort="name").filter == "label:blue"


def test_a_stored_filter_that_no_longer_reads_is_reported(catalog: Catalog, photos: list[int]) -> None:
    smart = store.create_collection(catalog, "Old", filter="label:red")
    catalog.conn.execute("UPDATE collections SET filter = 'colour:red' WHERE id = ?", (smart.id,))
    assert store.get_collection(catalog, "Old").photo_count == 0  # still listed
    with pytest.raises(
        ValidationError, match=r"the smart collection 'Old' has a filter that no longer reads \(unknown"
    ):
        store.collection_photo_ids(catalog, "Old")


def test_an_ordinary_collection_takes_a_filters_matches_once(catalog: Catalog, photos: list[int]) -> None:
    store.create_collection(catalog, "Picked")
    store.add_photos(catalog, "Picked", [photos[4]])
    added = store.add_matching(catalog, "Picked", "date:2015-08-01..2015-08-03")
    assert added == [photos[3], photos[2]]  # photos[4] (08-01) was in already, and stays first
    assert store.collection_photo_ids(catalog, "Picked") == [photos[4], photos[3], photos[2]]
    apply_edit(catalog, [photos[0]], {"caption": "late"})
    assert store.collection_photo_ids(catalog, "Picked") == [photos[4], photos[3], photos[2]]
    with pytest.raises(FilterSyntaxError):
        store.add_matching(catalog, "Picked", "date:2015-13")
    with pytest.raises(ValidationError, match="not a smart collection"):
        store.edit_smart(catalog, "Picked", filter="label:red")
