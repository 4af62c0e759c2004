"""Technical metadata read on import: capture date, camera, lens, exposure, orientation, GPS,
RAW previews.

These are the facts the camera recorded. They are read once through python-exiv2 when a
photo is imported and kept in the catalog; the curated fields (caption, credit, ...) are
read by ``photoarchive.metadata.read``. exiv2 reports damaged metadata as log warnings:
they are collected into ``TechnicalMetadata.warnings`` so that the importer can tell the
curator, instead of letting them reach the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import exiv2

from photoarchive.errors import MetadataReadError
from photoarchive.metadata import exiv2io, iim
from photoarchive.metadata.fields import IIM_CHARSET_KEY
from photoarchive.model import TechnicalMetadata

_EXIF_DATE = re.compile(r"^\s*(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?")
_OFFSET = re.compile(r"^\s*([+-])(\d{2}):?(\d{2})\s*$")
_XMP_GPS = re.compile(r"^\s*(\d+),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?([NSEW])\s*$")


@contextmanager
def collect_exiv2_warnings() -> Iterator[list[str]]:
    """exiv2's complaints while the block runs, as distinct texts in a list filled when the
    block ends; they are kept off stderr (see ``exiv2io.captured_log``)."""
    texts: list[str] = []
    with exiv2io.captured_log() as log:
        try:
            yield texts
        finally:
            texts.extend(dict.fromkeys(t for m in log if (t := m.text.strip())))


def open_image(path: Path | str | bytes, name: str | None = None) -> exiv2.Image:
    """Open a file (or its bytes, named ``name`` in messages; they must outlive the image) with
    exiv2 and read its metadata, or raise MetadataReadError."""
    exiv2io.setup()  # before any XMP is parsed (see exiv2io's pinned prefixes)
    if isinstance(path, bytes):
        path, data = name or "image", path
    else:
        data = None
    try:
        image = exiv2.ImageFactory.open(str(path) if data is None else data)
        image.readMetadata()
    except exiv2.Exiv2Error as error:
        raise MetadataReadError(f"{path}: metadata cannot be read ({exiv2io.error_reason(error)})") from error
    return image


def read_technical(path: Path | str, legacy: str | None = None) -> TechnicalMetadata:
    """Read capture date, camera, orientation and GPS from a file's EXIF, XMP and IPTC.

    Damaged metadata does not raise: what can be read is returned, and exiv2's complaints
    are in ``warnings``. A file exiv2 cannot open at all raises MetadataReadError.
    """
    with collect_exiv2_warnings() as warnings:
        image = open_image(path)
        result = technical_from_image(image, legacy)
    result.warnings.extend(f"metadata: {w}" for w in warnings)
    return result


def technical_from_image(image: exiv2.Image, legacy: str | None = None) -> TechnicalMetadata:
    """The technical metadata of an opened image; text that is not UTF-8 (a camera make with
    a damaged byte) is read in the ``legacy`` code page, guessed when None."""
    result = TechnicalMetadata()
    exif = _exif_strings(image, legacy, result.warnings)
    xmp = _xmp_strings(image)
    iptc = _iptc_strings(image)
    result.camera_make = _clean(exif.get("Exif.Image.Make"))
    result.camera_model = _clean(exif.get("Exif.Image.Model"))
    _read_exposure(exif, xmp, result)
    result.orientation = _orientation(exif.get("Exif.Image.Orientation") or xmp.get("Xmp.tiff.Orientation"))
    result.captured_at = _capture_date(exif, xmp, iptc, result.warnings)
    _read_gps(image, xmp, result)
    return result


def _read_exposure(exif: dict[str, str], xmp: dict[str, str], result: TechnicalMetadata) -> None:
    """The lens and the exposure, from EXIF (XMP's exifEX / aux lens when EXIF has no lens)."""
    result.lens = _clean(exif.get("Exif.Photo.LensModel") or xmp.get("Xmp.exifEX.LensModel") or xmp.get("Xmp.aux.Lens"))
    seconds = _number(exif.get("Exif.Photo.ExposureTime"))
    if seconds is not None and seconds > 0:
        result.exposure_time = f"1/{round(1 / seconds)}" if seconds < 0.5 else f"{seconds:g}"
    f_number = _number(exif.get("Exif.Photo.FNumber"))
    result.f_number = round(f_number, 1) if f_number else None
    iso = _number(exif.get("Exif.Photo.ISOSpeedRatings") or exif.get("Exif.Photo.PhotographicSensitivity"))
    result.iso = int(iso) if iso else None
    focal = _number(exif.get("Exif.Photo.FocalLength"))
    result.focal_length = round(focal, 1) if focal else None


def _number(text: str | None) -> float | None:
    """A number as exiv2 writes an EXIF value: ``250``, ``28/10``, ``1/250``; the first of several."""
    if not text:
        return None
    first = text.split()[0]
    try:
        if "/" in first:
            numerator, denominator = first.split("/", 1)
            return float(numerator) / float(denominator) if float(denominator) else None
        return float(first)
    except ValueError:
        return None


def _exif_strings(image: exiv2.Image, legacy: str | None, warnings: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for datum in image.exifData():
        key = datum.key()
        if key.startswith(("Exif.Image.", "Exif.Photo.", "Exif.GPSInfo.")) and key not in values:
            try:
                text = datum.toString()
                values[key] = exiv2io.clean_text(text, legacy)
            except (exiv2.Exiv2Error, UnicodeDecodeError, ValueError):
                continue
            if values[key] != text and key in ("Exif.Image.Make", "Exif.Image.Model"):
                warnings.append(f"EXIF {key.rsplit('.', 1)[1]} is not UTF-8 (a damaged byte?); read as {values[key]!r}")
    return values


def _xmp_strings(image: exiv2.Image) -> dict[str, str]:
    values: dict[str, str] = {}
    for datum in image.xmpData():
        try:
            values.setdefault(datum.key(), exiv2io.datum_text(datum))
        except (exiv2.Exiv2Error, UnicodeDecodeError, ValueError):
            continue
    return values


def _iptc_strings(image: exiv2.Image) -> dict[str, str]:
    values: dict[str, str] = {}
    for datum in image.iptcData():
        try:
            values.setdefault(datum.key(), exiv2io.datum_text(datum))
        except (exiv2.Exiv2Error, UnicodeDecodeError, ValueError):
            continue
    return values


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.replace("\x00", "").strip()
    return text or None


def _orientation(text: str | None) -> int:
    try:
        value = int(str(text).split()[0])
    except (TypeError, ValueError, IndexError):
        return 1
    return value if 1 <= value <= 8 else 1


def parse_exif_datetime(text: str | None, offset: str | None = None) -> str | None:
    """EXIF "YYYY:MM:DD HH:MM:SS" (and an optional "+HH:MM" offset) as ISO 8601 text."""
    if not text:
        return None
    match = _EXIF_DATE.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        moment = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    iso = moment.isoformat()
    off = _OFFSET.match(offset or "")
    if off:
        iso += f"{off.group(1)}{off.group(2)}:{off.group(3)}"
    return iso


def _parse_iso(text: str | None) -> str | None:
    """An XMP or IPTC date as ISO 8601, only when it has at least a full date."""
    if not text:
        return None
    text = text.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(text) < 10:
        return None
    return moment.isoformat()


def _capture_date(exif: dict[str, str], xmp: dict[str, str], iptc: dict[str, str], warnings: list[str]) -> str | None:
    candidates = [
        parse_exif_datetime(exif.get("Exif.Photo.DateTimeOriginal"), exif.get("Exif.Photo.OffsetTimeOriginal")),
        parse_exif_datetime(exif.get("Exif.Photo.DateTimeDigitized"), exif.get("Exif.Photo.OffsetTimeDigitized")),
        _parse_iso(xmp.get("Xmp.exif.DateTimeOriginal")),
        _parse_iso(xmp.get("Xmp.photoshop.DateCreated")),
        _parse_iso(xmp.get("Xmp.xmp.CreateDate")),
        _iptc_date(iptc.get("Iptc.Application2.DateCreated"), iptc.get("Iptc.Application2.TimeCreated")),
    ]
    for candidate in candidates:
        if candidate:
            return candidate
    modified = parse_exif_datetime(exif.get("Exif.Image.DateTime"), exif.get("Exif.Photo.OffsetTime"))
    if modified:
        warnings.append("no capture date in the file; used its EXIF modification date instead")
        return modified
    if exif.get("Exif.Photo.DateTimeOriginal"):
        warnings.append(f"capture date {exif['Exif.Photo.DateTimeOriginal']!r} is not a valid date; ignored")
    return None


def _iptc_date(date: str | None, time: str | None) -> str | None:
    if not date:
        return None
    iso_date = _parse_iso(date)
    if not iso_date:
        return None
    if time:
        combined = _parse_iso(f"{date.strip()}T{time.strip()}")
        if combined:
            return combined
    return iso_date[:10]


def _rationals(datum: exiv2.Exifdatum) -> list[float]:
    numbers = []
    for index in range(datum.count()):
        numerator, denominator = datum.toRational(index)
        if denominator == 0:
            raise ValueError("zero denominator")
        numbers.append(numerator / denominator)
    return numbers


def _find(exif: exiv2.ExifData, key: str) -> exiv2.Exifdatum | None:
    iterator = exif.findKey(exiv2.ExifKey(key))
    return None if iterator == exif.end() else iterator


def _read_gps(image: exiv2.Image, xmp: dict[str, str], result: TechnicalMetadata) -> None:
    exif = image.exifData()
    try:
        lat = _find(exif, "Exif.GPSInfo.GPSLatitude")
        lon = _find(exif, "Exif.GPSInfo.GPSLongitude")
        if lat is not None and lon is not None and lat.count() >= 1 and lon.count() >= 1:
            lat_ref = _find(exif, "Exif.GPSInfo.GPSLatitudeRef")
            lon_ref = _find(exif, "Exif.GPSInfo.GPSLongitudeRef")
            latitude = _dms(_rationals(lat)) * (
                -1 if lat_ref is not None and lat_ref.toString().strip().upper().startswith("S") else 1
            )
            longitude = _dms(_rationals(lon)) * (
                -1 if lon_ref is not None and lon_ref.toString().strip().upper().startswith("W") else 1
            )
            _set_position(result, latitude, longitude)
        alt = _find(exif, "Exif.GPSInfo.GPSAltitude")
        if alt is not None and alt.count() == 1 and result.latitude is not None:
            ref = _find(exif, "Exif.GPSInfo.GPSAltitudeRef")
            below = ref is not None and ref.toString().strip() in {"1", "Below sea level"}
            result.altitude = round(_rationals(alt)[0] * (-1 if below else 1), 2)
    except (ValueError, TypeError, exiv2.Exiv2Error) as error:
        result.warnings.append(f"GPS position in EXIF is damaged and was ignored ({error})")
    if result.latitude is None:
        xmp_latitude = _xmp_coordinate(xmp.get("Xmp.exif.GPSLatitude"))
        xmp_longitude = _xmp_coordinate(xmp.get("Xmp.exif.GPSLongitude"))
        if xmp_latitude is not None and xmp_longitude is not None:
            _set_position(result, xmp_latitude, xmp_longitude)


def _dms(parts: list[float]) -> float:
    degrees = parts[0]
    minutes = parts[1] if len(parts) > 1 else 0.0
    seconds = parts[2] if len(parts) > 2 else 0.0
    return degrees + minutes / 60 + seconds / 3600


def _set_position(result: TechnicalMetadata, latitude: float, longitude: float) -> None:
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        result.warnings.append(f"GPS position {latitude:.6f}, {longitude:.6f} is out of range and was ignored")
        return
    result.latitude = round(latitude, 7)
    result.longitude = round(longitude, 7)


def _xmp_coordinate(text: str | None) -> float | None:
    match = _XMP_GPS.match(text or "")
    if not match:
        return None
    degrees, minutes, seconds, ref = match.groups()
    value = float(degrees) + float(minutes) / 60 + (float(seconds) if seconds else 0.0) / 3600
    return -value if ref in "SW" else value


@dataclass
class Preview:
    """An embedded preview image of a file (RAW files carry one or more)."""

    data: bytes
    width: int
    height: int


def previews(image: exiv2.Image) -> list[Preview]:
    """The embedded JPEG and TIFF previews that exiv2 can extract, largest first."""
    manager = exiv2.PreviewManager(image)
    properties = [p for p in manager.getPreviewProperties() if p.mimeType_ in ("image/jpeg", "image/tiff")]
    found = []
    for prop in sorted(properties, key=lambda p: p.width_ * p.height_, reverse=True):
        try:
            data = bytes(manager.getPreviewImage(prop).data())
        except (exiv2.Exiv2Error, ValueError):
            continue
        if data:
            found.append(Preview(data, prop.width_, prop.height_))
    return found


_DESCRIPTIVE_XMP = ("Xmp.dc.", "Xmp.photoshop.", "Xmp.Iptc4xmpCore.", "Xmp.Iptc4xmpExt.", "Xmp.xmpRights.", "Xmp.lr.")
_DESCRIPTIVE_EXIF = {
    "Exif.Image.ImageDescription",
    "Exif.Image.Artist",
    "Exif.Image.Copyright",
    "Exif.Photo.UserComment",
    "Exif.Image.XPTitle",
    "Exif.Image.XPComment",
    "Exif.Image.XPAuthor",
    "Exif.Image.XPKeywords",
    "Exif.Image.XPSubject",
}
_IPTC_TECHNICAL = {"Iptc.Envelope.CharacterSet", "Iptc.Envelope.ModelVersion", "Iptc.Application2.RecordVersion"}


def _decoded_iim(raw: bytes, charset: str | None, code_page: str) -> Callable[[exiv2.Metadatum], str]:
    """The text of an IIM value read as raw bytes (the datum itself is not needed again)."""
    return lambda _datum: iim.decode_value(raw, charset, code_page).text


def descriptive_values(image: exiv2.Image, legacy: str | None = None) -> dict[str, list[str]]:
    """Every descriptive text already in a file (caption, creator, credit, keywords...), by tag.

    Kept in the catalog on import so that nothing a photographer or an earlier tool wrote is
    lost; the curated fields are reconciled from the file by ``photoarchive.metadata.read``.
    IIM text is decoded as ``read`` decodes it (the 1:90 marker, else UTF-8, else ``legacy``
    or the code page guessed for the whole block); EXIF text likewise, value by value.
    """
    values: dict[str, list[str]] = {}

    def add(key: str, datum: exiv2.Metadatum, text_of: Callable[[exiv2.Metadatum], str]) -> None:
        try:
            text = text_of(datum).replace("\x00", "").strip()
        except (exiv2.Exiv2Error, UnicodeDecodeError, ValueError):
            return
        if text and text not in values.setdefault(key, []):
            values[key].append(text)

    for datum in image.exifData():
        if datum.key() in _DESCRIPTIVE_EXIF:
            add(datum.key(), datum, lambda d: exiv2io.datum_text(d, legacy))
    iptc = image.iptcData()
    charset = iim.charset_of_marker(next(iter(exiv2io.iim_raw(iptc, IIM_CHARSET_KEY)), None))
    strings = [d for d in iptc if d.key().startswith("Iptc.Application2.") and d.key() not in _IPTC_TECHNICAL]
    raws = [bytes(d.value().data()) if d.typeId() == exiv2.TypeId.string else None for d in strings]
    code_page = legacy or iim.guess_legacy(r for r in raws if r is not None and not iim.is_utf8(r))
    for datum, raw in zip(strings, raws, strict=True):
        if raw is None:
            add(datum.key(), datum, exiv2io.datum_text)
        else:
            add(datum.key(), datum, _decoded_iim(raw, charset, code_page))
    for datum in image.xmpData():
        if datum.key().startswith(_DESCRIPTIVE_XMP):
            add(datum.key(), datum, exiv2io.datum_text)
    return {key: texts for key, texts in values.items() if texts}
