"""The application's icons, loaded from the package's resources (importlib.resources)."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon


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
