"""Edit > "Your Name as Curator…": the name set in the window is the one ``photoarchive config
curator`` sets (``user_settings``), and the next edit's history entry carries it at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from photoarchive import user_settings
from photoarchive.cli import main
from photoarchive.ui.dialogs.curator_dialog import CuratorDialog
from tests.ui.conftest import ids_by_name


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    """A settings file of this test's, and no curator named by the environment."""
    monkeypatch.setenv(user_settings.FILE_VARIABLE, str(tmp_path / "user" / "settings.json"))
    monkeypatch.delenv(user_settings.CURATOR_VARIABLE, raising=False)


def curator_action(window) -> QAction:
    (action,) = [a for a in window.menus["edit"].actions() if a.text() == "Your Na&me as Curator…"]
    return action


def answer_dialog(qtbot, name: str, seen: list[CuratorDialog]) -> None:
    """Once the modal dialog is up: type ``name`` and save."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CuratorDialog)
        seen.append(dialog)
        dialog.name.setText(name)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, answer)


def test_a_name_set_in_the_window_is_in_the_history_of_the_next_edit(qtbot, window, capsys) -> None:
    catalog = window.catalog
    before = catalog.curator  # the login name, found and kept by the catalog
    assert before != "Anna Petrova"
    seen: list[CuratorDialog] = []
    answer_dialog(qtbot, "  Anna   Petrova ", seen)
    curator_action(window).trigger()
    assert seen and not seen[0].isVisible()
    assert user_settings.configured_curator() == "Anna Petrova"  # the command line's setting
    assert main(["config", "curator"]) == 0
    assert capsys.readouterr().out.strip() == "Anna Petrova"

    photo = ids_by_name(catalog)["SHU15_0153.jpg"]
    window.editor.set_photos([photo])
    box = window.editor.fields["caption"].text_box
    box.setFocus()
    qtbot.keyClicks(box, "Cape Kokutan")
    window.editor.flush()
    assert main(["--archive", str(catalog.paths.root), "history", str(photo)]) == 0
    latest = capsys.readouterr().out.splitlines()[0]
    assert "  Anna Petrova  Caption of SHU15_0153.jpg" in latest, latest

    # Shown again: the name set, and where it comes from; an empty name forgets it
    dialog = CuratorDialog(catalog.curator)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "Anna Petrova"
    assert dialog.source.text().startswith("Your edits are recorded as Anna Petrova.")
    seen.clear()
    answer_dialog(qtbot, "", seen)
    curator_action(window).trigger()
    assert user_settings.configured_curator() is None
    assert catalog.curator == before


def test_the_environment_variable_wins_and_the_field_is_read_only(qtbot, window, monkeypatch) -> None:
    user_settings.set_curator("Anna Petrova")
    monkeypatch.setenv(user_settings.CURATOR_VARIABLE, "Kenji Sato")
    dialog = CuratorDialog(window.catalog.curator, window)
    qtbot.addWidget(dialog)
    assert dialog.name.isReadOnly() and dialog.name.text() == "Anna Petrova"
    assert "recorded as Kenji Sato" in dialog.source.text()
    assert "$PHOTOARCHIVE_CURATOR" in dialog.source.text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is None  # nothing to save
    dialog.name.setText("Someone Else")  # as if typed: read-only refuses keys, not setText
    dialog.accept()
    assert user_settings.configured_curator() == "Anna Petrova"  # left alone


def test_a_name_with_control_characters_is_refused_with_a_message(qtbot, window) -> None:
    user_settings.set_curator("Anna Petrova")
    dialog = CuratorDialog(window.catalog.curator, window)
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.name.setText("Anna\x07Petrova")
    assert not save.isEnabled()
    assert dialog.problem.isVisible() and dialog.problem.text() == "A name cannot hold control characters."
    dialog.accept()  # Return pressed regardless: set_curator refuses, the dialog stays
    assert dialog.isVisible() and dialog.problem.text()
    assert user_settings.configured_curator() == "Anna Petrova"
    dialog.name.setText("Anna\tPetrova")  # a tab is a space, as on the command line
    assert save.isEnabled() and not dialog.problem.isVisible()
    dialog.name.setText("x" * (user_settings.MAX_NAME + 1))
    assert not save.isEnabled() and "at most 200 characters" in dialog.problem.text()
