"""The window's collection controller leaves a smart collection's members alone: adding, removing
or reordering says why in the status bar instead (its filter chooses them, its sort orders them)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from photoarchive import collections as collection_store
from photoarchive.ui.sources import COLLECTION, Source
from photoarchive.ui.undo import PhotoEdits
from tests.ui.conftest import ids_by_name


def test_a_smart_collections_members_are_left_alone(qtbot, sample_catalog) -> None:
    from photoarchive.ui.collection_controller import CollectionController

    parent = QWidget()
    qtbot.addWidget(parent)
    edits = PhotoEdits(sample_catalog, parent)
    names = ids_by_name(sample_catalog)
    selected = [names["SHU15_0101.jpg"]]
    controller = CollectionController(sample_catalog, edits, lambda: selected, can_reorder=lambda: True)
    smart = collection_store.create_collection(sample_catalog, "Smart", filter="date:..1900")
    controller.set_source(Source(COLLECTION, smart.id, "Smart"))
    messages: list[str] = []
    controller.status_message.connect(messages.append)
    controller.add_photos(smart.id, selected)
    controller.remove_selected()
    controller.move_selected(1)
    controller.reorder(selected)
    assert messages == ["“Smart” is a smart collection: its photos are those matching “date:..1900”."] * 4
    assert collection_store.collection_photo_ids(sample_catalog, smart.id) == []
    assert edits.stack.count() == 0
