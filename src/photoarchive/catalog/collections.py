"""Collections in the catalog: create, edit, list and order the photos of a publication.

Plain functions taking an open ``Catalog``; the command line, the GUI and the exporters all
use them. A collection is named by its id (``int``) or its name (``str``) wherever a
function takes ``ref``: the GUI holds ids (stable across a rename), the command line names.

Collections
    ``create_collection(catalog, name, title=, introduction=, source=, categories=,
    caption_template=)``, ``get_collection(catalog, ref)``, ``list_collections(catalog)``,
    ``edit_collection(catalog, ref, **fields)`` (any of the keyword fields of create),
    ``rename_collection(catalog, ref, new_name)``, ``delete_collection(catalog, ref)`` (the
    photos stay in the archive).

Membership, in order (positions are 0-based indexes, like a Qt model's rows)
    ``add_photos(catalog, ref, ids, at=None)`` appends in the order given (or inserts at an
    index); a photo already in the collection stays where it is and is not added twice.
    ``move_photo(catalog, ref, photo_id, index)``; ``reorder_photos(catalog, ref, ids)`` sets
    the whole order (the GUI's drag-and-drop; ``ids`` must be exactly the members);
    ``remove_photos(catalog, ref, ids)``; ``collection_photo_ids(catalog, ref)``;
    ``collections_containing(catalog, photo_id)``.

Errors: ``NotFoundError`` for an unknown collection or photo, ``ValidationError`` (naming
the field) for a bad value or a name already taken. Every change runs in one transaction and
updates the collection's ``updated_at``.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.connection import transaction
from photoarchive.errors import NotFoundError, ValidationError
from photoarchive.metadata.variables import compile_template
from photoarchive.model import Category, Collection

CollectionRef = int | str
CategoryLike = Category | tuple[str, str] | Sequence[str]

NAME_MAX = 100
# Character limits, generous for the texts a publication needs; the introduction is a few
# paragraphs of Markdown, and 64 KB is the limit the curated fields use too.
_LIMITS = {"title": 1000, "introduction": 65536, "source": 2000, "caption_template": 2000, "category": 1000}
_MULTILINE = {"introduction", "caption_template"}
EDITABLE = ("title", "introduction", "source", "categories", "caption_template")

_SELECT = (
    "SELECT c.*, (SELECT count(*) FROM collection_photos cp WHERE cp.collection_id = c.id) AS photo_count"
    " FROM collections c"
)


# -- collections ----------------------------------------------------------------------------


def create_collection(
    catalog: Catalog,
    name: str,
    *,
    title: str = "",
    introduction: str = "",
    source: str = "",
    categories: Iterable[CategoryLike] = (),
    caption_template: str = "",
) -> Collection:
    """Create an empty collection; raises ValidationError if the name is taken or a value is bad."""
    name = _clean_name(name)
    values = _clean_fields(
        {
            "title": title,
            "introduction": introduction,
            "source": source,
            "categories": categories,
            "caption_template": caption_template,
        }
    )
    now = _now()
    with transaction(catalog.conn):
        _check_name_free(catalog, name)
        cursor = catalog.conn.execute(
            "INSERT INTO collections (name, title, introduction, source, categories, caption_template,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (name, *(values[f] for f in EDITABLE), now, now),
        )
    return get_collection(catalog, int(cursor.lastrowid))


def get_collection(catalog: Catalog, ref: CollectionRef) -> Collection:
    if isinstance(ref, int):
        row = catalog.conn.execute(f"{_SELECT} WHERE c.id = ?", (ref,)).fetchone()
    else:
        row = catalog.conn.execute(f"{_SELECT} WHERE c.name = ?", (str(ref).strip(),)).fetchone()
    if row is None:
        raise NotFoundError(f"no collection {'with id ' + str(ref) if isinstance(ref, int) else repr(ref)}")
    return _collection(row)


def list_collections(catalog: Catalog) -> list[Collection]:
    """Every collection, in the order they were created."""
    return [_collection(row) for row in catalog.conn.execute(f"{_SELECT} ORDER BY c.id")]


def edit_collection(catalog: Catalog, ref: CollectionRef, **fields: Any) -> Collection:
    """Change some of title, introduction, source, categories, caption_template."""
    unknown = [f for f in fields if f not in EDITABLE]
    if unknown:
        raise ValidationError(f"collections have no field {unknown[0]!r}", field=unknown[0])
    values = _clean_fields(fields)
    with transaction(catalog.conn):
        collection_id = _id(catalog, ref)
        if values:
            assignments = ", ".join(f"{f} = ?" for f in values)
            catalog.conn.execute(
                f"UPDATE collections SET {assignments}, updated_at = ? WHERE id = ?",
                (*values.values(), _now(), collection_id),
            )
    return get_collection(catalog, collection_id)


def rename_collection(catalog: Catalog, ref: CollectionRef, new_name: str) -> Collection:
    new_name = _clean_name(new_name)
    with transaction(catalog.conn):
        collection_id = _id(catalog, ref)
        _check_name_free(catalog, new_name, except_id=collection_id)
        catalog.conn.execute(
            "UPDATE collections SET name = ?, updated_at = ? WHERE id = ?", (new_name, _now(), collection_id)
        )
    return get_collection(catalog, collection_id)


def delete_collection(catalog: Catalog, ref: CollectionRef) -> None:
    """Delete a collection and its order; its photos stay in the archive."""
    with transaction(catalog.conn):
        catalog.conn.execute("DELETE FROM collections WHERE id = ?", (_id(catalog, ref),))


# -- membership and order -------------------------------------------------------------------


def collection_photo_ids(catalog: Catalog, ref: CollectionRef) -> list[int]:
    """The ids of the collection's photos, in its order (the order of export)."""
    return _order(catalog, _id(catalog, ref))


def add_photos(catalog: Catalog, ref: CollectionRef, photo_ids: Iterable[int], *, at: int | None = None) -> list[int]:
    """Add photos in the order given, at the end or before index ``at``; return those added.

    Photos already in the collection keep their place; unknown ids raise NotFoundError and
    add nothing.
    """
    wanted = list(dict.fromkeys(int(i) for i in photo_ids))
    with transaction(catalog.conn):
        collection_id = _id(catalog, ref)
        catalog.photos(wanted)  # raises NotFoundError naming the unknown ids
        order = _order(catalog, collection_id)
        members = set(order)
        added = [i for i in wanted if i not in members]
        if not added:
            return []
        index = len(order) if at is None else _index(at, len(order) + 1)
        new_order = order[:index] + added + order[index:]
        catalog.conn.executemany(
            "INSERT INTO collection_photos (collection_id, photo_id, position) VALUES (?, ?, ?)",
            [(collection_id, pid, -1) for pid in added],
        )
        _write_order(catalog, collection_id, new_order)
    return added


def move_photo(catalog: Catalog, ref: CollectionRef, photo_id: int, index: int) -> list[int]:
    """Move one member to ``index`` (0-based) and return the new order."""
    with transaction(catalog.conn):
        collection_id = _id(catalog, ref)
        order = _order(catalog, collection_id)
        if photo_id not in order:
            raise NotFoundError(f"photo {photo_id} is not in collection {_name(catalog, collection_id)!r}")
        index = _index(index, len(order))
        order.remove(photo_id)
        order.insert(index, photo_id)
        _write_order(catalog, collection_id, order)
    return order


def reorder_photos(catalog: Catalog, ref: CollectionRef, photo_ids: Sequence[int]) -> None:
    """Set the whole order; ``photo_ids`` must hold each member exactly once."""
    new_order = [int(i) for i in photo_ids]
    with transaction(catalog.conn):
        collection_id = _id(catalog, ref)
        order = _order(catalog, collection_id)
        if len(new_order) != len(set(new_order)) or set(new_order) != set(order):
            raise ValidationError(
                "a new order must list every photo of the collection exactly once "
                f"({len(order)} photos, {len(new_order)} given)",
                field="order",
            )
        _write_order(catalog, collection_id, new_order)


def remove_photos(catalog: Catalog, ref: CollectionRef, photo_ids: Iterable[int]) -> list[int]:
    """Take photos out of the collection (not out of the archive); return those that were in it."""
    unwanted = set(int(i) for i in photo_ids)
    with transaction(catalog.conn):
        collection_id = _id(catalog, ref)
        order = _order(catalog, collection_id)
        removed = [pid for pid in order if pid in unwanted]
        if removed:
            catalog.conn.executemany(
                "DELETE FROM collection_photos WHERE collection_id = ? AND photo_id = ?",
                [(collection_id, pid) for pid in removed],
            )
            _write_order(catalog, collection_id, [pid for pid in order if pid not in unwanted])
    return removed


def collections_containing(catalog: Catalog, photo_id: int) -> list[Collection]:
    rows = catalog.conn.execute(
        f"{_SELECT} WHERE c.id IN (SELECT collection_id FROM collection_photos WHERE photo_id = ?) ORDER BY c.id",
        (photo_id,),
    )
    return [_collection(row) for row in rows]


# -- helpers --------------------------------------------------------------------------------


def _id(catalog: Catalog, ref: CollectionRef) -> int:
    if isinstance(ref, int):
        row = catalog.conn.execute("SELECT id FROM collections WHERE id = ?", (ref,)).fetchone()
    else:
        row = catalog.conn.execute("SELECT id FROM collections WHERE name = ?", (str(ref).strip(),)).fetchone()
    if row is None:
        raise NotFoundError(f"no collection {'with id ' + str(ref) if isinstance(ref, int) else repr(ref)}")
    return int(row[0])


def _name(catalog: Catalog, collection_id: int) -> str:
    return str(catalog.conn.execute("SELECT name FROM collections WHERE id = ?", (collection_id,)).fetchone()[0])


def _order(catalog: Catalog, collection_id: int) -> list[int]:
    rows = catalog.conn.execute(
        "SELECT photo_id FROM collection_photos WHERE collection_id = ? ORDER BY position, photo_id", (collection_id,)
    )
    return [int(r[0]) for r in rows]


def _write_order(catalog: Catalog, collection_id: int, order: list[int]) -> None:
    catalog.conn.executemany(
        "UPDATE collection_photos SET position = ? WHERE collection_id = ? AND photo_id = ?",
        [(position, collection_id, pid) for position, pid in enumerate(order)],
    )
    catalog.conn.execute("UPDATE collections SET updated_at = ? WHERE id = ?", (_now(), collection_id))


def _index(index: int, size: int) -> int:
    if not 0 <= index < max(size, 1):
        raise ValidationError(f"position {index + 1} is outside the collection (1 to {max(size, 1)})", field="position")
    return index


def _check_name_free(catalog: Catalog, name: str, except_id: int | None = None) -> None:
    row = catalog.conn.execute("SELECT id, name FROM collections WHERE name = ?", (name,)).fetchone()
    if row is not None and row["id"] != except_id:
        raise ValidationError(f"a collection named {row['name']!r} already exists", field="name")


def _clean_name(name: str) -> str:
    name = unicodedata.normalize("NFC", str(name)).strip()
    if not name:
        raise ValidationError("a collection needs a name", field="name")
    if len(name) > NAME_MAX:
        raise ValidationError(f"a collection name is at most {NAME_MAX} characters", field="name")
    if _has_control(name, multiline=False):
        raise ValidationError("a collection name cannot contain control characters or line breaks", field="name")
    return name


def _clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Validated column values (categories as JSON), in EDITABLE order."""
    cleaned: dict[str, Any] = {}
    for field in EDITABLE:
        if field not in fields:
            continue
        value = fields[field]
        if field == "categories":
            cleaned[field] = json.dumps([[c.label, c.value] for c in _categories(value)], ensure_ascii=False)
            continue
        text = unicodedata.normalize("NFC", "" if value is None else str(value))
        if field not in _MULTILINE:
            text = text.strip()
        _check_text(field, text)
        if field == "caption_template" and text:
            compile_template(text, field="caption_template")  # an unknown variable is refused now, not at export
        cleaned[field] = text
    return cleaned


def _categories(values: Iterable[CategoryLike] | None) -> list[Category]:
    result = []
    for item in values or ():
        if isinstance(item, Category):
            label, value = item.label, item.value
        else:
            if isinstance(item, str) or len(item) != 2:
                raise ValidationError(f"a category is a label and a value, not {item!r}", field="categories")
            label, value = item
        label = unicodedata.normalize("NFC", str(label)).strip()
        value = unicodedata.normalize("NFC", str(value)).strip()
        if not label:
            raise ValidationError("a category needs a label (as in 'Timeline: August 1945')", field="categories")
        for text in (label, value):
            _check_text("category", text, field_name="categories")
        result.append(Category(label, value))
    return result


def _check_text(field: str, text: str, field_name: str | None = None) -> None:
    shown = (field_name or field).replace("_", " ")
    if len(text) > _LIMITS[field]:
        raise ValidationError(f"{shown}: at most {_LIMITS[field]} characters", field=field_name or field)
    if _has_control(text, multiline=field in _MULTILINE):
        raise ValidationError(f"{shown}: control characters are not allowed", field=field_name or field)


def _has_control(text: str, *, multiline: bool) -> bool:
    allowed = {"\n", "\t", "\r"} if multiline else set()
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)


def _collection(row: sqlite3.Row) -> Collection:
    return Collection(
        id=row["id"],
        name=row["name"],
        title=row["title"],
        introduction=row["introduction"],
        source=row["source"],
        categories=[Category(label, value) for label, value in json.loads(row["categories"])],
        caption_template=row["caption_template"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        photo_count=row["photo_count"],
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
