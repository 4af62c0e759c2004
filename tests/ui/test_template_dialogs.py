"""Templates in the window: created and changed in a dialog (fields from the declaration,
variables checked at the field, a mode per field), and applied after a preview, as one undo step."""

from __future__ import annotations

from photoarchive.catalog.curated import load_values
from photoarchive.templates import find_template
from photoarchive.ui.dialogs import template_dialog, template_preview_dialog
from photoarchive.ui.dialogs.template_dialog import TemplateDialog
from tests.ui.conftest import ids_by_name, shot


def _action(menu, text: str):
    return next(a for a in menu.actions() if a.text() == text)


def test_a_template_made_in_the_window_fills_only_empty_creators_after_a_preview(qtbot, window, monkeypatch) -> None:
    names = ids_by_name(window.catalog)
    three = [names["SHU15_0107.jpg"], names["SHU15_0115.jpg"], names["SHU15_0153.jpg"]]
    typed = {three[0]: "Anna Sidorova", three[1]: "", three[2]: ""}  # typed on one, none on two
    window.edits.apply(three, lambda pid: {"creator": typed[pid]}, "typed")
    before = load_values(window.catalog, three, ["creator", "keywords"])

    def make(dialog: TemplateDialog) -> int:
        dialog.show()
        qtbot.keyClicks(dialog.name, "Field team")
        creator = dialog.rows["creator"]
        creator.include.setChecked(True)
        qtbot.keyClicks(creator.editor, "Ivan Petrov {photographer}")
        assert "unknown variable {photographer}" in creator.error.text() and creator.error.isVisibleTo(dialog)
        assert not dialog.ok_button.isEnabled()
        shot(dialog, "template-editor-error")
        creator.editor.setText("Ivan Petrov")
        creator.editor.textEdited.emit("Ivan Petrov")
        assert not creator.error.isVisibleTo(dialog) and dialog.ok_button.isEnabled()
        creator.mode.setCurrentIndex(creator.mode.findData("fill"))
        keywords = dialog.rows["keywords"]
        keywords.include.setChecked(True)
        keywords.editor.setText("field team, Shumshu")
        keywords.mode.setCurrentIndex(keywords.mode.findData("append"))
        assert dialog.rows["caption"].mode.findData("append") == -1  # append is for lists
        country = dialog.rows["country_code"]
        country.include.setChecked(True)
        country.editor.setText("Atlantis")
        dialog.accept()  # refused by the template's check, shown at the field
        assert dialog.result() == 0 and "country code" in country.error.text().lower()
        shot(dialog, "template-editor")
        country.include.setChecked(False)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(template_dialog.TemplateDialog, "exec", make)
    window.editing.fill_templates_menu()
    _action(window.editing.templates_menu, "New Template…").trigger()
    stored = find_template(window.catalog, "Field team")
    assert stored.values == {"creator": "Ivan Petrov", "keywords": ["field team", "Shumshu"]}
    assert stored.modes == {"creator": "fill", "keywords": "append"}

    window.select_photos(three)
    qtbot.waitUntil(lambda: sorted(window.editor.photo_ids()) == sorted(three))
    shown = {}

    def look(dialog) -> int:
        dialog.show()
        table = dialog.table
        rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in (1, 2, 3)] for r in range(table.rowCount())}
        shown.update(rows=rows, summary=dialog.summary.text())
        shot(dialog, "template-preview")
        return 1

    monkeypatch.setattr(template_preview_dialog.TemplatePreviewDialog, "exec", look)
    count = window.edits.stack.count()
    window.editing.fill_templates_menu()
    _action(window.editing.templates_menu, "Field team").trigger()
    assert shown["rows"]["Creator (if empty)"] == ["(multiple values)", "(multiple values)", "2 photos"]
    assert shown["rows"]["Keywords"][2] == "3 photos"
    assert shown["summary"] == "3 of the selected photos would change. (3 photos selected)"
    after = load_values(window.catalog, three, ["creator", "keywords"])
    assert after[three[0]]["creator"] == "Anna Sidorova"  # typed: kept
    assert after[three[1]]["creator"] == after[three[2]]["creator"] == "Ivan Petrov"
    for pid in three:
        assert after[pid]["keywords"][: len(before[pid]["keywords"])] == before[pid]["keywords"]
        assert "field team" in after[pid]["keywords"]
    assert window.edits.stack.count() == count + 1  # one undo step
    window.edits.undo()
    assert load_values(window.catalog, three, ["creator", "keywords"]) == before


def test_cancelling_the_preview_changes_nothing_and_a_template_is_edited(qtbot, window, monkeypatch) -> None:
    names = ids_by_name(window.catalog)
    window.select_photos([names["SHU15_0153.jpg"]])
    qtbot.waitUntil(lambda: window.editor.photo_ids() == [names["SHU15_0153.jpg"]])
    before = load_values(window.catalog, [names["SHU15_0153.jpg"]], ["credit"])
    monkeypatch.setattr(template_preview_dialog.TemplatePreviewDialog, "exec", lambda self: 0)
    count = window.edits.stack.count()
    window.editing.apply_template("Sample Expedition 2015")
    assert window.edits.stack.count() == count
    assert load_values(window.catalog, [names["SHU15_0153.jpg"]], ["credit"]) == before

    def change(dialog: TemplateDialog) -> int:
        assert dialog.name.text() == "Sample Expedition 2015" and dialog.rows["credit"].include.isChecked()
        dialog.rows["credit"].mode.setCurrentIndex(dialog.rows["credit"].mode.findData("fill"))
        dialog.rows["usage_terms"].include.setChecked(False)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(template_dialog.TemplateDialog, "exec", change)
    window.editing.edit_template("Sample Expedition 2015")
    stored = find_template(window.catalog, "Sample Expedition 2015")
    assert stored.modes == {"credit": "fill"} and "usage_terms" not in stored.values
