"""The grid's selection keys (0-5 rate, 6-9 labels, P X U flags) and the culling and compare
views opened from the window, driven by keys as the curator presses them."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from photoarchive.catalog.curated import load_values
from photoarchive.ui.filter_state import FilterState
from photoarchive.ui.models.photo_grid_model import PhotoRole
from photoarchive.ui.widgets.cull_view import CullView

ROLES = {"rating": PhotoRole.RATING, "label": PhotoRole.LABEL, "flag": PhotoRole.FLAG}


def _focus_grid(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.grid.setFocus() or window.grid.hasFocus())


def _shows_rejects(window) -> None:
    """The curator's bar shows rejects (remembered for the source): the first reject does not
    turn Hide rejects on, and a rejected photo stays in the grid (tests/ui/test_filtered_grid_keys.py)."""
    window.filter_bar.set_state(FilterState(), announce=True)


def _two_selected(qtbot, window) -> list[int]:
    _shows_rejects(window)
    ids = window.grid_model.ids()[:2]
    window.select_photos(ids)
    _focus_grid(qtbot, window)
    return ids


def _cells(window, ids: list[int], field: str) -> list[Any]:
    model = window.grid_model
    return [model.data(model.index(model.row_of(pid)), ROLES[field]) for pid in ids]


def _stored(window, ids: list[int], field: str) -> list[Any]:
    values = load_values(window.catalog, ids, [field])
    return [values[pid][field] if field == "rating" else values[pid][field] or "" for pid in ids]


KEYS = [
    (Qt.Key.Key_0, "rating", 0),
    (Qt.Key.Key_1, "rating", 1),
    (Qt.Key.Key_2, "rating", 2),
    (Qt.Key.Key_3, "rating", 3),
    (Qt.Key.Key_4, "rating", 4),
    (Qt.Key.Key_5, "rating", 5),
    (Qt.Key.Key_6, "label", "red"),
    (Qt.Key.Key_7, "label", "yellow"),
    (Qt.Key.Key_8, "label", "green"),
    (Qt.Key.Key_9, "label", "blue"),
    (Qt.Key.Key_P, "flag", "pick"),
    (Qt.Key.Key_X, "flag", "reject"),
]


@pytest.mark.parametrize(("key", "field", "value"), KEYS)
def test_a_key_sets_the_selection_in_the_catalog_and_the_cells_and_undo_restores(
    qtbot, window, key, field, value
) -> None:
    ids = _two_selected(qtbot, window)
    before = _stored(window, ids, field)
    steps = window.edits.stack.count()
    window.grid.viewport().repaint()  # the cells are read, as on screen
    qtbot.keyClick(window.grid, key)
    assert _stored(window, ids, field) == [value, value]
    assert _cells(window, ids, field) == [value, value]
    assert window.edits.stack.count() == steps + 1  # one step for both photos
    window.edits.undo()
    assert _stored(window, ids, field) == before
    assert _cells(window, ids, field) == before


def test_unflag_and_a_label_key_again_take_them_off(qtbot, window) -> None:
    ids = _two_selected(qtbot, window)
    qtbot.keyClick(window.grid, Qt.Key.Key_X)
    qtbot.keyClick(window.grid, Qt.Key.Key_6)
    assert _cells(window, ids, "flag") == ["reject", "reject"]
    qtbot.keyClick(window.grid, Qt.Key.Key_U)
    qtbot.keyClick(window.grid, Qt.Key.Key_6)  # both red already: the label comes off, as in Lightroom
    assert _stored(window, ids, "flag") == ["", ""] and _cells(window, ids, "flag") == ["", ""]
    assert _stored(window, ids, "label") == ["", ""] and _cells(window, ids, "label") == ["", ""]


def test_the_cells_take_the_edit_without_reading_the_catalog(qtbot, window, monkeypatch) -> None:
    ids = _two_selected(qtbot, window)
    window.grid.viewport().repaint()
    read: list[int] = []
    import photoarchive.ui.models.photo_grid_model as grid_model

    original = grid_model.grid_cells
    monkeypatch.setattr(grid_model, "grid_cells", lambda catalog, page: (read.append(1), original(catalog, page))[1])
    qtbot.keyClick(window.grid, Qt.Key.Key_4)
    window.grid.viewport().repaint()
    assert _cells(window, ids, "rating") == [4, 4]
    assert not read


def test_auto_advance_moves_to_the_next_photo_and_is_remembered(qtbot, window, settings) -> None:
    order = window.grid_model.ids()
    window.select_photos([order[0]])
    _focus_grid(qtbot, window)
    auto = window.selecting.actions()["auto_advance"]
    assert not auto.isChecked()
    qtbot.keyClick(window.grid, Qt.Key.Key_3)
    assert window.grid.currentIndex().row() == 0  # off: the photo stays
    auto.setChecked(True)
    qtbot.keyClick(window.grid, Qt.Key.Key_2)
    assert window.grid.currentIndex().row() == 1
    assert window.selected_ids() == [order[1]]
    assert _stored(window, [order[0]], "rating") == [2]
    assert settings.value("culling/auto_advance") in (True, "true")


def test_keys_do_nothing_while_typing_in_the_editor_or_the_search(qtbot, window) -> None:
    ids = _two_selected(qtbot, window)
    steps = window.edits.stack.count()
    box = window.editor.fields["caption"].text_box
    qtbot.waitUntil(lambda: box.setFocus() or box.hasFocus())
    for key in (Qt.Key.Key_3, Qt.Key.Key_P, Qt.Key.Key_X, Qt.Key.Key_6):
        qtbot.keyClick(box, key)
    assert "3px6" in box.toPlainText().lower()
    search = window.bar.search
    qtbot.waitUntil(lambda: search.setFocus() or search.hasFocus())
    qtbot.keyClicks(search, "5u")
    assert search.text() == "5u"
    qtbot.waitUntil(lambda: window.search_text == "5u")  # the search ran (before the window closes)
    assert _stored(window, ids, "rating") == [None, None]
    assert _stored(window, ids, "flag") == ["", ""]
    assert all(
        "Rating" not in window.edits.stack.text(i) for i in range(steps, window.edits.stack.count())
    )  # only the caption typed may have been saved


def test_the_photo_menu_shows_the_keys(window) -> None:
    actions = window.selecting.actions()
    assert actions["rating_3"].shortcut().toString() == "3"
    assert actions["label_red"].shortcut().toString() == "6"
    assert actions["label_blue"].shortcut().toString() == "9"
    assert actions["label_purple"].shortcut().isEmpty()  # the menu only, as in Lightroom
    assert [actions[n].shortcut().toString() for n in ("pick", "reject", "unflag")] == ["P", "X", "U"]
    assert window.menus["photo"].actions()[0] is actions["rating"]
    menu_items = [a.text() for a in actions["label"].menu().actions()]
    assert "Purple" in menu_items


def test_cull_from_the_window_and_a_key_there_lands_in_the_catalog(qtbot, window) -> None:
    _shows_rejects(window)
    order = window.grid_model.ids()
    window.select_photos([order[2]])
    _focus_grid(qtbot, window)
    qtbot.keyClick(window.grid, Qt.Key.Key_F)
    view = window.culling.view
    assert isinstance(view, CullView)
    qtbot.waitUntil(lambda: view.windowHandle().isExposed())  # shown by the window
    qtbot.waitUntil(view.isActiveWindow)  # the keys go to it, not to the grid's shortcuts
    assert view.current_id() == order[2]
    assert [p.id for p in view.photos] == order  # the grid's photos in its order
    qtbot.keyClick(view, Qt.Key.Key_5)
    assert _stored(window, [order[2]], "rating") == [5]
    assert _cells(window, [order[2]], "rating") == [5]
    window.edits.undo()  # the overlay follows the undo
    assert view.current().rating is None
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_X)
    assert _stored(window, [order[3]], "flag") == ["reject"]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.culling.view is None
    assert window.selected_ids() == [order[3]]  # back in the grid on the photo last shown


def test_compare_needs_two_to_four_selected(qtbot, window) -> None:
    order = window.grid_model.ids()
    compare = window.culling.actions()["compare"]
    window.select_photos([order[0]])
    qtbot.waitUntil(lambda: window.selected_ids() == [order[0]])
    qtbot.waitUntil(lambda: not compare.isEnabled())
    assert "2 to 4" in compare.statusTip()
    window.select_photos(order[:3])
    qtbot.waitUntil(compare.isEnabled)
    compare.trigger()
    view = window.culling.view
    assert view is not None and [p.id for p in view.photos] == order[:3]
    qtbot.waitUntil(view.isActiveWindow)
    view.set_focus(1)
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert _stored(window, [order[1]], "flag") == ["pick"]
    assert view.photos[1].flag == "pick"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.selected_ids() == [order[1]]


def test_a_rating_does_not_make_the_editor_read_every_keyword_again(qtbot, window, monkeypatch) -> None:
    """Reading the keywords in use takes 50 ms at 100,000 photos: after a rating key the
    editor keeps its list; after a change of keywords it reads it again."""
    import photoarchive.ui.widgets.metadata_editor as editor_module

    ids = _two_selected(qtbot, window)
    qtbot.waitUntil(lambda: window.editor.photo_ids() == ids)  # the editor shows them
    read: list[int] = []
    original = editor_module.keywords_in_use
    monkeypatch.setattr(editor_module, "keywords_in_use", lambda catalog: read.append(1) or original(catalog))
    qtbot.keyClick(window.grid, Qt.Key.Key_4)
    qtbot.keyClick(window.grid, Qt.Key.Key_P)
    window.edits.undo()
    assert read == []
    window.edits.apply(ids, {"keywords": ["tide"]}, "Keywords")
    assert read == [1]
