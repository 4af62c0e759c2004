"""Issue 16's fields in the metadata editor: vocabularies as choices by their labels (the URI
stored, an unknown URI kept), persons shown with completion, structures as small forms, image
regions listed; each read and written through the undo stack, "(multiple values)" when the
selected photos differ."""

from __future__ import annotations

from PySide6.QtCore import Qt

from photoarchive.catalog.curated import load_values
from photoarchive.model.vocabularies import DIGITAL_SOURCE_TYPE_BASE
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.field_editors import VocabularyField
from photoarchive.ui.widgets.metadata_editor import MetadataEditor
from tests.ui.conftest import ids_by_name

NEGATIVE = DIGITAL_SOURCE_TYPE_BASE + "negativeFilm"


def _editor(qtbot, catalog) -> MetadataEditor:
    editor = MetadataEditor(catalog, PhotoEdits(catalog))
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _stored(catalog, photo: int, name: str):
    return load_values(catalog, [photo], [name])[photo][name]


def _choose(qtbot, box, text: str) -> None:
    box.setFocus()
    target = box.findText(text)
    assert target >= 0, text
    box.setCurrentIndex(target)
    box.activated.emit(target)
    qtbot.keyClick(box, Qt.Key.Key_Tab)


def test_a_vocabulary_chosen_by_its_label_is_stored_as_its_uri(qtbot, sample_catalog) -> None:
    photo = ids_by_name(sample_catalog)["SHU15_0153.jpg"]
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([photo])
    box = editor.fields["digital_source_type"]
    assert isinstance(box, VocabularyField) and isinstance(editor.fields["model_release_status"], VocabularyField)
    assert box.itemData(box.findText("Digitised from a negative on film")) == NEGATIVE
    _choose(qtbot, box, "Digitised from a negative on film")
    editor.flush()
    assert _stored(sample_catalog, photo, "digital_source_type") == NEGATIVE
    editor.edits.undo()
    assert _stored(sample_catalog, photo, "digital_source_type") == ""
    assert box.currentText() == "None"


def test_a_uri_the_vocabulary_does_not_list_is_shown_and_kept(qtbot, sample_catalog) -> None:
    names = ids_by_name(sample_catalog)
    photo, other = names["SHU15_0153.jpg"], names["SHU15_0115.jpg"]
    editor = _editor(qtbot, sample_catalog)
    unknown = DIGITAL_SOURCE_TYPE_BASE + "someFutureTerm"
    editor.edits.apply([photo], {"digital_source_type": unknown}, "a newer term")
    editor.set_photos([photo])
    box = editor.fields["digital_source_type"]
    assert unknown in box.currentText() and box.value() == unknown
    _choose(qtbot, box, box.currentText())  # chosen again: unchanged
    editor.flush()
    assert _stored(sample_catalog, photo, "digital_source_type") == unknown
    editor.set_photos([other])  # the other photo's box does not offer the first one's URI
    assert box.findData(unknown) < 0 and box.currentText() == "None"


def test_a_vocabulary_that_differs_shows_multiple_values(qtbot, sample_catalog) -> None:
    names = ids_by_name(sample_catalog)
    ids = [names["SHU15_0153.jpg"], names["SHU15_0115.jpg"]]
    editor = _editor(qtbot, sample_catalog)
    editor.edits.apply(ids[:1], {"digital_source_type": NEGATIVE}, "one")
    editor.set_photos(ids)
    box = editor.fields["digital_source_type"]
    assert box.currentIndex() == -1 and box.currentText() == "" and box.placeholderText() == "(multiple values)"
    _choose(qtbot, box, "Digitised from a print on non-transparent medium")
    editor.flush()
    assert {_stored(sample_catalog, i, "digital_source_type") for i in ids} == {DIGITAL_SOURCE_TYPE_BASE + "print"}
    editor.edits.undo()  # one step for both
    assert [_stored(sample_catalog, i, "digital_source_type") for i in ids] == [NEGATIVE, ""]


def test_persons_shown_complete_from_those_used_before(qtbot, sample_catalog) -> None:
    names = ids_by_name(sample_catalog)
    photo, other = names["SHU15_0153.jpg"], names["SHU15_0115.jpg"]
    editor = _editor(qtbot, sample_catalog)
    editor.edits.apply([other], {"persons_shown": ["Ivanov, Pyotr", "Sato Kenji"]}, "persons")
    editor.set_photos([photo])
    box = editor.fields["persons_shown"]
    box.setFocus()
    qtbot.keyClicks(box, "Anna Petrova; iva")
    completer = box.completer_
    assert completer.completionCount() == 1 and completer.currentCompletion() == "Ivanov, Pyotr"
    completer.activated.emit("Ivanov, Pyotr")
    assert box.text() == "Anna Petrova; Ivanov, Pyotr;"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert _stored(sample_catalog, photo, "persons_shown") == ["Anna Petrova", "Ivanov, Pyotr"]
    editor.edits.undo()
    assert _stored(sample_catalog, photo, "persons_shown") == []
    assert box.text() == ""


def test_persons_that_differ_show_multiple_values_and_a_change_goes_to_all(qtbot, sample_catalog) -> None:
    names = ids_by_name(sample_catalog)
    ids = [names["SHU15_0153.jpg"], names["SHU15_0115.jpg"]]
    editor = _editor(qtbot, sample_catalog)
    editor.edits.apply(ids[:1], {"persons_shown": ["Sato Kenji"]}, "one")
    editor.set_photos(ids)
    box = editor.fields["persons_shown"]
    assert box.text() == "" and box.placeholderText() == "(multiple values)"
    box.setFocus()
    qtbot.keyClicks(box, "Anna Petrova")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert [_stored(sample_catalog, i, "persons_shown") for i in ids] == [["Anna Petrova"]] * 2
    editor.edits.undo()
    assert [_stored(sample_catalog, i, "persons_shown") for i in ids] == [["Sato Kenji"], []]


REFERENCE = "IPTC-PhotometadataRef-Std2022.1.jpg"


def _reference(catalog, tmp_path) -> int:
    """The IPTC 2022.1 reference image imported into the catalog: its id."""
    import shutil
    from pathlib import Path

    from tests.conftest import run_import

    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(Path(__file__).parents[1] / "data" / "samples" / "metadata" / REFERENCE, card)
    run_import(catalog, card)
    return ids_by_name(catalog)[REFERENCE]


def test_the_reference_image_fills_the_structured_forms(qtbot, sample_catalog, tmp_path) -> None:
    photo = _reference(sample_catalog, tmp_path)
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([photo])
    stored = load_values(sample_catalog, [photo], ["artworks", "location_created", "licensors", "image_regions"])[photo]
    artworks = editor.fields["artworks"]
    assert len(artworks.forms) == len(stored["artworks"]) >= 1
    assert artworks.value() == stored["artworks"]  # list members (creators) as typed back
    assert artworks.forms[0].lines["title"].text() == stored["artworks"][0]["title"]
    assert artworks.forms[0].lines["creator"].text() == ", ".join(stored["artworks"][0]["creator"])
    assert editor.fields["location_created"].value() == stored["location_created"]
    assert editor.fields["licensors"].value() == stored["licensors"]
    regions = editor.fields["image_regions"]
    assert len(regions.text().splitlines()) == len(stored["image_regions"]) > 0
    assert "rectangle" in regions.text() and "Listener 1" in regions.text()


def test_a_member_typed_in_a_structure_is_one_undo_step(qtbot, sample_catalog) -> None:
    photo = ids_by_name(sample_catalog)["SHU15_0153.jpg"]
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([photo])
    location = editor.fields["location_created"]
    city = location.form.lines["city"]
    city.setFocus()
    qtbot.keyClicks(city, "Severo-Kurilsk")
    qtbot.keyClick(city, Qt.Key.Key_Return)
    assert _stored(sample_catalog, photo, "location_created") == {"city": "Severo-Kurilsk"}
    editor.edits.undo()
    assert _stored(sample_catalog, photo, "location_created") == {}
    assert city.text() == ""


def test_artworks_added_and_removed_as_a_repeated_form(qtbot, sample_catalog) -> None:
    names = ids_by_name(sample_catalog)
    ids = [names["SHU15_0153.jpg"], names["SHU15_0115.jpg"]]
    editor = _editor(qtbot, sample_catalog)
    first = {"title": "Medal 'For Courage'", "creator": ["Mint"]}
    editor.edits.apply(ids[:1], {"artworks": [first]}, "one")
    editor.set_photos(ids)
    artworks = editor.fields["artworks"]
    assert artworks.forms == [] and artworks.mixed_label.isVisible()  # whole lists compared
    editor.set_photos(ids[:1])
    assert artworks.value() == [first] and not artworks.mixed_label.isVisible()
    form = artworks.add_form()
    qtbot.keyClicks(form.lines["title"], "Map of Shumshu")
    qtbot.keyClicks(form.lines["creator"], "Army survey, Unit 5")
    qtbot.keyClick(form.lines["creator"], Qt.Key.Key_Return)
    second = {"title": "Map of Shumshu", "creator": ["Army survey", "Unit 5"]}
    assert _stored(sample_catalog, ids[0], "artworks") == [first, second]
    artworks.remove_form(artworks.forms[0])
    assert _stored(sample_catalog, ids[0], "artworks") == [second]
    assert len(artworks.forms) == 1
    editor.edits.undo()
    assert _stored(sample_catalog, ids[0], "artworks") == [first, second]
    assert [f.value() for f in artworks.forms] == [first, second]


def test_the_location_created_filled_from_a_place(qtbot, sample_catalog, monkeypatch) -> None:
    from photoarchive.places import Gazetteer

    photo = ids_by_name(sample_catalog)["SHU15_0153.jpg"]
    editor = _editor(qtbot, sample_catalog)
    editor.edits.apply([photo], {"location_created": {"location_name": "Height 171"}}, "name")
    editor.set_photos([photo])
    gazetteer = Gazetteer.load(sample_catalog)
    place = next(p for p in gazetteer if gazetteer.location_fields(p)["city"] or gazetteer.location_fields(p)["state"])
    expected = {k: v for k, v in gazetteer.location_fields(place).items() if v}
    monkeypatch.setattr(editor, "choose_place", lambda _gazetteer: place)
    editor.fields["location_created"].fill_button.click()
    assert _stored(sample_catalog, photo, "location_created") == {"location_name": "Height 171", **expected}
    editor.edits.undo()
    assert _stored(sample_catalog, photo, "location_created") == {"location_name": "Height 171"}
