"""An export run: plans the publication, renders the images in a process pool, lays out the format.

``ExportJob(catalog, collection, options).run(cancelled)`` is a generator, like the
importer's: it yields an ``ExportProgress`` after each photo and checks ``cancelled()``
between photos, so the command line draws a progress bar from it and the GUI runs it in a
worker thread. When it ends, ``job.summary`` holds the outcome.

Everything is written into a temporary folder beside the target (``OutputFolder``) and
renamed into place only when complete; a cancelled run, a failure, or a consumer that stops
iterating leave nothing behind. A missing or unreadable original does not stop the others:
it is listed in the summary, and the publication is made of the photos that could be used.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Generator, Iterator
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jinja2 import TemplateError

from photoarchive.catalog import Catalog
from photoarchive.catalog.collections import CollectionRef, get_collection
from photoarchive.catalog.export_settings import save_export_settings
from photoarchive.errors import ExportError
from photoarchive.export import gallery, package, post
from photoarchive.export.gallery import write_language_index
from photoarchive.export.html import environment
from photoarchive.export.naming import safe_name
from photoarchive.export.options import ExportOptions, remembered
from photoarchive.export.output import OutputFolder, check_target
from photoarchive.export.plan import ExportItem, Publication, plan_publication, read_publication
from photoarchive.export.render import RenderResult, RenderTask, is_raw, render
from photoarchive.imaging.derivatives import DerivativeRequest, Rendition
from photoarchive.model.position import CAMERA
from photoarchive.pool import run_in_pool, start_workers

_FORMATS: dict[str, tuple[Callable[..., Any], tuple[str, ...], Callable[..., None]]] = {
    "gallery": (gallery.renditions, gallery.METADATA_ROLES, gallery.write_gallery),
    "package": (package.renditions, package.METADATA_ROLES, package.write_package),
    "post": (post.renditions, post.METADATA_ROLES, post.write_post),
}
# The page a multi-language export's top folder links to in each language's folder.
LANGUAGE_INDEX = {"gallery": "index.html", "post": "preview.html"}
MISSING = "the original is missing from the archive (run 'photoarchive check')"


@dataclass
class ExportProgress:
    """One photo done (or the last step): how far the run is, and what happened."""

    done: int
    total: int
    photo_id: int | None
    name: str
    outcome: str  # "exported", "missing", "failed", "done"
    error: str | None = None


@dataclass
class ExportProblem:
    photo_id: int
    name: str
    reason: str


@dataclass
class ExportSummary:
    collection: str
    format: str
    target: str
    exported: int = 0
    missing: list[ExportProblem] = field(default_factory=list)
    failed: list[ExportProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cancelled: bool = False
    languages: list[str] = field(default_factory=list)  # as published, one folder each when several
    # Per language: how many photos had no text in it for a field they have and show the
    # default language's (x-default) instead; and which of the collection's texts did.
    fallbacks: dict[str, int] = field(default_factory=dict)
    collection_fallbacks: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.failed or self.cancelled)

    def as_json(self) -> dict[str, object]:
        return {
            "collection": self.collection,
            "format": self.format,
            "target": self.target,
            "exported": self.exported,
            "missing": [vars(p) for p in self.missing],
            "failed": [vars(p) for p in self.failed],
            "warnings": self.warnings,
            "cancelled": self.cancelled,
            "languages": self.languages,
            "fallbacks": self.fallbacks,
            "collection_fallbacks": self.collection_fallbacks,
        }


class ExportJob:
    """Export one collection. Use: ``for progress in job.run(): ...``; then ``job.summary``.

    The constructor validates the options and checks the collection and the target, so that
    a mistake is reported before anything starts.
    """

    def __init__(self, catalog: Catalog, collection: CollectionRef, options: ExportOptions) -> None:
        self.catalog = catalog
        self.given = options  # as chosen (the format's defaults not filled in): remembered when it succeeds
        self.options = options.resolved()
        self.collection = get_collection(catalog, collection)
        self.target = Path(self.options.target).expanduser().absolute()
        check_target(self.target, force=self.options.force)
        self.summary: ExportSummary | None = None
        self.total = self.collection.photo_count

    def run(self, cancelled: Callable[[], bool] = lambda: False) -> Iterator[ExportProgress]:
        options = self.options
        if options.workers is None or options.workers > 1:
            start_workers([render.__module__])  # they start while the publication is planned
        languages: list[str | None] = list(options.languages) or [None]
        read = read_publication(self.catalog, self.collection, languages)  # once, for every language
        publications = [
            plan_publication(self.catalog, self.collection, options, language, read) for language in languages
        ]
        if len(publications) > 1:  # each page links to itself in the other languages
            alternates = [(p.language, p.messages.name, {i.photo.id: i.stem for i in p.items}) for p in publications]
            for publication in publications:
                publication.alternates = alternates
        self.total = sum(len(p.items) for p in publications)
        summary = self.summary = ExportSummary(self.collection.name, options.format, str(self.target))
        summary.languages = [p.language for p in publications]
        output = OutputFolder(self.target, force=options.force)
        root = output.open()
        try:
            content = root / safe_name(self.collection.name) if options.zip else root
            done = 0
            for publication in publications:
                folder = content / publication.language if len(publications) > 1 else content
                done = yield from self._export(publication, folder, summary, cancelled, done)
                if summary.cancelled:
                    return
                if options.languages:
                    summary.fallbacks[publication.language] = publication.fallback_count
                    summary.collection_fallbacks[publication.language] = list(publication.collection_fallbacks)
            if len(publications) > 1 and options.format in LANGUAGE_INDEX:
                try:
                    write_language_index(
                        publications, content, environment(options.theme), LANGUAGE_INDEX[options.format]
                    )
                except OSError as error:
                    raise ExportError(f"cannot write the languages' index ({error.strerror or error})") from error
            if options.zip:
                try:
                    package.zip_folder(content, root / f"{content.name}.zip")
                except OSError as error:
                    raise ExportError(f"cannot write the ZIP file ({error.strerror or error})") from error
                shutil.rmtree(content)
            output.commit(f"format: {options.format}\ncollection: {self.collection.name}\n")
            # The collection's next export, from the window or with --as-last-time, starts from these.
            given = replace(self.given, languages=options.languages)  # the tags as normalised
            save_export_settings(self.catalog, self.collection.id, remembered(given))
            yield ExportProgress(self.total, self.total, None, "", "done")
        finally:
            output.discard()  # a no-op once committed

    def _export(
        self,
        publication: Publication,
        content: Path,
        summary: ExportSummary,
        cancelled: Callable[[], bool],
        done: int = 0,
    ) -> Generator[ExportProgress, None, int]:
        """Export one language's publication into ``content``; returns the count of photos done
        (``done`` those of the languages before)."""
        options = self.options
        renditions, metadata_roles, write_format = _FORMATS[options.format]
        tasks: list[RenderTask] = []
        items = {item.photo.id: item for item in publication.items}
        expected = done + len(publication.items)
        reported = {p.photo_id for p in summary.missing + summary.failed}  # by an earlier language
        for item in publication.items:
            planned = renditions(item, options)
            item.files = {role: path for role, (path, _, _) in planned.items()}
            if not item.source.is_file():
                done += 1
                if item.photo.id not in reported:
                    summary.missing.append(ExportProblem(item.photo.id, item.photo.original_name, MISSING))
                yield ExportProgress(done, self.total, item.photo.id, item.photo.original_name, "missing", MISSING)
                continue
            tasks.append(self._task(item, planned, metadata_roles, content))
        exported: list[ExportItem] = []
        warned: dict[str, list[tuple[int, str]]] = {}  # one line per kind of warning, not one per photo
        with closing(self._results(tasks, cancelled)) as results:
            for result in results:
                done += 1
                item = items[result.photo_id]
                name = item.photo.original_name
                for warning in item.warnings + result.warnings:
                    warned.setdefault(warning, []).append((item.sequence, name))
                if result.error:
                    if item.photo.id not in reported:
                        summary.failed.append(ExportProblem(item.photo.id, name, result.error))
                    yield ExportProgress(done, self.total, item.photo.id, name, "failed", result.error)
                    continue
                item.sizes = {role: result.sizes[str(content / path)] for role, path in item.files.items()}
                item.source_sha256 = result.sha256  # of the bytes published, not the catalog's
                exported.append(item)
                yield ExportProgress(done, self.total, item.photo.id, name, "exported")
        grouped = [_grouped(warning, [n for _, n in sorted(names)]) for warning, names in sorted(warned.items())]
        summary.warnings += [w for w in grouped if w not in summary.warnings]
        summary.failed.sort(key=lambda problem: items[problem.photo_id].sequence)  # not completion order
        if cancelled() or done < expected:
            summary.cancelled = True
            return done
        if not exported:
            problems = summary.missing + summary.failed
            raise ExportError(
                f"none of the {len(problems)} photos of {self.collection.name!r} could be exported"
                f" (first: {problems[0].name}: {problems[0].reason})"
            )
        exported.sort(key=lambda i: i.sequence)
        try:
            write_format(publication, exported, content, environment(options.theme))
        except OSError as error:
            raise ExportError(f"cannot write the {options.format} ({error.strerror or error})") from error
        except TemplateError as error:  # a theme the user changed
            raise ExportError(f"the theme's templates cannot be used: {error}") from error
        summary.exported = len(exported)  # the same photos in every language
        return done

    def _task(
        self,
        item: ExportItem,
        planned: dict[str, tuple[str, int | None, bool]],
        metadata_roles: tuple[str, ...],
        content: Path,
    ) -> RenderTask:
        options, location = self.options, item.location
        fields = item.embedded_fields(options.metadata)
        # EXIF GPS says where the camera was: not a place's centre or a place shown's position,
        # which go only into the XMP location shown (see export.precision).
        position = location.coordinates if options.metadata == "all" else None
        camera_gps = position is not None and location.camera_position
        carrying = {planned[r][0] for r in metadata_roles if r in planned} if fields is not None else set()
        request = DerivativeRequest(
            source=str(item.source),
            renditions=tuple(
                Rendition(str(content / path), edge, burn and bool(item.burn_text), in_memory=path in carrying)
                for path, edge, burn in planned.values()
            ),
            orientation=item.photo.orientation,
            quality=options.quality,
            credit_text=item.burn_text,
            credit_font=options.credit_font,
            camera_exif=options.metadata == "all",
            keep_serials=options.keep_serials,
            gps=position if camera_gps else None,
            gps_decimals=location.decimals,
            gps_altitude=location.altitude if camera_gps else None,
        )
        return RenderTask(
            photo_id=item.photo.id,
            request=request,
            fields=fields,
            gps=(*position, location.altitude) if position is not None else None,
            location=location.shown if options.metadata == "all" else None,
            metadata_paths=tuple(str(content / planned[r][0]) for r in metadata_roles if r in planned)
            if fields is not None
            else (),
            raw=is_raw(item.photo.format),
            sha256=item.photo.sha256,
            # --metadata all: every property of the original, less what the privacy options remove.
            carry_original=options.metadata == "all",
            exif_gps=(*position, location.altitude) if position is not None and camera_gps else None,
            keep_gps_details=camera_gps and options.location_precision == "exact" and location.source in (CAMERA, None),
            keep_serials=options.keep_serials,
            as_read=item.as_read,
        )

    def _results(self, tasks: list[RenderTask], cancelled: Callable[[], bool]) -> Generator[RenderResult]:
        """Results in completion order; at most two tasks a worker in flight, so Cancel is quick.

        Closing this generator waits for the tasks already running, so that no worker writes
        into the output folder after it has been discarded.
        """
        workers = self.options.workers
        workers = min(os.cpu_count() or 1, len(tasks)) if workers is None else min(workers, len(tasks))
        if workers <= 1:
            for task in tasks:
                if cancelled():
                    return
                yield render(task)
            return
        yield from run_in_pool(
            render,
            tasks,
            workers=workers,
            cancelled=cancelled,
            crashed=lambda task: RenderResult(
                task.photo_id, error="the image decoder crashed on this photo (damaged file?)"
            ),
            log_path=self.catalog.paths.cache / "logs" / "export.log",
            finish_running=False,
        )


def _grouped(warning: str, names: list[str]) -> str:
    if len(names) == 1:
        return f"{names[0]}: {warning}"
    shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    return f"{warning} ({len(names)} photos: {shown})"
