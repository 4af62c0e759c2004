"""The work done for one file of an import, in a worker process.

``process_file`` is a plain function of picklable arguments so that it runs in a process
pool: it hashes the source, checks the catalog (read-only) for a duplicate, reads the
metadata, makes the thumbnails, and copies the original into ``originals/`` (temporary
name, fsync, then a link that never overwrites, then the hash is verified). It returns a
``FileResult``; the main process records it in the catalog. It never raises for a bad file:
the reason goes into the result.

On a catalog on a PostgreSQL server (``catalog_url``, the main process's ``catalog.location``:
a ``--catalog`` URL reaches the workers too, not only the folder's ``catalog.url``) the read-only
connection is to that database; temporary names in ``originals/.incoming`` carry the host's name,
so that two computers importing into one shared folder never write the same name.

Curated metadata (caption, credit, keywords, location shown...) is read here too, in
parallel, by ``metadata.read_curated`` on the source file, so that an XMP sidecar beside the
source is found. The reconciled fields fill the curated columns, the standards'
disagreements go to ``conflicts``; a value that breaks the catalog's rules (a control
character, say) is kept as read, with a warning; a file whose curated metadata cannot be
read is imported without it, with a warning. The raw descriptive tags stay in ``embedded``.

GPS: the camera's position (EXIF GPS) is the photo's position, ``gps_source = 'camera'``.
When the camera gave none, the GPS of the location shown (``Iptc4xmpExt:LocationShown``, as
our own ``write`` and other curating tools store it) fills it, with ``gps_source =
'location_shown'``, so that a photo curated elsewhere keeps its place on the map.
"""

from __future__ import annotations

import errno
import hashlib
import os
import socket
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from photoarchive.catalog.archive import ArchivePaths
from photoarchive.catalog.catalog import knows_path, photo_id_for_hash
from photoarchive.catalog.connection import Connection, connect
from photoarchive.catalog.location import CatalogLocation
from photoarchive.catalog.verify import sha256_file
from photoarchive.errors import CatalogError, ImageError, IngestError, MetadataReadError, ValidationError
from photoarchive.files import fsync_dir, numbered_name, real_path
from photoarchive.imaging import GRID_SIZE, THUMBNAIL_SIZES, make_placeholder, make_thumbnails, oriented_size
from photoarchive.imaging import open_image as open_pixels
from photoarchive.imaging.thumbnails import make_thumbnails_from_embedded
from photoarchive.ingest.header import image_kind, read_header
from photoarchive.ingest.scan import RAW_EXTENSIONS
from photoarchive.ingest.task import DISK_FULL, FileResult, disk_full
from photoarchive.ingest.task import today as today  # the import date, as the worker's callers give it
from photoarchive.metadata import (
    ReadResult,
    collect_exiv2_warnings,
    descriptive_values,
    iim,
    open_image,
    previews,
    read_curated,
    technical_from_image,
    validate_value,
)
from photoarchive.metadata.fields import FIELDS_BY_NAME, Input
from photoarchive.metadata.validate import salvaged_translations
from photoarchive.model import TechnicalMetadata

CHUNK = 1 << 20
# Files up to this size are read into memory once (hashed and copied from there).
IN_MEMORY_LIMIT = 512 << 20
_ACCEPTED_FORMATS = {"JPEG", "MPO", "TIFF", "PNG", "WEBP", "HEIF", "AVIF"}
# Formats whose pixels we may fail to decode although the file is sound (RAW decoding is not
# ours to do; libheif builds differ in the codecs they carry): kept with a placeholder.
_SALVAGE_FORMATS = {".heic", ".heif", ".hif"} | RAW_EXTENSIONS

# This worker's read-only connection to the catalog, and the catalog it is to (``_connection``).
_catalog: Connection | None = None
_catalog_location: CatalogLocation | None = None


def process_file(
    source: str,
    archive_root: str,
    import_date: str,
    legacy_charset: str | None = None,
    catalog_url: str | None = None,
) -> FileResult:
    """Import one file's bytes into the archive; see the module docstring.

    ``legacy_charset`` is the code page of metadata text that is not UTF-8 (guessed when None);
    ``catalog_url`` the catalog's server when it is on one (None: the archive's catalog.sqlite).
    """
    paths = ArchivePaths(Path(archive_root))
    try:
        _use_catalog(CatalogLocation(paths.catalog, catalog_url))
        result = _process(Path(source), paths, import_date, legacy_charset)
    except Exception as error:  # a bad file is one failure, never the end of the run
        result = _failure(source, error)
    return _without_surrogates(result)


def _failure(source: str, error: Exception) -> FileResult:
    if disk_full(error):
        return FileResult(source, "failed", error=f"{DISK_FULL}: {_strip_path(str(error), source)}", disk_full=True)
    if isinstance(error, ImageError | IngestError | MetadataReadError | CatalogError):
        return FileResult(source, "failed", error=_strip_path(str(error), source))
    if isinstance(error, OSError):
        return FileResult(source, "failed", error=f"cannot read or copy the file ({error.strerror or error})")
    if isinstance(error, RuntimeError) and "Symlink loop" in str(error):  # Path.resolve before Python 3.13
        return FileResult(source, "failed", error="cannot read the file (a loop of symbolic links)")
    return FileResult(source, "failed", error=f"unexpected error reading this file ({type(error).__name__}: {error})")


def _without_surrogates(result: FileResult) -> FileResult:
    """Bytes that are not UTF-8 (a file name from an old card, say) reach Python as surrogates,
    which SQLite and JSON refuse: replace them, and say so, whatever path they came by."""
    replaced: list[str] = []

    def clean(value: object, where: str) -> object:
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                replaced.append(where)
                return value.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")
            return value
        if isinstance(value, list):
            return [clean(v, where) for v in value]
        if isinstance(value, dict):
            return {clean(k, where): clean(v, where) for k, v in value.items()}
        return value

    result.values = {name: clean(value, name) for name, value in result.values.items()}
    result.error = clean(result.error, "error")  # type: ignore[assignment]
    result.warnings = clean(result.warnings, "warnings")  # type: ignore[assignment]
    fields = sorted(set(replaced) - {"error", "warnings", "source_path", "original_name"})
    if fields:
        result.warnings.append(f"undecodable bytes in {', '.join(fields)} replaced by \ufffd")
    return result


def _process(source: Path, paths: ArchivePaths, import_date: str, legacy: str | None) -> FileResult:
    size = source.stat().st_size
    if size == 0:
        return FileResult(str(source), "failed", error="empty file (0 bytes)")
    kind = image_kind(read_header(source))
    if kind is None:
        # Before a byte is hashed or copied: a large file that is no image costs nothing.
        return FileResult(
            str(source),
            "failed",
            error="not an image: its first bytes are not those of a JPEG, TIFF, PNG, WebP, HEIF or camera RAW file",
        )
    # Read once: the same bytes are hashed and copied (large RAW or TIFF files are streamed).
    data = source.read_bytes() if size <= IN_MEMORY_LIMIT else None
    digest = hashlib.sha256(data).hexdigest() if data is not None else sha256_file(source)
    if photo_id_for_hash(_connection(paths), digest) is not None:
        return FileResult(str(source), "duplicate", sha256=digest)
    result = FileResult(str(source), "imported", sha256=digest)
    # The copy (write and fsync), then, once the metadata has given the date taken and so its
    # folder, its placing (link, folder fsync, the copy read again and hashed): mostly waiting
    # on the disk, on a thread while this one decodes the thumbnails (libvips and Pillow
    # release the GIL), so the two overlap.
    paths.incoming.mkdir(parents=True, exist_ok=True)
    temporary = paths.incoming / f"{incoming_name()}.part"
    copying = _copier().submit(_copy, source, data, temporary)
    storing: list[Future[tuple[str, bool]]] = []

    def store(technical: TechnicalMetadata) -> None:
        day = (technical.captured_at or import_date)[:10]
        folder = f"{day[:4]}/{day}"
        storing.append(_copier().submit(_place_copy, copying, temporary, source, paths, folder, digest, data))

    try:
        read = _read(source, paths, digest, result.warnings, legacy, data, store, kind)
        if not storing:
            store(read.technical)
        relative, created = storing[0].result()
    except BaseException:
        _unplace(storing, paths)
        raise
    finally:
        copying.exception()  # wait for the copy before removing what is left of it
        if storing:
            storing[0].exception()
        temporary.unlink(missing_ok=True)
    technical = read.technical
    result.relative_path, result.created = relative, created
    result.warnings.extend(technical.warnings)
    latitude, longitude, altitude = technical.latitude, technical.longitude, technical.altitude
    gps_source = "camera" if latitude is not None else None
    if latitude is None and read.curated is not None and read.curated.gps is not None:
        latitude, longitude, altitude = read.curated.gps
        gps_source = "location_shown"
    result.values = {
        "sha256": digest,
        "original_path": relative,
        "original_name": source.name,
        "source_path": str(real_path(source) or source.absolute()),
        "size": size,
        "format": read.format,
        "width": read.width,
        "height": read.height,
        "orientation": technical.orientation,
        "captured_at": technical.captured_at,
        "camera_make": technical.camera_make,
        "camera_model": technical.camera_model,
        "lens": technical.lens,
        "exposure_time": technical.exposure_time,
        "f_number": technical.f_number,
        "iso": technical.iso,
        "focal_length": technical.focal_length,
        "latitude": latitude,
        "longitude": longitude,
        "altitude": altitude,
        "gps_source": gps_source,
        "embedded": read.embedded,
    }
    if read.curated is not None:
        result.values.update(_curated_values(read.curated, result.warnings))
    return result


def _curated_values(read: ReadResult, warnings: list[str]) -> dict[str, object]:
    """The curated columns of a photo from what ``read_curated`` found in its file."""
    values: dict[str, object] = {}
    for name, value in read.fields.as_dict().items():
        try:
            values[name] = validate_value(name, value)
        except ValidationError as error:
            values[name] = value
            # Said now: write and export write it as read while the curator leaves it unchanged,
            # a URL excepted, which they leave out (metadata.validate.restore_as_read).
            spec = FIELDS_BY_NAME.get(name)
            then = (
                "write and export leave it out"
                if spec is not None and spec.input is Input.URL
                else "write and export write it as the file holds it"
            )
            # In no interface's words: the command line and the window each say how to correct it.
            warnings.append(
                f"{error}; kept as read, but {then} until it is corrected; the photo is listed in Needs attention"
            )
    values["conflicts"] = [conflict.as_dict() for conflict in read.conflicts]
    # The other languages of the title, caption...: the catalog makes the default language's
    # the fields' values (Catalog.add_photo).
    translations, errors = salvaged_translations(read.fields.translations)
    warnings.extend(f"{error}; that value was not read" for error in errors)
    if translations:
        values["translations"] = translations
    # exiv2's own messages were collected with the technical read's (see _read).
    warnings.extend(w for w in read.warnings if not w.startswith("exiv2: "))
    return values


@dataclass
class _Read:
    technical: TechnicalMetadata
    embedded: dict[str, list[str]]
    format: str
    width: int | None
    height: int | None
    curated: ReadResult | None = None


def _read(
    source: Path,
    paths: ArchivePaths,
    digest: str,
    warnings: list[str],
    legacy: str | None,
    data: bytes | None,
    metadata_read: Callable[[TechnicalMetadata], None] = lambda _: None,
    kind: str | None = None,
) -> _Read:
    """Metadata and thumbnails of one file (its pixels decoded from ``data``, its bytes when
    they were read whole); width and height as displayed. ``metadata_read`` is given the
    technical metadata as soon as it is read, before the pixels are decoded. ``kind``: what
    the file's first bytes say it is (``header.image_kind``), when known."""
    with collect_exiv2_warnings() as exiv2_warnings, _exiv2_path(source, paths) as readable:
        read = _read_quietly(source, paths, digest, warnings, legacy, readable, data, metadata_read, kind)
    if exiv2_warnings:  # one line for the curator, however many entries were damaged
        more = f" (and {len(exiv2_warnings) - 1} more problems)" if len(exiv2_warnings) > 1 else ""
        read.technical.warnings.append(f"damaged metadata ignored: {exiv2_warnings[0]}{more}")
    return read


@contextmanager
def _exiv2_path(source: Path, paths: ArchivePaths) -> Iterator[Path]:
    """A name of ``source`` that exiv2 can open: its own, or, when that is not UTF-8 (a name
    from an old card), a symbolic link named in ASCII for as long as the file is read."""
    try:
        str(source).encode("utf-8")
    except UnicodeEncodeError:
        link = paths.incoming / f"{incoming_name()}{source.suffix.encode('ascii', 'replace').decode()}"
        link.symlink_to(source.absolute())
        try:
            yield link
        finally:
            link.unlink(missing_ok=True)
        return
    yield source


def _read_quietly(
    source: Path,
    paths: ArchivePaths,
    digest: str,
    warnings: list[str],
    legacy: str | None,
    readable: Path,
    data: bytes | None,
    metadata_read: Callable[[TechnicalMetadata], None],
    kind: str | None = None,
) -> _Read:
    suffix = source.suffix.lower()
    is_raw = suffix in RAW_EXTENSIONS
    targets = {size: paths.thumbnail(digest, size) for size in THUMBNAIL_SIZES}
    image = curated = None
    try:
        image = open_image(readable)
        technical = technical_from_image(image, legacy)
        embedded = descriptive_values(image, legacy)
    except MetadataReadError as error:
        if is_raw:
            raise ImageError(f"not a camera RAW file that can be read ({_strip_path(str(error), source)})") from error
        technical, embedded = TechnicalMetadata(), {}
        warnings.append(f"{_strip_path(str(error), source)}; imported without it")
    else:
        try:
            curated = read_curated(source, image=image, legacy_charset=legacy)  # the same parse, not a second one
        except MetadataReadError as error:
            warnings.append(f"captions and credits not read ({_strip_path(str(error), source)}); imported without them")
    metadata_read(technical)
    if is_raw:
        width, height = (image.pixelWidth() or None, image.pixelHeight() or None) if image is not None else (None, None)
        raw_previews = previews(image) if image is not None else []
        try:
            make_thumbnails_from_embedded((p.data for p in raw_previews), targets, technical.orientation)
        except ImageError as error:
            make_placeholder(targets, suffix[1:].upper())
            warnings.append(f"no usable embedded preview ({error}); the thumbnail is a placeholder")
        if width and height:
            width, height = oriented_size((width, height), technical.orientation)
        return _Read(technical, embedded, suffix[1:].upper(), width, height, curated)
    try:
        # A JPEG's signature is what Pillow knows it by (as JPEG, or MPO: stored as JPEG), and
        # make_thumbnails opens it (from the bytes in memory) as Pillow: not opened a second
        # time here to be told so (half a millisecond a photo); other formats are asked.
        fmt = "JPEG" if kind == "JPEG" else _pixel_format(source)
        pixels = data if data is not None else source  # not read from the disk a second time
        # A JPEG gets the grid's thumbnail alone, decoded at 1/8 scale: its 1024 px preview
        # would need the 1/4 scale decode and a second resize and encode (a sixth of the
        # import's time), and is made after the import (``ingest.previews``). Other formats
        # are decoded whole either way: both sizes now, from the one decode.
        made = {GRID_SIZE: targets[GRID_SIZE]} if fmt == "JPEG" else targets
        size = make_thumbnails(pixels, made, technical.orientation, name=str(source))
        width, height = oriented_size(size, technical.orientation)
    except ImageError as error:
        if suffix not in _SALVAGE_FORMATS or image is None:
            raise
        make_placeholder(targets, suffix[1:].upper())
        warnings.append(f"the pixels cannot be decoded here ({error}); kept with a placeholder thumbnail")
        width = image.pixelWidth() or None
        height = image.pixelHeight() or None
        fmt = "HEIF"
    return _Read(technical, embedded, fmt, width, height, curated)


def _pixel_format(source: Path) -> str:
    with open_pixels(source) as image:
        fmt = (image.format or "").upper()
    if fmt not in _ACCEPTED_FORMATS:
        raise ImageError(f"is a {fmt or 'unknown'} image, not a supported photo format")
    return "HEIF" if fmt == "AVIF" else ("JPEG" if fmt == "MPO" else fmt)


def _use_catalog(location: CatalogLocation) -> None:
    """Make ``location`` the catalog ``_connection`` reads (a connection to another is closed)."""
    global _catalog, _catalog_location
    if location != _catalog_location:
        if _catalog is not None:
            _catalog.close()
        _catalog, _catalog_location = None, location


def _connection(paths: ArchivePaths) -> Connection:
    """This worker process's read-only connection to the catalog, opened once: the archive's
    catalog.sqlite, or the server ``process_file`` was given."""
    global _catalog
    if _catalog is None:
        location = _catalog_location or CatalogLocation(paths.catalog)
        _catalog = connect(location, readonly=True)
    return _catalog


def incoming_name() -> str:
    """A new temporary name in ``originals/.incoming``: the host's name and a random part, so
    that two computers importing into one shared folder never write the same file."""
    return f"{_HOST}-{uuid.uuid4().hex}"


def _host_name() -> str:
    """This computer's name as a file name takes it (letters, digits, ``-``; ``host`` when none)."""
    name = "".join(c if c.isascii() and (c.isalnum() or c == "-") else "-" for c in socket.gethostname())
    return name.strip("-")[:40] or "host"


_HOST = _host_name()


def _store(
    temporary: Path, source: Path, paths: ArchivePaths, folder: str, digest: str, data: bytes | None = None
) -> tuple[str, bool]:
    """Give the verified temporary copy its place in originals/<folder>/ without overwriting
    anything; return (relative path, created).

    Once placed, the copy is read back and checked: against ``data``, the bytes that were
    hashed and written, when the file was read whole (comparing costs a tenth of hashing
    again), else against ``digest``.

    A file already at the name, with the same bytes and not in the catalog, is the copy of
    an import that was killed before it recorded it: it is adopted instead of copied again.
    """
    target_dir = paths.originals / folder
    target_dir.mkdir(parents=True, exist_ok=True)
    size = temporary.stat().st_size
    for attempt in range(10_000):
        name = _archive_name(source.name, attempt)
        target = target_dir / name
        relative = f"{folder}/{name}"
        if _place(temporary, target):
            created = True
        elif (
            not knows_path(_connection(paths), relative)
            and target.stat().st_size == size
            and sha256_file(target) == digest
        ):
            created = False
        else:
            continue
        fsync_dir(target_dir)
        if not _holds(target, digest, data):
            if created:
                target.unlink(missing_ok=True)
            raise IngestError("the copy in the archive does not match the original (disk error?)")
        return relative, created
    raise IngestError(f"too many files named {source.name} in {folder}")


def _holds(path: Path, digest: str, data: bytes | None) -> bool:
    """Whether the file at ``path`` holds the bytes ``data`` (when given) whose SHA-256 is ``digest``."""
    if data is None:
        return sha256_file(path) == digest
    with path.open("rb") as reader:
        return reader.read(len(data) + 1) == data


def _place_copy(
    copying: Future[str | None],
    temporary: Path,
    source: Path,
    paths: ArchivePaths,
    folder: str,
    digest: str,
    data: bytes | None = None,
) -> tuple[str, bool]:
    """``_store`` the copy once it is written (on the copying thread, after ``_copy``), unless
    the file changed while it was streamed."""
    written = copying.result()
    if written is not None and written != digest:
        raise IngestError("the file changed while it was being imported; import it again")
    return _store(temporary, source, paths, folder, digest, data)


def _unplace(storing: list[Future[tuple[str, bool]]], paths: ArchivePaths) -> None:
    """The file is not imported after all (its pixels cannot be decoded, say): a copy placed
    meanwhile is removed (one adopted from a killed run was there before, and stays)."""
    if not storing:
        return
    try:
        relative, created = storing[0].result()
    except Exception:  # not placed; its error is not the one this file fails with
        return
    if created:
        paths.original(relative).unlink(missing_ok=True)


def _archive_name(name: str, attempt: int) -> str:
    """The name of an original in the archive: the source's, numbered after the first attempt
    (``files.numbered_name``: cut to fit the file system's limit), in UTF-8 (a name in an old
    code page is decoded, since the catalog stores text)."""
    raw = os.fsencode(name)
    if not iim.is_utf8(raw):
        name = iim.decode_value(raw, None, iim.guess_legacy([raw])).text
    stem, suffix = os.path.splitext(name)
    return numbered_name(stem, attempt, suffix)


def _copy(source: Path, data: bytes | None, target: Path) -> str | None:
    """Write the bytes (or stream the file) to ``target`` and fsync; return the SHA-256 of what
    was streamed (None for ``data``: the bytes hashed already are the bytes written)."""
    digest = hashlib.sha256()
    with target.open("xb") as writer:
        if data is not None:
            writer.write(data)
        else:
            with source.open("rb") as reader:
                while chunk := reader.read(CHUNK):
                    digest.update(chunk)
                    writer.write(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    return digest.hexdigest() if data is None else None


_copy_thread: ThreadPoolExecutor | None = None


def _copier() -> ThreadPoolExecutor:
    global _copy_thread
    if _copy_thread is None:
        _copy_thread = ThreadPoolExecutor(1, thread_name_prefix="copy")
    return _copy_thread


def _place(temporary: Path, target: Path) -> bool:
    """Give the temporary copy its final name unless that name is taken (never overwrite)."""
    try:
        os.link(temporary, target)
        return True
    except FileExistsError:
        return False
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
    # File systems without hard links (FAT, exFAT): reserve the name, then replace the reservation.
    try:
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    os.replace(temporary, target)
    return True


def _strip_path(message: str, source: Path | str) -> str:
    """Messages carry the path separately; drop it from the reason."""
    prefix = f"{source}: "
    return message[len(prefix) :] if message.startswith(prefix) else message
