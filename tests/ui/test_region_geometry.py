"""The loupe's image regions in pixel units: ``region_shapes`` turns pixels of the photo into
0..1 of the image, and ``draw_regions`` puts them where they are on a pixmap of any size; and the
editor's line of a region (``region_line``) in the interface's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QApplication

from photoarchive.model.structured import REGION_WORDS
from photoarchive.ui.translations import install_translations
from photoarchive.ui.widgets.regions import REGION_COLOUR, draw_regions, region_line, region_shapes, region_words


def _boundary(**members: object) -> dict:
    return {"Iptc4xmpExt:RegionBoundary": {f"Iptc4xmpExt:{k}": v for k, v in members.items()}}


# As the photo of tests/metadata/test_region_pixels.py (400 x 200) holds them, read by the model.
RECTANGLE = {**_boundary(rbShape="rectangle", rbUnit="pixel", rbX="120", rbY="40", rbW="200", rbH="100"),
             "Iptc4xmpExt:Name": {"x-default": "Listener"}}  # fmt: skip
CIRCLE = _boundary(rbShape="circle", rbUnit="pixel", rbX="300", rbY="100", rbRx="50")
POLYGON = _boundary(rbShape="polygon", rbUnit="pixel",
                    rbVertices=[{"Iptc4xmpExt:rbX": x, "Iptc4xmpExt:rbY": y}
                                for x, y in (("10", "10"), ("100", "10"), ("50", "150"))])  # fmt: skip


def _flat(points: tuple[tuple[float, float], ...]) -> list[float]:
    return [c for point in points for c in point]


def test_pixel_units_are_divided_by_the_photos_size() -> None:
    rectangle, circle, polygon = region_shapes([RECTANGLE, CIRCLE, POLYGON], 400, 200)
    assert rectangle.name == "Listener"
    assert _flat(rectangle.points) == pytest.approx(_flat(((0.3, 0.2), (0.8, 0.7))))
    # A pixel radius is as many pixels across as down: 50 / 400 of the width, 50 / 200 of the height.
    assert _flat(circle.points) == pytest.approx(_flat(((0.75, 0.5), (0.875, 0.75))))
    assert _flat(polygon.points) == pytest.approx(_flat(((0.025, 0.05), (0.25, 0.05), (0.125, 0.75))))
    assert region_shapes([RECTANGLE], None, None) == []  # no size: not drawn rather than drawn wrong


@pytest.mark.parametrize("scale", [1.0, 0.5])
def test_pixel_regions_are_drawn_at_their_place_on_the_pixmap(qtbot, scale: float) -> None:
    image = QImage(int(400 * scale), int(200 * scale), QImage.Format.Format_RGB32)
    image.fill(QColor(20, 60, 120))
    drawn = draw_regions(QPixmap.fromImage(image), region_shapes([RECTANGLE, CIRCLE], 400, 200)).toImage()

    def region_colour(x: float, y: float) -> bool:  # in pixels of the 400 x 200 photo
        colour = drawn.pixelColor(round(x * scale), round(y * scale))
        return abs(colour.red() - REGION_COLOUR.red()) < 40 and abs(colour.green() - REGION_COLOUR.green()) < 40

    assert region_colour(120, 120) and region_colour(320, 100)  # the rectangle's left and right edges
    assert region_colour(300, 150) and region_colour(250, 100)  # the circle's bottom and left
    assert not region_colour(200, 100) and not region_colour(60, 180) and not region_colour(300, 100)


WITH_ROLES = {**RECTANGLE, "Iptc4xmpExt:rRole": [{"Iptc4xmpExt:Name": {"x-default": "subject area"}}],
              "Iptc4xmpExt:PersonInImage": ["Ivanov"]}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", '"Listener": rectangle x=120 y=40 w=200 h=100 (pixel); roles: subject area; persons: Ivanov'),
        ("ru", '"Listener": прямоугольник x=120 y=40 w=200 h=100 (пиксели); роли: subject area; люди: Ivanov'),
        ("ja", '"Listener": 長方形 x=120 y=40 w=200 h=100 (ピクセル); 役割: subject area; 人物: Ivanov'),
    ],
)
def test_the_region_line_in_the_interfaces_language(qapp, language: str, expected: str) -> None:
    assert set(region_words()) == set(REGION_WORDS)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app, QLocale(language))
    try:
        assert region_line(WITH_ROLES) == expected
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        install_translations(app, QLocale(QLocale.Language.English))
