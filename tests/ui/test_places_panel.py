"""The places panel alone: the tree model, editing a place, assigning, undo, import and export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_fields
from photoarchive.model import Place
from photoarchive.places import Gazetteer, add_place, edit_place, remove_place
from photoarchive.ui.commands import CANCEL, DROP, FORCE
from photoarchive.ui.models.place_tree_model import PLACE_ID_ROLE, Column, PlaceTreeModel
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.places_panel import PlacesPanel
from tests.places.conftest import Shumshu, add_photo, build_shumshu
from tests.ui.conftest import applied


@pytest.fixture
def shumshu(catalog: Catalog) -> Shumshu:
    return build_shumshu(catalog)


def test_tree_model_without_widgets(catalog: Catalog, shumshu: Shumshu) -> None:
    model = PlaceTreeModel()
    model.set_places(Gazetteer.load(catalog), {shumshu.height.id: 3})
    assert model.rowCount() == 1
    russia = model.index(0, 0)
    assert model.data(russia) == "Russia" and model.data(russia, PLACE_ID_ROLE) == shumshu.russia.id
    island = model.index_of(shumshu.island.id)
    assert [model.data(model.index(r, 0, island)) for r in range(model.rowCount(island))] == [
        "Cape Kokutan",
        "Height 171",
        "Soviet landing beach",
    ]
    height = model.index_of(shumshu.height.id)
    assert model.data(height.siblingAtColumn(Column.PHOTOS)) == 3
    assert model.data(height.siblingAtColumn(Column.FIELD)) == "sublocation"
    assert model.parent(height) == island and model.parent(russia) == QModelIndex()
    assert "Russia > Sakhalin Oblast > Kuril Islands > Shumshu > Height 171" in model.data(
        height, Qt.ItemDataRole.ToolTipRole
    )
    # The filter finds names in any language and keeps the way to them.
    model.set_filter("国端")
    assert model.rowCount() == 1 and model.index_of(shumshu.cape.id).isValid()
    assert not model.index_of(shumshu.height.id).isValid()


def test_assign_and_edit_with_undo(qtbot, catalog: Catalog, shumshu: Shumshu, edits: PhotoEdits) -> None:
    photos = [add_photo(catalog, n) for n in range(3)]
    panel = PlacesPanel(catalog, edits=edits, selected_ids=lambda: photos)
    qtbot.addWidget(panel)
    panel.select_place(shumshu.height.id)
    assert panel.editor.name.text() == "Height 171"
    with qtbot.waitSignal(panel.photos_changed):
        panel.assign_current()
    assert applied(edits)[-1].description == "Place 3 photos at Height 171"
    assert edits.stack.count() == 1  # the assignment: one step
    assert load_fields(catalog, photos)[photos[0]].sublocation == "Height 171"
    assert panel.model.data(panel.model.index_of(shumshu.height.id).siblingAtColumn(Column.PHOTOS)) == 3

    # Rename the island in the form: the photos follow, as one undo step.
    panel.select_place(shumshu.island.id)
    panel.editor.name.setText("Shumshu Island")
    panel.editor.alt_names.setPlainText("ru: Шумшу\nja: 占守島")
    assert panel.save_current()
    assert load_fields(catalog, photos)[photos[1]].city == "Shumshu Island"
    assert edits.stack.count() == 2  # the edit of the place: one more step on the same stack
    edits.stack.undo()
    assert load_fields(catalog, photos)[photos[1]].city == "Shumshu"
    assert Gazetteer.load(catalog).get(shumshu.island.id).alt_names[-1].name == "Shimushu"
    edits.stack.redo()
    assert Gazetteer.load(catalog).get(shumshu.island.id).name == "Shumshu Island"

    # A bad value is reported and changes nothing.
    messages = []
    panel.failed.connect(messages.append)
    panel.editor.latitude.setText("95")
    assert not panel.save_current()
    assert "latitude" in messages[-1] and edits.stack.count() == 2


def test_coordinates_keep_every_digit_typed(qtbot, catalog: Catalog, shumshu: Shumshu, edits: PhotoEdits) -> None:
    """The form showed six significant digits (156.2547 as "156.255"): saving the place again,
    even without touching its coordinates, moved it."""
    beach = add_place(
        catalog,
        Place("Beach bunker", parent_id=shumshu.island.id, latitude=50.71534567, longitude=156.2547, radius=1500.5),
    )
    panel = PlacesPanel(catalog, edits=edits, selected_ids=list)
    qtbot.addWidget(panel)
    panel.select_place(beach.id)
    assert (panel.editor.latitude.text(), panel.editor.longitude.text()) == ("50.71534567", "156.2547")
    assert panel.editor.radius.text() == "1500.5"
    panel.editor.notes.setPlainText("Concrete, two embrasures.")  # saved for another reason
    assert panel.save_current()
    saved = Gazetteer.load(catalog).get(beach.id)
    assert (saved.latitude, saved.longitude, saved.radius) == (50.71534567, 156.2547, 1500.5)
    panel.editor.longitude.setText("156.254712345678")
    panel.editor.latitude.setText("-0.00001")
    assert panel.save_current()
    saved = Gazetteer.load(catalog).get(beach.id)
    assert (saved.latitude, saved.longitude) == (-0.00001, 156.254712345678)
    panel.select_place(shumshu.height.id)
    panel.select_place(beach.id)
    assert (panel.editor.latitude.text(), panel.editor.longitude.text()) == ("-0.00001", "156.254712345678")


def test_add_remove_import_export(qtbot, catalog: Catalog, shumshu: Shumshu, edits: PhotoEdits, tmp_path: Path) -> None:
    panel = PlacesPanel(catalog, edits=edits)
    qtbot.addWidget(panel)
    panel.select_place(shumshu.cape.id)
    with qtbot.waitSignal(panel.places_changed):
        gun = panel.add_place("Gun emplacement")
    assert gun is not None and gun.parent_id == shumshu.cape.id and panel.current_place_id() == gun.id
    photo = add_photo(catalog, 1)
    panel.assign([photo], gun.id)
    assert load_fields(catalog, [photo])[photo].sublocation == "Gun emplacement, Cape Kokutan"
    with qtbot.waitSignal(panel.photos_requested) as requested:
        panel.tree.doubleClicked.emit(panel.model.index_of(shumshu.cape.id))
    assert requested.args[0] == [photo]
    assert panel.remove_current(confirm=False)
    assert panel.current_place_id() == shumshu.cape.id
    assert load_fields(catalog, [photo])[photo].sublocation == "Cape Kokutan"

    assert panel.export_file(tmp_path / "places.geojson") == 7
    with Catalog(tmp_path / "other") as other:
        second = PlacesPanel(other, edits=PhotoEdits(other))
        qtbot.addWidget(second)
        second.import_file(tmp_path / "places.geojson")
        assert len(second.gazetteer) == 7
        messages = []
        second.failed.connect(messages.append)
        (tmp_path / "bad.csv").write_text("name,latitude,longitude\nX,91,0\n", encoding="utf-8")
        second.import_file(tmp_path / "bad.csv")
        assert "bad.csv, line 2: latitude '91'" in messages[-1]


def test_suggestions_dialog_accepts_one_by_one_or_all(
    qtbot, catalog: Catalog, shumshu: Shumshu, edits: PhotoEdits
) -> None:
    from tests.places.conftest import CITIES, HEIGHT_171

    near = add_photo(catalog, 1, gps=HEIGHT_171)
    at_sea = add_photo(catalog, 2, gps=(50.5, 156.9))
    panel = PlacesPanel(catalog, edits=edits)
    qtbot.addWidget(panel)
    dialog = panel.open_suggestions(cities=CITIES)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() == "Height 171" and dialog.table.item(1, 1).text() == "Kasivobara, Russia"
    dialog.table.selectRow(0)
    with qtbot.waitSignal(panel.photos_changed):
        dialog.accept_checked.click()
    assert load_fields(catalog, [near])[near].sublocation == "Height 171" and dialog.table.rowCount() == 1
    dialog.accept_all.click()
    assert load_fields(catalog, [at_sea])[at_sea].city == "Kasivobara"
    assert [e.description for e in applied(edits)] == ["Accept suggested places for 1 photo"] * 2
    assert panel.model.index_of(Gazetteer.load(catalog).find("Kasivobara").id).isValid()
    dialog.close()


def test_geotag_dialog_proposes_then_applies(qtbot, catalog: Catalog, edits: PhotoEdits, tmp_path: Path) -> None:
    from tests.places.conftest import write_gpx

    inside = add_photo(catalog, 1, captured_at="2015-08-11T09:02:30")
    outside = add_photo(catalog, 2, captured_at="2015-08-11T12:00:00")
    panel = PlacesPanel(catalog, edits=edits, selected_ids=lambda: [inside, outside])
    qtbot.addWidget(panel)
    dialog = panel.open_geotag()
    dialog.file.setText(str(write_gpx(tmp_path / "walk.gpx")))
    dialog.zone.setCurrentText("Asia/Kamchatka")
    dialog.match()
    assert dialog.table.rowCount() == 2 and dialog.table.item(1, 2).text() == "after track"
    assert "1 of 2 photos matched" in dialog.status.text() and not applied(edits)
    dialog.apply_button.click()
    assert applied(edits)[0].photo_ids == [inside]
    dialog.close()


def test_panels_in_the_main_window(qtbot, catalog: Catalog, shumshu: Shumshu, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from photoarchive.ui.main_window import MainWindow
    from tests.places.conftest import HEIGHT_171

    photos = [add_photo(catalog, n, gps=HEIGHT_171) for n in range(2)]
    window = MainWindow(catalog, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert not window.map_panel.tiles.online  # tiles are opt-in: tests and first runs stay offline
    window.select_photos(photos)
    # The window reports selection changes a moment later (the grid coalesces them).
    qtbot.waitUntil(lambda: sorted(i for m in window.map_panel.markers() for i in m.photo_ids) == photos)
    window.places_panel.select_place(shumshu.cape.id)
    window.places_panel.assign_current()
    assert load_fields(catalog, photos)[photos[0]].sublocation == "Cape Kokutan"
    window.edits.undo()  # the window's Edit > Undo takes the assignment back
    assert load_fields(catalog, photos)[photos[0]].sublocation == ""
    window.map_panel.photos_clicked.emit(photos[:1])
    qtbot.waitUntil(lambda: window.selected_ids() == photos[:1])
    window.close()


def rename_from_the_command_line(catalog: Catalog, place_id: int, name: str) -> None:
    """What ``photoarchive places edit`` does: its own connection to the catalog."""
    with Catalog(catalog.paths.root) as other:
        edit_place(other, place_id, name=name)


@pytest.mark.parametrize(
    ("answer", "name", "index", "count"),
    [
        (CANCEL, "Shumshu (command line)", 1, 1),  # nothing happens; still undoable
        (DROP, "Shumshu (command line)", 0, 0),  # the newer name stays; the step is off the list
        (FORCE, "Shumshu", 0, 1),  # undone over it; it can be redone
    ],
)
def test_undoing_a_place_edit_asks_when_the_place_changed_elsewhere(
    qtbot, catalog: Catalog, shumshu: Shumshu, edits: PhotoEdits, answer, name, index, count
) -> None:
    panel = PlacesPanel(catalog, edits=edits)
    qtbot.addWidget(panel)
    panel.select_place(shumshu.island.id)
    panel.editor.name.setText("Shumshu Island")
    assert panel.save_current()
    rename_from_the_command_line(catalog, shumshu.island.id, "Shumshu (command line)")
    asked = []
    edits.ask = lambda step, conflict, undoing: asked.append((step, conflict.text, undoing)) or answer
    edits.undo()
    assert asked == [
        (
            "Edit place Shumshu Island",
            "The place “Shumshu (command line)” has been changed elsewhere since (from the command line or "
            "another window).",
            True,
        )
    ]
    assert Gazetteer.load(catalog).get(shumshu.island.id).name == name
    assert (edits.stack.index(), edits.stack.count()) == (index, count)
    if answer == FORCE:
        assert panel.model.data(panel.model.index_of(shumshu.island.id)) == "Shumshu"  # the tree followed


def test_a_place_removed_elsewhere_is_not_brought_back_by_undo(
    qtbot, catalog: Catalog, shumshu: Shumshu, edits: PhotoEdits
) -> None:
    panel = PlacesPanel(catalog, edits=edits)
    qtbot.addWidget(panel)
    panel.select_place(shumshu.beach.id)
    panel.editor.notes.setPlainText("Landing of 18 August 1945.")
    assert panel.save_current()
    with Catalog(catalog.paths.root) as other:
        remove_place(other, shumshu.beach.id, force=True)
    refused = []
    edits.refused.connect(refused.append)
    edits.stack.setIndex(0)  # the Undo History view, which cannot ask
    assert refused and refused[0].startswith("“Edit place Soviet landing beach” was not undone. The place")
    assert "has been removed elsewhere" in refused[0] and edits.stack.count() == 0


def test_place_and_photo_edits_share_one_undo_stack(
    qtbot, catalog: Catalog, shumshu: Shumshu, edits: PhotoEdits
) -> None:
    photo = add_photo(catalog, 1)
    panel = PlacesPanel(catalog, edits=edits, selected_ids=lambda: [photo])
    qtbot.addWidget(panel)
    panel.select_place(shumshu.height.id)
    panel.assign_current()
    edits.apply([photo], {"caption": "Trenches on the slope"}, "Edit caption")
    panel.select_place(shumshu.island.id)
    panel.editor.name.setText("Shumshu Island")
    assert panel.save_current()
    assert [edits.stack.text(i) for i in range(edits.stack.count())] == [
        "Place 1 photo at Height 171",
        "Edit caption",
        "Edit place Shumshu Island",
    ]
    edits.ask = lambda *args: pytest.fail("nothing changed elsewhere: nothing to ask")
    edits.undo()  # Edit > Undo (Ctrl+Z): the newest step first, whichever kind it is
    fields = load_fields(catalog, [photo])[photo]
    assert (fields.city, fields.caption) == ("Shumshu", "Trenches on the slope")
    edits.undo()
    fields = load_fields(catalog, [photo])[photo]
    assert (fields.city, fields.caption, fields.sublocation) == ("Shumshu", "", "Height 171")
    edits.undo()
    assert load_fields(catalog, [photo])[photo].sublocation == ""
    edits.redo()
    edits.redo()
    edits.redo()
    fields = load_fields(catalog, [photo])[photo]
    assert (fields.city, fields.caption, fields.sublocation) == (
        "Shumshu Island",
        "Trenches on the slope",
        "Height 171",
    )
