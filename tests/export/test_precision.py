"""Location precision: one decision, applied to coordinates and place names."""

from __future__ import annotations

import pytest

from photoarchive.export.precision import distance, located, radius_decimals
from photoarchive.model import CuratedFields, LocationShown

FIELDS = CuratedFields(caption="Tank", sublocation="Height 171", city="Shumshu", country="Russia", country_code="RUS")


@pytest.mark.parametrize(
    ("precision", "lat", "lon", "alt", "names"),
    [
        ("exact", 50.7512345, 156.3212345, 35.5, True),
        ("1km", 50.75, 156.32, None, True),
        ("10km", 50.8, 156.3, None, True),
        ("places", None, None, None, True),
        ("none", None, None, None, False),
    ],
)
def test_precisions(precision: str, lat: float | None, lon: float | None, alt: float | None, names: bool) -> None:
    location, fields = located(precision, FIELDS, 50.7512345, 156.3212345, 35.5)
    assert (location.latitude, location.longitude, location.altitude) == (lat, lon, alt)
    assert (location.place_text == "Height 171, Shumshu, Russia") is names
    assert (fields.sublocation == "Height 171" and fields.country_code == "RUS") is names
    assert fields.caption == "Tank"
    if precision == "none":
        assert location.text == "" and location.as_dict()["latitude"] is None


def test_text_says_when_rounded() -> None:
    location, _ = located("1km", FIELDS, -50.7512, -156.3212)
    assert location.coordinates_text == "50.75° S, 156.32° W (rounded to about 1 km)"
    location, _ = located("exact", FIELDS, 50.7512345, 156.3212345)
    assert location.coordinates_text == "50.75123° N, 156.32123° E"
    location, _ = located("10km", FIELDS, -0.04, 0.01)
    assert (location.latitude, location.longitude) == (0.0, 0.0)  # never "-0.0"


def test_no_position_keeps_names() -> None:
    location, _ = located("1km", FIELDS, None, None)
    assert not location.has_coordinates and location.place_text


ISLAND = LocationShown(4, {"x-default": "Shumshu", "ru": "Шумшу"}, [], radius=15000)
HEIGHT = LocationShown(5, {"x-default": "Height 171"}, [], radius=400)
COUNTRY = LocationShown(1, {"x-default": "Russia"}, [], radius=None)


def test_a_place_centre_is_not_published_as_an_exact_position() -> None:
    location, _ = located("exact", FIELDS, 50.7686, 156.3, 12.0, shown=ISLAND, source="place")
    assert (location.latitude, location.longitude, location.altitude) == (50.8, 156.3, None)
    assert location.coordinates_text == "≈ 50.8° N, 156.3° E (centre of Shumshu, within about 15 km)"
    assert not location.camera_position and location.from_place
    assert location.uncertainty == 23000  # 15 km and what rounding to 0.1° moved the point
    assert location.as_dict()["position_source"] == "place" and location.as_dict()["uncertainty_metres"] == 23000

    location, _ = located("exact", FIELDS, 50.7153, 156.2547, shown=HEIGHT, source="place")
    assert location.coordinates_text == "≈ 50.72° N, 156.25° E (centre of Height 171, within about 400 m)"
    location, _ = located("10km", FIELDS, 50.7153, 156.2547, shown=HEIGHT, source="place")
    assert (
        location.coordinates_text
        == "≈ 50.7° N, 156.3° E (centre of Height 171, within about 400 m; rounded to about 10 km)"
    )
    location, _ = located("exact", FIELDS, 61.69, 96.37, shown=COUNTRY, source="place")
    assert location.coordinates_text == "≈ 62° N, 96° E (centre of Russia)" and location.uncertainty is None
    location, _ = located("places", FIELDS, 50.7686, 156.3, shown=ISLAND, source="place")
    assert not location.has_coordinates and location.coordinates_text == ""


def test_only_camera_like_positions_are_camera_positions() -> None:
    for source, camera in (("camera", True), ("gpx", True), ("edited", True), (None, True), ("location_shown", False)):
        location, _ = located("exact", FIELDS, 50.7512345, 156.3212345, source=source)
        assert location.camera_position is camera and location.latitude == 50.7512345, source
    location, _ = located("1km", FIELDS, 50.7512345, 156.3212345, source="location_shown")
    assert location.coordinates_text == "50.75° N, 156.32° E (position of the place shown; rounded to about 1 km)"


def test_distances_read_as_people_say_them() -> None:
    assert [distance(m) for m in (50, 250, 400, 999, 1500, 3000, 15000, 150000)] == [
        "50 m", "250 m", "400 m", "1 km", "1.5 km", "3 km", "15 km", "150 km",
    ]  # fmt: skip
    assert [radius_decimals(r) for r in (None, 0, 50, 250, 400, 3000, 15000, 300000)] == [0, 0, 3, 3, 2, 2, 1, 0]
