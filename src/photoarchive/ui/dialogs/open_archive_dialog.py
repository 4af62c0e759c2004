"""``OpenArchiveDialog``: File > Open Archive: the archive's folder and, for a team's archive,
the catalog on a PostgreSQL server (its address, checked as it is typed).

A folder whose ``catalog.url`` names a server shows it ticked with that address. An address
typed here is written into the folder's ``catalog.url`` once the catalog has opened (the
controller does it: ``catalog.location.remember``), so every curator who opens the folder
reaches the same catalog; the dialog says so. An address never holds a password: one typed in
is refused with where the password goes instead (``~/.pgpass`` or ``PGPASSWORD``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from photoarchive.catalog.location import URL_FILE, check_url, has_password, read_url_file
from photoarchive.errors import CatalogError
from photoarchive.ui.errors import ERROR_STYLE


class OpenArchiveDialog(QDialog):
    """Asks for an archive folder and where its catalog is; ``folder()`` and ``url()`` (None:
    the folder's own catalog) once accepted."""

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open Archive"))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.folder_edit = QLineEdit(str(folder) if folder is not None else "")
        self.folder_edit.setPlaceholderText(self.tr("The archive's folder"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder_edit)  # a label of a row of several widgets has no buddy by itself
        form.addRow(folder_label, row)

        self.on_server = QCheckBox(self.tr("&Catalog on a server (PostgreSQL)"))
        form.addRow(self.on_server)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("postgresql://user@host:5432/photoarchive")
        self.url_label = QLabel(self.tr("Server &address:"))
        self.url_label.setBuddy(self.url_edit)
        form.addRow(self.url_label, self.url_edit)
        self.url_note = QLabel(
            self.tr(
                "The address is saved in the archive folder ({file}), so every curator who opens this folder "
                "reaches the same catalog. No password here: it goes in ~/.pgpass or PGPASSWORD."
            ).format(file=URL_FILE)
        )
        self.url_note.setWordWrap(True)
        form.addRow(self.url_note)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        form.addRow(self.problem)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

        self._folder_url: str | None = None  # what the folder's catalog.url says
        self._folder_url_problem = ""
        self.folder_edit.textChanged.connect(self._folder_changed)
        self.on_server.toggled.connect(self._check)
        self.url_edit.textChanged.connect(self._check)
        self._folder_changed()

    # -- what was chosen ---------------------------------------------------------------------

    def folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text).expanduser() if text else None

    def url(self) -> str | None:
        """The catalog's address, or None for the folder's own catalog.sqlite."""
        return self.url_edit.text().strip() or None if self.on_server.isChecked() else None

    def problem_text(self) -> str:
        """What keeps the archive from being opened as chosen ("" when nothing does)."""
        return self.problem.text()

    # -- checking ----------------------------------------------------------------------------

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Open an archive folder"), self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def _folder_changed(self) -> None:
        """A folder whose catalog.url names a server: ticked, with that address."""
        folder = self.folder()
        self._folder_url, self._folder_url_problem = None, ""
        if folder is not None:
            try:
                self._folder_url = read_url_file(folder / URL_FILE)
            except CatalogError:
                self._folder_url_problem = self.tr(
                    "This folder's {file} cannot be read, or holds no PostgreSQL address without a password; "
                    "type the address below to replace it."
                ).format(file=URL_FILE)
        if self._folder_url is not None:
            self.url_edit.setText(self._folder_url)
            self.on_server.setChecked(True)
        self._check()

    def _check(self) -> None:
        on_server = self.on_server.isChecked()
        self.url_label.setEnabled(on_server)
        self.url_edit.setEnabled(on_server)
        self.url_note.setEnabled(on_server)
        problem = self._problem()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        open_button.setEnabled(self.folder() is not None and not problem and (not on_server or self.url() is not None))

    def _problem(self) -> str:
        url = self.url()
        if not self.on_server.isChecked():
            if self._folder_url is not None:
                return self.tr(
                    "This archive's catalog is on a server (its {file} says so). To bring it back into the "
                    "folder, use the command photoarchive catalog migrate-to."
                ).format(file=URL_FILE)
            return ""
        if url is None:
            return self._folder_url_problem
        try:
            check_url(url)
        except (CatalogError, ValueError):  # ValueError: not parseable ("postgresql://[")
            if has_password(url):
                return self.tr(
                    "The address holds a password. Leave it out, and put the password in ~/.pgpass or "
                    "PGPASSWORD instead, where only you can read it."
                )
            return self.tr("Not a PostgreSQL address: it begins with postgresql://, as in {example}.").format(
                example="postgresql://user@host/photoarchive"
            )
        return ""
