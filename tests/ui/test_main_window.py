"""The main window driven with qtbot: sources, search, selection, collections, copy and paste,
the loupe, the welcome panel, settings, and the hook API other panels use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QScrollArea

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_values
from photoarchive.ui.main_window import MainWindow
from photoarchive.ui.models.photo_grid_model import photo_ids_mime
from photoarchive.ui.sources import ATTENTION, COLLECTION, Source
from tests.ui.conftest import ids_by_name


def test_title_sources_and_counts(window) -> None:
    assert window.windowTitle() == "Photo Archive — Shumshu sample"
    assert window.grid_model.rowCount() == 14
    assert window.bar.count.text() == "14 photos"
    assert window.centre.currentIndex() == 0  # the grid, not the welcome panel
    window.sources.select_source(Source(ATTENTION))
    assert window.grid_model.rowCount() == 2


def test_search_as_you_type_filters_with_a_count(qtbot, window) -> None:
    window.bar.search.setText("Кокутан")
    qtbot.waitUntil(lambda: window.grid_model.rowCount() == 2, timeout=2000)
    assert window.bar.count.text() == "2 of 14"
    window.bar.search.clear()
    qtbot.waitUntil(lambda: window.grid_model.rowCount() == 14, timeout=2000)


def test_sorting_by_file_name(window) -> None:
    window.bar.set_order("name")
    names = [window.grid_model.index(r).data() for r in range(window.grid_model.rowCount())]
    assert names == sorted(names)


def test_selection_reaches_the_editor_and_the_hook_signal(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    with qtbot.waitSignal(window.selection_changed) as signal:
        window.select_photos([names["SHU15_0115.jpg"], names["SHU15_0107.jpg"]])
    assert sorted(signal.args[0]) == sorted([names["SHU15_0115.jpg"], names["SHU15_0107.jpg"]])
    assert window.editor.photo_ids() == window.selected_ids()
    assert window.selected_label.text() == "2 selected"


def test_add_panel_docks_a_widget_with_a_view_toggle(window) -> None:
    label = QLabel("map")
    dock = window.add_panel("Map", label)
    assert isinstance(dock.widget(), QScrollArea) and window.docks.content(dock) is label
    assert dock.toggleViewAction() in window.menus["view"].actions()


def test_an_edit_through_the_hook_is_undoable_from_the_menu(qtbot, window) -> None:
    photo = ids_by_name(window.catalog)["SHU15_0153.jpg"]
    window.select_photos([photo])
    qtbot.waitUntil(lambda: window.editor.photo_ids() == [photo])
    with qtbot.waitSignal(window.photos_changed):
        window.edits.apply([photo], {"caption": "From another panel"}, "Set caption")
    assert window.editor.fields["caption"].value() == "From another panel"
    assert window.editing.actions()["undo"].isEnabled()
    window.editing.actions()["undo"].trigger()
    assert load_values(window.catalog, [photo], ["caption"])[photo]["caption"] == ""
    assert window.editor.fields["caption"].value() == ""


def test_create_a_collection_add_by_drop_and_shortcut_then_reorder(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    a, b, c = names["SHU15_0101.jpg"], names["SHU15_0115.jpg"], names["SHU15_0162.jpg"]
    collection = window.collections.create("Best of day one")
    assert collection is not None
    assert window.current_source.kind == COLLECTION and window.grid_model.rowCount() == 0
    window.sources_model.dropMimeData(
        photo_ids_mime([a, b]), Qt.DropAction.CopyAction, -1, -1, window.sources_model.index_of(window.current_source)
    )
    assert collection_store.collection_photo_ids(window.catalog, collection.id) == [a, b]
    window.sources.select_source(Source(COLLECTION, collection_store.list_collections(window.catalog)[0].id))
    window.sources.select_source(Source(COLLECTION, collection.id))
    window.sources.select_source(Source("all"))
    window.select_photos([c])
    window.collections.add_to_target()  # Ctrl+B
    assert collection_store.collection_photo_ids(window.catalog, collection.id) == [a, b, c]
    window.sources.select_source(Source(COLLECTION, collection.id))
    assert window.bar.current_order() == "collection"
    assert window.grid_model.ids() == [a, b, c] and window.grid_model.reorderable
    # Drag c to the front inside the collection: the drop goes through the model.
    window.grid_model.dropMimeData(photo_ids_mime([c]), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert collection_store.collection_photo_ids(window.catalog, collection.id) == [c, a, b]
    assert window.grid_model.ids() == [c, a, b]
    window.select_photos([b])
    window.collections.move_selected(-1)  # Ctrl+[
    assert collection_store.collection_photo_ids(window.catalog, collection.id) == [c, b, a]
    window.undo()
    window.undo()
    assert collection_store.collection_photo_ids(window.catalog, collection.id) == [a, b, c]
    window.select_photos([a])
    window.collections.remove_selected()
    assert collection_store.collection_photo_ids(window.catalog, collection.id) == [b, c]
    assert window.grid_model.ids() == [b, c]
    assert window.catalog.count_photos() == 14  # removed from the collection, not the archive


def test_rename_and_delete_a_collection(window) -> None:
    collection = window.collections.create("Draft")
    window.collections.rename("Draft 2")
    assert collection_store.get_collection(window.catalog, collection.id).name == "Draft 2"
    assert "Draft 2" in [s.label for s in window.sources_model.sources("collections")]
    window.collections.delete(confirm=False)
    assert "Draft 2" not in [s.label for s in window.sources_model.sources("collections")]
    assert window.grid_model.rowCount() in (0, 14)


def test_copy_and_paste_chosen_fields(qtbot, window, monkeypatch) -> None:
    from photoarchive.ui.dialogs import paste_dialog

    names = ids_by_name(window.catalog)
    source, targets = names["SHU15_0115.jpg"], [names["SHU15_0158.jpg"], names["SHU15_0153.jpg"]]
    window.select_photos([source])
    window.editing.copy_metadata()
    window.select_photos(targets)
    monkeypatch.setattr(paste_dialog.PasteFieldsDialog, "exec", lambda self: 1)
    monkeypatch.setattr(paste_dialog.PasteFieldsDialog, "chosen", lambda self: ["credit", "event"])
    window.editing.paste_metadata()
    values = load_values(window.catalog, targets, ["credit", "event", "caption"])
    assert {values[t]["credit"] for t in targets} == {"Sample Expedition"}
    assert {values[t]["event"] for t in targets} == {"Battle of Shumshu"}
    assert values[targets[0]]["caption"] == "Остатки японского укрепления над местом высадки."
    assert window.edits.stack.count() == 1


def test_loupe_opens_on_the_photo_and_follows_the_arrows(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    window.select_photos([names["SHU15_0115.jpg"]])
    window.open_loupe()
    loupe = window.loupe
    qtbot.addWidget(loupe)
    assert loupe.caption.text().startswith("Wreck of a Japanese light tank")
    assert "Sample Expedition" in loupe.credit.text()
    assert not loupe.view.pixmap.isNull()
    loupe.show_photo(loupe.position + 1)
    assert window.selected_ids() == [loupe.current_id()]
    loupe.toggle_actual_size()
    assert loupe.view.actual_size


def test_empty_archive_shows_the_welcome_panel(qtbot, tmp_path: Path, settings) -> None:
    with Catalog(tmp_path / "Empty") as catalog:
        main = MainWindow(catalog, settings)
        qtbot.addWidget(main)
        assert main.centre.currentWidget() is main.welcome
        assert set(main.welcome.buttons) == {"import", "open", "sample"}
        main.close()


def test_sample_archive_from_the_welcome_panel_fills_this_archive(qtbot, tmp_path: Path, settings) -> None:
    with Catalog(tmp_path / "Empty") as catalog:
        main = MainWindow(catalog, settings, import_workers=1)
        qtbot.addWidget(main)
        worker = main.archive.create_sample_archive(tmp_path / "Empty")
        with qtbot.waitSignal(worker.signals.finished, timeout=60_000):
            pass
        qtbot.waitUntil(lambda: main.grid_model.rowCount() == 14, timeout=5000)
        assert main.centre.currentIndex() == 0
        main.close()


def test_geometry_and_panel_sizes_are_restored(qtbot, sample_catalog, settings) -> None:
    first = MainWindow(sample_catalog, settings)
    qtbot.addWidget(first)
    first.resize(1400, 900)
    with qtbot.waitExposed(first):
        first.show()
    first.bar.size_slider.setValue(200)

    # The first-run layout is applied once the window has its size, at a later pass of the
    # event loop (on a loaded machine after a resize made here): resize until it holds.
    def resized() -> bool:
        first.resizeDocks([first.editor_dock], [520], Qt.Orientation.Horizontal)
        return abs(first.editor_dock.width() - 520) <= 2

    qtbot.waitUntil(resized, timeout=5000)
    wanted = first.editor_dock.width()
    first.close()
    second = MainWindow(sample_catalog, settings)
    qtbot.addWidget(second)
    second.resize(1400, 900)  # the offscreen platform does not restore a window's size
    with qtbot.waitExposed(second):
        second.show()
    qtbot.waitUntil(lambda: abs(second.editor_dock.width() - wanted) <= 2)
    assert second.bar.size_slider.value() == 200
    second.close()


def test_menus_show_shortcuts_and_every_action_has_text(window) -> None:
    shortcuts = {
        a.text().replace("&", ""): a.shortcut().toString()
        for menu in window.menus.values()
        for a in menu.actions()
        if not a.isSeparator()
    }
    assert shortcuts["Import Photos…"] == "Ctrl+I"
    assert shortcuts["Add to Target Collection"] == "Ctrl+B" or any(s == "Ctrl+B" for s in shortcuts.values())
    assert shortcuts["Preview"] == "Space"
    assert shortcuts["Copy Metadata"] == "Ctrl+Shift+C"


def test_apply_a_template_from_the_menu_is_one_undo_step(qtbot, window, monkeypatch) -> None:
    from photoarchive.ui.dialogs import template_preview_dialog

    # The preview shows first (tests/ui/test_template_dialogs.py looks at it): Apply.
    monkeypatch.setattr(template_preview_dialog.TemplatePreviewDialog, "exec", lambda self: 1)
    names = ids_by_name(window.catalog)
    photo = names["SHU15_0158.jpg"]  # the sample photo without credits
    window.select_photos([photo])
    qtbot.waitUntil(lambda: window.editor.photo_ids() == [photo])
    window.editing.fill_templates_menu()
    actions = {a.text(): a for a in window.editing.templates_menu.actions()}
    assert "Sample Expedition 2015" in actions
    actions["Sample Expedition 2015"].trigger()
    values = load_values(window.catalog, [photo], ["creator", "credit", "copyright", "job_id"])[photo]
    assert values == {
        "creator": "Sample Expedition",
        "credit": "Sample Expedition",
        "copyright": "© 2015 Sample Expedition (generated sample images)",  # {date:%Y} of this photo
        "job_id": "SAMPLE-2015",
    }
    assert window.editor.fields["credit"].text() == "Sample Expedition"
    assert window.edits.stack.count() == 1
    window.undo()
    assert load_values(window.catalog, [photo], ["credit"])[photo]["credit"] == ""


def test_space_and_delete_type_into_the_editor_and_do_not_trigger_window_shortcuts(qtbot, window) -> None:
    collection = window.collections.create("Keys")
    photo = ids_by_name(window.catalog)["SHU15_0153.jpg"]
    window.collections.add_photos(collection.id, [photo])
    window.sources.select_source(Source(COLLECTION, collection.id))
    window.select_photos([photo])
    qtbot.waitUntil(lambda: window.editor.photo_ids() == [photo])
    box = window.editor.fields["caption"].text_box
    box.setFocus()
    qtbot.keyClicks(box, "Fog at the cape")
    qtbot.keyClick(box, Qt.Key.Key_Delete)  # Delete edits the text, not the collection
    window.editor.flush()
    assert load_values(window.catalog, [photo], ["caption"])[photo]["caption"] == "Fog at the cape"
    assert window.loupe is None  # Space typed a space, it did not open the preview
    assert collection_store.collection_photo_ids(window.catalog, collection.id) == [photo]


def test_export_collection_opens_the_export_dialog_on_the_shown_collection(qtbot, window) -> None:
    assert window.archive.actions()["export"].isEnabled()  # the export dialog is there
    assert window.archive.export_collection() is None  # not in a collection: a word in the status bar
    collection = collection_store.list_collections(window.catalog)[0]
    window.sources.select_source(Source(COLLECTION, collection.id))
    dialog = window.archive.export_collection()
    qtbot.addWidget(dialog)
    assert dialog.collection.name == collection.name
    dialog.close()


def test_open_archive_opens_a_new_window_and_closes_this_one(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    from photoarchive.ui import archive_controller
    from photoarchive.ui import errors as ui_errors

    errors: list[str] = []
    for module in (archive_controller, ui_errors):  # a catalog not opened: said through ui.errors.opened_or_said
        monkeypatch.setattr(module, "show_error", lambda _parent, what, error: errors.append(f"{what}: {error}"))
    assert window.archive.open_archive_at(tmp_path / "missing", create=False) is None
    assert errors and "no archive here" in errors[0]  # in words, not a traceback
    other = window.archive.open_archive_at(tmp_path / "Other archive", create=True)
    qtbot.addWidget(other)
    assert other.windowTitle() == "Photo Archive — Other archive"
    assert not window.isVisible()
    other.close()


def test_dragging_inside_a_collection_reorders_it(qtbot, window) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    collection = collection_store.list_collections(window.catalog)[0]
    window.sources.select_source(Source(COLLECTION, collection.id))
    order = collection_store.collection_photo_ids(window.catalog, collection.id)
    grid = window.grid
    target = grid.visualRect(window.grid_model.index(1))  # the left half of the second cell
    dragged = photo_ids_mime([order[3]])  # held here: a QDropEvent does not own its data
    drop = QDropEvent(
        QPointF(target.left() + 5, target.center().y()),
        Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,  # what the grid's drags offer
        dragged,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    grid.dropEvent(drop)
    expected = [order[0], order[3], order[1], order[2], *order[4:]]
    assert collection_store.collection_photo_ids(window.catalog, collection.id) == expected
    assert window.grid_model.ids() == expected
    assert drop.dropAction() == Qt.DropAction.CopyAction  # the view removes nothing itself
    window.sources.select_source(Source("all"))
    refused = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.MoveAction,
        photo_ids_mime([1]),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    grid.dropEvent(refused)
    assert not refused.isAccepted()  # All photos has no order of its own
