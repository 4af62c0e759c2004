"""Location precision: how much of where a photo was taken an export may reveal.

Battlefields and burial sites are looted, so an archivist must be able to publish without
exact coordinates and be sure of it. ``located(...)`` is the single place where the choice is
applied; every output (EXIF and XMP GPS, gallery text and JSON-LD, manifest, caption sheet,
file names and caption templates) takes its location from the ``Location`` it returns:

==========  =======================================  =====================
precision   coordinates                               place names
==========  =======================================  =====================
exact       as recorded (7 decimals), with altitude   kept
1km         rounded to 0.01 degree, no altitude       kept
10km        rounded to 0.1 degree, no altitude        kept
places      none                                      kept
none        none                                      removed
==========  =======================================  =====================

Place names are the curated location fields (sublocation, city, state, country, country
code) and, for a photo with a gazetteer place, the place's names in every language and its
identifiers (GeoNames, Wikidata), embedded as LocationName and LocationId of the XMP
location shown. An identifier tells as much as the name does (either can be looked up in
the authority file, which gives coordinates), so both go together: kept with the names,
removed with ``none``. With ``none`` the fields are emptied too, so no template or
metadata can bring the names back.

Positions that are estimates
----------------------------

A photo's position is not always where the camera stood. Given a gazetteer place and no GPS
of its own, a photo takes the place's coordinates (``gps_source='place'``): the centre of
Height 171, or of the whole island of Shumshu, 15 km across. A position imported from a
file's location shown (``gps_source='location_shown'``) is where the place shown is, as
another tool recorded it. Publishing either as "exact" coordinates with five decimals would
say the photo was taken on that very metre. So, at every precision that keeps coordinates:

- a position from a place is rounded to the power of ten of degrees nearest the place's
  radius (``LocationShown.radius``: 15 km gives 0.1°, 400 m gives 0.01°; an unknown radius,
  as a country's, whole degrees), or more if the precision asked is coarser; it has no
  altitude. The text says what it is, "≈ 50.8° N, 156.3° E (centre of Shumshu, within about
  15 km)", and the JSON-LD gives a ``GeoCircle`` round it whose radius covers the place and
  the rounding, not a point;
- neither kind is written as EXIF GPS, which readers take for the camera's position (the
  Metadata Working Group's reading of it); both stay in the XMP location shown, whose GPS is
  by definition the position of the place shown, rounded as above. The text of a position
  from a file's location shown says "(position of the place shown)";
- positions from the camera, a GPX track or typed by the curator are published as the
  table says: they are meant as where the photo was taken.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from photoarchive.model import CuratedFields, LocationShown
from photoarchive.model.curated import names_in
from photoarchive.model.fields import Group
from photoarchive.model.position import FROM_LOCATION_SHOWN, FROM_PLACE, is_taken_at
from photoarchive.model.vocabularies import LOCATION_POSITION_MEMBERS

# The names of the location shown, which a coarse precision leaves out.
PLACE_FIELDS = names_in(Group.LOCATION)
DECIMALS = {"exact": 7, "1km": 2, "10km": 1}
_SHOWN_DECIMALS = {"exact": 5, "1km": 2, "10km": 1}  # 5 decimals: about a metre, enough to read
_NOTE = {"1km": "rounded to about 1 km", "10km": "rounded to about 10 km"}
_METRES_PER_DEGREE = 111_320.0


@dataclass(frozen=True)
class Location:
    """What an export may say about where a photo was taken."""

    precision: str
    latitude: float | None = None
    longitude: float | None = None
    altitude: float | None = None
    sublocation: str = ""
    city: str = ""
    state: str = ""
    country: str = ""
    country_code: str = ""
    shown: LocationShown | None = None  # the gazetteer place's names and identifiers
    source: str | None = None  # where the position came from (gps_source): camera, place, ...
    decimals: int = 0  # of the coordinates, as rounded
    radius: float | None = None  # metres: of the place whose centre the position is, if it is one
    # The publication's language (its place names) and its words for the notes of the text
    # (``export.languages.Messages``; English as written here when none).
    language: str = ""
    words: Callable[..., str] = field(default=lambda text, **values: text.format(**values), compare=False, repr=False)

    @property
    def has_coordinates(self) -> bool:
        return self.coordinates is not None

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """Latitude and longitude, when there are both."""
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)

    @property
    def from_place(self) -> bool:
        """The position is a place's centre (an estimate), not where the photo was taken."""
        return self.has_coordinates and self.source == FROM_PLACE

    @property
    def camera_position(self) -> bool:
        """The position may be written as EXIF GPS, which readers take for the camera's
        (``model.position.is_taken_at``, the rule ``photoarchive write`` follows too)."""
        return self.has_coordinates and is_taken_at(self.source)

    @property
    def uncertainty(self) -> float | None:
        """Metres round the published point that hold the place a position from a place stands
        for: its radius plus what rounding moved the point (None: not from a place, or unknown)."""
        if not self.from_place or self.radius is None:
            return None
        rounding = 0.5 * math.sqrt(2) * _METRES_PER_DEGREE * 10.0**-self.decimals
        total = self.radius + rounding
        digits = 10 ** max(0, int(math.log10(total)) - 1)  # two significant digits, rounded up
        return float(math.ceil(total / digits) * digits)

    @property
    def place_text(self) -> str:
        """``Height 171, Shumshu, Sakhalin Oblast, Russia``: the names, most specific first (joined
        as the language writes a list: ``占守島、ロシア``)."""
        return self.words(", ").join(p for p in (self.sublocation, self.city, self.state, self.country) if p)

    @property
    def coordinates_text(self) -> str:
        """``50.75° N, 156.35° E (rounded to about 1 km)``, or empty."""
        if not self.has_coordinates:
            return ""
        assert self.latitude is not None and self.longitude is not None
        places = min(_SHOWN_DECIMALS.get(self.precision, 5), self.decimals)
        words = self.words
        latitude, longitude = f"{abs(self.latitude):.{places}f}", f"{abs(self.longitude):.{places}f}"
        text = (
            words("{degrees}° N" if self.latitude >= 0 else "{degrees}° S", degrees=latitude)
            + words(", ")
            + words("{degrees}° E" if self.longitude >= 0 else "{degrees}° W", degrees=longitude)
        )
        notes = []
        if self.from_place:
            text = "≈ " + text
            names = self.shown.names if self.shown else {}
            name = names.get(self.language) or names.get("x-default", "")
            centre = words("centre of {name}", name=name) if name else words("centre of the place shown")
            if self.radius:
                centre += words(", within about {distance}", distance=distance(self.radius))
            notes.append(centre)
        elif self.source == FROM_LOCATION_SHOWN:
            notes.append(words("position of the place shown"))
        if self.precision in _NOTE and self.decimals == DECIMALS[self.precision]:
            notes.append(words(_NOTE[self.precision]))  # the precision asked, not the place, set the rounding
        return f"{text} ({'; '.join(notes)})" if notes else text

    @property
    def text(self) -> str:
        return " · ".join(p for p in (self.place_text, self.coordinates_text) if p)

    def as_dict(self) -> dict[str, object]:
        return {
            "precision": self.precision,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "altitude": self.altitude,
            "sublocation": self.sublocation,
            "city": self.city,
            "state": self.state,
            "country": self.country,
            "country_code": self.country_code,
            "place_names": dict(self.shown.names) if self.shown else {},
            "place_identifiers": list(self.shown.identifiers) if self.shown else [],
            "position_source": self.source if self.has_coordinates else None,
            "uncertainty_metres": self.uncertainty,
        }


def located(
    precision: str,
    fields: CuratedFields,
    latitude: float | None,
    longitude: float | None,
    altitude: float | None = None,
    *,
    shown: LocationShown | None = None,
    source: str | None = None,
    language: str = "",
    words: Callable[..., str] | None = None,
) -> tuple[Location, CuratedFields]:
    """The location an export may show, and the fields with place names removed if they must go.

    ``shown`` is the photo's gazetteer place (``catalog.places.location_shown``), if any, and
    ``source`` where its position came from (its ``gps_source``); ``language`` and ``words``
    are the publication's (``Location.words``).
    """
    # The location fields are text (the model declares them so), and Location has the same ones.
    names: dict[str, Any] = {name: getattr(fields, name) for name in PLACE_FIELDS}
    if precision == "none":
        cleared: dict[str, Any] = dict.fromkeys(PLACE_FIELDS, "")
        return Location("none"), replace(fields, **cleared, location_created={})
    if precision != "exact" and fields.location_created:
        # Where it was taken (issue 16): its names stay, its position only at "exact" (it is
        # the XMP text as read, which is not rounded here).
        kept = {k: v for k, v in fields.location_created.items() if k not in LOCATION_POSITION_MEMBERS}
        fields = replace(fields, location_created=kept)
    names["shown"] = shown
    names["language"] = language
    if words is not None:
        names["words"] = words
    if precision == "places" or latitude is None or longitude is None:
        return Location(precision, **names), fields
    decimals = DECIMALS[precision]
    radius = None
    if source == FROM_PLACE:
        radius = shown.radius if shown is not None else None
        decimals = min(decimals, radius_decimals(radius))
        altitude = None
    return (
        Location(
            precision,
            latitude=_round(latitude, decimals),
            longitude=_round(longitude, decimals),
            altitude=altitude if precision == "exact" and altitude is not None else None,
            source=source,
            decimals=decimals,
            radius=radius,
            **names,
        ),
        fields,
    )


def radius_decimals(radius: float | None) -> int:
    """Decimals of a degree nearest to a radius in metres (15 km: 1, 400 m: 2); 0 if unknown."""
    if not radius or radius <= 0:
        return 0
    return max(0, min(7, round(math.log10(_METRES_PER_DEGREE / radius))))


def distance(metres: float) -> str:
    """``400 m``, ``1.5 km``, ``15 km``: a radius as a reader takes it in."""
    if round(metres, -1) < 1000:
        return f"{round(metres, -1 if metres >= 100 else 0):.0f} m"
    kilometres = metres / 1000
    return f"{kilometres:.0f} km" if kilometres >= 10 else f"{kilometres:.1f}".rstrip("0").rstrip(".") + " km"


def _round(value: float, decimals: int) -> float:
    rounded = round(value, decimals)
    return 0.0 if rounded == 0 else rounded  # no "-0.0" in the files
