"""``CuratorDialog``: Edit > "Your Name as Curator…": the name this user's edits are recorded as
(the history's ``who``), kept for them on this computer by ``photoarchive.user_settings``, the
same setting as ``photoarchive config curator``.

It shows the name edits are recorded as now and where it comes from: ``$PHOTOARCHIVE_CURATOR``
(which comes before the setting: the field is then read-only and a line says so), the name set,
or none (the database role on a server, else the login name). An empty field forgets the name;
a name with control characters, or longer than ``user_settings.MAX_NAME``, is refused as the
command line refuses it. ``ask_curator_name`` runs the dialog and applies the name to the open
catalogs at once (``Catalog.curator`` keeps the name it found: it is forgotten, so the next
edit finds the new one).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from photoarchive import user_settings
from photoarchive.catalog import Catalog
from photoarchive.errors import ValidationError
from photoarchive.ui.errors import ERROR_STYLE, in_window_words, sentence


class CuratorDialog(QDialog):
    """Shows and sets this user's curator name; ``saved()`` is the name kept once accepted
    (None: none set)."""

    def __init__(self, recorded_as: str, parent: QWidget | None = None) -> None:
        """``recorded_as``: who the open catalog records edits as now (``Catalog.curator``)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your Name as Curator"))
        self._saved: str | None = None
        configured = user_settings.configured_curator()
        from_environment = user_settings.curator_name()
        self.environment = from_environment is not None and from_environment != configured
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)  # the notes under the field, not a row apart
        intro = QLabel(
            self.tr(
                "The edit history records each of your edits with this name. It is kept for you on this "
                "computer, not in the archive: every curator of a shared archive sets their own."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.name = QLineEdit(configured or "")
        self.name.setPlaceholderText(self.tr("Anna Petrova"))
        self.name.setClearButtonEnabled(True)
        form.addRow(self.tr("&Your name:"), self.name)
        # Where the name comes from, and why one is refused: under the field, in one row (a
        # hidden row of its own would still take the form's spacing)
        notes = QWidget()
        column = QVBoxLayout(notes)
        column.setContentsMargins(0, 0, 0, 0)
        self.source = QLabel()
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        for note in (self.source, self.problem):
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            column.addWidget(note)
        form.addRow("", notes)
        if self.environment:
            self.name.setReadOnly(True)
            self.name.setClearButtonEnabled(False)
            self.source.setText(
                self.tr(
                    "Your edits are recorded as {name}: the environment variable ${variable} names you, and it "
                    "comes before this setting. Unset it to use the name here."
                ).format(name=from_environment, variable=user_settings.CURATOR_VARIABLE)
            )
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        else:
            self.source.setText(
                self.tr("Your edits are recorded as {name}. An empty name forgets it.").format(name=configured)
                if configured
                else self.tr(
                    "No name set: your edits are recorded as {name} (the database role on a server, else "
                    "your login name)."
                ).format(name=recorded_as)
            )
            self.buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.name.textChanged.connect(self._check)
        self.setMinimumWidth(460)
        self._check()

    def _refusal(self, text: str) -> str:
        """Why ``user_settings.set_curator`` would refuse the name, in the interface's language."""
        kept = user_settings.kept_curator(text)
        refusal = user_settings.curator_refusal(kept)
        if refusal == "control":
            return self.tr("A name cannot hold control characters.")
        if refusal == "long":
            return self.tr("A name of at most {most} characters, not {count}.").format(
                most=user_settings.MAX_NAME, count=len(kept)
            )
        return ""

    def _check(self) -> None:
        refusal = "" if self.environment else self._refusal(self.name.text())
        self.problem.setText(refusal)
        if self.problem.isHidden() == bool(refusal):
            self.problem.setVisible(bool(refusal))
            self.adjustSize()  # a wrapped note's height is not in the layout's minimum: room made for it
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if save is not None:
            save.setEnabled(not refusal)

    def accept(self) -> None:
        """Save through ``user_settings`` (as ``config curator``); a refusal stays in the dialog."""
        if self.environment:
            super().accept()
            return
        try:
            self._saved = user_settings.set_curator(self.name.text())
        except ValidationError as error:
            self.problem.setText(sentence(in_window_words(str(error))))
            self.problem.show()
            self.adjustSize()
            return
        super().accept()

    def saved(self) -> str | None:
        return self._saved


def ask_curator_name(catalog: Catalog, parent: QWidget | None = None) -> bool:
    """Run the dialog; a name saved applies at once: every open window's catalog forgets the
    name it found (``Catalog.curator``), so its next edit is recorded with the new one."""
    dialog = CuratorDialog(catalog.curator, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.environment:
            return False
    finally:
        dialog.deleteLater()
    catalogs = {id(catalog): catalog}
    for widget in QApplication.topLevelWidgets():  # other windows, on other archives
        other = getattr(widget, "catalog", None)
        if isinstance(other, Catalog):
            catalogs[id(other)] = other
    for each in catalogs.values():
        each.curator = None
    return True
