"""``PhotoGrid``: the thumbnail grid (a QListView in icon mode), its cell painter, and the bar
above it (search as you type with a count, sort order, thumbnail size).

The grid is a plain view over ``PhotoGridModel``: uniform cells, so Qt lays out 100,000
items without asking each for its size, and only the cells on screen are ever painted (and so
only their thumbnails loaded). Space or a double-click asks for the loupe.

Qt lays the cells out in batches of ``LAYOUT_BATCH``, a timer between two, rather than in one
pass: it lays every row out again whenever rows arrive (the rest of a list read in the
background), and at a million photos one pass held the window for 1.7 s each time (typing in
the search box, clearing a filter); in batches the longest stall was 46 ms (bench/gui_grid.py
prints it). A row selected is scrolled to once every row is laid out (``select_ids``).

The cells fill the width of the view (as Lightroom's grid does): the size slider gives the
smallest thumbnail, the view's width decides how many columns fit, and the cells share what
is left over, the thumbnails growing a little (at most by half) rather than leaving a band of
empty space on the right.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QStandardItemModel,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSlider,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from photoarchive.ui.models.photo_grid_model import PHOTO_IDS_MIME, PhotoGridModel, ids_from_mime
from photoarchive.ui.widgets.cell_marks import paint_marks

MIN_SIZE, MAX_SIZE, DEFAULT_SIZE = 96, 320, 160
SEARCH_DELAY_MS = 150
CELL_PADDING = 16  # around the thumbnail, across
SIZE_STEP = 8  # grown thumbnails change size in steps, so a window being resized is not
# re-decoding them at every pixel
MAX_GROWTH = 1.5  # a thumbnail grows at most this much past the chosen size to fill a row
LAYOUT_BATCH = 5000  # rows Qt lays out between two passes of the event loop (smaller batches
# left the longest stall as it was, some 45 ms of handling the rest's arrival, and took longer)
SCROLL_RETRY_MS = 30  # how often a scroll to a row not laid out yet is tried again


def fit_columns(available: int, size: int) -> tuple[int, int, int]:
    """(columns, cell width, thumbnail size) for a row ``available`` pixels wide when the
    curator chose thumbnails of ``size``: as many columns as fit at that size, the width
    shared evenly between them, the thumbnails grown to fill their cells (in steps, and at
    most by half); what is left after that is spacing."""
    columns = max(1, available // (size + CELL_PADDING))
    cell = max(available // columns, size + CELL_PADDING)
    grown = (cell - CELL_PADDING) // SIZE_STEP * SIZE_STEP
    return columns, cell, max(size, min(grown, int(size * MAX_GROWTH)))


class ThumbnailDelegate(QStyledItemDelegate):
    """Paints a cell: the thumbnail fitted in a square, the file name below, a mark when the
    photo has no caption yet, and its stars, colour label and flag (``cell_marks``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.size = DEFAULT_SIZE  # the thumbnail as painted (the grid grows it to fill a row)
        self.cell_width = DEFAULT_SIZE + CELL_PADDING

    @property
    def box_height(self) -> int:
        """Thumbnails are fitted in a 4:3 box: landscape photos, most of an expedition's, fill
        it; portrait ones are shown a little smaller rather than leaving tall empty cells."""
        return self.size * 3 // 4

    def cell_size(self, option_font_height: int) -> QSize:
        return QSize(self.cell_width, self.box_height + option_font_height + 22)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self.cell_size(option.fontMetrics.height())

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        # The model is asked directly, not through index.data(): in PySide6 6.12 every
        # index.data() that returns None drops a reference to None, and a grid paints
        # thousands of cells (an empty thumbnail is None) until Python aborts.
        model = index.model()
        if not isinstance(model, PhotoGridModel):  # the grid's own cells are the only ones painted here
            return
        painter.save()
        palette = option.palette
        target = QRect()
        cell = option.rect.adjusted(3, 3, -3, -3)
        # The cell may be wider than its thumbnail (spacing shared out): the highlight and
        # the name keep to the thumbnail's width.
        spare = max(0, cell.width() - (self.size + CELL_PADDING - 6))
        cell.adjust(spare // 2, 0, -(spare - spare // 2), 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(cell, 6, 6)
        box = QRect(cell.left() + (cell.width() - self.size) // 2, cell.top() + 5, self.size, self.box_height)
        photo = model.cell(index.row())
        pixmap = model.thumbnail(photo)
        if pixmap is not None and not pixmap.isNull():
            ratio = pixmap.devicePixelRatio() or 1.0
            shown = (pixmap.size() / ratio).scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            # Centred across, standing on the bottom of the box: names line up close under
            # landscape and portrait photos alike.
            target = QRect(0, 0, shown.width(), shown.height())
            target.moveCenter(box.center())
            target.moveBottom(box.bottom())
            if shown != pixmap.size():
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(target, pixmap)
        else:
            target = box.adjusted(8, box.height() // 4, -8, 0)
            painter.fillRect(target, palette.color(QPalette.ColorRole.AlternateBase))
        paint_marks(painter, target, self.size, photo.rating, photo.label, photo.flag)
        if not photo.caption:  # a mark on the corner: no caption yet
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QColor(255, 255, 255))
            painter.setBrush(QColor(230, 150, 20))
            painter.drawEllipse(target.right() - 16, target.top() + 6, 10, 10)
        if model.reorderable:  # in a collection: its position, the order of publication
            number = str(index.row() + 1)
            badge = QRect(
                box.left() + 4,
                box.top() + 4,
                option.fontMetrics.horizontalAdvance(number) + 12,
                option.fontMetrics.height() + 4,
            )
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 170))
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, number)
        text_rect = QRect(cell.left() + 4, box.bottom() + 4, cell.width() - 8, option.fontMetrics.height() + 4)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        name = option.fontMetrics.elidedText(photo.name, Qt.TextElideMode.ElideMiddle, text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, name)
        painter.restore()


class PhotoGrid(QListView):
    """The grid of photos; emits ``selection_changed`` with the selected ids, in grid order."""

    selection_changed = Signal(list)
    preview_requested = Signal(int)  # the photo id under the cursor

    def __init__(self, model: PhotoGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = ThumbnailDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setModel(model)
        self.grid_model = model
        self.thumbnail_size = DEFAULT_SIZE  # the size chosen with the slider: the smallest shown
        self.columns = 0
        self.set_thumbnail_size(DEFAULT_SIZE)
        self.doubleClicked.connect(lambda index: self.preview_requested.emit(model.id_at(index.row())))
        self._announce = QTimer(self)  # one selection signal per burst of key presses
        self._announce.setSingleShot(True)
        self._announce.setInterval(0)
        self._announce.timeout.connect(lambda: self.selection_changed.emit(self.selected_ids()))
        self.selectionModel().selectionChanged.connect(lambda *_: self._announce.start())
        model.modelReset.connect(self._announce.start)
        self._scroll_target = QPersistentModelIndex()  # a row to show once it is laid out
        self._scroll_retry = QTimer(self)
        self._scroll_retry.setInterval(SCROLL_RETRY_MS)
        self._scroll_retry.timeout.connect(self._scroll_when_laid_out)

    def stop_announcing(self) -> None:
        """No more selection signals (the window is closing)."""
        self._announce.stop()
        self._scroll_retry.stop()
        self.selectionModel().blockSignals(True)
        self.grid_model.blockSignals(True)

    def set_thumbnail_size(self, size: int) -> None:
        """The smallest thumbnail to show (the slider's value); the cells then fill the width."""
        self.thumbnail_size = size
        self._fit_cells()

    def _available_width(self) -> int:
        """The width the cells share: the inside of the frame less the vertical scroll bar,
        whether it shows or not (so cells never change size when the bar comes and goes,
        which would change the rows' height and so whether the bar is needed)."""
        inside = self.width() - 2 * self.frameWidth()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.verticalScrollBar())
        return max(inside - bar, 1)

    def _fit_cells(self) -> None:
        self.columns, cell, shown = fit_columns(self._available_width(), self.thumbnail_size)
        changed = (cell, shown) != (self.delegate.cell_width, self.delegate.size)
        self.delegate.cell_width, self.delegate.size = cell, shown
        if self.grid_model.thumbnails is not None:
            self.grid_model.thumbnails.set_size(int(shown * self.devicePixelRatioF()))
        grid = self.delegate.cell_size(self.fontMetrics().height())
        if changed or grid != self.gridSize():
            self.setGridSize(grid)
        self.verticalScrollBar().setSingleStep(max(20, grid.height() // 4))
        self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_cells()

    def selected_ids(self) -> list[int]:
        # By ranges, not indexes: "select all" of 100,000 photos is one range, not 100,000 objects.
        rows: set[int] = set()
        for selected in self.selectionModel().selection().toList():
            rows.update(range(selected.top(), selected.bottom() + 1))
        model = self.grid_model  # by row: a copy of the model's million ids costs milliseconds
        return [model.id_at(r) for r in sorted(rows)]

    def select_ids(self, photo_ids: list[int]) -> None:
        """Select these photos (those shown), make the first current and scroll to it."""
        rows = sorted(r for r in (self.grid_model.row_of(pid) for pid in photo_ids) if r is not None)
        selection = QItemSelection()
        start: int | None = None
        previous: int | None = None
        for row in [*rows, None]:  # contiguous rows become one range
            if row is not None and previous is not None and row == previous + 1:
                previous = row
                continue
            if start is not None and previous is not None:
                selection.select(self.grid_model.index(start), self.grid_model.index(previous))
            start = previous = row
        model = self.selectionModel()
        # One call that clears and selects: clearing a selection of 100,000 first costs a second.
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if rows:
            first = self.grid_model.index(rows[0])
            model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self._scroll_target = QPersistentModelIndex(first)
            self._scroll_when_laid_out()

    def laid_out(self) -> bool:
        """Whether Qt has laid out every row (it does so in batches of ``LAYOUT_BATCH``)."""
        count = self.grid_model.rowCount()
        return count == 0 or self.visualRect(self.grid_model.index(count - 1)).isValid()

    def _scroll_when_laid_out(self) -> None:
        """Scroll to the row ``select_ids`` made current, now or once Qt has laid every row
        out (the scroll bar's range is set only then: a row placed by an earlier batch is out
        of its reach); not once the list was read again (its row is gone)."""
        target = self._scroll_target
        if not target.isValid() or self.laid_out():
            self._stop_scrolling_to_target()
            if target.isValid():
                self.scrollTo(self.grid_model.index(target.row()))
        elif not self._scroll_retry.isActive():
            self._scroll_retry.start()

    def selectionChanged(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        # Qt repaints a changed selection cell by cell, asking the model about each: after
        # "select all" of 100,000 photos that takes seconds. Past a few thousand cells,
        # repainting what is on screen is the same picture at no cost.
        if sum(r.height() for r in selected.toList()) + sum(r.height() for r in deselected.toList()) > 2000:
            self.viewport().update()
            return
        super().selectionChanged(selected, deselected)

    def _stop_scrolling_to_target(self) -> None:
        """The curator moved on: a row still being laid out is not scrolled to later."""
        self._scroll_target = QPersistentModelIndex()
        self._scroll_retry.stop()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._stop_scrolling_to_target()
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._stop_scrolling_to_target()
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._stop_scrolling_to_target()
        if event.key() == Qt.Key.Key_Space and self.currentIndex().isValid():
            self.preview_requested.emit(self.grid_model.id_at(self.currentIndex().row()))
            return
        super().keyPressEvent(event)

    # Reordering a collection by dragging. The drop is handled here rather than by Qt: in icon
    # mode Qt would move the cells to where they were dropped (free placement) instead of
    # changing the order of the model.

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept_reordering(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept_reordering(event)

    def _accept_reordering(self, event: QDragMoveEvent) -> None:
        if self.grid_model.reorderable and event.mimeData().hasFormat(PHOTO_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if not (self.grid_model.reorderable and event.mimeData().hasFormat(PHOTO_IDS_MIME)):
            event.ignore()
            return
        self.grid_model.move_photos(ids_from_mime(event.mimeData()), self.drop_row(event.position().toPoint()))
        # Copy, not move: the view must not remove the dragged rows, the model moved them.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def drop_row(self, position: QPoint) -> int:
        """The row a drop at this point goes before: the cell under it, or the next one when
        the point is on the cell's right half; the end when it is past the last cell."""
        index = self.indexAt(position)
        if not index.isValid():
            return self.grid_model.rowCount()
        cell = self.visualRect(index)
        return index.row() + (1 if position.x() > cell.center().x() else 0)

    def startDrag(self, supported: Qt.DropAction) -> None:
        # Inside a collection a drag reorders (move); onto the sources panel it adds (copy).
        self.setDefaultDropAction(Qt.DropAction.MoveAction if self.grid_model.reorderable else Qt.DropAction.CopyAction)
        super().startDrag(supported)


class GridBar(QWidget):
    """Search box, count, sort order and thumbnail size, above the grid."""

    search_changed = Signal(str)
    order_changed = Signal(str)
    size_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search captions, places, names… (any script)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 18)
        self.count = QLabel()
        self.order = QComboBox()
        self._orders = QStandardItemModel(self)  # a combo box's usual model, kept to disable an item
        self.order.setModel(self._orders)
        self.order.setAccessibleName(self.tr("Sort order"))
        for key, label in (
            ("captured", self.tr("Capture date")),
            ("imported", self.tr("Import order")),
            ("name", self.tr("File name")),
            ("collection", self.tr("Collection order")),
        ):
            self.order.addItem(label, key)
        self.size_slider = QSlider(Qt.Orientation.Horizontal)
        self.size_slider.setRange(MIN_SIZE, MAX_SIZE)
        self.size_slider.setValue(DEFAULT_SIZE)
        self.size_slider.setMaximumWidth(160)
        self.size_slider.setAccessibleName(self.tr("Thumbnail size"))
        self.size_slider.setToolTip(self.tr("Thumbnail size (Ctrl++ and Ctrl+-)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search, 3)
        layout.addWidget(self.count)
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("Sort:")))
        layout.addWidget(self.order)
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("Size:")))
        layout.addWidget(self.size_slider, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(lambda: self.search_changed.emit(self.search.text()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.order.currentIndexChanged.connect(lambda _i: self.order_changed.emit(self.current_order()))
        self.size_slider.valueChanged.connect(self.size_changed)

    def current_order(self) -> str:
        return str(self.order.currentData())

    def set_order(self, order: str) -> None:
        index = self.order.findData(order)
        if index >= 0:
            self.order.setCurrentIndex(index)

    def allow_collection_order(self, allowed: bool) -> None:
        """The collection order exists only while a collection is shown."""
        item = self._orders.item(self.order.findData("collection"))
        item.setEnabled(allowed)
        if not allowed and self.current_order() == "collection":
            self.set_order("captured")

    def set_count(self, shown: int, total: int) -> None:
        if shown == total:
            self.count.setText(self.tr("%Ln photo(s)", "", shown))
        else:
            self.count.setText(self.tr("{shown} of %Ln", "", total).format(shown=f"{shown:,}"))
