"""The image work of an export for one photo, run in a worker process.

``render(task)`` makes the photo's derivatives (``imaging.derivatives``) and embeds the
curated metadata in those that carry it through the metadata package's writer (EXIF, IIM and
XMP, read back and verified). With ``--metadata all`` (``task.carry_original``) a copy starts
from every property of its original, as ``photoarchive write``'s copies do (issue 16: persons
shown, artworks, image regions... whether we model them or not), less the layout tags and maker
notes (``metadata.derivative``); then the curated values go over it, and the privacy options
remove what they name: EXIF GPS and its details beyond the precision asked (``task.exif_gps``),
the location created's position (already out of ``task.fields``), serials and owner names.

The original is read once and hashed (``imaging.source.read_checked``), and those same bytes
are decoded: a file that is no longer the one imported (its hash differs from the catalog's)
fails with the reason, and the hash of the bytes used goes into the result for the
manifest. It is a plain function of a picklable task and never raises
for a bad photo: the reason a curator can act on goes into the result, and the photo's files
already written are removed (a failed photo leaves nothing in the publication).

Camera RAW originals (``task.raw``) are not developed: Pillow cannot, and the project keeps
to Pillow for pixels. They are rendered from the largest embedded preview that decodes (the
camera's own JPEG rendering, usually full or near full size), with a warning that names the
preview's size; a RAW file with no usable preview (none, none that decodes, or only
thumbnails under ``MIN_PREVIEW_EDGE``) fails with the reason. HEIF and every other
format are decoded from the file itself; one whose pixels cannot be decoded fails likewise.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from photoarchive.errors import ImageError, MetadataReadError, MetadataWriteError, ValidationError
from photoarchive.imaging.derivatives import DerivativeRequest, DerivativeResult, make_derivatives
from photoarchive.imaging.safe import open_image as open_pixels
from photoarchive.imaging.source import read_checked
from photoarchive.metadata import open_image, previews, write_bytes
from photoarchive.model import CuratedFields, LocationShown

# Formats whose own pixels Pillow decodes. The import records any other photo under its
# extension (NEF, CR2, DNG...): a camera RAW format, rendered from its embedded preview.
PIXEL_FORMATS = frozenset({"JPEG", "MPO", "TIFF", "PNG", "WEBP", "HEIF", "AVIF"})


# An embedded image smaller than this is a thumbnail for a file browser (EXIF's are 160 px),
# not a preview a publication can use: a RAW file with nothing larger fails instead.
MIN_PREVIEW_EDGE = 256


def is_raw(photo_format: str) -> bool:
    return photo_format.upper() not in PIXEL_FORMATS


@dataclass(frozen=True)
class RenderTask:
    photo_id: int
    request: DerivativeRequest
    fields: CuratedFields | None = None  # None: embed no curated metadata
    gps: tuple[float, float, float | None] | None = None  # for XMP's location shown
    location: LocationShown | None = None  # the gazetteer place's names and identifiers, for the same
    metadata_paths: tuple[str, ...] = ()  # the renditions that carry the metadata (in_memory ones)
    raw: bool = False  # a camera RAW file: rendered from its embedded preview
    sha256: str | None = None  # the original's, as imported: the bytes read must have it
    # Start the embedded metadata from every property of the original (``--metadata all``):
    # then EXIF GPS is ``exif_gps`` (None: none; the camera position at the precision asked),
    # the camera's other GPS tags stay with ``keep_gps_details``, and serials and owner names
    # go unless ``keep_serials``.
    carry_original: bool = False
    exif_gps: tuple[float, float, float | None] | None = None
    keep_gps_details: bool = False
    keep_serials: bool = False
    as_read: frozenset[str] = frozenset()  # fields written as the original holds them (R22)


@dataclass
class RenderResult:
    photo_id: int
    sizes: dict[str, tuple[int, int]] = field(default_factory=dict)  # path -> pixel size
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    sha256: str = ""  # of the original's bytes that were decoded


def render(task: RenderTask) -> RenderResult:
    result = RenderResult(task.photo_id)
    try:
        try:
            data, result.sha256 = read_checked(task.request.source, task.sha256)
        except OSError as error:
            raise ImageError(f"cannot read the original ({error.strerror or error})") from error
        if task.raw:
            made, warning = _from_preview(task.request, data)
            result.warnings.append(warning)
        else:
            made = make_derivatives(task.request, source_data=data)
        result.sizes = made.sizes
        # Encoded in memory by make_derivatives: the metadata goes in, is read back from the
        # bytes, and the file is written once.
        if task.fields is not None:
            carried: dict[str, Any] = (
                {
                    "source_metadata": data,
                    "exif_gps": task.exif_gps,
                    "keep_gps_details": task.keep_gps_details,
                    "remove_serials": not task.keep_serials,
                }
                if task.carry_original
                else {}
            )
            for path in task.metadata_paths:
                encoded, written = write_bytes(
                    task.fields,
                    made.data.pop(path),
                    name=Path(path).name,
                    gps=task.gps,
                    location=task.location,
                    as_read=task.as_read,
                    **carried,
                )
                _write_file(Path(path), encoded)
                result.warnings.extend(
                    f"{s.field.replace('_', ' ')} cut to {len(s.kept)} characters in the older IPTC record"
                    f" ({s.dataset}), which has a byte limit; XMP and EXIF hold all of it"
                    for s in written.shortened
                )
    except ImageError as error:
        result.error = _reason(error, task.request.source)
    except (MetadataWriteError, MetadataReadError, ValidationError) as error:
        result.error = f"cannot embed the metadata: {error}"
    except OSError as error:
        result.error = f"cannot write the image ({error.strerror or error})"
    except Exception as error:  # last resort: one photo's surprise must not stop the others
        result.error = f"unexpected error with this photo ({type(error).__name__}: {error})"
    if result.error:
        for rendition in task.request.renditions:
            with contextlib.suppress(OSError):
                Path(rendition.path).unlink(missing_ok=True)
        result.sizes, result.warnings, result.sha256 = {}, [], ""
    result.warnings = list(dict.fromkeys(result.warnings))
    return result


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as stream:
        stream.write(data)


def _from_preview(request: DerivativeRequest, data: bytes) -> tuple[DerivativeResult, str]:
    """The derivatives of a camera RAW file (``data``, its content) made from its largest usable
    embedded preview, and the warning that says so; ImageError saying why when none can be used."""
    try:
        found = previews(open_image(data, name=request.source))
    except MetadataReadError as error:
        raise ImageError(f"a camera RAW file that cannot be read ({_reason(error, request.source)})") from error
    failures = []
    for preview in found:  # largest first
        try:
            size = open_pixels(preview.data).size  # the header only: what the preview really is
            if max(size) < MIN_PREVIEW_EDGE:
                failures.append(f"{size[0]}×{size[1]} px: too small to publish")
                continue
            made = make_derivatives(request, pixels=preview.data, source_data=data)
        except ImageError as error:
            failures.append(f"{preview.width}×{preview.height} px: {_reason(error, request.source)}")
            continue
        width, height = made.source_size
        warning = f"camera RAW: made from its embedded {width}×{height} px preview (raw pixels are not developed here)"
        asked = [r.long_edge for r in request.renditions]
        wanted = None if None in asked else max(e for e in asked if e is not None)
        if wanted is not None and max(width, height) < wanted:
            warning += f"; so {max(width, height)} px, not the {wanted} px asked"
        return made, warning
    if not found:
        raise ImageError("a camera RAW file whose pixels cannot be developed here, and it has no embedded preview")
    raise ImageError(
        "a camera RAW file whose pixels cannot be developed here, and none of its embedded previews can be used"
        f" (the largest, {failures[0]})"
    )


def _reason(error: Exception, path: str) -> str:
    """The error's message without the file's path (the summary names the photo)."""
    message = str(error)
    for prefix in (f"{path} (embedded preview): ", f"{path}: ", "embedded preview: "):
        message = message.removeprefix(prefix)
    return message or str(error)
