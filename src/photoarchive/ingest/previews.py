"""The 1024 px previews an import leaves to be made afterwards, made from the originals.

The import makes a JPEG's grid thumbnail alone (``imaging.thumbnails``: its decode at 1/8
scale is what the import waits for); the preview the cull view, the loupe and the compare
view show while an original is decoded is made here, later, as Lightroom makes its standard
previews after an import. The window runs ``build_previews`` in a low-priority worker after
an import and when it opens an archive (``ui.previews``); until a photo's preview is made,
those views show its grid thumbnail in its place.

``missing_previews`` lists the photos imported since the last run that went to its end (the
catalog's ``previews_tried_through`` setting, a photo id: every photo up to it has had its
preview made or said not made), newest import first, whose preview file is not in the cache:
a window opening on a million photos reads the few photos of the last imports, not the
million, and a preview that cannot be made is said once, not at every window. An archive from
before the import left its previews to be made has no such setting: its photos all got theirs
at import, so the mark starts at its newest photo, set by the first import that runs
(``note_before_import``) or the first listing, whichever comes first.
``build_previews`` makes them one at a time, checking ``cancelled`` between photos, and
yields one ``PreviewOutcome`` a photo: made, or why not (a damaged or missing original: its
path and the reason in words; never raised); ``tried(catalog, work)`` moves the mark once a
run has gone to its end. Each preview is written under a temporary name and renamed
(``files.atomic_write``, as every thumbnail): a window closed or killed in the middle leaves
no half a JPEG, and the next window makes what is left.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.connection import set_setting, setting, transaction
from photoarchive.errors import ImageError, MetadataReadError
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


@dataclass(frozen=True)
class PreviewWork:
    """The previews a run is to make, and the newest photo listed: once the run has gone to its
    end, every photo up to ``through`` has been tried (``tried``)."""

    tasks: list[PreviewTask]
    through: int


# The catalog's settings row: the newest photo whose preview has been made or said not made,
# with every photo before it (module doc).
MARK = "previews_tried_through"


def note_before_import(catalog: Catalog) -> None:
    """Before an import records its first photo: an archive with no mark yet (one from before
    previews were made after the import, or a new one) gets its newest photo as the mark, so
    that the photos this import records are listed and those before it are not."""
    with transaction(catalog.conn):
        catalog.conn.execute(
            # WHERE TRUE: SQLite would read ON CONFLICT as a join's ON without it
            "INSERT INTO settings (key, value) SELECT ?, CAST(coalesce(max(id), 0) AS TEXT) FROM photos"
            " WHERE TRUE ON CONFLICT (key) DO NOTHING",
            (MARK,),
        )


def _preview_size() -> int:
    """``imaging.PREVIEW_SIZE``, imported when asked: an import's main process loads this module
    (``note_before_import``) and no imaging code, which its forked workers would carry
    (tests/ingest/test_start.py)."""
    from photoarchive.imaging import PREVIEW_SIZE

    return PREVIEW_SIZE


def missing_previews(catalog: Catalog) -> PreviewWork:
    """The photos of ``catalog`` after the mark with no preview in the cache, the newest first."""
    if setting(catalog.conn, MARK) is None:  # no import has run since previews were left to be made
        note_before_import(catalog)  # a write: once an archive, not at every window
    mark = int(setting(catalog.conn, MARK) or 0)
    paths, size = catalog.paths, _preview_size()
    tasks, through = [], mark
    for photo_id, relative, sha256, orientation in catalog.preview_sources(after=mark):
        through = max(through, photo_id)
        target = paths.thumbnail(sha256, size)
        if not target.exists():
            tasks.append(PreviewTask(photo_id, paths.original(relative), target, orientation or 1))
    return PreviewWork(tasks, through)


def tried(catalog: Catalog, work: PreviewWork) -> None:
    """A run of ``work`` went to its end: every photo up to ``work.through`` has been tried (the
    mark never goes back: another window's run may have gone further)."""
    with transaction(catalog.conn):
        if int(setting(catalog.conn, MARK) or 0) < work.through:
            set_setting(catalog.conn, MARK, str(work.through))


def build_preview(task: PreviewTask) -> None:
    """Make one photo's preview from its original (a RAW file's from its largest usable
    embedded preview, as the import makes its thumbnails); raise ImageError when it cannot."""
    if task.original.suffix.lower() in RAW_EXTENSIONS:
        _from_embedded(task)
        return
    try:
        from photoarchive.imaging import PREVIEW_SIZE, make_thumbnails  # imaging: see _preview_size

        make_thumbnails(task.original, {PREVIEW_SIZE: task.target}, task.orientation)
    except OSError as error:  # gone, unreadable, or the cache cannot be written
        raise ImageError(error.strerror or str(error)) from error


def _from_embedded(task: PreviewTask) -> None:
    from photoarchive.metadata import open_image, previews  # exiv2: for RAW files only

    try:
        embedded = previews(open_image(task.original))
    except MetadataReadError as error:
        raise ImageError(f"not a camera RAW file that can be read ({error})") from error
    from photoarchive.imaging.thumbnails import make_thumbnails_from_embedded  # imaging: see _preview_size

    try:
        make_thumbnails_from_embedded((p.data for p in embedded), {_preview_size(): task.target}, task.orientation)
    except ImageError as error:
        raise ImageError(f"no usable embedded preview ({error})") from error


def build_previews(work: PreviewWork, cancelled: Callable[[], bool] = lambda: False) -> Iterator[PreviewOutcome]:
    """Make each task's preview in turn (one already made meanwhile is skipped, reported as
    made); stop between two photos once ``cancelled()``."""
    for task in work.tasks:
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
