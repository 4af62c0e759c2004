"""The photo's own facts, as the editor's Info section and the loupe's info panel show them.

What the camera and the import recorded, never edited: capture date and time zone, camera,
lens, exposure, pixel size, file size and format, where the original is in the archive and
where it came from, the import batch and its date, the SHA-256. A fact the catalog does not
hold (a photo imported before lenses were read, a file without EXIF) is left out.
``photo_facts`` gives them as (label, value) pairs; ``PhotoInfo`` shows them as selectable text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent, QTextOption
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit, QWidget

from photoarchive.catalog import Catalog
from photoarchive.errors import NotFoundError
from photoarchive.model import Photo

translate = QCoreApplication.translate  # with the context named, so lupdate files each string under it


def capture_text(captured_at: str | None) -> str:
    """``2015-08-10 09:00:00, UTC+11:00``, or with "time zone unknown" when the camera gave none."""
    if not captured_at:
        return ""
    day, _, rest = captured_at.partition("T")
    if not rest:
        return day
    time, offset = rest[:8], rest[8:]
    if offset in ("Z", "+00:00"):
        zone = "UTC"
    elif offset:
        zone = f"UTC{offset}"
    else:
        zone = translate("PhotoInfo", "time zone unknown (the camera's clock)")
    return f"{day} {time}, {zone}"


def file_size_text(size: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return translate("PhotoInfo", "{n} bytes").format(n=size)


def exposure_text(photo: Photo) -> str:
    parts = []
    if photo.exposure_time:
        parts.append(f"{photo.exposure_time} s")
    if photo.f_number:
        parts.append(f"f/{photo.f_number:g}")
    if photo.iso:
        parts.append(f"ISO {photo.iso}")
    if photo.focal_length:
        parts.append(f"{photo.focal_length:g} mm")
    return " · ".join(parts)


def camera_text(photo: Photo) -> str:
    make, model = (photo.camera_make or "").strip(), (photo.camera_model or "").strip()
    if make and model.lower().startswith(make.split()[0].lower()):
        return model  # "Canon EOS 5D" rather than "Canon Canon EOS 5D"
    return " ".join(p for p in (make, model) if p)


def photo_facts(catalog: Catalog, photo: Photo) -> list[tuple[str, str]]:
    """The facts of one photo that are known, as (label, value), in the order shown."""
    batch = ""
    if photo.batch_id is not None:
        try:
            started = catalog.batch(photo.batch_id).started_at
        except NotFoundError:
            started = photo.imported_at
        batch = translate("PhotoInfo", "batch {id}, {date}").format(
            id=photo.batch_id, date=started[:16].replace("T", " ")
        )
    size = f"{photo.width} × {photo.height} px" if photo.width and photo.height else ""
    facts = [
        (translate("PhotoInfo", "Captured"), capture_text(photo.captured_at)),
        (translate("PhotoInfo", "Camera"), camera_text(photo)),
        (translate("PhotoInfo", "Lens"), photo.lens or ""),
        (translate("PhotoInfo", "Exposure"), exposure_text(photo)),
        (translate("PhotoInfo", "Size"), size),
        (translate("PhotoInfo", "File"), f"{file_size_text(photo.size)} · {photo.format}"),
        (translate("PhotoInfo", "In the archive"), f"originals/{photo.original_path}"),
        (translate("PhotoInfo", "Imported from"), photo.source_path),
        (translate("PhotoInfo", "Import"), batch or photo.imported_at[:16].replace("T", " ")),
        ("SHA-256", photo.sha256),
    ]
    return [(label, value) for label, value in facts if value]


def facts_html(facts: Sequence[tuple[str, str]]) -> str:
    rows = "".join(
        f"<tr><td style='padding-right:8px; color:palette(placeholder-text)'>{html.escape(label)}</td>"
        f"<td>{html.escape(value)}</td></tr>"
        for label, value in facts
    )
    return f"<table>{rows}</table>"


class PhotoInfo(QTextEdit):
    """The facts of one photo as selectable text (``show_photos``: for several, how many).

    Read-only text rather than a label: a SHA-256 or a long path breaks anywhere to fit a narrow
    panel (a label would widen the panel), and the box is as tall as its text."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.facts: list[tuple[str, str]] = []

    def text(self) -> str:
        return self.toPlainText()

    def _set_html(self, text: str) -> None:
        self.setHtml(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As tall as the text at the current width."""
        document = self.document()
        document.setTextWidth(self.viewport().width())
        height = int(document.size().height()) + 2 * self.frameWidth() + 2
        if height != self.height():
            self.setFixedHeight(height)

    def show_photos(self, photo_ids: Sequence[int]) -> None:
        if len(photo_ids) != 1:
            self.facts = []
            self._set_html(
                html.escape(translate("PhotoInfo", "Select one photo to see its facts."))
                if photo_ids
                else html.escape(translate("PhotoInfo", "No photo"))
            )
            return
        try:
            photo = self.catalog.photo(photo_ids[0])
        except NotFoundError:  # removed meanwhile (another window, the command line)
            self.facts = []
            self._set_html("")
            return
        self.facts = photo_facts(self.catalog, photo)
        self._set_html(facts_html(self.facts))

    def plain_text(self) -> str:
        """The facts as lines of text (what a curator copies)."""
        return "\n".join(f"{label}: {value}" for label, value in self.facts)
