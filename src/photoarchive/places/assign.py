"""Changing the gazetteer, and giving photos a place, as recorded, undoable edits.

Assigning a place to photos fills their Sublocation / City / Province-State / Country /
Country code from the place and the places containing it (``Gazetteer.location_fields``),
records the place (``place_id``), and gives GPS to photos that have none, marked
``gps_source='place'`` so that it is never mistaken for a camera's position. A photo whose
position came from its previous place gets the new place's (or loses it). All of it is one
``apply_edit``: one transaction, one entry in the history, one undo.

A photo whose own position (camera, GPX, typed) is far from the place assigned to it
(``model.position.is_far_from_place``: farther than ``max(radius * 3, radius + 5 km)``) keeps
it, but ``assign_place`` returns it in ``Assignment.far`` so the command line and the window
warn; ``position_from_place=True`` replaces such positions with the place's, in the same edit.

Editing or moving a place re-fills the photos of the place and of every place inside it, in
the same transaction as the change to the place, as one edit.

Each function reads what it changes (the gazetteer, the photos' positions) inside the write
transaction that changes it, so that another window or process changing the same place or
photos meanwhile is neither overwritten nor recorded with values that were not there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from photoarchive.catalog import Catalog, transaction
from photoarchive.catalog import places as store
from photoarchive.catalog.curated import load_values
from photoarchive.edits import Edit, apply_edit
from photoarchive.errors import ValidationError
from photoarchive.model.place import Place
from photoarchive.model.position import FROM_PLACE, PLACED_FIELDS, distance_m, far_limit_m, is_far_from_place
from photoarchive.places.gazetteer import Gazetteer, clean_place


@dataclass(frozen=True)
class FarPhoto:
    """A photo whose position contradicts its place: ``distance`` from the place's position
    and the ``limit`` it is over, in metres."""

    photo_id: int
    place: Place
    distance: float
    limit: float


@dataclass
class Assignment:
    """What ``assign_place`` did (``edit``) and the photos whose position is far from the place."""

    edit: Edit
    far: list[FarPhoto] = field(default_factory=list)


def find_place(catalog: Catalog, name_or_id: str | int) -> Place:
    """The place with this id, or the one place called this in any of its languages."""
    return Gazetteer.load(catalog).find(name_or_id)


def add_place(catalog: Catalog, place: Place) -> Place:
    """Check and store a new place; returns it with its id."""
    with transaction(catalog.conn):  # the names it is checked against cannot change meanwhile
        cleaned = clean_place(replace(place, id=0), Gazetteer.load(catalog))
        return replace(cleaned, id=store.insert_place(catalog, cleaned))


def edit_place(catalog: Catalog, place_id: int, *, who: str | None = None, **changes: Any) -> tuple[Place, Edit]:
    """Change a place's values and re-fill its photos and those of places inside it, as one edit.

    ``changes`` are attributes of ``Place`` (``name=``, ``parent_id=``, ``alt_names=``...).
    To undo, call it again with the old place's values.
    """
    with transaction(catalog.conn):  # the other values of the place are kept as they are now
        gazetteer = Gazetteer.load(catalog)
        old = gazetteer.get(place_id)
        unknown = [k for k in changes if k == "id" or not hasattr(old, k)]
        if unknown:
            raise ValidationError(f"a place has no field {unknown[0]!r}", field=unknown[0])
        new = clean_place(replace(old, **changes), gazetteer)
        store.update_place(catalog, new)
        edit = refresh_photos(catalog, [place_id], description=f"Edit place {new.name}", who=who)
    return new, edit


def remove_place(catalog: Catalog, place_id: int, *, force: bool = False, who: str | None = None) -> Edit:
    """Remove a place from the gazetteer.

    A place that holds other places or is shown by photos is removed only with ``force``:
    then the places inside it move up to its parent, and its photos get its parent as their
    place (or no place, when it had none), re-filled as one edit.
    """
    with transaction(catalog.conn):  # what it holds is what it holds when it is removed
        gazetteer = Gazetteer.load(catalog)
        place = gazetteer.get(place_id)
        children = gazetteer.children(place_id)
        photos = store.photo_ids_at(catalog, [place_id])
        if (children or photos) and not force:
            held = [f"{len(children)} place{'s' if len(children) != 1 else ''}"] if children else []
            held += [f"{len(photos)} photo{'s' if len(photos) != 1 else ''}"] if photos else []
            raise ValidationError(
                f"{place.name!r} holds {' and '.join(held)}; remove with force to move them to "
                f"{gazetteer.get(place.parent_id).name if place.parent_id else 'no place'}",
                field="place",
            )
        store.set_parent(catalog, [c.id for c in children], place.parent_id)
        inside = [d for c in children for d in store.descendant_ids(catalog, c.id)]
        mapping: dict[int, int | None] = dict.fromkeys(photos, place.parent_id)
        mapping.update(store.photo_places(catalog, store.photo_ids_at(catalog, inside)))
        edit = assign_places(catalog, mapping, who=who, description=f"Remove place {place.name}")
        store.delete_place(catalog, place_id)
    return edit


def assign_place(
    catalog: Catalog,
    photo_ids: Sequence[int],
    place: Place | int | str | None,
    *,
    position_from_place: bool = False,
    who: str | None = None,
    description: str = "",
) -> Assignment:
    """Give these photos a place (a Place, an id, or a name in any language; None clears it);
    with ``position_from_place``, every photo's position becomes the place's. Returns the edit
    and the photos left far from the place."""
    with transaction(catalog.conn):  # GPS from the place goes where a photo has none *now*
        values, target = place_values(catalog, photo_ids, place, position_from_place=position_from_place)
        edit = apply_edit(
            catalog,
            list(values),
            values.__getitem__,
            description=description or describe_assignment(target, len(values), position_from_place),
            who=who,
        )
        return Assignment(edit, far_from_place(catalog, list(values)))


def place_values(
    catalog: Catalog,
    photo_ids: Sequence[int],
    place: Place | int | str | None,
    *,
    position_from_place: bool = False,
) -> tuple[dict[int, dict[str, Any]], Place | None]:
    """What assigning ``place`` would set on each photo ({photo id: {field: value}}), and the
    place found, without applying it: for an edit that also sets other fields (``edit --place``).
    Call it inside the transaction of that edit (the values depend on the photos' positions)."""
    gazetteer = Gazetteer.load(catalog)
    target = None if place is None else gazetteer.find(place.id if isinstance(place, Place) else place)
    ids = list(dict.fromkeys(photo_ids))
    current = load_values(catalog, ids, PLACED_FIELDS)
    values = {
        pid: photo_values(gazetteer, target, current.get(pid, {}), position_from_place=position_from_place)
        for pid in ids
    }
    return values, target


def far_from_place(catalog: Catalog, photo_ids: Sequence[int]) -> list[FarPhoto]:
    """The photos among these whose position is far from their place (the rule of
    ``model.position.is_far_from_place``), as they are now."""
    current = load_values(catalog, list(dict.fromkeys(photo_ids)), PLACED_FIELDS)
    if not any(v["place_id"] is not None for v in current.values()):
        return []
    gazetteer = Gazetteer.load(catalog)
    far = []
    for pid, values in current.items():
        if values["place_id"] is None or values["latitude"] is None or values["longitude"] is None:
            continue
        place = gazetteer.get(values["place_id"])
        centre, radius = _reach(gazetteer, place)
        position = (values["latitude"], values["longitude"])
        if centre is not None and is_far_from_place(position, values["gps_source"], centre, radius):
            far.append(FarPhoto(pid, place, distance_m(*position, *centre), far_limit_m(radius)))
    return far


def assign_places(
    catalog: Catalog,
    places: Mapping[int, int | None],
    *,
    gazetteer: Gazetteer | None = None,
    who: str | None = None,
    description: str = "",
) -> Edit:
    """Give each photo its own place ({photo id: place id or None}) as one edit."""
    with transaction(catalog.conn):
        known = gazetteer or Gazetteer.load(catalog)
        current = load_values(catalog, list(places), PLACED_FIELDS)

        def values(photo_id: int) -> dict[str, Any]:
            place_id = places[photo_id]
            place = None if place_id is None else known.get(place_id)
            return photo_values(known, place, current.get(photo_id, {}))

        return apply_edit(catalog, list(places), values, description=description or "Assign places", who=who)


def refresh_photos(catalog: Catalog, place_ids: Sequence[int], *, description: str, who: str | None = None) -> Edit:
    """Re-fill the photos of these places and of every place inside them from the gazetteer."""
    with transaction(catalog.conn):
        ids = sorted({d for p in place_ids for d in store.descendant_ids(catalog, p)})
        photo_places = store.photo_places(catalog, store.photo_ids_at(catalog, ids))
        return assign_places(catalog, photo_places, description=description, who=who)


def _reach(gazetteer: Gazetteer, place: Place) -> tuple[tuple[float, float] | None, float | None]:
    """The place's position and radius: those of the nearest level with coordinates (as
    ``Gazetteer.position`` and ``catalog.places.place_reaches`` walk them)."""
    for level in gazetteer.ancestors(place):
        if level.latitude is not None and level.longitude is not None:
            return (float(level.latitude), float(level.longitude)), level.suggestion_radius or None
    return None, None


def photo_values(
    gazetteer: Gazetteer, place: Place | None, current: Mapping[str, Any], *, position_from_place: bool = False
) -> dict[str, Any]:
    """The field values a photo gets from a place, given its current position fields; with
    ``position_from_place``, the place's position replaces the photo's own."""
    values: dict[str, Any] = {"place_id": None if place is None else place.id, **gazetteer.location_fields(place)}
    derived = position_from_place or current.get("latitude") is None or current.get("gps_source") == FROM_PLACE
    if derived:
        position = None if place is None else gazetteer.position(place)
        if position is not None:
            values.update(latitude=position[0], longitude=position[1], altitude=None, gps_source=FROM_PLACE)
        elif current.get("gps_source") == FROM_PLACE:
            values.update(latitude=None, longitude=None, altitude=None, gps_source=None)
    return values


def photo_values_now(catalog: Catalog, gazetteer: Gazetteer, place: Place | None, photo_id: int) -> dict[str, Any]:
    """``photo_values`` for one photo, its position fields read as they are now: call it
    inside the transaction of the edit that writes them."""
    current = load_values(catalog, [photo_id], PLACED_FIELDS).get(photo_id, {})
    return photo_values(gazetteer, place, current)


def describe_assignment(place: Place | None, count: int, position_from_place: bool = False) -> str:
    """``Place 3 photos at Height 171``, or ``Clear the place of 3 photos``."""
    photos = f"{count} photo{'s' if count != 1 else ''}"
    if place is None:
        return f"Clear the place of {photos}"
    return f"Place {photos} at {place.name}" + (", at its position" if position_from_place else "")


def describe_far(far: Sequence[FarPhoto]) -> str:
    """The warning for photos far from their place, in words (the same for the CLI and the GUI's log)."""
    shown = ", ".join(f"{f.photo_id} ({f.distance / 1000:,.0f} km)" for f in far[:5]) + (" ..." if len(far) > 5 else "")
    return (
        f"{len(far)} photo{'s' if len(far) != 1 else ''} far from {far[0].place.name} "
        f"(more than {far[0].limit / 1000:,.0f} km from its position): {shown}"
    )
