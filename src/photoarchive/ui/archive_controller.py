"""The File and Help menus of the window: import (dialog, drops), open and new archive, the
sample archive, export of a collection, templates, the About box.

Opening another archive opens a new window on it and closes this one (a window keeps one
catalog for its life). Long work (import, building the sample) runs in workers; the status
bar shows its progress and the window stays usable. Closing the window while an import or an
export runs asks first (``window.ask``); cancelled, the work stops and the window closes after
it, so nothing reaches a closed catalog.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from photoarchive import APP_NAME, __version__
from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.errors import PhotoArchiveError
from photoarchive.ingest import ImportSummary
from photoarchive.sample import SampleArchiveJob
from photoarchive.ui import templates
from photoarchive.ui.dialogs.import_dialog import ImportDialog
from photoarchive.ui.errors import show_error
from photoarchive.ui.questions import Question
from photoarchive.ui.sources import BATCH, COLLECTION, Source
from photoarchive.ui.workers import Worker

if TYPE_CHECKING:
    from photoarchive.ui.main_window import MainWindow

# Windows opened by "Open Archive" are kept here while they are open.
OPEN_WINDOWS: list[Any] = []


class ArchiveController(QObject):
    """File and Help actions of one window.

    ``archive_opened(window)``: File > Open Archive (or New Archive, or the sample) opened
    another window, which takes over from this one.
    """

    archive_opened = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.catalog = window.catalog
        self.import_dialog: ImportDialog | None = None
        self.export_dialog: Any = None
        self.sample_worker: Worker | None = None
        self._stopping: list[Worker] = []  # cancelled for closing the window: close when they end

    def build_file_menu(self, menu: QMenu) -> None:
        w = self.window
        w._action(menu, self.tr("&Import Photos…"), self.import_photos, "Ctrl+I")
        w._action(menu, self.tr("Import &Folder…"), self.import_folder, "Ctrl+Shift+I")
        menu.addSeparator()
        w._action(menu, self.tr("&New Archive…"), self.new_archive, "Ctrl+Shift+N")
        w._action(menu, self.tr("&Open Archive…"), self.open_archive, QKeySequence.StandardKey.Open)
        w._action(menu, self.tr("Create &Sample Archive…"), self.create_sample_archive)
        menu.addSeparator()
        self.export_action = w._action(menu, self.tr("&Export Collection…"), self.export_collection, "Ctrl+E")
        self.export_action.setEnabled(_export_dialog_present())
        menu.addSeparator()
        w._action(menu, self.tr("&Quit"), w.close, [QKeySequence.StandardKey.Quit, "Ctrl+Q"])

    # -- import -----------------------------------------------------------------------------

    def import_photos(self, paths: Sequence[Path] | None = None) -> ImportDialog | None:
        if self.import_dialog is not None and self.import_dialog.importing():
            self.import_dialog.show()
            self.import_dialog.raise_()
            return self.import_dialog
        if not paths:
            files, _filter = QFileDialog.getOpenFileNames(
                self.window,
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
            self.catalog.paths.root,
            paths,
            templates.names(self.catalog),
            workers=self.window.import_workers,
            parent=self.window,
        )
        dialog.progress_changed.connect(self._progress)
        dialog.import_finished.connect(self._imported)
        self.import_dialog = dialog
        dialog.show()
        return dialog

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import a folder of photos"))
        if folder:
            self.import_photos([Path(folder)])

    def _progress(self, done: int, total: int) -> None:
        bar = self.window.progress
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
                templates.apply(self.window.edits, summary.photos, template)
            except PhotoArchiveError as error:
                show_error(self.window, self.tr("The template was not applied"), error)
        self.window.refresh_sources()
        shown = self.window.current_source
        already = shown.kind == BATCH and shown.key == summary.batch
        # The new batch is shown, unless nothing came of it (all duplicates, say): the curator
        # stays where they were rather than looking at an empty grid.
        if not summary.imported or already or not self.window.sources.select_source(Source(BATCH, summary.batch)):
            self.window.reload_grid()
        self.window.status(
            self.tr("Import finished: %n photo(s) imported.", "", summary.imported)
            if not summary.cancelled
            else self.tr("Import cancelled: %n photo(s) imported.", "", summary.imported)
        )

    def can_close(self) -> bool:
        """Whether the window may close now. While an import or an export runs, the curator is
        asked first; when they cancel it, the window stays until the work has stopped (what
        was imported stays; an incomplete export leaves nothing), then closes itself: the
        catalog is closed only after the last worker's report has been handled."""
        if self._stopping:
            self.window.status(self.tr("Waiting for the running work to stop; the window then closes."))
            return False
        running = self._running_work()
        for _worker, question, _stop in running:
            if not self.window.ask(self.window, question):
                return False
        if not running:
            return True
        self._stopping = [worker for worker, _question, _stop in running]
        for worker, _question, stop in running:
            worker.signals.finished.connect(self._stopped)
            worker.signals.failed.connect(self._stopped)
            stop()
        self.window.status(self.tr("Cancelling… the window closes when the running work has stopped."))
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
        """A cancelled worker has reported: once all have, close the window (after the
        dialogs' own handlers of that report, which may still read the catalog)."""
        if self._stopping and all(worker.done for worker in self._stopping):
            self._stopping = []
            QTimer.singleShot(0, self.window.close)

    # -- archives ---------------------------------------------------------------------------

    def open_archive(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Open an archive folder"))
        if folder:
            self.open_archive_at(Path(folder), create=False)

    def new_archive(self) -> None:
        folder, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("New archive folder"), str(Path.home() / "Photo Archive")
        )
        if folder:
            self.open_archive_at(Path(folder), create=True)

    def open_archive_at(self, folder: Path, *, create: bool) -> Any:
        """A new window on the archive at ``folder``; this window closes. Returns the window."""
        from photoarchive.ui.main_window import MainWindow

        try:
            catalog = Catalog(folder, create=create)
        except PhotoArchiveError as error:
            show_error(self.window, self.tr("The archive could not be opened"), error)
            return None
        self.window.save_settings()
        window = MainWindow(
            catalog,
            self.window.settings,
            owns_catalog=True,
            import_workers=self.window.import_workers,
            ask=self.window.ask,
        )
        OPEN_WINDOWS.append(window)
        window.destroyed.connect(lambda *_: OPEN_WINDOWS.remove(window) if window in OPEN_WINDOWS else None)
        window.show()
        self.archive_opened.emit(window)
        self.window.close()
        return window

    def create_sample_archive(self, folder: Path | None = None) -> Worker | None:
        if folder is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Where to create the sample archive"), str(Path.home() / "Photo Archive Sample")
            )
            if not chosen:
                return None
            folder = Path(chosen)
        current_is_empty = self.catalog.count_photos() == 0 and folder.resolve() == self.catalog.paths.root

        def job(cancelled: Any, report: Any) -> Path:
            with Catalog(folder) as catalog:
                for progress in SampleArchiveJob(catalog, workers=self.window.import_workers or 1).run(cancelled):
                    report((progress.done, progress.total))
            return folder

        worker = Worker(job)
        worker.signals.progress.connect(lambda p: self._sample_progress(*p))
        worker.signals.failed.connect(lambda message: self._sample_failed(message))
        worker.signals.finished.connect(lambda path: self._sample_done(Path(path), current_is_empty))
        self.sample_worker = worker.start()
        return worker

    def _sample_progress(self, done: int, total: int) -> None:
        self.window.progress.show()
        self.window.progress.setRange(0, total)
        self.window.progress.setValue(done)
        self.window.progress.setFormat(self.tr("Sample archive %p%"))

    def _sample_failed(self, message: str) -> None:
        self.window.progress.hide()
        show_error(self.window, self.tr("The sample archive was not created"), message)

    def _sample_done(self, folder: Path, here: bool) -> None:
        self.window.progress.hide()
        if here:
            self.window.refresh_sources()
            self.window.reload_grid()
        else:
            self.open_archive_at(folder, create=False)

    # -- export, templates, about -----------------------------------------------------------

    def export_collection(self) -> Any:
        dialog_class = _export_dialog()
        source = self.window.current_source
        if dialog_class is None:
            return None
        if source.kind != COLLECTION:
            self.window.status(self.tr("Show a collection first: exports are made from collections."))
            return None
        name = collection_store.get_collection(self.catalog, int(source.key)).name
        self.window.editor.flush()  # the export reads the catalog: what was typed is in it
        self.export_dialog = dialog_class(self.catalog, name, self.window)
        self.export_dialog.show()
        return self.export_dialog

    def fill_templates_menu(self) -> None:
        menu = self.window.templates_menu
        menu.clear()
        names = templates.names(self.catalog)
        if not names:
            action = menu.addAction(self.tr("(no templates yet)"))
            action.setEnabled(False)
        for name in names:
            action = menu.addAction(name)
            action.triggered.connect(lambda _c=False, n=name: self.apply_template(n))

    def apply_template(self, name: str) -> None:
        ids = self.window.selected_ids()
        if not ids:
            self.window.status(self.tr("Select the photos to apply the template to."))
            return
        self.window.editor.flush()
        try:
            templates.apply(self.window.edits, ids, name)
        except PhotoArchiveError as error:
            show_error(self.window, self.tr("The template was not applied"), error)

    def about(self) -> None:
        QMessageBox.about(
            self.window,
            self.tr("About {app}").format(app=APP_NAME),
            self.tr(
                "<h3>{app} {version}</h3><p>Import, caption, credit, place and publish expedition photographs.</p>"
                "<p>Captions, credits and places are kept in the archive's catalog and written into "
                "exported files as EXIF, IPTC and XMP.</p><p>Licensed under the GNU GPL, version 3 or later.</p>"
            ).format(app=APP_NAME, version=__version__),
        )


def _export_dialog_present() -> bool:
    """Whether the export dialog is installed, without importing it (and the exporters) yet."""
    try:
        return importlib.util.find_spec("photoarchive.ui.dialogs.export_dialog") is not None
    except ImportError:
        return False


def _export_dialog() -> Any:
    """The export dialog class, when the export work has added it."""
    try:
        module = importlib.import_module("photoarchive.ui.dialogs.export_dialog")
    except ImportError:
        return None
    return getattr(module, "ExportDialog", None)
