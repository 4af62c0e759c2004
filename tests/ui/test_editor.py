"""The metadata editor and the undo stack, driven with qtbot: select, type, undo, batch edits."""

from __future__ import annotations

from PySide6.QtCore import Qt

from photoarchive.catalog.curated import load_values
from photoarchive.edits import history
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.metadata_editor import MetadataEditor
from tests.ui.conftest import ids_by_name


def _editor(qtbot, catalog) -> MetadataEditor:
    editor = MetadataEditor(catalog, PhotoEdits(catalog))
    qtbot.addWidget(editor)
    editor.show()
    return editor


def caption_of(catalog, photo_id: int) -> str:
    return load_values(catalog, [photo_id], ["caption"])[photo_id]["caption"]


def test_typing_a_caption_saves_it_and_one_undo_takes_it_back(qtbot, sample_catalog) -> None:
    photo = ids_by_name(sample_catalog)["SHU15_0153.jpg"]  # no caption yet
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([photo])
    box = editor.fields["caption"].text_box
    box.setFocus()
    qtbot.keyClicks(box, "Cape Kokutan")
    editor.flush()  # a pause in typing
    box.insertPlainText(" in fog, мыс Кокутан, 国端崎")  # QTest types ASCII only; this is typing too
    editor.flush()
    assert caption_of(sample_catalog, photo) == "Cape Kokutan in fog, мыс Кокутан, 国端崎"
    assert editor.edits.stack.count() == 1  # both commits merged into one undo step
    assert "37 characters · 53 / 2000 IIM bytes" in editor.fields["caption"].counter.text()
    editor.edits.undo()
    assert caption_of(sample_catalog, photo) == ""
    assert box.toPlainText() == ""
    editor.edits.redo()
    assert caption_of(sample_catalog, photo) == "Cape Kokutan in fog, мыс Кокутан, 国端崎"
    assert history(sample_catalog, photo_id=photo, limit=10)[0].description == "Caption of SHU15_0153.jpg"


def test_a_pause_commits_and_leaving_the_field_starts_a_new_step(qtbot, sample_catalog) -> None:
    photo = ids_by_name(sample_catalog)["SHU15_0153.jpg"]
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([photo])
    headline = editor.fields["headline"]
    headline.setFocus()
    qtbot.keyClicks(headline, "Fog")
    qtbot.waitUntil(lambda: not editor.has_pending(), timeout=3000)  # the typing pause commit
    assert load_values(sample_catalog, [photo], ["headline"])[photo]["headline"] == "Fog"
    qtbot.keyClick(headline, Qt.Key.Key_Return)
    qtbot.keyClicks(headline, "!")
    qtbot.keyClick(headline, Qt.Key.Key_Return)
    assert editor.edits.stack.count() == 2


def test_changing_the_selection_never_loses_typing(qtbot, sample_catalog) -> None:
    names = ids_by_name(sample_catalog)
    first, second = names["SHU15_0153.jpg"], names["SHU15_0101.jpg"]
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([first])
    qtbot.keyClicks(editor.fields["caption"].text_box, "Typed just before switching")
    editor.set_photos([second])
    assert caption_of(sample_catalog, first) == "Typed just before switching"
    assert editor.fields["caption"].value() == caption_of(sample_catalog, second)


def test_batch_edit_with_mixed_values(qtbot, sample_catalog) -> None:
    names = ids_by_name(sample_catalog)
    ids = [names["SHU15_0115.jpg"], names["SHU15_0107.jpg"], names["SHU15_0158.jpg"]]
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos(ids)
    caption = editor.fields["caption"].text_box
    assert caption.toPlainText() == "" and caption.placeholderText() == "(multiple values)"
    assert editor.is_mixed("credit")  # one of them has no credit
    assert editor.fields["country"].text() == "Russia"  # shared: shown
    assert "3 photos selected" in editor.header.text()
    before = load_values(sample_catalog, ids, ["caption", "keywords"])
    credit = editor.fields["credit"]
    credit.setFocus()
    qtbot.keyClicks(credit, "Sample Expedition / ")
    credit.insert("Образец")
    credit.textEdited.emit(credit.text())  # as typing does; QTest types ASCII only
    qtbot.keyClick(credit, Qt.Key.Key_Return)
    after = load_values(sample_catalog, ids, ["caption", "credit", "keywords"])
    assert {after[i]["credit"] for i in ids} == {"Sample Expedition / Образец"}
    assert all(after[i]["caption"] == before[i]["caption"] for i in ids)  # left alone
    assert editor.edits.stack.count() == 1
    editor.edits.undo()
    assert load_values(sample_catalog, ids, ["credit"])[ids[2]]["credit"] == ""


def test_keywords_added_to_a_mixed_selection_keep_each_photos_own(qtbot, sample_catalog) -> None:
    names = ids_by_name(sample_catalog)
    ids = [names["SHU15_0115.jpg"], names["SHU15_0116.jpg"]]  # share "tank" and "wreck"
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos(ids)
    keywords = editor.fields["keywords"]
    assert keywords.keywords() == ["tank", "wreck"]
    keywords.setFocus()
    keywords.end(False)
    qtbot.keyClicks(keywords, ", 1945")
    qtbot.keyClick(keywords, Qt.Key.Key_Return)
    values = load_values(sample_catalog, ids, ["keywords"])
    assert values[ids[0]]["keywords"] == ["tank", "Type 95", "wreck", "Height 171", "1945"]
    assert values[ids[1]]["keywords"] == ["tank", "гусеница", "wreck", "1945"]


def test_an_invalid_value_is_refused_with_a_message(qtbot, sample_catalog) -> None:
    photo = ids_by_name(sample_catalog)["SHU15_0101.jpg"]
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([photo])
    code = editor.fields["country_code"]
    code.selectAll()
    qtbot.keyClicks(code, "QQQ")
    qtbot.keyClick(code, Qt.Key.Key_Return)
    assert not editor.error.isVisible()  # said at the field (tests/ui/test_field_errors.py)
    assert editor.field_errors["country_code"].isVisible() and "QQQ" in editor.field_error("country_code")
    assert load_values(sample_catalog, [photo], ["country_code"])[photo]["country_code"] == "RUS"
    assert editor.edits.stack.count() == 0


def test_keyword_completion_offers_keywords_in_use(qtbot, sample_catalog) -> None:
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([ids_by_name(sample_catalog)["SHU15_0153.jpg"]])
    keywords = editor.fields["keywords"]
    keywords.setFocus()
    keywords.end(False)
    keywords.insert(", тра")
    keywords.textEdited.emit(keywords.text())
    completer = keywords.completer_
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "траншея"


def test_a_large_selection_is_read_in_the_background(qtbot, sample_catalog, monkeypatch) -> None:
    from photoarchive.ui.widgets import metadata_editor

    monkeypatch.setattr(metadata_editor, "BACKGROUND_SELECTION", 2)
    names = ids_by_name(sample_catalog)
    ids = [names["SHU15_0115.jpg"], names["SHU15_0107.jpg"], names["SHU15_0158.jpg"]]
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos(ids)
    assert "Reading the fields of 3 photos" in editor.header.text()
    assert not editor.fields["country"].isEnabled()
    qtbot.waitUntil(lambda: editor.fields["country"].isEnabled(), timeout=5000)
    assert editor.fields["country"].text() == "Russia"
    assert editor.is_mixed("caption") and editor.is_mixed("credit")
    assert "3 photos selected" in editor.header.text()
