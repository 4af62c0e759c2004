"""View > Cull and View > Compare: the culling and compare views opened over the grid.

Cull (F, as Lightroom's full-screen key) shows the grid's photos in the grid's order, full
screen, from the current photo (over the grid's ids, a page of rows read around the one shown:
it opens as fast over a million photos as over ten; ids still arriving join the view); Compare (C, as Lightroom) shows the 2 to 4 selected photos
side by side, and is disabled otherwise (its status tip says why). The views' keys ask for
the same edit as the grid's (``edit``, one undo step), and their overlays follow every
change of the selection fields, undo and redo included (``show_values``). Esc goes back to
the grid with the photo last shown (or focused) selected; if a key took that photo out of a
filtered grid meanwhile, the photo now at the row where it was is selected (the one after
it, or the grid's last), as after a key in the grid itself: the curator goes on from there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from photoarchive.catalog import Catalog
from photoarchive.ui.actions import make_action
from photoarchive.ui.culling import SELECTION_FIELDS, CatalogPhotos, cull_photos
from photoarchive.ui.widgets.compare_view import MAX_PHOTOS, MIN_PHOTOS, CompareView
from photoarchive.ui.widgets.cull_view import CullView
from photoarchive.ui.widgets.photo_grid import PhotoGrid

Edit = Callable[[Sequence[int], str, Any], object]


class CullController(QObject):
    """``actions()``: ``cull`` and ``compare``; ``view`` is the open view, if any.

    ``status_message(text)``: why a view was not opened.
    """

    status_message = Signal(str)

    def __init__(
        self,
        catalog: Catalog,
        grid: PhotoGrid,
        edit: Edit,
        flush: Callable[[], None] = lambda: None,
        parent: QWidget | None = None,
        auto_advance: Callable[[], bool] = lambda: False,
        in_place_of: Callable[[int], int] = lambda photo_id: photo_id,
    ) -> None:
        """``edit(photo_ids, field, value)`` makes a view's edit (``SelectionController.edit``);
        ``flush`` saves what is being typed before a view opens; ``auto_advance()``: whether
        the culling and compare views open with auto-advance on (the Photo menu's Auto-Advance);
        ``in_place_of(photo_id)``: the photo to select for it, the one now at its row when it
        left the filtered grid (``FilteredGrid.in_place_of``)."""
        super().__init__(parent)
        self.catalog = catalog
        self.grid = grid
        self.edit = edit
        self.flush = flush
        self.auto_advance = auto_advance
        self.in_place_of = in_place_of
        self.view: CullView | CompareView | None = None
        self._culled: CatalogPhotos | None = None  # the open culling view's photos, while they follow the grid
        cull = make_action(self, self.tr("&Cull"), self.open_cull, "F")
        cull.setStatusTip(self.tr("The grid's photos one at a time, full screen, rated by keys"))
        compare = make_action(self, self.tr("Co&mpare"), self.open_compare, "C")
        for action in (cull, compare):  # the grid's keys: an F typed in a text field is an F
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            grid.addAction(action)
        self._actions = {"cull": cull, "compare": compare}
        grid.grid_model.rowsInserted.connect(self._rows_inserted)
        grid.grid_model.modelReset.connect(self._stop_following)
        grid.grid_model.layoutChanged.connect(self._stop_following)
        self.selection_changed(grid.selected_ids())

    def actions(self) -> dict[str, QAction]:
        return dict(self._actions)

    def selection_changed(self, ids: Sequence[int]) -> None:
        """Compare is enabled for 2 to 4 selected photos; its tip says so otherwise."""
        compare = self._actions["compare"]
        count = len(ids)  # a plain name: lupdate does not see a count that is a call
        allowed = MIN_PHOTOS <= count <= MAX_PHOTOS
        compare.setEnabled(allowed)
        if allowed:
            compare.setStatusTip(self.tr("The selected photos side by side, zoomed together"))
        else:
            compare.setStatusTip(self.tr("Select 2 to 4 photos to compare them (%n selected)", "", count))
        self._actions["cull"].setEnabled(self.grid.grid_model.rowCount() > 0)

    # -- opening the views ------------------------------------------------------------------

    def open_cull(self) -> CullView | None:
        """The culling view over the grid's photos, from the current one, full screen."""
        model = self.grid.grid_model
        if model.rowCount() == 0:
            self.status_message.emit(self.tr("No photos to cull here."))
            return None
        current = self.grid.currentIndex()
        if current.isValid():
            start = current.row()
        else:  # the first selected row: by ranges, not a list of every selected id
            ranges = self.grid.selectionModel().selection().toList()
            start = min((r.top() for r in ranges), default=0)
        self.flush()
        photos = CatalogPhotos(self.catalog, model.ids())  # the ids only: rows are read a page at a time
        view = CullView(photos, position=start)
        view.auto_advance.setChecked(self.auto_advance())
        self._opened(view)
        self._culled = photos
        view.showFullScreen()
        self._activate(view)
        return view

    def open_compare(self) -> CompareView | None:
        """The compare view of the 2 to 4 selected photos."""
        ids = self.grid.selected_ids()
        if not MIN_PHOTOS <= len(ids) <= MAX_PHOTOS:
            self.status_message.emit(self.tr("Select 2 to 4 photos to compare them."))
            return None
        self.flush()
        view = CompareView(cull_photos(self.catalog, ids), auto_advance=self.auto_advance())
        self._opened(view)
        view.showMaximized()
        self._activate(view)
        return view

    def _opened(self, view: CullView | CompareView) -> None:
        if self.view is not None:
            self.view.close()
        self.view = view
        self._culled = None
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.selection_edited.connect(lambda ids, field, value: self.edit(ids, field, value))
        view.left.connect(lambda photo_id, v=view: self._left(v, photo_id))

    def _activate(self, view: QWidget) -> None:
        """The keys go to the view (not to the grid's shortcuts behind it)."""
        view.raise_()
        view.activateWindow()
        view.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _left(self, view: CullView | CompareView, photo_id: int) -> None:
        if view is self.view:
            self.view = None
            self._culled = None
        self.grid.select_ids([self.in_place_of(photo_id)])
        self.grid.window().activateWindow()
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- following the grid's list --------------------------------------------------------

    def _rows_inserted(self, parent: QModelIndex | QPersistentModelIndex, first: int, last: int) -> None:
        """The rest of the grid's ids, read after the view opened, join it at the end."""
        photos = self._culled
        if photos is None or not isinstance(self.view, CullView) or first != len(photos):
            self._stop_following()  # rows put elsewhere: the view keeps the list it opened on
            return
        model = self.grid.grid_model
        photos.extend(model.id_at(row) for row in range(first, last + 1))
        self.view.count_changed()

    def _stop_following(self) -> None:
        """The grid shows another list (or another order): the view keeps the one it opened on."""
        self._culled = None

    # -- following edits --------------------------------------------------------------------

    def show_values(self, changes: Sequence[tuple[int, str, Any]]) -> None:
        """New values of the selection fields (an edit, undo or redo) shown in the open view."""
        if self.view is None:
            return
        grouped: dict[tuple[str, Any], list[int]] = defaultdict(list)
        for photo_id, field, value in changes:
            if field in SELECTION_FIELDS:
                grouped[(field, value if field == "rating" else value or "")].append(photo_id)
        for (field, value), ids in grouped.items():
            self.view.set_value(ids, field, value)

    def close(self) -> None:
        if self.view is not None:
            self.view.close()
