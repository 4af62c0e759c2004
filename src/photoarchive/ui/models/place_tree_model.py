"""``PlaceTreeModel``: the gazetteer as a tree for a QTreeView, a thin adapter over a ``Gazetteer``.

Columns: name (with its other names in the tooltip), kind, the IPTC field the level fills, and
the number of photos. A filter text keeps the places whose names, in any language, contain it,
with the places that lead to them.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any, overload

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from photoarchive.model.place import Place
from photoarchive.places.gazetteer import Gazetteer, fold_name

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    KIND = 1
    FIELD = 2
    PHOTOS = 3


PLACE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Marked for lupdate here, translated where shown (a string in a table is invisible to tr()).
HEADERS = {
    Column.NAME: QT_TRANSLATE_NOOP("PlaceTreeModel", "Place"),
    Column.KIND: QT_TRANSLATE_NOOP("PlaceTreeModel", "Kind"),
    Column.FIELD: QT_TRANSLATE_NOOP("PlaceTreeModel", "Fills"),
    Column.PHOTOS: QT_TRANSLATE_NOOP("PlaceTreeModel", "Photos"),
}
# The kinds of place (``model.place.PLACE_KINDS``) and the fields a level fills, as shown.
KINDS = {
    "building": QT_TRANSLATE_NOOP("PlaceTreeModel", "building"),
    "feature": QT_TRANSLATE_NOOP("PlaceTreeModel", "feature"),
    "site": QT_TRANSLATE_NOOP("PlaceTreeModel", "site"),
    "locality": QT_TRANSLATE_NOOP("PlaceTreeModel", "locality"),
    "island": QT_TRANSLATE_NOOP("PlaceTreeModel", "island"),
    "district": QT_TRANSLATE_NOOP("PlaceTreeModel", "district"),
    "archipelago": QT_TRANSLATE_NOOP("PlaceTreeModel", "archipelago"),
    "region": QT_TRANSLATE_NOOP("PlaceTreeModel", "region"),
    "country": QT_TRANSLATE_NOOP("PlaceTreeModel", "country"),
    "other": QT_TRANSLATE_NOOP("PlaceTreeModel", "other"),
}
FILLS = {
    "sublocation": QT_TRANSLATE_NOOP("PlaceTreeModel", "sublocation"),
    "city": QT_TRANSLATE_NOOP("PlaceTreeModel", "city"),
    "state": QT_TRANSLATE_NOOP("PlaceTreeModel", "state"),
    "country": QT_TRANSLATE_NOOP("PlaceTreeModel", "country"),
}


def kind_label(kind: str) -> str:
    """A kind of place in the curator's language (a kind not known as it is stored)."""
    return QCoreApplication.translate("PlaceTreeModel", str(KINDS[kind])) if kind in KINDS else kind


class PlaceTreeModel(QAbstractItemModel):
    """Places under their parents, sorted by name; internal ids are place ids."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.gazetteer = Gazetteer([])
        self.counts: dict[int, int] = {}
        self._children: dict[int | None, list[int]] = {None: []}
        self._filter = ""

    def set_places(self, gazetteer: Gazetteer, counts: dict[int, int]) -> None:
        self.beginResetModel()
        self.gazetteer, self.counts = gazetteer, counts
        self._rebuild()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = fold_name(text)
        self._rebuild()
        self.endResetModel()

    def _rebuild(self) -> None:
        keep: set[int] | None = None
        if self._filter:
            keep = set()
            for place in self.gazetteer:
                if any(self._filter in fold_name(n) for n in place.all_names()):
                    keep.update(p.id for p in self.gazetteer.ancestors(place))
        self._children = {}
        for parent in [None, *(p.id for p in self.gazetteer)]:
            kids = [c.id for c in self.gazetteer.children(parent) if keep is None or c.id in keep]
            self._children[parent] = kids

    # -- lookups ----------------------------------------------------------------------------

    def place(self, index: AnyIndex) -> Place | None:
        return self.gazetteer.places.get(index.internalId()) if index.isValid() else None

    def index_of(self, place_id: int) -> QModelIndex:
        place = self.gazetteer.places.get(place_id)
        if place is None:
            return QModelIndex()
        siblings = self._children.get(place.parent_id, [])
        if place_id not in siblings:
            return QModelIndex()
        return self.createIndex(siblings.index(place_id), 0, place_id)

    # -- QAbstractItemModel -----------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        key = parent.internalId() if parent.isValid() else None
        kids = self._children.get(key, [])
        if not 0 <= row < len(kids) or not 0 <= column < len(Column):
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    @overload
    def parent(self) -> QObject | None: ...

    @overload
    def parent(self, child: AnyIndex) -> QModelIndex: ...

    def parent(self, child: AnyIndex | None = None) -> QObject | QModelIndex | None:
        """The parent of an index (a place's parent place); without one, the QObject parent."""
        if child is None:
            return super().parent()
        place = self.place(child)
        if place is None or place.parent_id is None:
            return QModelIndex()
        return self.index_of(place.parent_id)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else None, []))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        place = self.place(index)
        if place is None:
            return None
        column = Column(index.column())
        if role == PLACE_ID_ROLE:
            return place.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.NAME:
                return place.name
            if column is Column.KIND:
                return kind_label(place.kind)
            if column is Column.FIELD:
                field = place.location_field
                return QCoreApplication.translate("PlaceTreeModel", str(FILLS[field])) if field in FILLS else ""
            return self.counts.get(place.id) or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            names = ", ".join(str(n) for n in place.alt_names)
            where = f"{place.latitude:.5f}, {place.longitude:.5f}" if place.has_position else "no coordinates"
            return "\n".join(x for x in (self.gazetteer.path(place), names, where) if x)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.PHOTOS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PlaceTreeModel", str(HEADERS[Column(section)]))
        return None
