"""``SourcesModel``: the tree of the sources panel (library, import batches, collections,
keywords, places), each entry carrying the ``Source`` it stands for. Places are nested as the
gazetteer nests them (country, region, island, height), each counting the photos of the places
inside it; hierarchical keywords are nested by their levels, above the flat keywords.

Collections accept photos dropped from the grid: the model emits ``photos_dropped`` with the
collection's id and the photo ids, and the window adds them (as an undoable step).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.model import ImportBatch
from photoarchive.ui.icons import smart_collection_icon
from photoarchive.ui.models.photo_grid_model import PHOTO_IDS_MIME, ids_from_mime
from photoarchive.ui.sources import (
    ALL,
    ATTENTION,
    BATCH,
    COLLECTION,
    KEYWORD,
    KEYWORD_PATH,
    PLACE,
    PlaceCount,
    Source,
    SourceCounts,
    keyword_path_key,
    source_counts,
)

translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it

SOURCE_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
SMART_ROLE = Qt.ItemDataRole.UserRole + 3  # True on a smart collection's entry
GROUPS = ("library", "batches", "collections", "keywords", "places")


class SourcesModel(QStandardItemModel):
    """Sources by group; ``reload()`` re-reads them from the catalog."""

    photos_dropped = Signal(int, list)  # collection id, photo ids

    def __init__(self, catalog: Catalog, parent: QObject | None = None, *, count_now: bool = True) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self._groups: dict[str, QStandardItem] = {}
        titles = {
            "library": translate("SourcesModel", "Library"),
            "batches": translate("SourcesModel", "Import batches"),
            "collections": translate("SourcesModel", "Collections"),
            "keywords": translate("SourcesModel", "Keywords"),
            "places": translate("SourcesModel", "Places"),
        }
        for key in GROUPS:
            item = QStandardItem(titles[key])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setData(key, GROUP_ROLE)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            self._groups[key] = item
            self.appendRow(item)
        if count_now:
            self.reload()
        else:  # the owner counts in the background and calls apply_counts
            self.reload_lists()

    def reload(self) -> None:
        """Re-read everything now (the counts included)."""
        self.reload_lists()
        self.apply_counts(source_counts(self.catalog))

    def reload_lists(self) -> None:
        """Re-read what is quick (batches, collections); the counts, keywords and places stay
        as they were until ``apply_counts`` brings them (counted in the background: over a
        million photos they take seconds)."""
        # A finished import that brought no photo (every file failed, or was already in the
        # archive) would only open an empty grid; one still running is listed as it fills.
        batches = [b for b in self.catalog.batches() if b.imported or b.finished_at is None]
        self._fill("batches", [(Source(BATCH, b.id, batch_label(b)), b.imported) for b in batches])
        collections = collection_store.list_collections(self.catalog)
        self._fill("collections", [(Source(COLLECTION, c.id, c.name), c.photo_count) for c in collections])
        smart = {c.id: c.filter for c in collections if c.is_smart}
        for item in _descendants(self._groups["collections"]):
            if item.source.key in smart:  # a funnel: its filter chooses its photos
                item.setIcon(smart_collection_icon())
                item.setData(True, SMART_ROLE)
                item.setToolTip(
                    translate("SourcesModel", "{name}: a smart collection, the photos matching {filter}").format(
                        name=item.source.label, filter=smart[item.source.key]
                    )
                )
        if not self._groups["library"].rowCount():  # before the first count: the entries, no numbers
            self._fill(
                "library",
                [
                    (Source(ALL, None, translate("SourcesModel", "All photos")), None),
                    (Source(ATTENTION, None, translate("SourcesModel", "Needs attention")), None),
                ],
            )

    def apply_counts(self, counts: SourceCounts) -> None:
        self._fill(
            "library",
            [
                (Source(ALL, None, translate("SourcesModel", "All photos")), counts.total),
                (Source(ATTENTION, None, translate("SourcesModel", "Needs attention")), counts.attention),
            ],
        )
        self._fill("keywords", [])
        self._add_tree(self._groups["keywords"], keyword_tree(counts.keyword_paths))
        self._add_tree(self._groups["keywords"], [Node(Source(KEYWORD, k, k), None) for k in counts.keywords])
        self._fill("places", [])
        self._add_tree(self._groups["places"], place_tree(counts.places))

    def _fill(self, group: str, entries: Sequence[tuple[Source, int | None]]) -> None:
        parent = self._groups[group]
        parent.removeRows(0, parent.rowCount())
        self._add_tree(parent, [Node(source, count) for source, count in entries])

    def _add_tree(self, parent: QStandardItem, nodes: Sequence[Node]) -> None:
        for node in nodes:
            source, count = node.source, node.count
            text = source.label if count is None else f"{source.label}  ({count})"
            item = SourceItem(text, source)
            item.setToolTip(source.label)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if source.kind == COLLECTION:
                flags |= Qt.ItemFlag.ItemIsDropEnabled
            item.setFlags(flags)
            self._add_tree(item, node.children)
            parent.appendRow(item)

    def group_index(self, group: str) -> QModelIndex:
        return self._groups[group].index()

    def index_of(self, source: Source) -> QModelIndex:
        """The index showing this source (matched by kind and key, at any depth), or an invalid index."""
        for group in self._groups.values():
            for item in _descendants(group):
                if (item.source.kind, item.source.key) == (source.kind, source.key):
                    return item.index()
        return QModelIndex()

    def sources(self, group: str) -> list[Source]:
        """The sources of a group, a tree's entries in the order shown (each before its children)."""
        return [item.source for item in _descendants(self._groups[group])]

    def source_at(self, index: QModelIndex | QPersistentModelIndex) -> Source | None:
        """The source an index shows (None for a group's title).

        Read from the item, not through index.data(): in PySide6 6.12 an index.data() that
        returns None (as a group title does) drops a reference to None each time."""
        if not index.isValid():
            return None
        item = self.itemFromIndex(index)
        return item.source if isinstance(item, SourceItem) else None

    # -- drops onto collections -------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [PHOTO_IDS_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Any) -> bool:
        return data.hasFormat(PHOTO_IDS_MIME) and self._collection_at(parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Any) -> bool:
        collection_id = self._collection_at(parent)
        if collection_id is None or not data.hasFormat(PHOTO_IDS_MIME):
            return False
        ids = ids_from_mime(data)
        if ids:
            self.photos_dropped.emit(collection_id, ids)
        return False  # nothing to insert here: the window adds the photos to the collection

    def _collection_at(self, parent: QModelIndex | QPersistentModelIndex) -> int | None:
        source = self.source_at(parent)
        if source is None or source.kind != COLLECTION or not isinstance(source.key, int):
            return None
        return source.key


class SourceItem(QStandardItem):
    """An entry of the tree, holding its Source as a Python attribute (and in SOURCE_ROLE)."""

    def __init__(self, text: str, source: Source) -> None:
        super().__init__(text)
        self.source = source
        self.setData(source, SOURCE_ROLE)


@dataclass
class Node:
    """An entry to show: its source, its count (None: not counted) and the entries inside it."""

    source: Source
    count: int | None
    children: list[Node] = field(default_factory=list)


def place_tree(places: Sequence[PlaceCount]) -> list[Node]:
    """Places nested by their parents (given by name, each level keeps that order); a place
    whose parent is not listed is at the top."""
    nodes = {p.id: Node(Source(PLACE, p.id, p.name), p.photos) for p in places}
    roots: list[Node] = []
    for place in places:
        parent = nodes.get(place.parent_id) if place.parent_id is not None else None
        (parent.children if parent is not None and parent is not nodes[place.id] else roots).append(nodes[place.id])
    return roots


def keyword_tree(paths: dict[tuple[str, ...], int]) -> list[Node]:
    """Hierarchical keywords nested by their levels, each level sorted case-insensitively."""
    nodes: dict[tuple[str, ...], Node] = {}
    roots: list[Node] = []
    for path in sorted(paths, key=lambda p: [level.casefold() for level in p]):
        node = Node(Source(KEYWORD_PATH, keyword_path_key(path), path[-1]), paths[path])
        nodes[path] = node
        parent = nodes.get(path[:-1])
        (parent.children if parent is not None else roots).append(node)
    return roots


def _descendants(item: QStandardItem) -> Iterator[SourceItem]:
    for row in range(item.rowCount()):
        child = item.child(row)
        if isinstance(child, SourceItem):
            yield child
            yield from _descendants(child)


def batch_label(batch: ImportBatch) -> str:
    """``2015-08-12 14:03`` and a word on how it ended when it did not complete."""
    try:
        when = datetime.fromisoformat(batch.started_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        when = batch.started_at[:16]
    if batch.status == "cancelled":
        return translate("SourcesModel", "{when} (cancelled)").format(when=when)
    if batch.status == "interrupted":
        return translate("SourcesModel", "{when} (interrupted)").format(when=when)
    return when
