"""Collections as the catalog stores them: the ``collections`` table and each one's ordered photos.

Storage only: values arrive checked by ``photoarchive.collections`` (the rules, which every
change goes through) and are written as given. A collection is named by its id (``int``) or
its name (``str``) wherever a function takes ``ref``. The functions that write run inside
the caller's transaction (or their own) and update the collection's ``updated_at``.

Reading: ``get_collection``, ``list_collections``, ``collection_photo_ids`` (in the order of
export), ``collections_containing``. Deleting a collection deletes its order; its photos stay
in the archive.

Languages: the title, introduction and caption template (``model.collection.PER_LANGUAGE``)
of languages other than the archive's default are rows of ``collection_translations`` (0015):
``set_translations`` stores some (an empty text removes one), and every collection read
carries them in ``translations``.

A smart collection (``filter`` not '') stores no members: ``collection_photo_ids`` and its
``photo_count`` are what its filter matches now, in its ``sort`` order (``catalog.filters``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.connection import Connection, dialect, timestamp, transaction
from photoarchive.catalog.dialect import nocase
from photoarchive.catalog.filters import count_filter, filter_photo_ids
from photoarchive.catalog.rows import from_row
from photoarchive.errors import NotFoundError, ValidationError
from photoarchive.filters import FilterSyntaxError
from photoarchive.model import Category, Collection
from photoarchive.model.collection import PER_LANGUAGE

CollectionRef = int | str
# The columns a collection's editable values are stored in, in this order.
EDITABLE = ("title", "introduction", "source", "categories", "caption_template")

_SELECT = (
    "SELECT c.*, (SELECT count(*) FROM collection_photos cp WHERE cp.collection_id = c.id) AS photo_count"
    " FROM collections c"
)


def get_collection(catalog: Catalog, ref: CollectionRef) -> Collection:
    if isinstance(ref, int):
        row = catalog.conn.execute(f"{_SELECT} WHERE c.id = ?", (ref,)).fetchone()
    else:
        row = catalog.conn.execute(f"{_SELECT} WHERE {_named(catalog.conn, 'c.name')}", (str(ref).strip(),)).fetchone()
    if row is None:
        raise NotFoundError(_unknown(ref))
    return _collection(row, catalog)


def list_collections(catalog: Catalog) -> list[Collection]:
    """Every collection, in the order they were created."""
    return [_collection(row, catalog) for row in catalog.conn.execute(f"{_SELECT} ORDER BY c.id")]


def collections_containing(catalog: Catalog, photo_id: int) -> list[Collection]:
    rows = catalog.conn.execute(
        f"{_SELECT} WHERE c.id IN (SELECT collection_id FROM collection_photos WHERE photo_id = ?) ORDER BY c.id",
        (photo_id,),
    )
    return [_collection(row, catalog) for row in rows]


def collection_photo_ids(catalog: Catalog, ref: CollectionRef) -> list[int]:
    """The ids of the collection's photos, in its order (the order of export); a smart
    collection's are the photos its filter matches now, in its sort order."""
    found = collection_id(catalog, ref)
    row = catalog.conn.execute("SELECT name, filter, sort FROM collections WHERE id = ?", (found,)).fetchone()
    if row["filter"]:
        try:
            return filter_photo_ids(catalog.conn, row["filter"], order=row["sort"])
        except FilterSyntaxError as error:
            raise ValidationError(
                f"the smart collection {row['name']!r} has a filter that no longer reads ({error});"
                f" give it a new one: photoarchive collection edit {row['name']!r} --smart FILTER",
                field="filter",
            ) from error
    return photo_order(catalog, found)


def collection_id(catalog: Catalog, ref: CollectionRef) -> int:
    """The id of the collection ``ref`` names, or NotFoundError."""
    if isinstance(ref, int):
        row = catalog.conn.execute("SELECT id FROM collections WHERE id = ?", (ref,)).fetchone()
    else:
        row = catalog.conn.execute(
            f"SELECT id FROM collections WHERE {_named(catalog.conn, 'name')}", (str(ref).strip(),)
        ).fetchone()
    if row is None:
        raise NotFoundError(_unknown(ref))
    return int(row[0])


def collection_name(catalog: Catalog, collection_id: int) -> str:
    return str(catalog.conn.execute("SELECT name FROM collections WHERE id = ?", (collection_id,)).fetchone()[0])


def check_name_free(catalog: Catalog, name: str, except_id: int | None = None) -> None:
    """ValidationError if another collection has this name (names are unique)."""
    row = catalog.conn.execute(
        f"SELECT id, name FROM collections WHERE {_named(catalog.conn, 'name')}", (name,)
    ).fetchone()
    if row is not None and row["id"] != except_id:
        raise ValidationError(f"a collection named {row['name']!r} already exists", field="name")


def insert_collection(
    catalog: Catalog, name: str, values: Mapping[str, Any], *, filter: str = "", sort: str = "captured"
) -> int:
    """Store a new empty collection with every EDITABLE value (a smart one with its filter and
    sort order); return its id."""
    now = timestamp()
    with transaction(catalog.conn):
        row = catalog.conn.execute(
            "INSERT INTO collections (name, title, introduction, source, categories, caption_template,"
            " created_at, updated_at, filter, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (name, *(_column(f, values[f]) for f in EDITABLE), now, now, filter, sort),
        ).fetchone()
    return int(row[0])


def set_filter(catalog: Catalog, collection_id: int, filter: str, sort: str) -> None:
    """Store a smart collection's filter and sort order."""
    with transaction(catalog.conn):
        catalog.conn.execute(
            "UPDATE collections SET filter = ?, sort = ?, updated_at = ? WHERE id = ?",
            (filter, sort, timestamp(), collection_id),
        )


def update_collection(catalog: Catalog, collection_id: int, values: Mapping[str, Any]) -> None:
    """Store some EDITABLE values of a collection."""
    unknown = [f for f in values if f not in EDITABLE]
    if unknown:
        raise ValueError(f"not a stored field of collections: {unknown[0]}")
    assignments = ", ".join(f"{f} = ?" for f in values)
    with transaction(catalog.conn):
        catalog.conn.execute(
            f"UPDATE collections SET {assignments}, updated_at = ? WHERE id = ?",
            (*(_column(f, v) for f, v in values.items()), timestamp(), collection_id),
        )


def set_translations(catalog: Catalog, collection_id: int, language: str, values: Mapping[str, str]) -> None:
    """Store some of a collection's texts in ``language`` (a normalised tag, not the default
    language's: those are the columns); an empty text removes the language's value."""
    unknown = [f for f in values if f not in PER_LANGUAGE]
    if unknown:
        raise ValueError(f"not a per-language field of collections: {unknown[0]}")
    with transaction(catalog.conn):
        for field, text in values.items():
            if text:
                catalog.conn.execute(
                    "INSERT INTO collection_translations (collection_id, field, lang, value) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (collection_id, field, lang) DO UPDATE SET value = excluded.value",
                    (collection_id, field, language, text),
                )
            else:
                catalog.conn.execute(
                    "DELETE FROM collection_translations WHERE collection_id = ? AND field = ? AND lang = ?",
                    (collection_id, field, language),
                )
        catalog.conn.execute("UPDATE collections SET updated_at = ? WHERE id = ?", (timestamp(), collection_id))


def _translations(conn: Connection, collection_id: int) -> dict[str, dict[str, str]]:
    rows = conn.execute(
        "SELECT field, lang, value FROM collection_translations WHERE collection_id = ? ORDER BY lang",
        (collection_id,),
    )
    found: dict[str, dict[str, str]] = {}
    for field, language, value in sorted(rows, key=lambda r: (r[1], PER_LANGUAGE.index(r[0]))):
        found.setdefault(language, {})[field] = value
    return found


def set_name(catalog: Catalog, collection_id: int, name: str) -> None:
    with transaction(catalog.conn):
        catalog.conn.execute(
            "UPDATE collections SET name = ?, updated_at = ? WHERE id = ?", (name, timestamp(), collection_id)
        )


def delete_collection(catalog: Catalog, ref: CollectionRef) -> None:
    """Delete a collection and its order; its photos stay in the archive."""
    with transaction(catalog.conn):
        catalog.conn.execute("DELETE FROM collections WHERE id = ?", (collection_id(catalog, ref),))


def photo_order(catalog: Catalog, collection_id: int) -> list[int]:
    rows = catalog.conn.execute(
        "SELECT photo_id FROM collection_photos WHERE collection_id = ? ORDER BY position, photo_id", (collection_id,)
    )
    return [int(r[0]) for r in rows]


def insert_members(catalog: Catalog, collection_id: int, photo_ids: Sequence[int]) -> None:
    """Add photos with no position yet (``write_order`` gives them theirs)."""
    catalog.conn.executemany(
        "INSERT INTO collection_photos (collection_id, photo_id, position) VALUES (?, ?, ?)",
        [(collection_id, pid, -1) for pid in photo_ids],
    )


def remove_members(catalog: Catalog, collection_id: int, photo_ids: Sequence[int]) -> None:
    catalog.conn.executemany(
        "DELETE FROM collection_photos WHERE collection_id = ? AND photo_id = ?",
        [(collection_id, pid) for pid in photo_ids],
    )


def write_order(catalog: Catalog, collection_id: int, order: Sequence[int]) -> None:
    """Give the members their positions in ``order`` (which lists each member once)."""
    catalog.conn.executemany(
        "UPDATE collection_photos SET position = ? WHERE collection_id = ? AND photo_id = ?",
        [(position, collection_id, pid) for position, pid in enumerate(order)],
    )
    catalog.conn.execute("UPDATE collections SET updated_at = ? WHERE id = ?", (timestamp(), collection_id))


def _column(field: str, value: Any) -> Any:
    if field == "categories":
        return json.dumps([[c.label, c.value] for c in value], ensure_ascii=False)
    return value


def _named(conn: Connection, column: str) -> str:
    """The condition that ``column`` is the name given as the parameter: names are unique
    without regard to the case of A-Z (``collections.name`` is NOCASE), and found so."""
    found = dialect(conn)
    return f"{nocase(found, column)} = {nocase(found, '?')}"


def _unknown(ref: CollectionRef) -> str:
    return f"no collection {'with id ' + str(ref) if isinstance(ref, int) else repr(ref)}"


def _collection(row: Any, catalog: Catalog) -> Collection:
    conn = catalog.conn
    categories = [Category(label, value) for label, value in json.loads(row["categories"])]
    translations = _translations(conn, row["id"])
    if not row["filter"]:
        return from_row(Collection, row, categories=categories, translations=translations)
    try:
        count = count_filter(conn, row["filter"])
    except FilterSyntaxError:  # listed all the same; reading its photos says what is wrong
        count = 0
    return from_row(Collection, row, categories=categories, photo_count=count, translations=translations)
