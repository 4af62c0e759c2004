"""Reading the curated fields of a file: EXIF, IPTC IIM, XMP and an XMP sidecar, reconciled.

``read_curated(path)`` decodes every field of ``fields.FIELDS`` from each standard, then lets
``mwg.reconcile`` choose. It works on any file exiv2 reads, and on an XMP sidecar alone.

Sidecars: beside ``IMG_0001.CR2`` we look for ``IMG_0001.CR2.xmp`` (darktable, digiKam) and
``IMG_0001.xmp`` (Lightroom, Bridge, Photo Mechanic), in either case of the extension. When
both exist the first is used, because ``IMG_0001.xmp`` may belong to ``IMG_0001.JPG`` as well;
a warning says so. A field the sidecar holds wins over the file's embedded metadata, as in the
tools that write sidecars; a field the sidecar lacks is read from the file.

One addition to ExifTool's reading: an EXIF DateTimeOriginal without an offset takes the offset
of the XMP or IIM date when they name the same second (see ``dates.borrow_offset``): EXIF
before 2.31 has no place for the offset, and our writer keeps it in XMP and IIM then.

Nothing here raises for what is in a file: problems become ``ReadResult.warnings``. A file
that cannot be read at all raises ``MetadataReadError`` with the path and a one-line reason.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import exiv2

from photoarchive.errors import MetadataReadError, ValidationError
from photoarchive.files import real_path
from photoarchive.metadata import dates, exiv2io, iim, irb, selection, structs
from photoarchive.metadata.exiv2io import error_reason
from photoarchive.metadata.fields import (
    FIELDS,
    IIM_CHARSET_KEY,
    LOCATION_SHOWN,
    GpsPoint,
    Kind,
    XmpType,
)
from photoarchive.metadata.mwg import Conflict, Sources, Value, join_names, reconcile, split_names
from photoarchive.metadata.technical import open_image
from photoarchive.metadata.validate import normalize_country_code
from photoarchive.model.curated import SELECTION_FIELDS, CuratedFields, empty_value
from photoarchive.model.place import LocationShown

XMP_MIME_TYPES = ("application/rdf+xml",)


@dataclass
class ReadResult:
    """The curated fields of one file, the fields whose standards disagreed, and warnings."""

    fields: CuratedFields
    conflicts: list[Conflict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    gps: GpsPoint | None = None  # of the location shown (Iptc4xmpExt:LocationShown), if any
    sidecar: Path | None = None  # the sidecar that was read, if any
    # LocationName and LocationId of the location shown (place_id 0: a file names no place of ours)
    location: LocationShown | None = None


def sidecar_candidates(path: Path) -> list[Path]:
    """Where a sidecar of ``path`` may be, in the order we prefer them."""
    return [path.with_name(path.name + ext) for ext in (".xmp", ".XMP")] + [
        path.with_suffix(ext) for ext in (".xmp", ".XMP")
    ]


def _is_file(path: Path) -> bool:
    # A probe, not a read: a name too long for the file system (a 255-byte photo name plus
    # ".xmp") or a loop of symbolic links means no sidecar there.
    try:
        return path.is_file()
    except OSError:
        return False


def find_sidecar(path: Path) -> tuple[Path | None, list[str]]:
    found = [p for p in sidecar_candidates(path) if _is_file(p)]
    # On case-insensitive file systems one file answers to several names.
    unique = list({real_path(p) or p.absolute(): p for p in found}.values())
    warnings = []
    if len(unique) > 1:
        warnings.append(
            f"several sidecars for {path.name}: read {unique[0].name}, ignored " + ", ".join(p.name for p in unique[1:])
        )
    return (unique[0] if unique else None), warnings


def _clean(text: str) -> str:
    # Normalise line breaks (IIM writers used CR, XML parsers turn CR LF into LF).
    return re.sub(r"\r\n?", "\n", text).strip()


def _shape(kind: Kind, value: str | list[str] | None) -> Value | None:
    """A raw value in the shape the field's kind wants (lists for LIST and NAMES)."""
    if value is None:
        return None
    if kind in (Kind.LIST, Kind.NAMES):
        items = value if isinstance(value, list) else [value]
        cleaned = [_clean(v) for v in items]
        return [v for v in cleaned if v] or None
    text = value[0] if isinstance(value, list) else value
    return _clean(text or "") or None


def _exif_values(exif: exiv2.ExifData, legacy: str | None, warnings: list[str]) -> dict[str, Value]:
    values: dict[str, Value] = {}

    def text(key: str) -> str:
        raw = exiv2io.exif_raw(exif, key)
        if raw is None:
            return ""
        name = key.rsplit(".", 1)[1]
        # MWG: EXIF text should be UTF-8; older cameras and tools used the local code page.
        code_page = legacy or iim.guess_legacy([raw])
        decoded = iim.decode_value(raw, None, code_page)
        if decoded.salvaged:
            warnings.append(f"EXIF {name} cannot be decoded as {code_page}; undecodable bytes replaced by \ufffd")
        elif decoded.legacy:
            warnings.append(f"EXIF {name} is not UTF-8; read as {code_page}")
        return decoded.text

    for spec in FIELDS:
        if not spec.exif:
            continue
        value: str | list[str] | None
        if spec.kind is Kind.DATE:
            value = dates.from_exif(*(text(key) for key in spec.exif))
        else:
            value = text(spec.exif[0])
            if spec.kind is Kind.NAMES:
                value = split_names(value) if value.strip() else ""
        shaped = _shape(spec.kind, value or None)
        if shaped is not None:
            values[spec.name] = shaped
    return values


def _iim_values(iptc: exiv2.IptcData, legacy: str | None, warnings: list[str]) -> dict[str, Value]:
    marker = next(iter(exiv2io.iim_raw(iptc, IIM_CHARSET_KEY)), None)
    charset = iim.charset_of_marker(marker)
    if marker and charset is None:
        warnings.append(f"IPTC character set {bytes(marker)!r} not recognised; read as UTF-8 or a legacy code page")
    texts = [spec for spec in FIELDS if spec.iim and spec.kind is not Kind.DATE]
    raws = {spec.name: exiv2io.iim_raw(iptc, spec.iim[0].key) for spec in texts}
    if legacy is None:
        # One guess for the whole block: one tool wrote it, in one code page.
        legacy = iim.guess_legacy(r for values in raws.values() for r in values if not iim.is_utf8(r))
    used_legacy = False
    values: dict[str, Value] = {}
    for spec in FIELDS:
        if not spec.iim:
            continue
        if spec.kind is Kind.DATE:
            day = exiv2io.iim_raw(iptc, spec.iim[0].key)
            time = exiv2io.iim_raw(iptc, spec.iim[1].key)
            value: str | list[str] = dates.from_iim(
                day[0].decode("ascii", errors="replace") if day else "",
                time[0].decode("ascii", errors="replace") if time else "",
            )
        else:
            decoded = []
            for raw in raws[spec.name]:
                result = iim.decode_value(raw, charset, legacy)
                used_legacy |= result.legacy
                if result.salvaged:
                    warnings.append(
                        f"IPTC {spec.iim[0].key.rsplit('.', 1)[1]} cannot be decoded as {charset or legacy};"
                        " undecodable bytes replaced by \ufffd"
                    )
                decoded.append(result.text)
            value = decoded if spec.iim[0].repeatable else (decoded[0] if decoded else "")
        shaped = _shape(spec.kind, value or None)
        if shaped is not None:
            values[spec.name] = shaped
    if used_legacy:
        warnings.append(f"IPTC text is not UTF-8 and has no character set marker; read as {legacy}")
    return values


def _parse_gps_coordinate(text: str) -> float | None:
    """XMP's GPS coordinate: ``DDD,MM,SSk`` or ``DDD,MM.mmk`` (k = N, S, E or W)."""
    match = re.fullmatch(r"\s*(\d+),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?([NSEW])\s*", text)
    if not match:
        return None
    deg, minutes, seconds, ref = match.groups()
    value = float(deg) + float(minutes) / 60 + float(seconds or 0) / 3600
    return -value if ref in "SW" else value


def _parse_rational(text: str) -> float | None:
    try:
        num, _, den = text.partition("/")
        return float(num) / float(den or 1)
    except (ValueError, ZeroDivisionError):
        return None


def location_of(xmp: exiv2.XmpData) -> LocationShown | None:
    """The names and identifiers of the first location shown, if it has any."""
    shown = exiv2io.xmp_struct_values(xmp, LOCATION_SHOWN)
    # LocationName is a lang-alt and LocationId a bag; a writer may have given a plain text.
    given_names, given_ids = shown.get("LocationName", {}), shown.get("LocationId", [])
    names = given_names if isinstance(given_names, dict) else {}
    if isinstance(given_names, str) and given_names:
        names = {"x-default": given_names}
    ids = given_ids if isinstance(given_ids, list) else []
    if isinstance(given_ids, str) and given_ids:
        ids = [given_ids]
    if not names and not ids:
        return None
    return LocationShown(place_id=0, names=names, identifiers=ids)


def _xmp_values(xmp: exiv2.XmpData, warnings: list[str]) -> tuple[dict[str, Value], GpsPoint | None]:
    selected, selection_warnings = selection.read_values(xmp)
    values: dict[str, Value] = dict(selected)
    warnings += selection_warnings
    shown = exiv2io.xmp_struct_item(xmp, LOCATION_SHOWN)
    for spec in FIELDS:
        if spec.name in SELECTION_FIELDS:  # their tags depend on each other: ``selection``
            continue
        if spec.structured:
            found = structs.read_value(xmp, spec)
            if found is not None:
                values[spec.name] = found
            continue
        raw = exiv2io.xmp_get(xmp, spec.xmp.key)
        if spec.location_shown and shown.get(spec.location_shown, "").strip():
            # As ExifTool's MWG tags: the LocationShown field first, the legacy property next.
            raw = shown[spec.location_shown]
        if spec.xmp.type is XmpType.DATE and raw is not None:
            raw = dates.from_xmp(raw[0] if isinstance(raw, list) else raw)
        shaped = _shape(spec.kind, raw)
        if shaped is not None:
            values[spec.name] = shaped
    gps = None
    lat, lon = (_parse_gps_coordinate(shown.get(k, "")) for k in ("GPSLatitude", "GPSLongitude"))
    if lat is not None and lon is not None:
        alt = _parse_rational(shown.get("GPSAltitude", "")) if shown.get("GPSAltitude") else None
        if alt is not None and shown.get("GPSAltitudeRef", "0").strip() == "1":
            alt = -alt
        gps = GpsPoint(lat, lon, alt)
    return values, gps


def _languages(xmp: exiv2.XmpData) -> dict[str, dict[str, str]]:
    """The per-language fields' languages other than x-default, by field: {field: {tag: text}}.
    A tag that is not BCP 47 (another tool's typo) is kept as written: it is still that
    tool's language, and the catalog refuses it only when a curator types it."""
    found: dict[str, dict[str, str]] = {}
    for spec in FIELDS:
        if spec.per_language:
            languages = {
                tag: _clean(text)
                for tag, text in exiv2io.xmp_alternatives(xmp, spec.languages_key).items()
                if tag != "x-default" and _clean(text)
            }
            if languages:
                found[spec.name] = languages
    return found


def _translations(
    main: dict[str, dict[str, str]], side: dict[str, dict[str, str]] | None, side_values: dict[str, Value]
) -> dict[str, dict[str, str]]:
    """{tag: {field: text}}: a field's languages from the sidecar when it has that field (as
    its values win over the file's), else from the file."""
    result: dict[str, dict[str, str]] = {}
    for name in {*main, *(side or {})}:
        source = side if side is not None and (name in side or name in side_values) else main
        for tag, text in source.get(name, {}).items():
            result.setdefault(tag, {})[name] = text
    return result


def _model_value(kind: Kind, value: Value | None) -> str | list[str] | int | None:
    if kind is Kind.INTEGER:
        return int(value) if isinstance(value, str) and value else None
    if kind is Kind.LIST:
        return list(value) if isinstance(value, list) else ([value] if value else [])
    if kind is Kind.NAMES:
        return join_names(value) if isinstance(value, list) else (value or "")
    return value if isinstance(value, str) else ""


def read_curated(
    path: Path | str, *, legacy_charset: str | None = None, sidecar: bool = True, image: exiv2.Image | None = None
) -> ReadResult:
    """Read and reconcile the curated fields of ``path`` (a photo, or an XMP sidecar alone).

    ``legacy_charset`` is the code page of IIM and EXIF text that is not UTF-8 and has no
    character set marker; by default it is guessed (Western or Cyrillic, see ``iim``).

    ``image`` is the file already opened with exiv2 (``open_image``), when the caller has it:
    the importer reads the technical metadata from the same parse."""
    path = Path(path)
    legacy = _legacy(legacy_charset)
    if not path.is_file():
        raise MetadataReadError(f"cannot read the metadata of {path}: no such file")
    return _read(
        path,
        (lambda: image) if image is not None else (lambda: open_image(path)),
        lambda: path.open("rb"),
        legacy,
        sidecar,
    )


def read_curated_bytes(data: bytes, *, name: str = "image", legacy_charset: str | None = None) -> ReadResult:
    """``read_curated`` of a file's bytes in memory (no sidecar): what the writer checks its
    output with before the file is written."""
    legacy = _legacy(legacy_charset)

    def opened() -> exiv2.Image:
        try:
            image = exiv2.ImageFactory.open(data)
            image.readMetadata()
        except exiv2.Exiv2Error as error:
            raise MetadataReadError(f"cannot read the metadata of {name}: {error_reason(error)}") from error
        return image

    return _read(None, opened, lambda: io.BytesIO(data), legacy, False)


def _legacy(legacy_charset: str | None) -> str | None:
    if legacy_charset is None:
        return None
    try:
        return iim.check_codec(legacy_charset)
    except LookupError as error:
        raise ValidationError(f"unknown legacy code page: {legacy_charset}", field="legacy_charset") from error


def _read(
    path: Path | None,
    opened: Callable[[], exiv2.Image],
    stream: Callable[[], BinaryIO],
    legacy: str | None,
    sidecar: bool,
) -> ReadResult:
    warnings: list[str] = []
    src = Sources()
    gps = side_gps = None
    location = side_location = None
    sidecar_path = None
    languages: dict[str, dict[str, str]] = {}
    side_languages: dict[str, dict[str, str]] | None = None
    with exiv2io.captured_log() as log:
        image = opened()
        if image.mimeType() in XMP_MIME_TYPES:
            # exiv2 fills EXIF and IPTC of a sidecar from its XMP: those are not in the file.
            src.xmp, gps = _xmp_values(image.xmpData(), warnings)
            location = location_of(image.xmpData())
            languages = _languages(image.xmpData())
        else:
            src.exif = _exif_values(image.exifData(), legacy, warnings)
            src.iim = _iim_values(image.iptcData(), legacy, warnings)
            src.iim_present = image.iptcData().count() > 0
            src.xmp, gps = _xmp_values(image.xmpData(), warnings)
            location = location_of(image.xmpData())
            languages = _languages(image.xmpData())
            if image.mimeType() == "image/jpeg":
                try:
                    with stream() as handle:
                        src.digest = irb.jpeg_iim_digest(handle).state
                except (OSError, irb.IrbError) as error:
                    warnings.append(f"IPTC digest not read: {error}")
            if sidecar and path is not None:
                sidecar_path, found_warnings = find_sidecar(path)
                warnings += found_warnings
                if sidecar_path is not None:
                    try:
                        side_xmp = open_image(sidecar_path).xmpData()
                        src.sidecar, side_gps = _xmp_values(side_xmp, warnings)
                        side_location = location_of(side_xmp)
                        side_languages = _languages(side_xmp)
                    except MetadataReadError as error:
                        warnings.append(str(error))
                        sidecar_path = None
    warnings += [f"exiv2: {m.text}" for m in log if m.level >= logging.WARNING]

    values: dict[str, Any] = {}  # each value has the shape its field declares
    conflicts = []
    for spec in FIELDS:
        if spec.structured:  # XMP only, whole: the sidecar's when it has the field
            found = src.sidecar.get(spec.name) or src.xmp.get(spec.name)
            values[spec.name] = found if found is not None else empty_value(spec.name)
            continue
        value, conflict = reconcile(spec, src)
        values[spec.name] = _model_value(spec.kind, value)
        if conflict:
            conflicts.append(conflict)
    code = values["country_code"]
    if code:
        # The catalog keeps alpha-3 (IIM 2:100); XMP writers often store alpha-2.
        try:
            values["country_code"] = normalize_country_code(str(code))
        except ValidationError:
            warnings.append(f"country code {code!r} is not an ISO 3166-1 code; kept as it is")
    values["translations"] = _translations(languages, side_languages, src.sidecar or {})
    return ReadResult(
        CuratedFields(**values), conflicts, warnings, side_gps or gps, sidecar_path, side_location or location
    )
