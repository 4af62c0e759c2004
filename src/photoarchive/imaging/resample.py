"""Scaling for derivatives, through libvips: the one resampler of the imaging package.

libvips (pyvips, whose ``pyvips-binary`` wheel bundles libvips) does the work between an
original and the first rendition: ``decode_jpeg_scaled`` decodes a JPEG at a DCT scale
(shrink-on-load) and resamples it with Lanczos 3 in one streaming pass, so the half-size
decode of a 24 MP photo (18 MB) is never held whole; ``downscale`` resamples Pillow pixels
the same way (the smaller renditions, and formats that Pillow decodes). Pillow keeps the
rest: safe opening (its header checks and pixel limit), the other formats, colour
management, orientation, drawing, and the encode (its EXIF and ICC writing, byte for byte).

Measured on the benchmark's 24 MP photos, to 1600 px, CPU time per photo
(``bench/export_stages.py``; libvips 8.18, Pillow 13):

- resampling the half-size decode: Pillow's bicubic 58 ms, 51.0 dB PSNR from a full decode
  resized with Pillow's Lanczos; libvips' Lanczos 3 15 ms, 52.0 dB (sharper, nearly 4x
  quicker); Pillow's cheaper filters 36 ms at 46-48 dB, visibly softer;
- decode, resample and progressive encode of the 1600 px image: Pillow for all 117 ms,
  Pillow with libvips resampling 117 ms too (handing 18 MB over costs what was saved),
  libvips decode + resample streaming into Pillow's encoder 92 ms, libvips' own
  ``thumbnail`` + ``jpegsave`` 119 ms. Pillow's encoder is the quicker one (24 ms against
  30 ms), and writes the EXIF and profile exactly as given.

libvips runs one thread per process here: the exporter runs a pool of one worker process
per core, so more threads would only take turns. Its operation cache is off (each image is
used once; the cache would hold on to pixels). Output is the same bytes for the same input
and libvips version.
"""

from __future__ import annotations

import functools
from typing import Any

from PIL import Image

from photoarchive.errors import ImageError

_BANDS = {"L": 1, "RGB": 3}


def decode_jpeg_scaled(
    source: str | bytes, shrink: int, mode: str, size: tuple[int, int], *, fail_on: str = "truncated"
) -> Image.Image:
    """A JPEG (a path or its bytes) decoded at 1/``shrink`` scale (1, 2, 4 or 8) and resampled
    to ``size`` (no larger than the decode), as Pillow pixels of ``mode`` (L or RGB, the mode
    Pillow gives the file); ImageError when it cannot be decoded, or is truncated (or, with
    ``fail_on="warning"``, has any damage libjpeg warns of, even one it decodes past)."""
    if mode not in _BANDS:
        raise ValueError(f"decode_jpeg_scaled gives L or RGB pixels, not {mode}")
    vips = _pyvips()
    options = {"shrink": shrink, "access": "sequential", "fail_on": fail_on}
    try:
        if isinstance(source, bytes):
            image = vips.Image.new_from_buffer(source, "", **options)
        else:
            image = vips.Image.new_from_file(source, **options)
        if image.bands != _BANDS[mode] or image.format != "uchar":
            raise ImageError(f"decoded as {image.bands} bands of {image.format}, not {mode} pixels")
        return _to_pillow(_resized(image, size), mode, size)
    except vips.Error as error:
        raise ImageError(_message(error)) from error


def downscale(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """``image`` (mode L or RGB) resampled to ``size`` (no larger than it) with Lanczos 3."""
    if image.mode not in _BANDS:
        raise ValueError(f"downscale takes L or RGB pixels, not {image.mode}")
    width, height = image.size
    if size == (width, height):
        return image
    vips = _pyvips()
    source = vips.Image.new_from_memory(image.tobytes(), width, height, _BANDS[image.mode], "uchar")
    try:
        return _to_pillow(_resized(source, size), image.mode, size)
    except vips.Error as error:
        raise ImageError(_message(error)) from error


def _resized(image: Any, size: tuple[int, int]) -> Any:
    width, height = image.width, image.height
    if size == (width, height):
        return image
    if size[0] > width or size[1] > height or min(size) < 1:
        raise ValueError(f"cannot downscale {width}x{height} to {size[0]}x{size[1]}")
    # libvips rounds width x scale, which gives back the size asked (a size it disagreed with
    # would not fill the image: frombytes raises ValueError).
    return image.resize(size[0] / width, vscale=size[1] / height, kernel="lanczos3")


def _to_pillow(image: Any, mode: str, size: tuple[int, int]) -> Image.Image:
    return Image.frombytes(mode, size, image.write_to_memory())


def _message(error: Exception) -> str:
    """libvips' message, one line, without its loader's prefixes."""
    lines = [line.strip() for line in str(getattr(error, "detail", "") or error).splitlines() if line.strip()]
    return "; ".join(dict.fromkeys(lines)) or "libvips could not read it"


@functools.cache
def _pyvips() -> Any:
    """pyvips, loaded (with libvips) on first use and set up for a worker process."""
    import pyvips

    pyvips.concurrency_set(1)
    pyvips.cache_set_max(0)
    return pyvips
