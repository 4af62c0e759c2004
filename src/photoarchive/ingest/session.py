"""An import run: scans the sources, farms files out to a process pool, records the results.

``ImportJob.run()`` is a generator: it yields an ``ImportProgress`` after each file and
checks for cancellation between files, so the command line draws a progress bar from it and
the GUI runs it in a worker thread. When it ends, ``job.summary`` holds the outcome.

Order: files are processed in parallel and finish in any order, but they are recorded (and
so numbered) in the order they were given, each folder sorted by name: a result that comes
back early waits, in memory, for those before it. ``summary.files`` says what became of each
file, in that order.

Consistency: a photo is recorded only after its original is safely in ``originals/`` (the
worker has fsynced, linked and verified it). A file copied by a run that was then killed is
adopted by the next run (same bytes at the same name, not in the catalog), so re-running an
import after a crash completes it without duplicate copies. When the catalog cannot record a
copied original (the disk is full), the copy is removed, and the run stops: the files not
done yet are reported as not imported, with the reason.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from photoarchive.catalog import Catalog
from photoarchive.catalog.catalog import knows_path
from photoarchive.catalog.connection import timestamp, transaction
from photoarchive.errors import CatalogError, IngestError
from photoarchive.ingest.previews import note_before_import
from photoarchive.ingest.scan import scan
from photoarchive.ingest.task import DISK_FULL, WORKER_PRELOAD, FileResult, disk_full, today
from photoarchive.ingest.work import import_file
from photoarchive.model import ImportFailure
from photoarchive.pool import batches_in_pool, can_fork_here, start_workers

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
class FileOutcome:
    """What became of one file: "imported" (``id`` the new photo), "duplicate" (``id`` the
    photo that already holds the same bytes) or "failed" (``reason`` says why)."""

    path: str
    outcome: str
    id: int | None = None
    reason: str | None = None

    def as_json(self) -> dict[str, object]:
        return {"path": self.path, "id": self.id, "outcome": self.outcome, "reason": self.reason}


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
    files: list[FileOutcome] = field(default_factory=list)  # in the order the files were given
    stopped: str | None = None  # why the run stopped before the end (the disk is full), if it did

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
            "files": [f.as_json() for f in self.files],
            "stopped": self.stopped,
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
        legacy_charset: str | None = None,
        on_waiting: Callable[[str], None] | None = None,
    ) -> None:
        """``legacy_charset``: the code page of metadata text that is not UTF-8 and has no
        character set marker (a codec name; guessed, Western or Cyrillic, when None).
        ``on_waiting``: told, in words, when the run waits for another curator's import into
        the same catalog on a server to end (``_archive_lock``)."""
        self.catalog = catalog
        self.on_waiting = on_waiting
        self.legacy_charset = legacy_charset
        self.sources = [Path(s) for s in sources]
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.on_recorded = on_recorded
        self.summary: ImportSummary | None = None
        self.total = 0
        self._fork_here = False

    def run(self, cancelled: Callable[[], bool] = lambda: False) -> Iterator[ImportProgress]:
        with _archive_lock(self.catalog, cancelled, self.on_waiting):
            yield from self._run(cancelled)

    def _run(self, cancelled: Callable[[], bool]) -> Iterator[ImportProgress]:
        # The workers are forked from this process when it runs no other thread (the command
        # line's); otherwise (the window's worker thread) from the fork server, started now,
        # while the sources are scanned.
        self._fork_here = can_fork_here()
        if not self._fork_here:
            start_workers(WORKER_PRELOAD)
        paths = self.catalog.paths
        shutil.rmtree(paths.incoming, ignore_errors=True)  # leftovers of a killed run
        self.catalog.mark_interrupted_batches()
        found = scan(self.sources, archive=self.catalog.paths.root)
        note_before_import(self.catalog)  # the photos recorded from here get their previews after
        batch = self.catalog.start_batch([_text(str(s.absolute())) for s in self.sources])
        summary = self.summary = ImportSummary(batch=batch, skipped=[_text(p) for p in found.skipped])
        entries = found.entries
        self.total = len(entries)
        position = {path: index for index, (path, _) in enumerate(entries)}
        # Results that came back before those of earlier files wait here (by position).
        ready: dict[int, FileResult] = {
            index: FileResult(path, "failed", error=error) for index, (path, error) in enumerate(entries) if error
        }
        done = 0
        status = "completed"
        try:
            for results in self._results([p for p, error in entries if error is None], cancelled):
                for result in results:
                    ready[position[result.source]] = result
                in_order: list[FileResult] = []
                while done + len(in_order) in ready:
                    in_order.append(ready.pop(done + len(in_order)))
                for progress in self._record_together(summary, in_order, done):
                    done += 1
                    yield progress
            # Cancelled or stopped: what came back is recorded, in order; the rest is not done.
            for index in sorted(ready):
                done += 1
                yield self._record(summary, ready.pop(index), done)
            if summary.stopped is not None:
                recorded = {f.path for f in summary.files}
                for path, _ in entries:
                    if _text(path) not in recorded:
                        done += 1
                        reason = f"not imported: the import stopped ({summary.stopped})"
                        yield self._record(summary, FileResult(path, "failed", error=reason), done)
                status = "interrupted"  # as a killed run's batch: not all files were done
            elif cancelled():
                status, summary.cancelled = "cancelled", True
        except GeneratorExit:  # the consumer stopped early
            # Copies already in place wait to be recorded: record them (not yielded: the
            # consumer has gone) rather than leave them in originals/ unknown to the catalog.
            for index in sorted(ready):
                if ready[index].status == "imported" and summary.stopped is None:
                    self._record(summary, ready[index], done)
            raise
        finally:
            if done < self.total and status == "completed":  # the consumer stopped early
                status, summary.cancelled = "cancelled", True
            self._write(
                lambda: self.catalog.finish_batch(
                    batch,
                    imported=summary.imported,
                    duplicates=summary.duplicates,
                    failed=len(summary.failed),
                    status=status,
                )
            )

    def _results(self, files: list[str], cancelled: Callable[[], bool]) -> Iterator[list[FileResult]]:
        """Results in completion order, those that came back meanwhile together; files already
        copied when Cancel comes are still recorded."""
        process = partial(
            import_file,
            archive_root=str(self.catalog.paths.root),
            import_date=today(),
            legacy_charset=self.legacy_charset,
            catalog_url=self.catalog.location.url,  # a --catalog server: the workers read it too
        )
        # The sidecar writer, which the first photo recorded needs, is imported before the
        # results come back, when it would take a core from the workers: with the workers'
        # code, before they are forked from this process (on this thread: no other may run
        # then), or while the pool waits for the fork server to have imported theirs.
        if self._fork_here:
            importlib.import_module(SIDECAR_WRITER)
        else:
            _import_meanwhile(SIDECAR_WRITER)
        yield from batches_in_pool(
            process,
            files,
            workers=self.workers,
            cancelled=lambda: cancelled() or (self.summary is not None and self.summary.stopped is not None),
            crashed=lambda source: FileResult(
                source, "failed", error="the image decoder crashed on this file (damaged file?)"
            ),
            log_path=self.catalog.paths.cache / "logs" / "import.log",
            preload=WORKER_PRELOAD,
            fork_here=self._fork_here,
        )

    def _record_together(self, summary: ImportSummary, results: list[FileResult], done: int) -> list[ImportProgress]:
        """Record these results (the next ones in order) in one transaction: one commit, and
        their sidecars written after it with one folder fsync, instead of one each. If anything
        goes wrong in it (the disk is full, the catalog cannot be written), it is rolled back and
        they are recorded one at a time, as ``_record`` does, which handles each failure."""
        if len(results) < 2 or summary.stopped is not None or any(r.disk_full for r in results):
            return [self._record(summary, result, done + i) for i, result in enumerate(results, 1)]
        kept = {name: len(getattr(summary, name)) for name in _SUMMARY_LISTS}
        counts = (summary.imported, summary.duplicates)
        pending_sidecars = set(self.catalog.pending_sidecars)
        recorded: list[tuple[int, FileResult]] = []
        try:
            with transaction(self.catalog.conn):
                progress = [self._record(summary, r, done + i, recorded) for i, r in enumerate(results, 1)]
                if summary.stopped is not None:  # a failure recorded in the transaction: undo it all
                    raise _RecordAlone
        except (_RecordAlone, self.catalog.conn.Error, CatalogError):
            for name, length in kept.items():
                del getattr(summary, name)[length:]
            summary.imported, summary.duplicates = counts
            summary.stopped = None
            self.catalog.pending_sidecars = pending_sidecars
            return [self._record(summary, result, done + i) for i, result in enumerate(results, 1)]
        if self.on_recorded is not None:
            for photo_id, result in recorded:
                self.on_recorded(self.catalog, photo_id, result)
        return progress

    def _record(
        self,
        summary: ImportSummary,
        result: FileResult,
        done: int,
        together: list[tuple[int, FileResult]] | None = None,
    ) -> ImportProgress:
        """Record one result. ``together``: inside ``_record_together``'s transaction, where a
        catalog that cannot be written raises (the whole is then recorded again, a file at a
        time), and the photos recorded are listed there for ``on_recorded`` after the commit."""
        source = _text(result.source)
        if result.disk_full and summary.stopped is None:
            summary.stopped = DISK_FULL
        if result.status == "imported":
            values = dict(result.values, batch_id=summary.batch, imported_at=timestamp(), warnings=result.warnings)
            try:
                photo_id = self.catalog.add_photo(values)
            except self.catalog.conn.IntegrityError:
                # The same bytes came twice in this run (two copies of one file): the first won.
                if result.created and result.relative_path:
                    self._remove_unrecorded(result.relative_path)
                result.status = "duplicate"
            except (self.catalog.conn.Error, CatalogError) as error:
                if together is not None:
                    raise
                # Not recorded: the copy must not stay in originals/ unknown to the catalog.
                if result.relative_path:
                    self._remove_unrecorded(result.relative_path)
                reason = self._catalog_failure(summary, error)
                result = FileResult(result.source, "failed", error=reason)
            else:
                _mirror_sidecars(self.catalog, [photo_id])  # never raises: problems go to catalog.warnings
                summary.imported += 1
                summary.photos.append(photo_id)
                summary.files.append(FileOutcome(source, "imported", photo_id))
                summary.warnings.extend((source, w) for w in result.warnings)
                if together is not None:
                    together.append((photo_id, result))
                elif self.on_recorded is not None:
                    self.on_recorded(self.catalog, photo_id, result)
                return ImportProgress(done, self.total, source, "imported", photo_id, warnings=result.warnings)
        if result.status == "failed":
            self._fail(summary, source, result.error or "unknown error")
            return ImportProgress(done, self.total, source, "failed", error=result.error)
        existing = self.catalog.id_for_hash(result.sha256) if result.sha256 else None
        if existing is not None:  # recorded by a run killed before it wrote the sidecar
            _mirror_sidecars(self.catalog, [existing], if_missing=True)
        summary.duplicates += 1
        summary.duplicate_paths.append(source)
        summary.files.append(FileOutcome(source, "duplicate", existing))
        return ImportProgress(done, self.total, source, "duplicate")

    def _remove_unrecorded(self, relative_path: str) -> None:
        """Remove a copy in originals/ that no photo of the catalog names."""
        try:
            known = knows_path(self.catalog.conn, relative_path)
        except (self.catalog.conn.Error, CatalogError):
            known = False  # the catalog holds what it held before this file: not this path
        if not known:
            self.catalog.paths.original(relative_path).unlink(missing_ok=True)

    def _catalog_failure(self, summary: ImportSummary, error: Exception) -> str:
        """The reason a file was not recorded; a full disk (or any catalog that cannot be
        written) stops the run."""
        if disk_full(error):
            summary.stopped = summary.stopped or DISK_FULL
            return f"{DISK_FULL}: the photo was not recorded; free some space and import again"
        summary.stopped = summary.stopped or f"the catalog cannot be written ({error})"
        return f"not recorded: the catalog cannot be written ({error})"

    def _fail(self, summary: ImportSummary, path: str, error: str) -> None:
        path = _text(path)
        summary.failed.append(ImportFailure(path, error))
        summary.files.append(FileOutcome(path, "failed", reason=error))
        self._write(lambda: self.catalog.add_failure(summary.batch, path, error))

    def _write(self, write: Callable[[], None]) -> None:
        """A catalog write about the run itself (a failure, the batch's end): when the disk is
        full it cannot be made, and the run's summary still reports what happened."""
        if self.summary is not None and self.summary.stopped is not None:
            with suppress(self.catalog.conn.Error, CatalogError):
                write()
            return
        try:
            write()
        except (self.catalog.conn.Error, CatalogError) as error:
            if self.summary is None:
                raise
            self._catalog_failure(self.summary, error)


def _import_lock_holder(catalog: Catalog) -> str:
    """Who holds the catalog's import lock on its server ("Boris, 10.0.0.7", as the window's
    import dialog names them: ``pg.lock_holder``); "" when the server does not say, or the
    holder let go meanwhile. Who it is only adds to the message: a failure to ask is not one."""
    from photoarchive.catalog.pg import PgConnection, lock_holder

    if not isinstance(catalog.conn, PgConnection):
        return ""
    try:
        return lock_holder(catalog.conn, SERVER_IMPORT_LOCK)
    except (catalog.conn.Error, CatalogError):
        return ""


# The lists of an ImportSummary that recording a file appends to.
_SUMMARY_LISTS = ("failed", "photos", "duplicate_paths", "warnings", "files")


class _RecordAlone(Exception):
    """Raised to roll back a transaction of several results (see ``_record_together``)."""


SIDECAR_WRITER = "photoarchive.catalog.sidecars"


def _import_meanwhile(name: str) -> None:
    """Import the module ``name`` on a thread of its own, while this one goes on (a module
    being imported by one thread is waited for by another that imports it). A failure is left
    to the import that needs the module, where it is raised."""
    if name in sys.modules:
        return

    def load() -> None:
        with suppress(ImportError):
            importlib.import_module(name)

    threading.Thread(target=load, name=f"import {name}", daemon=True).start()


def _mirror_sidecars(catalog: Catalog, photo_ids: list[int], *, if_missing: bool = False) -> None:
    """``catalog.sidecars.mirror_sidecars``, imported here, not with this module: it brings
    exiv2 and the metadata rules, which the command need not import before it has asked for
    its workers (an import's start-up is part of its time); ``_results`` has it imported
    while the pool starts."""
    from photoarchive.catalog.sidecars import mirror_sidecars

    mirror_sidecars(catalog, photo_ids, if_missing=if_missing)


def _text(path: str) -> str:
    """A path as text that SQLite and JSON take (bytes of a name that are not UTF-8 replaced)."""
    return path.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")


# The import's advisory lock on a server: (``pg.LOCK_NAMESPACE``, this); 1 is the write lock.
SERVER_IMPORT_LOCK = 2
# How often a run waiting for another import into the same catalog on a server asks again.
SERVER_LOCK_POLL_SECONDS = 0.5


@contextmanager
def _archive_lock(
    catalog: Catalog,
    cancelled: Callable[[], bool] = lambda: False,
    on_waiting: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """One import at a time per archive (the GUI's and the command line's alike): a lock on
    the file ``ARCHIVE/.import.lock``, a second import refused; on a server, the database's own
    lock (a lock on a file of a network share is not to be trusted), which a second import,
    from another computer as well, waits for (Cancel ends the wait)."""
    if catalog.location.url is not None:
        with _server_import_lock(catalog, cancelled, on_waiting):
            yield
        return
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


@contextmanager
def _server_import_lock(
    catalog: Catalog, cancelled: Callable[[], bool], on_waiting: Callable[[str], None] | None
) -> Iterator[None]:
    """The catalog's import lock on its server (a session advisory lock on the catalog's
    connection): taken when free, else waited for, asking again every half second; released at
    the end (and by the server if this process dies)."""
    from photoarchive.catalog.pg import LOCK_NAMESPACE  # psycopg is loaded already: the catalog is on a server

    conn = catalog.conn
    take = f"SELECT pg_try_advisory_lock({LOCK_NAMESPACE}, {SERVER_IMPORT_LOCK})"
    told = False
    while not conn.execute(take).fetchone()[0]:
        if cancelled():
            raise IngestError(
                f"{catalog.location.shown()}: cancelled while waiting for another import into this catalog to end"
            )
        if not told and on_waiting is not None:
            who = _import_lock_holder(catalog) or "on this computer or another"
            on_waiting(
                f"another import into the catalog {catalog.location.shown()} is running ({who});"
                " this one starts when it ends"
            )
        told = True
        time.sleep(SERVER_LOCK_POLL_SECONDS)
    try:
        yield
    finally:
        with suppress(conn.Error, CatalogError):  # a connection lost meanwhile released it already
            conn.execute(f"SELECT pg_advisory_unlock({LOCK_NAMESPACE}, {SERVER_IMPORT_LOCK})")
