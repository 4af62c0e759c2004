"""An import run: scans the sources, farms files out to a process pool, records the results.

``ImportJob.run()`` is a generator: it yields an ``ImportProgress`` after each file and
checks for cancellation between files, so the command line draws a progress bar from it and
the GUI runs it in a worker thread. When it ends, ``job.summary`` holds the outcome.

Consistency: a photo is recorded only after its original is safely in ``originals/`` (the
worker has fsynced, linked and verified it). A file copied by a run that was then killed is
adopted by the next run (same bytes at the same name, not in the catalog), so re-running an
import after a crash completes it without duplicate copies.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from photoarchive.catalog import Catalog
from photoarchive.errors import IngestError
from photoarchive.ingest.scan import scan
from photoarchive.ingest.worker import FileResult, process_file, today
from photoarchive.model import ImportFailure
from photoarchive.pool import run_in_pool

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: imports are not locked against each other
    fcntl = None  # type: ignore[assignment]


@dataclass
class ImportProgress:
    """One file done: how far the run is, and what happened to this file."""

    done: int
    total: int
    path: str
    outcome: str  # "imported", "duplicate", "failed"
    photo_id: int | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportSummary:
    batch: int
    imported: int = 0
    duplicates: int = 0
    failed: list[ImportFailure] = field(default_factory=list)
    photos: list[int] = field(default_factory=list)
    duplicate_paths: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "batch": self.batch,
            "imported": self.imported,
            "duplicates": self.duplicates,
            "failed": [{"path": f.path, "error": f.error} for f in self.failed],
            "photos": self.photos,
            "cancelled": self.cancelled,
            "skipped": self.skipped,
            "warnings": [{"path": p, "warning": w} for p, w in self.warnings],
        }


class ImportJob:
    """Import files and folders into an archive. Use: ``for progress in job.run(): ...``."""

    def __init__(
        self,
        catalog: Catalog,
        sources: Sequence[Path | str],
        *,
        workers: int | None = None,
        on_recorded: Callable[[Catalog, int, FileResult], None] | None = None,
    ) -> None:
        self.catalog = catalog
        self.sources = [Path(s) for s in sources]
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.on_recorded = on_recorded
        self.summary: ImportSummary | None = None
        self.total = 0

    def run(self, cancelled: Callable[[], bool] = lambda: False) -> Iterator[ImportProgress]:
        with _archive_lock(self.catalog):
            yield from self._run(cancelled)

    def _run(self, cancelled: Callable[[], bool]) -> Iterator[ImportProgress]:
        paths = self.catalog.paths
        shutil.rmtree(paths.incoming, ignore_errors=True)  # leftovers of a killed run
        self.catalog.mark_interrupted_batches()
        found = scan(self.sources, archive=self.catalog.paths.root)
        batch = self.catalog.start_batch([str(s.absolute()) for s in self.sources])
        summary = self.summary = ImportSummary(batch=batch, skipped=found.skipped)
        self.total = len(found.files) + len(found.failures)
        done = 0
        for path, error in found.failures:
            done += 1
            self._fail(summary, path, error)
            yield ImportProgress(done, self.total, path, "failed", error=error)
        status = "completed"
        try:
            for result in self._results(found.files, cancelled):
                done += 1
                yield self._record(summary, result, done)
            if cancelled():
                status, summary.cancelled = "cancelled", True
        finally:
            if status == "completed" and done < self.total:  # the consumer stopped early
                status, summary.cancelled = "cancelled", True
            self.catalog.finish_batch(
                batch,
                imported=summary.imported,
                duplicates=summary.duplicates,
                failed=len(summary.failed),
                status=status,
            )

    def _results(self, files: list[Path], cancelled: Callable[[], bool]) -> Iterator[FileResult]:
        """Results in completion order; files already copied when Cancel comes are still recorded."""
        process = partial(process_file, archive_root=str(self.catalog.paths.root), import_date=today())
        yield from run_in_pool(
            process,
            [str(f) for f in files],
            workers=self.workers,
            cancelled=cancelled,
            crashed=lambda source: FileResult(
                source, "failed", error="the image decoder crashed on this file (damaged file?)"
            ),
            log_path=self.catalog.paths.cache / "logs" / "import.log",
        )

    def _record(self, summary: ImportSummary, result: FileResult, done: int) -> ImportProgress:
        if result.status == "failed":
            self._fail(summary, result.source, result.error or "unknown error")
            return ImportProgress(done, self.total, result.source, "failed", error=result.error)
        if result.status == "imported":
            values = dict(result.values, batch_id=summary.batch, imported_at=_now(), warnings=result.warnings)
            try:
                photo_id = self.catalog.add_photo(values)
            except sqlite3.IntegrityError:
                # The same bytes came twice in this run (two copies of one file): the first won.
                if result.created and result.relative_path:
                    existing = self.catalog.conn.execute(
                        "SELECT 1 FROM photos WHERE original_path = ?", (result.relative_path,)
                    ).fetchone()
                    if existing is None:
                        self.catalog.paths.original(result.relative_path).unlink(missing_ok=True)
                result.status = "duplicate"
            else:
                summary.imported += 1
                summary.photos.append(photo_id)
                summary.warnings.extend((result.source, w) for w in result.warnings)
                if self.on_recorded is not None:
                    self.on_recorded(self.catalog, photo_id, result)
                return ImportProgress(done, self.total, result.source, "imported", photo_id, warnings=result.warnings)
        summary.duplicates += 1
        summary.duplicate_paths.append(result.source)
        return ImportProgress(done, self.total, result.source, "duplicate")

    def _fail(self, summary: ImportSummary, path: str, error: str) -> None:
        summary.failed.append(ImportFailure(path, error))
        self.catalog.add_failure(summary.batch, path, error)


@contextmanager
def _archive_lock(catalog: Catalog) -> Iterator[None]:
    """One import at a time per archive (the GUI's and the command line's alike)."""
    if fcntl is None:
        yield
        return
    handle = open(catalog.paths.import_lock, "a+")  # noqa: SIM115 - held for the whole run
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise IngestError(
                f"{catalog.paths.root}: another import is running in this archive; try again when it ends"
            ) from error
        yield
    finally:
        handle.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
