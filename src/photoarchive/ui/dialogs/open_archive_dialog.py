"""``OpenArchiveDialog``: File > Open Archive: the archive's folder and, for a team's archive,
the catalog on a PostgreSQL server (its address, checked as it is typed).

A folder whose ``catalog.url`` names a server shows it ticked with that address. An address
typed here is written into the folder's ``catalog.url`` once the catalog has opened (the
controller does it: ``catalog.location.remember``), so every curator who opens the folder
reaches the same catalog; the dialog says so. An address never holds a password: one typed in
is refused with where the password goes instead (``~/.pgpass`` or ``PGPASSWORD``).

With ``new=True`` it is File > New Archive: a folder for the originals (not an archive yet)
and, for a team's first curator, the server's database, which must be empty (the controller
refuses one that holds anything: ``catalog.empty_database``).
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

from photoarchive.catalog.archive import ArchivePaths
from photoarchive.catalog.location import URL_FILE, check_url, has_password, read_url_file
from photoarchive.errors import CatalogError
from photoarchive.ui.errors import ERROR_STYLE


class OpenArchiveDialog(QDialog):
    """Asks for an archive folder and where its catalog is; ``folder()`` and ``url()`` (None:
    the folder's own catalog) once accepted. ``new``: a new archive (New Archive)."""

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None, *, new: bool = False) -> None:
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(self.tr("New Archive") if new else self.tr("Open Archive"))
        self.setMinimumWidth(560)
        self.form = form = QFormLayout(self)
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
        note = (
            self.tr(
                "The catalog is made in this database, which must be empty (ask the server's administrator for "
                "one: a team's archive has a database of its own). The address is saved in the archive folder "
                "({file}), so every curator who opens this folder reaches the same catalog. No password here: "
                "it goes in ~/.pgpass or PGPASSWORD."
            )
            if new
            else self.tr(
                "The address is saved in the archive folder ({file}), so every curator who opens this folder "
                "reaches the same catalog. No password here: it goes in ~/.pgpass or PGPASSWORD."
            )
        )
        self.url_note = QLabel(note.format(file=URL_FILE))
        self.url_note.setWordWrap(True)
        form.addRow(self.url_note)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        form.addRow(self.problem)

        accept = QDialogButtonBox.StandardButton.Ok if new else QDialogButtonBox.StandardButton.Open
        self.buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = self.buttons.button(accept)
        if new:
            self.accept_button.setText(self.tr("C&reate"))
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
        title = self.tr("A folder for the new archive") if self.new else self.tr("Open an archive folder")
        chosen = QFileDialog.getExistingDirectory(self, title, self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def _folder_changed(self) -> None:
        """A folder whose catalog.url names a server: ticked, with that address."""
        folder = self.folder()
        self._folder_url, self._folder_url_problem = None, ""
        if folder is not None and not self.new:
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
        self._fit()
        self.accept_button.setEnabled(
            self.folder() is not None and not problem and (not on_server or self.url() is not None)
        )

    def _fit(self) -> None:
        """As tall as the wrapped notes need at this width: a dialog's layout asks for the height of
        its widest lines only, so a problem shown below the note would squeeze both."""
        self.form.activate()
        needed = self.form.totalHeightForWidth(self.width()) if self.form.hasHeightForWidth() else -1
        if needed > self.height():
            self.resize(self.width(), needed)

    def _problem(self) -> str:
        url = self.url()
        folder = self.folder()
        paths = ArchivePaths(folder) if self.new and folder is not None else None
        if paths is not None and (paths.catalog.exists() or paths.catalog_url.exists()):
            return self.tr("This folder already holds an archive: open it with File > Open Archive instead.")
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
