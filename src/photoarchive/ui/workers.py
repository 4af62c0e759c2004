"""Background work for the GUI: each job runs the core's generator in a ``QThreadPool`` thread
and reports plain data through the signals of a ``WorkerSignals`` object that lives on the GUI
thread. A worker opens the window's catalog again (``Catalog.reopen``: SQLite connections stay
on their thread; a catalog on a server is reached at the URL the window opened it with) and
checks ``cancel()`` between items; nothing here touches a widget.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QSize, QThreadPool, QTimer, Signal

from photoarchive.catalog import Catalog
from photoarchive.catalog.filters import compile_filter
from photoarchive.errors import PhotoArchiveError
from photoarchive.ingest import ImportJob, scan
from photoarchive.ui.sources import Source, source_counts, source_rest, source_size
from photoarchive.ui.thumbnails import read_image

_RUNNING: set[Worker] = set()


# How long after a reload of the grid its background reading starts (``start_after_paint``):
# a frame, so that the first page is painted first.
AFTER_PAINT_MS = 16


class WorkerSignals(QObject):
    """What a worker reports: progress (plain values), a result, or a failure in words."""

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)


class Worker(QRunnable):
    """Runs ``job(cancelled, report)`` on a pool thread; its return value is the result.

    ``job`` gets a function telling whether Cancel was pressed and a function reporting
    progress; a ``PhotoArchiveError`` becomes ``failed`` with its message, any other
    exception ``failed`` with a short note (the traceback is never shown to the curator).
    """

    def __init__(self, job: Callable[[Callable[[], bool], Callable[[Any], None]], Any]) -> None:
        super().__init__()
        self.job = job
        self.signals = WorkerSignals()
        self._cancelled = False
        self.done = False

    def cancel(self) -> None:
        self._cancelled = True

    def is_cancelled(self) -> bool:
        return self._cancelled

    def run(self) -> None:
        try:
            self._run()
        finally:
            _RUNNING.discard(self)

    def _run(self) -> None:
        try:
            result = self.job(self.is_cancelled, self.signals.progress.emit)
        except PhotoArchiveError as error:
            self.done = True
            self.signals.failed.emit(str(error))
            return
        except Exception as error:
            self.done = True
            self.signals.failed.emit(f"unexpected error ({type(error).__name__}: {error})")
            return
        self.done = True
        self.signals.finished.emit(result)

    def start_after_paint(self) -> Worker:
        """``start`` a frame from now, unless cancelled by then: reading begun before the
        window's next paint would take the cores and, between its rows, the interpreter from it
        (a paint request waits behind other queued events; a timer's time comes after it)."""
        QTimer.singleShot(AFTER_PAINT_MS, lambda: None if self._cancelled else self.start())
        return self

    def start(self, pool: QThreadPool | None = None) -> Worker:
        # Python keeps the worker and its signals alive until it has run, even when whoever
        # started it (a dialog, the editor) is gone by then.
        self.setAutoDelete(False)
        _RUNNING.add(self)
        (pool or QThreadPool.globalInstance()).start(self)
        return self


@dataclass(frozen=True)
class ImportWaiting:
    """An import's progress before it starts: it waits for another import into the same
    catalog on a server to end. ``holder``: who runs that one ("Boris, 10.0.0.7"; "" when the
    server does not say)."""

    holder: str


def import_job(archive: Catalog, paths: Sequence[Path], workers: int | None = None) -> Worker:
    """An import into ``archive`` (opened again on the worker's thread): progress is
    ImportProgress (an ``ImportWaiting`` first while another curator's import holds the
    catalog's import lock), result ImportSummary."""

    def job(cancelled: Callable[[], bool], report: Callable[[Any], None]) -> Any:
        with archive.reopen() as catalog:

            def waiting(_message: str) -> None:
                from photoarchive.catalog.pg import PgConnection, lock_holder  # on a server only
                from photoarchive.ingest.session import SERVER_IMPORT_LOCK

                holder = ""
                if isinstance(catalog.conn, PgConnection):
                    try:
                        holder = lock_holder(catalog.conn, SERVER_IMPORT_LOCK)
                    except catalog.conn.Error:
                        holder = ""  # who it is only adds to the message
                report(ImportWaiting(holder))

            run = ImportJob(catalog, list(paths), workers=workers, on_waiting=waiting)
            for progress in run.run(cancelled):
                report(progress)
            return run.summary

    return Worker(job)


def scan_job(paths: Sequence[Path], archive: Path | None = None) -> Worker:
    """Find the photos under files and folders (never inside ``archive``, as the import
    itself does not): result is a ``ScanResult``."""
    return Worker(lambda cancelled, report: scan(list(paths), archive=archive))


def image_job(path: Path, max_size: QSize | None = None) -> Worker:
    """Decode one image (the loupe's full-size view): result is a QImage, maybe null."""
    return Worker(lambda cancelled, report: read_image(path, max_size))


def source_counts_job(archive: Catalog) -> Worker:
    """The sources panel's counts, keywords and places: result is a ``SourceCounts``."""

    def job(cancelled: Callable[[], bool], report: Callable[[Any], None]) -> Any:
        with archive.reopen() as catalog:
            return source_counts(catalog)

    return Worker(job)


def grid_rest_job(
    archive: Catalog, source: Source, after: tuple[object, ...], *, search: str, order: str, filter: str = ""
) -> Worker:
    """The ids after the grid's first page, and how many photos the source holds without the
    search and the ``filter`` (compiled here, on the worker's connection): result is ``(ids, size)``."""

    def job(cancelled: Callable[[], bool], report: Callable[[Any], None]) -> Any:
        with archive.reopen() as catalog:
            where = None
            if filter.strip():
                query = compile_filter(catalog.conn, filter)
                search_words, where = query.search_with(search), query.where
            else:
                search_words = search
            rest = source_rest(catalog, source, after, search=search_words, order=order, where=where)
            # As the grid's model keeps them: a million ids copied there as one block, and the
            # list's int objects freed here rather than on the GUI thread.
            return array("q", rest), source_size(catalog, source)

    return Worker(job)
