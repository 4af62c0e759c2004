"""Sharing the gazetteer between archives: CSV and GeoJSON, out and in.

Both formats carry the same fields. ``id`` is the place's id in the file and ``parent`` refers
to it: a number is the ``id`` of another row of the same file; text is a place name, looked
up among the file's rows and then in the gazetteer already in the catalog (so a file of
features can hang them under "Shumshu"). Rows may come in any order.

CSV (UTF-8, a BOM is accepted): one row per place, columns ``CSV_COLUMNS``; only ``name`` is
required. ``alt_names`` holds ``LANG:NAME`` items separated by ``|``
(``ru:Шумшу | ja:占守島 | en:Shimushu``). GeoJSON: a FeatureCollection of Point features
(``[longitude, latitude]``; a null geometry for a place without coordinates) whose properties
are the same fields, with ``alt_names`` a list of ``{"name", "language"}`` objects.

Importing is all or nothing: every row is checked first, and a file with bad rows raises one
``ValidationError`` naming each bad line (or feature) and what is wrong with it. A place that
is already in the gazetteer (same Wikidata id, same GeoNames id, or same name under the same
parent) is left as it is, or updated with ``update=True``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from photoarchive.catalog import Catalog, transaction
from photoarchive.catalog import places as store
from photoarchive.errors import NotFoundError, ValidationError
from photoarchive.model.place import Place, PlaceName
from photoarchive.places.assign import refresh_photos
from photoarchive.places.gazetteer import Gazetteer, clean_place, fold_name

CSV_COLUMNS = (
    "id",
    "name",
    "kind",
    "parent",
    "latitude",
    "longitude",
    "radius",
    "alt_names",
    "geonames_id",
    "wikidata_id",
    "country_code",
    "iptc_field",
    "notes",
)
_TEXT_FIELDS = ("name", "kind", "geonames_id", "wikidata_id", "country_code", "iptc_field", "notes")
MAX_ERRORS_LISTED = 20


@dataclass
class Row:
    """One place read from a file, before it is matched against the gazetteer."""

    where: str  # "line 7" or "feature 3 (line 42)"
    key: str  # the file's id of the place ('' when it has none)
    parent: str  # the file's reference to the parent
    place: Place


@dataclass
class ImportReport:
    added: list[Place] = field(default_factory=list)
    updated: list[Place] = field(default_factory=list)
    unchanged: list[Place] = field(default_factory=list)


# -- out ------------------------------------------------------------------------------------


def export_csv(catalog: Catalog, path: Path | str) -> int:
    """Write every place to a CSV file; returns how many."""
    places = store.all_places(catalog)
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for place in places:
            writer.writerow(_flat(place))
    return len(places)


def export_geojson(catalog: Catalog, path: Path | str) -> int:
    """Write every place to a GeoJSON FeatureCollection; returns how many."""
    places = store.all_places(catalog)
    Path(path).write_text(json.dumps(geojson(places), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(places)


def geojson(places: list[Place]) -> dict[str, Any]:
    features = []
    for place in places:
        properties = {k: v for k, v in _flat(place).items() if k not in ("id", "latitude", "longitude")}
        properties["alt_names"] = [{"name": n.name, "language": n.language} for n in place.alt_names]
        properties["radius"] = place.radius
        properties["parent"] = place.parent_id
        geometry = {"type": "Point", "coordinates": [place.longitude, place.latitude]} if place.has_position else None
        features.append({"type": "Feature", "id": place.id, "geometry": geometry, "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def _flat(place: Place) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "kind": place.kind,
        "parent": "" if place.parent_id is None else place.parent_id,
        "latitude": "" if place.latitude is None else place.latitude,
        "longitude": "" if place.longitude is None else place.longitude,
        "radius": "" if place.radius is None else place.radius,
        "alt_names": " | ".join(str(n) for n in place.alt_names),
        "geonames_id": place.geonames_id,
        "wikidata_id": place.wikidata_id,
        "country_code": place.country_code,
        "iptc_field": place.iptc_field,
        "notes": place.notes,
    }


# -- in -------------------------------------------------------------------------------------


def import_places(catalog: Catalog, path: Path | str, *, update: bool = False) -> ImportReport:
    """Import a CSV or GeoJSON file (by its extension: .csv, .geojson or .json)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ValidationError(f"{path}: cannot read ({error.strerror})", field="file") from error
    except UnicodeDecodeError as error:
        raise ValidationError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})", field="file") from error
    if path.suffix.lower() == ".csv":
        rows = read_csv(text, path.name)
    elif path.suffix.lower() in (".geojson", ".json"):
        rows = read_geojson(text, path.name)
    else:
        raise ValidationError(f"{path}: give a .csv, .geojson or .json file", field="file")
    return store_rows(catalog, rows, path.name, update=update)


def read_csv(text: str, name: str = "places.csv") -> list[Row]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if unknown or "name" not in header:
        problem = f"unknown column {unknown[0]!r}" if unknown else "no 'name' column"
        raise ValidationError(f"{name}, line 1: {problem} (columns: {', '.join(CSV_COLUMNS)})", field="file")
    rows, errors, start = [], [], reader.line_num + 1
    for record in reader:
        where = f"line {start}"
        start = reader.line_num + 1
        if None in record:
            errors.append(f"{where}: more values than columns")
            continue
        if not any((v or "").strip() for v in record.values()):
            continue
        try:
            rows.append(_row(where, record))
        except ValidationError as error:
            errors.append(f"{where}: {error}")
    _raise(name, errors)
    return rows


def read_geojson(text: str, name: str = "places.geojson") -> list[Row]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError(f"{name}, line {error.lineno}: not valid JSON ({error.msg})", field="file") from error
    if (
        not isinstance(data, dict)
        or data.get("type") != "FeatureCollection"
        or not isinstance(data.get("features"), list)
    ):
        raise ValidationError(f"{name}: not a GeoJSON FeatureCollection", field="file")
    # JSON parsers keep no positions; the n-th '"type": "Feature"' is the n-th feature's line.
    lines = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r'"type"\s*:\s*"Feature"', text)]
    rows, errors = [], []
    for index, feature in enumerate(data["features"]):
        where = f"feature {index + 1}" + (f" (line {lines[index]})" if index < len(lines) else "")
        try:
            rows.append(_feature_row(where, feature))
        except ValidationError as error:
            errors.append(f"{where}: {error}")
    _raise(name, errors)
    return rows


def _feature_row(where: str, feature: Any) -> Row:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ValidationError("not a GeoJSON Feature")
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        raise ValidationError("properties must be an object")
    record = {k: properties.get(k) for k in CSV_COLUMNS if k in properties}
    record["id"] = feature.get("id", properties.get("id"))
    geometry = feature.get("geometry")
    if geometry is not None:
        coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
        point = isinstance(geometry, dict) and geometry.get("type") == "Point"
        if not point or not isinstance(coordinates, list) or len(coordinates) < 2:
            raise ValidationError("geometry must be a Point [longitude, latitude] or null")
        record["longitude"], record["latitude"] = coordinates[0], coordinates[1]
    names = properties.get("alt_names") or []
    if not isinstance(names, list) or not all(isinstance(n, dict) and isinstance(n.get("name"), str) for n in names):
        raise ValidationError('alt_names must be a list of {"name": ..., "language": ...}')
    record["alt_names"] = [PlaceName(n["name"], str(n.get("language") or "")) for n in names]
    return _row(where, record)


def _row(where: str, record: dict[str, Any]) -> Row:
    values = {k: _string(record.get(k)) for k in _TEXT_FIELDS}
    if not values["name"]:
        raise ValidationError("no name")
    names = record.get("alt_names") or []
    alt_names = (
        names if isinstance(names, list) else [_alt_name(item) for item in str(names).split("|") if item.strip()]
    )
    place = Place(
        name=values["name"],
        kind=values["kind"] or "feature",
        latitude=_optional(record.get("latitude")),
        longitude=_optional(record.get("longitude")),
        radius=_optional(record.get("radius")),
        alt_names=alt_names,
        geonames_id=values["geonames_id"],
        wikidata_id=values["wikidata_id"],
        country_code=values["country_code"],
        iptc_field=values["iptc_field"],
        notes=values["notes"],
    )
    # Checks that do not depend on the gazetteer, so that every bad row is reported at once.
    clean_place(replace(place, parent_id=None), Gazetteer([]))
    return Row(where, _string(record.get("id")), _string(record.get("parent")), place)


def store_rows(catalog: Catalog, rows: list[Row], name: str, *, update: bool = False) -> ImportReport:
    """Add (or update) the places of checked rows, parents first, in one transaction."""
    gazetteer = Gazetteer.load(catalog)
    keys = {row.key: row for row in rows if row.key}
    if len(keys) < len([row for row in rows if row.key]):
        duplicate = next(r for r in rows if r.key and keys[r.key] is not r)
        raise ValidationError(f"{name}, {duplicate.where}: id {duplicate.key} is used by another row too", field="file")
    by_name: dict[str, list[Row]] = {}
    for row in rows:
        by_name.setdefault(fold_name(row.place.name), []).append(row)
    stored: dict[int, Place] = {}  # id(row) -> its place in the catalog
    report = ImportReport()
    refresh: list[int] = []

    def resolve(row: Row, trail: tuple[int, ...]) -> Place:
        if id(row) in stored:
            return stored[id(row)]
        if id(row) in trail:
            raise ValidationError(f"{name}, {row.where}: {row.place.name!r} is inside itself", field="file")
        parent = None
        if row.parent:
            target = keys.get(row.parent) or _only(by_name.get(fold_name(row.parent), []))
            if target is not None:
                parent = resolve(target, (*trail, id(row)))
            elif row.parent.isdigit():
                raise ValidationError(f"{name}, {row.where}: parent {row.parent} is no id of this file", field="file")
            else:
                try:
                    parent = gazetteer.find(row.parent)
                except (NotFoundError, ValidationError) as error:
                    raise ValidationError(f"{name}, {row.where}: parent: {error}", field="file") from None
        place = replace(row.place, parent_id=None if parent is None else parent.id)
        existing = _existing(gazetteer, place)
        try:
            if existing is None:
                place = clean_place(place, gazetteer)
                place = replace(place, id=store.insert_place(catalog, place))
                report.added.append(place)
            elif update:
                place = clean_place(replace(place, id=existing.id), gazetteer)
                store.update_place(catalog, place)
                report.updated.append(place)
                refresh.append(place.id)
            else:
                place = existing
                report.unchanged.append(place)
        except ValidationError as error:
            raise ValidationError(f"{name}, {row.where}: {error}", field="file") from None
        gazetteer.places[place.id] = place
        stored[id(row)] = place
        return place

    with transaction(catalog.conn):
        for row in rows:
            resolve(row, ())
        if refresh:
            refresh_photos(catalog, refresh, description=f"Import places from {name}")
    return report


def _existing(gazetteer: Gazetteer, place: Place) -> Place | None:
    for candidate in gazetteer:
        if place.wikidata_id and candidate.wikidata_id.upper() == place.wikidata_id.strip().upper():
            return candidate
        if place.geonames_id and candidate.geonames_id == place.geonames_id.strip():
            return candidate
    key = fold_name(place.name)
    return next((p for p in gazetteer if p.parent_id == place.parent_id and fold_name(p.name) == key), None)


def _only(rows: list[Row]) -> Row | None:
    return rows[0] if len(rows) == 1 else None


def _alt_name(item: str) -> PlaceName:
    language, colon, text = item.strip().partition(":")
    if colon and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", language.strip()):
        return PlaceName(text.strip(), language.strip())
    return PlaceName(item.strip())


def _string(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _optional(value: Any) -> Any:
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


def _raise(name: str, errors: list[str]) -> None:
    if errors:
        more = f"\n... and {len(errors) - MAX_ERRORS_LISTED} more" if len(errors) > MAX_ERRORS_LISTED else ""
        raise ValidationError(
            f"{name}: {len(errors)} bad row{'s' if len(errors) != 1 else ''}:\n"
            + "\n".join(f"  {name}, {e}" for e in errors[:MAX_ERRORS_LISTED])
            + more,
            field="file",
        )
