"""The place editor's form: the location field a place fills, named as its declaration names it."""

from __future__ import annotations

from photoarchive.catalog import Catalog
from photoarchive.model.curated import FIELDS_BY_NAME
from photoarchive.places import Gazetteer
from photoarchive.ui.widgets.place_editor import PlaceEditor
from tests.places.conftest import build_shumshu


def test_the_field_a_place_fills_has_the_label_of_its_declaration(qtbot, catalog: Catalog) -> None:
    shumshu = build_shumshu(catalog)
    editor = PlaceEditor()
    qtbot.addWidget(editor)
    editor.set_place(shumshu.oblast, Gazetteer.load(catalog))  # a region: fills Province or state
    choices = {editor.field.itemData(i): editor.field.itemText(i) for i in range(editor.field.count())}
    for name in ("sublocation", "city", "state", "country"):
        assert choices[name] == FIELDS_BY_NAME[name].label
    assert choices["state"] == "Province or state" and choices["none"] == "no field"
    assert choices[""] == "By kind (Province or state)"
