"""What the culling and compare views know of a photo, and what their keys mean.

The views never write the catalog: the window gives them their photos (``CatalogPhotos``, the
grid's ids with a page of ``CullPhoto`` rows read around the one shown; or a list, ``PhotoList``,
of ``cull_photos``), connects their ``selection_edited(photo_ids, field, value)`` to the undo
stack's edit, and tells them the new values (``set_value``) once the edit is made. The keys
are those Photo Mechanic and Lightroom users know: 0-5 rate, 6-9 colour labels (6 red,
7 yellow, 8 green, 9 blue, as Lightroom), P pick, X reject, U unflag.
"""

from __future__ import annotations

import html
import os
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, overload

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QPixmap

from photoarchive.catalog import Catalog
from photoarchive.catalog.cells import ViewCell, view_cells
from photoarchive.model.curated import FIELDS_BY_NAME, SELECTION_FIELDS
from photoarchive.model.fields import TRANSLATION_CONTEXT
from photoarchive.ui.full_images import FullImageCache, ImageRequest
from photoarchive.ui.widgets.field_editors import stars_text
from photoarchive.ui.widgets.photo_canvas import PhotoCanvas

PREVIEW_SIZE = 1024  # the large thumbnail, shown while the original is decoded
STAND_IN_SIZE = 256  # the grid's, shown instead until the large one is made (ingest.previews)
PAGE_SIZE = 64  # CullPhoto rows read by one query, as the grid reads its cells
PAGES_KEPT = 8  # pages of rows kept (an LRU): the photos around the one shown, both ways

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
    thumbnail: Path | None = None  # the grid's, shown when there is no preview (not made yet)

    def with_value(self, field: str, value: Any) -> CullPhoto:
        if field not in SELECTION_FIELDS:
            raise ValueError(f"not a selection field: {field}")
        return replace(self, **{field: value})


def cull_photos(catalog: Catalog, photo_ids: Sequence[int]) -> list[CullPhoto]:
    """The views' data for these photos, in this order (ids the catalog no longer has are left
    out), read in one query. The preview is the large thumbnail's path, the thumbnail the
    grid's, neither checked here (a missing one is not shown, ``show_on``)."""
    cells = view_cells(catalog, photo_ids)
    build = _builder(catalog)
    return [build(cells[i]) for i in dict.fromkeys(photo_ids) if i in cells]


def _builder(catalog: Catalog) -> Callable[[ViewCell], CullPhoto]:
    """A function making the ``CullPhoto`` of a ``view_cells`` row of this catalog."""
    paths = catalog.paths
    originals = str(paths.original(""))  # paths.original(p), joined as text: one parse a path

    def build(cell: ViewCell) -> CullPhoto:
        pid, original_path, name, orientation, width, height, sha256, rating, label, flag = cell
        return CullPhoto(
            id=pid,
            path=Path(os.path.join(originals, original_path)),
            name=name,
            orientation=orientation,
            preview=paths.thumbnail(sha256, PREVIEW_SIZE),
            thumbnail=paths.thumbnail(sha256, STAND_IN_SIZE),
            width=width,
            height=height,
            rating=rating,
            label=label,
            flag=flag,
        )

    return build


class CullPhotos(Sequence[CullPhoto]):
    """The photos a view steps through, by position: ``len``, ``photos[i]``, where a photo is
    (``position_of``) and its new values once an edit is made (``set_value``)."""

    def __len__(self) -> int:
        raise NotImplementedError

    def photo(self, position: int) -> CullPhoto:
        raise NotImplementedError

    def position_of(self, photo_id: int | None) -> int | None:
        raise NotImplementedError

    def set_value(self, photo_ids: Iterable[int], field: str, value: Any) -> None:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> CullPhoto: ...
    @overload
    def __getitem__(self, index: slice) -> list[CullPhoto]: ...
    def __getitem__(self, index: int | slice) -> CullPhoto | list[CullPhoto]:
        if isinstance(index, slice):
            return [self.photo(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.photo(index)

    def __iter__(self) -> Iterator[CullPhoto]:
        return (self.photo(i) for i in range(len(self)))


class PhotoList(CullPhotos):
    """``CullPhoto`` values given whole (the compare view's few, a test's)."""

    def __init__(self, photos: Iterable[CullPhoto]) -> None:
        self.photos = list(photos)

    def __len__(self) -> int:
        return len(self.photos)

    def photo(self, position: int) -> CullPhoto:
        return self.photos[position]

    def position_of(self, photo_id: int | None) -> int | None:
        return next((i for i, p in enumerate(self.photos) if p.id == photo_id), None)

    def set_value(self, photo_ids: Iterable[int], field: str, value: Any) -> None:
        wanted = set(photo_ids)
        self.photos = [p.with_value(field, value) if p.id in wanted else p for p in self.photos]


class CatalogPhotos(CullPhotos):
    """Photos by id (the grid's, in its order), their ``CullPhoto`` rows read from the catalog
    a page at a time when a position of that page is first asked for, and kept in a small LRU of
    pages. Opening the culling view over a million photos reads one page (one query of
    ``PAGE_SIZE`` ids), and stepping reads the next page when a photo of it is first wanted (the
    one decoded ahead). A page takes about a millisecond (bench/rate_key.py), so it is read on
    the GUI thread, as the grid reads its cells. A photo the catalog no longer has (removed by another process) is a row named by
    its id whose file cannot be shown. ``pages_read`` counts the queries made.

    The ids are this object's own list (``extend`` adds those that arrive later); the rows of
    edited photos not read yet are read with their new values, which the catalog holds by then.
    """

    def __init__(
        self,
        catalog: Catalog,
        photo_ids: Iterable[int],
        *,
        page_size: int | None = None,
        pages_kept: int | None = None,
    ) -> None:
        """``photo_ids``: a list is kept as given (not copied), as its owner gives it away."""
        self.catalog = catalog
        self.ids = photo_ids if isinstance(photo_ids, list) else list(photo_ids)
        self.page_size = max(1, page_size or PAGE_SIZE)
        self.pages_kept = max(2, pages_kept or PAGES_KEPT)
        self.pages_read = 0
        self._pages: OrderedDict[int, list[CullPhoto]] = OrderedDict()
        self._build = _builder(catalog)

    def __len__(self) -> int:
        return len(self.ids)

    def extend(self, photo_ids: Iterable[int]) -> None:
        """More ids at the end (the rest of the grid's list, arriving after the view opened)."""
        self._pages.pop(len(self.ids) // self.page_size, None)  # the last page read was short of these
        self.ids.extend(photo_ids)

    def photo(self, position: int) -> CullPhoto:
        number, offset = divmod(position, self.page_size)
        page = self._pages.get(number)
        if page is None:
            page = self._read(number)
        else:
            self._pages.move_to_end(number)
        return page[offset]

    def position_of(self, photo_id: int | None) -> int | None:
        """The first position of this id (a search of the ids: the window gives the position
        when it has it)."""
        try:
            return self.ids.index(photo_id) if photo_id is not None else None
        except ValueError:
            return None

    def set_value(self, photo_ids: Iterable[int], field: str, value: Any) -> None:
        wanted = set(photo_ids)
        for page in self._pages.values():
            for offset, photo in enumerate(page):
                if photo.id in wanted:
                    page[offset] = photo.with_value(field, value)

    def cached_positions(self) -> list[int]:
        """The positions whose rows are held, in order (for tests and the benchmark)."""
        size = self.page_size
        return sorted(p for n in self._pages for p in range(n * size, min((n + 1) * size, len(self.ids))))

    def _read(self, number: int) -> list[CullPhoto]:
        start = number * self.page_size
        ids = self.ids[start : start + self.page_size]
        cells = view_cells(self.catalog, ids)
        self.pages_read += 1
        page = [self._build(cells[pid]) if pid in cells else self._removed(pid) for pid in ids]
        self._pages[number] = page
        while len(self._pages) > self.pages_kept:
            self._pages.popitem(last=False)
        return page

    def _removed(self, photo_id: int) -> CullPhoto:
        # Named by its id (the grid shows an empty cell): its file, not found, says why it is not shown.
        return CullPhoto(photo_id, self.catalog.paths.original(f"removed-{photo_id}"), f"#{photo_id}")


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


def choice_name(field: str, value: str) -> str:
    """The name of a choice of a curated field (a colour label, a flag) in the interface's
    language, as the field declares it and the editor shows it; an undeclared value as it is."""
    choice = FIELDS_BY_NAME[field].choice(value)
    return QCoreApplication.translate(TRANSLATION_CONTEXT, choice.label) if choice else value


def selection_html(photo: CullPhoto) -> str:
    """Stars, the colour label (a coloured dot and its name) and the flag, for the overlays."""
    parts = []
    if photo.rating is not None:
        parts.append(stars_text(photo.rating) if photo.rating else QCoreApplication.translate("CullView", "No stars"))
    if photo.label:
        colour = LABEL_COLOURS.get(photo.label, "#cccccc")
        parts.append(f'<span style="color:{colour}">●</span> {html.escape(choice_name("label", photo.label))}')
    if photo.flag in ("pick", "reject"):
        sign = (
            '<span style="color:#f0f0f0">⚑</span>' if photo.flag == "pick" else '<span style="color:#e5484d">✕</span>'
        )
        parts.append(f"{sign} {html.escape(choice_name('flag', photo.flag))}")
    return " &nbsp;·&nbsp; ".join(parts)


def stand_in(preview: Path | None, thumbnail: Path | None) -> QPixmap:
    """The preview standing in for an original, or the grid's thumbnail while the preview is not
    made yet (``ingest.previews``); a null pixmap when neither loads."""
    pixmap = QPixmap()
    for path in (preview, thumbnail):
        if path is not None and pixmap.load(str(path)):
            break
    return pixmap


def show_on(canvas: PhotoCanvas, photo: CullPhoto, cache: FullImageCache) -> None:
    """The original on ``canvas`` if the cache holds it; else the preview standing in for it at
    the original's size (the grid's thumbnail, scaled up, while the preview is not made yet),
    or a line saying it is being read (or why it cannot be shown)."""
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
    preview = stand_in(photo.preview, photo.thumbnail) if error is None else QPixmap()
    if preview.isNull():
        canvas.set_pixmap(None, message=message)
        return
    size = QSize(photo.width, photo.height) if photo.width and photo.height else None
    canvas.set_pixmap(preview, size, message)


def request(photo: CullPhoto) -> ImageRequest:
    return ImageRequest(photo.id, photo.path, photo.orientation)
