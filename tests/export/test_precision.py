"""Location precision: one decision, applied to coordinates and place names."""

from __future__ import annotations

import pytest

from photoarchive.export.precision import located
from photoarchive.model import CuratedFields

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
