"""The photo's own facts: the editor's Info section and the loupe's info panel (key I)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from photoarchive.ui.widgets.photo_info import capture_text, file_size_text
from tests.ui.conftest import ids_by_name
from tests.ui.test_editor_desk import select, shot


def test_capture_and_size_in_words() -> None:
    assert capture_text("2015-08-10T09:00:00+11:00") == "2015-08-10 09:00:00, UTC+11:00"
    assert capture_text("2015-08-10T09:00:00Z") == "2015-08-10 09:00:00, UTC"
    assert "time zone unknown" in capture_text("2015-08-10T09:00:00")
    assert capture_text(None) == "" and capture_text("1945-08-18") == "1945-08-18"
    assert file_size_text(2_345_678) == "2.3 MB" and file_size_text(512) == "512 bytes"


def test_the_editor_shows_the_facts_known(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    photo = names["SHU15_0101.jpg"]
    select(qtbot, window, [photo])
    info = window.editor.info
    facts = dict(info.facts)
    stored = window.catalog.photo(photo)
    assert facts["SHA-256"] == stored.sha256 and facts["In the archive"] == f"originals/{stored.original_path}"
    assert facts["Size"] == f"{stored.width} × {stored.height} px"
    assert facts["Import"].startswith(f"batch {stored.batch_id}, ")
    assert "Lens" not in facts and "Exposure" not in facts  # imported without them: what is known
    assert info.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    with window.catalog.conn:
        window.catalog.conn.execute(
            "UPDATE photos SET lens = 'Industar-61', exposure_time = '1/250', f_number = 8, iso = 200,"
            " focal_length = 55, camera_make = 'Canon', camera_model = 'Canon EOS 5D',"
            " captured_at = '2015-08-10T09:00:00+11:00' WHERE id = ?",
            (photo,),
        )
    select(qtbot, window, [names["SHU15_0107.jpg"]])
    select(qtbot, window, [photo])
    facts = dict(info.facts)
    assert facts["Lens"] == "Industar-61" and facts["Exposure"] == "1/250 s · f/8 · ISO 200 · 55 mm"
    assert facts["Camera"] == "Canon EOS 5D" and facts["Captured"] == "2015-08-10 09:00:00, UTC+11:00"
    assert "SHA-256: " + stored.sha256 in info.plain_text()
    window.editor.ensureWidgetVisible(window.editor.info_box)
    shot(window.editor, "editor-info")
    select(qtbot, window, [photo, names["SHU15_0107.jpg"]])
    assert info.facts == [] and "Select one photo" in info.text()


def test_the_loupe_shows_the_facts_with_i(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    window.open_loupe(names["SHU15_0150.jpg"])
    loupe = window.loupe
    qtbot.addWidget(loupe)
    loupe.resize(900, 700)
    qtbot.waitUntil(lambda: loupe.windowHandle().isExposed())  # shown by the window
    loupe.activateWindow()
    qtbot.waitUntil(loupe.isActiveWindow)  # its keys are the active window's
    assert loupe.facts.isHidden() and "I: info" in loupe.info.text()
    qtbot.keyClick(loupe, Qt.Key.Key_I)
    assert not loupe.facts.isHidden()
    assert dict(loupe.facts.facts)["SHA-256"] == window.catalog.photo(names["SHU15_0150.jpg"]).sha256
    shot(loupe, "loupe-info")
    qtbot.keyClick(loupe, Qt.Key.Key_Right)  # the facts follow the photo
    assert dict(loupe.facts.facts)["SHA-256"] == window.catalog.photo(loupe.current_id()).sha256
    qtbot.keyClick(loupe, Qt.Key.Key_I)
    assert loupe.facts.isHidden()
