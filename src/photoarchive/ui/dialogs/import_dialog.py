"""``ImportDialog``: import files and folders into the archive, in the background.

Three steps on one page: what was found under the chosen paths (photos, and files that will
not be imported), then the running import (progress bar, count, rate, Cancel: the window
stays usable, the dialog is not modal), then the summary (imported, duplicates with their
paths, every failure with its reason). ``import_finished`` carries the ``ImportSummary`` and
the template chosen, for the window to apply it and show the new batch.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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

from photoarchive.ingest import ImportProgress, ImportSummary
from photoarchive.ingest.scan import ScanResult
from photoarchive.ui.workers import Worker, import_job, scan_job


class ImportDialog(QDialog):
    """Scan, import with progress and Cancel, and summarise; see the module docstring."""

    import_finished = Signal(object, str)  # ImportSummary, template name ("" for none)
    progress_changed = Signal(int, int)  # done, total: for the window's status bar

    def __init__(
        self,
        archive_root: Path,
        paths: Sequence[Path],
        templates: Sequence[str] = (),
        *,
        workers: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import photos"))
        self.setModal(False)
        self.archive_root = archive_root
        self.paths = [Path(p) for p in paths]
        self.workers = workers
        self.summary: ImportSummary | None = None
        self.worker: Worker | None = None
        self._found = 0
        self._started = 0.0
        self._importing = False

        self.found = QLabel(self.tr("Looking for photos…"))
        self.found.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumBlockCount(5000)
        self.template = QComboBox()
        self.template.addItem(self.tr("None"), "")
        for name in templates:
            self.template.addItem(name, name)
        self.template.setEnabled(bool(templates))
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
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.hide()
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.found)
        layout.addWidget(self.details, 1)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.rate)
        layout.addWidget(self.current)
        layout.addWidget(self.buttons)
        self.resize(640, 420)
        self._scan()

    # -- step 1: what was found -------------------------------------------------------------

    def _scan(self) -> None:
        self.worker = scan_job(self.paths)
        self.worker.signals.finished.connect(self._scanned)
        self.worker.signals.failed.connect(self._failed)
        self.worker.start()

    def _scanned(self, result: ScanResult) -> None:
        self._found = len(result.files)
        folders = len({p.parent for p in result.files})
        text = self.tr("Found {count} photos in {folders} folders.").format(count=self._found, folders=folders)
        if result.failures:
            text += " " + self.tr("{count} files will not be imported (listed below).").format(
                count=len(result.failures)
            )
        self.found.setText(text)
        lines = [str(p) for p in result.files[:200]]
        if len(result.files) > 200:
            lines.append(self.tr("… and {count} more").format(count=len(result.files) - 200))
        lines += [f"✗ {path}: {reason}" for path, reason in result.failures]
        self.details.setPlainText("\n".join(lines))
        self.start_button.setEnabled(self._found > 0)

    # -- step 2: the import -----------------------------------------------------------------

    def start(self) -> None:
        self.start_button.setEnabled(False)
        self.template.setEnabled(False)
        self.details.clear()
        self.progress.show()
        self.progress.setRange(0, max(self._found, 1))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v of %m"))
        self._started = time.monotonic()
        self._importing = True
        self.worker = import_job(self.archive_root, self.paths, workers=self.workers)
        self.worker.signals.progress.connect(self._progressed)
        self.worker.signals.finished.connect(self._finished)
        self.worker.signals.failed.connect(self._failed)
        self.worker.start()

    def is_running(self) -> bool:
        return self.worker is not None and not self.worker.done

    def importing(self) -> bool:
        """The import itself (not the scan before it) is running."""
        return self._importing and self.is_running()

    def cancel(self) -> None:
        if self.importing():
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.rate.setText(self.tr("Cancelling… the files in progress are finished first."))
        else:
            self.reject()

    def _progressed(self, progress: ImportProgress) -> None:
        self.progress.setRange(0, max(progress.total, 1))
        self.progress.setValue(progress.done)
        elapsed = max(time.monotonic() - self._started, 1e-6)
        self.rate.setText(
            self.tr("{done} of {total} · {rate:.1f} photos a second").format(
                done=progress.done, total=progress.total, rate=progress.done / elapsed
            )
        )
        self.current.setText(Path(progress.path).name)
        if progress.outcome == "failed":
            self.details.appendPlainText(f"✗ {progress.path}: {progress.error}")
        self.progress_changed.emit(progress.done, progress.total)

    # -- step 3: the summary ----------------------------------------------------------------

    def _finished(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.progress_changed.emit(-1, -1)
        headline = self.tr("Import cancelled.") if summary.cancelled else self.tr("Import complete.")
        self.found.setText(
            headline
            + " "
            + self.tr("{imported} imported, {duplicates} already in the archive, {failed} failed.").format(
                imported=summary.imported, duplicates=summary.duplicates, failed=len(summary.failed)
            )
        )
        lines = []
        if summary.duplicate_paths:
            lines.append(self.tr("Already in the archive (not imported again):"))
            lines += [f"  {p}" for p in summary.duplicate_paths]
        if summary.failed:
            lines.append(self.tr("Failed:"))
            lines += [f"  {f.path}: {f.error}" for f in summary.failed]
        self.details.setPlainText("\n".join(lines) or self.tr("Every file was imported."))
        self.rate.clear()
        self.current.clear()
        self.cancel_button.hide()
        self.start_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        if not self.isVisible():
            self.show()
        self.import_finished.emit(summary, str(self.template.currentData() or ""))

    def _failed(self, message: str) -> None:
        self.progress_changed.emit(-1, -1)
        self.found.setText(self.tr("The import could not run: {reason}").format(reason=message))
        self.cancel_button.hide()
        self.start_button.hide()
        self.close_button.show()

    def done(self, result: int) -> None:
        # Closing the dialog while photos are being imported only hides it: the import goes on
        # (its progress stays in the window's status bar) and the summary shows when it ends.
        if self.importing():
            self.hide()
            return
        super().done(result)
