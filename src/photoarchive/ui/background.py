"""What the window writes after a change, off the GUI thread: the XMP sidecar mirror of the
photos changed, and the day's automatic backup of the catalog.

The catalog stays the authority and every edit commits on the GUI thread as before; only
what follows the commit moves to ``QThreadPool`` workers, each with a catalog connection of
its own (``write_sidecars``: the window's catalog reopened, wherever it is; ``daily_backup.take_backup_of``:
the window's catalog location, its server's URL however the window was given it):

- Sidecars. ``catalog.sidecar_writer`` hands this object the photos of each committed change;
  they are noted at once in a ``SidecarQueue`` file, then written by one worker at a time.
  A worker reads each photo's values when it writes it, and the next one starts only after
  it has ended, so a sidecar never gets an older value after a newer one: photos changed
  while a worker runs are written by the next. A sidecar that could not be written stays
  queued and is tried again with the next change; the status bar says how many and why.
  Closing the window cancels the worker between two photos (each sidecar is written
  atomically: nothing half-written) and leaves the rest in the queue's file, which the next
  window on this archive takes over and writes (``SidecarQueue.take_over``).
- The day's backup. The window defers it (``catalog.defer_daily_backup``); when a change made
  it due, a worker takes it (6 to 9 s for a million photos) while the curator goes on, the
  status bar saying so. A failure is shown as the window shows errors (``failed``). Closing
  the window does not cancel it: the backup is written whole under a temporary name and
  renamed (``backup.take_backup``), and the application waits for its workers before it
  exits (``app.run``), so quitting in the middle costs at most the rest of the backup's
  seconds and never leaves a half-written backup nor a day without one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from photoarchive.catalog import Catalog
from photoarchive.catalog.archive import ArchivePaths
from photoarchive.catalog.backup import Backup
from photoarchive.catalog.daily_backup import take_backup_of
from photoarchive.catalog.sidecar_queue import SidecarQueue
from photoarchive.catalog.sidecars import sidecar_writes
from photoarchive.ui.workers import Worker

WriteSidecars = Callable[[Catalog, Sequence[int], Callable[[], bool]], list[tuple[int, str]]]


def write_sidecars(
    archive: Catalog, photo_ids: Sequence[int], cancelled: Callable[[], bool] = lambda: False
) -> list[tuple[int, str]]:
    """``sidecar_writes`` through ``archive`` opened again on the worker's thread
    (``Catalog.reopen``: a catalog on a server is reached at the URL the window has, not the
    folder's): ``(photo id, problem)`` of each photo written or failed; those left out were not
    written (cancelled) or are no longer in the catalog."""
    with archive.reopen() as catalog:
        return list(sidecar_writes(catalog, photo_ids, cancelled))


class BackgroundWrites(QObject):
    """The sidecar mirror and the day's backup of one window's catalog (see the module doc).

    ``label`` goes into the status bar: what runs now, or the sidecars not written.
    ``status_message(text)``: a word for the status bar when something ended.
    ``failed(what, message)``: something went wrong that the curator should see.
    ``idle()``: nothing is running any more (after the last worker's report).
    ``write`` and ``backup`` are the functions the workers run (tests put slow ones in)."""

    status_message = Signal(str)
    failed = Signal(str, str)
    idle = Signal()

    def __init__(
        self,
        catalog: Catalog,
        parent: QObject | None = None,
        *,
        write: WriteSidecars = write_sidecars,
        backup: Callable[[ArchivePaths, str | None], Backup] = take_backup_of,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.write = write
        self.backup = backup
        self.label = QLabel()
        self.label.setContentsMargins(6, 0, 6, 0)
        self.label.hide()
        self.queue = SidecarQueue(catalog.paths)
        self.not_written: dict[int, str] = {}  # photo id -> why its sidecar was not written
        self.mirror_worker: Worker | None = None
        self.backup_worker: Worker | None = None
        self._writing: list[int] = []
        self._changed_meanwhile: set[int] = set()  # changed while a writer ran: the next writes them
        self._closed = False
        catalog.defer_daily_backup = True
        catalog.sidecar_writer = self.changed
        try:
            self.queue.take_over()  # what a window closed or killed before it was done left
        except OSError as error:
            self.status_message.emit(self.tr("Sidecars left to write could not be read ({error}).").format(error=error))
        self._start_mirror()

    def running(self) -> bool:
        return self.mirror_worker is not None or self.backup_worker is not None

    def changed(self, photo_ids: set[int]) -> None:
        """A change committed on ``catalog``: write these photos' sidecars, and the day's backup
        if the change made it due (``catalog.sidecar_writer``)."""
        if self._closed:
            return
        try:
            self.queue.add(photo_ids)
        except OSError as error:  # still written below; only a crash before then would lose them
            self.queue.ids |= set(photo_ids)
            self.status_message.emit(
                self.tr("The list of sidecars to write could not be saved ({error}).").format(error=error)
            )
        if self.mirror_worker is not None:
            self._changed_meanwhile |= set(photo_ids)
        self._start_mirror()
        self._start_backup()

    def close(self) -> None:
        """The window closes: stop the mirror between two photos (the queue keeps the rest for
        the next window); let the backup finish (module doc); hand the catalog back."""
        self._closed = True
        if self.mirror_worker is not None:
            self.mirror_worker.cancel()
        if self.catalog.sidecar_writer == self.changed:
            self.catalog.sidecar_writer = None
        self.queue.release()

    # -- sidecars ---------------------------------------------------------------------------

    def _start_mirror(self) -> None:
        if self.mirror_worker is not None or self._closed or not self.queue.ids:
            return
        ids = self._writing = sorted(self.queue.ids)
        archive, write = self.catalog, self.write

        def job(cancelled: Callable[[], bool], report: Callable[[Any], None]) -> Any:
            return write(archive, ids, cancelled), cancelled()

        worker = self.mirror_worker = Worker(job)
        worker.signals.finished.connect(self._mirrored)
        worker.signals.failed.connect(self._mirror_failed)
        self._show_activity()
        worker.start()

    def _mirrored(self, result: tuple[list[tuple[int, str]], bool]) -> None:
        outcomes, cancelled = result
        problems = {pid: problem for pid, problem in outcomes if problem}
        done = {pid for pid, problem in outcomes if not problem}
        if not cancelled:  # those not reported are no longer in the catalog
            done |= set(self._writing) - {pid for pid, _ in outcomes}
        done -= self._changed_meanwhile  # written with a value older than their newest
        for pid in done:
            self.not_written.pop(pid, None)
        self.not_written.update(problems)
        with contextlib.suppress(OSError):  # kept noted: written again later, which is harmless
            self.queue.remove(done)
        self._mirror_ended()

    def _mirror_failed(self, message: str) -> None:
        """The worker could not run at all (the catalog could not be opened): all stay queued."""
        for pid in self._writing:
            self.not_written.setdefault(pid, message)
        self._mirror_ended()

    def _mirror_ended(self) -> None:
        self.mirror_worker = None
        self._writing = []
        if self._changed_meanwhile:  # the next writer reads their newest values (a failed one is
            self._changed_meanwhile = set()  # tried again with the next change, not in a loop)
            self._start_mirror()
        self._show_activity()

    # -- the day's backup -------------------------------------------------------------------

    def _start_backup(self) -> None:
        if not self.catalog.daily_backup_due or self.backup_worker is not None:
            return
        self.catalog.daily_backup_due = False
        # The window's catalog location, as Catalog.reopen gives the other workers: a server named
        # by $PHOTOARCHIVE_CATALOG is not in the folder's catalog.url.
        paths, url, backup = self.catalog.paths, self.catalog.location.url, self.backup
        worker = self.backup_worker = Worker(lambda cancelled, report: backup(paths, url))
        worker.signals.finished.connect(self._backed_up)
        worker.signals.failed.connect(self._backup_failed)
        self._show_activity()
        worker.start()

    def _backed_up(self, backup: Backup) -> None:
        self.backup_worker = None
        self.status_message.emit(self.tr("The day's backup of the catalog is taken ({name}).").format(name=backup.name))
        self._show_activity()

    def _backup_failed(self, message: str) -> None:
        self.backup_worker = None
        self._show_activity()
        self.failed.emit(self.tr("The day's backup of the catalog was not taken"), message)

    # -- the status bar ---------------------------------------------------------------------

    def _show_activity(self) -> None:
        words = []
        if self.backup_worker is not None:
            words.append(self.tr("Backing up the catalog…"))
        if self.mirror_worker is not None and len(self._writing) > 1:
            # No verb agrees with the count: a plural form would need every translation's.
            words.append(self.tr("Writing XMP sidecars: {count}…").format(count=f"{len(self._writing):,}"))
        tooltip = ""
        if self.not_written:
            count = f"{len(self.not_written):,}"
            words.append(self.tr("⚠ XMP sidecars not written: {count}").format(count=count))
            tooltip = self.tr("{reason}\nThey are written again after the next change.").format(
                reason=next(iter(self.not_written.values()))
            )
        self.label.setText(" · ".join(words))
        self.label.setToolTip(tooltip)
        self.label.setVisible(bool(words))
        if not self.running():
            self.idle.emit()
