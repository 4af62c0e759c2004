"""What the culling and compare views know of a photo, and what their keys mean.

The views never read or write the catalog: the window gives them ``CullPhoto`` values (built
by ``cull_photos``), connects their ``selection_edited(photo_ids, field, value)`` to the undo
stack's edit, and tells them the new values (``set_value``) once the edit is made. The keys
are those Photo Mechanic and Lightroom users know: 0-5 rate, 6-9 colour labels (6 red,
7 yellow, 8 green, 9 blue, as Lightroom), P pick, X reject, U unflag.
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QPixmap

from photoarchive.catalog import Catalog
from photoarchive.catalog.cells import view_cells
from photoarchive.ui.full_images import FullImageCache, ImageRequest
from photoarchive.ui.widgets.photo_canvas import PhotoCanvas

SELECTION_FIELDS = ("rating", "label", "flag")
PREVIEW_SIZE = 1024  # the large thumbnail, shown while the original is decoded

LABEL_KEYS = {Qt.Key.Key_6: "red", Qt.Key.Key_7: "yellow", Qt.Key.Key_8: "green", Qt.Key.Key_9: "blue"}
RATING_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(6)}
FLAG_KEYS = {Qt.Key.Key_P: "pick", Qt.Key.Key_X: "reject", Qt.Key.Key_U: ""}
# The colours drawn for the labels: Lightroom's, a little lighter to read on a dark background.
LABEL_COLOURS = {"red": "#e5484d", "yellow": "#f5d90a", "green": "#46a758", "blue": "#3e87f5", "purple": "#a35fd6"}


@dataclass(frozen=True)
class CullPhoto:
    """One photo as the views show it: its file, its upright size, its name and its selection."""

    id: int
    path: Path
    name: str
    orientation: int | None = None  # None: as the file's EXIF says
    preview: Path | None = None  # a smaller image shown until the original is decoded
    width: int | None = None  # upright, in pixels; None when unknown
    height: int | None = None
    rating: int | None = None
    label: str = ""
    flag: str = ""

    def with_value(self, field: str, value: Any) -> CullPhoto:
        if field not in SELECTION_FIELDS:
            raise ValueError(f"not a selection field: {field}")
        return replace(self, **{field: value})


def cull_photos(catalog: Catalog, photo_ids: Sequence[int]) -> list[CullPhoto]:
    """The views' data for these photos, in this order (ids the catalog no longer has are left
    out), read in one query. The preview is the large thumbnail's path, not checked here (100,000
    files looked at when the view opens): a missing one reads as no preview (``show_on``)."""
    cells = view_cells(catalog, photo_ids)
    paths = catalog.paths
    originals = str(paths.original(""))  # paths.original(p), joined as text: one parse a path
    return [
        CullPhoto(
            id=pid,
            path=Path(os.path.join(originals, original_path)),
            name=name,
            orientation=orientation,
            preview=paths.thumbnail(sha256, PREVIEW_SIZE),
            width=width,
            height=height,
            rating=rating,
            label=label,
            flag=flag,
        )
        for pid, original_path, name, orientation, width, height, sha256, rating, label, flag in (
            cells[i] for i in dict.fromkeys(photo_ids) if i in cells
        )
    ]


def edit_for_key(key: int, photo: CullPhoto) -> tuple[str, Any] | None:
    """The (field, value) a key sets on ``photo``, or None for other keys. A label key on a
    photo that already has that label takes it off, as in Lightroom."""
    if key in RATING_KEYS:
        return "rating", RATING_KEYS[Qt.Key(key)]
    if key in LABEL_KEYS:
        label = LABEL_KEYS[Qt.Key(key)]
        return "label", "" if photo.label == label else label
    if key in FLAG_KEYS:
        return "flag", FLAG_KEYS[Qt.Key(key)]
    return None


def stars(rating: int | None) -> str:
    return "" if not rating else "★" * rating + "☆" * (5 - rating)


def selection_html(photo: CullPhoto) -> str:
    """Stars, the colour label (a coloured dot and its name) and the flag, for the overlays.
    The names are the curated fields' own (context CuratedFields), as the editor shows them."""
    translate = QCoreApplication.translate
    parts = []
    if photo.rating is not None:
        parts.append(stars(photo.rating) if photo.rating else translate("CullView", "No stars"))
    if photo.label:
        colour = LABEL_COLOURS.get(photo.label, "#cccccc")
        name = {
            "red": translate("CuratedFields", "Red"),
            "yellow": translate("CuratedFields", "Yellow"),
            "green": translate("CuratedFields", "Green"),
            "blue": translate("CuratedFields", "Blue"),
            "purple": translate("CuratedFields", "Purple"),
        }.get(photo.label, photo.label)
        parts.append(f'<span style="color:{colour}">●</span> {html.escape(name)}')
    if photo.flag in ("pick", "reject"):
        # Outside the f-string: lupdate does not look inside one.
        pick, reject = translate("CuratedFields", "Pick"), translate("CuratedFields", "Reject")
        sign = (
            '<span style="color:#f0f0f0">⚑</span>' if photo.flag == "pick" else '<span style="color:#e5484d">✕</span>'
        )
        parts.append(f"{sign} {html.escape(pick if photo.flag == 'pick' else reject)}")
    return " &nbsp;·&nbsp; ".join(parts)


def show_on(canvas: PhotoCanvas, photo: CullPhoto, cache: FullImageCache) -> None:
    """The original on ``canvas`` if the cache holds it; else the preview standing in for it at
    the original's size, or a line saying it is being read (or why it cannot be shown)."""
    full = cache.pixmap(photo.id)
    if full is not None:
        canvas.set_pixmap(full, fitted=cache.fitted(photo.id))
        return
    error = cache.error(photo.id)
    message = (
        QCoreApplication.translate("CullView", "{name} cannot be shown: {reason}").format(name=photo.name, reason=error)
        if error
        else QCoreApplication.translate("CullView", "Reading {name}…").format(name=photo.name)
    )
    preview = QPixmap(str(photo.preview)) if photo.preview is not None and error is None else QPixmap()
    if preview.isNull():
        canvas.set_pixmap(None, message=message)
        return
    size = QSize(photo.width, photo.height) if photo.width and photo.height else None
    canvas.set_pixmap(preview, size, message)


def request(photo: CullPhoto) -> ImageRequest:
    return ImageRequest(photo.id, photo.path, photo.orientation)
