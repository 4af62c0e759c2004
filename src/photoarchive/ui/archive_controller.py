"""The File and Help menus of a window: import (dialog, drops), open and new archive, the
sample archive, export of a collection, the About box.

Opening another archive opens a new window on it (``open_window``, given by the window) and
asks for this one to close (a window keeps one catalog for its life). Long work (import,
building the sample) runs in workers; the progress bar shows it and the window stays usable.
Closing the window while an import or an export runs asks first (``ask``); cancelled, the
work stops and ``close_requested`` follows after it, so nothing reaches a closed catalog.

A catalog on a server is opened on a worker thread: a server that does not answer keeps the
window waiting (its progress bar says whom it is connecting to) for at most the connection's
timeout (``catalog.pg.CONNECT_TIMEOUT_SECONDS``), never frozen; the curator may stop waiting
sooner (``stop_button``, beside the bar: what arrives after is closed, no window opens).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressBar, QToolButton, QWidget

from photoarchive import APP_NAME, __version__
from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.catalog.location import URL_FILE, check_url, read_url_file, remember, resolve
from photoarchive.errors import CatalogError, PhotoArchiveError
from photoarchive.ingest import ImportSummary
from photoarchive.sample import SampleArchiveJob
from photoarchive.ui import templates
from photoarchive.ui.actions import make_action
from photoarchive.ui.dialogs.import_dialog import ImportDialog
from photoarchive.ui.dialogs.open_archive_dialog import OpenArchiveDialog
from photoarchive.ui.errors import opened_or_said, opening_error, show_error
from photoarchive.ui.questions import Ask, Question, ask_in_message_box
from photoarchive.ui.sources import ALL_PHOTOS, COLLECTION, Source
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.workers import Worker

if TYPE_CHECKING:
    from photoarchive.ui.dialogs.export_dialog import ExportDialog

# Windows opened by "Open Archive" are kept here while they are open.
OPEN_WINDOWS: list[QWidget] = []


def _folder_url(root: Path) -> str | None:
    """The address in the folder's catalog.url (None: none there, or none that can be read)."""
    try:
        return read_url_file(root / URL_FILE)
    except PhotoArchiveError:
        return None


class ArchiveController(QObject):
    """File and Help actions of one window (``actions()``).

    ``status_message(text)``: a word for the status bar. ``photos_imported(summary)``: an
    import ended (its template applied): show its batch. ``sample_created()``: the sample
    was built into this archive. ``close_requested()``: Quit, or the work that kept the
    window open has stopped. ``archive_opened(window)``: File > Open Archive (or New
    Archive, or the sample) opened another window, which takes over from this one.
    """

    status_message = Signal(str)
    photos_imported = Signal(object)
    sample_created = Signal()
    close_requested = Signal()
    archive_opened = Signal(object)

    def __init__(
        self,
        catalog: Catalog,
        edits: PhotoEdits,
        progress: QProgressBar,
        stop_button: QToolButton,
        *,
        open_window: Callable[[Catalog], QWidget],
        flush: Callable[[], None] = lambda: None,
        ask: Ask = ask_in_message_box,
        import_workers: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``progress`` and ``stop_button`` (its Cancel, hidden) are the window's, in its status
        bar; ``open_window(catalog)`` makes and returns a window on another archive; ``flush``
        saves what is being typed before an export reads the catalog; ``parent`` is the
        parent of dialogs and questions."""
        super().__init__(parent)
        self.catalog = catalog
        self.edits = edits
        self.progress = progress
        self.open_window = open_window
        self.flush = flush
        self.ask = ask
        self.import_workers = import_workers
        self.parent_widget = parent
        self.source: Source = ALL_PHOTOS
        self.import_dialog: ImportDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.sample_worker: Worker | None = None
        self.connecting: Worker | None = None  # a catalog on a server being opened
        self.stop_button = stop_button  # beside the progress bar, shown while connecting
        self.stop_button.setText(self.tr("Cancel"))
        self.stop_button.setToolTip(self.tr("Stop waiting for the server; this window stays on its archive"))
        self.stop_button.clicked.connect(self.stop_connecting)
        self._stopping: list[Worker] = []  # cancelled for closing the window: close when they end
        self._actions = {
            "import": make_action(self, self.tr("&Import Photos…"), self.import_photos, "Ctrl+I"),
            "import_folder": make_action(self, self.tr("Import &Folder…"), self.import_folder, "Ctrl+Shift+I"),
            "new_archive": make_action(self, self.tr("&New Archive…"), self.new_archive, "Ctrl+Shift+N"),
            "open_archive": make_action(
                self, self.tr("&Open Archive…"), self.open_archive, QKeySequence.StandardKey.Open
            ),
            "sample": make_action(self, self.tr("Create &Sample Archive…"), self.create_sample_archive),
            "export": make_action(self, self.tr("&Export Collection…"), self.export_collection, "Ctrl+E"),
            "quit": make_action(
                self, self.tr("&Quit"), self.close_requested.emit, [QKeySequence.StandardKey.Quit, "Ctrl+Q"]
            ),
            "about": make_action(self, self.tr("&About Photo Archive"), self.about),
            "about_qt": make_action(self, self.tr("About &Qt"), QApplication.aboutQt),
        }

    def actions(self) -> dict[str, QAction]:
        """The actions by name, for the window's menus."""
        return dict(self._actions)

    def set_source(self, source: Source) -> None:
        """The source the window shows now (Export Collection exports it)."""
        self.source = source

    def importing(self) -> bool:
        """Whether this window's import is running."""
        return self.import_dialog is not None and self.import_dialog.importing()

    # -- import -----------------------------------------------------------------------------

    def import_photos(self, paths: Sequence[Path] | None = None) -> ImportDialog | None:
        if self.import_dialog is not None and self.import_dialog.importing():
            self.import_dialog.show()
            self.import_dialog.raise_()
            return self.import_dialog
        if not paths:
            files, _filter = QFileDialog.getOpenFileNames(
                self.parent_widget,
                self.tr("Import photos"),
                "",
                self.tr(
                    "Photos (*.jpg *.jpeg *.tif *.tiff *.png *.heic *.webp *.dng *.cr2 *.cr3 *.nef *.arw *.orf *.raf *.rw2);;All files (*)"
                ),
            )
            paths = [Path(f) for f in files]
        if not paths:
            return None
        dialog = ImportDialog(
            self.catalog,
            paths,
            templates.names(self.catalog),
            workers=self.import_workers,
            parent=self.parent_widget,
        )
        dialog.progress_changed.connect(self._progress)
        dialog.waiting.connect(self.status_message.emit)  # seen with the dialog in the background too
        dialog.import_finished.connect(self._imported)
        self.import_dialog = dialog
        dialog.show()
        return dialog

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.parent_widget, self.tr("Import a folder of photos"))
        if folder:
            self.import_photos([Path(folder)])

    def _progress(self, done: int, total: int) -> None:
        bar = self.progress
        if done < 0:
            bar.hide()
            return
        bar.show()
        bar.setRange(0, max(total, 1))
        bar.setValue(done)
        bar.setFormat(self.tr("Importing %v of %m"))
        bar.setToolTip(self.tr("Photos are being imported; File > Import Photos shows the import"))

    def _imported(self, summary: ImportSummary, template: str) -> None:
        if template and summary.photos:
            try:
                templates.apply(self.edits, summary.photos, template)
            except PhotoArchiveError as error:
                show_error(self.parent_widget, self.tr("The template was not applied"), error)
        self.photos_imported.emit(summary)
        self.status_message.emit(
            self.tr("Import finished: %n photo(s) imported.", "", summary.imported)
            if not summary.cancelled
            else self.tr("Import cancelled: %n photo(s) imported.", "", summary.imported)
        )

    def can_close(self) -> bool:
        """Whether the window may close now. While an import or an export runs, the curator is
        asked first; when they cancel it, the window stays until the work has stopped (what
        was imported stays; an incomplete export leaves nothing), then ``close_requested``
        follows: the catalog is closed only after the last worker's report has been handled."""
        if self._stopping:
            self.status_message.emit(self.tr("Waiting for the running work to stop; the window then closes."))
            return False
        running = self._running_work()
        for _worker, question, _stop in running:
            if not self.ask(self.parent_widget, question):
                return False
        if not running:
            if self.connecting is not None:  # the catalog it brings is closed, no window shown
                self.connecting.cancel()
            return True
        self._stopping = [worker for worker, _question, _stop in running]
        for worker, _question, stop in running:
            worker.signals.finished.connect(self._stopped)
            worker.signals.failed.connect(self._stopped)
            stop()
        self.status_message.emit(self.tr("Cancelling… the window closes when the running work has stopped."))
        self._stopped()  # in case it ended before its signals were connected
        return False

    def _running_work(self) -> list[tuple[Worker, Question, Callable[[], None]]]:
        """The import and export running now: their worker, the question, how to cancel it."""
        running: list[tuple[Worker, Question, Callable[[], None]]] = []
        dialog = self.import_dialog
        if dialog is not None and dialog.importing() and dialog.worker is not None:
            question = Question(
                self.tr("Quit during an import?"),
                self.tr("Photos are being imported into this archive."),
                self.tr(
                    "Cancelling keeps the photos imported so far; the rest can be imported again later "
                    "(those already in the archive are recognised)."
                ),
                self.tr("Cancel the Import and Quit"),
                self.tr("Keep Importing"),
            )
            running.append((dialog.worker, question, dialog.cancel_for_quit))
        export = self.export_dialog
        if export is not None and export.is_running() and export.worker is not None:
            question = Question(
                self.tr("Quit during an export?"),
                self.tr("A collection is being exported."),
                self.tr("Cancelling stops the export; nothing of it is kept, and it can be started again later."),
                self.tr("Cancel the Export and Quit"),
                self.tr("Keep Exporting"),
            )
            running.append((export.worker, question, export.reject))
        return running

    def _stopped(self, *_report: Any) -> None:
        """A cancelled worker has reported: once all have, ask for the window to close (after
        the dialogs' own handlers of that report, which may still read the catalog)."""
        if self._stopping and all(worker.done for worker in self._stopping):
            self._stopping = []
            QTimer.singleShot(0, self.close_requested.emit)

    # -- archives ---------------------------------------------------------------------------

    def open_archive(self) -> OpenArchiveDialog:
        """The Open Archive dialog (a folder, and maybe its catalog's server); opened once accepted."""
        return self._ask_archive(OpenArchiveDialog(parent=self.parent_widget))

    def new_archive(self) -> OpenArchiveDialog:
        """The New Archive dialog (a folder for the originals, and maybe an empty database on a
        server for the catalog); made and opened once accepted."""
        return self._ask_archive(OpenArchiveDialog(Path.home() / "Photo Archive", parent=self.parent_widget, new=True))

    def _ask_archive(self, dialog: OpenArchiveDialog) -> OpenArchiveDialog:
        dialog.accepted.connect(lambda: self._open_chosen(dialog))
        dialog.open()
        return dialog

    def _open_chosen(self, dialog: OpenArchiveDialog) -> None:
        folder = dialog.folder()
        if folder is not None:
            self.open_archive_at(folder, create=dialog.new, url=dialog.url())

    def open_archive_at(self, folder: Path, *, create: bool, url: str | None = None) -> QWidget | None:
        """A new window on the archive at ``folder`` (its catalog at ``url`` when given: then
        written into the folder's catalog.url for the next curator); this window closes.
        Returns the window; None when the catalog could not be opened (the curator is told
        why, in words, and this window stays). A catalog on a server (``url``) is opened on a
        worker thread (``connecting``): None is returned at once, and ``archive_opened``
        follows, or the message; a new archive there needs an empty database."""
        what = self.tr("The archive could not be opened")
        if url is not None:
            try:
                check_url(url)  # a password is refused before anything is sent
            except CatalogError as error:
                show_error(self.parent_widget, what, error)
                return None
            self._connect(folder, create=create, url=url)
            return None
        catalog = opened_or_said(self.parent_widget, what, lambda: Catalog(folder, create=create))
        if catalog is None:
            return None
        return self._show_window(catalog, None)

    def _connect(self, folder: Path, *, create: bool, url: str) -> None:
        """Open the catalog at ``url`` on a worker thread, the progress bar saying to whom."""
        if self.connecting is not None:
            self.status_message.emit(self.tr("Still connecting to the server of another archive; wait for it."))
            return
        address = urlsplit(url)
        host = address.hostname or "localhost"
        database = address.path.lstrip("/") or host
        # Translated here, on the window's thread; the worker only fills them in.
        not_empty = self.tr(
            "The database {database} already holds the catalog of an archive (photos: {photos}). A new archive needs "
            "an empty database; to work on that archive, open its folder with File > Open Archive."
        )
        foreign = self.tr(
            "The database {database} holds tables of another program ({tables}); a new archive needs an empty database."
        )

        def job(cancelled: Any, report: Any) -> Catalog:
            from photoarchive.catalog.empty_database import DatabaseNotEmptyError, refuse_unless_empty

            try:
                if create:
                    refuse_unless_empty(resolve(folder, url))
                return Catalog(folder, create=create, url=url)
            except DatabaseNotEmptyError as error:
                if error.photos is None:
                    words = foreign.format(database=database, tables=", ".join(error.tables[:5]))
                else:
                    words = not_empty.format(database=database, photos=error.photos)
                raise CatalogError(words) from error
            except Exception as error:
                said = opening_error(error)
                if said is None:
                    raise
                raise CatalogError(said) from error

        worker = Worker(job)
        worker.signals.finished.connect(lambda catalog: self._connected(worker, catalog, url))
        worker.signals.failed.connect(lambda message: self._not_connected(worker, message))
        self.connecting = worker
        for name in ("open_archive", "new_archive"):
            self._actions[name].setEnabled(False)
        bar = self.progress
        bar.show()
        bar.setRange(0, 0)  # busy: how long a server takes to answer is not known
        connecting = self.tr("Connecting to {host}…").format(host=host)
        bar.setFormat(connecting)
        bar.setToolTip(url)
        self.status_message.emit(connecting)
        self.stop_button.show()
        worker.start()

    def stop_connecting(self) -> None:
        """Stop waiting for the server being connected to: the window stays on its archive, and
        a catalog that arrives after is closed (``_connected``), an error not shown."""
        if self.connecting is None:
            return
        self.connecting.cancel()
        self._connection_ended()
        self.status_message.emit(self.tr("Stopped connecting to the server."))

    def _connection_ended(self) -> None:
        self.connecting = None
        for name in ("open_archive", "new_archive"):
            self._actions[name].setEnabled(True)
        self.stop_button.hide()
        self.progress.hide()
        self.progress.setRange(0, 1)
        self.progress.setToolTip("")
        self.status_message.emit("")

    def _connected(self, worker: Worker, catalog: Catalog, url: str) -> None:
        if worker.is_cancelled():  # this window closed meanwhile: nothing more of it
            catalog.close()
            return
        self._connection_ended()
        self._show_window(catalog, url)

    def _not_connected(self, worker: Worker, message: str) -> None:
        if worker.is_cancelled():
            return
        self._connection_ended()
        show_error(self.parent_widget, self.tr("The archive could not be opened"), message)

    def _show_window(self, catalog: Catalog, url: str | None) -> QWidget | None:
        """The window on the opened ``catalog`` (its ``url`` remembered in the folder)."""
        what = self.tr("The archive could not be opened")
        if url is not None and catalog.location.url is not None:
            try:
                if _folder_url(catalog.paths.root) != url:  # a shared folder's file rewritten only to change it
                    remember(catalog.paths.root, url)
            except PhotoArchiveError as error:
                catalog.close()
                show_error(self.parent_widget, what, error)
                return None
        window = self.open_window(catalog)
        OPEN_WINDOWS.append(window)
        window.destroyed.connect(lambda *_: OPEN_WINDOWS.remove(window) if window in OPEN_WINDOWS else None)
        window.show()
        self.archive_opened.emit(window)
        self.close_requested.emit()
        return window

    def create_sample_archive(self, folder: Path | None = None) -> Worker | None:
        if folder is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.parent_widget,
                self.tr("Where to create the sample archive"),
                str(Path.home() / "Photo Archive Sample"),
            )
            if not chosen:
                return None
            folder = Path(chosen)
        here = folder.resolve() == self.catalog.paths.root
        current_is_empty = here and self.catalog.count_photos() == 0
        # this archive's catalog where the window has it (a --catalog server), else the folder's
        current = self.catalog

        def job(cancelled: Any, report: Any) -> Path:
            with current.reopen() if here else Catalog(folder) as catalog:
                for progress in SampleArchiveJob(catalog, workers=self.import_workers or 1).run(cancelled):
                    report((progress.done, progress.total))
            return folder

        worker = Worker(job)
        worker.signals.progress.connect(lambda p: self._sample_progress(*p))
        worker.signals.failed.connect(lambda message: self._sample_failed(message))
        worker.signals.finished.connect(lambda path: self._sample_done(Path(path), current_is_empty))
        self.sample_worker = worker.start()
        return worker

    def _sample_progress(self, done: int, total: int) -> None:
        self.progress.show()
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Sample archive %p%"))

    def _sample_failed(self, message: str) -> None:
        self.progress.hide()
        show_error(self.parent_widget, self.tr("The sample archive was not created"), message)

    def _sample_done(self, folder: Path, here: bool) -> None:
        self.progress.hide()
        if here:
            self.sample_created.emit()
        else:
            self.open_archive_at(folder, create=False)

    # -- export, about ----------------------------------------------------------------------

    def export_collection(self) -> ExportDialog | None:
        key = self.source.key
        if self.source.kind != COLLECTION or not isinstance(key, int):
            self.status_message.emit(self.tr("Show a collection first: exports are made from collections."))
            return None
        # Imported here: the dialog brings the exporters, which a window that never exports
        # does not need to load.
        from photoarchive.ui.dialogs.export_dialog import ExportDialog

        name = collection_store.get_collection(self.catalog, key).name
        self.flush()  # the export reads the catalog: what was typed is in it
        self.export_dialog = ExportDialog(self.catalog, name, self.parent_widget)
        self.export_dialog.show()
        return self.export_dialog

    def about(self) -> None:
        QMessageBox.about(
            self.parent_widget,
            self.tr("About {app}").format(app=APP_NAME),
            self.tr(
                "<h3>{app} {version}</h3><p>Import, caption, credit, place and publish expedition photographs.</p>"
                "<p>Captions, credits and places are kept in the archive's catalog and written into "
                "exported files as EXIF, IPTC and XMP.</p><p>Licensed under the GNU GPL, version 3 or later.</p>"
            ).format(app=APP_NAME, version=__version__),
        )
