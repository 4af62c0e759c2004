"""Writing the curated fields into a file as EXIF, IPTC IIM and XMP, or into an XMP sidecar.

``write(fields, target)`` is for files we made or copied: export derivatives and the byte
copies of ``photoarchive write``, never an original in the archive. It

1. validates the fields (``validate.validate``) and the GPS of the location shown;
2. edits the metadata in memory through exiv2: every tag of ``fields.FIELDS`` is replaced by
   the curated value (an empty value removes the tag), every other tag is left as it is, and
   the pixels are not decoded;
3. updates the IPTC digest (``irb``) so that MWG readers trust both IIM and XMP;
4. writes a temporary file in the target's folder and fsyncs it, reads it back with
   ``read_curated`` and compares every field; only if all survived, renames it over the
   target (so a failed write never leaves a half-written target behind).

Decisions, and why:

- IIM is always UTF-8, marked by 1:90 = ESC % G. Other IIM text already in the file is
  transcoded to UTF-8 first, so that the marker tells the truth about it too.
- IIM has byte limits; XMP and EXIF get the whole value, IIM gets it cut at a character
  boundary, and ``WriteResult.shortened`` lists every cut. Readers that follow the MWG rules
  (ExifTool, ours) then take the whole value from XMP.
- EXIF ImageDescription, Artist and Copyright are "ASCII" by the EXIF 2.3 specification, but
  the MWG guidelines say to store UTF-8 there, and ExifTool (``-use MWG``), Photini and
  digiKam do; ``exiftool -validate`` does not object. We write UTF-8 so that EXIF, which MWG
  readers consult first for these fields, agrees with IIM and XMP instead of holding a
  mangled copy. (Leaving EXIF out for non-ASCII text would let a stale camera value win.)
- EXIF DateTimeOriginal needs a full date and time: a curated date of lesser precision
  removes it (with SubSecTimeOriginal and OffsetTimeOriginal), as it would otherwise win.
  IIM 2:60 needs an offset: a local time without one is written to EXIF and XMP only.
- When EXIF is created in a file that had none, the tags the EXIF specification requires are
  added with the values ExifTool gives them, so that ``exiftool -validate`` stays quiet.
- OffsetTimeOriginal came with EXIF 2.31: in a file with an older ExifVersion the offset is
  kept in IIM and XMP only (the reader gives it back to the EXIF date-time), since the tag
  would be invalid there and the file's ExifVersion is not ours to change.
- Lang-alt properties are written as x-default only (other languages would go on holding
  the text the curator replaced), except the per-language fields (``FieldSpec.per_language``:
  title, headline, caption, alt text), written with x-default first and then every language of
  ``CuratedFields.translations``. photoshop:Headline is a plain Text in the standard (ExifTool
  refuses ``-XMP-photoshop:Headline-ru=``): it keeps the x-default, and the headline's
  languages go into a lang-alt of our namespace (``FieldSpec.languages_key``). IIM and EXIF
  keep the x-default value. Iptc4xmpExt:LocationShown is replaced by one entry made of
  the location fields, the GPS given and, when the photo shows a place of the gazetteer
  (``location``), its LocationName in every language the gazetteer has (a lang-alt, the
  place's main name as x-default) and its LocationId, a bag of the place's identifier URIs
  (GeoNames, Wikidata); both come back in ``ReadResult.location`` and are verified.
- Only JPEG, TIFF (and DNG), PNG and WebP are written (``WRITABLE_MIME_TYPES``); raw and
  HEIF files get an XMP sidecar (``write_sidecar``).
"""

from __future__ import annotations

import logging
import math
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import exiv2

from photoarchive.errors import MetadataReadError, MetadataWriteError, ValidationError
from photoarchive.files import atomic_write, truncate_utf8
from photoarchive.metadata import dates, exiv2io, iim, irb, selection, structs
from photoarchive.metadata.derivative import copy_metadata, read_source
from photoarchive.metadata.exiv2io import error_reason
from photoarchive.metadata.fields import (
    FIELDS,
    IIM_CHARSET_KEY,
    LOCATION_SHOWN,
    MANAGED_IIM_KEYS,
    FieldSpec,
    GpsPoint,
    Kind,
    XmpType,
)
from photoarchive.metadata.mwg import split_names
from photoarchive.metadata.read import ReadResult, read_curated, read_curated_bytes
from photoarchive.metadata.validate import check_url, validate, validate_gps, validate_value
from photoarchive.model.curated import SELECTION_FIELDS, CuratedFields
from photoarchive.model.place import LocationShown

# Formats whose metadata exiv2 rewrites without touching anything else. Raw formats are left
# out: exiv2 rewrites their maker notes, which raw converters read (ExifTool finds a damaged
# NikonScanIFD in a NEF after it), so raw originals get sidecars. DNG reports image/tiff.
WRITABLE_MIME_TYPES = frozenset({"image/jpeg", "image/tiff", "image/png", "image/webp"})

# Required EXIF tags and the values ExifTool gives them when it creates EXIF (WriteExif.pl).
_IFD0_REQUIRED = {"Exif.Image.XResolution": "72/1", "Exif.Image.YResolution": "72/1", "Exif.Image.ResolutionUnit": "2"}
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_EXIF_IFD_REQUIRED = {
    "Exif.Photo.ExifVersion": "48 50 51 50",
    "Exif.Photo.ComponentsConfiguration": "1 2 3 0",
    "Exif.Photo.FlashpixVersion": "48 49 48 48",
    "Exif.Photo.ColorSpace": "65535",
}


@dataclass(frozen=True)
class Shortened:
    """A value that IIM could hold only in part (XMP and EXIF hold all of it)."""

    field: str
    dataset: str  # e.g. "IIM 2:120"
    full: str
    kept: str


@dataclass
class WriteResult:
    """What a write did: the file, the values IIM holds only in part, exiv2's warnings."""

    path: Path
    shortened: list[Shortened] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def sidecar_path(original: Path | str, folder: Path | str | None = None, *, style: str = "darktable") -> Path:
    """The sidecar name for ``original``: ``NAME.EXT.xmp`` (darktable, digiKam; the default,
    as it cannot collide for IMG_1.CR2 and IMG_1.JPG) or ``NAME.xmp`` (``style="lightroom"``)."""
    original = Path(original)
    name = original.stem + ".xmp" if style == "lightroom" else original.name + ".xmp"
    return Path(folder or original.parent) / name


def _values(fields: CuratedFields, spec: FieldSpec) -> list[str]:
    value = getattr(fields, spec.name)
    if spec.kind is Kind.LIST:
        return list(value)
    if spec.kind is Kind.NAMES:
        return split_names(value)
    return [value] if value else []


def _gps_coordinate(value: float, refs: str) -> str:
    degrees = int(abs(value))
    minutes = (abs(value) - degrees) * 60
    return f"{degrees},{minutes:.6f}{refs[0] if value >= 0 else refs[1]}"


def apply_xmp(
    xmp: exiv2.XmpData, fields: CuratedFields, gps: GpsPoint | None, location: LocationShown | None = None
) -> None:
    """Set every XMP property of the table (and LocationShown) in ``xmp`` to ``fields``."""
    selection.apply_values(xmp, fields)
    for spec in FIELDS:
        if spec.name in SELECTION_FIELDS:  # their tags depend on each other: ``selection``
            continue
        if spec.structured:
            structs.apply_value(xmp, spec, getattr(fields, spec.name))
            continue
        values = _values(fields, spec)
        exiv2io.xmp_delete(xmp, spec.xmp.key)
        if values:
            one = spec.kind in (Kind.TEXT, Kind.DATE)
            exiv2io.xmp_set(xmp, spec.xmp.key, spec.xmp.type, values[0] if one else values)
        if spec.per_language:
            _apply_languages(xmp, fields, spec)
    prefix = exiv2io.iptc_ext_prefix()
    shown: dict[str, str | dict[str, str] | list[str]] = {}
    if location is not None and location.identifiers:
        shown[f"{prefix}:LocationId"] = list(location.identifiers)
    if location is not None and location.names:
        shown[f"{prefix}:LocationName"] = dict(location.names)
    shown.update(
        (f"{prefix}:{spec.location_shown}", getattr(fields, spec.name))
        for spec in FIELDS
        if spec.location_shown and getattr(fields, spec.name)
    )
    if gps is not None:
        shown["exif:GPSLatitude"] = _gps_coordinate(gps.latitude, "NS")
        shown["exif:GPSLongitude"] = _gps_coordinate(gps.longitude, "EW")
        if gps.altitude is not None:
            shown["exif:GPSAltitude"] = f"{round(abs(gps.altitude) * 100)}/100"
            shown["exif:GPSAltitudeRef"] = "1" if gps.altitude < 0 else "0"
    exiv2io.xmp_set_struct_bag(xmp, LOCATION_SHOWN, shown)


def _apply_languages(xmp: exiv2.XmpData, fields: CuratedFields, spec: FieldSpec) -> None:
    """A per-language field as a lang-alt: x-default (the field's value) first, then each
    language of ``fields.translations``; in the field's own property when it is a lang-alt,
    else (the headline) in ``spec.languages_key``, written only when there are languages."""
    languages = {tag: texts[spec.name] for tag, texts in sorted(fields.translations.items()) if texts.get(spec.name)}
    own = spec.languages_key == spec.xmp.key
    if not own:
        exiv2io.xmp_delete(xmp, spec.languages_key)
    if not languages:
        return
    value = getattr(fields, spec.name)
    exiv2io.xmp_set(xmp, spec.languages_key, XmpType.LANG_ALT, {**({"x-default": value} if value else {}), **languages})


def _apply_iim(iptc: exiv2.IptcData, fields: CuratedFields, legacy: str) -> list[Shortened]:
    wanted = {spec.name: _values(fields, spec) for spec in FIELDS if spec.iim}
    if not any(wanted.values()) and iptc.count() == 0:
        return []  # no IIM before, none needed now
    charset = iim.charset_of_marker(next(iter(exiv2io.iim_raw(iptc, IIM_CHARSET_KEY)), None))
    for datum in iptc:
        if datum.key() in MANAGED_IIM_KEYS or datum.key() == IIM_CHARSET_KEY:
            continue
        if datum.typeId() == exiv2.TypeId.string:
            raw = bytes(datum.value().data())
            text, _ = iim.decode(raw, charset, legacy)
            if text.encode("utf-8") != raw:
                datum.setValue(text)
    exiv2io.iim_delete(iptc, IIM_CHARSET_KEY)
    exiv2io.iim_add(iptc, IIM_CHARSET_KEY, iim.UTF8_MARKER.decode("ascii"))
    # IIM 4 requires the record versions; ExifTool adds them as well.
    for key in ("Iptc.Envelope.ModelVersion", "Iptc.Application2.RecordVersion"):
        if key not in iptc:
            iptc[key] = exiv2.UShortValue(4)
    shortened = []
    for spec in FIELDS:
        if not spec.iim:
            continue
        for dataset in spec.iim:
            exiv2io.iim_delete(iptc, dataset.key)
        values = wanted[spec.name]
        if spec.kind is Kind.DATE:
            if values:
                day, time = dates.to_iim(values[0])
                exiv2io.iim_add(iptc, spec.iim[0].key, day)
                if time:
                    exiv2io.iim_add(iptc, spec.iim[1].key, time)
            continue
        dataset = spec.iim[0]
        for value in values:
            kept = truncate_utf8(value, dataset.max_bytes)
            if kept != value:
                shortened.append(Shortened(spec.name, f"IIM {dataset.number}", value, kept))
            if kept:
                exiv2io.iim_add(iptc, dataset.key, kept)
    return shortened


# ``write(exif_gps=KEEP_EXIF_GPS)``: leave the file's EXIF GPS as it is (an export derivative,
# whose EXIF the imaging package made with the position at the precision asked).
KEEP_EXIF_GPS = "keep"
_EXIF_GPS_POSITION = tuple(
    f"Exif.GPSInfo.GPS{name}"
    for name in ("LatitudeRef", "Latitude", "LongitudeRef", "Longitude", "AltitudeRef", "Altitude")
)


def _apply_exif_gps(image: exiv2.Image, point: GpsPoint | None, keep_details: bool) -> None:
    """Make EXIF GPS (and its XMP mirror, exif:GPS*, which readers take for the same) say
    ``point``, or nothing. With ``keep_details`` the file's other GPS tags (the time, direction
    and satellites of the camera's fix) stay; otherwise they go, as they describe another fix."""
    exif, xmp = image.exifData(), image.xmpData()
    doomed = [
        d.key()
        for d in exif
        if d.key().startswith("Exif.GPSInfo.") and not (keep_details and point and d.key() not in _EXIF_GPS_POSITION)
    ]
    for key in dict.fromkeys(doomed):
        while key in exif:
            del exif[key]
    _remove_xmp_gps(xmp)
    if point is None:
        return
    if "Exif.GPSInfo.GPSVersionID" not in exif:
        exif["Exif.GPSInfo.GPSVersionID"] = "2 3 0 0"
    scale = 10**7  # degrees with 7 decimals (1 cm), minutes and seconds zero, as export writes them
    for axis, value, refs in (("Latitude", point.latitude, "NS"), ("Longitude", point.longitude, "EW")):
        exif[f"Exif.GPSInfo.GPS{axis}Ref"] = refs[0] if value >= 0 else refs[1]
        exif[f"Exif.GPSInfo.GPS{axis}"] = f"{round(abs(value) * scale)}/{scale} 0/1 0/1"
    if point.altitude is not None:
        exif["Exif.GPSInfo.GPSAltitudeRef"] = "1" if point.altitude < 0 else "0"
        exif["Exif.GPSInfo.GPSAltitude"] = f"{round(abs(point.altitude) * 100)}/100"
    if "Exif.GPSInfo.GPSMapDatum" not in exif:
        exif["Exif.GPSInfo.GPSMapDatum"] = "WGS-84"


def _remove_xmp_gps(xmp: exiv2.XmpData) -> None:
    """Remove XMP's mirror of EXIF GPS (exif:GPS*): the position it held may not be the one to
    write (or may have to go), and EXIF holds the one written."""
    for key in dict.fromkeys(d.key() for d in xmp if d.key().startswith("Xmp.exif.GPS")):
        exiv2io.xmp_delete(xmp, key)


# What identifies a camera or its owner (the privacy option of export, ``remove_serials``):
# EXIF's and their XMP mirrors (aux, Adobe's; exifEX, CIPA's for EXIF 2.3). Maker notes,
# which hold serials too, are never carried over (``derivative.copy_metadata``).
SERIAL_AND_OWNER_EXIF = (
    "Exif.Photo.BodySerialNumber",
    "Exif.Photo.LensSerialNumber",
    "Exif.Photo.CameraOwnerName",
    "Exif.Image.CameraSerialNumber",
)
SERIAL_AND_OWNER_XMP = (
    "Xmp.aux.SerialNumber",
    "Xmp.aux.LensSerialNumber",
    "Xmp.aux.OwnerName",
    "Xmp.exifEX.BodySerialNumber",
    "Xmp.exifEX.LensSerialNumber",
    "Xmp.exifEX.CameraOwnerName",
)


def _remove_serials(image: exiv2.Image) -> None:
    exif, xmp = image.exifData(), image.xmpData()
    for key in SERIAL_AND_OWNER_EXIF:
        while key in exif:
            del exif[key]
    for key in SERIAL_AND_OWNER_XMP:
        exiv2io.xmp_delete(xmp, key)


def _taken_at(exif_gps: GpsPoint | tuple | str | None) -> GpsPoint | str | None:
    if exif_gps is None or isinstance(exif_gps, str):
        return exif_gps
    return validate_gps(*exif_gps)


def _exif_version(exif: exiv2.ExifData) -> bytes:
    if "Exif.Photo.ExifVersion" not in exif:
        return b"0000"
    value = exif["Exif.Photo.ExifVersion"].value()
    return bytes(value.data()) if hasattr(value, "data") else b"0000"


def _apply_exif(image: exiv2.Image, fields: CuratedFields) -> None:
    exif = image.exifData()
    had_ifd0 = any(d.key().startswith("Exif.Image.") for d in exif)
    had_exif_ifd = any(d.key().startswith("Exif.Photo.") for d in exif)
    for spec in FIELDS:
        if not spec.exif:
            continue
        if spec.kind is Kind.DATE:
            stamp, subsec, offset = (dates.to_exif(fields.date_created) if fields.date_created else None) or (
                "",
                "",
                "",
            )
            if offset and had_exif_ifd and _exif_version(exif) < b"0231":
                # OffsetTimeOriginal came with EXIF 2.31; in an older EXIF it would be invalid,
                # and changing the file's ExifVersion is not ours to do. IIM and XMP keep it.
                offset = ""
            for key, text in zip(spec.exif, (stamp, subsec, offset), strict=True):
                exiv2io.exif_set(exif, key, text)
        else:
            exiv2io.exif_set(exif, spec.exif[0], getattr(fields, spec.name))
    keys = [d.key() for d in exif]
    new_ifd0 = not had_ifd0 and any(k.startswith(("Exif.Image.", "Exif.Photo.", "Exif.GPSInfo.")) for k in keys)
    new_exif_ifd = not had_exif_ifd and any(k.startswith("Exif.Photo.") for k in keys)
    for key, text in _required_exif(image, ifd0=new_ifd0, exif_ifd=new_exif_ifd).items():
        exif[key] = text
    if new_exif_ifd:
        exif["Exif.Photo.PixelXDimension"] = exiv2.ULongValue(image.pixelWidth())
        exif["Exif.Photo.PixelYDimension"] = exiv2.ULongValue(image.pixelHeight())


def _required_exif(image: exiv2.Image, *, ifd0: bool, exif_ifd: bool) -> dict[str, str]:
    """The tags EXIF requires in IFD0 and in the EXIF IFD (as asked), with the values ExifTool
    gives them."""
    required = dict(_IFD0_REQUIRED) if ifd0 else {}
    if ifd0 and image.mimeType() == "image/jpeg":
        required["Exif.Image.YCbCrPositioning"] = "1"
    if exif_ifd:
        required.update(_EXIF_IFD_REQUIRED)
    return required


def _complete_exif(image: exiv2.Image) -> None:
    """Add the tags EXIF requires that a derivative's copied EXIF lacks (an original's EXIF
    may lack them; the derivative is a file we made, and ``exiftool -validate`` checks them),
    and say sRGB, the colour space of every derivative."""
    exif = image.exifData()
    keys = {d.key() for d in exif}
    if not keys:
        return
    required = _required_exif(image, ifd0=True, exif_ifd=any(k.startswith("Exif.Photo.") for k in keys))
    for key, text in required.items():
        if key not in keys:
            exif[key] = text
    if "Exif.Photo.ColorSpace" in exif:
        exif["Exif.Photo.ColorSpace"] = "1"  # sRGB: the imaging package converts derivatives to it


def _differences(
    expected: CuratedFields,
    gps: GpsPoint | None,
    location: LocationShown | None,
    read_back: Callable[[], ReadResult],
) -> list[str]:
    """Names of the fields (and "gps", "location shown") that did not come back as written."""
    try:
        result = read_back()
    except MetadataReadError:
        return ["all fields (the written file cannot be read)"]
    lost = [spec.name for spec in FIELDS if not _same(spec, expected, result.fields)]
    if result.fields.translations != expected.translations:
        lost.append("translations")
    if (gps is None) != (result.gps is None) or (
        gps
        and result.gps
        and not (
            math.isclose(gps.latitude, result.gps.latitude, abs_tol=1e-6)
            and math.isclose(gps.longitude, result.gps.longitude, abs_tol=1e-6)
            and (gps.altitude is None) == (result.gps.altitude is None)
            and (
                gps.altitude is None
                or result.gps.altitude is None
                or math.isclose(gps.altitude, result.gps.altitude, abs_tol=0.01)
            )
        )
    ):
        lost.append("gps")
    back = result.location
    if (location.names if location else {}) != (back.names if back else {}) or (
        location.identifiers if location else []
    ) != (back.identifiers if back else []):
        lost.append("location shown (its names and identifiers)")
    return lost


def _same(spec: FieldSpec, expected: CuratedFields, got: CuratedFields) -> bool:
    want, have = getattr(expected, spec.name), getattr(got, spec.name)
    # A lang-alt without x-default (a caption in Russian only) reads as its first language.
    return want == have or (
        spec.per_language and want == "" and have in {texts.get(spec.name) for texts in expected.translations.values()}
    )


def clean_location(location: LocationShown | None) -> LocationShown | None:
    """A checked copy of a location shown (``ValidationError`` naming it), None when empty.

    Names keep their order, the main name first as ``x-default`` (the first name is taken
    for it when none is marked); identifiers must be http(s) URIs, and repeats are dropped.
    """
    if location is None:
        return None
    names: dict[str, str] = {}
    for language, name in location.names.items():
        language, name = (language or "").strip(), " ".join(str(name).split())
        if not name:
            continue
        if not (language == "x-default" or _LANGUAGE_TAG.fullmatch(language)):
            raise ValidationError(f"location shown: {language!r} is not a language tag", field="location")
        try:
            validate_value("sublocation", name)  # the same rules as a place name in the fields
        except ValidationError as error:
            raise ValidationError(f"location shown: name in {language!r}: {error}", field="location") from error
        names.setdefault(language, name)
    if names and "x-default" not in names:
        names = {"x-default": next(iter(names.values())), **names}
    names = {"x-default": names.pop("x-default"), **names} if names else {}
    identifiers = []
    for uri in location.identifiers:
        try:
            uri = check_url("location", uri.strip())  # the one rule for URLs
        except ValidationError as error:
            raise ValidationError(
                f"location shown: identifier {uri!r} is not an http(s) URI", field="location"
            ) from error
        if uri and uri not in identifiers:
            identifiers.append(uri)
    if not names and not identifiers:
        return None
    return LocationShown(location.place_id, names, identifiers)


def _commit(data: bytes, target: Path, verify: Callable[[Path], list[str]]) -> None:
    """Write ``data`` next to ``target``, check it, then rename it over ``target`` atomically;
    a target that exists keeps its permissions."""

    def check(tmp: Path) -> None:
        lost = verify(tmp)
        if lost:
            raise MetadataWriteError(f"metadata written to {target.name} did not survive: {', '.join(lost)}")

    try:
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else None
        atomic_write(target, data, mode=mode, verify=check)
    except OSError as error:
        raise MetadataWriteError(f"cannot write {target}: {error.strerror or error}") from error


def _check_log(log: list[exiv2io.LogMessage], target: Path, known: frozenset[str] = frozenset()) -> list[str]:
    """Warnings from exiv2's log of a write; ``MetadataWriteError`` for an error not in ``known``.

    (exiv2 parses a TIFF-based file again while writing it and repeats what it said reading it.)
    """
    errors = [m.text for m in log if m.is_error and m.text not in known]
    if errors:
        # exiv2 reports some failures (e.g. XMP it cannot encode) only in its log, and then
        # writes the file without that part: that is a failed write.
        raise MetadataWriteError(f"cannot write metadata to {target}: {errors[0]}")
    return [f"exiv2: {m.text}" for m in log if m.level >= logging.WARNING and m.text not in known]


def write(
    fields: CuratedFields,
    target: Path | str,
    *,
    gps: GpsPoint | tuple | None = None,
    location: LocationShown | None = None,
    source_metadata: Path | str | None = None,
    legacy_charset: str = "cp1251",
    exif_gps: GpsPoint | tuple | str | None = KEEP_EXIF_GPS,
    keep_gps_details: bool = False,
    as_read: frozenset[str] = frozenset(),
) -> WriteResult:
    """Write the curated ``fields`` into ``target`` as EXIF, IIM and XMP (see the module doc).

    ``as_read`` names fields whose values are written unchecked: values of the original file
    the curator has not changed (``validate.restore_as_read``).

    ``gps`` is the position of the location shown (``GpsPoint`` or (lat, lon[, alt])), and
    ``location`` the names and identifiers of the gazetteer place it is
    (``catalog.places.location_shown``). ``exif_gps`` is where the photo was taken, written as
    EXIF GPS (see ``model.position.is_taken_at``); None removes the file's EXIF GPS, and
    ``KEEP_EXIF_GPS`` leaves it alone. ``keep_gps_details`` keeps the file's other GPS tags
    (for a camera position: the same fix).
    ``source_metadata`` first copies the metadata of another file (the original of an export
    derivative) into ``target``; see ``derivative.copy_metadata`` for what is carried over.
    """
    target = Path(target)
    clean = validate(fields, as_read=as_read)
    point = validate_gps(*gps) if gps is not None else None
    taken_at = _taken_at(exif_gps)
    place = clean_location(location)
    try:
        data = target.read_bytes()
    except OSError as error:
        raise MetadataWriteError(f"cannot read {target}: {error.strerror or error}") from error
    out, shortened, warnings = _embed(
        data, target, clean, point, place, source_metadata, legacy_charset, (taken_at, keep_gps_details)
    )
    _commit(out, target, lambda tmp: _differences(clean, point, place, lambda: read_curated(tmp, sidecar=False)))
    return WriteResult(target, shortened, warnings)


def write_bytes(
    fields: CuratedFields,
    data: bytes,
    *,
    name: str = "image",
    gps: GpsPoint | tuple | None = None,
    location: LocationShown | None = None,
    legacy_charset: str = "cp1251",
    exif_gps: GpsPoint | tuple | str | None = KEEP_EXIF_GPS,
    keep_gps_details: bool = False,
    as_read: frozenset[str] = frozenset(),
    source_metadata: bytes | Path | None = None,
    remove_serials: bool = False,
) -> tuple[bytes, WriteResult]:
    """``write`` in memory: a file's bytes in, the bytes with the metadata embedded out.

    For a file that is being made (an export derivative, encoded in memory): it is read back
    and verified from the bytes, as ``write`` verifies the file, and then written once by the
    caller, instead of written, read, written again and read back. ``name`` names it in messages;
    ``exif_gps``, ``keep_gps_details`` and ``as_read`` are as for ``write``.

    ``source_metadata`` (the original's bytes or path) is as for ``write``: an export's copy
    starts from every property of its original, with the curated values written over it.
    ``remove_serials`` then removes the camera's and the lens's serial numbers and the owner's
    name (``SERIAL_AND_OWNER_EXIF``, ``SERIAL_AND_OWNER_XMP``), export's privacy option.
    """
    clean = validate(fields, as_read=as_read)
    point = validate_gps(*gps) if gps is not None else None
    taken_at = _taken_at(exif_gps)
    place = clean_location(location)
    out, shortened, warnings = _embed(
        data,
        Path(name),
        clean,
        point,
        place,
        source_metadata,
        legacy_charset,
        (taken_at, keep_gps_details),
        remove_serials=remove_serials,
    )
    lost = _differences(clean, point, place, lambda: read_curated_bytes(out, name=name, legacy_charset=legacy_charset))
    if lost:
        raise MetadataWriteError(f"metadata written to {name} did not survive: {', '.join(lost)}")
    return out, WriteResult(Path(name), shortened, warnings)


def _embed(
    data: bytes,
    target: Path,
    clean: CuratedFields,
    point: GpsPoint | None,
    place: LocationShown | None,
    source_metadata: bytes | Path | str | None,
    legacy_charset: str,
    exif_gps: tuple[GpsPoint | str | None, bool] = (KEEP_EXIF_GPS, False),
    *,
    remove_serials: bool = False,
) -> tuple[bytes, list[Shortened], list[str]]:
    """The file's bytes with the metadata written in, what IIM had to shorten, and warnings."""
    with exiv2io.captured_log() as read_log:
        try:
            image = exiv2.ImageFactory.open(data)
            image.readMetadata()
        except exiv2.Exiv2Error as error:
            raise MetadataWriteError(f"cannot write metadata to {target}: {error_reason(error)}") from error
    if image.mimeType() not in WRITABLE_MIME_TYPES:
        raise MetadataWriteError(
            f"cannot embed metadata in {target.name} ({image.mimeType()}): write an XMP sidecar for it instead"
        )
    # Damage that exiv2 met while reading (a maker note it could not parse) is the source's,
    # and only a warning; an error while writing means a part of the metadata was not written.
    warnings = [f"exiv2: {m.text}" for m in read_log if m.level >= logging.WARNING]
    with exiv2io.captured_log() as log:
        try:
            if source_metadata is not None:
                copy_metadata(source_metadata if isinstance(source_metadata, bytes) else Path(source_metadata), image)
                _complete_exif(image)
            if remove_serials:
                _remove_serials(image)
            taken_at, keep_details = exif_gps
            if not isinstance(taken_at, str):  # the only text it can be is KEEP_EXIF_GPS
                _apply_exif_gps(image, taken_at, keep_details)
            _apply_exif(image, clean)
            shortened = _apply_iim(image.iptcData(), clean, legacy_charset)
            apply_xmp(image.xmpData(), clean, point, place)
            image.writeMetadata()
            io = image.io()
            out = bytes(io.mmap())
            io.munmap()
        except exiv2.Exiv2Error as error:
            raise MetadataWriteError(f"cannot write metadata to {target}: {error_reason(error)}") from error
    warnings += _check_log(log, target, frozenset(m.text for m in read_log))
    if image.mimeType() == "image/jpeg":
        try:
            out = irb.update_jpeg_digest(out)
        except irb.IrbError as error:
            raise MetadataWriteError(f"cannot update the IPTC digest of {target}: {error}") from error
    return out, shortened, warnings


_EMPTY_XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n'
    "</x:xmpmeta>\n"
)


def write_sidecar(
    fields: CuratedFields,
    xmp_path: Path | str,
    *,
    gps: GpsPoint | tuple | None = None,
    location: LocationShown | None = None,
) -> WriteResult:
    """Write the curated ``fields`` into an XMP sidecar, keeping what else an existing one holds."""
    xmp_path = Path(xmp_path)
    clean = validate(fields)
    point = validate_gps(*gps) if gps is not None else None
    place = clean_location(location)
    data, warnings = _sidecar_packet(xmp_path, clean, point, place, keep=True)
    _commit(data, xmp_path, lambda tmp: _differences(clean, point, place, lambda: read_curated(tmp, sidecar=False)))
    return WriteResult(xmp_path, [], warnings)


def sidecar_bytes(
    fields: CuratedFields,
    *,
    name: str = "sidecar.xmp",
    gps: GpsPoint | tuple | None = None,
    location: LocationShown | None = None,
    as_read: frozenset[str] = frozenset(),
    source_metadata: bytes | Path | None = None,
    exif_gps: GpsPoint | tuple | str | None = KEEP_EXIF_GPS,
) -> tuple[bytes, WriteResult]:
    """A new XMP sidecar of the curated ``fields`` in memory, read back and verified from the
    bytes (as ``write_bytes`` does for an image): for the caller to write once.

    With ``source_metadata`` (the original's bytes or path) it starts from the original's XMP,
    as ``write_bytes`` does from the original's metadata, with the curated values written over
    it (structures member by member: ``structs``). ``exif_gps`` other than ``KEEP_EXIF_GPS``
    removes the original's XMP mirror of EXIF GPS, as ``write_bytes`` does in a copy's XMP."""
    clean = validate(fields, as_read=as_read)
    point = validate_gps(*gps) if gps is not None else None
    place = clean_location(location)
    start = None
    if source_metadata is not None:
        start = read_source(source_metadata).xmpData()  # edited in memory only
        if not isinstance(_taken_at(exif_gps), str):
            _remove_xmp_gps(start)
    data, warnings = _sidecar_packet(Path(name), clean, point, place, keep=False, start=start)
    lost = _differences(clean, point, place, lambda: read_curated_bytes(data, name=name))
    if lost:
        raise MetadataWriteError(f"metadata written to {name} did not survive: {', '.join(lost)}")
    return data, WriteResult(Path(name), [], warnings)


def _sidecar_packet(
    xmp_path: Path,
    clean: CuratedFields,
    point: GpsPoint | None,
    place: LocationShown | None,
    *,
    keep: bool,
    start: exiv2.XmpData | None = None,
) -> tuple[bytes, list[str]]:
    """An XMP packet of the fields (over what an existing sidecar at ``xmp_path`` holds, with
    ``keep``, or over ``start``), and exiv2's warnings."""
    with exiv2io.captured_log() as log:
        try:
            if start is not None:
                xmp = start
            elif keep and xmp_path.exists():
                existing = exiv2.ImageFactory.open(str(xmp_path))
                existing.readMetadata()
                xmp = existing.xmpData()  # edited in memory only; the file is replaced below
            else:
                xmp = exiv2.XmpData()
        except exiv2.Exiv2Error as error:
            raise MetadataWriteError(f"cannot read the sidecar {xmp_path}: {error_reason(error)}") from error
        apply_xmp(xmp, clean, point, place)
        flags = exiv2.XmpParser.XmpFormatFlags.omitPacketWrapper | exiv2.XmpParser.XmpFormatFlags.useCompactFormat
        status, packet = exiv2.XmpParser.encode(xmp, flags)
    warnings = _check_log(log, xmp_path)
    if status != 0:
        raise MetadataWriteError(f"cannot encode XMP for {xmp_path} (exiv2 status {status})")
    if not packet.strip():  # nothing to say: still a sidecar that every reader can open
        packet = _EMPTY_XMP
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + packet
    return text.encode("utf-8"), warnings
