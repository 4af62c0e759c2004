"""The gazetteer's storage: migration 0004, places and their names, photo places, LocationShown."""

from __future__ import annotations

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog import places as store
from photoarchive.catalog.catalog import photo_columns
from photoarchive.catalog.connection import transaction
from photoarchive.catalog.schema import applied_migrations
from photoarchive.catalog.search import photo_page, reindex_photos
from photoarchive.errors import NotFoundError
from photoarchive.model import Place, PlaceName
from tests.places.conftest import add_photo


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``)."""
    return backend_catalog


def test_migration_adds_places_and_photo_place(catalog: Catalog) -> None:
    assert "0004_places" in applied_migrations(catalog.conn)
    assert "place_id" in photo_columns(catalog.conn)


def test_store_and_read_back(catalog: Catalog) -> None:
    island = Place(
        "Shumshu",
        kind="island",
        latitude=50.77,
        longitude=156.3,
        radius=15000.0,
        alt_names=[PlaceName("Шумшу", "ru"), PlaceName("占守島", "ja")],
        geonames_id="2121215",
    )
    island.id = store.insert_place(catalog, island)
    height = Place("Height 171", parent_id=island.id, notes="line one\nline two")
    height.id = store.insert_place(catalog, height)
    assert store.get_place(catalog, island.id) == island
    assert store.all_places(catalog) == [island, height]
    assert sorted(store.descendant_ids(catalog, island.id)) == [island.id, height.id]
    assert store.child_ids(catalog, island.id) == [height.id]
    island.alt_names = [PlaceName("Shimushu", "en")]
    store.update_place(catalog, island)
    assert store.get_place(catalog, island.id).alt_names == [PlaceName("Shimushu", "en")]
    with pytest.raises(NotFoundError, match="no place with id 99"):
        store.get_place(catalog, 99)
    with pytest.raises(NotFoundError):
        store.delete_place(catalog, 99)


def test_photo_places_counts_and_location_shown(catalog: Catalog) -> None:
    place = Place(
        "Shumshu",
        kind="island",
        alt_names=[PlaceName("占守島", "ja"), PlaceName("Shimushu", "")],
        wikidata_id="Q1049609",
    )
    place.id = store.insert_place(catalog, place)
    a, b = add_photo(catalog, 1), add_photo(catalog, 2, gps=(50.7, 156.2))
    catalog.conn.execute("UPDATE photos SET place_id = ? WHERE id = ?", (place.id, a))
    assert store.photo_places(catalog, [a, b]) == {a: place.id, b: None}
    assert store.photo_ids_at(catalog, [place.id]) == [a]
    assert store.photo_counts(catalog) == {place.id: 1}
    assert store.photo_positions(catalog) == [(b, 50.7, 156.2)]
    shown = store.location_shown(catalog, a)
    assert shown is not None
    assert shown.names == {"x-default": "Shumshu", "ja": "占守島"}  # a name without a language has no slot
    assert shown.identifiers == ["http://www.wikidata.org/entity/Q1049609"]
    assert store.location_shown(catalog, b) is None
    with pytest.raises(NotFoundError):
        store.location_shown(catalog, 999)
    # Deleting a place that photos show leaves them without one (the core moves them first).
    store.delete_place(catalog, place.id)
    assert store.photo_places(catalog, [a]) == {a: None}


def test_moving_or_deleting_a_place_updates_the_search_text_of_its_photos(catalog: Catalog) -> None:
    kurils = store.insert_place(catalog, Place("Kuril Islands", kind="archipelago"))
    sakhalin = store.insert_place(catalog, Place("Sakhalin Oblast", kind="region"))
    island = store.insert_place(catalog, Place("Shumshu", kind="island", parent_id=sakhalin))
    height = store.insert_place(catalog, Place("Height 171", parent_id=island))
    photo = add_photo(catalog, 1)
    with transaction(catalog.conn):
        catalog.conn.execute("UPDATE photos SET place_id = ? WHERE id = ?", (height, photo))
        reindex_photos(catalog.conn, [photo])
    assert photo_page(catalog.conn, search="Kuril").ids == []
    # The island moves into the archipelago: its height's photo is found by the new name.
    store.set_parent(catalog, [island], kurils)
    assert photo_page(catalog.conn, search="Kuril").ids == [photo]
    assert photo_page(catalog.conn, search="Sakhalin").ids == []
    # The height is deleted: the photo is no longer found by its name.
    store.delete_place(catalog, height)
    assert photo_page(catalog.conn, search="Height 171").ids == []
