"""``PhotoGridModel``: the photos shown in the grid, as a flat list model over photo ids.

The model holds only the ids of the photos shown, in an ``array`` of 64-bit ints rather than a
list: a million ids are one block of 8 MB, dropped at once when the grid is reloaded, where a
list's million int objects took 7 ms to free, inside a filter's or a search's first paint. What a cell
shows (file name, hash for the thumbnail, caption) is read from the catalog a page of rows at
a time, when a view first asks for a row of that page, and kept in a small LRU of pages. So
opening a huge archive costs one ``SELECT id`` and scrolling costs a primary-key lookup per
page, never a Photo object per photo up front.

Drag and drop: dragged photos travel as ``PHOTO_IDS_MIME`` (a JSON list of ids), which the
sources panel accepts onto a collection. When the model shows a collection
(``reorderable``), dropping inside it moves the photos and emits ``order_changed`` with
the new order, for the window to store.
"""

from __future__ import annotations

import json
from array import array
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPixmap

from photoarchive.catalog import Catalog
from photoarchive.catalog.cells import grid_cells
from photoarchive.ui.thumbnails import ThumbnailCache

PHOTO_IDS_MIME = "application/x-photoarchive-photo-ids"
PAGE_SIZE = 64  # a screenful or two: a jump of the scroll bar reads only what it shows
SMALL_THUMBNAIL = 256

AnyIndex = QModelIndex | QPersistentModelIndex


class PhotoRole(IntEnum):
    """Data roles of the grid model beyond Qt's display, decoration and tooltip."""

    ID = Qt.ItemDataRole.UserRole + 1
    CAPTION = Qt.ItemDataRole.UserRole + 2
    THUMBNAIL_PATH = Qt.ItemDataRole.UserRole + 3
    CAPTURED = Qt.ItemDataRole.UserRole + 4
    NAME = Qt.ItemDataRole.UserRole + 5
    RATING = Qt.ItemDataRole.UserRole + 6  # None: not rated; 0-5
    LABEL = Qt.ItemDataRole.UserRole + 7  # '' or a colour's name
    FLAG = Qt.ItemDataRole.UserRole + 8  # '', 'pick' or 'reject'


# The fields a cell shows that an edit can change, by the name of the GridRow's attribute.
SHOWN_FIELDS = {
    "captured_at": "captured_at",
    "caption": "caption",
    "credit": "credit",
    "rating": "rating",
    "label": "label",
    "flag": "flag",
}


@dataclass(frozen=True)
class GridRow:
    """What one cell shows."""

    id: int
    name: str
    sha256: str
    captured_at: str | None
    caption: str
    credit: str
    rating: int | None = None
    label: str = ""
    flag: str = ""


class PhotoGridModel(QAbstractListModel):
    """A list of photo ids with lazily loaded cell data and thumbnails."""

    order_changed = Signal(list)  # the new order of ids after a move inside a reorderable list

    def __init__(self, catalog: Catalog, thumbnails: ThumbnailCache | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.catalog = catalog
        self.thumbnails = thumbnails
        self.reorderable = False
        self._ids = array("q")
        self._rows_by_id: dict[int, int] | None = None
        self._pages: OrderedDict[int, list[GridRow]] = OrderedDict()
        self._rows_by_key: dict[str, set[int]] = {}
        self._given: set[int] = set()  # photos whose new values came with their edit (set_values)
        if thumbnails is not None:
            thumbnails.loaded.connect(self._thumbnail_loaded)

    # -- contents ---------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int], *, reorderable: bool = False) -> None:
        self.beginResetModel()
        self._ids = array("q", ids)
        self.reorderable = reorderable
        self._rows_by_id = None
        self._pages.clear()
        self._rows_by_key.clear()
        self.endResetModel()

    def append_ids(self, ids: Sequence[int]) -> None:
        """Add rows at the end (the rest of a list whose first page is shown): selections and
        the scroll position stay, as the rows already shown do not move. An ``array("q")``
        (as the background reads the rest) is copied as one block."""
        if not ids:
            return
        self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(ids) - 1)
        self._pages.pop(len(self._ids) // PAGE_SIZE, None)  # the last page read was short of these
        self._ids.extend(ids)
        self._rows_by_id = None
        self.endInsertRows()

    def remove_ids(self, photo_ids: Sequence[int]) -> list[tuple[int, int]]:
        """Take these photos' rows out (those shown; a key made them leave a filtered grid),
        nothing read again: the pages before the first row taken stay. Returns (row, id) of
        each row taken, in the order they were, to put them back (``insert_ids``)."""
        rows = sorted(r for r in (self.row_of(pid) for pid in set(photo_ids)) if r is not None)
        if not rows:
            return []
        taken = [(row, self._ids[row]) for row in rows]
        for first, last in reversed(_runs(rows)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first : last + 1]
            self._rows_by_id = None
            self.endRemoveRows()
        self._forget_pages_from(rows[0])
        return taken

    def insert_ids(self, taken: Sequence[tuple[int, int]]) -> None:
        """Put back rows ``remove_ids`` took, at the rows they were (those already shown are
        left where they are)."""
        for row, photo_id in sorted(taken):
            if self.row_of(photo_id) is not None:
                continue
            row = min(row, len(self._ids))
            self.beginInsertRows(QModelIndex(), row, row)
            self._ids.insert(row, photo_id)
            self._rows_by_id = None
            self._forget_pages_from(row)
            self.endInsertRows()

    def _forget_pages_from(self, row: int) -> None:
        """The cells of the pages from ``row`` on moved: they are read again when shown."""
        for number in [n for n in self._pages if n >= row // PAGE_SIZE]:
            for cell in self._pages.pop(number):
                self._rows_by_key.pop(cell.sha256, None)

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, photo_id: int) -> int | None:
        if self._rows_by_id is None:
            self._rows_by_id = {pid: row for row, pid in enumerate(self._ids)}
        return self._rows_by_id.get(photo_id)

    def refresh(self, photo_ids: Sequence[int]) -> None:
        """Re-read the cells of these photos (after an edit changed their caption), except
        those whose new values ``set_values`` has just been given."""
        given, self._given = self._given, set()
        rows = sorted(r for r in (self.row_of(pid) for pid in photo_ids if pid not in given) if r is not None)
        for page in {r // PAGE_SIZE for r in rows}:
            self._pages.pop(page, None)
        if rows:
            self.dataChanged.emit(self.index(rows[0]), self.index(rows[-1]))

    def set_values(self, changes: Sequence[tuple[int, str, Any]]) -> None:
        """The new values of an edit, undo or redo, as (photo id, field, value): the cells
        read already take them at once, with nothing read again (a key pressed to rate a
        photo shows on its cell in the next frame, however many photos the grid holds);
        cells not read yet will read them. The next ``refresh`` of these photos is skipped."""
        by_row: dict[int, dict[str, Any]] = {}
        for photo_id, field, value in changes:
            self._given.add(photo_id)
            attribute = SHOWN_FIELDS.get(field)
            row = self.row_of(photo_id) if attribute is not None else None
            if row is None or attribute is None:
                continue
            if field in ("caption", "credit", "label", "flag"):
                value = value or ""
            by_row.setdefault(row, {})[attribute] = value
        changed: list[int] = []
        for row, values in by_row.items():
            page = self._pages.get(row // PAGE_SIZE)
            if page is None:
                continue
            offset = row - row // PAGE_SIZE * PAGE_SIZE
            page[offset] = replace(page[offset], **values)
            changed.append(row)
        for first, last in _runs(sorted(changed)):
            self.dataChanged.emit(self.index(first), self.index(last))

    def cell(self, row: int) -> GridRow:
        page_number = row // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            page = self._load_page(page_number)
        else:
            self._pages.move_to_end(page_number)
        return page[row - page_number * PAGE_SIZE]

    def _load_page(self, page_number: int) -> list[GridRow]:
        start = page_number * PAGE_SIZE
        ids = self._ids[start : start + PAGE_SIZE].tolist()
        cells = grid_cells(self.catalog, ids)
        # A photo removed by another process since the list was read shows as an empty cell
        # until the change watcher reloads the list.
        page = [GridRow(*cells[pid]) if pid in cells else GridRow(pid, "", "", None, "", "") for pid in ids]
        for offset, row in enumerate(page):
            self._rows_by_key.setdefault(row.sha256, set()).add(start + offset)
        self._pages[page_number] = page
        while len(self._pages) > 200:
            _, dropped = self._pages.popitem(last=False)
            for row in dropped:
                self._rows_by_key.pop(row.sha256, None)
        return page

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == PhotoRole.ID:
            return self._ids[index.row()]
        row = self.cell(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, PhotoRole.NAME):
            return row.name
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name}\n{row.caption}".strip() if row.caption else row.name
        if role == PhotoRole.CAPTION:
            return row.caption
        if role == PhotoRole.THUMBNAIL_PATH:
            return str(self.thumbnail_path(row))
        if role == PhotoRole.CAPTURED:
            return row.captured_at
        if role == PhotoRole.RATING:
            return row.rating
        if role == PhotoRole.LABEL:
            return row.label
        if role == PhotoRole.FLAG:
            return row.flag
        return None

    def thumbnail(self, row: GridRow) -> QPixmap | None:
        """The cell's thumbnail when loaded; else None, and it is queued for loading."""
        if self.thumbnails is None or not row.sha256:  # no thumbnail for a photo since removed
            return None
        return self.thumbnails.pixmap(row.sha256, self.thumbnail_path(row))

    def thumbnail_path(self, row: GridRow, size: int = SMALL_THUMBNAIL) -> Path:
        return self.catalog.paths.thumbnail(row.sha256, size)

    def _thumbnail_loaded(self, key: str) -> None:
        for row in sorted(self._rows_by_key.get(key, ())):
            if row < len(self._ids):
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    # -- drag and drop ----------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled if self.reorderable else base

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction if self.reorderable else Qt.DropAction.IgnoreAction

    def mimeTypes(self) -> list[str]:
        return [PHOTO_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return photo_ids_mime([self._ids[r] for r in rows])

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:
        return self.reorderable and data.hasFormat(PHOTO_IDS_MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._ids)
        self.move_photos(ids_from_mime(data), row)
        # False, so that the view does not also remove the dragged rows: they were moved here.
        return False

    def move_photos(self, photo_ids: Sequence[int], before_row: int) -> bool:
        """Move these photos (kept in their current order) to just before ``before_row``."""
        moving = [pid for pid in self._ids if pid in set(photo_ids)]
        if not moving:
            return False
        anchor = self._ids[before_row] if 0 <= before_row < len(self._ids) else None
        moving_set = set(moving)
        while anchor is not None and anchor in moving_set:  # dropped onto itself: after the block
            position = self._ids.index(anchor) + 1
            anchor = self._ids[position] if position < len(self._ids) else None
        rest = [pid for pid in self._ids if pid not in moving_set]
        insert_at = rest.index(anchor) if anchor is not None else len(rest)
        new_order = rest[:insert_at] + moving + rest[insert_at:]
        if new_order == self._ids.tolist():
            return False
        self._apply_order(new_order)
        self.order_changed.emit(list(new_order))
        return True

    def _apply_order(self, new_order: list[int]) -> None:
        """Reorder keeping selections and current items on their photos (persistent indexes)."""
        self.layoutAboutToBeChanged.emit()
        new_rows = {pid: row for row, pid in enumerate(new_order)}
        old_persistent = self.persistentIndexList()
        replacement = [self.index(new_rows[self._ids[i.row()]]) for i in old_persistent]
        self._ids = array("q", new_order)
        self._rows_by_id = None
        self._pages.clear()
        self._rows_by_key.clear()
        self.changePersistentIndexList(old_persistent, replacement)
        self.layoutChanged.emit()


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def photo_ids_mime(photo_ids: Sequence[int]) -> QMimeData:
    data = QMimeData()
    data.setData(PHOTO_IDS_MIME, QByteArray(json.dumps(list(photo_ids)).encode()))
    return data


def ids_from_mime(data: QMimeData) -> list[int]:
    try:
        return [int(i) for i in json.loads(bytes(data.data(PHOTO_IDS_MIME).data()).decode())]
    except (ValueError, TypeError):
        return []
