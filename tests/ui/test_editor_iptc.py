"""Issue 16's text fields in the metadata editor's plain fallback: the digital source type typed by
its short name is stored as the URI, and the extended description is edited like alt text."""

from __future__ import annotations

from photoarchive.catalog.curated import load_values
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.metadata_editor import MetadataEditor
from tests.ui.conftest import ids_by_name


def test_a_vocabulary_typed_by_its_short_name(qtbot, sample_catalog) -> None:
    photo = ids_by_name(sample_catalog)["SHU15_0153.jpg"]
    editor = MetadataEditor(sample_catalog, PhotoEdits(sample_catalog))
    qtbot.addWidget(editor)
    editor.show()
    editor.set_photos([photo])
    assert {"extended_description", "digital_source_type", "model_release_status"} <= set(editor.fields)
    line = editor.fields["digital_source_type"]
    line.setFocus()
    qtbot.keyClicks(line, "negativeFilm")
    editor.flush()
    stored = load_values(sample_catalog, [photo], ["digital_source_type"])[photo]["digital_source_type"]
    assert stored == "http://cv.iptc.org/newscodes/digitalsourcetype/negativeFilm"
    editor.edits.undo()
    assert load_values(sample_catalog, [photo], ["digital_source_type"])[photo]["digital_source_type"] == ""
