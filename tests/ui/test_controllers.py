"""Each menu controller alone, without a main window: built from the catalog, the undo stack
(``PhotoEdits``), the selection and the widgets it drives, it hands out its actions and
reports through signals."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QProgressBar, QToolButton, QWidget

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_values
from photoarchive.ui.sources import ATTENTION, COLLECTION, Source
from photoarchive.ui.undo import PhotoEdits
from tests.ui.conftest import ids_by_name


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def photo_edits(sample_catalog, parent) -> PhotoEdits:
    return PhotoEdits(sample_catalog, parent)


def shortcuts(actions) -> dict[str, str]:
    return {name: action.shortcut().toString() for name, action in actions.items()}


def test_archive_controller_exports_the_source_it_is_told_and_opens_other_archives(
    qtbot, sample_catalog, photo_edits, parent, tmp_path: Path
) -> None:
    from photoarchive.ui.archive_controller import OPEN_WINDOWS, ArchiveController

    opened: list[Catalog] = []

    def open_window(catalog: Catalog) -> QWidget:
        opened.append(catalog)
        return QWidget()

    archive = ArchiveController(
        sample_catalog, photo_edits, QProgressBar(), QToolButton(), open_window=open_window, parent=parent
    )
    keys = shortcuts(archive.actions())
    assert (keys["import"], keys["export"], keys["quit"]) == ("Ctrl+I", "Ctrl+E", "Ctrl+Q")
    with qtbot.waitSignal(archive.status_message) as said:
        assert archive.export_collection() is None  # All photos is shown: nothing to export
    assert "collection" in said.args[0]
    collection = collection_store.list_collections(sample_catalog)[0]
    archive.set_source(Source(COLLECTION, collection.id))
    dialog = archive.export_collection()
    qtbot.addWidget(dialog)
    assert dialog.collection.name == collection.name
    dialog.close()
    assert archive.can_close() and not archive.importing()
    with qtbot.waitSignal(archive.close_requested), qtbot.waitSignal(archive.archive_opened) as signal:
        window = archive.open_archive_at(tmp_path / "Other", create=True)
    assert signal.args == [window] and opened[0].paths.root == tmp_path / "Other"
    OPEN_WINDOWS.remove(window)
    opened[0].close()
    with qtbot.waitSignal(archive.close_requested):
        archive.actions()["quit"].trigger()


def test_collection_controller_adds_the_selection_and_follows_the_source(qtbot, sample_catalog, photo_edits) -> None:
    from photoarchive.ui.collection_controller import CollectionController

    names = ids_by_name(sample_catalog)
    selected = [names["SHU15_0101.jpg"], names["SHU15_0115.jpg"]]
    collections = CollectionController(sample_catalog, photo_edits, lambda: selected, can_reorder=lambda: True)
    assert not collections.actions()["remove"].isEnabled()  # no collection shown
    with qtbot.waitSignal(collections.collection_created) as created:
        collection = collections.create("Picks")
    assert created.args[0] == Source(COLLECTION, collection.id, "Picks")
    collections.set_source(created.args[0])
    assert collections.actions()["remove"].isEnabled() and collections.current() == collection.id
    collections.refresh_menu()
    assert collections.actions()["add_to_target"].text() == "Add to “Picks”"
    with qtbot.waitSignal(collections.status_message):
        collections.actions()["add_to_target"].trigger()  # Ctrl+B
    assert collection_store.collection_photo_ids(sample_catalog, collection.id) == selected
    selected[:] = selected[1:]
    collections.actions()["earlier"].trigger()
    assert collection_store.collection_photo_ids(sample_catalog, collection.id) == [*selected, names["SHU15_0101.jpg"]]
    assert photo_edits.stack.count() == 3  # created, added, moved: each one undoable step
    photo_edits.undo()
    assert collection_store.collection_photo_ids(sample_catalog, collection.id) == [
        names["SHU15_0101.jpg"],
        names["SHU15_0115.jpg"],
    ]


def test_edit_controller_copies_pastes_and_undoes_on_the_stack(
    qtbot, sample_catalog, photo_edits, parent, tmp_path: Path, monkeypatch
) -> None:
    from photoarchive.ui.dialogs import paste_dialog
    from photoarchive.ui.edit_controller import EditController
    from photoarchive.ui.widgets.metadata_editor import MetadataEditor

    names = ids_by_name(sample_catalog)
    source, target = names["SHU15_0115.jpg"], names["SHU15_0158.jpg"]
    selected = [source]
    editor = MetadataEditor(sample_catalog, photo_edits)
    qtbot.addWidget(editor)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    editing = EditController(sample_catalog, photo_edits, lambda: selected, editor, settings, parent)
    actions = editing.actions()
    assert shortcuts(actions)["copy"] == "Ctrl+Shift+C" and not actions["undo"].isEnabled()
    with qtbot.waitSignal(editing.status_message):
        actions["paste"].trigger()  # nothing copied yet: a word in the status bar
    actions["copy"].trigger()
    selected[:] = [target]
    monkeypatch.setattr(paste_dialog.PasteFieldsDialog, "exec", lambda self: 1)
    monkeypatch.setattr(paste_dialog.PasteFieldsDialog, "chosen", lambda self: ["credit"])
    actions["paste"].trigger()
    assert load_values(sample_catalog, [target], ["credit"])[target]["credit"] == "Sample Expedition"
    assert actions["undo"].isEnabled() and actions["undo"].text().startswith("&Undo Paste metadata")
    actions["undo"].trigger()
    assert load_values(sample_catalog, [target], ["credit"])[target]["credit"] == ""
    editing.fill_templates_menu()
    assert [a.text() for a in editing.templates_menu.actions()] == [
        "Sample Expedition 2015",
        "",
        "New Template…",
        "Edit Template",
    ]


def test_view_controller_steps_through_the_grid_and_asks_for_sources(qtbot, sample_catalog) -> None:
    from photoarchive.ui.models.photo_grid_model import PhotoGridModel
    from photoarchive.ui.view_controller import ViewController
    from photoarchive.ui.widgets.photo_grid import GridBar, PhotoGrid

    model = PhotoGridModel(sample_catalog)
    grid, bar = PhotoGrid(model), GridBar()
    qtbot.addWidget(grid)
    qtbot.addWidget(bar)
    ids = [p.id for p in sample_catalog.list_photos(order="imported")]
    model.set_ids(ids)
    flushed: list[bool] = []
    viewing = ViewController(grid, bar, lambda: flushed.append(True))
    actions = viewing.actions()
    assert shortcuts(actions)["preview"] == "Space" and actions["next"].shortcuts()[1].toString() == "Ctrl+."
    grid.select_ids([ids[0]])
    actions["next"].trigger()
    assert grid.selected_ids() == [ids[1]] and flushed
    actions["previous"].trigger()
    actions["previous"].trigger()  # at the first photo: it stays
    assert grid.selected_ids() == [ids[0]]
    actions["select_all"].trigger()
    assert len(grid.selected_ids()) == len(ids)
    with qtbot.waitSignal(viewing.source_requested) as requested:
        actions["attention"].trigger()
    assert requested.args[0] == Source(ATTENTION)
    with qtbot.waitSignal(viewing.preview_requested):
        actions["preview"].trigger()
    before = bar.size_slider.value()
    actions["larger"].trigger()
    assert bar.size_slider.value() > before
    viewing.sort_actions["name"].trigger()
    assert bar.current_order() == "name"
