"""The 1024 px previews an import leaves to be made afterwards, made from the originals.

The import makes a JPEG's grid thumbnail alone (``imaging.thumbnails``: its decode at 1/8
scale is what the import waits for); the preview the cull view, the loupe and the compare
view show while an original is decoded is made here, later, as Lightroom makes its standard
previews after an import. The window runs ``build_previews`` in a low-priority worker after
an import and when it opens an archive (``ui.previews``); until a photo's preview is made,
those views show its grid thumbnail in its place.

``missing_previews`` lists the photos whose preview file is not in the cache, the newest
import first, reading the cache's folders once rather than asking for each file.
``build_previews`` makes them one at a time, checking ``cancelled`` between photos, and
yields one ``PreviewOutcome`` a photo: made, or why not (a damaged or missing original: its
path and the reason in words; never raised). Each preview is written under a temporary name and renamed
(``files.atomic_write``, as every thumbnail): a window closed or killed in the middle leaves
no half a JPEG, and the next window makes what is left.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from photoarchive.catalog.archive import ArchivePaths
from photoarchive.catalog.catalog import Catalog
from photoarchive.errors import ImageError, MetadataReadError
from photoarchive.imaging import PREVIEW_SIZE, make_thumbnails
from photoarchive.ingest.scan import RAW_EXTENSIONS


@dataclass(frozen=True)
class PreviewTask:
    """A photo whose preview is to be made: its original, where the preview goes, its orientation."""

    photo_id: int
    original: Path
    target: Path
    orientation: int


@dataclass(frozen=True)
class PreviewOutcome:
    """A preview made (``problem`` None), or why it was not (the original's name first)."""

    photo_id: int
    problem: str | None = None


def missing_previews(catalog: Catalog) -> list[PreviewTask]:
    """The photos of ``catalog`` with no preview in the cache, the newest import first."""
    paths = catalog.paths
    present = _cached_names(paths)
    suffix = f"-{PREVIEW_SIZE}.jpg"
    return [
        PreviewTask(photo_id, paths.original(relative), paths.thumbnail(sha256, PREVIEW_SIZE), orientation or 1)
        for photo_id, relative, sha256, orientation in catalog.iter_preview_sources()
        if sha256 + suffix not in present
    ]


def _cached_names(paths: ArchivePaths) -> set[str]:
    """The names of the files in the thumbnail cache's folders (one listing a folder, not one
    ``stat`` a photo: a million photos are listed in about a second)."""
    root = paths.thumbnail("00", PREVIEW_SIZE).parent.parent
    names: set[str] = set()
    try:
        folders = [entry.path for entry in os.scandir(root) if entry.is_dir()]
    except OSError:  # no cache yet
        return names
    for folder in folders:
        try:
            names.update(entry.name for entry in os.scandir(folder))
        except OSError:
            continue
    return names


def build_preview(task: PreviewTask) -> None:
    """Make one photo's preview from its original (a RAW file's from its largest usable
    embedded preview, as the import makes its thumbnails); raise ImageError when it cannot."""
    if task.original.suffix.lower() in RAW_EXTENSIONS:
        _from_embedded(task)
        return
    try:
        make_thumbnails(task.original, {PREVIEW_SIZE: task.target}, task.orientation)
    except OSError as error:  # gone, unreadable, or the cache cannot be written
        raise ImageError(error.strerror or str(error)) from error


def _from_embedded(task: PreviewTask) -> None:
    from photoarchive.metadata import open_image, previews  # exiv2: for RAW files only

    try:
        embedded = previews(open_image(task.original))
    except MetadataReadError as error:
        raise ImageError(f"not a camera RAW file that can be read ({error})") from error
    reason = "the file has no embedded preview"
    for preview in embedded:
        try:
            make_thumbnails(preview.data, {PREVIEW_SIZE: task.target}, task.orientation)
            return
        except ImageError as error:
            reason = str(error)
    raise ImageError(f"no usable embedded preview ({reason})")


def build_previews(
    tasks: Sequence[PreviewTask], cancelled: Callable[[], bool] = lambda: False
) -> Iterator[PreviewOutcome]:
    """Make each task's preview in turn (one already made meanwhile is skipped, reported as
    made); stop between two photos once ``cancelled()``."""
    for task in tasks:
        if cancelled():
            return
        if task.target.exists():
            yield PreviewOutcome(task.photo_id)
            continue
        try:
            build_preview(task)
        except ImageError as error:
            message = str(error)  # Pillow's name the file; exiv2's and ours do not
            yield PreviewOutcome(
                task.photo_id, message if str(task.original) in message else f"{task.original}: {message}"
            )
            continue
        yield PreviewOutcome(task.photo_id)
