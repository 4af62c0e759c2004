"""Thumbnails for the grid: loaded off the GUI thread, kept in an LRU cache of pixmaps.

A view asks ``ThumbnailCache.pixmap(key, path)`` while it paints. A cached pixmap comes back
at once; otherwise the file is queued and ``None`` comes back (the view paints a
placeholder). Files are decoded into ``QImage`` by a small ``QThreadPool`` of its own; the
image travels back through a queued signal and becomes a ``QPixmap`` on the GUI thread
(pixmaps may only be made there), then ``loaded(key)`` tells the model to repaint the cell.

The queue is last-in first-out and bounded: when the curator flings the scroll bar through
100,000 photos, the cells on screen now are loaded first and the ones scrolled past are
forgotten instead of being decoded for nothing. Nothing new is decoded until the requests
settle (``SETTLE_MS`` without one): cells that only flash by during a scroll cost no decode,
and no decoded image lands (a pixmap made, a cell repainted) in the middle of a scroll's frames.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, QTimer, Signal, SignalInstance, Slot
from PySide6.QtGui import QImage, QImageReader, QPixmap

SETTLE_MS = 40  # a scroll paints a frame every 16 ms or so; a pause longer than two frames is a stop


class ThumbnailCache(QObject):
    """Pixmaps by key (a photo's hash), decoded in the background, the least recently used evicted."""

    loaded = Signal(str)
    _decoded = Signal(str, int, QImage)

    def __init__(
        self,
        capacity: int = 2000,
        threads: int = 2,
        queue_limit: int = 300,
        parent: QObject | None = None,
        *,
        max_bytes: int = 64 * 2**20,
    ):
        super().__init__(parent)
        self.capacity = capacity
        # Pixels kept, whatever their number: 64 MB is several screens of the largest cells on
        # a high-density display, and scrolling through a million photos stays within it.
        self.max_bytes = max_bytes
        self._bytes = 0
        self.queue_limit = queue_limit
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._sizes: dict[str, int] = {}  # the size each pixmap was decoded for
        self.size = 0  # decode to this long edge (0: as stored)
        self._queue: OrderedDict[str, Path] = OrderedDict()  # newest request last
        self._running: set[str] = set()
        self._failed: set[str] = set()
        self._threads = max(1, threads)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(self._threads)
        self._closed = False
        self._decoded.connect(self._on_decoded, Qt.ConnectionType.QueuedConnection)
        self._settle = QTimer(self)  # restarted by every request: decoding starts once they pause
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._dispatch)

    def set_size(self, size: int) -> None:
        """Decode new requests to this long edge; pixmaps of another size are kept and shown
        (scaled) until their new decode arrives, so resizing never flashes empty cells."""
        self.size = size

    def pixmap(self, key: str, path: Path) -> QPixmap | None:
        """The cached pixmap, or None after queueing the file to be loaded."""
        cached = self._pixmaps.get(key)
        if cached is not None:
            self._pixmaps.move_to_end(key)
            if self._sizes.get(key) != self.size and not self._closed:
                self._request(key, path)
            return cached
        if key not in self._failed and not self._closed:
            self._request(key, path)
        return None

    def cached(self, key: str) -> QPixmap | None:
        return self._pixmaps.get(key)

    def is_failed(self, key: str) -> bool:
        return key in self._failed

    def pending(self) -> int:
        return len(self._queue) + len(self._running)

    def shutdown(self) -> None:
        """Stop loading and wait for the decodes in flight (before the window goes away)."""
        self._closed = True
        self._settle.stop()
        self._queue.clear()
        self._pool.waitForDone()

    def _request(self, key: str, path: Path) -> None:
        if key in self._running:
            return
        self._queue[key] = path
        self._queue.move_to_end(key)
        while len(self._queue) > self.queue_limit:
            self._queue.popitem(last=False)
        self._settle.start()

    def _dispatch(self) -> None:
        while self._queue and len(self._running) < self._threads * 2:
            key, path = self._queue.popitem(last=True)
            self._running.add(key)
            limit = QSize(self.size, self.size) if self.size else None
            self._pool.start(_DecodeTask(self._decoded, key, path, self.size, limit))

    @Slot(str, int, QImage)
    def _on_decoded(self, key: str, size: int, image: QImage) -> None:
        self._running.discard(key)
        if self._closed:
            return
        if image.isNull():
            self._failed.add(key)
        else:
            replaced = self._pixmaps.get(key)
            if replaced is not None:
                self._bytes -= _bytes(replaced)
            pixmap = self._pixmaps[key] = QPixmap.fromImage(image)
            self._bytes += _bytes(pixmap)
            self._sizes[key] = size
            self._pixmaps.move_to_end(key)
            while len(self._pixmaps) > 1 and (len(self._pixmaps) > self.capacity or self._bytes > self.max_bytes):
                dropped, old = self._pixmaps.popitem(last=False)
                self._bytes -= _bytes(old)
                self._sizes.pop(dropped, None)
        if not self._settle.isActive():  # still scrolling: the queue waits for the pause
            self._dispatch()
        self.loaded.emit(key)


def _bytes(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(pixmap.depth(), 8) // 8


class _DecodeTask(QRunnable):
    """Decode one image file into a QImage in a pool thread."""

    def __init__(self, signal: SignalInstance, key: str, path: Path, size: int, max_size: QSize | None) -> None:
        super().__init__()
        self.signal, self.key, self.path, self.size, self.max_size = signal, key, path, size, max_size

    def run(self) -> None:
        self.signal.emit(self.key, self.size, read_image(self.path, self.max_size))


def read_image(path: Path, max_size: QSize | None = None) -> QImage:
    """Decode an image with its EXIF orientation applied, scaled down to ``max_size`` if given.

    Safe to call on any thread; returns a null image when the file cannot be read.
    """
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    if max_size is not None:
        size = reader.size()
        if size.isValid() and (size.width() > max_size.width() or size.height() > max_size.height()):
            reader.setScaledSize(size.scaled(max_size, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()
