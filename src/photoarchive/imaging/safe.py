"""Opening image files safely: a pixel limit against decompression bombs, HEIF support,
and every Pillow failure turned into an ImageError with a one-line reason."""

from __future__ import annotations

import warnings
from io import BytesIO
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from photoarchive.errors import ImageError

# 200 megapixels: more than any camera or scanner in an expedition archive makes (a 150 MP
# medium-format back, a 600 dpi A3 scan), far less than a decompression bomb asks for.
# Set explicitly rather than relying on Pillow's default, which only warns below twice it.
MAX_IMAGE_PIXELS = 200_000_000
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS

try:  # HEIC/HEIF photos from phones
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is a dependency; keep working without it
    pass

_SWAPS_AXES = {5, 6, 7, 8}


def open_image(source: Path | str | bytes, name: str | None = None) -> Image.Image:
    """Open an image lazily (header only), or raise ImageError saying why it cannot be used.
    ``name`` names bytes in messages (default: an embedded preview)."""
    name = name or ("embedded preview" if isinstance(source, bytes) else str(source))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(source) if isinstance(source, bytes) else source)
            _check_size(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageError(f"{name}: image is too large to open safely ({error})") from error
    except UnidentifiedImageError as error:
        raise ImageError(f"{name}: not an image (its content is not JPEG, TIFF, PNG, WebP or HEIC)") from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageError(f"{name}: cannot read image ({describe(error)})") from error
    return image


def _check_size(image: Image.Image) -> None:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise ImageError(f"image has no pixels ({width}x{height})")
    if width * height > MAX_IMAGE_PIXELS:
        raise Image.DecompressionBombError(
            f"{width}x{height} pixels, more than the limit of {MAX_IMAGE_PIXELS // 1_000_000} megapixels"
        )


def describe(error: BaseException) -> str:
    """A one-line, curator-readable reason for a Pillow decoding error."""
    text = str(error).strip() or type(error).__name__
    lowered = text.lower()
    if "truncated" in lowered or "premature end" in lowered or "broken data stream" in lowered:
        return "the image data is truncated: the file is incomplete or damaged"
    return text.splitlines()[0]


def oriented_size(size: tuple[int, int], orientation: int) -> tuple[int, int]:
    """Pixel size as displayed once the EXIF orientation is applied."""
    width, height = size
    return (height, width) if orientation in _SWAPS_AXES else (width, height)


def apply_orientation(image: Image.Image, orientation: int) -> Image.Image:
    """Turn and flip pixels as the EXIF orientation says (1 = as stored)."""
    method = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation)
    return image.transpose(method) if method is not None else image
