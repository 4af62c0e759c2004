"""``PhotoCanvas``: one photo painted fitted to the widget or at 100 %, panned by dragging.

The culling and compare views are made of these. The zoom is a state (``actual_size`` and
``centre``, the point of the image, 0..1 across and down, in the middle of the view) so that
the compare view can give several canvases the same one. At 100 % one pixel of the image is
one pixel of the screen (device pixels on a high-density display).

A canvas may be given a smaller stand-in (the large thumbnail) with the size of the original
it stands for: it is drawn at the original's size, so the geometry does not jump when the
original arrives. A click (without dragging) asks to toggle 100 % at the point clicked
(``zoom_requested``); a drag at 100 % pans (``panned`` with the new centre).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BACKGROUND = QColor("#161616")
HIGHLIGHT = QColor("#e8e8e8")
DRAG_THRESHOLD = 4  # pixels a press may move and still be a click


class PhotoCanvas(QWidget):
    """A photo fitted or at 100 %; ``zoom_requested(point)``, ``panned(centre)`` and ``pressed``."""

    zoom_requested = Signal(QPointF)
    panned = Signal(QPointF)
    pressed = Signal()
    resized = Signal(QSize)  # the canvas's new size in device pixels: the box photos are fitted in

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(QSize(80, 60))
        self.setMouseTracking(False)
        self.pixmap = QPixmap()
        self.source_size = QSize()  # the original's size, which the pixmap may stand in for
        self.message = ""
        self.actual_size = False
        self.centre = QPointF(0.5, 0.5)
        self.highlighted = False
        self._fitted: tuple[tuple[int, QSize], QPixmap] | None = None
        self._hint: QPixmap | None = None  # the pixmap already scaled to fit, made off the GUI thread
        self._press: QPoint | None = None
        self._press_centre = QPointF(0.5, 0.5)
        self._dragged = False

    # State

    def set_pixmap(
        self,
        pixmap: QPixmap | None,
        source_size: QSize | None = None,
        message: str = "",
        *,
        fitted: QPixmap | None = None,
    ) -> None:
        """Show ``pixmap`` standing for an image of ``source_size`` (its own size by default);
        with no pixmap, ``message`` (loading, or why the photo cannot be shown). ``fitted`` is
        the pixmap already scaled down to fit, used when it is the size the canvas needs."""
        self.pixmap = pixmap if pixmap is not None else QPixmap()
        self._hint = fitted if fitted is not None and not fitted.isNull() else None
        size = source_size if source_size is not None and source_size.isValid() else self.pixmap.size()
        self.source_size = size if size.isValid() and not size.isEmpty() else self.pixmap.size()
        self.message = message
        self._fitted = None
        self.update()

    def is_full(self) -> bool:
        """Whether the pixmap shown is the original itself (not a stand-in)."""
        return not self.pixmap.isNull() and self.pixmap.size() == self.source_size

    def set_zoom(self, actual_size: bool, centre: QPointF | None = None) -> None:
        self.actual_size = actual_size
        if centre is not None:
            self.centre = QPointF(min(max(centre.x(), 0.0), 1.0), min(max(centre.y(), 0.0), 1.0))
        self.update()

    def set_highlighted(self, highlighted: bool) -> None:
        self.highlighted = highlighted
        self.update()

    # Geometry

    def image_rect(self) -> QRectF:
        """Where the image is drawn, in the widget's coordinates."""
        if self.source_size.isEmpty():
            return QRectF()
        view = QSizeF(self.size())
        if not self.actual_size:
            size = QSizeF(self.source_size) / self.devicePixelRatioF()  # never enlarged past 100 %
            if size.width() > view.width() or size.height() > view.height():
                size = size.scaled(view, Qt.AspectRatioMode.KeepAspectRatio)
            return QRectF(
                (view.width() - size.width()) / 2, (view.height() - size.height()) / 2, size.width(), size.height()
            )
        size = QSizeF(self.source_size) / self.devicePixelRatioF()
        return QRectF(
            _offset(view.width(), size.width(), self.centre.x()),
            _offset(view.height(), size.height(), self.centre.y()),
            size.width(),
            size.height(),
        )

    def image_point(self, position: QPointF) -> QPointF:
        """The point of the image under ``position`` of the widget, 0..1 across and down."""
        rect = self.image_rect()
        if rect.isEmpty():
            return QPointF(0.5, 0.5)
        x = (position.x() - rect.left()) / rect.width()
        y = (position.y() - rect.top()) / rect.height()
        return QPointF(min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0))

    def visible_centre(self) -> QPointF:
        """The point of the image in the middle of the view (the centre as it is clamped)."""
        return self.image_point(QPointF(self.width() / 2, self.height() / 2))

    # Painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        rect = self.image_rect()
        if self.pixmap.isNull() or rect.isEmpty():
            if self.message:
                painter.setPen(QColor("#b0b0b0"))
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
        elif self.actual_size:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not self.is_full())
            self._draw_visible(painter, rect)
        else:
            painter.drawPixmap(rect.topLeft(), self._fitted_pixmap(rect.size().toSize()))
        if self.highlighted:
            pen = QPen(HIGHLIGHT)
            pen.setWidth(3)
            painter.setPen(pen)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()

    def _draw_visible(self, painter: QPainter, rect: QRectF) -> None:
        """Only the part of the pixmap on screen: a 24-megapixel photo is not drawn whole."""
        visible = rect.intersected(QRectF(self.rect()))
        if visible.isEmpty():
            return
        scale_x = self.pixmap.width() / rect.width()
        scale_y = self.pixmap.height() / rect.height()
        source = QRectF(
            (visible.left() - rect.left()) * scale_x,
            (visible.top() - rect.top()) * scale_y,
            visible.width() * scale_x,
            visible.height() * scale_y,
        )
        painter.drawPixmap(visible, self.pixmap, source)

    def _fitted_pixmap(self, size: QSize) -> QPixmap:
        """The pixmap scaled smoothly to ``size`` (device pixels), kept until the size or pixmap changes."""
        device = size * self.devicePixelRatioF()
        key = (self.pixmap.cacheKey(), device)
        if self._fitted is None or self._fitted[0] != key:
            hint = self._hint
            if self.pixmap.size() == device:
                scaled = self.pixmap
            elif hint is not None and _within_a_pixel(hint.size(), device):
                scaled = QPixmap(hint)  # a copy shares the pixels; its device pixel ratio is its own
            else:
                scaled = self.pixmap.scaled(
                    device, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            scaled.setDevicePixelRatio(self.devicePixelRatioF())
            self._fitted = (key, scaled)
        return self._fitted[1]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit(self.size() * self.devicePixelRatioF())

    # Mouse: a click zooms, a drag pans

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.pressed.emit()
        self._press = event.position().toPoint()
        self._press_centre = self.visible_centre()
        self._dragged = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        delta = event.position().toPoint() - self._press
        if not self._dragged and delta.manhattanLength() < DRAG_THRESHOLD:
            return
        self._dragged = True
        if self.actual_size:
            rect = self.image_rect()
            centre = QPointF(
                self._press_centre.x() - delta.x() / max(rect.width(), 1.0),
                self._press_centre.y() - delta.y() / max(rect.height(), 1.0),
            )
            self.set_zoom(True, centre)
            self.panned.emit(self.centre)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return super().mouseReleaseEvent(event)
        self._press = None
        if not self._dragged:
            self.zoom_requested.emit(self.image_point(event.position()))


def _within_a_pixel(a: QSize, b: QSize) -> bool:
    """Two sizes that differ by rounding only (Qt's and ours of the same fit)."""
    return abs(a.width() - b.width()) <= 1 and abs(a.height() - b.height()) <= 1


def _offset(view: float, image: float, centre: float) -> float:
    """Where an image of length ``image`` starts so that ``centre`` of it is mid-view; clamped so
    that an image longer than the view leaves no empty margin, and a shorter one is centred."""
    if image <= view:
        return (view - image) / 2
    start = view / 2 - centre * image
    return min(0.0, max(view - image, start))
