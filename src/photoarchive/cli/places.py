"""``photoarchive place ...`` (the gazetteer, suggestions) and ``photoarchive geotag`` (GPX tracks).

Thin: every command calls ``photoarchive.places`` and prints what it returns. A place is named
by its id or by any of its names, in any language (``Шумшу``, ``占守島``, ``Shumshu``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from photoarchive.cli.output import n_photos, print_fields, print_json, warn
from photoarchive.errors import ValidationError
from photoarchive.model.place import IPTC_FIELD_CHOICES, PLACE_KINDS, Place, PlaceName

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.places import FarPhoto, Gazetteer

# Each command imports the core it runs when it runs (gpxpy and the world's cities are read
# by geotag and suggest only).


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("place", parents=[common], help="the gazetteer: named places, their names and GPS")
    commands = group.add_subparsers(dest="place_command", metavar="ACTION", required=True)

    p = commands.add_parser("add", parents=[common], help="add a place to the gazetteer")
    p.add_argument("name", metavar="NAME")
    _place_options(p, editing=False)
    p.set_defaults(handler=add_command)

    p = commands.add_parser("edit", parents=[common], help="change a place (its photos are updated as one edit)")
    p.add_argument("place", metavar="PLACE", help="id or name in any language")
    p.add_argument("--name", metavar="NAME", help="rename the place")
    _place_options(p, editing=True)
    p.set_defaults(handler=edit_command)

    p = commands.add_parser("list", parents=[common], help="list the gazetteer as a tree")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=list_command)

    p = commands.add_parser("show", parents=[common], help="show a place, the fields it fills and its photos")
    p.add_argument("place", metavar="PLACE", help="id or name in any language")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=show_command)

    p = commands.add_parser("remove", parents=[common], help="remove a place")
    p.add_argument("place", metavar="PLACE", help="id or name in any language")
    p.add_argument("--force", action="store_true", help="also when it holds places or photos: they move to its parent")
    p.set_defaults(handler=remove_command)

    p = commands.add_parser("assign", parents=[common], help="give photos a place (fills their location fields)")
    p.add_argument("place", metavar="PLACE", help="id or name in any language; 'none' clears the place")
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=assign_command)

    p = commands.add_parser("import", parents=[common], help="import places from a CSV or GeoJSON file")
    p.add_argument("file", type=Path, metavar="FILE", help="a .csv, .geojson or .json file")
    p.add_argument("--update", action="store_true", help="update places already in the gazetteer from the file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=import_command)

    p = commands.add_parser("export", parents=[common], help="export the gazetteer as CSV or GeoJSON")
    p.add_argument("file", type=Path, metavar="FILE", help="a .csv or .geojson file (chosen by the extension)")
    p.set_defaults(handler=export_command)

    p = commands.add_parser("suggest", parents=[common], help="suggest places for photos with GPS (offline)")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="only these photos (default: all without a place)")
    p.add_argument("--include-placed", action="store_true", help="also photos that already have a place")
    p.add_argument("--accept", action="store_true", help="assign the suggested places (as one edit)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=suggest_command)

    p = subparsers.add_parser(
        "geotag", parents=[common], help="give photos GPS from a GPX track (proposes; --apply writes)"
    )
    p.add_argument("gpx", type=Path, metavar="GPX_FILE")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="photos to match (default: all without camera GPS)")
    p.add_argument("--offset", type=float, default=0.0, metavar="SECONDS", help="seconds to add to the camera clock")
    p.add_argument(
        "--timezone", metavar="TZ", help="zone of the camera clock for times without one (Asia/Kamchatka, +12:00)"
    )
    p.add_argument(
        "--max-gap",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="longest gap between track points to interpolate over",
    )
    p.add_argument("--apply", action="store_true", help="write the matched positions (as one edit)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=geotag_command)


def _place_options(p: argparse.ArgumentParser, *, editing: bool) -> None:
    p.add_argument("--kind", choices=PLACE_KINDS, help="default: feature")
    p.add_argument("--parent", metavar="PLACE", help="the place it is in (id or name; '' on edit: none)")
    p.add_argument("--lat", type=float, metavar="X", help="latitude (WGS 84 degrees)")
    p.add_argument("--lon", type=float, metavar="Y", help="longitude")
    p.add_argument("--radius", type=float, metavar="METRES", help="uncertainty radius")
    p.add_argument("--alt-name", action="append", metavar="LANG:NAME", help="another name, e.g. ru:Шумшу (repeat)")
    p.add_argument("--geonames", metavar="ID", help="GeoNames id or URL")
    p.add_argument("--wikidata", metavar="ID", help="Wikidata item (Q...) or URL")
    p.add_argument(
        "--country-code", metavar="CODE", help="ISO 3166-1 code (RUS or RU); found from the name for countries"
    )
    p.add_argument("--field", choices=IPTC_FIELD_CHOICES, help="the IPTC field this level fills (default: by kind)")
    p.add_argument("--notes", metavar="TEXT")
    if editing:
        p.add_argument("--no-position", action="store_true", help="remove the coordinates and radius")
        p.add_argument("--add-alt-name", action="append", metavar="LANG:NAME", help="add another name (repeat)")
        p.add_argument("--remove-alt-name", action="append", metavar="NAME", help="remove another name (repeat)")
    p.add_argument("--json", action="store_true")


def add_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.places import Gazetteer, add_place

    gazetteer = Gazetteer.load(catalog)
    place = Place(args.name, **_changes(args, gazetteer, Place(args.name)))
    place = add_place(catalog, place)
    return _report(args, catalog, place, f"Added place {place.id}: {Gazetteer.load(catalog).path(place)}")


def edit_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.places import Gazetteer, edit_place

    gazetteer = Gazetteer.load(catalog)
    old = gazetteer.find(args.place)
    changes = _changes(args, gazetteer, old)
    if args.name is not None:
        changes["name"] = args.name
    if args.no_position:
        changes.update(latitude=None, longitude=None, radius=None)
    names = list(changes.get("alt_names", old.alt_names))
    names += [_alt_name(text) for text in args.add_alt_name or []]
    names = [n for n in names if n.name not in set(args.remove_alt_name or [])]
    if names != old.alt_names:
        changes["alt_names"] = names
    place, edit = edit_place(catalog, old.id, **changes)
    photos = f"; {n_photos(len(edit.photo_ids))} updated" if edit.photo_ids else ""
    return _report(args, catalog, place, f"Changed place {place.id}: {Gazetteer.load(catalog).path(place)}{photos}")


def list_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.catalog import places as store
    from photoarchive.places import Gazetteer

    gazetteer = Gazetteer.load(catalog)
    counts = store.photo_counts(catalog)
    if args.json:
        print_json([place_json(gazetteer, p, counts.get(p.id, 0)) for p, _ in _tree(gazetteer, None, 0)])
        return 0
    if not len(gazetteer):
        warn("The gazetteer is empty: add places with 'photoarchive place add' or 'place import'.")
    for place, depth in _tree(gazetteer, None, 0):
        names = ", ".join(str(n) for n in place.alt_names)
        where = f"{place.latitude:.5f}, {place.longitude:.5f}" if place.has_position else ""
        if where and place.radius is not None:
            where += f" ±{place.radius:g} m"
        details = "; ".join(
            x for x in (place.kind, where, f"{counts[place.id]} photos" if place.id in counts else "") if x
        )
        print(f"{place.id:>5}  {'  ' * depth}{place.name}" + (f" ({names})" if names else "") + f"  [{details}]")
    return 0


def show_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.catalog import places as store
    from photoarchive.places import Gazetteer

    gazetteer = Gazetteer.load(catalog)
    place = gazetteer.find(args.place)
    photo_ids = store.photo_ids_at(catalog, [place.id])
    data = place_json(gazetteer, place, len(photo_ids))
    data["photo_ids"] = photo_ids
    if args.json:
        print_json(data)
        return 0
    data["alt_names"] = [str(n) for n in place.alt_names]
    data["fills"] = [f"{k}={v}" for k, v in data.pop("fills").items() if v]
    print_fields({k: v for k, v in data.items() if k not in ("photos",)})
    return 0


def remove_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.places import Gazetteer, remove_place

    place = Gazetteer.load(catalog).find(args.place)
    edit = remove_place(catalog, place.id, force=args.force)
    moved = f"; {len(edit.photo_ids)} photos updated" if edit.photo_ids else ""
    print(f"Removed place {place.id}: {place.name}{moved}")
    return 0


def assign_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.places import assign_place

    target = None if args.place.strip().lower() == "none" else args.place
    assignment = assign_place(catalog, args.ids, target)
    edit = assignment.edit
    if args.json:
        far = [f.photo_id for f in assignment.far]
        print_json({"edit": edit.id or None, "photos": edit.photo_ids, "description": edit.description, "far": far})
    else:
        print(f"{edit.description} ({len(edit.photo_ids)} changed)")
    warn_far(assignment.far)
    return 0


def warn_far(far: list[FarPhoto]) -> None:
    """Warn on stderr about photos left far from their place, and say how to fix it."""
    from photoarchive.places import describe_far

    if far:
        ids = " ".join(str(f.photo_id) for f in far)
        warn(
            f"warning: {describe_far(far)}; to use the place's position instead: "
            f"photoarchive edit {ids} --place {far[0].place.id} --position-from-place"
        )


def import_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.places.exchange import import_places

    report = import_places(catalog, args.file, update=args.update)
    if args.json:
        print_json({k: [p.id for p in getattr(report, k)] for k in ("added", "updated", "unchanged")})
    else:
        print(f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} already there")
    return 0


def export_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.places.exchange import export_csv, export_geojson

    suffix = args.file.suffix.lower()
    if suffix == ".csv":
        count = export_csv(catalog, args.file)
    elif suffix in (".geojson", ".json"):
        count = export_geojson(catalog, args.file)
    else:
        raise ValidationError(f"{args.file}: give a .csv or .geojson file name", field="file")
    print(f"{count} places written to {args.file}")
    return 0


def suggest_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.places.suggest import accept_suggestions, suggest_places

    suggestions = suggest_places(catalog, args.ids or None, include_placed=args.include_placed or bool(args.ids))
    edit = accept_suggestions(catalog, suggestions) if args.accept and suggestions else None
    if args.json:
        print_json({"suggestions": [s.as_dict() for s in suggestions], "edit": edit.id if edit else None})
        return 0
    for s in suggestions:
        country = f", {s.country}" if s.source == "geonames" else ""
        print(f"{s.photo_id:>6}  {s.name}{country}  ({s.distance / 1000:.1f} km, {s.source})")
    if not suggestions:
        warn("No suggestions: no photo with GPS (and without a place) is near a known place.")
    elif edit is not None:
        print(f"Accepted {len(suggestions)} suggestions ({len(edit.photo_ids)} photos changed)")
    else:
        print("Run again with --accept to assign them (or give photo ids to accept some).")
    return 0


def geotag_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.catalog import places as store
    from photoarchive.places.gpx import MATCHED, apply_proposals, load_track, match_photos, parse_timezone

    track = load_track(args.gpx)
    zone = parse_timezone(args.timezone)
    photos = catalog.photos(args.ids or store.photo_ids_without_gps_evidence(catalog))
    proposals = match_photos(track, photos, offset=args.offset, zone=zone, max_gap=args.max_gap)
    edit = apply_proposals(catalog, proposals) if args.apply else None
    matched = [p for p in proposals if p.status == MATCHED]
    if args.json:
        print_json(
            {
                "track": {
                    "name": track.name,
                    "start": track.start.isoformat(),
                    "end": track.end.isoformat(),
                    "points": len(track.points),
                },
                "proposals": [p.as_dict() for p in proposals],
                "applied": edit is not None,
                "edit": edit.id if edit else None,
            }
        )
        return 0
    print(
        f"Track {track.name!r}: {len(track.points)} points, {track.start:%Y-%m-%d %H:%M:%S} to {track.end:%H:%M:%S} UTC"
    )
    for p in proposals:
        where = f"{p.latitude:.6f}, {p.longitude:.6f}" if p.status == MATCHED else p.status
        when = f"{p.time:%Y-%m-%d %H:%M:%S} UTC" if p.time else (p.captured_at or "no capture time")
        print(f"{p.photo_id:>6}  {when}  {where}")
    unmatched = len(proposals) - len(matched)
    summary = f"{len(matched)} matched, {unmatched} not matched (reported, not guessed)"
    if edit is not None:
        print(f"{summary}; positions written ({len(edit.photo_ids)} photos changed)")
    else:
        print(f"{summary}; nothing written: run again with --apply")
    return 0


def place_json(gazetteer: Gazetteer, place: Place, photos: int) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "path": gazetteer.path(place),
        "kind": place.kind,
        "parent": place.parent_id,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "radius": place.radius,
        "alt_names": [{"name": n.name, "language": n.language} for n in place.alt_names],
        "geonames_id": place.geonames_id,
        "wikidata_id": place.wikidata_id,
        "country_code": place.country_code,
        "field": place.location_field,
        "notes": place.notes,
        "fills": gazetteer.location_fields(place),
        "photos": photos,
    }


def _changes(args: argparse.Namespace, gazetteer: Gazetteer, old: Place) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if args.kind is not None:
        changes["kind"] = args.kind
    if args.parent is not None:
        changes["parent_id"] = gazetteer.find(args.parent).id if args.parent.strip() else None
    if (args.lat is None) != (args.lon is None):
        raise ValidationError("give --lat and --lon together", field="latitude")
    if args.lat is not None:
        changes.update(latitude=args.lat, longitude=args.lon)
    if args.radius is not None:
        changes["radius"] = args.radius
    if args.alt_name is not None:
        changes["alt_names"] = [_alt_name(text) for text in args.alt_name]
    for option, attribute in (
        ("geonames", "geonames_id"),
        ("wikidata", "wikidata_id"),
        ("country_code", "country_code"),
        ("field", "iptc_field"),
        ("notes", "notes"),
    ):
        if getattr(args, option) is not None:
            changes[attribute] = getattr(args, option)
    return changes


def _alt_name(text: str) -> PlaceName:
    language, colon, name = text.partition(":")
    if not colon or not name.strip():
        raise ValidationError(f"--alt-name {text!r}: write it as LANG:NAME, e.g. ru:Шумшу", field="alt_names")
    return PlaceName(name.strip(), language.strip())


def _tree(gazetteer: Gazetteer, parent: int | None, depth: int) -> list[tuple[Place, int]]:
    """Places depth first, each with its depth, children sorted by name."""
    found = []
    for child in gazetteer.children(parent):
        found.append((child, depth))
        found += _tree(gazetteer, child.id, depth + 1)
    return found


def _report(args: argparse.Namespace, catalog: Catalog, place: Place, message: str) -> int:
    from photoarchive.catalog import places as store
    from photoarchive.places import Gazetteer

    if args.json:
        gazetteer = Gazetteer.load(catalog)
        print_json(place_json(gazetteer, gazetteer.get(place.id), len(store.photo_ids_at(catalog, [place.id]))))
    else:
        print(message)
    return 0
