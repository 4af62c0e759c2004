"""The application's icons, loaded from the package's resources (importlib.resources)."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF


def app_icon() -> QIcon:
    """The Photo Archive icon (SVG, with a PNG for platforms without the SVG plugin)."""
    icon = QIcon()
    folder = resources.files("photoarchive") / "resources" / "icons"
    for name in ("photoarchive.svg", "photoarchive-256.png"):
        entry = folder / name
        if entry.is_file():
            with resources.as_file(entry) as path:
                icon.addFile(str(path))
    return icon


def smart_collection_icon(size: int = 32) -> QIcon:
    """A funnel: a collection whose filter chooses its photos (drawn, so it needs no theme)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#2b5fa8"))
    painter.setBrush(QColor("#5b8fd8"))
    s = size / 32
    funnel = [(3, 5), (29, 5), (19, 17), (19, 28), (13, 25), (13, 17)]
    painter.drawPolygon(QPolygonF([QPointF(x * s, y * s) for x, y in funnel]))
    painter.end()
    return QIcon(pixmap)
