"""The editor's rating, colour label and flag: choices derived from the declaration, "multiple
values" for a selection that differs, one undo step for a change on many photos."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from photoarchive.catalog.curated import load_values
from photoarchive.edits import history
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.field_editors import ChoiceField
from photoarchive.ui.widgets.metadata_editor import MetadataEditor
from tests.ui.conftest import ids_by_name


def _editor(qtbot, catalog) -> MetadataEditor:
    editor = MetadataEditor(catalog, PhotoEdits(catalog))
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _selection(catalog, ids: list[int]) -> list[tuple]:
    values = load_values(catalog, ids, ["rating", "label", "flag"])
    return [(values[i]["rating"], values[i]["label"], values[i]["flag"]) for i in ids]


def _choose(qtbot, box: ChoiceField, text: str) -> None:
    """Choose an item as a curator does: open the box, move to the item with the keys, Enter."""
    box.setFocus()
    target = box.findText(text)
    assert target >= 0, text
    start = box.currentIndex()
    for _ in range(abs(target - start) if start >= 0 else target + 1):
        qtbot.keyClick(box, Qt.Key.Key_Down if start < target else Qt.Key.Key_Up)
    assert box.currentIndex() == target


def test_the_choices_come_from_the_declaration(qtbot, sample_catalog) -> None:
    editor = _editor(qtbot, sample_catalog)
    rating, label, flag = (editor.fields[n] for n in ("rating", "label", "flag"))
    assert all(isinstance(box, ChoiceField) for box in (rating, label, flag))
    assert [rating.itemText(i) for i in range(rating.count())] == [
        "Not rated", "☆☆☆☆☆", "★☆☆☆☆", "★★☆☆☆", "★★★☆☆", "★★★★☆", "★★★★★"]  # fmt: skip
    assert [label.itemData(i) for i in range(label.count())] == ["", "red", "yellow", "green", "blue", "purple"]
    assert [flag.itemText(i) for i in range(flag.count())] == ["None", "Pick", "Reject"]
    swatch = label.itemIcon(label.findData("red")).pixmap(14, 14).toImage()
    assert swatch.pixelColor(7, 7).name() == "#ff0000" and flag.itemIcon(1).isNull()


def test_choosing_saves_at_once_for_every_selected_photo_as_one_step(qtbot, sample_catalog) -> None:
    names = ids_by_name(sample_catalog)
    ids = [names["SHU15_0115.jpg"], names["SHU15_0107.jpg"], names["SHU15_0158.jpg"]]
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos(ids)
    for name, text in (("rating", "★★★★☆"), ("label", "Green"), ("flag", "Pick")):
        _choose(qtbot, editor.fields[name], text)  # the keys pass by the items before it
        editor.flush()  # a pause, or leaving the field
    assert _selection(sample_catalog, ids) == [(4, "green", "pick")] * 3
    assert editor.edits.stack.count() == 3  # one step per field, each over the three photos
    assert history(sample_catalog, photo_id=ids[0], limit=1)[0].description == "Flag of 3 photos"
    editor.edits.undo()
    assert _selection(sample_catalog, ids) == [(4, "green", "")] * 3
    assert editor.fields["flag"].currentText() == "None"


def test_an_item_chosen_from_the_list_is_saved_at_once(qtbot, sample_catalog) -> None:
    photo = ids_by_name(sample_catalog)["SHU15_0115.jpg"]
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([photo])
    box = editor.fields["label"]
    box.showPopup()
    view = box.view()
    qtbot.waitUntil(view.isVisible)
    index = view.model().index(box.findText("Purple"), 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert not editor.has_pending() and _selection(sample_catalog, [photo]) == [(None, "purple", "")]
    assert editor.edits.stack.count() == 1


def test_a_selection_that_differs_shows_multiple_values(qtbot, sample_catalog) -> None:
    names = ids_by_name(sample_catalog)
    a, b = names["SHU15_0115.jpg"], names["SHU15_0107.jpg"]
    edits = PhotoEdits(sample_catalog)
    edits.apply([a], {"rating": 5, "label": "red"}, "rate")
    edits.apply([b], {"rating": 2, "label": "red"}, "rate")
    editor = MetadataEditor(sample_catalog, edits)
    qtbot.addWidget(editor)
    editor.set_photos([a, b])
    rating = editor.fields["rating"]
    assert rating.currentIndex() == -1 and rating.placeholderText() == "(multiple values)"
    assert editor.is_mixed("rating") and not editor.is_mixed("label")
    assert editor.fields["label"].currentText() == "Red"
    editor.set_photos([b])
    assert rating.currentText() == "★★☆☆☆"


def test_rating_many_photos_is_one_undo_step(qtbot, sample_catalog) -> None:
    """The path the culling keys take: PhotoEdits.apply of one field on the selection."""
    ids = sorted(ids_by_name(sample_catalog).values())
    edits = PhotoEdits(sample_catalog)
    before = _selection(sample_catalog, ids)
    edits.apply(ids, {"rating": 3}, edits.describe("Rating", ids))
    assert edits.stack.count() == 1 and {r for r, _, _ in _selection(sample_catalog, ids)} == {3}
    edits.undo()
    assert _selection(sample_catalog, ids) == before


def test_the_wheel_over_a_box_scrolls_past_it_without_changing_the_photos(qtbot, sample_catalog) -> None:
    photo = ids_by_name(sample_catalog)["SHU15_0115.jpg"]
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([photo])
    box = editor.fields["rating"]
    editor.fields["caption"].text_box.setFocus()

    def wheel() -> None:
        centre = QPointF(box.rect().center())
        event = QWheelEvent(
            centre, box.mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(box, event)

    wheel()
    editor.flush()
    assert box.currentIndex() == 0 and _selection(sample_catalog, [photo]) == [(None, "", "")]
    editor.activateWindow()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    wheel()
    editor.flush()
    assert _selection(sample_catalog, [photo]) == [(0, "", "")]  # in the box, the wheel steps the stars
