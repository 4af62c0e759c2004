"""Nearest-place suggestions: gazetteer places within their radius, else offline GeoNames cities."""

from __future__ import annotations

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_fields, load_values
from photoarchive.edits import history
from photoarchive.places import Gazetteer, assign_place
from photoarchive.places.suggest import accept_suggestions, default_cities, suggest_places
from tests.places.conftest import CAPE_KOKUTAN, CITIES, HEIGHT_171, Shumshu, add_photo


def test_gazetteer_place_within_its_radius_comes_first(catalog: Catalog, shumshu: Shumshu) -> None:
    near_height = add_photo(catalog, 1, gps=(HEIGHT_171[0] + 0.001, HEIGHT_171[1]))  # ~110 m away
    on_island = add_photo(catalog, 2, gps=(50.80, 156.35))  # inland, inside Shumshu's 15 km
    at_sea = add_photo(catalog, 3, gps=(50.5, 156.9))  # off the island: nearest town
    far_away = add_photo(catalog, 4, gps=(0.0, -30.0))  # mid-Atlantic: nothing within 100 km
    no_gps = add_photo(catalog, 5)
    placed = add_photo(catalog, 6, gps=CAPE_KOKUTAN)
    assign_place(catalog, [placed], shumshu.cape)
    suggestions = {s.photo_id: s for s in suggest_places(catalog, cities=CITIES)}
    assert set(suggestions) == {near_height, on_island, at_sea}
    assert suggestions[near_height].place_id == shumshu.height.id and 100 < suggestions[near_height].distance < 120
    assert suggestions[on_island].place_id == shumshu.island.id
    assert suggestions[on_island].as_dict()["country_code"] == "RUS"
    city = suggestions[at_sea]
    assert (city.source, city.name, city.country, city.country_code) == ("geonames", "Kasivobara", "Russia", "RUS")
    assert no_gps not in suggestions and far_away not in suggestions
    # Photos that have a place are suggested again only when asked.
    again = suggest_places(catalog, [placed], cities=CITIES, include_placed=True)
    assert [s.place_id for s in again] == [shumshu.cape.id]


def test_accept_one_by_one_or_all(catalog: Catalog, shumshu: Shumshu) -> None:
    first = add_photo(catalog, 1, gps=HEIGHT_171)
    second = add_photo(catalog, 2, gps=(50.5, 156.9))
    third = add_photo(catalog, 3, gps=(50.51, 156.91))
    suggestions = suggest_places(catalog, cities=CITIES)
    accept_suggestions(catalog, [s for s in suggestions if s.photo_id == first])
    assert load_fields(catalog, [first])[first].sublocation == "Height 171"
    # The rest at once: the town is added to the gazetteer once, under the existing Russia.
    rest = suggest_places(catalog, cities=CITIES)
    assert [s.photo_id for s in rest] == [second, third]
    edit = accept_suggestions(catalog, rest)
    assert edit.photo_ids == [second, third] and len(history(catalog)) == 2
    town = Gazetteer.load(catalog).find("Kasivobara")
    assert town.kind == "locality" and town.geonames_id == "2122850" and town.parent_id == shumshu.russia.id
    fields = load_fields(catalog, [second])[second]
    assert (fields.city, fields.country, fields.country_code) == ("Kasivobara", "Russia", "RUS")
    # The camera's position is kept.
    assert load_values(catalog, [second], ["gps_source", "latitude"])[second] == {
        "gps_source": "camera",
        "latitude": 50.5,
    }


def test_a_city_in_a_new_country_adds_the_country(catalog: Catalog) -> None:
    photo = add_photo(catalog, 1, gps=(43.07, 141.36))
    accept_suggestions(catalog, suggest_places(catalog, cities=CITIES))
    fields = load_fields(catalog, [photo])[photo]
    assert (fields.city, fields.country, fields.country_code) == ("Sapporo", "Japan", "JPN")


def test_nearest_across_the_antimeridian() -> None:
    assert CITIES.nearest(-13.8, 179.9, max_distance=10_000_000).name == "Apia"  # type: ignore[union-attr]
    assert CITIES.nearest(-13.83, -171.7).name == "Apia"  # type: ignore[union-attr]


def test_shipped_geonames_data_knows_the_kurils() -> None:
    # The real data set (cities of 15,000 people or more loads in a fraction of a second).
    city = default_cities(15000).nearest(50.75, 156.25, max_distance=400_000)
    assert city is not None and city.country_code == "RU"
