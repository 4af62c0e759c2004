"""Re-reading originals as one recorded edit (photoarchive.reread)."""

from __future__ import annotations

import shutil
from pathlib import Path

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_fields, load_values
from photoarchive.edits import apply_edit, history, revert_edit
from photoarchive.reread import reread
from tests.conftest import add_original, write_photo


def test_reread_uses_the_sidecar_beside_the_source_and_is_one_edit(
    tmp_path: Path, catalog: Catalog, samples: Path
) -> None:
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(samples / "metadata" / "XMP.jpg", card)
    photo = add_original(catalog, card / "XMP.jpg")
    apply_edit(catalog, [photo], {"caption": "curated", "keywords": ["mine"]})

    result = reread(catalog, [photo])  # no sidecar yet: the original's own metadata
    assert load_fields(catalog, [photo])[photo].keywords == ["ExifTool", "Test", "XMP"]
    assert result.failures == [] and len(history(catalog)) == 2

    shutil.copy(samples / "metadata" / "XMP.xmp", card)
    result = reread(catalog, [photo])
    fields = load_fields(catalog, [photo])[photo]
    assert fields.keywords == ["test1", "&-&amp;-&"]  # the sidecar wins, as on import
    conflicts = load_values(catalog, [photo], ["conflicts"])[photo]["conflicts"]
    assert {"copyright", "keywords"} <= {c["field"] for c in conflicts}
    revert_edit(catalog, result.edit.id)
    assert load_fields(catalog, [photo])[photo].keywords == ["ExifTool", "Test", "XMP"]


def test_reread_reports_a_missing_original(tmp_path: Path, catalog: Catalog) -> None:
    photo = add_original(catalog, write_photo(tmp_path / "card" / "gone.jpg", seed=6))
    catalog.original_file(catalog.photo(photo)).unlink()
    result = reread(catalog, [photo])
    assert result.edit.id == 0 and result.failures[0][0] == photo and "no such file" in result.failures[0][1]
