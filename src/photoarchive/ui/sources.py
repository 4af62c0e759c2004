"""What the grid can show: a ``Source`` (all photos, a batch, a collection, a keyword, ...) and
the ids it holds under a search and a sort order.

Plain Python over the catalog's functions, with no Qt, so the rules (how "Needs attention"
combines with a search, what "collection order" means) are tested on their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.catalog import places as place_store
from photoarchive.catalog.attention import needing_attention
from photoarchive.catalog.curated import load_values

ALL, ATTENTION, BATCH, COLLECTION, KEYWORD, PLACE = "all", "attention", "batch", "collection", "keyword", "place"


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
    if source.kind == PLACE and isinstance(source.key, int):
        placed = set(place_store.photo_ids_at(catalog, place_store.descendant_ids(catalog, source.key)))
        return _keep(catalog.photo_ids(search=search, order=order), placed)
    return catalog.photo_ids(search=search, order=order)


def places_with_photos(catalog: Catalog) -> list[tuple[int, str, int]]:
    """(id, name, photo count) of the gazetteer's places that photos show, by name."""
    counts = place_store.photo_counts(catalog)
    if not counts:
        return []
    places = [p for p in place_store.all_places(catalog) if p.id in counts]
    return sorted(((p.id, p.name, counts[p.id]) for p in places), key=lambda t: t[1].casefold())


def _keep(ordered: list[int], members: set[int]) -> list[int]:
    return [pid for pid in ordered if pid in members]
