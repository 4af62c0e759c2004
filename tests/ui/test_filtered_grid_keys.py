"""Selection keys on a filtered grid (a photo that no longer matches leaves it at once, undo
brings it back), Hide rejects turned on by the first reject, an edited smart collection
filter undone from the one undo stack, and auto-advance in the compare view; driven by keys
as the curator presses them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from photoarchive import collections as collection_store
from photoarchive.ui import main_window
from photoarchive.ui.dialogs.smart_collection_dialog import SmartCollectionDialog
from photoarchive.ui.filter_state import FilterState
from photoarchive.ui.sources import COLLECTION, Source
from photoarchive.ui.widgets.compare_view import CompareView
from tests.ui.conftest import shot


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


def _compare_key(qtbot, window, ids) -> CompareView:
    """The compare view opened on ``ids`` by its key (C) in the grid, once it has the keys."""
    window.select_photos(ids)
    _focus_grid(qtbot, window)
    qtbot.waitUntil(window.culling.actions()["compare"].isEnabled)
    qtbot.keyClick(window.grid, Qt.Key.Key_C)
    view = window.culling.view
    assert isinstance(view, CompareView)
    qtbot.waitUntil(view.isActiveWindow)
    return view


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


def _count_reads(window, monkeypatch):
    """How many times the grid's source is read again (its first page or all its ids)."""
    calls: list[str] = []
    for name in ("source_page", "source_ids"):
        real = getattr(main_window, name)
        monkeypatch.setattr(
            main_window, name, lambda *a, _real=real, _name=name, **k: calls.append(_name) or _real(*a, **k)
        )
    return lambda: len(calls)


def _filter(qtbot, window, state) -> None:
    window.filter_bar.set_state(state, announce=True)
    qtbot.waitUntil(lambda: window._filter == state.text(), timeout=3000)


def test_a_reject_key_takes_the_photo_out_of_a_grid_hiding_rejects_and_undo_brings_it_back(
    qtbot, window, monkeypatch
) -> None:
    ids = window.catalog.photo_ids(order="imported")
    window.edits.apply([ids[0]], {"flag": "reject"}, "reject")  # something rejected already
    _filter(qtbot, window, FilterState(hide_rejects=True))
    shown = window.grid_model.ids()
    assert ids[0] not in shown
    target, after = shown[2], shown[3]
    window.grid.select_ids([target])
    _focus_grid(qtbot, window)
    reads = _count_reads(window, monkeypatch)
    qtbot.keyClick(window.grid, Qt.Key.Key_X)
    assert window.grid_model.ids() == [pid for pid in shown if pid != target]  # out at once
    assert window.grid.selected_ids() == [after]  # the next photo is current
    assert window.grid.currentIndex().row() == 2
    assert reads() == 0  # the source was not read again
    assert window.bar.count.text().startswith(f"{len(shown) - 1:,} of")
    qtbot.waitUntil(lambda: "2 rejects hidden" in window.bar.count.text(), timeout=3000)
    _undo_key(qtbot, window)
    assert window.grid_model.ids() == shown  # back at its row
    assert window.grid.selected_ids() == [target]
    qtbot.waitUntil(lambda: "1 reject hidden" in window.bar.count.text(), timeout=3000)


def test_a_pick_filter_loses_the_photo_unflagged_and_a_new_pick_waits_for_the_reload(qtbot, window) -> None:
    ids = window.catalog.photo_ids(order="imported")
    window.edits.apply(ids[:3], {"flag": "pick"}, "pick")
    _filter(qtbot, window, FilterState(flag="pick"))
    assert sorted(window.grid_model.ids()) == sorted(ids[:3])
    first = window.grid_model.ids()[0]
    window.grid.select_ids([first])
    _focus_grid(qtbot, window)
    qtbot.keyClick(window.grid, Qt.Key.Key_U)
    assert first not in window.grid_model.ids() and len(window.grid_model.ids()) == 2
    assert len(window.grid.selected_ids()) == 1
    window.edits.apply([ids[5]], {"flag": "pick"}, "pick")  # not shown: it comes with the next reload
    assert ids[5] not in window.grid_model.ids()
    window.reload_grid()
    assert ids[5] in window.grid_model.ids()


def test_the_first_reject_turns_hide_rejects_on_and_the_photo_leaves(qtbot, window) -> None:
    assert not window.filter_bar.state().hide_rejects  # nothing rejected in the sample
    shown = window.grid_model.ids()
    window.grid.select_ids([shown[0]])
    _focus_grid(qtbot, window)
    qtbot.keyClick(window.grid, Qt.Key.Key_X)
    assert window.filter_bar.state().hide_rejects and window.filter_bar.hide_rejects.isChecked()
    assert window.grid_model.ids() == shown[1:]
    assert window.grid.selected_ids() == [shown[1]]
    qtbot.waitUntil(lambda: "1 reject hidden" in window.bar.count.text(), timeout=3000)
    assert window.bar.count.text().startswith(f"{len(shown) - 1:,} of {len(shown):,}")
    window.grid.viewport().repaint()
    shot(window, "d_first_reject_hidden")


def test_auto_advance_in_compare_moves_the_focus_to_the_next_photo_and_stays_on_the_last(qtbot, window) -> None:
    window.filter_bar.set_state(FilterState(), announce=True)  # the bar shows rejects
    window.selecting.actions()["auto_advance"].setChecked(True)  # Photo > Auto-Advance
    order = window.grid_model.ids()[:3]
    view = _compare_key(qtbot, window, order)
    assert view.auto_advance.isChecked()
    assert view.focused().id == order[0]
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert view.focused().id == order[1]
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert view.focused().id == order[2]
    qtbot.keyClick(view, Qt.Key.Key_X)  # the last: the focus stays
    assert view.focused().id == order[2]
    assert view.photos[0].rating == 3 and view.photos[1].flag == "pick"
    assert view.photos[2].flag == "reject"
    shot(view, "d_compare_auto_advance")
    qtbot.keyClick(view, Qt.Key.Key_A)  # off: a key leaves the focus where it is
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_5)
    assert view.focused().id == order[1]
    qtbot.keyClick(view, Qt.Key.Key_Escape)


def test_auto_advance_off_in_the_photo_menu_opens_compare_with_it_off(qtbot, window) -> None:
    window.selecting.actions()["auto_advance"].setChecked(False)
    order = window.grid_model.ids()[:2]
    view = _compare_key(qtbot, window, order)
    assert not view.auto_advance.isChecked()
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert view.focused().id == order[0]
    qtbot.keyClick(view, Qt.Key.Key_Escape)


def test_changing_the_filter_neither_counts_the_source_again_nor_copies_the_grids_ids(
    qtbot, window, monkeypatch
) -> None:
    counted: list[object] = []
    real = main_window.source_size
    monkeypatch.setattr(
        main_window, "source_size", lambda catalog, source: counted.append(source) or real(catalog, source)
    )
    copied: list[int] = []
    model = window.grid_model
    monkeypatch.setattr(model, "ids", lambda: copied.append(1) or list(model._ids))
    total = window.catalog.count_photos()
    _filter(qtbot, window, FilterState(rating=1))
    _filter(qtbot, window, FilterState(flag="none"))
    _filter(qtbot, window, FilterState(rating=2))
    assert len(counted) == 1  # the source's size once, not at every change of the filter
    assert not copied  # the selection read by rows, not from a copy of every id shown
    assert window.bar.count.text() == f"0 of {total:,}"
    ids = window.catalog.photo_ids(order="imported")
    window.edits.apply([ids[0]], {"rating": 2}, "rating")  # an edit: sizes are counted afresh
    window.reload_grid()
    assert len(counted) == 2
    assert window.bar.count.text() == f"1 of {total:,}"


def _caption_box(window):
    return window.editor.fields["caption"].text_box


def test_a_caption_typed_under_lacks_caption_leaves_when_the_field_lets_go_and_undo_brings_it_back(
    qtbot, window, monkeypatch
) -> None:
    ids = window.catalog.photo_ids(order="imported")
    window.edits.apply(ids[:4], {"caption": ""}, "no captions")
    _filter(qtbot, window, FilterState().with_has("caption", False))  # -has:caption
    shown = window.grid_model.ids()
    assert len(shown) >= 3
    target, after = shown[1], shown[2]
    window.grid.select_ids([target])
    box = _caption_box(window)
    qtbot.waitUntil(lambda: window.editor.photo_ids() == [target] and box.isEnabled())
    _focus_grid(qtbot, window)
    qtbot.keyClick(window.grid, Qt.Key.Key_F2)  # Edit > Edit Caption: the caption field takes the focus
    qtbot.waitUntil(box.hasFocus)
    reads = _count_reads(window, monkeypatch)
    qtbot.keyClicks(box, "Vasilyev Bay")
    window.editor.flush()  # the editor's save while typing (its timer's): the photo stays under the cursor
    qtbot.wait(50)
    assert window.edits.stack.count() and target in window.grid_model.ids()
    assert window.grid.selected_ids() == [target]
    shot(window, "d3_caption_typing_stays")
    qtbot.keyClick(box, Qt.Key.Key_Tab)  # the field lets go: the caption is committed, the photo leaves
    qtbot.waitUntil(lambda: target not in window.grid_model.ids(), timeout=3000)
    assert window.grid_model.ids() == [pid for pid in shown if pid != target]
    assert window.grid.selected_ids() == [after]  # the next photo is current
    assert reads() == 0  # the source was not read again
    assert window.bar.count.text().startswith(f"{len(shown) - 1:,} of")
    window.grid.viewport().repaint()
    shot(window, "d3_caption_committed_left")
    _undo_key(qtbot, window)
    qtbot.waitUntil(lambda: window.grid_model.ids() == shown, timeout=3000)  # back at its row
    assert window.grid.selected_ids() == [target]


def test_a_caption_changed_from_outside_the_editor_leaves_a_word_search_on_the_next_turn(qtbot, window) -> None:
    ids = window.catalog.photo_ids(order="imported")
    window.edits.apply(ids[:3], {"caption": "Vasilyev Bay at dawn"}, "captions")
    window.bar.search.setText("Vasilyev")  # plain words search the text
    qtbot.waitUntil(lambda: sorted(window.grid_model.ids()) == sorted(ids[:3]), timeout=3000)
    first = window.grid_model.ids()[0]
    window.grid.select_ids([first])
    # As Edit > Paste Metadata or a template applies it: the focus is not in the editor.
    window.editing.apply_values([first], {"caption": "Kokutan"}, "paste")
    qtbot.waitUntil(lambda: first not in window.grid_model.ids(), timeout=3000)
    assert len(window.grid_model.ids()) == 2 and len(window.grid.selected_ids()) == 1
    _undo_key(qtbot, window)
    qtbot.waitUntil(lambda: window.grid_model.ids()[0] == first, timeout=3000)
    assert window.grid.selected_ids() == [first]


def test_esc_from_cull_after_the_photo_left_the_grid_selects_the_one_now_in_its_place(qtbot, window) -> None:
    ids = window.catalog.photo_ids(order="imported")
    window.edits.apply([ids[0]], {"flag": "reject"}, "reject")
    _filter(qtbot, window, FilterState(hide_rejects=True))
    window.selecting.actions()["auto_advance"].setChecked(False)
    shown = window.grid_model.ids()
    target, after = shown[1], shown[2]
    window.grid.select_ids([target])
    _focus_grid(qtbot, window)
    qtbot.keyClick(window.grid, Qt.Key.Key_F)
    view = window.culling.view
    assert view is not None
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view, Qt.Key.Key_X)  # rejected: it leaves the grid behind the view
    assert target not in window.grid_model.ids()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.culling.view is None
    assert window.grid.selected_ids() == [after]
    assert window.grid.currentIndex().row() == 1
    qtbot.waitUntil(lambda: window.editor.photo_ids() == [after], timeout=3000)  # the editor follows
    window.grid.viewport().repaint()
    shot(window, "d3_esc_from_cull_selects_next")


def test_esc_from_compare_after_the_focused_photo_left_selects_the_one_now_in_its_place(qtbot, window) -> None:
    window.selecting.actions()["auto_advance"].setChecked(False)
    _filter(qtbot, window, FilterState(flag="none"))  # unflagged only
    shown = window.grid_model.ids()
    view = _compare_key(qtbot, window, shown[2:4])
    qtbot.keyClick(view, Qt.Key.Key_P)  # the focused (first) photo picked: it leaves
    assert shown[2] not in window.grid_model.ids()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.grid.selected_ids() == [shown[3]]


def test_the_compare_views_caption_says_when_auto_advance_is_on(qtbot, window) -> None:
    window.selecting.actions()["auto_advance"].setChecked(True)
    order = window.grid_model.ids()[:2]
    view = _compare_key(qtbot, window, order)
    assert "Auto-advance" in view.panels[0].caption.text()
    assert "Auto-advance" not in view.panels[1].caption.text()  # on the focused photo's line only
    shot(view, "d3_compare_auto_advance_on")
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert not any("Auto-advance" in panel.caption.text() for panel in view.panels)
    shot(view, "d3_compare_auto_advance_off")
    qtbot.keyClick(view, Qt.Key.Key_A)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert "Auto-advance" in view.panels[1].caption.text()
    qtbot.keyClick(view, Qt.Key.Key_Escape)


def test_a_click_on_another_photo_after_typing_a_caption_selects_the_photo_clicked(qtbot, window) -> None:
    ids = window.catalog.photo_ids(order="imported")
    window.edits.apply(ids[:4], {"caption": ""}, "no captions")
    _filter(qtbot, window, FilterState().with_has("caption", False))  # -has:caption
    shown = window.grid_model.ids()
    target, clicked = shown[0], shown[2]
    window.grid.select_ids([target])
    box = _caption_box(window)
    qtbot.waitUntil(lambda: window.editor.photo_ids() == [target] and box.isEnabled())
    _focus_grid(qtbot, window)
    qtbot.keyClick(window.grid, Qt.Key.Key_F2)
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClicks(box, "Landing beach")  # not saved yet: the click's focus change commits it
    cell = window.grid.visualRect(window.grid_model.index(2)).center()
    qtbot.mouseClick(window.grid.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.waitUntil(lambda: target not in window.grid_model.ids(), timeout=3000)
    # The rows moved up only after the click picked its cell: the photo clicked is selected,
    # not the one that slid under the pointer.
    assert window.grid.selected_ids() == [clicked]
