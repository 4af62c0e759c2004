"""What the grid can show: a ``Source`` (all photos, a batch, a collection, a keyword, ...) and
the ids it holds under a search and a sort order.

Plain Python over the catalog's functions, with no Qt, so the rules (how "Needs attention"
combines with a search, what "collection order" means) are tested on their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.catalog import places as place_store
from photoarchive.catalog.attention import needing_attention
from photoarchive.catalog.curated import (
    KEYWORD_LEVELS,
    keyword_path,
    keyword_path_counts,
    keywords_in_use,
    load_values,
    photo_ids_with_keyword_path,
)
from photoarchive.catalog.search import Page, Terms, count_photos_matching, photo_page

ALL, ATTENTION, BATCH, COLLECTION, KEYWORD, PLACE = "all", "attention", "batch", "collection", "keyword", "place"
# A level of the hierarchical keywords, keyed by its path joined as Lightroom writes it
# ("Places|Russia"): the photos with that keyword or one below it.
KEYWORD_PATH = "keyword_path"


@dataclass(frozen=True)
class Source:
    """One entry of the sources panel: a kind and the key that picks its photos."""

    kind: str
    key: int | str | None = None
    label: str = ""

    @property
    def is_collection(self) -> bool:
        return self.kind == COLLECTION


ALL_PHOTOS = Source(ALL, None, "All photos")


def source_ids(
    catalog: Catalog, source: Source, *, search: str = "", order: str = "captured", where: Terms | None = None
) -> list[int]:
    """The ids the source holds that match the search (and the WHERE terms of a filter, over
    photos ``p``), in the order asked.

    A collection in "collection" order keeps its stored order; any other source falls back to
    capture order for it.
    """

    def matching(search: str, order: str, batch: int | None = None, among: list[int] | None = None) -> list[int]:
        if where is None and among is None:
            return catalog.photo_ids(search=search, order=order, batch=batch)
        terms, params = where or ((), ())
        if among is not None:  # a collection's own rows: the filter tests them only
            terms = [*terms, f"p.id IN ({', '.join(str(int(pid)) for pid in among) or 'NULL'})"]
        return photo_page(catalog.conn, search=search, order=order, batch=batch, where=(terms, params), limit=None).ids

    if source.kind == COLLECTION and isinstance(source.key, int):
        members = collection_store.collection_photo_ids(catalog, source.key)
        if order == "collection":
            if not search.strip() and where is None:
                return members
            found = set(matching(search, "captured", among=members))
            return [pid for pid in members if pid in found]
        return _keep(matching(search, order), set(members))
    if order == "collection":
        order = "captured"
    if source.kind == BATCH and isinstance(source.key, int):
        return matching(search, order, batch=source.key)
    if source.kind == ATTENTION:
        return _keep(matching(search, order), set(needing_attention(catalog)))
    if source.kind == KEYWORD and isinstance(source.key, str):
        # The full-text search narrows to photos mentioning the word; the exact keyword decides.
        candidates = matching(f"{search} {source.key}".strip(), order)
        values = load_values(catalog, candidates, ["keywords"])
        wanted = source.key.casefold()
        return [pid for pid in candidates if any(k.casefold() == wanted for k in values[pid]["keywords"])]
    if source.kind == KEYWORD_PATH and isinstance(source.key, str):
        tagged = photo_ids_with_keyword_path(catalog, keyword_path(source.key))
        return _keep(matching(search, order), tagged)
    if source.kind == PLACE and isinstance(source.key, int):  # the place and the places inside it
        placed = set(place_store.photo_ids_at(catalog, place_store.descendant_ids(catalog, source.key)))
        return _keep(matching(search, order), placed)
    return matching(search, order)


FIRST_PAGE = 1000  # the grid's first screen, and then some: a large window at the smallest size
# A subset's first screen (a collection, a keyword, a place, needing attention) is found by
# walking the catalog's pages in the grid's order and keeping the photos of the subset; the
# walk stops after a screen's worth, or after this many photos walked (a sparse subset then
# shows what the walk found, and the rest comes from the background like any rest).
WALK_FIRST, WALK_LIMIT = 1000, 50_000

Keep = Callable[[list[int]], set[int]]  # of a page of ids, those the source holds


def source_page(
    catalog: Catalog,
    source: Source,
    *,
    search: str = "",
    order: str = "captured",
    limit: int | None = None,
    where: Terms | None = None,
) -> Page | None:
    """The first ``limit`` ids of a source, or None for one read whole (a collection in its
    own order, which the grid can reorder). All photos and a batch are keyset pages of the
    catalog; a subset walks those pages, keeping its photos (``WALK_LIMIT``).
    ``source_rest`` reads what follows. ``where``: a filter's WHERE terms over photos ``p``."""
    limit = limit or FIRST_PAGE
    if source.kind in (ALL, BATCH):
        batch = source.key if source.kind == BATCH and isinstance(source.key, int) else None
        return photo_page(catalog.conn, search=search, order=page_order(order), batch=batch, limit=limit, where=where)
    if source.kind == COLLECTION and order == "collection":
        return None
    walked = _walked(catalog, source, search)
    if walked is None:
        return None
    search, keep = walked
    ids: list[int] = []
    after: tuple[object, ...] | None = None
    seen, size = 0, WALK_FIRST
    while True:
        page = photo_page(catalog.conn, search=search, order=page_order(order), after=after, limit=size, where=where)
        kept = keep(page.ids)
        ids += [pid for pid in page.ids if pid in kept]
        seen, after = seen + len(page.ids), page.after
        if after is None or len(ids) >= limit or seen >= WALK_LIMIT:
            return Page(ids, after)
        size = min(size * 4, WALK_LIMIT - seen)  # a sparse subset: longer strides


def source_rest(
    catalog: Catalog,
    source: Source,
    after: tuple[object, ...] | None,
    *,
    search: str,
    order: str,
    where: Terms | None = None,
) -> list[int]:
    """The ids after a page of ``source_page`` (the same source, search, order and ``where``);
    all of them with ``after`` None."""
    if source.kind not in (ALL, BATCH):
        walked = _walked(catalog, source, search)
        if walked is not None:
            walk_search, keep = walked
            rest = photo_page(
                catalog.conn, search=walk_search, order=page_order(order), after=after, limit=None, where=where
            ).ids
            kept = keep(rest)
            return [pid for pid in rest if pid in kept]
    batch = source.key if source.kind == BATCH and isinstance(source.key, int) else None
    return photo_page(
        catalog.conn, search=search, order=page_order(order), batch=batch, after=after, limit=None, where=where
    ).ids


def _walked(catalog: Catalog, source: Source, search: str) -> tuple[str, Keep] | None:
    """What a subset's walk pages through (the search, narrowed for a keyword) and how it tells
    its photos among a page's; None for a source that is not walked."""
    key = source.key
    if source.kind == COLLECTION and isinstance(key, int):
        members = set(collection_store.collection_photo_ids(catalog, key))  # its own rows only
        return search, lambda ids: members.intersection(ids)
    if source.kind == ATTENTION:
        return search, lambda ids: set(needing_attention(catalog, among=ids))
    if source.kind == KEYWORD and isinstance(key, str):
        # The full-text search narrows to photos mentioning the word; the exact keyword decides.
        wanted = key.casefold()

        def has_keyword(ids: list[int]) -> set[int]:
            values = load_values(catalog, ids, ["keywords"])
            return {pid for pid in ids if any(k.casefold() == wanted for k in values[pid]["keywords"])}

        return f"{search} {key}".strip(), has_keyword
    if source.kind == KEYWORD_PATH and isinstance(key, str):
        path = keyword_path(key)

        def under_path(ids: list[int]) -> set[int]:
            values = load_values(catalog, ids, ["hierarchical_keywords"])
            return {
                pid
                for pid in ids
                if any(keyword_path(str(k))[: len(path)] == path for k in values[pid]["hierarchical_keywords"])
            }

        return search, under_path
    if source.kind == PLACE and isinstance(key, int):  # the place and the places inside it
        within = set(place_store.descendant_ids(catalog, key))
        return search, lambda ids: {pid for pid, at in place_store.photo_places(catalog, ids).items() if at in within}
    return None


def source_size(catalog: Catalog, source: Source) -> int:
    """How many photos the source holds, without a search."""
    if source.kind == ALL:
        return catalog.count_photos()
    if source.kind == BATCH and isinstance(source.key, int):
        return count_photos_matching(catalog.conn, batch=source.key)
    return len(source_ids(catalog, source, order="imported"))


def page_order(order: str) -> str:
    """The ``search.PAGE_ORDERS`` key a grid's sort order reads its pages in (a collection's
    own order: capture order)."""
    return "captured" if order == "collection" else order


class PlaceCount(NamedTuple):
    """A place of the sources panel's tree: the photos of it and of the places inside it."""

    id: int
    name: str
    photos: int
    parent_id: int | None


@dataclass(frozen=True)
class SourceCounts:
    """The parts of the sources panel that read the whole catalog, counted in the background."""

    total: int
    attention: int
    keywords: list[str] = field(default_factory=list)
    places: list[PlaceCount] = field(default_factory=list)
    keyword_paths: dict[tuple[str, ...], int] = field(default_factory=dict)


def source_counts(catalog: Catalog) -> SourceCounts:
    return SourceCounts(
        catalog.count_photos(),
        len(needing_attention(catalog)),
        keywords_in_use(catalog),
        places_with_photos(catalog),
        keyword_path_counts(catalog),
    )


def places_with_photos(catalog: Catalog) -> list[PlaceCount]:
    """The gazetteer's places that photos show or that contain such a place, by name, each
    with its photos and those of the places inside it (a photo counts in every place
    containing its own); ``parent_id`` links them into the gazetteer's tree."""
    counts = place_store.photo_counts_within(catalog)
    if not counts:
        return []
    places = [p for p in place_store.all_places(catalog) if p.id in counts]
    return sorted(
        (PlaceCount(p.id, p.name, counts[p.id], p.parent_id) for p in places), key=lambda t: t.name.casefold()
    )


def keyword_path_key(levels: tuple[str, ...]) -> str:
    """The key of a KEYWORD_PATH source: the levels joined as Lightroom writes them."""
    return KEYWORD_LEVELS.join(levels)


def _keep(ordered: list[int], members: set[int]) -> list[int]:
    return [pid for pid in ordered if pid in members]
