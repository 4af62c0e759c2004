"""Pixels through Pillow (safe opening, orientation, thumbnails, derivatives), resampled for
exports by libvips (``resample``).

Functions here are pure and picklable: they take paths and options and return a status or
raise ImageError, so that they run in a process pool.
"""

from __future__ import annotations

from photoarchive.imaging.safe import MAX_IMAGE_PIXELS, open_image, oriented_size
from photoarchive.imaging.thumbnails import GRID_SIZE, PREVIEW_SIZE, THUMBNAIL_SIZES, make_placeholder, make_thumbnails

__all__ = [
    "GRID_SIZE",
    "MAX_IMAGE_PIXELS",
    "PREVIEW_SIZE",
    "THUMBNAIL_SIZES",
    "make_placeholder",
    "make_thumbnails",
    "open_image",
    "oriented_size",
]
