"""Undo and redo never silently overwrite a change made meanwhile elsewhere (the command line,
another window); creating, renaming and deleting a collection are undoable steps too."""

from __future__ import annotations

import pytest

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_values
from photoarchive.edits import apply_edit
from photoarchive.ui.commands import CANCEL, DROP, FORCE
from photoarchive.ui.sources import COLLECTION, Source
from tests.ui.conftest import ids_by_name


def caption(window, photo: int) -> str:
    return load_values(window.catalog, [photo], ["caption"])[photo]["caption"]


def from_the_command_line(window, photo: int, values: dict) -> None:
    """What ``photoarchive edit`` does: its own connection to the catalog, one recorded edit."""
    with Catalog(window.catalog.paths.root) as other:
        apply_edit(other, [photo], values, description="edit from the command line", who="cli")


@pytest.fixture
def edited(window):
    """A photo whose caption the curator changed in the window, then changed again from the
    command line: (photo id, caption before, the curator's, the command line's)."""
    photo = ids_by_name(window.catalog)["SHU15_0153.jpg"]
    before = caption(window, photo)
    window.select_photos([photo])
    window.edits.apply([photo], {"caption": "Typed in the window"}, "Edit caption")
    from_the_command_line(window, photo, {"caption": "Written from the command line"})
    return photo, before


@pytest.mark.parametrize(
    ("answer", "expected", "index", "count"),
    [
        (CANCEL, "Written from the command line", 1, 1),  # nothing happens; still undoable
        (DROP, "Written from the command line", 0, 0),  # the newer value stays; the step is off the list
        (FORCE, None, 0, 1),  # undone over it; it can be redone
    ],
)
def test_undo_asks_before_overwriting_a_change_from_the_command_line(window, edited, answer, expected, index, count):
    photo, before = edited
    asked = []
    window.edits.ask = lambda step, conflict, undoing: asked.append((step, conflict.text, undoing)) or answer
    window.undo()
    assert asked and asked[0][0] == "Edit caption" and asked[0][2] is True
    assert asked[0][1] == (
        "Since this step, the caption of SHU15_0153.jpg has been changed elsewhere "
        "(from the command line or another window)."
    )
    assert caption(window, photo) == (before if expected is None else expected)
    assert (window.edits.stack.index(), window.edits.stack.count()) == (index, count)


def test_the_undo_history_refuses_with_a_message_in_the_status_bar(window, edited) -> None:
    photo, _before = edited
    window.edits.ask = lambda *args: pytest.fail("the history view cannot ask")
    window.edits.stack.setIndex(0)  # a click on "<opened the archive>" in the Undo History
    assert caption(window, photo) == "Written from the command line"
    message = window.statusBar().currentMessage()
    assert message.startswith("“Edit caption” was not undone. Since this step, the caption of SHU15_0153.jpg")
    assert "The newer values are kept" in message
    assert window.edits.stack.count() == 0


def test_the_question_in_words(qtbot, window, edited, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown = {}

    def fake_exec(box: QMessageBox) -> int:
        shown.update(text=box.text(), info=box.informativeText(), buttons=[b.text() for b in box.buttons()])
        next(b for b in box.buttons() if b.text() == "Undo Anyway").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    photo, before = edited
    window.undo()
    assert shown["text"] == "Undo “Edit caption”?"
    assert "Undoing it now would replace those newer values." in shown["info"]
    assert "Traceback" not in shown["info"]
    assert sorted(shown["buttons"]) == ["Cancel", "Keep the Newer Values", "Undo Anyway"]
    assert caption(window, photo) == before


def test_redo_asks_too_and_typing_merged_into_one_step_is_no_conflict(window) -> None:
    photo = ids_by_name(window.catalog)["SHU15_0153.jpg"]
    window.select_photos([photo])
    for text in ("T", "Ty", "Typed"):  # consecutive commits of one field: one step
        window.edits.apply([photo], {"caption": text}, "Edit caption", merge_key="caption#1")
    assert window.edits.stack.count() == 1
    window.edits.ask = lambda *args: pytest.fail("no change elsewhere: nothing to ask")
    window.undo()
    assert caption(window, photo) == ""
    from_the_command_line(window, photo, {"caption": "From the command line"})
    asked = []
    window.edits.ask = lambda step, conflict, undoing: asked.append(undoing) or CANCEL
    window.redo()
    assert asked == [False] and caption(window, photo) == "From the command line"


def test_create_and_delete_a_collection_are_undoable(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    a, b = names["SHU15_0101.jpg"], names["SHU15_0115.jpg"]
    collection = window.collections.create("Day one")
    assert window.edits.stack.undoText() == "Create collection “Day one”"
    window.collections.add_photos(collection.id, [a, b])
    window.edits.edit_collection(collection.id, "Day one", {"introduction": "Fog at dawn."}, "Edit texts")
    window.collections.delete(confirm=False)
    assert window.current_source.kind == "all"
    assert "Day one" not in [s.label for s in window.sources_model.sources("collections")]

    window.undo()  # the deletion: back with its texts and its photos in their order
    restored = collection_store.get_collection(window.catalog, "Day one")
    assert collection_store.collection_photo_ids(window.catalog, restored.id) == [a, b]
    assert restored.introduction == "Fog at dawn."
    assert "Day one" in [s.label for s in window.sources_model.sources("collections")]
    window.undo()  # the texts, on the collection brought back (under its new id)
    assert collection_store.get_collection(window.catalog, "Day one").introduction == ""
    window.undo()  # the photos added
    assert collection_store.collection_photo_ids(window.catalog, "Day one") == []
    window.sources.select_source(Source(COLLECTION, restored.id))
    window.undo()  # the creation
    assert [c.name for c in collection_store.list_collections(window.catalog)] == ["Shumshu 1945–2015"]
    assert window.current_source.kind != COLLECTION  # the grid left the collection that is gone
    for _ in range(4):
        window.redo()
    assert [c.name for c in collection_store.list_collections(window.catalog)] == ["Shumshu 1945–2015"]
    window.undo()
    assert collection_store.collection_photo_ids(window.catalog, "Day one") == [a, b]


def test_rename_is_undoable(window) -> None:
    sample = collection_store.list_collections(window.catalog)[0]
    window.sources.select_source(Source(COLLECTION, sample.id))
    window.collections.rename("Shumshu, the book")
    assert collection_store.get_collection(window.catalog, sample.id).name == "Shumshu, the book"
    window.undo()
    assert collection_store.get_collection(window.catalog, sample.id).name == sample.name
    assert sample.name in [s.label for s in window.sources_model.sources("collections")]


def test_collection_steps_check_for_changes_from_the_command_line(window) -> None:
    names = ids_by_name(window.catalog)
    collection = window.collections.create("Picks")
    window.collections.add_photos(collection.id, [names["SHU15_0101.jpg"]])
    with Catalog(window.catalog.paths.root) as other:
        collection_store.add_photos(other, "Picks", [names["SHU15_0162.jpg"]])
    asked = []
    window.edits.ask = lambda step, conflict, undoing: asked.append(conflict.text) or CANCEL
    window.undo()
    assert "changed elsewhere" in asked[0]
    assert len(collection_store.collection_photo_ids(window.catalog, "Picks")) == 2
    window.edits.ask = lambda *args: DROP
    window.undo()  # the step is dropped; the next undo is the creation, which has photos now
    asked.clear()
    window.edits.ask = lambda step, conflict, undoing: asked.append(conflict.text) or FORCE
    window.undo()
    assert "deletes the collection with them" in asked[0]
    assert "Picks" not in [c.name for c in collection_store.list_collections(window.catalog)]
    assert window.catalog.count_photos() == 14


def test_a_change_made_between_the_check_and_the_undo_is_recorded_as_it_was(window, monkeypatch) -> None:
    """Another process writes right after the undo checked for changes: the check and the write
    are one transaction, so that write waits for the undo and comes after it; the history
    records each value replaced as it was."""
    import itertools
    import json
    import threading

    from photoarchive.ui.undo import EditCommand

    photo = ids_by_name(window.catalog)["SHU15_0153.jpg"]
    window.edits.apply([photo], {"caption": "Typed in the window"}, "Edit caption")
    elsewhere = threading.Thread(target=from_the_command_line, args=(window, photo, {"caption": "From elsewhere"}))
    checked, calls = EditCommand.conflict, []

    def check_then_let_another_process_write(self, undoing):
        found = checked(self, undoing)
        calls.append(undoing)
        if len(calls) == 2:  # the check made by the step itself, right before it writes
            elsewhere.start()
            elsewhere.join(1.0)  # it waits for the lock the undo holds, instead of writing at once
        return found

    monkeypatch.setattr(EditCommand, "conflict", check_then_let_another_process_write)
    window.undo()
    elsewhere.join(30)
    assert caption(window, photo) == "From elsewhere"
    rows = window.catalog.conn.execute(
        "SELECT old_value, new_value FROM edit_changes WHERE photo_id = ? AND field = 'caption' ORDER BY id", (photo,)
    ).fetchall()
    for before, after in itertools.pairwise(rows):
        assert json.loads(after[0]) == json.loads(before[1])


def test_members_are_set_from_those_of_the_moment(window) -> None:
    names = ids_by_name(window.catalog)
    collection = window.collections.create("Picks")
    window.collections.add_photos(collection.id, [names["SHU15_0101.jpg"]])
    with Catalog(window.catalog.paths.root) as other:  # added from the command line meanwhile
        collection_store.add_photos(other, "Picks", [names["SHU15_0162.jpg"]])
    window.collections.reorder([names["SHU15_0101.jpg"]])  # a drag in a grid that did not know it
    assert collection_store.collection_photo_ids(window.catalog, "Picks") == [
        names["SHU15_0101.jpg"],
        names["SHU15_0162.jpg"],
    ]
