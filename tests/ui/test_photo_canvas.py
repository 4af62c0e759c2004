"""PhotoCanvas: fitted or at 100 %, and the pre-scaled pixmap used when it is the size needed."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QColor, QPixmap

from photoarchive.ui.widgets.photo_canvas import PhotoCanvas


def filled(width: int, height: int, colour: str) -> QPixmap:
    pixmap = QPixmap(width, height)
    pixmap.fill(QColor(colour))
    return pixmap


def test_a_fitted_pixmap_of_the_right_size_is_drawn_instead_of_scaling(qtbot) -> None:
    canvas = PhotoCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(400, 300)
    with qtbot.waitExposed(canvas):
        canvas.show()
    sizes = []
    canvas.resized.connect(sizes.append)
    canvas.resize(300, 200)
    assert sizes == [QSize(300, 200) * canvas.devicePixelRatioF()]
    big = filled(3000, 2000, "#0000ff")
    # Qt's rounding of the same fit may differ by a pixel: still used.
    canvas.set_pixmap(big, fitted=filled(299, 200, "#ff0000"))
    image = canvas.grab().toImage()
    assert image.pixelColor(150, 100) == QColor("#ff0000")
    canvas.set_pixmap(big, fitted=filled(100, 66, "#ff0000"))  # made for another size: not used
    assert canvas.grab().toImage().pixelColor(150, 100) == QColor("#0000ff")
    canvas.set_zoom(True, QPointF(0.5, 0.5))  # at 100 % the original itself
    canvas.set_pixmap(big, fitted=filled(300, 200, "#ff0000"))
    assert canvas.grab().toImage().pixelColor(150, 100) == QColor("#0000ff")


def test_an_image_smaller_than_the_view_is_not_enlarged(qtbot) -> None:
    canvas = PhotoCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(400, 300)
    canvas.set_pixmap(filled(100, 50, "#00ff00"))
    rect = canvas.image_rect()
    assert rect.width() == 100 / canvas.devicePixelRatioF() and rect.center().x() == 200
    canvas.set_zoom(True, QPointF(0.0, 0.0))  # at 100 % a small image stays centred
    assert canvas.image_rect().center().x() == 200
    canvas.set_pixmap(None, message="Reading x.jpg…")
    assert canvas.pixmap.isNull() and not canvas.is_full() and canvas.message.startswith("Reading")
    assert canvas.grab().toImage().pixelColor(5, 5) == QColor("#161616")
