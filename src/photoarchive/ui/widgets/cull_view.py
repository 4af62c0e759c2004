"""``CullView``: the culling view, one photo at a time over the whole screen, rated by keys.

The window opens it full screen over the grid's photos (``showFullScreen``) and it shows
one photo fitted, at full resolution (its data read from the catalog a page at a time around
it, ``CatalogPhotos``: opening over a million photos reads one page): the original is decoded in the background, the next
and previous ones before they are asked for (``FullImageCache``), and the large thumbnail
stands in until it arrives. A thin bar under it says the file name, where the curator
is ("12 / 1,500"), the stars, colour label and flag, and the zoom.

Keys: Left / Right (Space: next; Home, End) move; Z or a click toggles 100 % (a click at the
point clicked, and the zoom is kept from photo to photo, to check focus through a burst);
0-5 rate, 6-9 colour labels (6 red, 7 yellow, 8 green, 9 blue), P pick, X reject, U unflag;
A (or Caps Lock, as in Lightroom) turns auto-advance on and off: after a rating, label or
flag the next photo comes. Esc leaves (``left`` with the photo shown last).

The view writes nothing: a key emits ``selection_edited(photo_ids, field, value)``, which the
window turns into an undoable edit, and the window calls ``set_value`` once it is made.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QLocale, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from photoarchive.ui.culling import CullPhoto, CullPhotos, PhotoList, edit_for_key, request, selection_html, show_on
from photoarchive.ui.full_images import FullImageCache
from photoarchive.ui.widgets.photo_canvas import PhotoCanvas

NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Down, Qt.Key.Key_PageDown)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp)
OVERLAY_STYLE = "background: rgba(0, 0, 0, 170); color: #ececec; padding: 4px 10px;"


class CullView(QWidget):
    """One photo at a time, full screen; ``selection_edited``, ``current_changed``, ``left``."""

    selection_edited = Signal(list, str, object)
    current_changed = Signal(int)
    left = Signal(int)

    def __init__(
        self,
        photos: CullPhotos | Sequence[CullPhoto],
        current: int | None = None,
        *,
        position: int | None = None,
        cache: FullImageCache | None = None,
        ahead: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        """Shown first: the photo at ``position`` if given (the window knows its row), else the
        photo ``current`` (an id), else the first. ``ahead``: how many photos each way are decoded
        before they are asked for (0: none, as the benchmark's reference)."""
        super().__init__(parent)
        self.ahead = max(0, ahead)
        self.photos: CullPhotos = photos if isinstance(photos, CullPhotos) else PhotoList(photos)
        if len(self.photos) == 0:
            raise ValueError("the culling view needs at least one photo")
        if position is None:
            position = self.photos.position_of(current)
        self.position = min(max(position or 0, 0), len(self.photos) - 1)
        self._owns_cache = cache is None
        self.cache = cache if cache is not None else FullImageCache(parent=self)
        self.cache.loaded.connect(self._loaded)
        self.cache.failed.connect(lambda key, message: self._loaded(key))
        self.setWindowTitle(self.tr("Culling"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet("CullView { background: #161616; }")
        self.canvas = PhotoCanvas(self)
        self.canvas.zoom_requested.connect(self.toggle_zoom)
        self.canvas.resized.connect(self.cache.set_fit_size)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.overlay = QLabel(self)
        self.overlay.setTextFormat(Qt.TextFormat.RichText)
        self.overlay.setStyleSheet(OVERLAY_STYLE)
        self.overlay.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.auto_advance = QAction(self.tr("Auto-advance"), self)
        self.auto_advance.setCheckable(True)
        # Its keys (A, Caps Lock) are read by keyPressEvent, not made a shortcut: a shortcut of
        # the view's would clash with the window's own if the window puts the action in a menu.
        self.auto_advance.setToolTip(self.tr("After a rating, label or flag, go to the next photo (A or Caps Lock)"))
        self.auto_advance.toggled.connect(lambda _: self._update_overlay())
        self.addAction(self.auto_advance)
        self._closed = False
        self.show_photo(self.position)

    # What the window asks

    def current(self) -> CullPhoto:
        return self.photos[self.position]

    def current_id(self) -> int:
        return self.current().id

    def set_value(self, photo_ids: Sequence[int], field: str, value: Any) -> None:
        """The edit is made (or undone): show the new value."""
        self.photos.set_value(photo_ids, field, value)
        self._update_overlay()

    def count_changed(self) -> None:
        """More photos at the end of ``photos`` (the grid's list still arriving): the bar's count."""
        self._update_overlay()

    def show_photo(self, position: int) -> None:
        self.position = max(0, min(position, len(self.photos) - 1))
        photo = self.current()
        # The shown photo first, then the next (the way the curator is going), then the previous.
        steps = [step * sign for step in range(1, self.ahead + 1) for sign in (1, -1)]
        ahead = [self.photos[self.position + s] for s in steps if 0 <= self.position + s < len(self.photos)]
        self.cache.want([request(p) for p in (photo, *ahead)])
        show_on(self.canvas, photo, self.cache)
        self._update_overlay()
        self.current_changed.emit(photo.id)

    def toggle_zoom(self, point: QPointF | None = None) -> None:
        """100 % at ``point`` (0..1 of the image; the middle of what is shown by default), or fitted."""
        self.canvas.set_zoom(not self.canvas.actual_size, point if point is not None else self.canvas.visible_centre())
        self._update_overlay()

    # Keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return super().keyPressEvent(event)
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key in NEXT_KEYS:
            self.show_photo(self.position + 1)
        elif key in PREVIOUS_KEYS:
            self.show_photo(self.position - 1)
        elif key == Qt.Key.Key_Home:
            self.show_photo(0)
        elif key == Qt.Key.Key_End:
            self.show_photo(len(self.photos) - 1)
        elif key == Qt.Key.Key_Z:
            self.toggle_zoom()
        elif key in (Qt.Key.Key_A, Qt.Key.Key_CapsLock):
            self.auto_advance.toggle()
        elif (edit := edit_for_key(key, self.current())) is not None:
            field, value = edit
            self.selection_edited.emit([self.current_id()], field, value)
            if self.auto_advance.isChecked() and self.position < len(self.photos) - 1:
                self.show_photo(self.position + 1)
        else:
            super().keyPressEvent(event)

    # Inside

    def _loaded(self, key: int) -> None:
        if self._closed or key != self.current_id():
            return
        show_on(self.canvas, self.current(), self.cache)
        self._update_overlay()

    def _update_overlay(self) -> None:
        photo = self.current()
        locale = QLocale()
        position = self.tr("{position} / {count}").format(
            position=locale.toString(self.position + 1), count=locale.toString(len(self.photos))
        )
        if not self.canvas.actual_size:
            zoom = self.tr("Fitted")
        elif self.canvas.is_full():
            zoom = self.tr("100 %")
        else:
            zoom = self.tr("100 % of the preview")
        parts = [f"<b>{html.escape(photo.name)}</b>", position]
        selection = selection_html(photo)
        if selection:
            parts.append(selection)
        parts.append(zoom)
        if self.auto_advance.isChecked():
            parts.append(self.tr("Auto-advance"))
        keys = self.tr("← → move · Z 100 % · 0-5 stars · 6-9 label · P X U flag · A auto-advance · Esc back")
        self.overlay.setText(
            " &nbsp;&nbsp; ".join(parts) + f' &nbsp;&nbsp; <span style="color:#8a8a8a">{html.escape(keys)}</span>'
        )
        self._place_overlay()

    def _place_overlay(self) -> None:
        # A thin bar under the photo rather than over it: the frame's bottom edge is part of
        # what the curator judges.
        height = self.overlay.sizeHint().height()
        self.overlay.setGeometry(0, self.height() - height, self.width(), height)
        self.canvas.setGeometry(0, 0, self.width(), max(0, self.height() - height))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_overlay()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            if self._owns_cache:
                self.cache.shutdown(wait=False)
            self.left.emit(self.current_id())
        super().closeEvent(event)
