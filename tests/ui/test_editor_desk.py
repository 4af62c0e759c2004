"""The curator's desk in the editor: a typed position, errors at their field, the focused
field scrolled into view, and a place far from the photo's GPS (issue 13, points 3, 4, 5, 7)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from photoarchive.catalog.attention import needing_attention
from photoarchive.catalog.curated import load_values
from photoarchive.places import Gazetteer
from photoarchive.ui.widgets.field_editors import multiple_values_text
from tests.ui.conftest import ids_by_name, shot

ITALY = (43.46745, 11.88513)


def position_of(catalog, photo: int) -> dict:
    return load_values(catalog, [photo], ["latitude", "longitude", "altitude", "gps_source"])[photo]


def select(qtbot, window, ids: list[int]) -> None:
    window.select_photos(ids)
    qtbot.waitUntil(lambda: window.editor.photo_ids() == ids and window.editor.fields["caption"].isEnabled())


def type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text) if text else qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_typed_position_is_saved_as_edited_and_undone_in_one_step(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    photo, other = names["SHU15_0101.jpg"], names["SHU15_0107.jpg"]
    select(qtbot, window, [photo])
    field = window.editor.fields["position"]
    steps = window.edits.stack.count()
    type_into(qtbot, field, "50°42'55\"N 156°15'17\"E")
    saved = position_of(window.catalog, photo)
    assert saved["latitude"] == pytest.approx(50.715278) and saved["longitude"] == pytest.approx(156.254722)
    assert saved["gps_source"] == "edited" and saved["altitude"] is None
    assert window.edits.stack.count() == steps + 1
    assert field.text() == "50.715278, 156.254722"  # shown back as it is stored
    shot(window.editor, "editor-position")
    # A comma as the decimal mark, as a Russian curator types it.
    type_into(qtbot, field, "50,7153 156,2547")
    assert position_of(window.catalog, photo)["latitude"] == 50.7153
    window.undo()
    assert position_of(window.catalog, photo)["latitude"] == pytest.approx(50.715278)
    # Two photos at different positions: "(multiple values)"; emptying the box removes both.
    select(qtbot, window, [photo, other])
    assert field.text() == "" and field.placeholderText() == multiple_values_text()
    select(qtbot, window, [photo])
    type_into(qtbot, field, "")
    assert position_of(window.catalog, photo) == dict.fromkeys(("latitude", "longitude", "altitude", "gps_source"))
    window.undo()
    assert position_of(window.catalog, photo)["gps_source"] == "edited"


def test_a_refused_value_is_said_at_its_field_and_cleared_when_valid(qtbot, window) -> None:
    photo = ids_by_name(window.catalog)["SHU15_0101.jpg"]
    select(qtbot, window, [photo])
    editor = window.editor
    field = editor.fields["position"]
    type_into(qtbot, field, "156.2547, 50.7153")  # longitude first
    message = editor.field_errors["position"]
    qtbot.waitUntil(message.isVisible)
    assert "between -90 and 90" in message.text() and "#b00020" in field.styleSheet()
    assert "Position was not saved" in window.statusBar().currentMessage()
    assert not editor.error.isVisible()
    shot(editor, "editor-position-error")
    # A core error naming another field is shown at that field, in the window's words.
    code = editor.fields["country_code"]
    type_into(qtbot, code, "QQQ")
    assert "QQQ" in editor.field_error("country_code") and "--" not in editor.field_error("country_code")
    type_into(qtbot, field, "50.7153; 156.2547")
    assert not message.isVisible() and "#b00020" not in field.styleSheet()
    assert window.statusBar().currentMessage() == ""  # the refusal is over
    assert editor.field_error("country_code")  # that one is still refused
    type_into(qtbot, code, "JPN")
    assert not editor.field_error("country_code") and code.styleSheet() == ""


def test_the_window_words_replace_command_line_options() -> None:
    from photoarchive.ui.errors import in_window_words

    text = in_window_words("/x/out already exists; use --force to replace it, or choose another folder")
    assert "--" not in text and "Replace an earlier export in that folder" in text
    assert in_window_words("--place: no place called 'X'") == "no place called 'X'"


def visible_in(editor, widget) -> bool:
    top = widget.mapTo(editor.widget(), QPoint(0, 0)).y() - editor.verticalScrollBar().value()
    return top >= 0 and top + min(widget.height(), 40) <= editor.viewport().height()


def test_f2_and_next_photo_scroll_the_caption_into_view_in_a_small_window(qtbot, window) -> None:
    window.resize(800, 480)
    names = ids_by_name(window.catalog)
    select(qtbot, window, [names["SHU15_0101.jpg"]])
    editor = window.editor
    caption = editor.fields["caption"].text_box
    qtbot.waitUntil(lambda: editor.verticalScrollBar().maximum() > 0)
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum())
    assert not visible_in(editor, caption)
    window.editing.actions()["edit_caption"].trigger()
    qtbot.waitUntil(lambda: visible_in(editor, caption))
    assert caption.hasFocus()
    shot(window, "f2-small-window")
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum())
    assert not visible_in(editor, caption)
    window.viewing.actions()["next"].trigger()  # the focus stays in the caption: it is shown
    qtbot.waitUntil(lambda: visible_in(editor, caption))
    assert caption.hasFocus()


def test_a_place_far_from_the_photos_gps_is_warned_and_its_position_used(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    photo = names["SHU15_0107.jpg"]  # complete: only its place will put it in Needs attention
    with window.catalog.conn:
        window.catalog.conn.execute(
            "UPDATE photos SET latitude = ?, longitude = ?, gps_source = 'camera' WHERE id = ?", (*ITALY, photo)
        )
    height = Gazetteer.load(window.catalog).find("Height 171")
    select(qtbot, window, [photo])
    window.places_panel.assign([photo], height.id)
    notice = window.editor.attention
    qtbot.waitUntil(notice.isVisible)
    assert "a position 8," in notice.text() and "km from its place" in notice.text()
    assert photo in needing_attention(window.catalog)
    window.editor.resize(window.editor.width(), 700)
    shot(window.editor, "editor-far-from-place")
    steps = window.edits.stack.count()
    notice.linkActivated.emit("place-position")  # "Use the place's position instead"
    assert position_of(window.catalog, photo)["gps_source"] == "place"
    assert position_of(window.catalog, photo)["latitude"] == pytest.approx(height.latitude)
    assert window.edits.stack.count() == steps + 1 and photo not in needing_attention(window.catalog)
    qtbot.waitUntil(lambda: not notice.isVisible())
    window.undo()
    assert position_of(window.catalog, photo)["latitude"] == pytest.approx(ITALY[0])
    qtbot.waitUntil(notice.isVisible)
    # Several photos: the notice counts them and offers the same.
    window.select_photos([photo, names["SHU15_0101.jpg"]])
    qtbot.waitUntil(lambda: "With a position far from their place:" in notice.text())
    notice.linkActivated.emit("place-position")
    assert position_of(window.catalog, photo)["gps_source"] == "place"
