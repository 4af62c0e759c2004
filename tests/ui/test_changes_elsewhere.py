"""The window picks up what another process or window committed to its catalog (``photoarchive
edit`` from the command line, a second window, an import): the editor, the grid's rows and
the sources' counts follow, what the curator is typing stays, and undo still asks before
overwriting the newer value."""

from __future__ import annotations

from PySide6.QtCore import Qt

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_values
from photoarchive.edits import apply_edit
from photoarchive.ui.commands import CANCEL
from tests.places.conftest import add_photo
from tests.ui.conftest import ids_by_name


def elsewhere(window, photo_ids: list[int], values: dict) -> None:
    """What ``photoarchive edit`` does in another process: its own connection, one recorded edit."""
    with Catalog(window.catalog.paths.root) as other:
        apply_edit(other, photo_ids, values, description="edit from the command line", who="cli")


def grid_caption(window, photo: int) -> str:
    return window.grid_model.cell(window.grid_model.row_of(photo)).caption


def test_a_caption_changed_by_another_process_shows_and_undo_still_asks(qtbot, window) -> None:
    photo = ids_by_name(window.catalog)["SHU15_0153.jpg"]
    window.select_photos([photo])
    qtbot.waitUntil(lambda: window.editor.photo_ids() == [photo])
    caption = window.editor.fields["caption"]
    window.edits.apply([photo], {"caption": "Typed in the window"}, "Edit caption")
    qtbot.waitUntil(lambda: caption.value() == "Typed in the window")
    assert grid_caption(window, photo) == "Typed in the window"

    elsewhere(window, [photo], {"caption": "Written from the command line"})
    # The window's poll (a timer on the GUI thread) notices within a couple of seconds.
    qtbot.waitUntil(lambda: caption.value() == "Written from the command line", timeout=5_000)
    assert grid_caption(window, photo) == "Written from the command line"

    asked = []
    window.edits.ask = lambda step, conflict, undoing: asked.append(conflict.text) or CANCEL
    window.undo()
    assert asked == [
        "Since this step, the caption of SHU15_0153.jpg has been changed elsewhere "
        "(from the command line or another window)."
    ]
    assert load_values(window.catalog, [photo], ["caption"])[photo]["caption"] == "Written from the command line"
    assert caption.value() == "Written from the command line"


def test_what_the_curator_is_typing_stays_when_another_field_changes_elsewhere(qtbot, window) -> None:
    photo = ids_by_name(window.catalog)["SHU15_0153.jpg"]
    window.select_photos([photo])
    qtbot.waitUntil(lambda: window.editor.photo_ids() == [photo])
    headline = window.editor.fields["headline"]
    headline.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClicks(headline, "Half typed")
    assert window.editor.has_pending()
    elsewhere(window, [photo], {"caption": "Written from the command line", "headline": "Theirs"})
    window.watcher.check()  # at once, before the editor commits the typing on its own pause
    assert window.editor.fields["caption"].value() == "Written from the command line"
    assert headline.text().endswith("Half typed") and headline.text() != "Theirs"
    window.editor.flush()  # what was typed is committed as usual, over the other value
    assert load_values(window.catalog, [photo], ["headline"])[photo]["headline"] == headline.text()


def test_photos_added_elsewhere_show_in_the_grid_and_the_counts(qtbot, window) -> None:
    before = window.grid_model.rowCount()
    assert window.watcher.check().any is False  # nothing happened: one PRAGMA, nothing re-read
    with Catalog(window.catalog.paths.root) as other:
        added = add_photo(other, 9001)
    qtbot.waitUntil(lambda: window.grid_model.rowCount() == before + 1, timeout=5_000)
    assert window.grid_model.row_of(added) is not None
    sources = window.sources_model
    qtbot.waitUntil(lambda: sources.index(0, 0, sources.group_index("library")).data() == f"All photos  ({before + 1})")
