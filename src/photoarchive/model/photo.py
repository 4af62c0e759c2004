"""A photo in the archive, and the technical metadata read from its file on import."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TechnicalMetadata:
    """What the camera recorded: read once on import, never edited by the curator.

    ``captured_at`` is ISO 8601 text, with its UTC offset when the camera gave one
    (EXIF OffsetTimeOriginal) and without one otherwise ("local time of the camera").
    ``orientation`` is the EXIF orientation (1 to 8; 1 when absent). The exposure:
    ``exposure_time`` as EXIF gives it ("1/250"), ``f_number``, ``iso``, ``focal_length`` in
    millimetres; None when the file does not say.
    """

    captured_at: str | None = None
    camera_make: str | None = None
    camera_model: str | None = None
    orientation: int = 1
    latitude: float | None = None
    longitude: float | None = None
    altitude: float | None = None
    lens: str | None = None
    exposure_time: str | None = None
    f_number: float | None = None
    iso: int | None = None
    focal_length: float | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Photo:
    """One original in the archive, as the catalog records it.

    ``original_path`` is relative to the archive's ``originals/`` folder; ``width`` and
    ``height`` are the pixel size as displayed, after the EXIF orientation is applied.
    """

    id: int
    sha256: str
    original_path: str
    original_name: str
    source_path: str
    size: int
    format: str
    width: int | None
    height: int | None
    orientation: int
    captured_at: str | None
    camera_make: str | None
    camera_model: str | None
    latitude: float | None
    longitude: float | None
    altitude: float | None
    batch_id: int | None
    imported_at: str
    warnings: list[str] = field(default_factory=list)
    # Read at import since 0010_exposure; None for photos imported before, or files without them.
    lens: str | None = None
    exposure_time: str | None = None
    f_number: float | None = None
    iso: int | None = None
    focal_length: float | None = None
