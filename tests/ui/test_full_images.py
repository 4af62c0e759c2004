"""FullImageCache: decodes what is wanted in order, off the GUI thread, within its byte budget."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from photoarchive.ui.full_images import FullImageCache, ImageRequest, read_full_image
from tests.conftest import write_photo

BYTES_300x200 = 300 * 200 * 4


def requests(tmp_path: Path, count: int) -> list[ImageRequest]:
    return [ImageRequest(i, write_photo(tmp_path / f"p{i}.jpg", size=(300, 200), seed=i), None) for i in range(count)]


def test_read_full_image_is_upright_and_opaque(tmp_path: Path) -> None:
    path = write_photo(tmp_path / "r.jpg", size=(300, 200), seed=2, orientation=6)
    image = read_full_image(path, None)
    assert (image.width(), image.height()) == (200, 300)
    assert image.format() in (QImage.Format.Format_RGB32, QImage.Format.Format_RGBX8888)
    assert image.pixelColor(5, 150).alpha() == 255


def test_wanted_photos_are_decoded_off_the_gui_thread(qtbot, tmp_path: Path) -> None:
    # Thread idents, not QThread wrappers: a pool thread's QThread is deleted by Qt when it
    # expires, and a Python wrapper kept past that is handed out by Shiboken for whatever object
    # Qt next makes at the same address (a scroll bar came back as a QThread in a later test).
    threads: list[int] = []

    def reader(path: Path, orientation: int | None) -> QImage:
        threads.append(threading.get_ident())
        return read_full_image(path, orientation)

    cache = FullImageCache(reader=reader)
    wanted = requests(tmp_path, 3)
    with qtbot.waitSignals([cache.loaded] * 3, timeout=10_000):
        cache.want(wanted)
    assert sorted(cache.cached_keys()) == [0, 1, 2] and cache.pending() == 0
    assert cache.pixmap(1) is not None and cache.pixmap(1).size().width() == 300
    assert threads and threading.main_thread().ident not in threads
    cache.shutdown()


def test_the_budget_evicts_the_least_recent_that_are_not_wanted(qtbot, tmp_path: Path) -> None:
    cache = FullImageCache(max_bytes=2 * BYTES_300x200, threads=1)
    photos = requests(tmp_path, 4)
    for request in photos:
        cache.want([request])
        qtbot.waitUntil(lambda r=request: cache.is_cached(r.key), timeout=10_000)
    assert cache.cached_keys() == [2, 3] and cache.cached_bytes() == 2 * BYTES_300x200
    # Three wanted at once over a budget of two: all three are kept while wanted...
    cache.want(photos[:3])
    qtbot.waitUntil(lambda: cache.pending() == 0, timeout=10_000)
    assert set(cache.cached_keys()) == {0, 1, 2}
    # ... and the next decode makes room by dropping the ones no longer wanted.
    cache.want([photos[3]])
    qtbot.waitUntil(lambda: cache.is_cached(3), timeout=10_000)
    assert len(cache.cached_keys()) == 2 and cache.cached_bytes() <= cache.max_bytes
    cache.shutdown()


def test_requests_no_longer_wanted_are_not_decoded(qtbot, tmp_path: Path) -> None:
    release = threading.Event()
    decoded: list[Path] = []

    def reader(path: Path, orientation: int | None) -> QImage:
        release.wait(10)
        decoded.append(path)
        return read_full_image(path, orientation)

    cache = FullImageCache(threads=1, reader=reader)
    photos = requests(tmp_path, 4)
    cache.want(photos[:3])  # the first starts (and waits), the two others queue
    assert cache.is_decoding(0) and not cache.is_decoding(1)
    cache.want([photos[3]])  # the curator has moved on
    release.set()
    qtbot.waitUntil(lambda: cache.is_cached(3), timeout=10_000)
    assert [p.name for p in decoded] == ["p0.jpg", "p3.jpg"]
    cache.shutdown()


def test_a_file_that_cannot_be_decoded_is_reported_once(qtbot, tmp_path: Path, samples: Path) -> None:
    cache = FullImageCache()
    bad = ImageRequest(9, samples / "malformed" / "not_an_image.jpg", None)
    with qtbot.waitSignal(cache.failed, timeout=10_000) as failed:
        cache.want([bad])
    assert failed.args[0] == 9 and "not an image" in failed.args[1]
    assert cache.error(9) == failed.args[1] and not cache.is_cached(9)
    cache.want([bad])  # not tried again
    assert cache.pending() == 0
    cache.shutdown()


def test_each_photo_is_also_scaled_to_the_fit_size_off_the_gui_thread(qtbot, tmp_path: Path) -> None:
    cache = FullImageCache()
    cache.set_fit_size(QSize(150, 150))
    photo = requests(tmp_path, 1)[0]
    with qtbot.waitSignal(cache.loaded, timeout=10_000):
        cache.want([photo])
    fitted = cache.fitted(photo.key)
    assert fitted is not None and (fitted.width(), fitted.height()) == (150, 100)
    assert cache.cached_bytes() == BYTES_300x200 + 150 * 100 * 4
    cache.set_fit_size(QSize(400, 400))  # not larger than the photo: nothing to scale
    other = ImageRequest(5, photo.path, None)
    with qtbot.waitSignal(cache.loaded, timeout=10_000):
        cache.want([other])
    assert cache.fitted(5) is None
    cache.shutdown()


def test_closing_does_not_wait_for_a_decode_and_drops_it(qtbot, tmp_path: Path) -> None:
    release = threading.Event()

    def reader(path: Path, orientation: int | None) -> QImage:
        release.wait(10)
        return read_full_image(path, orientation)

    cache = FullImageCache(reader=reader)
    loaded = []
    cache.loaded.connect(loaded.append)
    photo = requests(tmp_path, 1)[0]
    cache.want([photo])
    cache.shutdown(wait=False)  # returns while the decode is still blocked
    assert cache.is_decoding(photo.key) and not release.is_set()
    release.set()
    qtbot.waitUntil(lambda: not cache.is_decoding(photo.key), timeout=10_000)
    assert loaded == [] and not cache.is_cached(photo.key)
