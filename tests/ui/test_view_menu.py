"""The View menu: shortcuts for every frequent action, next and previous photo from the keyboard
while typing a caption, the sources a curator goes to most, the sort order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from photoarchive.catalog.curated import load_values
from photoarchive.ui.sources import ATTENTION
from tests.ui.conftest import ids_by_name


def _actions(window) -> dict[str, QAction]:
    found: dict[str, QAction] = {}

    def walk(menu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator():
                found[action.text().replace("&", "")] = action

    for menu in window.menus.values():
        walk(menu)
    return found


def test_frequent_actions_show_a_shortcut(window) -> None:
    actions = _actions(window)
    frequent = [
        "Import Photos…", "Open Archive…", "Export Collection…", "Quit", "Undo", "Redo", "Select All",
        "Copy Metadata", "Paste Metadata…", "Edit Caption", "Find", "Preview", "Next Photo", "Previous Photo",
        "All Photos", "Needs Attention", "Larger Thumbnails", "Smaller Thumbnails", "New Collection…",
        "Add to Target Collection", "Remove from Collection", "Move Earlier", "Move Later",
    ]  # fmt: skip
    missing = [name for name in frequent if actions[name].shortcut().isEmpty()]
    assert not missing
    assert actions["Quit"].shortcut().toString() == "Ctrl+Q"  # not left to the platform theme
    keys = [k.toString() for a in actions.values() for k in a.shortcuts()]
    assert len(keys) == len(set(keys)), "a key sequence bound twice is ambiguous and does nothing"


def test_next_photo_while_typing_a_caption_keeps_the_focus_and_the_text(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    order = window.grid_model.ids()
    first = names["SHU15_0101.jpg"]
    window.select_photos([first])
    box = window.editor.fields["caption"].text_box
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts work in the active window
    # Activation hands the focus back to the search box: set it on the caption after that.
    qtbot.waitUntil(lambda: box.setFocus() or box.hasFocus())
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, " Low tide.")
    qtbot.keyClick(box, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.selected_ids() == [order[order.index(first) + 1]])
    assert box.hasFocus()  # the next caption can be typed at once
    qtbot.waitUntil(lambda: window.editor.photo_ids() == window.selected_ids())
    assert load_values(window.catalog, [first], ["caption"])[first]["caption"].endswith(
        "in fog and under fire. Low tide."
    )
    window.viewing.step(-1)
    assert window.selected_ids() == [first]
    window.select_photos([order[0]])
    window.viewing.step(-1)  # at the first photo: it stays
    assert window.selected_ids() == [order[0]]


def test_needs_attention_and_sort_order_from_the_menu(window) -> None:
    actions = _actions(window)
    actions["Needs Attention"].trigger()
    assert window.current_source.kind == ATTENTION and window.grid_model.rowCount() == 2
    actions["File name"].trigger()
    assert window.bar.current_order() == "name"
    window.viewing.sync_sort()
    assert actions["File name"].isChecked()
    assert not actions["Collection order"].isEnabled()  # only while a collection is shown


def test_the_grid_has_the_keyboard_when_the_window_opens(window) -> None:
    assert window.focusWidget() is window.grid  # not the search box: arrows move through photos


def test_an_empty_archive_offers_import_to_the_keyboard(qtbot, tmp_path, settings) -> None:
    from photoarchive.catalog import Catalog
    from photoarchive.ui.main_window import MainWindow

    with Catalog(tmp_path / "empty") as catalog:
        window = MainWindow(catalog, settings)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        assert window.focusWidget() is window.welcome.buttons["import"]
        window.close()
