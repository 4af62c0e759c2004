"""The editor's languages (issue 14): the switch, typing in one language, undo of that
language alone, adding a language, side by side, a selection whose languages differ."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from photoarchive.catalog.curated import load_values
from photoarchive.catalog.translations import languages
from photoarchive.edits import apply_edit, set_archive_languages
from photoarchive.ui.dialogs.language_dialog import AddLanguageDialog
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.metadata_editor import MetadataEditor
from tests.ui.conftest import ids_by_name

RU = "Японские танки у мыса Кокутан"
JA = "国端崎の日本軍戦車"


def _photos(catalog) -> list[int]:
    names = ids_by_name(catalog)
    return [names["SHU15_0115.jpg"], names["SHU15_0107.jpg"]]


def _with_languages(catalog) -> list[int]:
    """en (default), ru and ja; the first photo captioned in all three, the second in ru
    differently and not in ja."""
    set_archive_languages(catalog, ["en", "ru", "ja"])
    first, second = _photos(catalog)
    apply_edit(catalog, [first], {"caption": "Japanese tanks at Cape Kokutan", "caption[ru]": RU, "caption[ja]": JA})
    apply_edit(catalog, [second], {"caption[ru]": "Другая подпись"})
    return [first, second]


def _editor(qtbot, catalog) -> MetadataEditor:
    editor = MetadataEditor(catalog, PhotoEdits(catalog))
    qtbot.addWidget(editor)
    editor.resize(480, 900)
    editor.show()
    return editor


def _values(catalog, photo: int, *keys: str) -> dict:
    return load_values(catalog, [photo], list(keys))[photo]


def test_the_switch_shows_the_languages_and_each_one_s_values(qtbot, sample_catalog) -> None:
    first, _second = _with_languages(sample_catalog)
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([first])
    switch = editor.languages.switch
    assert [b.text() for b in switch.buttons.values()] == ["EN (default)", "RU", "JA"]
    assert switch.buttons["en"].isChecked()
    credit = editor.fields["credit"].text()
    switch.buttons["ru"].click()
    assert editor.fields["caption"].value() == RU
    assert editor.fields["credit"].text() == credit  # shared: the same in every language
    assert editor.languages.label("caption", "Caption") == "Caption (ru)"
    assert "(all languages)" in editor._field_labels["keywords"].text()
    assert switch.note.text().startswith("Fields marked RU: Russian (ru).")
    assert editor._field_labels["caption"].text() == "Caption · RU"
    switch.buttons["ja"].click()
    assert editor.fields["caption"].value() == JA


def test_typing_in_russian_edits_the_russian_caption_alone_and_undo_restores_it(qtbot, sample_catalog) -> None:
    first, _second = _with_languages(sample_catalog)
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([first])
    editor.languages.switch.buttons["ru"].click()
    box = editor.fields["caption"].text_box
    box.setFocus()
    box.selectAll()
    box.insertPlainText("Танки на мысе Кокутан")
    editor.flush()
    stored = _values(sample_catalog, first, "caption", "caption[ru]", "caption[ja]")
    assert stored == {
        "caption": "Japanese tanks at Cape Kokutan",
        "caption[ru]": "Танки на мысе Кокутан",
        "caption[ja]": JA,
    }
    assert editor.edits.stack.undoText() == "Caption (ru) of SHU15_0115.jpg"
    editor.edits.undo()
    assert _values(sample_catalog, first, "caption[ru]")["caption[ru]"] == RU
    assert box.toPlainText() == RU  # the editor still shows Russian after the undo
    assert editor.languages.language == "ru"


def test_a_change_elsewhere_keeps_the_language_shown(qtbot, sample_catalog) -> None:
    first, _second = _with_languages(sample_catalog)
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([first])
    editor.languages.switch.buttons["ja"].click()
    apply_edit(sample_catalog, [first], {"caption[ja]": "国端崎"})  # the command line, say
    editor.refresh_changed_elsewhere([first])
    assert editor.fields["caption"].value() == "国端崎"
    assert editor.languages.switch.current() == "ja"


def test_side_by_side_shows_the_default_language_read_only(qtbot, sample_catalog) -> None:
    first, _second = _with_languages(sample_catalog)
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([first])
    switch = editor.languages.switch
    switch.buttons["ru"].click()
    switch.side_by_side.click()
    beside = editor.languages.beside_fields["caption"]
    assert beside.isVisible() and beside.text_box.isReadOnly()
    assert beside.value() == "Japanese tanks at Cape Kokutan"
    assert editor.fields["caption"].value() == RU
    assert "English (en), read-only" in beside.toolTip()
    switch.beside_box.setCurrentIndex(switch.beside_box.findData("ja"))
    switch.beside_box.activated.emit(switch.beside_box.currentIndex())
    assert beside.value() == JA
    switch.side_by_side.click()
    assert not beside.isVisible()


def test_a_selection_whose_russian_captions_differ(qtbot, sample_catalog) -> None:
    ids = _with_languages(sample_catalog)
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos(ids)
    editor.languages.switch.buttons["ru"].click()
    editor.languages.switch.side_by_side.click()
    caption = editor.fields["caption"].text_box
    assert caption.toPlainText() == "" and caption.placeholderText() == "(multiple values)"
    assert editor.is_mixed("caption")
    beside = editor.languages.beside_fields["caption"].text_box
    assert beside.placeholderText() == "(multiple values)"  # their English captions differ too
    caption.setFocus()
    caption.insertPlainText("Общая подпись")
    editor.flush()
    stored = load_values(sample_catalog, ids, ["caption", "caption[ru]"])
    assert [stored[i]["caption[ru]"] for i in ids] == ["Общая подпись", "Общая подпись"]
    assert stored[ids[0]]["caption"] == "Japanese tanks at Cape Kokutan"  # English untouched
    editor.edits.undo()
    stored = load_values(sample_catalog, ids, ["caption[ru]"])
    assert [stored[i]["caption[ru]"] for i in ids] == [RU, "Другая подпись"]


def test_adding_a_language_asks_for_captions_in_it(qtbot, sample_catalog, monkeypatch) -> None:
    set_archive_languages(sample_catalog, ["en"])
    first, _second = _photos(sample_catalog)
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([first])
    switch = editor.languages.switch
    assert not switch.buttons and not switch.side_by_side.isVisible()  # one language: only "+"
    assert switch.add_button.isVisible()

    def answer(dialog: AddLanguageDialog) -> int:
        dialog.tag.setText("RUS")
        return 1

    monkeypatch.setattr(AddLanguageDialog, "exec", answer)
    switch.add_button.click()
    assert languages(sample_catalog) == ["en", "ru"]
    assert list(switch.buttons) == ["en", "ru"] and switch.buttons["ru"].isChecked()
    assert "Russian (ru)" in editor.attention.text()  # now asked for: the photo lacks it


def test_the_dialog_checks_the_tag_as_it_is_typed(qtbot, sample_catalog) -> None:
    dialog = AddLanguageDialog("en", ["en", "ru"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.tag.setText("ja")
    assert ok.isEnabled() and dialog.tag_note.text() == "Japanese (ja)" and dialog.language() == "ja"
    dialog.tag.setText("jp")  # a country, not a language
    assert not ok.isEnabled() and "is not a language tag" in dialog.tag_note.text()
    dialog.tag.setText("ru")
    assert not ok.isEnabled() and "already one of the archive's languages" in dialog.tag_note.text()
    dialog.tag.setText("x-default")
    assert not ok.isEnabled()


def test_an_archive_without_languages_is_asked_the_language_of_its_fields(qtbot, sample_catalog, monkeypatch) -> None:
    first, _second = _photos(sample_catalog)
    before = _values(sample_catalog, first, "caption")["caption"]
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos([first])

    def answer(dialog: AddLanguageDialog) -> int:
        assert dialog.default_tag is not None
        dialog.default_tag.setText("en")
        dialog.tag.setText("ja")
        dialog.ask.setChecked(False)  # offered in the switch, not asked for
        return 1

    monkeypatch.setattr(AddLanguageDialog, "exec", answer)
    editor.languages.switch.add_button.click()
    assert languages(sample_catalog) == ["en"]
    assert list(editor.languages.switch.buttons) == ["en", "ja"]
    assert editor.fields["caption"].value() == ""  # no Japanese caption yet
    assert _values(sample_catalog, first, "caption")["caption"] == before


def test_copy_and_paste_carry_the_language_the_editor_shows(qtbot, sample_catalog, tmp_path, monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    from photoarchive.ui.dialogs import paste_dialog
    from photoarchive.ui.edit_controller import EditController

    first, second = _with_languages(sample_catalog)
    english = _values(sample_catalog, second, "caption")["caption"]
    editor = _editor(qtbot, sample_catalog)
    selected = [first]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    editing = EditController(sample_catalog, editor.edits, lambda: selected, editor, settings)
    editor.set_photos([first])
    editor.languages.switch.buttons["ja"].click()
    editing.copy_metadata()
    assert editing.copied["caption"] == JA
    selected[:] = [second]
    monkeypatch.setattr(paste_dialog.PasteFieldsDialog, "exec", lambda self: 1)
    monkeypatch.setattr(paste_dialog.PasteFieldsDialog, "chosen", lambda self: ["caption"])
    editing.paste_metadata()
    assert _values(sample_catalog, second, "caption", "caption[ja]") == {"caption": english, "caption[ja]": JA}
    editor.edits.clear()  # while the controller's actions, which follow the stack, are there


def test_a_large_selection_read_in_the_background_shows_the_language_and_the_one_beside(
    qtbot, sample_catalog, monkeypatch
) -> None:
    from photoarchive.ui.widgets import metadata_editor

    ids = _with_languages(sample_catalog)
    monkeypatch.setattr(metadata_editor, "BACKGROUND_SELECTION", 1)
    editor = _editor(qtbot, sample_catalog)
    editor.set_photos(ids[:1])
    qtbot.waitUntil(lambda: editor.fields["caption"].isEnabled(), timeout=5000)
    editor.languages.switch.buttons["ja"].click()
    editor.languages.switch.side_by_side.click()
    editor.set_photos(ids)
    qtbot.waitUntil(lambda: editor.fields["caption"].isEnabled(), timeout=5000)
    assert editor.is_mixed("caption")  # one in Japanese, one without
    beside = editor.languages.beside_fields["caption"]
    assert beside.text_box.placeholderText() == "(multiple values)"
    editor.set_photos(ids[:1])
    qtbot.waitUntil(lambda: editor.fields["caption"].value() == JA, timeout=5000)
    assert beside.value() == "Japanese tanks at Cape Kokutan"
