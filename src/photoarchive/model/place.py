"""Places of the gazetteer, and the location shown that a place gives a photo.

A ``Place`` is a named place that the archivist keeps ("Height 171", "Shumshu", "Russia"),
each inside a larger one (its parent), with names in several languages and scripts, a kind,
coordinates with an uncertainty radius, and identifiers in authority files. Which IPTC
location field a level of the hierarchy fills (Sublocation, City, Province/State, Country)
is stored per place in ``iptc_field``; empty means the default for its kind
(``DEFAULT_FIELD_BY_KIND``).

``LocationShown`` is what a photo's place contributes to the IPTC Extension structure of the
same name, beyond the plain location fields: the place's names in every language and its
identifiers as URIs. The metadata writer takes it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of place, from the smallest to the largest, and the IPTC field each fills by default.
# "none": a level that fills no field (an archipelago between an island and its region).
DEFAULT_FIELD_BY_KIND: dict[str, str] = {
    "building": "sublocation",
    "feature": "sublocation",
    "site": "sublocation",
    "locality": "city",
    "island": "city",
    "district": "none",
    "archipelago": "none",
    "region": "state",
    "country": "country",
    "other": "none",
}
PLACE_KINDS: tuple[str, ...] = tuple(DEFAULT_FIELD_BY_KIND)

# The location fields a level may fill, in the order of the IPTC standard; "none" fills none.
IPTC_LOCATION_FIELDS: tuple[str, ...] = ("sublocation", "city", "state", "country")
IPTC_FIELD_CHOICES: tuple[str, ...] = (*IPTC_LOCATION_FIELDS, "none")

# How far from its coordinates a place counts as "here" for suggestions, when it has no radius.
DEFAULT_RADIUS_BY_KIND: dict[str, float] = {
    "building": 50.0,
    "feature": 250.0,
    "site": 500.0,
    "locality": 3_000.0,
    "island": 15_000.0,
    "district": 50_000.0,
    "archipelago": 150_000.0,
    "region": 300_000.0,
    "country": 0.0,  # a country is never suggested by distance from its centre
    "other": 250.0,
}


@dataclass
class PlaceName:
    """Another name of a place, with its language (a BCP 47 tag such as ``ru``, ``ja``, ``en``)."""

    name: str
    language: str = ""

    def __str__(self) -> str:
        return f"{self.language}:{self.name}" if self.language else self.name


@dataclass
class Place:
    """A named place of the gazetteer. ``id`` is 0 until the catalog has stored it.

    ``radius`` is in metres; ``country_code`` is ISO 3166-1 alpha-3 (set on countries, and on
    any place whose country should not come from its parents); ``geonames_id`` and
    ``wikidata_id`` are the bare identifiers (``2121215``, ``Q1049609``).
    """

    name: str
    kind: str = "feature"
    parent_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    radius: float | None = None
    alt_names: list[PlaceName] = field(default_factory=list)
    geonames_id: str = ""
    wikidata_id: str = ""
    country_code: str = ""
    iptc_field: str = ""
    notes: str = ""
    id: int = 0

    @property
    def location_field(self) -> str:
        """The IPTC location field this level fills: its own choice, else its kind's default."""
        return self.iptc_field or DEFAULT_FIELD_BY_KIND.get(self.kind, "none")

    @property
    def has_position(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def suggestion_radius(self) -> float:
        return self.radius if self.radius is not None else DEFAULT_RADIUS_BY_KIND.get(self.kind, 0.0)

    def all_names(self) -> list[str]:
        """The name and every alternative name, without repeats."""
        return list(dict.fromkeys([self.name, *(n.name for n in self.alt_names)]))

    def identifiers(self) -> list[str]:
        """The place's identifiers as URIs, as IPTC ``LocationId`` holds them."""
        uris = []
        if self.geonames_id:
            uris.append(f"https://sws.geonames.org/{self.geonames_id}/")
        if self.wikidata_id:
            uris.append(f"http://www.wikidata.org/entity/{self.wikidata_id}")
        return uris


@dataclass
class LocationShown:
    """What a photo's place adds to ``Iptc4xmpExt:LocationShown`` besides the location fields.

    ``names`` maps a language (``x-default`` first, holding the place's main name) to the
    place's name in it, for ``LocationName`` (a language alternative); ``identifiers`` are
    URIs for ``LocationId`` (a bag). The Sublocation/City/ProvinceState/CountryName/CountryCode
    members repeat the photo's curated fields and GPS its position, which the writer has.

    ``radius`` is how far, in metres, the place extends from the position it gives a photo
    (its own radius or its kind's default; those of the nearest place containing it that has
    coordinates, when it has none): the uncertainty of a position taken from the place
    (``gps_source='place'``). None when unknown, as for a country's centre. Files do not
    carry it; the export uses it (``export.precision``).
    """

    place_id: int
    names: dict[str, str] = field(default_factory=dict)
    identifiers: list[str] = field(default_factory=list)
    radius: float | None = None
