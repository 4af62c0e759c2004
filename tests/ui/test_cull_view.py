"""The culling view driven by keys: moving, decoding ahead, rating and flagging, zoom, Esc."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageOps
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QImage

from photoarchive.ui.culling import CullPhoto, cull_photos, edit_for_key
from photoarchive.ui.widgets.cull_view import CullView
from tests.conftest import write_photo


@pytest.fixture
def photos(tmp_path: Path) -> list[CullPhoto]:
    result = []
    for i in range(5):
        path = write_photo(tmp_path / f"IMG_{i:04d}.JPG", size=(600, 400), seed=i)
        result.append(CullPhoto(100 + i, path, path.name, 1, width=600, height=400))
    return result


def open_view(qtbot, photos: list[CullPhoto], current: int | None = None) -> CullView:
    view = CullView(photos, current)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    with qtbot.waitExposed(view):
        view.show()
    return view


def settle(qtbot, view) -> None:
    qtbot.waitUntil(lambda: view.cache.pending() == 0, timeout=10_000)


def pil(image: QImage) -> Image.Image:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(image.constBits())[: image.sizeInBytes()]
    return Image.frombytes("RGB", (image.width(), image.height()), data, "raw", "RGB", image.bytesPerLine())


def test_arrows_and_space_move_and_the_bar_says_where(qtbot, photos) -> None:
    view = open_view(qtbot, photos, current=photos[1].id)
    moves = []
    view.current_changed.connect(moves.append)
    assert "IMG_0001.JPG" in view.overlay.text() and "2 / 5" in view.overlay.text()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.current_id() == photos[3].id and "4 / 5" in view.overlay.text()
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_End)
    qtbot.keyClick(view, Qt.Key.Key_Right)  # stays on the last
    assert moves == [photos[3].id - 1, photos[3].id, photos[2].id, photos[4].id, photos[4].id]
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current_id() == photos[0].id and "1 / 5" in view.overlay.text()


def test_the_position_is_written_with_thousands_separators(qtbot, tmp_path: Path) -> None:
    path = write_photo(tmp_path / "one.jpg", size=(60, 40))
    many = [CullPhoto(i, path, f"IMG_{i}.JPG") for i in range(1500)]
    default = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))  # as the app sets it
    try:
        view = open_view(qtbot, many, current=11)
    finally:
        QLocale.setDefault(default)
    assert "12 / 1,500" in view.overlay.text()
    settle(qtbot, view)


def test_the_next_and_previous_photos_are_decoded_before_they_are_asked_for(qtbot, photos) -> None:
    view = open_view(qtbot, photos, current=photos[2].id)
    settle(qtbot, view)
    assert {photos[1].id, photos[2].id, photos[3].id} <= set(view.cache.cached_keys())
    assert not view.cache.is_cached(photos[4].id)  # a small prefetch, not the whole list
    qtbot.keyClick(view, Qt.Key.Key_Right)
    # Shown at full resolution at once, without waiting for anything.
    assert view.canvas.is_full() and view.canvas.pixmap.size().width() == 600
    assert view.cache.is_cached(photos[4].id) or view.cache.is_decoding(photos[4].id)
    settle(qtbot, view)
    assert view.cache.is_cached(photos[4].id)


def test_without_prefetch_only_the_shown_photo_is_decoded(qtbot, photos) -> None:
    view = CullView(photos, photos[2].id, ahead=0)  # the benchmark's reference
    qtbot.addWidget(view)
    settle(qtbot, view)
    assert view.cache.cached_keys() == [photos[2].id]
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert not view.canvas.is_full()  # asked for only now
    settle(qtbot, view)
    assert view.canvas.is_full()


def test_keys_ask_for_the_edits_and_the_bar_shows_them_once_made(qtbot, photos) -> None:
    view = open_view(qtbot, photos)
    edits = []
    view.selection_edited.connect(lambda ids, field, value: edits.append((ids, field, value)))
    for key in (Qt.Key.Key_3, Qt.Key.Key_0, Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8, Qt.Key.Key_9):
        qtbot.keyClick(view, key)
    for key in (Qt.Key.Key_P, Qt.Key.Key_X, Qt.Key.Key_U):
        qtbot.keyClick(view, key)
    first = [photos[0].id]
    assert edits == [
        (first, "rating", 3),
        (first, "rating", 0),
        (first, "rating", 5),
        (first, "label", "red"),
        (first, "label", "yellow"),
        (first, "label", "green"),
        (first, "label", "blue"),
        (first, "flag", "pick"),
        (first, "flag", "reject"),
        (first, "flag", ""),
    ]
    assert view.current_id() == photos[0].id  # no auto-advance unless asked
    assert "★" not in view.overlay.text()  # nothing shown until the window says the edit is made
    view.set_value(first, "rating", 4)
    view.set_value(first, "label", "red")
    view.set_value(first, "flag", "pick")
    text = view.overlay.text()
    assert "★★★★☆" in text and "Red" in text and "Pick" in text
    edits.clear()
    qtbot.keyClick(view, Qt.Key.Key_6)  # the label it has: taken off, as in Lightroom
    assert edits == [(first, "label", "")]
    view.set_value(first, "flag", "reject")
    assert "Reject" in view.overlay.text() and "Pick" not in view.overlay.text()
    view.set_value([photos[1].id], "rating", 2)  # another photo: this bar does not change
    assert "★★★★☆" in view.overlay.text()


def test_auto_advance_goes_to_the_next_photo_after_an_edit(qtbot, photos) -> None:
    view = open_view(qtbot, photos)
    edits = []
    view.selection_edited.connect(lambda ids, field, value: edits.append((ids, field, value)))
    assert not view.auto_advance.isChecked()
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert view.auto_advance.isChecked() and "Auto-advance" in view.overlay.text()
    qtbot.keyClick(view, Qt.Key.Key_4)
    qtbot.keyClick(view, Qt.Key.Key_X)
    assert edits == [([photos[0].id], "rating", 4), ([photos[1].id], "flag", "reject")]
    assert view.current_id() == photos[2].id
    qtbot.keyClick(view, Qt.Key.Key_CapsLock)  # Lightroom's key for it
    assert not view.auto_advance.isChecked()
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert view.current_id() == photos[2].id


def test_z_and_a_click_toggle_100_percent_at_the_point_clicked(qtbot, tmp_path: Path) -> None:
    path = write_photo(tmp_path / "big.jpg", size=(3000, 2000), seed=5)
    view = open_view(qtbot, [CullPhoto(1, path, path.name, 1, width=3000, height=2000)])
    settle(qtbot, view)
    canvas = view.canvas
    assert not canvas.actual_size and "Fitted" in view.overlay.text()
    qtbot.keyClick(view, Qt.Key.Key_Z)
    assert canvas.actual_size and "100 %" in view.overlay.text()
    assert abs(canvas.visible_centre().x() - 0.5) < 0.01 and abs(canvas.visible_centre().y() - 0.5) < 0.01
    assert canvas.image_rect().width() == 3000 / canvas.devicePixelRatioF()
    qtbot.keyClick(view, Qt.Key.Key_Z)
    assert not canvas.actual_size
    rect = canvas.image_rect()
    click = QPoint(int(rect.left() + rect.width() * 0.25), int(rect.top() + rect.height() * 0.75))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=click)
    assert canvas.actual_size
    centre = canvas.visible_centre()
    assert abs(centre.x() - 0.25) < 0.01 and abs(centre.y() - 0.75) < 0.01
    # What is under the middle of the view is that point of the photo, at one pixel per pixel.
    shown = canvas.grab().toImage()
    middle = shown.pixelColor(shown.width() // 2, shown.height() // 2)
    original = Image.open(path).convert("RGB").getpixel((750, 1500))
    assert all(abs(a - b) <= 12 for a, b in zip((middle.red(), middle.green(), middle.blue()), original, strict=True))


def test_a_photo_with_exif_orientation_is_shown_upright(qtbot, tmp_path: Path, samples: Path) -> None:
    turned = write_photo(tmp_path / "turned.jpg", size=(600, 400), seed=9, orientation=6)
    mwg = samples / "metadata" / "MWG.jpg"  # a real sample with orientation 6
    view = open_view(
        qtbot, [CullPhoto(1, turned, turned.name, None), CullPhoto(2, mwg, mwg.name, None)]
    )  # orientation None: read from the files
    settle(qtbot, view)
    for photo in view.photos:
        shown = pil(view.cache.pixmap(photo.id).toImage())
        upright = ImageOps.exif_transpose(Image.open(photo.path)).convert("RGB")
        assert shown.size == upright.size
        assert max(high for _low, high in ImageChops.difference(shown, upright).getextrema()) <= 2
    assert view.cache.pixmap(1).size().height() == 600  # portrait, as the camera was held


def test_escape_leaves_with_the_last_photo(qtbot, photos) -> None:
    view = open_view(qtbot, photos)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    with qtbot.waitSignal(view.left) as left:
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert left.args == [photos[2].id] and not view.isVisible()


def test_escape_does_not_wait_for_a_decode_in_flight(qtbot, photos, monkeypatch) -> None:
    import threading

    from photoarchive.ui import full_images

    release = threading.Event()
    original = full_images.read_full_image

    def slow(path: Path, orientation: int | None) -> QImage:
        release.wait(10)
        return original(path, orientation)

    monkeypatch.setattr(full_images, "read_full_image", slow)
    view = open_view(qtbot, photos)
    assert view.cache.is_decoding(photos[0].id)
    with qtbot.waitSignal(view.left):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible() and not release.is_set()  # left while the decode still runs
    release.set()
    qtbot.waitUntil(lambda: view.cache.pending() == 0, timeout=10_000)


def test_a_photo_that_cannot_be_decoded_says_why(qtbot, samples: Path, photos) -> None:
    bad = CullPhoto(7, samples / "malformed" / "not_an_image.jpg", "broken.jpg")
    view = open_view(qtbot, [bad, photos[0]])
    settle(qtbot, view)
    assert "broken.jpg cannot be shown" in view.canvas.message and "not an image" in view.canvas.message
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.canvas.is_full()


def test_the_preview_stands_in_until_the_original_arrives(qtbot, tmp_path: Path) -> None:
    original = write_photo(tmp_path / "o.jpg", size=(1200, 800), seed=4)
    preview = tmp_path / "preview.jpg"
    Image.open(original).resize((300, 200)).save(preview)
    view = CullView([CullPhoto(1, original, "o.jpg", 1, preview, 1200, 800)])
    qtbot.addWidget(view)
    # Before any decode has come back: the preview, drawn as large as the original will be.
    assert view.canvas.pixmap.width() == 300 and view.canvas.source_size.width() == 1200
    assert not view.canvas.is_full()
    settle(qtbot, view)
    assert view.canvas.is_full() and view.canvas.pixmap.width() == 1200


def test_the_grid_thumbnail_stands_in_while_the_preview_is_not_made(qtbot, tmp_path: Path) -> None:
    original = write_photo(tmp_path / "o.jpg", size=(1200, 800), seed=4)
    thumbnail = tmp_path / "256.jpg"
    Image.open(original).resize((256, 171)).save(thumbnail)
    photo = CullPhoto(1, original, "o.jpg", 1, tmp_path / "not made yet-1024.jpg", 1200, 800, thumbnail=thumbnail)
    view = CullView([photo])
    qtbot.addWidget(view)
    # The grid's thumbnail, drawn as large as the original, under "Reading…": no error.
    assert view.canvas.pixmap.width() == 256 and view.canvas.source_size.width() == 1200
    assert view.canvas.message.startswith("Reading o.jpg") and "cannot" not in view.canvas.message
    settle(qtbot, view)
    assert view.canvas.is_full()


def test_number_keys_map_as_in_lightroom() -> None:
    photo = CullPhoto(1, Path("x.jpg"), "x.jpg", label="green")
    assert edit_for_key(Qt.Key.Key_8, photo) == ("label", "")
    assert edit_for_key(Qt.Key.Key_9, photo) == ("label", "blue")
    assert edit_for_key(Qt.Key.Key_Q, photo) is None
    with pytest.raises(ValueError):
        photo.with_value("caption", "x")


def test_cull_photos_come_from_the_catalog_in_the_order_asked(sample_catalog) -> None:
    ids = [row[0] for row in sample_catalog.conn.execute("SELECT id FROM photos ORDER BY id DESC LIMIT 3")]
    photos = cull_photos(sample_catalog, ids)
    assert [p.id for p in photos] == ids
    for photo in photos:
        record = sample_catalog.photo(photo.id)
        assert photo.path == sample_catalog.original_file(record) and photo.path.is_file()
        assert photo.name == record.original_name and photo.orientation == record.orientation
        # The preview is made after the import (ingest.previews); the grid's thumbnail stands in.
        assert photo.preview == sample_catalog.thumbnail_file(record, 1024)
        assert photo.thumbnail is not None and photo.thumbnail.is_file()
        assert (photo.width, photo.height) == (record.width, record.height)
