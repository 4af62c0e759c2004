"""``PreviewBuilder``: the window's 1024 px previews, made in the background after an import.

The import makes a JPEG's grid thumbnail alone (``ingest.previews`` says why); the window
asks this object to ``start`` when it opens an archive and after each import, and one worker
makes the previews missing, the newest import first, one photo at a time, on a pool of one
thread of its own at low priority (``QThread.Priority.LowPriority``: where the system honours
it; on Linux the one thread of two cores is what keeps it out of the way), owned by the
application as the full-image decodes' pool is, so that a window closes without waiting for
it. ``close`` cancels it between two photos: each preview is written whole under a temporary
name and renamed, and the next window makes the rest.

The worker opens the catalog only to list the photos (``Catalog.reopen``) and closes it before
the first decode. ``preview_made(photo_id)`` says each preview made (a view showing that photo's
grid thumbnail in its place may show it); ``label`` goes into the status bar while it works;
``status_message(text)`` says what could not be made (a damaged original: its path and why),
once, at the end. ``start`` during a run makes the run start again after it (an import ended
meanwhile).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QThreadPool, Signal
from PySide6.QtWidgets import QLabel

from photoarchive.catalog import Catalog
from photoarchive.ingest.previews import PreviewOutcome, build_previews, missing_previews, tried
from photoarchive.ui.workers import Worker


class PreviewBuilder(QObject):
    """The missing previews of one window's catalog (module doc)."""

    preview_made = Signal(int)
    status_message = Signal(str)
    idle = Signal()

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.label = QLabel()
        self.label.setContentsMargins(6, 0, 6, 0)
        self.label.hide()
        self.worker: Worker | None = None
        self.problems: list[str] = []
        self._left = 0  # previews still to make in this run
        self._again = False
        self._closed = False

    def running(self) -> bool:
        return self.worker is not None

    def start(self) -> None:
        """Make the previews missing now (once a run in progress has ended, when one is)."""
        if self._closed:
            return
        if self.worker is not None:
            self._again = True
            return
        archive = self.catalog

        def job(cancelled: Callable[[], bool], report: Callable[[Any], None]) -> None:
            with archive.reopen() as catalog:
                work = missing_previews(catalog)
            if work.tasks:
                report(len(work.tasks))
            for outcome in build_previews(work, cancelled):
                report(outcome)
            if not cancelled():
                with archive.reopen() as catalog:
                    tried(catalog, work)  # what could not be made is not tried again at the next window

        worker = self.worker = Worker(job)
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        worker.start(_preview_pool())

    def close(self) -> None:
        """The window closes: stop between two photos; the next window makes the rest."""
        self._closed = True
        if self.worker is not None:
            self.worker.cancel()

    def _progress(self, item: int | PreviewOutcome) -> None:
        if self._closed:
            return
        if isinstance(item, int):
            self._left = item
        else:
            self._left -= 1
            if item.problem is None:
                self.preview_made.emit(item.photo_id)
            else:
                self.problems.append(item.problem)
        self._show(self._left)

    def _finished(self, _result: None) -> None:
        self.worker = None
        if self._closed:
            return
        if self.problems:
            self.status_message.emit(
                self.tr("Previews not made: %n photo(s); the first: {reason}", "", len(self.problems)).format(
                    reason=self.problems[0]
                )
            )
            self.problems = []
        self._ended()

    def _failed(self, message: str) -> None:
        """The catalog could not be read: nothing made now; tried again at the next import."""
        self.worker = None
        if not self._closed:
            self.status_message.emit(self.tr("Previews not made: {reason}").format(reason=message))
            self._ended()

    def _ended(self) -> None:
        self._show(0)
        if self._again:
            self._again = False
            self.start()
            return
        self.idle.emit()

    def _show(self, left: int) -> None:
        self.label.setText(self.tr("Making previews: {count}…").format(count=f"{left:,}") if left > 0 else "")
        self.label.setVisible(left > 0)


def _preview_pool() -> QThreadPool:
    """One thread for every window's previews, owned by the application (module doc)."""
    global _POOL
    application = QCoreApplication.instance()
    if _POOL is None or _POOL.parent() is not application:
        _POOL = QThreadPool(application)
        _POOL.setMaxThreadCount(1)
        _POOL.setThreadPriority(QThread.Priority.LowPriority)
    return _POOL


_POOL: QThreadPool | None = None
