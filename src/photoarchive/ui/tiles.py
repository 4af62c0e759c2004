"""Map tiles for the map panel: Web Mercator arithmetic and an OpenStreetMap tile cache.

The arithmetic is the standard "slippy map" formulas (a few lines; a library for them would
be a dependency for three functions). Tiles follow the OpenStreetMap tile usage policy: a
real User-Agent naming the application, at most two connections, every tile cached on disk
and reused for a week (and for ever when offline), nothing fetched in bulk or ahead of the
view, and the attribution shown on the map. Fetching is optional (``online=False`` uses the
cache only); when a request fails the loader stops asking, reports ``unavailable`` once, and
the map shows its markers on the built-in world map (``ui.basemap``). Tests never go online.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QSaveFile, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest

from photoarchive import __version__

TILE_SIZE = 256
MAX_LATITUDE = 85.0511287798  # where Web Mercator squares the world
OSM_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "© OpenStreetMap contributors"
USER_AGENT = f"PhotoArchive/{__version__} (desktop archive of expedition photographs; PySide6)"
MAX_CONNECTIONS = 2  # the policy's limit for one client
FRESH_SECONDS = 7 * 24 * 3600
MEMORY_TILES = 256


def world_size(zoom: int) -> float:
    return float(TILE_SIZE * (1 << zoom))


def to_world(latitude: float, longitude: float, zoom: int) -> tuple[float, float]:
    """Pixel coordinates of a position in the whole world's map at a zoom level."""
    size = world_size(zoom)
    lat = math.radians(max(-MAX_LATITUDE, min(MAX_LATITUDE, latitude)))
    x = (longitude + 180.0) / 360.0 * size
    y = (1.0 - math.log(math.tan(lat) + 1.0 / math.cos(lat)) / math.pi) / 2.0 * size
    return x, y


def to_position(x: float, y: float, zoom: int) -> tuple[float, float]:
    """(latitude, longitude) of world pixel coordinates (longitude wrapped to -180..180)."""
    size = world_size(zoom)
    longitude = (x / size * 360.0) % 360.0 - 180.0  # wrapped to -180..180
    latitude = math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * y / size))))
    return latitude, longitude


class TileLoader(QObject):
    """Tiles from a disk cache, fetched from the tile server when allowed and missing or stale.

    ``tile(z, x, y)`` returns an image at once if one is cached (a stale one is shown while a
    fresh one is fetched) and None otherwise; ``tile_ready`` says when a requested tile came.
    """

    tile_ready = Signal()
    unavailable = Signal(str)

    def __init__(
        self,
        cache_dir: Path | str,
        *,
        online: bool = True,
        url_template: str = OSM_TILE_URL,
        attribution: str = OSM_ATTRIBUTION,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cache_dir = Path(cache_dir)
        self.online = online
        self.url_template = url_template
        self.attribution = attribution
        self.failure = "" if online else "map tiles are turned off"
        self._memory: OrderedDict[tuple[int, int, int], QImage] = OrderedDict()
        self._queue: list[tuple[int, int, int]] = []
        self._active: dict[QNetworkReply, tuple[int, int, int]] = {}
        self._network: QNetworkAccessManager | None = None

    @property
    def available(self) -> bool:
        return not self.failure

    def path(self, z: int, x: int, y: int) -> Path:
        return self.cache_dir / str(z) / str(x) / f"{y}.png"

    def tile(self, z: int, x: int, y: int) -> QImage | None:
        key = (z, x % (1 << z), y)
        if key in self._memory:
            self._memory.move_to_end(key)
            return self._memory[key]
        path = self.path(*key)
        image = QImage(str(path)) if path.is_file() else None
        if image is not None and image.isNull():
            image = None
        if image is not None:
            self._remember(key, image)
        stale = image is None or time.time() - path.stat().st_mtime > FRESH_SECONDS
        if stale and self.online and not self.failure and 0 <= y < (1 << z):
            self._request(key)
        return image

    def cancel_pending(self) -> None:
        """Forget queued requests (the view moved on); requests under way finish."""
        self._queue.clear()

    def _remember(self, key: tuple[int, int, int], image: QImage) -> None:
        self._memory[key] = image
        while len(self._memory) > MEMORY_TILES:
            self._memory.popitem(last=False)

    def _request(self, key: tuple[int, int, int]) -> None:
        if key in self._queue or key in self._active.values():
            return
        self._queue.append(key)
        self._pump()

    def _pump(self) -> None:
        while self._queue and len(self._active) < MAX_CONNECTIONS and not self.failure:
            key = self._queue.pop()  # the newest request is the tile the curator looks at now
            if self._network is None:
                self._network = QNetworkAccessManager(self)
            z, x, y = key
            request = QNetworkRequest(QUrl(self.url_template.format(z=z, x=x, y=y)))
            request.setHeader(QNetworkRequest.KnownHeaders.UserAgentHeader, USER_AGENT)
            request.setTransferTimeout(15_000)
            reply = self._network.get(request)
            self._active[reply] = key
            reply.finished.connect(lambda reply=reply: self._finished(reply))

    def _finished(self, reply: QNetworkReply) -> None:
        key = self._active.pop(reply)
        reply.deleteLater()
        if reply.error() != QNetworkReply.NetworkError.NoError:
            if not self.failure:
                self.failure = f"map tiles unavailable ({reply.errorString()})"
                self._queue.clear()
                self.unavailable.emit(self.failure)
            return
        data = bytes(reply.readAll().data())
        image = QImage.fromData(data)
        if image.isNull():
            return
        self._save(key, data)
        self._remember(key, image)
        self.tile_ready.emit()
        self._pump()

    def _save(self, key: tuple[int, int, int], data: bytes) -> None:
        path = self.path(*key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # a read-only cache still shows what it has
        out = QSaveFile(str(path))
        if out.open(QSaveFile.OpenModeFlag.WriteOnly):
            out.write(data)
            out.commit()
