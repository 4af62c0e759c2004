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
