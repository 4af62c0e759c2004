"""``CompareView``: two to four photos side by side, zoomed and panned together.

For choosing between near-identical frames: each photo fitted in its panel (two or three in
a row, four in two rows), its name and selection under it. The zoom is shared: Z, or a
click on a photo at some point of it, shows all of them at 100 % at that same relative
point; dragging one pans them all. One panel has the focus (outlined): Left / Right (Up /
Down between rows) move it, and the selection keys rate and flag its photo (0-5, 6-9,
P, X, U, as in the culling view). With auto-advance on (A or Caps Lock, as in the culling view;
it opens as the Photo menu's Auto-Advance is set) a rating, label or flag moves the focus to
the next photo compared (the focused photo's line then ends in "Auto-advance", as the culling
view's line does); on the last one it stays there, as the culling view stays on the
last photo: wrapping round would put the focus back on a photo already judged, and the
curator would rate it again by the next key. Esc leaves (``left`` with the focused photo's id).

Like the culling view it writes nothing: ``selection_edited(photo_ids, field, value)`` asks
the window for the edit, and ``set_value`` shows it once made.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from photoarchive.ui.culling import CullPhoto, PhotoList, edit_for_key, request, selection_html, show_on
from photoarchive.ui.full_images import FullImageCache
from photoarchive.ui.widgets.photo_canvas import PhotoCanvas

MIN_PHOTOS, MAX_PHOTOS = 2, 4


class ComparePanel(QWidget):
    """One photo of the comparison: its canvas and a line with its name and selection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = PhotoCanvas()
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setStyleSheet("color: #d8d8d8; padding: 2px 6px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.caption)


class CompareView(QWidget):
    """2-4 photos with one zoom; ``selection_edited``, ``focus_changed`` and ``left``."""

    selection_edited = Signal(list, str, object)
    focus_changed = Signal(int)
    left = Signal(int)

    def __init__(
        self,
        photos: Sequence[CullPhoto],
        *,
        cache: FullImageCache | None = None,
        auto_advance: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not MIN_PHOTOS <= len(photos) <= MAX_PHOTOS:
            raise ValueError(f"the compare view shows {MIN_PHOTOS} to {MAX_PHOTOS} photos, not {len(photos)}")
        self.photos = PhotoList(photos)
        self.focus = 0
        self._owns_cache = cache is None
        self.cache = cache if cache is not None else FullImageCache(parent=self)
        self.cache.loaded.connect(self._loaded)
        self.cache.failed.connect(lambda key, message: self._loaded(key))
        self.setWindowTitle(self.tr("Compare"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        self.setStyleSheet("CompareView { background: #161616; }")
        self.columns = 2 if len(self.photos) == 4 else len(self.photos)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setSpacing(4)
        self.panels: list[ComparePanel] = []
        for index, photo in enumerate(self.photos):
            panel = ComparePanel(self)
            panel.canvas.zoom_requested.connect(lambda point, i=index: self._zoom_from(i, point))
            panel.canvas.panned.connect(lambda centre, i=index: self._pan_from(i, centre))
            panel.canvas.pressed.connect(lambda i=index: self.set_focus(i))
            panel.canvas.resized.connect(self.cache.set_fit_size)  # the panels are all one size
            grid.addWidget(panel, index // self.columns, index % self.columns)
            self.panels.append(panel)
            show_on(panel.canvas, photo, self.cache)
        self.hint = QLabel(
            self.tr(
                "Z or click: 100 % together · drag: pan together · ← → focus · 0-5 stars · 6-9 label · P X U flag"
                " · A auto-advance · Esc back"
            )
        )
        self.hint.setStyleSheet("color: #8a8a8a; padding: 2px 6px;")
        grid.addWidget(self.hint, (len(self.photos) - 1) // self.columns + 1, 0, 1, self.columns)
        self.auto_advance = QAction(self.tr("Auto-advance"), self)
        self.auto_advance.setCheckable(True)  # its keys (A, Caps Lock) are read by keyPressEvent
        self.auto_advance.setChecked(auto_advance)
        self.auto_advance.toggled.connect(lambda _: self._update_captions())
        self.auto_advance.setToolTip(self.tr("After a rating, label or flag, focus the next photo (A or Caps Lock)"))
        self.addAction(self.auto_advance)
        self._closed = False
        self.cache.want([request(p) for p in self.photos])
        self.set_focus(0)

    # What the window asks

    def focused(self) -> CullPhoto:
        return self.photos[self.focus]

    def set_value(self, photo_ids: Sequence[int], field: str, value: Any) -> None:
        self.photos.set_value(photo_ids, field, value)
        self._update_captions()

    def set_focus(self, index: int) -> None:
        self.focus = max(0, min(index, len(self.photos) - 1))
        for i, panel in enumerate(self.panels):
            panel.canvas.set_highlighted(i == self.focus)
        self._update_captions()
        self.focus_changed.emit(self.focused().id)

    def set_zoom(self, actual_size: bool, centre: QPointF | None = None) -> None:
        """All the photos fitted, or at 100 % with the same relative point in the middle."""
        for panel in self.panels:
            panel.canvas.set_zoom(actual_size, centre)
        self._update_captions()

    def toggle_zoom(self, centre: QPointF | None = None) -> None:
        canvas = self.panels[self.focus].canvas
        self.set_zoom(not canvas.actual_size, centre if centre is not None else canvas.visible_centre())

    # Keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return super().keyPressEvent(event)
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Tab):
            self.set_focus((self.focus + 1) % len(self.photos))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Backtab):
            self.set_focus((self.focus - 1) % len(self.photos))
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and len(self.photos) > self.columns:
            self.set_focus((self.focus + self.columns) % len(self.photos))
        elif key == Qt.Key.Key_Z:
            self.toggle_zoom()
        elif key in (Qt.Key.Key_A, Qt.Key.Key_CapsLock):
            self.auto_advance.toggle()
        elif (edit := edit_for_key(key, self.focused())) is not None:
            field, value = edit
            self.selection_edited.emit([self.focused().id], field, value)
            if self.auto_advance.isChecked() and self.focus < len(self.photos) - 1:
                self.set_focus(self.focus + 1)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        return False  # Tab moves the focus between the photos, not out of the view

    # Inside

    def _zoom_from(self, index: int, point: QPointF) -> None:
        self.set_focus(index)
        self.toggle_zoom(point)

    def _pan_from(self, index: int, centre: QPointF) -> None:
        for i, panel in enumerate(self.panels):
            if i != index:
                panel.canvas.set_zoom(True, centre)

    def _loaded(self, key: int) -> None:
        if self._closed:
            return
        for photo, panel in zip(self.photos, self.panels, strict=True):
            if photo.id == key:
                show_on(panel.canvas, photo, self.cache)
        self._update_captions()

    def _update_captions(self) -> None:
        for index, (photo, panel) in enumerate(zip(self.photos, self.panels, strict=True)):
            parts = [f"<b>{html.escape(photo.name)}</b>" if index == self.focus else html.escape(photo.name)]
            selection = selection_html(photo)
            if selection:
                parts.append(selection)
            if panel.canvas.actual_size:
                parts.append(self.tr("100 %") if panel.canvas.is_full() else self.tr("100 % of the preview"))
            if index == self.focus and self.auto_advance.isChecked():  # where the next key acts, as in Cull
                parts.append(self.tr("Auto-advance"))
            panel.caption.setText(" &nbsp;·&nbsp; ".join(parts))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            if self._owns_cache:
                self.cache.shutdown(wait=False)
            self.left.emit(self.focused().id)
        super().closeEvent(event)
