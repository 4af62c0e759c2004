"""The editor says why a photo needs attention, and settles a disagreement of its file's
standards in one click (undoably)."""

from __future__ import annotations

from photoarchive.catalog.attention import RULES, needing_attention
from photoarchive.catalog.curated import load_values
from photoarchive.edits import apply_edit
from photoarchive.ui.widgets.attention import AttentionNotice
from tests.ui.conftest import ids_by_name

CONFLICT = {
    "field": "headline",
    "values": {"xmp": "Japanese pillbox at Cape Kokutan", "iim": "Pillbox, Kokutan"},
    "chosen": "xmp",
}


def test_missing_fields_are_named(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    window.select_photos([names["SHU15_0158.jpg"]])  # no creator, credit or copyright in the sample
    qtbot.waitUntil(lambda: window.editor.attention.isVisible())
    text = window.editor.attention.text()
    assert "Needs attention:" in text and "no creator or credit line" in text and "no copyright notice" in text
    window.select_photos([names["SHU15_0107.jpg"]])  # complete
    qtbot.waitUntil(lambda: not window.editor.attention.isVisible())
    window.select_photos([names["SHU15_0107.jpg"], names["SHU15_0153.jpg"], names["SHU15_0158.jpg"]])
    qtbot.waitUntil(lambda: "Needs attention: 2 of the selected photos." in window.editor.attention.text())


def test_a_disagreement_of_the_standards_is_settled_in_one_click(qtbot, window) -> None:
    photo = ids_by_name(window.catalog)["SHU15_0107.jpg"]
    apply_edit(window.catalog, [photo], {"conflicts": [CONFLICT]}, description="read the file again")
    window.select_photos([photo])
    notice = window.editor.attention
    qtbot.waitUntil(notice.isVisible)
    text = notice.text()
    assert "disagreed on headline" in text
    assert "XMP: “Japanese pillbox at Cape Kokutan” (kept)" in text and "IPTC IIM: “Pillbox, Kokutan”" in text
    notice.linkActivated.emit("settle:1")  # keep the IIM value
    values = load_values(window.catalog, [photo], ["headline", "conflicts"])[photo]
    assert values == {"headline": "Pillbox, Kokutan", "conflicts": []}
    assert window.editor.fields["headline"].value() == "Pillbox, Kokutan"
    assert not notice.isVisible()
    window.undo()
    assert load_values(window.catalog, [photo], ["conflicts"])[photo]["conflicts"] == [CONFLICT]
    assert notice.isVisible()


def test_a_value_that_does_not_validate_is_named(qtbot, window) -> None:
    """As an import keeps it (with a warning): write and export leave it out, so it is shown."""
    photo = ids_by_name(window.catalog)["SHU15_0107.jpg"]  # otherwise complete
    with window.catalog.conn:
        window.catalog.conn.execute("UPDATE photos SET web_statement = 'javascript:alert(1)' WHERE id = ?", (photo,))
    assert photo in needing_attention(window.catalog)
    window.select_photos([photo])
    qtbot.waitUntil(window.editor.attention.isVisible)
    text = window.editor.attention.text()
    assert "a value that does not validate: web statement" in text.lower()


def test_every_rule_is_told(qtbot) -> None:
    notice = AttentionNotice()
    qtbot.addWidget(notice)
    assert set(notice.reason_texts()) | {"conflicts"} == {rule.key for rule in RULES}
