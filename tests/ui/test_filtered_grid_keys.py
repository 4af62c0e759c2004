"""Selection keys on a filtered grid (a photo that no longer matches leaves it at once, undo
brings it back), Hide rejects turned on by the first reject, an edited smart collection
filter undone from the one undo stack, and auto-advance in the compare view; driven by keys
as the curator presses them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from photoarchive import collections as collection_store
from photoarchive.ui.dialogs.smart_collection_dialog import SmartCollectionDialog
from photoarchive.ui.sources import COLLECTION, Source


def _focus_grid(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.grid.setFocus() or window.grid.hasFocus())


def _undo_key(qtbot, window) -> None:
    _focus_grid(qtbot, window)
    qtbot.keyClick(window.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _redo_key(qtbot, window) -> None:
    _focus_grid(qtbot, window)
    qtbot.keyClick(window.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_editing_a_smart_collections_filter_is_one_undo_step(qtbot, window, monkeypatch) -> None:
    ids = window.catalog.photo_ids(order="imported")
    window.edits.apply([ids[0]], {"label": "blue"}, "label")
    window.edits.apply([ids[1]], {"rating": 5}, "rating")
    smart = collection_store.create_collection(window.catalog, "Smart", filter="rating>=5")
    window.refresh_sources()
    window.sources.select_source(Source(COLLECTION, smart.id))
    qtbot.waitUntil(lambda: window.grid_model.ids() == [ids[1]], timeout=3000)
    steps = window.edits.stack.count()

    def accept(dialog: SmartCollectionDialog) -> int:
        dialog.filter.setText("label:blue")
        return 1

    monkeypatch.setattr(SmartCollectionDialog, "exec", accept)
    window.filtering.actions()["edit_smart"].trigger()  # Collection > Edit Smart Collection Filter…
    qtbot.waitUntil(lambda: window.grid_model.ids() == [ids[0]], timeout=3000)
    assert window.edits.stack.count() == steps + 1
    assert "Smart" in window.edits.stack.undoText()
    _undo_key(qtbot, window)
    assert collection_store.get_collection(window.catalog, smart.id).filter == "rating>=5"
    qtbot.waitUntil(lambda: window.grid_model.ids() == [ids[1]], timeout=3000)
    _redo_key(qtbot, window)
    assert collection_store.get_collection(window.catalog, smart.id).filter == "label:blue"
    qtbot.waitUntil(lambda: window.grid_model.ids() == [ids[0]], timeout=3000)


def test_an_edited_smart_filter_changed_elsewhere_is_not_undone_over_it(qtbot, window, monkeypatch) -> None:
    smart = collection_store.create_collection(window.catalog, "Smart", filter="rating>=5")
    window.edits.edit_smart_collection(smart.id, "rating>=3", "captured", "Edit the filter")
    collection_store.edit_smart(window.catalog, smart.id, filter="label:red")  # from the command line
    refused: list[str] = []
    window.edits.refused.connect(refused.append)
    window.edits.ask = None  # no message box to answer
    window.edits.undo()  # no one to ask: refused, the newer filter kept
    assert collection_store.get_collection(window.catalog, smart.id).filter == "label:red"
    assert refused and "Smart" in refused[0]
