"""Thumbnails for the grid and previews: long edge 256 and 1024 px, orientation applied.

The import makes the grid's 256 px (``GRID_SIZE``) of a JPEG alone, decoded at the DCT scale
that covers it (1/8 of a 24 MP photo); the 1024 px preview (``PREVIEW_SIZE``, the large
thumbnail the cull view and the loupe show while an original is decoded) is made afterwards,
in the background, by ``ingest.previews`` (as Lightroom's minimal previews at import, standard
previews later). Both go through ``make_thumbnails``, which makes any sizes it is given:

An RGB or grey JPEG (or MPO, a camera JPEG followed by other images) is decoded by libvips
at the DCT scale that covers the largest size asked (1/2 to 1/8 of a 24 MP photo, never the
whole) and resampled with Lanczos 3 to it in the same streaming pass (``resample.decode_jpeg_scaled``,
as the export does); a smaller size is resampled from the larger (``resample.downscale``). Pillow
encodes them, and decodes and resizes every other format (and CMYK JPEGs). Files are written
under a temporary name and renamed, so a crash never leaves half a thumbnail.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

from PIL import Image, ImageDraw

from photoarchive.errors import ImageError
from photoarchive.files import atomic_write
from photoarchive.imaging.resample import decode_jpeg_scaled, downscale
from photoarchive.imaging.safe import apply_orientation, describe, open_image

GRID_SIZE = 256  # the grid's thumbnail: made by the import
PREVIEW_SIZE = 1024  # the large thumbnail, made after the import (``ingest.previews``)
THUMBNAIL_SIZES: tuple[int, ...] = (GRID_SIZE, PREVIEW_SIZE)
_QUALITY = 85


def make_thumbnails(
    source: Path | str | bytes, targets: dict[int, Path], orientation: int = 1, *, name: str | None = None
) -> tuple[int, int]:
    """Write one JPEG per long-edge size in ``targets``; return the source's pixel size.

    ``source`` is an image file, or bytes: a file's already in memory, or an embedded preview
    (RAW files); ``name`` names bytes in messages (default: an embedded preview). Raises
    ImageError when the pixels cannot be decoded (truncated, corrupt, too large).
    """
    image = open_image(source, name)
    full_size = image.size
    largest = max(targets)
    if image.format in ("JPEG", "MPO"):
        scaled = _decode_jpeg(image, source, largest)
        if scaled is not None:
            _write_scaled(apply_orientation(scaled, orientation), targets)
            return full_size
    try:
        if image.format == "JPEG":
            # draft() keeps both sides at or above the box it is given: ask for the size the
            # long edge needs (1024x683 for a 3:2 photo), not a square, or a 6000x4000 photo
            # is decoded at 1/2 scale instead of 1/4.
            scale = largest / max(full_size)
            image.draft("RGB", (math.ceil(full_size[0] * scale), math.ceil(full_size[1] * scale)))
        image.load()
        image = _to_rgb(image)
        image = apply_orientation(image, orientation)
        for index, size in enumerate(sorted(targets, reverse=True)):
            # After DCT scaling the largest size is less than 2x down: bicubic looks the same
            # as Lanczos there at half the cost. Smaller sizes are far down: Lanczos, after a
            # cheap box reduction (reducing_gap).
            resample = Image.Resampling.BICUBIC if index == 0 else Image.Resampling.LANCZOS
            image.thumbnail((size, size), resample, reducing_gap=2.0)
            _save_jpeg(image, targets[size])
    except (OSError, EOFError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ImageError(describe(error)) from error
    return full_size


def make_thumbnails_from_embedded(embedded: Iterable[bytes], targets: dict[int, Path], orientation: int = 1) -> None:
    """``make_thumbnails`` from the first of a RAW file's embedded previews (largest first) that
    decodes; ImageError saying why, when none does (the import and ``ingest.previews``)."""
    reason = "the file has no embedded preview"
    for data in embedded:
        try:
            make_thumbnails(data, targets, orientation)
            return
        except ImageError as error:
            reason = str(error)
    raise ImageError(reason)


def _decode_jpeg(image: Image.Image, source: Path | str | bytes, largest: int) -> Image.Image | None:
    """An RGB or grey JPEG decoded at the DCT scale ``draft`` chooses for ``largest`` px and
    resampled to it by libvips; None for the others (CMYK, no larger than ``largest``, damaged)."""
    width, height = image.size
    scale = largest / max(width, height)
    if scale >= 1:
        return None
    drafted = image.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
    if drafted is None or image.mode not in ("RGB", "L"):
        return None
    shrink = round(width / drafted[1][2])  # the box drafted is the source's size / the scale
    try:
        return decode_jpeg_scaled(
            source if isinstance(source, bytes) else str(source),
            shrink,
            image.mode,
            _fit_size((width, height), largest),
            fail_on="warning",
        )
    except ImageError:
        # Truncated or damaged (libvips decodes past some damage Pillow refuses, and warns):
        # Pillow decides, as it did before libvips, with the same reasons.
        return None


def _write_scaled(image: Image.Image, targets: dict[int, Path]) -> None:
    """Each size from the one above it (the largest is ``image``), Lanczos 3 by libvips."""
    try:
        for size in sorted(targets, reverse=True):
            image = downscale(image, _fit_size(image.size, size))
            _save_jpeg(image, targets[size])
    except (OSError, ValueError) as error:
        raise ImageError(describe(error)) from error


def _fit_size(size: tuple[int, int], long_edge: int) -> tuple[int, int]:
    """``size`` scaled to ``long_edge`` (when larger), each side rounded, at least 1 px."""
    scale = long_edge / max(size)
    return size if scale >= 1 else (max(1, round(size[0] * scale)), max(1, round(size[1] * scale)))


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGB", "L"):
        return image
    if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if image.mode == "I;16" or image.mode.startswith("I"):
        return image.point(lambda v: v / 256).convert("L")
    return image.convert("RGB")


def _save_jpeg(image: Image.Image, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    # A cache: never half a JPEG under the name, but not worth an fsync per file.
    atomic_write(target, lambda tmp: image.save(tmp, "JPEG", quality=_QUALITY, optimize=False), sync=False)


def make_placeholder(targets: dict[int, Path], label: str) -> None:
    """A grey thumbnail with a label, for a RAW file whose embedded preview is unusable."""
    for size, target in targets.items():
        image = Image.new("RGB", (size, size * 2 // 3), (96, 96, 96))
        draw = ImageDraw.Draw(image)
        draw.text((size // 12, size // 3 - size // 24), label[:40], fill=(235, 235, 235))
        _save_jpeg(image, target)
