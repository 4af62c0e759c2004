"""The curator's desk in the window: New Collection takes the selection, the collection banner
renders its Markdown, undo steps name their photos, the import summary speaks the window's words."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtWidgets import QApplication

from photoarchive import collections as collection_store
from photoarchive.ui.dialogs import collection_dialog
from photoarchive.ui.dialogs.import_dialog import ImportDialog
from photoarchive.ui.sources import COLLECTION
from tests.conftest import write_photos
from tests.ui.conftest import ids_by_name, shot


def _named(catalog, name: str):
    return next(c for c in collection_store.list_collections(catalog) if c.name == name)


def test_new_collection_offers_the_selection_as_one_undo_step(qtbot, window, monkeypatch) -> None:
    ids = list(ids_by_name(window.catalog).values())[:9]
    window.select_photos(ids)
    seen = {}

    def fill_in(dialog) -> int:
        dialog.show()
        seen["label"] = dialog.add_selection.text()
        seen["checked"] = dialog.add_selection.isChecked()
        dialog.name.setText("Bunkers")
        shot(dialog, "new-collection")
        return 1

    monkeypatch.setattr(collection_dialog.CollectionDialog, "exec", fill_in)
    window.collections.actions()["new"].trigger()
    assert seen == {"label": "Add the 9 selected photos", "checked": True}
    created = _named(window.catalog, "Bunkers")
    assert collection_store.collection_photo_ids(window.catalog, created.id) == ids  # in the grid's order
    assert window.current_source.kind == COLLECTION and window.grid_model.rowCount() == 9
    assert window.edits.stack.undoText() == "Create collection “Bunkers” with 9 photos"
    window.edits.undo()  # one step takes the collection and its photos away
    assert "Bunkers" not in [c.name for c in collection_store.list_collections(window.catalog)]
    window.edits.redo()
    assert collection_store.collection_photo_ids(window.catalog, _named(window.catalog, "Bunkers").id) == ids


def test_new_collection_unchecked_or_without_a_selection_is_empty(qtbot, window, monkeypatch) -> None:
    window.select_photos(list(ids_by_name(window.catalog).values())[:2])

    def unchecked(dialog) -> int:
        dialog.name.setText("Later")
        dialog.add_selection.setChecked(False)
        return 1

    monkeypatch.setattr(collection_dialog.CollectionDialog, "exec", unchecked)
    window.collections.actions()["new"].trigger()
    later = _named(window.catalog, "Later")
    assert collection_store.collection_photo_ids(window.catalog, later.id) == []
    dialog = collection_dialog.CollectionDialog(selected=0)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.add_selection.isVisible() and not dialog.add_selected()


def test_the_banner_renders_the_introduction_markdown_and_escapes_html(qtbot, window) -> None:
    collection = collection_store.create_collection(
        window.catalog,
        "Kokutan",
        title="Cape Kokutan",
        introduction="The **last battle** of the war, *August 1945*. <script>x</script> See `SH-15`.",
    )
    window.banner.show_collection(collection_store.get_collection(window.catalog, collection.id))
    text = window.banner.text()
    assert "<strong>last battle</strong>" in text and "<em>August 1945</em>" in text
    assert "**" not in text and "<code>SH-15</code>" in text
    assert "<script>" not in text and "&lt;script&gt;" in text
    shot(window.banner, "banner")
    with qtbot.waitSignal(window.banner.edit_requested):
        window.banner.linkActivated.emit("photoarchive:edit")


def test_undo_history_names_the_photos_of_an_edit(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    window.select_photos([names["SHU15_0153.jpg"]])
    qtbot.waitUntil(lambda: window.editor.photo_ids() == [names["SHU15_0153.jpg"]])
    box = window.editor.fields["caption"].text_box
    box.setFocus()
    qtbot.keyClicks(box, "Fog")
    window.editor.flush()
    assert window.edits.stack.undoText() == "Caption of SHU15_0153.jpg"
    window.select_photos(list(names.values())[:9])
    qtbot.waitUntil(lambda: len(window.editor.photo_ids()) == 9)
    headline = window.editor.fields["headline"]
    headline.setFocus()
    qtbot.keyClicks(headline, "Shumshu")
    window.editor.flush()
    assert window.edits.stack.undoText() == "Headline of 9 photos"
    window.history_dock.show()
    shot(window.undo_view, "undo-history")


def test_the_import_summary_says_what_to_do_in_the_window_and_copies_the_list(qtbot, tmp_path: Path, catalog) -> None:
    card = tmp_path / "card"
    write_photos(card, 2)
    (card / "notes.txt").write_text("field notes")
    # A country code no standard knows: imported as read, with a warning.
    subprocess.run(
        ["exiftool", "-q", "-overwrite_original", "-IPTC:Country-PrimaryLocationCode=XQZ", str(card / "IMG_0001.JPG")],
        check=True,
    )
    dialog = ImportDialog(catalog, [card], workers=1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000):
        dialog.start()
    details = dialog.details.toPlainText()
    assert "photoarchive" not in details  # no command to run in the window
    assert "select the photos and set the field in the editor" in details
    qtbot.waitUntil(lambda: dialog.copy_button.width() < 300)  # laid out
    assert dialog.copy_button.isVisible()
    dialog.copy_button.click()
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0].startswith("card/notes.txt\tnot a supported photo format")
    assert copied[1].startswith("card/IMG_0001.JPG\t") and "XQZ" in copied[1]
    shot(dialog, "import-summary")
