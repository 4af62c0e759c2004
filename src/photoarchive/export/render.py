"""The image work of an export for one photo, run in a worker process.

``render(task)`` makes the photo's derivatives (``imaging.derivatives``) and embeds the
curated metadata in those that carry it through the metadata package's writer (EXIF, IIM and
XMP, read back and verified). It is a plain function of a picklable task and never raises
for a bad photo: the reason a curator can act on goes into the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from photoarchive.errors import ImageError, MetadataWriteError, ValidationError
from photoarchive.imaging.derivatives import DerivativeRequest, make_derivatives
from photoarchive.metadata.write import write
from photoarchive.model import CuratedFields, LocationShown


@dataclass(frozen=True)
class RenderTask:
    photo_id: int
    request: DerivativeRequest
    fields: CuratedFields | None = None  # None: embed no curated metadata
    gps: tuple[float, float, float | None] | None = None  # for XMP's location shown
    location: LocationShown | None = None  # the gazetteer place's names and identifiers, for the same
    metadata_paths: tuple[str, ...] = ()  # the renditions that carry the metadata


@dataclass
class RenderResult:
    photo_id: int
    sizes: dict[str, tuple[int, int]] = field(default_factory=dict)  # path -> pixel size
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


def render(task: RenderTask) -> RenderResult:
    result = RenderResult(task.photo_id)
    try:
        result.sizes = make_derivatives(task.request).sizes
        if task.fields is not None:
            for path in task.metadata_paths:
                written = write(task.fields, path, gps=task.gps, location=task.location)
                result.warnings.extend(
                    f"{s.field.replace('_', ' ')} cut to {len(s.kept)} characters in the older IPTC record"
                    f" ({s.dataset}), which has a byte limit; XMP and EXIF hold all of it"
                    for s in written.shortened
                )
    except ImageError as error:
        result.error = _without_path(str(error), task.request.source)
    except (MetadataWriteError, ValidationError) as error:
        result.error = f"cannot embed the metadata: {error}"
    except OSError as error:
        result.error = f"cannot write the image ({error.strerror or error})"
    except Exception as error:  # last resort: one photo's surprise must not stop the others
        result.error = f"unexpected error with this photo ({type(error).__name__}: {error})"
    result.warnings = list(dict.fromkeys(result.warnings))
    return result


def _without_path(message: str, path: str) -> str:
    return message.removeprefix(f"{path}: ") or message
