"""The gazetteer in memory: places by id, their hierarchy, lookup by name in any language.

A ``Gazetteer`` is a snapshot of every place of the catalog (a few thousand at most), loaded
in one query; it answers "which places contain this one", "which IPTC fields does this place
fill" and "which place is called 占守島" without more SQL. ``clean_place`` checks and
normalises a place before it is stored.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from photoarchive.catalog import Catalog
from photoarchive.catalog.places import all_places
from photoarchive.errors import NotFoundError, ValidationError
from photoarchive.metadata.validate import check_text
from photoarchive.model.curated import names_in
from photoarchive.model.fields import Group
from photoarchive.model.place import IPTC_FIELD_CHOICES, PLACE_KINDS, Place, PlaceName
from photoarchive.places.countries import code_for_name, country_code, country_name

MAX_DEPTH = 64
TEXT_MAX = 4000  # characters of a place's name or notes
# The fields a place fills in a photo: its Location shown group, as declared.
LOCATION_FIELDS = names_in(Group.LOCATION)
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


class Gazetteer:
    """Every place of a catalog, with the hierarchy resolved in memory."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.places: dict[int, Place] = {p.id: p for p in places}

    @classmethod
    def load(cls, catalog: Catalog) -> Gazetteer:
        return cls(all_places(catalog))

    def __len__(self) -> int:
        return len(self.places)

    def __iter__(self):
        return iter(self.places.values())

    def get(self, place_id: int) -> Place:
        try:
            return self.places[place_id]
        except KeyError:
            raise NotFoundError(f"no place with id {place_id}") from None

    def ancestors(self, place: Place) -> list[Place]:
        """The place and the places containing it, nearest first (``Height 171``, ..., ``Russia``)."""
        chain, seen = [place], {place.id}
        while chain[-1].parent_id is not None and len(chain) < MAX_DEPTH:
            parent = self.places.get(chain[-1].parent_id)
            if parent is None or parent.id in seen:
                break
            chain.append(parent)
            seen.add(parent.id)
        return chain

    def path(self, place: Place, separator: str = " > ") -> str:
        """``Russia > Sakhalin Oblast > Kuril Islands > Shumshu > Height 171``."""
        return separator.join(p.name for p in reversed(self.ancestors(place)))

    def children(self, place_id: int | None) -> list[Place]:
        """The places directly inside a place (or the top-level places for None), by name."""
        found = [p for p in self.places.values() if p.parent_id == place_id]
        return sorted(found, key=lambda p: fold_name(p.name))

    def descendants(self, place_id: int) -> list[Place]:
        """Every place inside this one, at any depth (not the place itself)."""
        found, queue = [], [place_id]
        while queue:
            children = self.children(queue.pop())
            found.extend(children)
            queue.extend(c.id for c in children)
        return found

    def position(self, place: Place) -> tuple[float, float] | None:
        """The place's coordinates, else those of the nearest place containing it that has some."""
        for level in self.ancestors(place):
            if level.latitude is not None and level.longitude is not None:
                return (float(level.latitude), float(level.longitude))
        return None

    def location_fields(self, place: Place | None) -> dict[str, str]:
        """The IPTC location fields a photo of this place gets, from the place and its parents.

        Each level fills the field of its ``location_field``. When several levels fill the
        same field, the nearest one wins, except Sublocation, which joins them nearest first
        ("Gun emplacement, Cape Kokutan"). The country code is the nearest level's code; a
        Country left empty while a code is known gets the country's name from pycountry.
        """
        values = dict.fromkeys(LOCATION_FIELDS, "")
        if place is None:
            return values
        sublocations: list[str] = []
        for level in self.ancestors(place):
            target = level.location_field
            if target == "sublocation":
                sublocations.append(level.name)
            elif target in values and not values[target]:
                values[target] = level.name
            if not values["country_code"] and level.country_code:
                values["country_code"] = level.country_code
        values["sublocation"] = ", ".join(sublocations)
        if values["country_code"] and not values["country"]:
            values["country"] = country_name(values["country_code"])
        return values

    def matching(self, name: str) -> list[Place]:
        """Places with this name or alternative name (any language, case and width ignored)."""
        key = fold_name(name)
        return [p for p in self.places.values() if any(fold_name(n) == key for n in p.all_names())]

    def find(self, name_or_id: str | int) -> Place:
        """The place with this id, or the one place with this name in any of its languages.

        A name shared by several places is an error listing them (with ids and paths), and an
        unknown name is a ``NotFoundError`` that suggests close names.
        """
        text = str(name_or_id).strip()
        if text.isdigit() and int(text) in self.places:
            return self.places[int(text)]
        found = self.matching(text)
        if len(found) == 1:
            return found[0]
        if found:
            listed = "; ".join(f"{p.id} ({self.path(p)})" for p in sorted(found, key=lambda p: p.id))
            raise ValidationError(f"{text!r} names {len(found)} places: {listed}; give the id instead", field="place")
        names = {n: p for p in self.places.values() for n in p.all_names()}
        close = difflib.get_close_matches(text, list(names), n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
        what = f"id {text}" if text.isdigit() else f"named {text!r}"
        raise NotFoundError(f"no place {what} in the gazetteer{hint}")


def clean_place(place: Place, gazetteer: Gazetteer) -> Place:
    """A checked and normalised copy of ``place``, or ``ValidationError`` naming the bad value."""
    name = _text(place.name, "name")
    if not name:
        raise ValidationError("a place needs a name", field="name")
    kind = (place.kind or "feature").strip().lower()
    if kind not in PLACE_KINDS:
        raise ValidationError(f"kind {place.kind!r} is not one of {', '.join(PLACE_KINDS)}", field="kind")
    iptc_field = (place.iptc_field or "").strip().lower()
    if iptc_field and iptc_field not in IPTC_FIELD_CHOICES:
        raise ValidationError(
            f"IPTC field {place.iptc_field!r} is not one of {', '.join(IPTC_FIELD_CHOICES)}", field="iptc_field"
        )
    if place.parent_id is not None:
        parent = gazetteer.get(place.parent_id)
        if place.id and place.id in {p.id for p in gazetteer.ancestors(parent)}:
            raise ValidationError(f"{name!r} cannot be inside {parent.name!r}, which is inside it", field="parent")
    latitude, longitude = _coordinates(place.latitude, place.longitude)
    radius = None if place.radius is None else _number(place.radius, "radius", 0.0, 40_075_000.0)
    alt_names: list[PlaceName] = []
    for other in place.alt_names:
        text, language = _text(other.name, "alt_names"), (other.language or "").strip()
        if language and not _LANGUAGE.fullmatch(language):
            raise ValidationError(
                f"language {language!r} of {text!r} is not a language tag (ru, ja, en, ...)", field="alt_names"
            )
        if text and (text, language) not in {(n.name, n.language) for n in alt_names}:
            alt_names.append(PlaceName(text, language))
    code = country_code(place.country_code or "")
    if kind == "country" and not code:
        code = code_for_name(name, *(n.name for n in alt_names))
        if not code:
            raise ValidationError(f"{name!r}: give the country's ISO 3166 code (e.g. RUS)", field="country_code")
    return replace(
        place,
        name=name,
        kind=kind,
        iptc_field=iptc_field,
        latitude=latitude,
        longitude=longitude,
        radius=radius,
        alt_names=alt_names,
        geonames_id=geonames_id(place.geonames_id or ""),
        wikidata_id=wikidata_id(place.wikidata_id or ""),
        country_code=code,
        notes=_text(place.notes or "", "notes", multiline=True),
    )


def geonames_id(text: str) -> str:
    """A GeoNames id from ``2121215`` or a GeoNames URL."""
    text = text.strip()
    if not text:
        return ""
    match = re.fullmatch(r"(?:https?://(?:www\.|sws\.)?geonames\.org/)?(\d+)(?:/.*)?", text)
    if not match:
        raise ValidationError(f"GeoNames id {text!r} is not a number such as 2121215", field="geonames_id")
    return match.group(1)


def wikidata_id(text: str) -> str:
    """A Wikidata item id (``Q1049609``) from the id or a Wikidata URL."""
    text = text.strip()
    if not text:
        return ""
    match = re.fullmatch(r"(?:https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/)?([Qq]\d+)", text)
    if not match:
        raise ValidationError(f"Wikidata id {text!r} is not an item id such as Q1049609", field="wikidata_id")
    return match.group(1).upper()


def _coordinates(latitude: object, longitude: object) -> tuple[float | None, float | None]:
    if (latitude is None) != (longitude is None):
        raise ValidationError("give both latitude and longitude, or neither", field="latitude")
    if latitude is None:
        return None, None
    return _number(latitude, "latitude", -90.0, 90.0), _number(longitude, "longitude", -180.0, 180.0)


def _number(value: object, field: str, low: float, high: float) -> float:
    try:
        if not isinstance(value, int | float | str):
            raise TypeError(value)
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{field} {value!r} is not a number", field=field) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise ValidationError(f"{field} {value!r} is out of range ({low:g} to {high:g})", field=field)
    return number


def _text(value: str, field: str, *, multiline: bool = False) -> str:
    return check_text(field, str(value), multiline=multiline, max_chars=TEXT_MAX, label=field)


def fold_name(text: str) -> str:
    # NFKC folds full-width Latin and half-width kana; casefold handles Cyrillic as well as Latin.
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
