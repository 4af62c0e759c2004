"""The gazetteer's storage: places, their other names, and which place each photo shows.

Only storage lives here; the rules (validation, the hierarchy's field mapping, assigning places
to photos as recorded edits) are in ``photoarchive.places``. A gazetteer holds hundreds or a few
thousand places, so readers load it whole (``all_places``) and work on it in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from typing import Any

from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.connection import Connection, select_in, transaction
from photoarchive.catalog.rows import from_row
from photoarchive.catalog.search import reindex_photos
from photoarchive.errors import NotFoundError
from photoarchive.model.place import LocationShown, Place, PlaceName

# The columns of ``places``: the fields of ``Place`` but its id and its other names (which
# live in ``place_names``).
COLUMNS = tuple(f.name for f in fields(Place) if f.name not in ("id", "alt_names"))


def insert_place(catalog: Catalog, place: Place) -> int:
    """Store a new place with its other names; returns its id."""
    with transaction(catalog.conn):
        place_id = int(
            catalog.conn.execute(
                f"INSERT INTO places ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))}) RETURNING id",
                [getattr(place, c) for c in COLUMNS],
            ).fetchone()[0]
        )
        _write_names(catalog.conn, place_id, place.alt_names)
    return place_id


def update_place(catalog: Catalog, place: Place) -> None:
    """Replace a stored place's values and other names; reindexes the search text of its photos."""
    with transaction(catalog.conn):
        cursor = catalog.conn.execute(
            f"UPDATE places SET {', '.join(f'{c} = ?' for c in COLUMNS)} WHERE id = ?",
            [*(getattr(place, c) for c in COLUMNS), place.id],
        )
        if cursor.rowcount == 0:
            raise NotFoundError(f"no place with id {place.id}")
        catalog.conn.execute("DELETE FROM place_names WHERE place_id = ?", (place.id,))
        _write_names(catalog.conn, place.id, place.alt_names)
        reindex_photos(catalog.conn, photo_ids_at(catalog, descendant_ids(catalog, place.id)))


def delete_place(catalog: Catalog, place_id: int) -> None:
    """Remove a place that no photo and no other place refers to any more."""
    with transaction(catalog.conn):
        shown = photo_ids_at(catalog, [place_id])  # left without a place: their text loses its names
        cursor = catalog.conn.execute("DELETE FROM places WHERE id = ?", (place_id,))
        if cursor.rowcount == 0:
            raise NotFoundError(f"no place with id {place_id}")
        reindex_photos(catalog.conn, shown)


def set_parent(catalog: Catalog, place_ids: Sequence[int], parent_id: int | None) -> None:
    """Move places under another (or to the top); reindexes the search text of the photos in
    them, which carries the names of every place containing a photo's place."""
    with transaction(catalog.conn):
        catalog.conn.executemany("UPDATE places SET parent_id = ? WHERE id = ?", [(parent_id, i) for i in place_ids])
        moved = {d for place_id in place_ids for d in descendant_ids(catalog, place_id)}
        reindex_photos(catalog.conn, photo_ids_at(catalog, moved))


def get_place(catalog: Catalog, place_id: int) -> Place:
    row = catalog.conn.execute("SELECT * FROM places WHERE id = ?", (place_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no place with id {place_id}")
    return _place(row, _names(catalog.conn, [place_id]).get(place_id, []))


def all_places(catalog: Catalog) -> list[Place]:
    """Every place of the gazetteer, in the order they were added."""
    names = _names(catalog.conn, None)
    return [_place(row, names.get(row["id"], [])) for row in catalog.conn.execute("SELECT * FROM places ORDER BY id")]


def descendant_ids(catalog: Catalog, place_id: int) -> list[int]:
    """The place and every place inside it, at any depth."""
    rows = catalog.conn.execute(
        # the id cast to the ids' type: a server types a parameter by its value (a small one smallint)
        "WITH RECURSIVE tree(id) AS (SELECT CAST(? AS BIGINT) UNION SELECT p.id FROM places p"
        " JOIN tree ON p.parent_id = tree.id)"
        " SELECT id FROM tree",
        (place_id,),
    )
    return [r[0] for r in rows]


def child_ids(catalog: Catalog, place_id: int) -> list[int]:
    return [r[0] for r in catalog.conn.execute("SELECT id FROM places WHERE parent_id = ? ORDER BY id", (place_id,))]


def photo_ids_at(catalog: Catalog, place_ids: Iterable[int]) -> list[int]:
    """Photos whose place is one of these places."""
    return sorted(
        r[0] for r in select_in(catalog.conn, "SELECT id FROM photos WHERE place_id IN ({ids})", list(place_ids))
    )


def photo_places(catalog: Catalog, photo_ids: Sequence[int]) -> dict[int, int | None]:
    """The place id of each of these photos (None when it has none)."""
    return {
        r[0]: r[1] for r in select_in(catalog.conn, "SELECT id, place_id FROM photos WHERE id IN ({ids})", photo_ids)
    }


def photo_counts(catalog: Catalog) -> dict[int, int]:
    """How many photos show each place (places without photos are left out)."""
    rows = catalog.conn.execute("SELECT place_id, count(*) FROM photos WHERE place_id IS NOT NULL GROUP BY place_id")
    return {r[0]: r[1] for r in rows}


def photo_counts_within(catalog: Catalog) -> dict[int, int]:
    """How many photos show each place or a place inside it, at any depth: a photo of Height
    171 counts in Height 171, Shumshu, the Kurils and Russia (places without photos are left
    out). The photos are counted per place first, so the walk up the gazetteer visits places,
    not photos; a loop in the parents (which the rules refuse) stops at 64 levels."""
    rows = catalog.conn.execute(
        "WITH RECURSIVE direct(place_id, n) AS"
        " (SELECT place_id, count(*) FROM photos WHERE place_id IS NOT NULL GROUP BY place_id),"
        " up(origin, id, depth) AS (SELECT place_id, place_id, 0 FROM direct"
        " UNION SELECT up.origin, pl.parent_id, up.depth + 1 FROM up JOIN places pl ON pl.id = up.id"
        " WHERE pl.parent_id IS NOT NULL AND up.depth < 64)"
        " SELECT within.id, sum(direct.n) FROM (SELECT DISTINCT origin, id FROM up) within"
        " JOIN direct ON direct.place_id = within.origin GROUP BY within.id"
    )
    return {r[0]: int(r[1]) for r in rows}  # a sum: numeric on PostgreSQL


def photo_positions(catalog: Catalog, *, without_place: bool = False) -> list[tuple[int, float, float]]:
    """(id, latitude, longitude) of photos with GPS, optionally only those without a place."""
    where = "latitude IS NOT NULL AND longitude IS NOT NULL" + (" AND place_id IS NULL" if without_place else "")
    return [
        (r[0], r[1], r[2])
        for r in catalog.conn.execute(f"SELECT id, latitude, longitude FROM photos WHERE {where} ORDER BY id")
    ]


def _write_names(conn: Connection, place_id: int, names: Sequence[PlaceName]) -> None:
    conn.executemany(
        "INSERT INTO place_names (place_id, name, language) VALUES (?, ?, ?)",
        [(place_id, n.name, n.language) for n in names],
    )


def _names(conn: Connection, place_ids: Sequence[int] | None) -> dict[int, list[PlaceName]]:
    if place_ids is None:
        rows = conn.execute("SELECT place_id, name, language FROM place_names ORDER BY id")
    else:
        marks = ", ".join("?" * len(place_ids))
        rows = conn.execute(
            f"SELECT place_id, name, language FROM place_names WHERE place_id IN ({marks}) ORDER BY id", list(place_ids)
        )
    names: dict[int, list[PlaceName]] = {}
    for row in rows:
        names.setdefault(row[0], []).append(PlaceName(row[1], row[2]))
    return names


def _place(row: Any, names: list[PlaceName]) -> Place:
    return from_row(Place, row, alt_names=names)


def photo_ids_without_gps_evidence(catalog: Catalog) -> list[int]:
    """Photos whose position is unknown or only estimated (from a place or a track), by id."""
    rows = catalog.conn.execute(
        "SELECT id FROM photos WHERE latitude IS NULL OR gps_source IN ('place', 'gpx') ORDER BY id"
    )
    return [r[0] for r in rows]


def location_shown(catalog: Catalog, photo_id: int) -> LocationShown | None:
    """The names and identifiers of the place a photo shows, for IPTC LocationShown (None: no place)."""
    row = catalog.conn.execute("SELECT place_id FROM photos WHERE id = ?", (photo_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no photo with id {photo_id}")
    return locations_shown(catalog, [photo_id]).get(photo_id)


def locations_shown(catalog: Catalog, photo_ids: Sequence[int]) -> dict[int, LocationShown]:
    """``location_shown`` of many photos at once, by id (photos without a place are left out)."""
    shown = {pid: place_id for pid, place_id in photo_places(catalog, photo_ids).items() if place_id is not None}
    if not shown:
        return {}
    places = {p.id: p for p in all_places(catalog)}
    return {pid: _location(places[place_id], places) for pid, place_id in shown.items() if place_id in places}


def _location(place: Place, places: dict[int, Place]) -> LocationShown:
    names = {"x-default": place.name}
    for other in place.alt_names:
        if other.language and other.language not in names:
            names[other.language] = other.name
    return LocationShown(place.id, names, place.identifiers(), _radius(place, places))


def _radius(place: Place, places: dict[int, Place]) -> float | None:
    """The radius of the place that gives this one its position: itself or the nearest place
    containing it with coordinates (as ``Gazetteer.position`` walks them); None if unknown."""
    giver = _position_giver(place, places)
    return None if giver is None else giver.suggestion_radius or None


def _position_giver(place: Place, places: dict[int, Place]) -> Place | None:
    level: Place | None = place
    seen: set[int] = set()
    while level is not None and level.id not in seen:
        if level.has_position:
            return level
        seen.add(level.id)
        level = places.get(level.parent_id) if level.parent_id is not None else None
    return None


def place_reaches(catalog: Catalog) -> dict[int, tuple[float, float, float | None]]:
    """Each place's position and radius, as a photo of it is checked against them (its own, or
    those of the nearest place containing it with coordinates); places without any are left out."""
    places = {p.id: p for p in all_places(catalog)}
    reaches: dict[int, tuple[float, float, float | None]] = {}
    for place in places.values():
        giver = _position_giver(place, places)
        if giver is not None and giver.latitude is not None and giver.longitude is not None:
            reaches[place.id] = (float(giver.latitude), float(giver.longitude), giver.suggestion_radius or None)
    return reaches
