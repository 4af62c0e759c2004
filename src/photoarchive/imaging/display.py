"""Decoding an original whole, for the screen: every pixel, upright, in sRGB.

The culling and compare views show photos at full resolution (100 % is one pixel of the
original per pixel of the screen). ``decode_full`` opens the file safely (the pixel limit,
HEIC), applies the EXIF orientation, converts through an embedded colour profile to sRGB
(as exports do, so a photo looks the same here as in what is published) and returns the
pixels as plain bytes with their layout, for the GUI to wrap in an image of its own.
Pure and picklable: it runs in a thread or a process pool and raises only ImageError.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from photoarchive.errors import ImageError
from photoarchive.imaging.derivatives import to_srgb
from photoarchive.imaging.safe import apply_orientation, describe, open_image

_ORIENTATION_TAG = 0x0112
# The byte orders a GUI toolkit wants: 4 bytes a pixel, opaque (alpha 255), red first or blue
# first. "BGRA" is Qt's RGB32 on a little-endian machine: painted without a conversion.
LAYOUTS = ("RGBA", "BGRA", "RGB")


@dataclass(frozen=True)
class DecodedImage:
    """Pixels of a photo as shown: ``width`` x ``height``, rows top to bottom, ``layout`` order."""

    width: int
    height: int
    layout: str
    data: bytes

    @property
    def bytes_per_line(self) -> int:
        return self.width * len(self.layout)


def decode_full(path: Path | str, orientation: int | None = None, *, layout: str = "RGBA") -> DecodedImage:
    """Every pixel of the image at ``path``, upright and in sRGB, as ``layout`` bytes.

    ``orientation`` is the EXIF orientation the catalog holds for the photo; None reads it from
    the file. Raises ImageError when the file cannot be opened or decoded.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    image = open_image(path)
    try:
        if orientation is None:
            orientation = _file_orientation(image)
        image.load()
        rgb = to_srgb(image)
        upright = apply_orientation(rgb, orientation)
        if len(layout) == 4:  # Pillow pads RGB with a 0 byte for "BGRX": alpha made 255 here
            upright = upright.convert("RGBA")
        data = upright.tobytes("raw", layout)
    except (OSError, EOFError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ImageError(f"{path}: cannot decode image ({describe(error)})") from error
    return DecodedImage(upright.width, upright.height, layout, data)


def _file_orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(_ORIENTATION_TAG, 1)
    except (OSError, SyntaxError, ValueError, TypeError):  # a damaged EXIF block: show it as stored
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1
