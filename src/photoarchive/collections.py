"""Collections: the rules of a publication's collection, over its storage in ``catalog.collections``.

The command line, the GUI and the exporters change collections through here, so every value
is checked once: a name (one line, at most ``NAME_MAX`` characters, not taken), the texts
(``metadata.validate.check_text`` with a limit per field; the introduction and the caption
template are Markdown and keep their surrounding white space), categories (a label and a
value each), and a caption template (compiled now, so an unknown variable is refused here
rather than at export). Reading goes straight to the storage, re-exported here so that one
module names the whole of a collection's API.

A collection is named by its id (``int``) or its name (``str``) wherever a function takes
``ref``: the GUI holds ids (stable across a rename), the command line names.

Membership, in order (positions are 0-based indexes, like a Qt model's rows)
    ``add_photos(catalog, ref, ids, at=None)`` appends in the order given (or inserts at an
    index); a photo already in the collection stays where it is and is not added twice.
    ``move_photo(catalog, ref, photo_id, index)``; ``reorder_photos(catalog, ref, ids)`` sets
    the whole order (the GUI's drag-and-drop; ``ids`` must be exactly the members);
    ``remove_photos(catalog, ref, ids)``.

Smart collections
    ``create_collection(..., filter=F, sort=S)`` makes one: its photos are those the filter
    (``photoarchive.filters``) matches now, in the sort order S (captured, name, imported);
    ``edit_smart(catalog, ref, filter=, sort=)`` changes them. A filter that does not read is
    refused (``FilterSyntaxError``, naming the token and its position). Membership and order
    do not apply to a smart collection: changing them raises ValidationError saying why.
    ``add_matching(catalog, ref, filter)`` adds an ordinary collection the photos a filter
    matches, once, in capture order.

Errors: ``NotFoundError`` for an unknown collection or photo, ``ValidationError`` (naming
the field) for a bad value or a name already taken. Every change reads what it changes and
writes in one transaction, and updates the collection's ``updated_at``.

Why a top-level module and not ``export/`` or ``catalog/`` (where shared/STYLE.md's shape
would put a collection): a collection's rules are used by the exporters, the command line
and the GUI alike, so they sit beside ``edits`` and ``templates``, one layer above their
storage in ``catalog.collections`` (the import contracts in pyproject.toml say so).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from photoarchive.catalog.catalog import SORT_ORDERS, Catalog
from photoarchive.catalog.collections import (
    EDITABLE,
    CollectionRef,
    check_name_free,
    collection_id,
    collection_name,
    collection_photo_ids,
    collections_containing,
    delete_collection,
    get_collection,
    insert_collection,
    insert_members,
    list_collections,
    photo_order,
    remove_members,
    set_filter,
    set_name,
    set_translations,
    update_collection,
    write_order,
)
from photoarchive.catalog.connection import transaction
from photoarchive.catalog.filters import filter_photo_ids
from photoarchive.catalog.translations import default_language
from photoarchive.errors import NotFoundError, ValidationError
from photoarchive.filters import parse
from photoarchive.metadata.validate import check_text
from photoarchive.metadata.variables import compile_template
from photoarchive.model import Category, Collection
from photoarchive.model.collection import PER_LANGUAGE
from photoarchive.model.languages import normalize_language

__all__ = [
    "EDITABLE",
    "NAME_MAX",
    "CollectionRef",
    "add_matching",
    "add_photos",
    "collection_photo_ids",
    "collections_containing",
    "create_collection",
    "delete_collection",
    "edit_collection",
    "edit_smart",
    "get_collection",
    "list_collections",
    "move_photo",
    "remove_photos",
    "rename_collection",
    "reorder_photos",
]

CategoryLike = Category | tuple[str, str] | Sequence[str]

NAME_MAX = 100
# Character limits, generous for the texts a publication needs; the introduction is a few
# paragraphs of Markdown (64 KB, the limit of every text, applies too).
LIMITS = {
    "filter": 2000,
    "title": 1000,
    "introduction": 65536,
    "source": 2000,
    "caption_template": 2000,
    "category": 1000,
}
MARKDOWN = frozenset({"introduction", "caption_template"})


def create_collection(
    catalog: Catalog,
    name: str,
    *,
    title: str = "",
    introduction: str = "",
    source: str = "",
    categories: Iterable[CategoryLike] = (),
    caption_template: str = "",
    filter: str = "",
    sort: str = "captured",
) -> Collection:
    """Create an empty collection, or a smart one with a ``filter``; raises ValidationError if
    the name is taken or a value is bad (FilterSyntaxError, one, for a filter that does not read)."""
    name = clean_name(name)
    filter, sort = clean_filter(filter, sort)
    values = clean_fields(
        {
            "title": title,
            "introduction": introduction,
            "source": source,
            "categories": categories,
            "caption_template": caption_template,
        }
    )
    with transaction(catalog.conn):
        check_name_free(catalog, name)
        new_id = insert_collection(catalog, name, values, filter=filter, sort=sort)
    return get_collection(catalog, new_id)


def edit_smart(
    catalog: Catalog, ref: CollectionRef, *, filter: str | None = None, sort: str | None = None
) -> Collection:
    """Give a smart collection another filter or sort order (an ordinary one stays ordinary)."""
    with transaction(catalog.conn):
        current = get_collection(catalog, ref)
        if not current.is_smart:
            raise ValidationError(
                f"{current.name!r} is not a smart collection: its photos are chosen one by one", field="filter"
            )
        new_filter, new_sort = clean_filter(current.filter if filter is None else filter, sort or current.sort)
        set_filter(catalog, current.id, new_filter, new_sort)
    return get_collection(catalog, current.id)


def add_matching(catalog: Catalog, ref: CollectionRef, filter: str) -> list[int]:
    """Add the photos the filter matches now to an ordinary collection, in capture order, once
    (later edits do not change its members); return those added (FilterSyntaxError for a
    filter that does not read, from ``filter_photo_ids``)."""
    return add_photos(catalog, ref, filter_photo_ids(catalog.conn, filter))


def edit_collection(catalog: Catalog, ref: CollectionRef, *, language: str | None = None, **fields: Any) -> Collection:
    """Change some of title, introduction, source, categories, caption_template.

    With ``language`` (a BCP 47 tag other than the archive's default language), the title,
    introduction and caption template in that language (an empty text removes it); source and
    categories are one for every language and are refused with a language."""
    unknown = [f for f in fields if f not in EDITABLE]
    if unknown:
        raise ValidationError(f"collections have no field {unknown[0]!r}", field=unknown[0])
    values = clean_fields(fields)
    if language is not None:
        language = normalize_language(language)
        if language == default_language(catalog):
            language = None  # the default language's texts are the columns
    if language is not None:
        shared = [f for f in values if f not in PER_LANGUAGE]
        if shared:
            raise ValidationError(
                f"a collection's {shared[0]} is the same in every language; give it without --lang", field=shared[0]
            )
    with transaction(catalog.conn):
        found = collection_id(catalog, ref)
        if values and language is not None:
            set_translations(catalog, found, language, values)
        elif values:
            update_collection(catalog, found, values)
    return get_collection(catalog, found)


def rename_collection(catalog: Catalog, ref: CollectionRef, new_name: str) -> Collection:
    new_name = clean_name(new_name)
    with transaction(catalog.conn):
        found = collection_id(catalog, ref)
        check_name_free(catalog, new_name, except_id=found)
        set_name(catalog, found, new_name)
    return get_collection(catalog, found)


# -- membership and order -------------------------------------------------------------------


def add_photos(catalog: Catalog, ref: CollectionRef, photo_ids: Iterable[int], *, at: int | None = None) -> list[int]:
    """Add photos in the order given, at the end or before index ``at``; return those added.

    Photos already in the collection keep their place; unknown ids raise NotFoundError and
    add nothing.
    """
    wanted = list(dict.fromkeys(int(i) for i in photo_ids))
    with transaction(catalog.conn):
        found = ordinary_id(catalog, ref, "add photos to it")
        catalog.photos(wanted)  # raises NotFoundError naming the unknown ids
        order = photo_order(catalog, found)
        members = set(order)
        added = [i for i in wanted if i not in members]
        if not added:
            return []
        index = len(order) if at is None else check_position(at, len(order) + 1)
        insert_members(catalog, found, added)
        write_order(catalog, found, order[:index] + added + order[index:])
    return added


def move_photo(catalog: Catalog, ref: CollectionRef, photo_id: int, index: int) -> list[int]:
    """Move one member to ``index`` (0-based) and return the new order."""
    with transaction(catalog.conn):
        found = ordinary_id(catalog, ref, "order it by hand")
        order = photo_order(catalog, found)
        if photo_id not in order:
            raise NotFoundError(f"photo {photo_id} is not in collection {collection_name(catalog, found)!r}")
        index = check_position(index, len(order))
        order.remove(photo_id)
        order.insert(index, photo_id)
        write_order(catalog, found, order)
    return order


def reorder_photos(catalog: Catalog, ref: CollectionRef, photo_ids: Sequence[int]) -> None:
    """Set the whole order; ``photo_ids`` must hold each member exactly once."""
    new_order = [int(i) for i in photo_ids]
    with transaction(catalog.conn):
        found = ordinary_id(catalog, ref, "order it by hand")
        order = photo_order(catalog, found)
        if len(new_order) != len(set(new_order)) or set(new_order) != set(order):
            raise ValidationError(
                "a new order must list every photo of the collection exactly once "
                f"({len(order)} photos, {len(new_order)} given)",
                field="order",
            )
        write_order(catalog, found, new_order)


def remove_photos(catalog: Catalog, ref: CollectionRef, photo_ids: Iterable[int]) -> list[int]:
    """Take photos out of the collection (not out of the archive); return those that were in it."""
    unwanted = set(int(i) for i in photo_ids)
    with transaction(catalog.conn):
        found = ordinary_id(catalog, ref, "remove photos from it")
        order = photo_order(catalog, found)
        removed = [pid for pid in order if pid in unwanted]
        if removed:
            remove_members(catalog, found, removed)
            write_order(catalog, found, [pid for pid in order if pid not in unwanted])
    return removed


# -- rules ----------------------------------------------------------------------------------


def ordinary_id(catalog: Catalog, ref: CollectionRef, doing: str) -> int:
    """The id of the collection ``ref`` names; ValidationError if it is smart (its filter
    chooses its photos and its sort order orders them)."""
    collection = get_collection(catalog, ref)
    if collection.is_smart:
        raise ValidationError(
            f"{collection.name!r} is a smart collection: its photos are those matching {collection.filter!r},"
            f" sorted by {collection.sort}, so you cannot {doing}; change its filter or sort order instead"
            f" (photoarchive collection edit {collection.name!r} --smart FILTER --sort ORDER)",
            field="filter",
        )
    return collection.id


def clean_filter(filter: str, sort: str) -> tuple[str, str]:
    """A smart collection's filter (checked: FilterSyntaxError names a token that does not read)
    and sort order."""
    filter = check_text("filter", str(filter or ""), max_chars=LIMITS["filter"], label="a filter")
    if filter:
        parse(filter)
    if sort not in SORT_ORDERS:
        raise ValidationError(f"sort order {sort!r}: choose one of {', '.join(SORT_ORDERS)}", field="sort")
    return filter, sort


def check_position(index: int, size: int) -> int:
    """``index`` if it is a position of a collection of ``size`` photos (0-based)."""
    if not 0 <= index < max(size, 1):
        raise ValidationError(f"position {index + 1} is outside the collection (1 to {max(size, 1)})", field="position")
    return index


def clean_name(name: str) -> str:
    name = check_text("name", str(name), max_chars=NAME_MAX, label="a collection name")
    if not name:
        raise ValidationError("a collection needs a name", field="name")
    return name


def clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Validated values (categories as a list of ``Category``), in EDITABLE order."""
    cleaned: dict[str, Any] = {}
    for field in EDITABLE:
        if field not in fields:
            continue
        value = fields[field]
        if field == "categories":
            cleaned[field] = clean_categories(value)
            continue
        markdown = field in MARKDOWN
        text = check_text(
            field,
            "" if value is None else str(value),
            multiline=markdown,
            strip=not markdown,
            max_chars=LIMITS[field],
            label=field.replace("_", " "),
        )
        if field == "caption_template" and text:
            compile_template(text, field="caption_template")  # an unknown variable is refused now, not at export
        cleaned[field] = text
    return cleaned


def clean_categories(values: Iterable[CategoryLike] | None) -> list[Category]:
    result = []
    for item in values or ():
        if isinstance(item, Category):
            label, value = item.label, item.value
        else:
            if isinstance(item, str) or len(item) != 2:
                raise ValidationError(f"a category is a label and a value, not {item!r}", field="categories")
            label, value = item
        label, value = (
            check_text("categories", str(text), max_chars=LIMITS["category"], label="categories")
            for text in (label, value)
        )
        if not label:
            raise ValidationError("a category needs a label (as in 'Timeline: August 1945')", field="categories")
        result.append(Category(label, value))
    return result
