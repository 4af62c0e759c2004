"""Structured fields in the metadata editor with photos that differ (issue 16): a member typed
goes to every photo, each keeping its other members; a list of structures shows the items all
share, and editing, removing or adding one changes each photo's list, whose other items stay;
each change is one undo step that gives each photo its own structure back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from photoarchive.catalog.curated import load_values
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.metadata_editor import MetadataEditor
from tests.ui.conftest import ids_by_name

KURILSK = {"sublocation": "Height 165", "city": "Kurilsk", "state": "Sakhalin Oblast", "country": "Russia"}
KOKUTAN = {"location_name": "Cape Kokutan", "state": "Sakhalin Oblast", "country": "Japan", "country_code": "JPN"}
MEDAL = {"title": "Medal For Courage", "creator": ["Mint"]}
MAP = {"title": "Map of Shumshu", "source_inventory_number": "KM-7"}
LETTER = {"title": "Letter home", "date_created": "1945-08"}


def _editor(qtbot, catalog, ids: list[int], values: dict[int, dict]) -> MetadataEditor:
    editor = MetadataEditor(catalog, PhotoEdits(catalog))
    qtbot.addWidget(editor)
    editor.show()
    editor.edits.apply(ids, values.__getitem__, "each its own")
    editor.set_photos(ids)
    return editor


def _stored(catalog, ids: list[int], name: str) -> list:
    values = load_values(catalog, ids, [name])
    return [values[i][name] for i in ids]


def _type(qtbot, line, text: str) -> None:
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def _photos(catalog) -> list[int]:
    names = ids_by_name(catalog)
    return [names["SHU15_0153.jpg"], names["SHU15_0115.jpg"]]


def test_a_member_typed_keeps_each_photos_other_members(qtbot, sample_catalog) -> None:
    ids = _photos(sample_catalog)
    own = {ids[0]: {"location_created": KURILSK}, ids[1]: {"location_created": KOKUTAN}}
    editor = _editor(qtbot, sample_catalog, ids, own)
    form = editor.fields["location_created"].form
    assert form.lines["state"].text() == "Sakhalin Oblast"  # shared: shown
    for member in ("city", "country", "sublocation", "location_name", "country_code"):  # differing
        assert form.lines[member].text() == "" and form.lines[member].placeholderText() == "(multiple values)"
        assert form.lines[member].isVisibleTo(form)
    _type(qtbot, form.lines["city"], "Severo-Kurilsk")
    assert _stored(sample_catalog, ids, "location_created") == [
        {**KURILSK, "city": "Severo-Kurilsk"},
        {**KOKUTAN, "city": "Severo-Kurilsk"},
    ]
    _type(qtbot, form.lines["state"], "Sakhalin")  # a shared member changed: on both, the rest kept
    assert [v["state"] for v in _stored(sample_catalog, ids, "location_created")] == ["Sakhalin"] * 2
    assert _stored(sample_catalog, ids, "location_created")[1]["country"] == "Japan"
    editor.edits.undo()
    editor.edits.undo()  # each change one step: each photo's own structure back, exactly
    assert _stored(sample_catalog, ids, "location_created") == [KURILSK, KOKUTAN]
    assert form.lines["city"].placeholderText() == "(multiple values)" and form.lines["city"].text() == ""


def test_filling_from_a_place_keeps_each_photos_other_members(qtbot, sample_catalog, monkeypatch) -> None:
    from photoarchive.places import Gazetteer

    ids = _photos(sample_catalog)
    own = {ids[0]: {"location_created": {"location_name": "Height 171"}}, ids[1]: {"location_created": KOKUTAN}}
    editor = _editor(qtbot, sample_catalog, ids, own)
    gazetteer = Gazetteer.load(sample_catalog)
    place = next(p for p in gazetteer if gazetteer.location_fields(p)["city"] or gazetteer.location_fields(p)["state"])
    names = gazetteer.location_fields(place)
    monkeypatch.setattr(editor, "choose_place", lambda _gazetteer: place)
    editor.fields["location_created"].fill_button.click()
    after = _stored(sample_catalog, ids, "location_created")
    assert after[0]["location_name"] == "Height 171" and after[1]["location_name"] == "Cape Kokutan"
    assert all(value.get(k, "") == v for value in after for k, v in names.items())
    editor.edits.undo()
    assert _stored(sample_catalog, ids, "location_created") == [own[i]["location_created"] for i in ids]


def test_a_list_of_structures_shows_and_changes_the_items_all_share(qtbot, sample_catalog) -> None:
    ids = _photos(sample_catalog)
    own = {ids[0]: {"artworks": [MEDAL, MAP]}, ids[1]: {"artworks": [LETTER, MEDAL]}}
    editor = _editor(qtbot, sample_catalog, ids, own)
    artworks = editor.fields["artworks"]
    assert [form.value() for form in artworks.forms] == [MEDAL]  # the one both hold
    assert artworks.mixed_label.isVisible() and "on 2 photo" in artworks.mixed_label.text()
    _type(qtbot, artworks.forms[0].lines["source_inventory_number"], "KM-12")
    medal = {**MEDAL, "source_inventory_number": "KM-12"}
    assert _stored(sample_catalog, ids, "artworks") == [[medal, MAP], [LETTER, medal]]
    editor.edits.undo()  # one step: each photo's own list back
    assert _stored(sample_catalog, ids, "artworks") == [[MEDAL, MAP], [LETTER, MEDAL]]

    added = artworks.add_form()
    _type(qtbot, added.lines["title"], "Diary")
    assert _stored(sample_catalog, ids, "artworks") == [
        [MEDAL, MAP, {"title": "Diary"}],
        [LETTER, MEDAL, {"title": "Diary"}],
    ]
    artworks.remove_form(artworks.forms[0])  # the medal: taken from both, their own items kept
    assert _stored(sample_catalog, ids, "artworks") == [[MAP, {"title": "Diary"}], [LETTER, {"title": "Diary"}]]
    editor.edits.undo()
    editor.edits.undo()
    assert _stored(sample_catalog, ids, "artworks") == [[MEDAL, MAP], [LETTER, MEDAL]]
    assert [form.value() for form in artworks.forms] == [MEDAL]


def test_a_member_of_a_contact_typed_on_photos_that_differ(qtbot, sample_catalog) -> None:
    ids = _photos(sample_catalog)
    own = {
        ids[0]: {"creator_contact_info": {"email": "a@example.org", "city": "Moscow"}},
        ids[1]: {"creator_contact_info": {"email": "b@example.org", "url": "https://example.org"}},
    }
    editor = _editor(qtbot, sample_catalog, ids, own)
    form = editor.fields["creator_contact_info"].form
    _type(qtbot, form.lines["phone"], "+7 495 000 00 00")
    assert _stored(sample_catalog, ids, "creator_contact_info") == [
        {**own[i]["creator_contact_info"], "phone": "+7 495 000 00 00"} for i in ids
    ]
    editor.edits.undo()
    assert _stored(sample_catalog, ids, "creator_contact_info") == [own[i]["creator_contact_info"] for i in ids]
    email = form.lines["email"]  # differs: typed in, then emptied, it is emptied on every photo (as a flat field)
    email.setFocus()
    qtbot.keyClicks(email, "x")
    qtbot.keyClick(email, Qt.Key.Key_Backspace)
    qtbot.keyClick(email, Qt.Key.Key_Return)
    assert _stored(sample_catalog, ids, "creator_contact_info") == [
        {"city": "Moscow"},
        {"url": "https://example.org"},
    ]
