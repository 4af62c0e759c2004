"""The sample archive: a small archive a new user can try every feature on.

``SampleArchiveJob(catalog).run(cancelled)`` is a generator like the importer: it draws a
dozen images (``images``) with EXIF dates and GPS around Shumshu, imports them through the
normal importer, gives them captions, credits and keywords in English, Russian and Japanese
(``content``), builds the places of the island in the gazetteer (names in three scripts) and
places the photos, stores the expedition's template and applies it, and
makes an ordered collection with an introduction. It yields ``SampleProgress`` after each
step; ``job.result`` tells what was made. No Qt here: the command line
(``photoarchive sample-archive DIR``) and the GUI's "Create sample archive" both use it.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.edits import apply_edit
from photoarchive.errors import CancelledError, ValidationError
from photoarchive.ingest import ImportJob
from photoarchive.model.place import Place, PlaceName
from photoarchive.places import add_place, assign_place
from photoarchive.sample import content
from photoarchive.sample.images import draw_scene, write_jpeg
from photoarchive.templates import apply_template, create_template

WHO = "sample-archive"


@dataclass
class SampleProgress:
    done: int
    total: int
    step: str


@dataclass
class SampleResult:
    photos: list[int] = field(default_factory=list)
    collection: int | None = None
    places: int = 0
    template: str | None = None


class SampleArchiveJob:
    """Fill an empty archive with the sample; see the module docstring."""

    def __init__(self, catalog: Catalog, *, workers: int | None = 1) -> None:
        self.catalog = catalog
        self.workers = workers
        self.result = SampleResult()

    def run(self, cancelled: Callable[[], bool] = lambda: False) -> Iterator[SampleProgress]:
        if self.catalog.count_photos():
            raise ValidationError(
                f"{self.catalog.paths.root}: the sample goes into an empty archive, and this one holds photos",
                field="archive",
            )
        total = len(content.PHOTOS) * 2 + 4
        done = 0
        folder = Path(tempfile.mkdtemp(prefix="photoarchive-sample-"))
        try:
            files = []
            for index, photo in enumerate(content.PHOTOS):
                if cancelled():
                    raise CancelledError("the sample archive was not finished (cancelled)")
                when = datetime.strptime(photo.when, "%Y-%m-%d %H:%M")
                image = draw_scene(photo.scene, seed=index * 7919 + 17)
                files.append(write_jpeg(image, folder / photo.name, when, content.UTC_OFFSET, (photo.lat, photo.lon)))
                done += 1
                yield SampleProgress(done, total, f"drawing {photo.name}")
            job = ImportJob(self.catalog, files, workers=self.workers)
            by_name: dict[str, int] = {}
            for progress in job.run(cancelled):
                done += 1
                if progress.photo_id is not None:
                    by_name[Path(progress.path).name] = progress.photo_id
                yield SampleProgress(done, total, f"importing {Path(progress.path).name}")
            if cancelled():
                raise CancelledError("the sample archive was not finished (cancelled)")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        self.result.photos = [by_name[p.name] for p in content.PHOTOS if p.name in by_name]
        self._describe(by_name)
        done += 1
        yield SampleProgress(done, total, "captions and keywords")
        self._places(by_name)
        done += 1
        yield SampleProgress(done, total, "places")
        self._template(by_name)
        done += 1
        yield SampleProgress(done, total, "template")
        self._collection(by_name)
        done += 1
        yield SampleProgress(done, total, "collection")

    def _describe(self, by_name: dict[str, int]) -> None:
        values = {
            by_name[p.name]: {k: v for k, v in p.fields.items() if k != "no_credit"} for p in self._present(by_name)
        }
        apply_edit(self.catalog, list(values), values.__getitem__, description="Sample captions and keywords", who=WHO)

    def _present(self, by_name: dict[str, int]) -> list[content.SamplePhoto]:
        return [p for p in content.PHOTOS if p.name in by_name]

    def _places(self, by_name: dict[str, int]) -> None:
        ids: dict[str, int] = {}
        for spec in content.PLACES:
            place = add_place(
                self.catalog,
                Place(
                    name=spec.name,
                    kind=spec.kind,
                    parent_id=ids.get(spec.parent) if spec.parent else None,
                    latitude=spec.lat,
                    longitude=spec.lon,
                    alt_names=[PlaceName(name, language) for language, name in spec.names],
                    country_code=spec.country_code,
                ),
            )
            ids[spec.name] = place.id
        self.result.places = len(ids)
        for place_name in dict.fromkeys(p.place for p in content.PHOTOS):
            photo_ids = [by_name[p.name] for p in content.PHOTOS if p.place == place_name and p.name in by_name]
            if photo_ids:
                assign_place(self.catalog, photo_ids, ids[place_name], who=WHO)

    def _template(self, by_name: dict[str, int]) -> None:
        """The expedition's template, applied to every photo but one (left for the curator)."""
        create_template(
            self.catalog,
            content.TEMPLATE_NAME,
            content.TEMPLATE_VALUES,
            description="Creator, credit, rights and job of the sample expedition",
        )
        credited = [by_name[p.name] for p in self._present(by_name) if not p.fields.get("no_credit")]
        apply_template(self.catalog, content.TEMPLATE_NAME, credited, who=WHO)
        self.result.template = content.TEMPLATE_NAME

    def _collection(self, by_name: dict[str, int]) -> None:
        collection = collection_store.create_collection(
            self.catalog,
            content.COLLECTION_NAME,
            title=content.COLLECTION_TITLE,
            introduction=content.COLLECTION_INTRODUCTION,
            source=content.COLLECTION_SOURCE,
            categories=content.COLLECTION_CATEGORIES,
            caption_template=content.CAPTION_TEMPLATE,
        )
        collection_store.add_photos(
            self.catalog, collection.id, [by_name[n] for n in content.COLLECTION_ORDER if n in by_name]
        )
        self.result.collection = collection.id


def build_sample_archive(root: Path | str, *, workers: int | None = 1) -> SampleResult:
    """Create (or fill an empty) archive at ``root`` with the sample, all at once."""
    with Catalog(root) as catalog:
        job = SampleArchiveJob(catalog, workers=workers)
        for _progress in job.run():
            pass
        return job.result
