"""Writing copies of originals, or XMP sidecars, with the catalog's curated fields: a byte export.

``plan_files(...)`` and ``write_files(...)``: byte copies of the originals with the curated
fields embedded (EXIF, IPTC IIM, XMP by ``metadata.write``; the pixels and every other tag
untouched), or XMP sidecars named after the originals, in a folder. Formats that cannot
carry embedded metadata safely (camera raw, HEIF) get the byte copy and a sidecar beside it.
A sidecar starts from its original's XMP as a copy does (``sidecar_bytes(source_metadata=)``),
so it too keeps every property we do not model, with the curated values over them.

Writing never touches an original: a folder inside ``originals/`` is refused. Each original
is read once and hashed, and a file that is not the one imported (another hash than the
catalog's) fails with the reason; the metadata is embedded in those bytes in memory and read
back, then written to a hidden ``.NAME.XXXXXXXX.part`` file in the target folder (locked
while it is written), which is given its name only when complete, so a failure leaves
nothing half-written; each run first removes the ``.part`` files killed runs left
(``photoarchive.partial``). Names taken twice in one batch get ``-1``, ``-2``... before the
extension; a file already in the folder is replaced only with ``force``.

Positions follow the rule export follows (``model.position.is_taken_at``): a camera, GPX or
typed position is where the photo was taken, written as EXIF GPS (a camera's keeps the rest
of its fix: time, direction); a place's centre is not, and the copy's EXIF GPS is removed
for it, as for a photo with no position. Every position is also the GPS of the location
shown, and a photo with a gazetteer place gets the place's names and identifiers there.
A stored value that does not validate (an import keeps what a file held, with a warning)
is written as the original holds it when the curator has not changed it (the IPTC reference
images' placeholder country code R22), else left out; a warning says which, and the photo is
written.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_fields, load_values
from photoarchive.catalog.places import location_shown
from photoarchive.errors import ImageError, MetadataReadError, MetadataWriteError, ValidationError
from photoarchive.files import numbered_name
from photoarchive.imaging.source import read_checked
from photoarchive.metadata import Shortened, sidecar_path, write_bytes
from photoarchive.metadata.read import read_curated
from photoarchive.metadata.validate import restore_as_read, salvaged
from photoarchive.metadata.write import sidecar_bytes
from photoarchive.model import CuratedFields, LocationShown, Photo
from photoarchive.model.position import CAMERA, POSITION_FIELDS, is_taken_at
from photoarchive.partial import part_file, remove_leftovers

# Formats whose copies get the metadata embedded (metadata.write); others get a sidecar.
EMBEDDABLE_FORMATS = frozenset({"JPEG", "TIFF", "PNG", "WEBP", "DNG"})


@dataclass
class PlannedFile:
    """One photo's file(s) to write: the copy or sidecar, and a sidecar beside a raw copy."""

    photo: Photo
    target: Path
    sidecar: Path | None = None  # beside a copy that cannot carry embedded metadata

    @property
    def paths(self) -> list[Path]:
        return [self.target] + ([self.sidecar] if self.sidecar else [])


@dataclass
class WrittenFile:
    """What writing one photo did: the files written or the reason it failed."""

    photo_id: int
    paths: list[Path] = field(default_factory=list)
    shortened: list[Shortened] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


def plan_files(
    catalog: Catalog, photo_ids: Sequence[int], folder: Path, *, sidecar: bool = False, style: str = "darktable"
) -> list[PlannedFile]:
    """Where each photo's files will go (names taken twice get ``-1``, ``-2``..., as the
    archive numbers its originals: ``files.numbered_name``)."""
    photos = catalog.photos(list(dict.fromkeys(photo_ids)))
    taken: set[str] = set()
    plans = []
    for photo in photos:
        for attempt in range(10_000):
            stem, suffix = os.path.splitext(photo.original_name)
            name = numbered_name(stem, attempt, suffix)
            if sidecar:
                plan = PlannedFile(photo, sidecar_path(name, folder, style=style))
            elif photo.format.upper() in EMBEDDABLE_FORMATS:
                plan = PlannedFile(photo, folder / name)
            else:
                plan = PlannedFile(photo, folder / name, sidecar_path(name, folder))
            keys = {p.name.casefold() for p in plan.paths}  # case-insensitive file systems
            if not keys & taken:
                taken |= keys
                plans.append(plan)
                break
    return plans


def existing_files(plans: Sequence[PlannedFile]) -> list[Path]:
    return [path for plan in plans for path in plan.paths if path.exists() or path.is_symlink()]


def write_files(
    catalog: Catalog,
    photo_ids: Sequence[int],
    folder: Path | str,
    *,
    sidecar: bool = False,
    force: bool = False,
    style: str = "darktable",
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[WrittenFile]:
    """Write each photo's copy (or sidecar) into ``folder``; yields one result per photo.

    Refuses (``MetadataWriteError``, nothing written) when a file to write already exists,
    unless ``force``. A photo that fails is reported in its result; the others go on.
    """
    folder = Path(folder)
    if folder.resolve().is_relative_to(catalog.paths.originals.resolve()):
        raise MetadataWriteError(f"{folder} is inside the archive's originals/, which only imports write to")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise MetadataWriteError(f"cannot create {folder}: {error.strerror or error}") from error
    remove_leftovers(folder)
    plans = plan_files(catalog, photo_ids, folder, sidecar=sidecar, style=style)
    existing = existing_files(plans)
    if existing and not force:
        names = ", ".join(p.name for p in existing[:5]) + (" ..." if len(existing) > 5 else "")
        raise MetadataWriteError(f"{folder} already holds {names}; nothing was written (--force replaces them)")
    fields = load_fields(catalog, [p.photo.id for p in plans])
    positions = load_values(catalog, [p.photo.id for p in plans], POSITION_FIELDS)
    for plan in plans:
        if cancelled():
            return
        location = location_shown(catalog, plan.photo.id)
        yield _write_one(catalog, plan, fields[plan.photo.id], positions[plan.photo.id], location, sidecar, force)


Point = tuple[float, float, "float | None"]


def publishable(stored: CuratedFields, original: Path) -> tuple[CuratedFields, frozenset[str], list[ValidationError]]:
    """The fields to publish of a photo, the names of those to write as read (``as_read``),
    and the values that do not validate: written as ``original`` holds it when the curator has
    not changed it (the reference images' country code R22), else left out (``said`` words
    it). ``photoarchive write`` and every export format decide this here."""
    fields, invalid = salvaged(stored)
    kept: frozenset[str] = frozenset()
    if invalid:  # a value the original holds, unchanged since, is written as read
        with contextlib.suppress(MetadataReadError, OSError):  # unreadable: the values stay left out
            original_fields = read_curated(original, sidecar=False).fields
            fields, kept = restore_as_read(fields, stored, invalid, original_fields)
    return fields, kept, invalid


def said(invalid: list[ValidationError], kept: frozenset[str], published: CuratedFields) -> list[str]:
    """A warning for each value of ``publishable`` that does not validate, saying whether it was
    written as read or left out; none for a value an option removed (a location precision)."""
    return [
        f"{error}; written as the original holds it (correct it with photoarchive edit)"
        if error.field in kept
        else f"{error}; left out (correct it with photoarchive edit)"
        for error in invalid
        if error.field not in kept or getattr(published, error.field)
    ]


def gps_to_write(position: dict[str, Any]) -> tuple[Point | None, Point | str | None, bool]:
    """(GPS of the location shown, EXIF GPS, keep the file's other GPS tags) for a photo's
    position: see the module doc and ``model.position.is_taken_at``."""
    if position["latitude"] is None or position["longitude"] is None:
        return None, None, False
    point = (position["latitude"], position["longitude"], position["altitude"])
    if is_taken_at(position["gps_source"]):
        return point, point, position["gps_source"] in (CAMERA, None)
    return point, None, False


def _write_one(
    catalog: Catalog,
    plan: PlannedFile,
    stored: CuratedFields,
    position: dict[str, Any],
    location: LocationShown | None,
    sidecar_only: bool,
    force: bool,
) -> WrittenFile:
    outcome = WrittenFile(plan.photo.id)
    published: list[Path] = []
    try:
        original = catalog.original_file(plan.photo)
        fields, kept, invalid = publishable(stored, original)
        left_out = said(invalid, kept, fields)
        shown, taken_at, keep_details = gps_to_write(position)
        files: list[tuple[bytes, Path]] = []
        try:  # a sidecar too starts from the original's metadata (its XMP)
            data, _ = read_checked(original, plan.photo.sha256)
        except OSError as error:
            raise MetadataWriteError(f"cannot read the original {original}: {error.strerror or error}") from error
        if not sidecar_only:
            if plan.sidecar is None:
                data, written = write_bytes(
                    fields,
                    data,
                    name=plan.target.name,
                    gps=shown,
                    location=location,
                    exif_gps=taken_at,
                    keep_gps_details=keep_details,
                    as_read=kept,
                )
                outcome.shortened, outcome.warnings = written.shortened, written.warnings
            files.append((data, plan.target))
        if sidecar_only or plan.sidecar is not None:
            target = plan.target if sidecar_only else plan.sidecar
            assert target is not None
            packet = sidecar_bytes(
                fields,
                name=target.name,
                gps=shown,
                location=location,
                as_read=kept,
                source_metadata=data,  # the original's bytes (a raw copy's are unchanged)
                exif_gps=taken_at,
            )[0]
            files.append((packet, target))
        for data, target in files:
            with part_file(target) as (tmp, fd):
                with os.fdopen(os.dup(fd), "wb") as stream:
                    stream.write(data)
                    stream.flush()
                    os.fsync(stream.fileno())
                _publish(tmp, target, force)
            published.append(target)
        outcome.paths = published
        outcome.warnings = left_out + outcome.warnings
    except (MetadataWriteError, ValidationError, ImageError) as error:
        outcome.error = str(error)
    except OSError as error:
        outcome.error = f"cannot write {plan.target}: {error.strerror or error}"
    finally:
        if outcome.error:  # all of the photo's files, or none
            for path in published:
                path.unlink(missing_ok=True)
    return outcome


def _publish(tmp: Path, target: Path, force: bool) -> None:
    """Give a finished temporary file its name: never over another file unless ``force``."""
    if force:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)
    except FileExistsError as error:
        raise MetadataWriteError(f"{target} appeared while writing; nothing was written for it") from error
    except OSError:  # no hard links (FAT, exFAT): reserve the name, then move the file onto it
        with open(target, "x"):
            pass
        os.replace(tmp, target)
