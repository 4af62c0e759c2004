"""The loupe: fitted or at 100 % (keys and double-click), where it is and the keys, in words."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from tests.ui.conftest import ids_by_name


def test_zoom_to_100_percent_is_centred_and_said(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    window.open_loupe(names["SHU15_0150.jpg"])
    loupe = window.loupe
    qtbot.addWidget(loupe)
    loupe.resize(900, 700)
    qtbot.waitUntil(lambda: loupe.windowHandle().isExposed())  # shown by the window
    qtbot.waitUntil(lambda: loupe.current_id() in loupe._full, timeout=10_000)  # the original, decoded
    assert "Fitted" in loupe.info.text() and f"of {window.grid_model.rowCount()}" in loupe.info.text()
    qtbot.keyClick(loupe, Qt.Key.Key_Z)
    assert loupe.view.actual_size and " 100 % ·" in loupe.info.text()
    bar = loupe.view.horizontalScrollBar()
    assert bar.maximum() > 0 and abs(bar.value() - bar.maximum() / 2) <= 2  # the middle, not the corner
    loupe.toggle_actual_size()
    assert not loupe.view.actual_size
    loupe.toggle_actual_size(QPointF(1.0, 1.0))  # a double-click in the bottom right corner
    assert bar.value() == bar.maximum()
    assert loupe.view.verticalScrollBar().value() == loupe.view.verticalScrollBar().maximum()
    qtbot.mouseDClick(loupe.view.viewport(), Qt.MouseButton.LeftButton)
    assert not loupe.view.actual_size
    qtbot.keyClick(loupe, Qt.Key.Key_Right)
    assert window.selected_ids() == [loupe.current_id()] and loupe.current_id() != names["SHU15_0150.jpg"]


def test_a_photo_without_caption_or_credit_says_so(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    window.open_loupe(names["SHU15_0158.jpg"])  # the sample photo with no creator or credit
    qtbot.addWidget(window.loupe)
    assert window.loupe.credit.text() == "(no creator or credit yet)"


def test_an_original_decoded_after_the_window_closed_reaches_nothing(qtbot, window) -> None:
    """The original is decoded in a worker: when it comes after the window (and the loupe) have
    closed, and the catalog with them, it is dropped (it read the closed catalog)."""
    from PySide6.QtGui import QImage

    names = ids_by_name(window.catalog)
    window.open_loupe(names["SHU15_0150.jpg"])
    loupe = window.loupe
    qtbot.addWidget(loupe)
    photo = loupe.current_id()
    window.close()
    window.catalog.close()
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0)
    loupe._worker.signals.finished.emit(image)  # the report of the decoding, late
    assert photo not in loupe._full


REGION = {
    "Iptc4xmpExt:Name": {"x-default": "Gun"},
    "Iptc4xmpExt:rId": "gun1",
    "Iptc4xmpExt:RegionBoundary": {
        "Iptc4xmpExt:rbShape": "rectangle",
        "Iptc4xmpExt:rbUnit": "relative",
        "Iptc4xmpExt:rbX": "0.25",
        "Iptc4xmpExt:rbY": "0.25",
        "Iptc4xmpExt:rbW": "0.5",
        "Iptc4xmpExt:rbH": "0.5",
    },
}


def test_image_regions_are_drawn_over_the_photo_with_their_names(qtbot, window) -> None:
    from photoarchive.ui.undo import PhotoEdits
    from photoarchive.ui.widgets.regions import REGION_COLOUR

    photo = ids_by_name(window.catalog)["SHU15_0150.jpg"]
    PhotoEdits(window.catalog).apply([photo], {"image_regions": [REGION]}, "a region")
    window.open_loupe(photo)
    loupe = window.loupe
    qtbot.addWidget(loupe)
    loupe.resize(900, 700)
    qtbot.waitUntil(lambda: loupe.windowHandle().isExposed())  # shown by the window
    qtbot.waitUntil(lambda: loupe.current_id() in loupe._full, timeout=10_000)  # drawn over the original too

    def shown():
        return loupe.view.label.pixmap().toImage()

    def yellow(image, x: float, y: float) -> bool:
        colour = image.pixelColor(int(x * (image.width() - 1)), int(y * (image.height() - 1)))
        return abs(colour.red() - REGION_COLOUR.red()) < 40 and abs(colour.green() - REGION_COLOUR.green()) < 40 \
            and colour.blue() < 90  # fmt: skip

    image = shown()
    # The rectangle's left edge, half-way down, is drawn; the photo inside and outside is not.
    assert yellow(image, 0.25, 0.5) and yellow(image, 0.75, 0.6)
    assert not yellow(image, 0.5, 0.5) and not yellow(image, 0.1, 0.9)
    assert "R: image regions (1)" in loupe.info.text()
    qtbot.keyClick(loupe, Qt.Key.Key_R)  # hidden
    assert not loupe.view.show_regions
    assert not yellow(shown(), 0.25, 0.5)


def test_region_shapes_in_pixels_and_circles_relative_to_the_width() -> None:
    from photoarchive.ui.widgets.regions import region_shapes

    polygon = {
        "Iptc4xmpExt:rId": "p",
        "Iptc4xmpExt:RegionBoundary": {
            "Iptc4xmpExt:rbShape": "polygon",
            "Iptc4xmpExt:rbUnit": "pixel",
            "Iptc4xmpExt:rbVertices": [
                {"Iptc4xmpExt:rbX": "100", "Iptc4xmpExt:rbY": "50"},
                {"Iptc4xmpExt:rbX": "300", "Iptc4xmpExt:rbY": "50"},
                {"Iptc4xmpExt:rbX": "200", "Iptc4xmpExt:rbY": "150"},
            ],
        },
    }
    circle = {
        "Iptc4xmpExt:RegionBoundary": {
            "Iptc4xmpExt:rbShape": "circle",
            "Iptc4xmpExt:rbUnit": "relative",
            "Iptc4xmpExt:rbX": "0.5",
            "Iptc4xmpExt:rbY": "0.5",
            "Iptc4xmpExt:rbRx": "0.1",
        },
        "Iptc4xmpExt:Name": {"x-default": "Face"},
    }
    broken = {"Iptc4xmpExt:RegionBoundary": {"Iptc4xmpExt:rbShape": "rectangle", "Iptc4xmpExt:rbX": "x"}}
    shapes = region_shapes([polygon, circle, broken], 400, 200)
    assert [(s.name, s.shape) for s in shapes] == [("p", "polygon"), ("Face", "circle")]
    assert shapes[0].points == ((0.25, 0.25), (0.75, 0.25), (0.5, 0.75))
    assert shapes[1].points == ((0.5, 0.5), (0.6, 0.7))  # the radius is 0.1 of the width: 0.2 of the height
    assert region_shapes([polygon], None, None) == []  # pixels without the photo's size


def test_the_grid_thumbnail_stands_in_fitted_while_the_preview_is_not_made(qtbot, window) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPixmap

    from photoarchive.ui.widgets.loupe import ImageView

    names = ids_by_name(window.catalog)
    photo = window.catalog.photo(names["SHU15_0150.jpg"])
    window.catalog.thumbnail_file(photo, 1024).unlink()  # not made yet (ui.previews)
    window.open_loupe(photo.id)
    loupe = window.loupe
    qtbot.addWidget(loupe)
    assert loupe.view.pixmap.width() == 256  # the grid's, before the original is decoded
    assert loupe.view.stands_for == QSize(photo.width, photo.height)

    # Fitted as the original will be: a 256 px stand-in is scaled up, an original never is.
    view = ImageView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitUntil(lambda: view.viewport().width() > 700)
    view.set_pixmap(QPixmap(QSize(256, 171)), QSize(3000, 2000))
    shown = view.label.pixmap()
    assert shown.width() > 700 or shown.height() > 500
    assert abs(shown.width() / shown.height() - 1.5) < 0.02
    view.set_pixmap(QPixmap(QSize(256, 171)))
    assert view.label.pixmap().size() == QSize(256, 171)
