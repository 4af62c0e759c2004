"""``FullImageCache``: originals decoded whole, in the background, a few at a time, within a budget.

The culling and compare views show one to four photos at full resolution and decode the
next and the previous ones before they are asked for. A view says which photos it wants,
the shown ones first (``want``); the cache decodes those it does not hold, in that order,
on a ``QThreadPool`` of its own (``imaging.display.decode_full``: the QImage is made on the
pool thread, the QPixmap on the GUI thread when it arrives) and says ``loaded(key)``.
The pool thread also scales the image to the size the view shows it fitted (``set_fit_size``):
scaling 24 megapixels smoothly takes tens of milliseconds, which would otherwise come on the
GUI thread at the key press that shows the photo.

A 24-megapixel photo is 96 MB of pixels, so the cache holds pixmaps up to ``max_bytes``
and evicts the least recently used that are not wanted now; requests no longer wanted are
dropped from the queue (a curator holding the right arrow does not decode every photo passed).
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap

from photoarchive.imaging.display import decode_full
from photoarchive.ui.workers import Worker

# Four 24-megapixel photos and a half: the compare view's four, or one shown and the next
# and previous ones decoded ahead, without the archive's browsing costing gigabytes.
DEFAULT_MAX_BYTES = 448 * 2**20


@dataclass(frozen=True)
class ImageRequest:
    """A photo to decode: its key (the photo's id), its file and the orientation to apply."""

    key: int
    path: Path
    orientation: int | None = None


def read_full_image(path: Path, orientation: int | None) -> QImage:
    """The original at ``path`` as a QImage, whole and upright (safe on any thread); raises ImageError."""
    little = sys.byteorder == "little"
    decoded = decode_full(path, orientation, layout="BGRA" if little else "RGBA")
    image = QImage(
        decoded.width,
        decoded.height,
        QImage.Format.Format_RGB32 if little else QImage.Format.Format_RGBX8888,
    )
    if image.isNull():  # Qt could not allocate it
        return image
    stride = image.bytesPerLine()
    bits = memoryview(image.bits()).cast("B")  # bits() is a writable buffer over the pixels
    if stride == decoded.bytes_per_line:
        bits[: len(decoded.data)] = decoded.data
    else:
        line = decoded.bytes_per_line
        for row in range(decoded.height):
            bits[row * stride : row * stride + line] = decoded.data[row * line : (row + 1) * line]
    return image


class FullImageCache(QObject):
    """Full-resolution pixmaps by photo id, decoded ahead in priority order, bounded in bytes."""

    loaded = Signal(int)
    failed = Signal(int, str)

    def __init__(
        self,
        max_bytes: int = DEFAULT_MAX_BYTES,
        threads: int = 2,
        parent: QObject | None = None,
        *,
        reader: Callable[[Path, int | None], QImage] | None = None,
    ) -> None:
        super().__init__(parent)
        self.max_bytes = max_bytes
        self._reader = reader or read_full_image
        self._pixmaps: OrderedDict[int, QPixmap] = OrderedDict()  # least recently used first
        self._fitted: dict[int, QPixmap] = {}  # each scaled to the fit size, for the fitted view
        self._fit: tuple[int, int] | None = None  # read by the pool threads: a tuple, not a QSize
        self._bytes = 0
        self._wanted: list[ImageRequest] = []
        self._running: dict[int, Worker] = {}
        self._errors: dict[int, str] = {}
        self._pool = _decoding_pool(threads)
        self._threads = max(1, threads)
        self._closed = False

    # What a view asks

    def want(self, requests: Sequence[ImageRequest]) -> None:
        """Decode these, in this order (the shown photos first, then the ones ahead); forget
        earlier requests that are not among them. Held pixmaps wanted again become recent."""
        self._wanted = list(dict.fromkeys(requests))
        for request in reversed(self._wanted):
            if request.key in self._pixmaps:
                self._pixmaps.move_to_end(request.key)
        self._dispatch()

    def pixmap(self, key: int) -> QPixmap | None:
        return self._pixmaps.get(key)

    def fitted(self, key: int) -> QPixmap | None:
        """The photo scaled down to fit the last ``set_fit_size`` (None when it was not larger)."""
        return self._fitted.get(key)

    def set_fit_size(self, size: QSize) -> None:
        """The box, in device pixels, the view shows photos fitted in: decodes ending from now on
        scale to it too (those held keep theirs; the view scales them itself)."""
        self._fit = (size.width(), size.height()) if size.width() > 0 and size.height() > 0 else None

    def error(self, key: int) -> str | None:
        """Why the photo could not be decoded, or None."""
        return self._errors.get(key)

    # Its state, for the views' tests and the window's status

    def is_cached(self, key: int) -> bool:
        return key in self._pixmaps

    def is_decoding(self, key: int) -> bool:
        return key in self._running

    def cached_keys(self) -> list[int]:
        return list(self._pixmaps)

    def cached_bytes(self) -> int:
        return self._bytes

    def pending(self) -> int:
        """Decodes running or still to start."""
        return len(self._running) + len(self._queue())

    def shutdown(self, wait: bool = True) -> None:
        """Start no more decodes; those running finish on their own and are dropped. ``wait``
        for them (tests, the end of the application); a view that closes does not: Esc must
        not wait a second or two for a photo nobody will see."""
        self._closed = True
        self._wanted = []
        if wait:
            self._pool.waitForDone()

    # Inside

    def _queue(self) -> list[ImageRequest]:
        return [
            r
            for r in self._wanted
            if r.key not in self._pixmaps and r.key not in self._running and r.key not in self._errors
        ]

    def _dispatch(self) -> None:
        if self._closed:
            return
        for request in self._queue():
            if len(self._running) >= self._threads:
                break
            worker = Worker(self._job(request))
            worker.signals.finished.connect(lambda image, key=request.key: self._decoded(key, image))
            worker.signals.failed.connect(lambda message, key=request.key: self._failed(key, message))
            self._running[request.key] = worker.start(self._pool)

    def _job(
        self, request: ImageRequest
    ) -> Callable[[Callable[[], bool], Callable[[Any], None]], tuple[QImage, QImage | None]]:
        reader = self._reader

        def job(cancelled: Callable[[], bool], report: Callable[[Any], None]) -> tuple[QImage, QImage | None]:
            image = reader(request.path, request.orientation)
            fit = self._fit  # the size now, not when the decode was queued: the window may have grown
            if image.isNull() or fit is None or (image.width() <= fit[0] and image.height() <= fit[1]):
                return image, None
            box = QSize(*fit)
            return image, image.scaled(
                box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )

        return job

    def _decoded(self, key: int, result: tuple[QImage, QImage | None]) -> None:
        self._running.pop(key, None)
        if self._closed:
            return
        image, fitted = result
        if image.isNull():
            self._failed(key, "not enough memory to show this photo at full resolution")
            return
        self._drop(key)
        pixmap = QPixmap.fromImage(image)
        self._pixmaps[key] = pixmap
        self._bytes += _bytes(pixmap)
        if fitted is not None and not fitted.isNull():
            self._fitted[key] = QPixmap.fromImage(fitted)
            self._bytes += _bytes(self._fitted[key])
        self._evict()
        self._dispatch()
        if key in self._pixmaps:
            self.loaded.emit(key)

    def _failed(self, key: int, message: str) -> None:
        self._running.pop(key, None)
        if self._closed:
            return
        self._errors[key] = message
        self._dispatch()
        self.failed.emit(key, message)

    def _evict(self) -> None:
        """The least recently used first, never a wanted one: the budget may be passed only by
        the photos on screen and ahead, whose number the views bound (at most five)."""
        wanted = {r.key for r in self._wanted}
        for key in list(self._pixmaps):
            if self._bytes <= self.max_bytes:
                return
            if key not in wanted:
                self._drop(key)

    def _drop(self, key: int) -> None:
        for held in (self._pixmaps, self._fitted):
            old = held.pop(key, None)
            if old is not None:
                self._bytes -= _bytes(old)


def _decoding_pool(threads: int) -> QThreadPool:
    """One pool for every cache, owned by the application: a cache (and its view) can go while a
    decode runs, without waiting for it; the application waits for it when it ends."""
    global _POOL
    application = QCoreApplication.instance()
    if _POOL is None or _POOL.parent() is not application:
        _POOL = QThreadPool(application)
        _POOL.setMaxThreadCount(max(1, threads))
    else:
        _POOL.setMaxThreadCount(max(_POOL.maxThreadCount(), threads))
    return _POOL


_POOL: QThreadPool | None = None


def _bytes(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(pixmap.depth(), 8) // 8
