"""``ImportDialog``: import files and folders into the archive, in the background.

Three steps on one page: what was found under the chosen paths (photos, and files that will
not be imported), then the running import (progress bar, count, rate and time left, Cancel;
the dialog is not modal and can be sent to the background, so the window stays usable),
then the summary (imported, duplicates with their paths, every failure with its reason,
warnings). ``import_finished`` carries the ``ImportSummary`` and the template chosen, for
the window to apply it and show the new batch.

On a server, an import waits while another curator's import into the same catalog runs: the
dialog says whose, and goes on by itself when it ends (Cancel stops the wait).

Only the buttons of the current step show: Import and Cancel, then Cancel Import and
Continue in Background, then Close.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photoarchive.catalog import Catalog
from photoarchive.ingest import ImportProgress, ImportSummary
from photoarchive.ingest.scan import ScanResult
from photoarchive.ui.workers import ImportWaiting, Worker, import_job, scan_job

LISTED_FILES = 200  # the files found that are listed by name before the import


class ImportDialog(QDialog):
    """Scan, import with progress and Cancel, and summarise; see the module docstring."""

    import_finished = Signal(object, str)  # ImportSummary, template name ("" for none)
    progress_changed = Signal(int, int)  # done, total: for the window's status bar; -1, -1 at the end
    waiting = Signal(str)  # waiting for another import: the words saying so ("" once it runs)

    def __init__(
        self,
        archive: Catalog,
        paths: Sequence[Path],
        templates: Sequence[str] = (),
        *,
        workers: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import photos"))
        self.setModal(False)
        self.archive = archive  # opened again by the import's worker (Catalog.reopen)
        self.paths = [Path(p) for p in paths]
        self.workers = workers
        self.summary: ImportSummary | None = None
        self.worker: Worker | None = None
        self._found = 0
        self._started = 0.0
        self._importing = False
        self._quitting = False  # cancelled because the window closes: no summary then
        self._waiting = ""  # what the dialog says while another curator's import runs

        self.found = QLabel(self.tr("Looking for photos…"))
        self.found.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumBlockCount(5000)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.template = QComboBox()
        self.template.addItem(self.tr("None"), "")
        for name in templates:
            self.template.addItem(name, name)
        self.template.setEnabled(bool(templates))
        self.template.setToolTip(self.tr("Fields of this template are given to every photo imported"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.rate = QLabel()
        self.current = QLabel()
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Apply template:"), self.template)

        self.buttons = QDialogButtonBox()
        self.start_button = QPushButton(self.tr("Import"))
        self.start_button.setDefault(True)
        self.start_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.background_button = QPushButton(self.tr("Continue in Background"))
        self.background_button.setToolTip(
            self.tr("Hide this window; the import goes on, with its progress in the status bar")
        )
        self.close_button = QPushButton(self.tr("Close"))
        self.copy_button = QPushButton(self.tr("Copy List"))
        self.copy_button.setToolTip(self.tr("Copy the files that were not imported, with the reasons"))
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.background_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.background_button.clicked.connect(self.hide)
        self.close_button.clicked.connect(self.accept)
        self.copy_button.clicked.connect(self.copy_list)
        # After adding them: addButton() shows every button it adds.
        self._show_buttons(self.start_button, self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.found)
        layout.addWidget(self.details, 1)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.rate)
        layout.addWidget(self.current)
        layout.addWidget(self.buttons)
        self.resize(680, 460)
        self._scan()

    def shown(self, path: str | Path) -> str:
        """A path as the curator chose it: from the folder (or the file) they dropped or picked,
        not from the root of the disk ("card/DCIM/IMG_0001.JPG")."""
        path = Path(path)
        for chosen in self.paths:
            base = chosen.parent
            if path.is_relative_to(chosen):
                return str(path.relative_to(base))
        return str(path)

    def _show_buttons(self, *shown: QPushButton) -> None:
        for button in (
            self.start_button,
            self.background_button,
            self.cancel_button,
            self.close_button,
            self.copy_button,
        ):
            button.setVisible(button in shown)

    # -- step 1: what was found -------------------------------------------------------------

    def _scan(self) -> None:
        self.worker = scan_job(self.paths, self.archive.paths.root)
        self.worker.signals.finished.connect(self._scanned)
        self.worker.signals.failed.connect(self._failed)
        self.worker.start()

    def _scanned(self, result: ScanResult) -> None:
        self._found = len(result.files)
        folders = len({p.parent for p in result.files})
        if self._found:
            text = self.tr("Found %n photo(s)", "", self._found) + " " + self.tr("in %n folder(s).", "", folders)
        else:
            text = self.tr("No photos were found there.")
        if result.failures:
            text += " " + self.tr("%n file(s) will not be imported (listed below).", "", len(result.failures))
        self.found.setText(text)
        lines = [self.shown(p) for p in result.files[:LISTED_FILES]]
        if len(result.files) > LISTED_FILES:
            lines.append(self.tr("… and %n more", "", len(result.files) - LISTED_FILES))
        lines += [f"✗ {self.shown(path)}: {reason}" for path, reason in result.failures]
        self.details.setPlainText("\n".join(lines))
        self.start_button.setEnabled(self._found > 0)
        if self._found:
            self.start_button.setFocus()

    # -- step 2: the import -----------------------------------------------------------------

    def start(self) -> None:
        self.start_button.setEnabled(False)
        self.template.setEnabled(False)
        self.details.clear()
        self.found.setText(
            self.tr("Importing %n photo(s)…", "", self._found)
            + " "
            + self.tr("Files already in the archive and files that fail are listed below as they come.")
        )
        self.progress.show()
        self.progress.setRange(0, max(self._found, 1))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v of %m"))
        self.rate.setText(self.tr("Starting the import…"))
        self.cancel_button.setText(self.tr("Cancel Import"))
        self._show_buttons(self.cancel_button, self.background_button)
        self._started = time.monotonic()
        self._importing = True
        self.worker = import_job(self.archive, self.paths, workers=self.workers)
        self.worker.signals.progress.connect(self._progressed)
        self.worker.signals.finished.connect(self._finished)
        self.worker.signals.failed.connect(self._failed)
        self.worker.start()
        self.progress_changed.emit(0, self._found)

    def is_running(self) -> bool:
        return self.worker is not None and not self.worker.done

    def importing(self) -> bool:
        """The import itself (not the scan before it) is running."""
        return self._importing and self.is_running()

    def cancel(self) -> None:
        if self.importing() and self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.rate.setText(self.tr("Cancelling… the files in progress are finished first."))
        else:
            self.reject()

    def cancel_for_quit(self) -> None:
        """The window is closing: cancel the import, and when it has stopped, close instead of
        showing the summary."""
        self._quitting = True
        self.cancel()
        self.hide()

    def _progressed(self, progress: ImportProgress | ImportWaiting) -> None:
        if isinstance(progress, ImportWaiting):
            self._waiting = (
                self.tr("Waiting for another import ({holder})… this one starts when it ends.").format(
                    holder=progress.holder
                )
                if progress.holder
                else self.tr("Waiting for another import… this one starts when it ends.")
            )
            self.rate.setText(self._waiting)
            self.waiting.emit(self._waiting)
            return
        self._waited()
        self.progress.setRange(0, max(progress.total, 1))
        self.progress.setValue(progress.done)
        if not (self.worker is not None and self.worker.is_cancelled()):
            self.rate.setText(self._rate_text(progress.done, progress.total, time.monotonic() - self._started))
        self.current.setText(Path(progress.path).name)
        if progress.outcome == "failed":
            self.details.appendPlainText(f"✗ {self.shown(progress.path)}: {progress.error}")
        elif progress.outcome == "duplicate":
            self.details.appendPlainText(
                self.tr("= {path}: already in the archive").format(path=self.shown(progress.path))
            )
        self.progress_changed.emit(progress.done, progress.total)

    def _waited(self) -> None:
        """The wait for another import is over (this one runs, or ended)."""
        if self._waiting:
            self._waiting = ""
            self.waiting.emit("")

    # -- step 3: the summary ----------------------------------------------------------------

    def _finished(self, summary: ImportSummary) -> None:
        self.summary = summary
        self._importing = False
        self._waited()
        self.progress_changed.emit(-1, -1)
        headline = self.tr("Import cancelled.") if summary.cancelled else self.tr("Import complete.")
        counts = [
            self.tr("%n photo(s) imported", "", summary.imported),
            self.tr("%n already in the archive", "", summary.duplicates),
            self.tr("%n failed", "", len(summary.failed)),
        ]
        template = str(self.template.currentData() or "")
        text = f"{headline} {', '.join(counts)}."
        if template and summary.photos:
            text += " " + self.tr("The template “{name}” is applied to them.").format(name=template)
        self.found.setText(text)
        self.details.setPlainText("\n".join(self._summary_lines(summary)) or self.tr("Every file was imported."))
        self.rate.setText(self._elapsed_text())
        self.current.clear()
        if summary.failed or summary.warnings:
            self._show_buttons(self.close_button, self.copy_button)
        else:
            self._show_buttons(self.close_button)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        if not self.isVisible() and not self._quitting:
            self.show()
        self.import_finished.emit(summary, template)

    def _elapsed_text(self) -> str:
        seconds = max(time.monotonic() - self._started, 0.0)
        return self.tr("Took {time}.").format(time=self._duration_text(seconds))

    def _failed(self, message: str) -> None:
        self._importing = False
        self._waited()
        self.progress_changed.emit(-1, -1)
        self.found.setText(self.tr("The import could not run: {reason}").format(reason=message))
        self.rate.clear()
        self._show_buttons(self.close_button)
        if not self.isVisible() and not self._quitting:
            self.show()

    def _summary_lines(self, summary: ImportSummary) -> list[str]:
        """The details of an import's summary: duplicates, failures with their reasons, warnings."""
        lines: list[str] = []
        if summary.duplicate_paths:
            lines.append(self.tr("Already in the archive (not imported again):"))
            lines += [f"  {self.shown(p)}" for p in summary.duplicate_paths]
        if summary.failed:
            lines.append(self.tr("Not imported:"))
            lines += [f"  {self.shown(f.path)}: {f.error}" for f in summary.failed]
        if summary.warnings:
            lines.append(self.tr("Imported, with a warning:"))
            lines += [f"  {self.shown(path)}: {warning}" for path, warning in summary.warnings]
            lines.append(
                self.tr(
                    "To correct them: show Needs attention (Ctrl+2) in the sources, select the photos "
                    "and set the field in the editor."
                )
            )
        if summary.skipped:
            lines.append(self.tr("Passed over (sidecars, hidden and system files):"))
            lines += [f"  {self.shown(p)}" for p in summary.skipped]
        return lines

    def failure_text(self) -> str:
        """The files not imported and those imported with a warning, one a line with the
        reason (what Copy List puts on the clipboard, to keep or send on)."""
        summary = self.summary
        if summary is None:
            return ""
        lines = [f"{self.shown(f.path)}\t{f.error}" for f in summary.failed]
        lines += [f"{self.shown(path)}\t{warning}" for path, warning in summary.warnings]
        return "\n".join(lines)

    def copy_list(self) -> None:
        QApplication.clipboard().setText(self.failure_text())
        self.rate.setText(self.tr("The list is on the clipboard."))

    def _rate_text(self, done: int, total: int, elapsed: float) -> str:
        """For example "12 of 40 · 3.1 photos a second · about 9 s left"."""
        text = self.tr("{done} of {total}").format(done=done, total=total)
        if done and elapsed > 0:
            rate = done / elapsed
            text += " · " + self.tr("{rate} photos a second").format(rate=f"{rate:.1f}")
            if done < total:
                text += " · " + self.tr("about {time} left").format(time=self._duration_text((total - done) / rate))
        return text

    def _duration_text(self, seconds: float) -> str:
        """Seconds, or minutes and seconds, or hours and minutes, in words short enough for a line."""
        seconds = round(seconds)
        if seconds < 60:
            return self.tr("{seconds} s").format(seconds=seconds)
        if seconds < 3600:
            return self.tr("{minutes} min {seconds} s").format(minutes=seconds // 60, seconds=seconds % 60)
        return self.tr("{hours} h {minutes} min").format(hours=seconds // 3600, minutes=seconds % 3600 // 60)

    def done(self, result: int) -> None:
        # Closing the dialog while photos are being imported only hides it: the import goes on
        # (its progress stays in the window's status bar) and the summary shows when it ends.
        if self.importing():
            self.hide()
            return
        super().done(result)
