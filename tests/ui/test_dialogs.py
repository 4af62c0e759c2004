"""Small dialogs: errors read as sentences, a collection needs a name before OK."""

from __future__ import annotations

from photoarchive.ui.dialogs.collection_dialog import CollectionDialog
from photoarchive.ui.errors import sentence


def test_error_messages_read_as_sentences() -> None:
    assert sentence("a collection named 'Day one' already exists") == "A collection named 'Day one' already exists."
    assert sentence("No such file.") == "No such file."
    assert sentence("") == ""


def test_a_new_collection_needs_a_name_before_ok(qtbot) -> None:
    dialog = CollectionDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.name.setText("  ")
    assert not dialog.ok_button.isEnabled()
    dialog.name.setText("Day one")
    assert dialog.ok_button.isEnabled()
