"""``ExportDialog``: publish a collection as a web gallery, a publisher's package or a blog post.

One page: the format and the folder to create, the options (sizes, JPEG quality, burned-in
credit, metadata kept, camera serials, location precision, file names, ZIP, replace an
earlier export), then the running export with a progress bar and Cancel, then the summary
(photos exported; every missing or unusable original with its reason; warnings). The export
is ``photoarchive.export.ExportJob`` run in a ``QThreadPool`` worker that opens its own
catalog; the dialog only receives plain progress values and the summary through signals.

The dialog opens with the options of the collection's last export (kept in the catalog,
``catalog.export_settings``: the location precision and the credit chosen for a sensitive
site are not lost). The options are checked (``ExportJob``'s constructor) before the worker
starts, so a mistake (a folder that exists, an unknown template variable) is shown at once,
in words; then the photos whose credit would come out blank (``export.checks``) are listed,
to export anyway or go back and credit them.
A cancelled or failed export leaves nothing behind; closing the dialog while exporting
cancels it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from photoarchive.catalog import Catalog
from photoarchive.catalog.collections import get_collection
from photoarchive.catalog.export_settings import load_export_settings
from photoarchive.catalog.translations import languages_in_use
from photoarchive.errors import PhotoArchiveError
from photoarchive.export import ExportJob, ExportOptions, ExportProgress, ExportSummary
from photoarchive.export.checks import CreditProblem, credit_problems
from photoarchive.export.naming import safe_name
from photoarchive.export.options import DEFAULT_LONG_EDGE, DEFAULT_NAME_TEMPLATES, from_remembered
from photoarchive.ui.widgets.language_switch import language_name
from photoarchive.ui.workers import Worker

LISTED_PROBLEMS = 12  # photos named in the warning before "and N more" (all are in its details)


class ExportDialog(QDialog):
    """Choose a format and options, export with progress and Cancel, and summarise."""

    export_finished = Signal(object)  # ExportSummary (also when cancelled)
    progress_changed = Signal(int, int)  # done, total; -1, -1 when it ends: for a status bar

    def __init__(
        self, catalog: Catalog, collection_name: str, parent: QWidget | None = None, *, workers: int | None = None
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.collection = get_collection(catalog, collection_name)
        self.workers = workers
        self.worker: Worker | None = None
        self.summary: ExportSummary | None = None
        self._closing = False  # closed while exporting: go once the worker has finished
        self.setWindowTitle(self.tr("Export “{title}”").format(title=self.collection.display_title))

        self.format = QComboBox()
        for key, label in (
            ("gallery", self.tr("Web gallery (a folder that works offline and on any web server)")),
            ("package", self.tr("Package for a publisher or an archive (full files with captions inside)")),
            ("post", self.tr("Blog post (HTML and Markdown with the images)")),
        ):
            self.format.addItem(label, key)
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("The folder to create"))
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.clicked.connect(self._choose_folder)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.choose)

        self.long_edge = _pixels(0, 20000, self.tr("Original size"))
        self.quality = QSpinBox()
        self.quality.setRange(1, 100)
        self.quality.setValue(85)
        self.thumbnail = _pixels(16, 2000)
        self.thumbnail.setValue(280)
        self.precision = QComboBox()
        for key, label in (
            ("exact", self.tr("Exact coordinates")),
            ("1km", self.tr("Coordinates rounded to about 1 km")),
            ("10km", self.tr("Coordinates rounded to about 10 km")),
            ("places", self.tr("Place names only, no coordinates")),
            ("none", self.tr("No location at all")),
        ):
            self.precision.addItem(label, key)
        self.metadata = QComboBox()
        for key, label in (
            ("all", self.tr("All curated fields")),
            ("credit", self.tr("Only credit and copyright")),
            ("none", self.tr("None")),
        ):
            self.metadata.addItem(label, key)
        self.keep_serials = QCheckBox(self.tr("Keep camera serial numbers and the owner's name"))
        self.burn_credit = QLineEdit()
        self.burn_credit.setPlaceholderText(self.tr("e.g. © {creator} (empty: no credit on the image)"))
        self.name_template = QLineEdit()
        self.zip = QCheckBox(self.tr("One ZIP file"))
        self.force = QCheckBox(self.tr("Replace an earlier export in that folder"))
        self.language = QComboBox()
        self.language.setToolTip(
            self.tr(
                "The language of the captions, titles, place names and the page's own words; a photo without"
                " text in it shows the default language's. Several languages: a folder each, linked together."
            )
        )
        in_use = languages_in_use(catalog)
        # Item data: the tags joined with commas ('' = the default language), as a QVariant compares them.
        self.language.addItem(self.tr("The archive's default language"), "")
        for tag in in_use[1:] if in_use else []:
            self.language.addItem(language_name(tag), tag)
        if len(in_use) > 1:
            self.language.addItem(
                self.tr("Every language: {tags} (a folder each)").format(tags=", ".join(in_use)), ",".join(in_use)
            )

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Export to:"), target_row)
        form.addRow(self.tr("Long edge:"), self.long_edge)
        form.addRow(self.tr("JPEG quality:"), self.quality)
        form.addRow(self.tr("Thumbnails:"), self.thumbnail)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Location:"), self.precision)
        form.addRow(self.tr("Metadata in the images:"), self.metadata)
        form.addRow("", self.keep_serials)
        form.addRow(self.tr("Credit on the image:"), self.burn_credit)
        form.addRow(self.tr("File names:"), self.name_template)
        form.addRow("", self.zip)
        form.addRow("", self.force)
        self.form = form

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.hide()

        self.buttons = QDialogButtonBox()
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.open_button = QPushButton(self.tr("Open Folder"))
        self.close_button = QPushButton(self.tr("Close"))
        for button, role in (
            (self.export_button, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.open_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole),
            (self.close_button, QDialogButtonBox.ButtonRole.AcceptRole),
        ):
            self.buttons.addButton(button, role)
        self.open_button.hide()  # after addButton, which shows what it adds
        self.close_button.hide()
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        self.restored = self._restore()
        if self.restored:
            self.status.setText(self.tr("The options of the last export of this collection."))
        self.resize(620, 560)

    # -- the options --------------------------------------------------------------------------

    def _format_changed(self) -> None:
        fmt = self.current_format()
        self.long_edge.setValue(DEFAULT_LONG_EDGE[fmt] or 0)
        self.thumbnail.setEnabled(fmt == "gallery")
        self.zip.setEnabled(fmt == "package")
        if fmt != "package":
            self.zip.setChecked(False)
        self.name_template.setPlaceholderText(DEFAULT_NAME_TEMPLATES[fmt])
        default_name = f"{safe_name(self.collection.name)}-{fmt}"
        current = self.target.text().strip()
        if not current:
            self.target.setText(str(self.catalog.paths.root.parent / default_name))
        elif Path(current).name.startswith(f"{safe_name(self.collection.name)}-"):
            self.target.setText(str(Path(current).with_name(default_name)))

    def _restore(self) -> bool:
        """Fill the form with the options of the collection's last export, if there was one."""
        data = load_export_settings(self.catalog, self.collection.id)
        if not data:
            return False
        try:
            last = from_remembered(data)
        except PhotoArchiveError:
            return False
        self.format.setCurrentIndex(max(self.format.findData(last.format), 0))
        self.target.setText(str(last.target))
        if last.long_edge is None or last.long_edge > 0:  # -1: the format's default, set with it
            self.long_edge.setValue(last.long_edge or 0)
        self.quality.setValue(last.quality)
        self.thumbnail.setValue(last.thumbnail)
        self.precision.setCurrentIndex(max(self.precision.findData(last.location_precision), 0))
        self.metadata.setCurrentIndex(max(self.metadata.findData(last.metadata), 0))
        self.keep_serials.setChecked(last.keep_serials)
        self.burn_credit.setText(last.burn_credit)
        self.name_template.setText(last.name_template or "")
        self.zip.setChecked(last.zip and last.format == "package")
        self.language.setCurrentIndex(max(self.language.findData(",".join(last.languages)), 0))
        return True

    def current_format(self) -> str:
        return str(self.format.currentData())

    def _choose_folder(self) -> None:
        start = str(Path(self.target.text()).parent) if self.target.text() else ""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export into which folder?"), start)
        if folder:
            self.target.setText(str(Path(folder) / f"{safe_name(self.collection.name)}-{self.current_format()}"))

    def options(self) -> ExportOptions:
        """The options as the form shows them (checked when the export starts)."""
        return ExportOptions(
            format=self.current_format(),
            target=Path(self.target.text().strip()).expanduser(),
            long_edge=self.long_edge.value() or None,
            quality=self.quality.value(),
            thumbnail=self.thumbnail.value(),
            burn_credit=self.burn_credit.text().strip(),
            metadata=str(self.metadata.currentData()),
            keep_serials=self.keep_serials.isChecked(),
            location_precision=str(self.precision.currentData()),
            name_template=self.name_template.text().strip() or None,
            zip=self.zip.isChecked(),
            force=self.force.isChecked(),
            workers=self.workers,
            languages=tuple(tag for tag in str(self.language.currentData() or "").split(",") if tag),
        )

    # -- the export -----------------------------------------------------------------------------

    def start(self) -> None:
        if not self.target.text().strip():
            self.status.setText(self.tr("Choose the folder to export to."))
            return
        options = self.options()
        try:  # the same checks the worker's job will make, shown now rather than after a start
            job = ExportJob(self.catalog, self.collection.id, options)
        except PhotoArchiveError as error:
            self.status.setText(str(error))
            return
        problems = credit_problems(self.catalog, self.collection.id, options)
        if problems and not self.confirm_problems(problems):
            self.status.setText(self.tr("Not exported: select the photos and set their credit in the editor."))
            return
        self._set_form_enabled(False)
        self.export_button.setEnabled(False)
        self.details.clear()
        self.details.hide()
        self.progress.setRange(0, max(job.total, 1))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v of %m"))
        self.progress.show()
        self.status.setText(self.tr("Exporting…"))
        self.worker = _export_job(self.catalog, self.collection.id, options)
        self.worker.signals.progress.connect(self._progressed)
        self.worker.signals.finished.connect(self._finished)
        self.worker.signals.failed.connect(self._failed)
        self.worker.start()

    def confirm_problems(self, problems: list[CreditProblem]) -> bool:
        """Ask whether to export photos whose credit would come out blank; True to go on."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Credit missing"))
        count = len(problems)  # a plain name: lupdate does not see a string whose count is a call
        box.setText(self.tr("%n photo(s) of this collection would be published without a proper credit.", "", count))
        lines = [str(p) for p in problems[:LISTED_PROBLEMS]]
        if count > LISTED_PROBLEMS:
            lines.append(self.tr("… and {count} more (Show Details)").format(count=count - LISTED_PROBLEMS))
        box.setInformativeText(
            "\n".join(lines)
            + "\n\n"
            + self.tr("Select the photos and set their credit in the editor, or export them as they are.")
        )
        box.setDetailedText("\n".join(str(p) for p in problems))
        export = box.addButton(self.tr("Export Anyway"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        self.problem_box = box  # for a test to look at
        box.exec()
        return box.clickedButton() is export

    def is_running(self) -> bool:
        return self.worker is not None and not self.worker.done

    def cancel(self) -> None:
        if self.is_running():
            assert self.worker is not None
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling… the photos in progress are finished first, then nothing is kept."))
        else:
            self.reject()

    def _progressed(self, progress: ExportProgress) -> None:
        self.progress.setRange(0, max(progress.total, 1))
        self.progress.setValue(progress.done)
        if progress.name:
            self.status.setText(self.tr("Exporting {name}").format(name=progress.name))
        if progress.error:
            self.details.show()
            self.details.appendPlainText(f"✗ {progress.name}: {progress.error}")
        self.progress_changed.emit(progress.done, progress.total)

    def _finished(self, summary: ExportSummary) -> None:
        self.summary = summary
        self.progress_changed.emit(-1, -1)
        self.progress.hide()
        self.cancel_button.hide()
        self.export_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        if summary.cancelled:
            self.status.setText(self.tr("Export cancelled; nothing was written."))
        else:
            problems = summary.missing + summary.failed
            text = self.tr("%n photo(s) exported to {target}.", "", summary.exported).format(target=summary.target)
            if problems:
                text += " " + self.tr("{count} could not be exported (listed below).").format(count=len(problems))
            self.status.setText(text)
            lines = [f"✗ {p.name}: {p.reason}" for p in problems]
            lines += [f"⚠ {warning}" for warning in summary.warnings]
            lines += [
                self.tr(
                    "{language}: %n photo(s) with no text in this language show the default language's.", "", count
                ).format(language=language_name(language))
                for language, count in summary.fallbacks.items()
                if count
            ]
            self.details.setPlainText("\n".join(lines))
            self.details.setVisible(bool(lines))
            self.open_button.show()
        self.export_finished.emit(summary)
        if self._closing:
            super().done(QDialog.DialogCode.Rejected)

    def _failed(self, message: str) -> None:
        self.progress_changed.emit(-1, -1)
        self.progress.hide()
        self.status.setText(self.tr("The export failed and nothing was written: {reason}").format(reason=message))
        self.cancel_button.hide()
        self.export_button.hide()
        self.close_button.show()
        if self._closing:
            super().done(QDialog.DialogCode.Rejected)

    def open_folder(self) -> None:
        if self.summary is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.summary.target))

    def done(self, result: int) -> None:
        # Closing while exporting cancels: the worker ends at the next photo and the export,
        # being incomplete, leaves nothing; the dialog goes when the worker has finished.
        if self.is_running():
            assert self.worker is not None
            self._closing = True
            self.worker.cancel()
            self.hide()
            return
        super().done(result)

    def _set_form_enabled(self, enabled: bool) -> None:
        for row in range(self.form.rowCount()):
            for role in (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole):
                item = self.form.itemAt(row, role)
                if item is None:
                    continue
                widget = item.widget()
                if widget is not None:
                    widget.setEnabled(enabled)
                elif (inner := item.layout()) is not None:
                    for index in range(inner.count()):
                        child_item = inner.itemAt(index)
                        child = child_item.widget() if child_item is not None else None
                        if child is not None:
                            child.setEnabled(enabled)


def _pixels(minimum: int, maximum: int, special: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setSuffix(" px")
    box.setSingleStep(100 if maximum > 2000 else 20)
    if special:
        box.setSpecialValueText(special)  # shown at the minimum, 0: the original size
    return box


def _export_job(archive: Catalog, collection_id: int, options: ExportOptions) -> Worker:
    """The export in a pool thread with its own catalog: progress is ExportProgress, result ExportSummary."""

    def job(cancelled: Callable[[], bool], report: Callable[[Any], None]) -> ExportSummary | None:
        with archive.reopen() as catalog:
            run = ExportJob(catalog, collection_id, options)
            for progress in run.run(cancelled):
                report(progress)
            return run.summary

    return Worker(job)
