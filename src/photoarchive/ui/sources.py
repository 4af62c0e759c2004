"""What the grid can show: a ``Source`` (all photos, a batch, a collection, a keyword, ...) and
the ids it holds under a search and a sort order.

Plain Python over the catalog's functions, with no Qt, so the rules (how "Needs attention"
combines with a search, what "collection order" means) are tested on their own.
"""

from __future__ import annotations

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
from photoarchive.catalog.search import Page, count_photos_matching, photo_page

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


def source_ids(catalog: Catalog, source: Source, *, search: str = "", order: str = "captured") -> list[int]:
    """The ids the source holds that match the search, in the order asked.

    A collection in "collection" order keeps its stored order; any other source falls back to
    capture order for it.
    """
    if source.kind == COLLECTION and isinstance(source.key, int):
        members = collection_store.collection_photo_ids(catalog, source.key)
        if order == "collection":
            if not search.strip():
                return members
            found = set(catalog.photo_ids(search=search))
            return [pid for pid in members if pid in found]
        return _keep(catalog.photo_ids(search=search, order=order), set(members))
    if order == "collection":
        order = "captured"
    if source.kind == BATCH and isinstance(source.key, int):
        return catalog.photo_ids(search=search, order=order, batch=source.key)
    if source.kind == ATTENTION:
        return _keep(catalog.photo_ids(search=search, order=order), set(needing_attention(catalog)))
    if source.kind == KEYWORD and isinstance(source.key, str):
        # The full-text search narrows to photos mentioning the word; the exact keyword decides.
        candidates = catalog.photo_ids(search=f"{search} {source.key}".strip(), order=order)
        values = load_values(catalog, candidates, ["keywords"])
        wanted = source.key.casefold()
        return [pid for pid in candidates if any(k.casefold() == wanted for k in values[pid]["keywords"])]
    if source.kind == KEYWORD_PATH and isinstance(source.key, str):
        tagged = photo_ids_with_keyword_path(catalog, keyword_path(source.key))
        return _keep(catalog.photo_ids(search=search, order=order), tagged)
    if source.kind == PLACE and isinstance(source.key, int):  # the place and the places inside it
        placed = set(place_store.photo_ids_at(catalog, place_store.descendant_ids(catalog, source.key)))
        return _keep(catalog.photo_ids(search=search, order=order), placed)
    return catalog.photo_ids(search=search, order=order)


FIRST_PAGE = 1000  # the grid's first screen, and then some: a large window at the smallest size


def source_page(
    catalog: Catalog, source: Source, *, search: str = "", order: str = "captured", limit: int | None = None
) -> Page | None:
    """The first ``limit`` ids of a source read by keyset pages (all photos, a batch), or None
    for the sources listed whole (a collection, a keyword, a place, needing attention: each
    is a subset the catalog filters after reading it). ``source_rest`` reads what follows."""
    if source.kind not in (ALL, BATCH):
        return None
    batch = source.key if source.kind == BATCH and isinstance(source.key, int) else None
    return photo_page(catalog.conn, search=search, order=_page_order(order), batch=batch, limit=limit or FIRST_PAGE)


def source_rest(catalog: Catalog, source: Source, after: tuple[object, ...], *, search: str, order: str) -> list[int]:
    """The ids after a page of ``source_page`` (the same source, search and order)."""
    batch = source.key if source.kind == BATCH and isinstance(source.key, int) else None
    return photo_page(catalog.conn, search=search, order=_page_order(order), batch=batch, after=after, limit=None).ids


def source_size(catalog: Catalog, source: Source) -> int:
    """How many photos the source holds, without a search."""
    if source.kind == ALL:
        return catalog.count_photos()
    if source.kind == BATCH and isinstance(source.key, int):
        return count_photos_matching(catalog.conn, batch=source.key)
    return len(source_ids(catalog, source, order="imported"))


def _page_order(order: str) -> str:
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
