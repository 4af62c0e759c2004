"""Derivatives for publication: resized, upright, sRGB JPEGs, optionally with a burned-in credit.

``make_derivatives(request)`` decodes an original once and writes every rendition asked for
(say a 1600 px image, an 560 px one and a 280 px thumbnail) from that one decode (for a
camera RAW file, the decode of its embedded preview, passed as ``pixels``):

- JPEGs are decoded at the smallest DCT scale that still covers the largest rendition (the
  scale Pillow's ``Image.draft`` chooses), so a 24 MP photo for a 1600 px page is decoded at
  half size and never fully;
- the pixels are resampled with Lanczos 3 by libvips (``imaging.resample``), an RGB or grey
  JPEG decoded by libvips too, streaming into its largest rendition; Pillow stays the layer
  for everything else (safe opening, other formats, colour, orientation, credit, encoding).
  Decided by measurement (``bench/export_stages.py``, ``bench/export_gallery.py``; the
  figures are in ``imaging.resample``): resampling was the largest cost of an export, and
  libvips does it nearly 4x quicker than Pillow's bicubic and sharper; libvips decoding and
  encoding alone would not pay (Pillow's encoder is the quicker one, and its decode of a
  JPEG is as quick but would have to hand 18 MB over), while decoding and resampling in one
  streaming pass saves a fifth of a photo's work. That takes the gallery export below
  libvips' own time for the same renditions;
- the EXIF orientation is applied to the pixels, and any EXIF kept says orientation 1, since
  many sites and tools ignore the tag; it is applied to each rendition at its final size
  (resizing and then turning gives the same pixels as turning and then resizing, to within
  rounding: 2 levels in 255 at most where the axes swap, for a fraction of the work);
- colours are converted to sRGB (LittleCMS through ``PIL.ImageCms``) and an sRGB ICC profile
  is embedded, so browsers and publishers' tools show the colours the camera meant;
- camera EXIF is carried over only when asked (``camera_exif``), and only a technical summary
  (make, model, lens, exposure, dates); never the original's GPS: the exporter passes the
  position at the precision the curator chose (``gps``), written with exactly that many
  decimals so that no hidden precision remains in the rationals; serial numbers and the
  owner's name only with ``keep_serials``, and never the maker note (which carries serials);
- a credit line can be burned into the bottom-right corner: light text with a dark outline
  on a translucent dark box, legible on light and dark photos alike;
- renditions larger than ``PROGRESSIVE_ABOVE`` are progressive JPEGs (a large image shows
  whole at once and sharpens as it loads, and is a few per cent smaller), smaller ones
  baseline, which for thumbnails is as small and several times quicker to encode; all have
  optimized Huffman tables.

It is a pure function of a picklable request, so it runs in a process pool; it returns the
pixel sizes written or raises ImageError. Output is byte-identical for the same input. A
rendition marked ``in_memory`` is returned encoded (``DerivativeResult.data``) instead of
written, for the caller to embed metadata in it and write it once.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw, ImageFont, TiffTags
from PIL.TiffImagePlugin import IFDRational

from photoarchive.errors import ImageError
from photoarchive.imaging.resample import decode_jpeg_scaled, downscale
from photoarchive.imaging.safe import apply_orientation, describe, open_image

# Pillow knows no type for EXIF's ComponentsConfiguration and would write it as BYTE; the
# standard (and exiftool -validate) want UNDEFINED. Registering the tag's type is how
# Pillow is told about a tag it lacks.
TiffTags.TAGS_V2_GROUPS.setdefault(0x8769, {}).setdefault(
    0x9101, TiffTags.TagInfo(0x9101, "ComponentsConfiguration", TiffTags.UNDEFINED, 4)
)

# Fonts tried in turn for a burned-in credit: ones that cover Latin, Cyrillic and Japanese
# first (captions and names in this archive mix them), then common fallbacks. Pillow finds
# bare file names in the system's font folders.
CREDIT_FONTS = (
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJKjp-Regular.otf",
    "NotoSansJP-Regular.ttf",
    "msgothic.ttc",
    "YuGothM.ttc",
    "Hiragino Sans GB.ttc",
    "DejaVuSans.ttf",
    "arial.ttf",
)

# Camera EXIF carried over with --metadata all: a technical summary whose types Pillow writes
# right (text, small integers, unsigned rationals). Not the maker note or other binary and
# signed tags, which Pillow would retype on the way through (it knows no type for most EXIF
# tags and guesses from the value).
_IFD0_CAMERA_TAGS = {0x010F: str, 0x0110: str, 0x0131: str, 0x0132: str}  # Make, Model, Software, DateTime
_EXIF_CAMERA_TAGS = {
    0x829A: IFDRational,  # ExposureTime
    0x829D: IFDRational,  # FNumber
    0x8822: int,  # ExposureProgram
    0x8827: int,  # ISOSpeedRatings
    0x9003: str,  # DateTimeOriginal
    0x9004: str,  # DateTimeDigitized
    0x9010: str,  # OffsetTime
    0x9011: str,  # OffsetTimeOriginal
    0x9012: str,  # OffsetTimeDigitized
    0x9207: int,  # MeteringMode
    0x9209: int,  # Flash
    0x920A: IFDRational,  # FocalLength
    0x9291: str,  # SubSecTimeOriginal
    0xA402: int,  # ExposureMode
    0xA403: int,  # WhiteBalance
    0xA405: int,  # FocalLengthIn35mmFilm
    0xA406: int,  # SceneCaptureType
    0xA433: str,  # LensMake
    0xA434: str,  # LensModel
}
# Tags that identify a camera's owner or the camera itself: carried only with keep_serials.
OWNER_AND_SERIAL_TAGS = {0xA430: str, 0xA431: str, 0xA435: str}  # CameraOwnerName, BodySerialNumber, LensSerialNumber
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
# Long edge in pixels above which a rendition is a progressive JPEG (see the module doc).
PROGRESSIVE_ABOVE = 1024
_ORIENTATION = 0x0112


@dataclass(frozen=True)
class Rendition:
    """One output file: its path, its long edge in pixels (None: full size), with the credit or
    not, and whether to return it encoded (``in_memory``) rather than write it."""

    path: str
    long_edge: int | None
    burn_credit: bool = False
    in_memory: bool = False


@dataclass(frozen=True)
class DerivativeRequest:
    """Everything ``make_derivatives`` needs, as plain picklable values."""

    source: str
    renditions: tuple[Rendition, ...]
    orientation: int = 1
    quality: int = 85
    credit_text: str = ""
    credit_font: str | None = None
    camera_exif: bool = False
    keep_serials: bool = False
    gps: tuple[float, float] | None = None  # latitude, longitude, already rounded
    gps_decimals: int = 7
    gps_altitude: float | None = None
    progressive: bool = True  # for renditions larger than PROGRESSIVE_ABOVE


@dataclass
class DerivativeResult:
    source_size: tuple[int, int]  # of the pixels decoded (an embedded preview's, for RAW)
    sizes: dict[str, tuple[int, int]] = field(default_factory=dict)  # path -> pixel size
    data: dict[str, bytes] = field(default_factory=dict)  # path -> JPEG, for in_memory renditions


def make_derivatives(
    request: DerivativeRequest, pixels: bytes | None = None, *, source_data: bytes | None = None
) -> DerivativeResult:
    """Write every rendition of the request; raise ImageError if the original cannot be used.

    ``pixels`` is an encoded image to render instead of the source file's own pixels: the
    embedded preview of a camera RAW file, which Pillow cannot develop. The source file then
    only gives the camera EXIF (read from its header, never decoded). ``source_data`` is the
    source file's content, already read (and checked against its hash) by the caller: it is
    used instead of opening the file again, so what is published is what was checked.

    Never half-written: when anything fails, the renditions already written are removed.
    """
    if not request.renditions:
        raise ValueError("a derivative request needs at least one rendition")
    if not 1 <= request.quality <= 100:
        raise ValueError(f"JPEG quality must be 1 to 100, not {request.quality}")
    name = request.source if pixels is None else f"{request.source} (embedded preview)"
    source: str | bytes = request.source if source_data is None else source_data
    encoded = source if pixels is None else pixels
    image = open_image(encoded, name=name)
    source_size = image.size
    result = DerivativeResult(source_size)
    written: list[Path] = []
    try:
        exif = _exif(image if pixels is None else _header(source, request.source), request)
        edges = [r.long_edge for r in request.renditions]
        largest = None if None in edges else max(e for e in edges if e is not None)
        image = to_srgb(_decode(image, encoded, largest, name))
        # Largest first: each smaller rendition is made from the one before (still as stored),
        # not from the decode; each is turned upright at its own size.
        current = image
        for rendition in sorted(request.renditions, key=lambda r: -(r.long_edge or 1 << 30)):
            current = _fit(current, rendition.long_edge)
            out = apply_orientation(current, request.orientation)
            if rendition.burn_credit:
                out = burn_credit(out, request.credit_text, request.credit_font)
            data = _encode(out, request, exif)
            if rendition.in_memory:
                result.data[rendition.path] = data
            else:
                written.append(Path(rendition.path))
                _write_file(Path(rendition.path), data)
            result.sizes[rendition.path] = out.size
    except (OSError, EOFError, SyntaxError, ValueError, Image.DecompressionBombError, ImageCms.PyCMSError) as error:
        _remove(written)
        raise ImageError(f"{name}: {describe(error)}") from error
    except BaseException:
        _remove(written)
        raise
    return result


def _decode(image: Image.Image, encoded: str | bytes, largest: int | None, name: str) -> Image.Image:
    """The pixels of ``image`` (opened from ``encoded``), for renditions up to ``largest`` px.

    A JPEG is decoded at the smallest DCT scale that still covers the largest rendition (the
    scale Pillow's ``draft`` chooses); an RGB or grey one by libvips, straight to that
    rendition's size (``resample.decode_jpeg_scaled``), the others (CMYK) by Pillow. So is
    an MPO, which many cameras write (a JPEG whose first image is the photo, followed by
    others: previews, a stereo pair), for its first image.
    """
    if image.format in ("JPEG", "MPO") and largest is not None:
        width = image.size[0]
        scale = min(1.0, largest / max(image.size))
        drafted = image.draft(image.mode if image.mode in ("RGB", "L", "CMYK") else "RGB", _scaled(image.size, scale))
        if drafted is not None and image.mode in ("RGB", "L"):
            shrink = round(width / drafted[1][2])  # the box drafted is the source's size / the scale
            target = _fit_size(image.size, largest)  # of the decode at that scale, as _fit would
            try:
                decoded = decode_jpeg_scaled(encoded, shrink, image.mode, target)
            except ImageError as error:
                raise ImageError(f"{name}: its pixels cannot be decoded ({error})") from error
            if "icc_profile" in image.info:  # to_srgb converts through it
                decoded.info["icc_profile"] = image.info["icc_profile"]
            return decoded
    try:
        image.load()
    except (OSError, EOFError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ImageError(f"{name}: its pixels cannot be decoded ({describe(error)})") from error
    return image


def _header(source: str | bytes, name: str) -> Image.Image | None:
    """The source file opened for its EXIF only (a TIFF-based RAW: NEF, CR2, DNG...), or None."""
    try:
        return open_image(source, name=name)
    except ImageError:
        return None


def _remove(paths: list[Path]) -> None:
    for path in paths:
        # (the export's temporary folder is discarded as a whole on failure anyway)
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def to_srgb(image: Image.Image) -> Image.Image:
    """RGB pixels in sRGB: converted through the embedded ICC profile when it is another space."""
    profile = image.info.get("icc_profile")
    if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    elif image.mode.startswith("I"):
        image = image.point(lambda v: v / 256).convert("L")
    if profile and not _is_srgb(profile):
        try:
            source = ImageCms.getOpenProfile(BytesIO(profile))
            converted = ImageCms.profileToProfile(
                image, source, _srgb_profile_object(), renderingIntent=ImageCms.Intent.PERCEPTUAL, outputMode="RGB"
            )
            if converted is not None:  # None only when converting in place, which this does not ask
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a damaged profile: fall back to treating the pixels as sRGB, as browsers do
    return image.convert("RGB") if image.mode != "RGB" else image


def burn_credit(image: Image.Image, text: str, font_path: str | None = None) -> Image.Image:
    """A copy of ``image`` with ``text`` in its bottom-right corner, legible on any background."""
    text = " ".join(text.split())
    if not text:
        return image
    width, height = image.size
    size = max(9, round(min(width, height) * 0.03))
    font = _font(font_path, size)
    while font.getlength(text) > width * 0.9 and size > 9:  # long credits shrink to fit
        size = max(9, int(size * 0.9))
        font = _font(font_path, size)
    text = _ellipsize(text, font, width * 0.9)
    stroke = max(1, size // 12)
    # Whole pixels (a FreeType font measures in them; the stubs allow fractions).
    left, top, right, bottom = (round(edge) for edge in font.getbbox(text, stroke_width=stroke))
    pad = max(3, size // 3)
    margin = max(4, size // 2)
    box_w, box_h = right - left + 2 * pad, bottom - top + 2 * pad
    x0, y0 = width - margin - box_w, height - margin - box_h
    # Composited over the box alone (the rest of the overlay is transparent, so the pixels
    # outside it are the same): the whole image is neither converted to RGBA nor back.
    region = (max(0, x0), max(0, y0), min(width, x0 + box_w + 1), min(height, y0 + box_h + 1))
    if region[0] >= region[2] or region[1] >= region[3]:
        return image
    overlay = Image.new("RGBA", (region[2] - region[0], region[3] - region[1]), (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    bx, by = x0 - region[0], y0 - region[1]
    draw.rounded_rectangle((bx, by, bx + box_w, by + box_h), radius=pad, fill=(0, 0, 0, 150))
    draw.text(
        (bx + pad - left, by + pad - top),
        text,
        font=font,
        fill=(255, 255, 255, 255),
        stroke_width=stroke,
        stroke_fill=(0, 0, 0, 255),
    )
    composed = Image.alpha_composite(image.crop(region).convert("RGBA"), overlay).convert(image.mode)
    result = image.copy()
    result.paste(composed, region[:2])
    return result


def srgb_profile() -> bytes:
    """The sRGB ICC profile embedded in every derivative, the same bytes on every run.

    LittleCMS stamps the current time into the profile header (bytes 24-35); a fixed date
    there keeps exports byte-identical. The profile ID (bytes 84-99) is left zero, "not
    computed", which the ICC specification allows.
    """
    return _srgb_bytes()


@functools.cache
def _srgb_bytes() -> bytes:
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = bytes([0x07, 0xE8, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])  # 2024-01-01 00:00:00
    return bytes(data)


@functools.cache
def _srgb_profile_object() -> ImageCms.ImageCmsProfile:
    return ImageCms.getOpenProfile(BytesIO(_srgb_bytes()))


def _is_srgb(profile: bytes) -> bool:
    try:
        description = ImageCms.getProfileDescription(ImageCms.getOpenProfile(BytesIO(profile)))
    except (ImageCms.PyCMSError, OSError, ValueError):
        return True  # unreadable: treated as sRGB (see to_srgb)
    return "srgb" in description.lower().replace(" ", "")


def _scaled(size: tuple[int, int], scale: float) -> tuple[int, int]:
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def _fit(image: Image.Image, long_edge: int | None) -> Image.Image:
    """Downscale to ``long_edge`` with Lanczos 3 through ``imaging.resample`` (libvips: 2.3x
    quicker than Pillow's bicubic and sharper; the measurements are in that module)."""
    if long_edge is None or max(image.size) <= long_edge:
        return image
    return downscale(image, _fit_size(image.size, long_edge))


def _fit_size(size: tuple[int, int], long_edge: int) -> tuple[int, int]:
    return size if max(size) <= long_edge else _scaled(size, long_edge / max(size))


def _encode(image: Image.Image, request: DerivativeRequest, exif: Image.Exif | None) -> bytes:
    options: dict[str, object] = {
        "quality": request.quality,
        "optimize": True,
        "progressive": request.progressive and max(image.size) > PROGRESSIVE_ABOVE,
        "icc_profile": srgb_profile(),
    }
    if exif is not None:
        sub = exif.get_ifd(_EXIF_IFD)
        sub[0xA002], sub[0xA003] = image.size  # PixelXDimension, PixelYDimension of this rendition
        options["exif"] = exif.tobytes()
        options["dpi"] = (72, 72)  # the JFIF header then agrees with EXIF's resolution
    buffer = BytesIO()
    image.save(buffer, "JPEG", **options)
    return buffer.getvalue()


def _write_file(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as stream:
        stream.write(data)


def _exif(image: Image.Image | None, request: DerivativeRequest) -> Image.Exif | None:
    """EXIF for the derivative: the original's camera tags (without its GPS, thumbnail and,
    unless asked, serials), orientation 1, and the GPS position given; empty if neither."""
    if not request.camera_exif and request.gps is None:
        return None
    exif = Image.Exif()
    exif[_ORIENTATION] = 1
    # The tags EXIF requires of a JPEG (exiftool -validate checks them), with the values
    # ExifTool gives them; ColorSpace 1 = sRGB, which the pixels now are.
    exif[0x011A], exif[0x011B], exif[0x0128], exif[0x0213] = 72.0, 72.0, 2, 1
    if request.camera_exif and image is not None:
        source = image.getexif()
        _copy(source, exif, _IFD0_CAMERA_TAGS)
        wanted = _EXIF_CAMERA_TAGS | (OWNER_AND_SERIAL_TAGS if request.keep_serials else {})
        _copy(source.get_ifd(_EXIF_IFD), exif.get_ifd(_EXIF_IFD), wanted)
    sub = exif.get_ifd(_EXIF_IFD)
    sub[0x9000], sub[0x9101], sub[0xA000], sub[0xA001] = b"0232", b"\x01\x02\x03\x00", b"0100", 1
    if request.gps is not None:
        latitude, longitude = request.gps
        gps = exif.get_ifd(_GPS_IFD)
        gps[0x0000] = b"\x02\x03\x00\x00"  # GPSVersionID 2.3
        gps[0x0001], gps[0x0002] = ("N" if latitude >= 0 else "S"), _degrees(latitude, request.gps_decimals)
        gps[0x0003], gps[0x0004] = ("E" if longitude >= 0 else "W"), _degrees(longitude, request.gps_decimals)
        if request.gps_altitude is not None:
            gps[0x0005] = 1 if request.gps_altitude < 0 else 0
            gps[0x0006] = IFDRational(round(abs(request.gps_altitude) * 100), 100)
        gps[0x0012] = "WGS-84"
    return exif


def _copy(source: Mapping[int, object], target: MutableMapping[int, object], wanted: Mapping[int, type]) -> None:
    for tag, kind in wanted.items():
        value = source.get(tag)
        if kind is int and isinstance(value, int) and 0 <= value < 1 << 16:
            target[tag] = value
        elif kind is str and isinstance(value, str) and value.strip("\x00 "):
            target[tag] = value.strip("\x00 ")
        elif kind is IFDRational and isinstance(value, IFDRational) and value.denominator and value >= 0:
            target[tag] = value


def _degrees(value: float, decimals: int) -> tuple[IFDRational, IFDRational, IFDRational]:
    """Degrees as one rational with ``decimals`` decimals, minutes and seconds zero: the value
    carries the precision asked for and not a digit more."""
    scale = 10 ** max(0, decimals)
    return IFDRational(round(abs(value) * scale), scale), IFDRational(0, 1), IFDRational(0, 1)


@functools.lru_cache(maxsize=32)
def _font(font_path: str | None, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for candidate in ([font_path] if font_path else []) + list(CREDIT_FONTS):
        try:
            return ImageFont.truetype(candidate, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _ellipsize(text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: float) -> str:
    if font.getlength(text) <= width:
        return text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"
