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
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from photoarchive.model import CuratedFields, LocationShown

PLACE_FIELDS = ("sublocation", "city", "state", "country", "country_code")
DECIMALS = {"exact": 7, "1km": 2, "10km": 1}
_SHOWN_DECIMALS = {"exact": 5, "1km": 2, "10km": 1}  # 5 decimals: about a metre, enough to read
_NOTE = {"1km": "rounded to about 1 km", "10km": "rounded to about 10 km"}


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

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def decimals(self) -> int:
        return DECIMALS.get(self.precision, 0)

    @property
    def place_text(self) -> str:
        """``Height 171, Shumshu, Sakhalin Oblast, Russia``: the names, most specific first."""
        return ", ".join(p for p in (self.sublocation, self.city, self.state, self.country) if p)

    @property
    def coordinates_text(self) -> str:
        """``50.75° N, 156.35° E (rounded to about 1 km)``, or empty."""
        if not self.has_coordinates:
            return ""
        assert self.latitude is not None and self.longitude is not None
        places = _SHOWN_DECIMALS.get(self.precision, 5)
        text = (
            f"{abs(self.latitude):.{places}f}° {'N' if self.latitude >= 0 else 'S'}, "
            f"{abs(self.longitude):.{places}f}° {'E' if self.longitude >= 0 else 'W'}"
        )
        return f"{text} ({_NOTE[self.precision]})" if self.precision in _NOTE else text

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
        }


def located(
    precision: str,
    fields: CuratedFields,
    latitude: float | None,
    longitude: float | None,
    altitude: float | None = None,
    *,
    shown: LocationShown | None = None,
) -> tuple[Location, CuratedFields]:
    """The location an export may show, and the fields with place names removed if they must go.

    ``shown`` is the photo's gazetteer place (``catalog.places.location_shown``), if any.
    """
    names: dict[str, object] = {name: getattr(fields, name) for name in PLACE_FIELDS}
    if precision == "none":
        return Location("none"), replace(fields, **dict.fromkeys(PLACE_FIELDS, ""))
    names["shown"] = shown
    if precision == "places" or latitude is None or longitude is None:
        return Location(precision, **names), fields  # type: ignore[arg-type]
    decimals = DECIMALS[precision]
    return (
        Location(
            precision,
            latitude=_round(latitude, decimals),
            longitude=_round(longitude, decimals),
            altitude=altitude if precision == "exact" and altitude is not None else None,
            **names,  # type: ignore[arg-type]
        ),
        fields,
    )


def _round(value: float, decimals: int) -> float:
    rounded = round(value, decimals)
    return 0.0 if rounded == 0 else rounded  # no "-0.0" in the files
