"""``Loupe``: one photo large, fitted to the window or at 100 %, with its caption and credit.

Opens on the large (1024 px) thumbnail at once (the grid's 256 px while the large one is not
made yet, ``ingest.previews``), and decodes the original in the background for the 100 %
view. Left and Right (and Up, Down, Home, End, Page Up, Page Down) go to the previous and next
photo of the grid; Z, 1 or a double-click toggles 100 % (centred on the point
double-clicked); Space or Escape closes. A line under the caption says where the curator is
("3 of 14"), the zoom ("Fitted" or "100 %") and the keys; I shows or hides the photo's facts
(``PhotoInfo``: capture date and time zone, camera, lens, exposure, size, file, import, SHA-256)
under it, and the loupe remembers the choice while it is open. The photo's image regions (IPTC,
kept as read) are drawn over it with their names: rectangles, circles and polygons, in
relative or pixel units (pixels of the photo as displayed); R shows or hides them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QMouseEvent, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_values
from photoarchive.ui.culling import PREVIEW_SIZE, STAND_IN_SIZE, stand_in
from photoarchive.ui.widgets.photo_info import PhotoInfo
from photoarchive.ui.widgets.regions import RegionShape, draw_regions, region_shapes
from photoarchive.ui.workers import Worker, image_job


class ImageView(QScrollArea):
    """A pixmap fitted to the view, or at its own size with scroll bars; a double-click
    asks to toggle between the two (``toggle_requested`` with the point, 0..1 of the image)."""

    toggle_requested = Signal(QPointF)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setWidget(self.label)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("QScrollArea, QLabel { background: #1e1e1e; }")
        self.pixmap = QPixmap()
        self.stands_for: QSize | None = None  # the original's size, when ``pixmap`` stands in for it
        self.actual_size = False
        self.regions: list[RegionShape] = []  # drawn over the photo: set before ``set_pixmap``
        self.show_regions = True
        self.setWidgetResizable(True)

    def toggle_regions(self) -> None:
        self.show_regions = not self.show_regions
        self._show()

    def set_pixmap(self, pixmap: QPixmap, stands_for: QSize | None = None) -> None:
        """Show ``pixmap``; ``stands_for``: the size of the original it stands in for (a
        thumbnail), fitted as the original would be: a small one is scaled up."""
        self.pixmap = pixmap
        self.stands_for = stands_for if stands_for is not None and not stands_for.isEmpty() else None
        self._show()

    def set_actual_size(self, actual: bool, centre: QPointF | None = None) -> None:
        """100 % (scrolled so that ``centre``, 0..1 across and down the image, is in the
        middle; the image's centre by default) or fitted."""
        self.actual_size = actual
        self.setWidgetResizable(not actual)
        self._show()
        if actual:
            centre = centre if centre is not None else QPointF(0.5, 0.5)
            size = self.label.size()
            self.horizontalScrollBar().setValue(int(centre.x() * size.width() - self.viewport().width() / 2))
            self.verticalScrollBar().setValue(int(centre.y() * size.height() - self.viewport().height() / 2))

    def image_point(self, position: QPoint) -> QPointF:
        """Where a point of the view falls on the image, 0..1 across and down."""
        shown = self.label.pixmap()
        if shown is None or shown.isNull():
            return QPointF(0.5, 0.5)
        size = shown.deviceIndependentSize()
        on_label = self.label.mapFrom(self.viewport(), position)
        left = (self.label.width() - size.width()) / 2
        top = (self.label.height() - size.height()) / 2
        x = (on_label.x() - left) / max(size.width(), 1)
        y = (on_label.y() - top) / max(size.height(), 1)
        return QPointF(min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0))

    def _show(self) -> None:
        if self.pixmap.isNull():
            self.label.clear()
            return
        regions = self.regions if self.show_regions else []
        if self.actual_size:
            self.label.setPixmap(draw_regions(self.pixmap, regions))
            self.label.resize(self.pixmap.size())
        else:
            target = self.viewport().size()
            fitted = self.stands_for or self.pixmap.size()  # never enlarged beyond the original's size
            if fitted.width() > target.width() or fitted.height() > target.height():
                fitted = fitted.scaled(target, Qt.AspectRatioMode.KeepAspectRatio)
            if fitted != self.pixmap.size():  # ``fitted`` has the ratio already: not rounded twice
                scaled = self.pixmap.scaled(
                    fitted, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            else:
                scaled = self.pixmap
            self.label.setPixmap(draw_regions(scaled, regions))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.toggle_requested.emit(self.image_point(self.viewport().mapFrom(self, event.position().toPoint())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.actual_size:
            self._show()


class Loupe(QDialog):
    """The preview window over the photos of the grid; ``current_changed`` follows the arrows."""

    current_changed = Signal(int)

    def __init__(self, catalog: Catalog, photo_ids: Sequence[int], current: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.photo_ids = list(photo_ids)
        self.position = self.photo_ids.index(current) if current in self.photo_ids else 0
        self.view = ImageView()
        self.view.toggle_requested.connect(lambda point: self.toggle_actual_size(point))
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.credit = QLabel()
        self.credit.setTextFormat(Qt.TextFormat.PlainText)
        self.credit.setWordWrap(True)
        self.info = QLabel()
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.credit)
        layout.addWidget(self.info)
        self.facts = PhotoInfo(catalog)
        self.facts.hide()
        layout.addWidget(self.facts)
        self._worker: Worker | None = None
        self._full: dict[int, QPixmap] = {}
        for keys, slot in (
            ((Qt.Key.Key_Z, Qt.Key.Key_1), self.toggle_actual_size),
            ((Qt.Key.Key_Space,), self.close),
            ((Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown), lambda: self.show_photo(self.position + 1)),
            ((Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp), lambda: self.show_photo(self.position - 1)),
            ((Qt.Key.Key_Home,), lambda: self.show_photo(0)),
            ((Qt.Key.Key_End,), lambda: self.show_photo(len(self.photo_ids) - 1)),
            ((Qt.Key.Key_I,), self.toggle_facts),
            ((Qt.Key.Key_R,), self.view.toggle_regions),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)
        screen = self.screen().availableGeometry()
        self.resize(min(1100, screen.width() * 9 // 10), min(850, screen.height() * 9 // 10))
        self.show_photo(self.position)

    def current_id(self) -> int:
        return self.photo_ids[self.position]

    def show_photo(self, position: int) -> None:
        if not self.photo_ids:
            return
        self.position = max(0, min(position, len(self.photo_ids) - 1))
        photo = self.catalog.photo(self.current_id())
        paths = self.catalog.paths
        large = stand_in(paths.thumbnail(photo.sha256, PREVIEW_SIZE), paths.thumbnail(photo.sha256, STAND_IN_SIZE))
        texts = load_values(self.catalog, [photo.id], ["caption", "credit", "creator", "source", "image_regions"])[
            photo.id
        ]
        self.view.regions = region_shapes(texts["image_regions"], photo.width, photo.height)
        full = self._full.get(photo.id)
        if full is not None:
            self.view.set_pixmap(full)
        else:  # a thumbnail, fitted as its original will be
            self.view.set_pixmap(large, QSize(photo.width or 0, photo.height or 0))
        self.caption.setText(texts["caption"] or self.tr("(no caption yet)"))
        credit = " · ".join(dict.fromkeys(v for v in (texts["creator"], texts["credit"], texts["source"]) if v))
        self.credit.setText(credit or self.tr("(no creator or credit yet)"))
        self.setWindowTitle(
            self.tr("{name} ({position} of {count})").format(
                name=photo.original_name, position=self.position + 1, count=len(self.photo_ids)
            )
        )
        self._load_original(photo.id, self.catalog.original_file(photo))
        if not self.facts.isHidden():
            self.facts.show_photos([photo.id])
        self._update_info()
        self.current_changed.emit(photo.id)

    def _update_info(self) -> None:
        """Where the curator is, the zoom, and the keys."""
        photo = self.catalog.photo(self.current_id())
        if not self.view.actual_size:
            zoom = self.tr("Fitted")
        elif self.current_id() in self._full:
            zoom = self.tr("100 %")
        else:
            zoom = self.tr("100 % of the preview (the original is still being read, or cannot be shown here)")
        self.info.setText(
            self.tr(
                "{name} · {position} of {count} · {zoom} · Z or double-click: 100 % / fitted · ← →: previous, next"
                " · I: info · Space: close"
            ).format(name=photo.original_name, position=self.position + 1, count=len(self.photo_ids), zoom=zoom)
            + (self.tr(" · R: image regions (%n)", "", len(self.view.regions)) if self.view.regions else "")
        )

    def _load_original(self, photo_id: int, path: Path) -> None:
        if photo_id in self._full:
            return
        worker = image_job(path, QSize(8000, 8000))
        worker.signals.finished.connect(lambda image, pid=photo_id: self._original_loaded(pid, image))
        self._worker = worker.start()

    def _original_loaded(self, photo_id: int, image: QImage) -> None:
        if image.isNull() or not self.isVisible():  # closed meanwhile, its catalog maybe too
            return
        self._full = {photo_id: QPixmap.fromImage(image)}  # keep one: originals are big
        if photo_id == self.current_id():
            centre = self._visible_centre()
            self.view.set_pixmap(self._full[photo_id])
            if self.view.actual_size:  # the preview was shown at 100 %: now the original, same spot
                self.view.set_actual_size(True, centre)
            self._update_info()

    def _visible_centre(self) -> QPointF:
        return self.view.image_point(self.view.viewport().rect().center())

    def toggle_facts(self) -> None:
        """Show or hide the photo's facts under the info line."""
        if self.facts.isHidden():
            self.facts.show_photos([self.current_id()])
            self.facts.show()
        else:
            self.facts.hide()

    def toggle_actual_size(self, centre: QPointF | None = None) -> None:
        self.view.set_actual_size(not self.view.actual_size, centre)
        self._update_info()
