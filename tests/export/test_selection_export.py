"""Rating, colour label and flag in what an export writes: a package's images and a gallery's
copies carry them as Lightroom, Bridge and digiKam read them (ExifTool is the judge)."""

from __future__ import annotations

from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.edits import apply_edit
from tests.export.conftest import exiftool, export, needs_exiftool

SET = [(5, "red", "pick"), (2, "purple", "reject"), (None, "", "")]
EXPECTED = [
    {"XMP-xmp:Rating": 5, "XMP-xmp:Label": "Red", "XMP-digiKam:ColorLabel": 1, "XMP-digiKam:PickLabel": 3},
    {"XMP-xmp:Rating": -1, "XMP-xmp:Label": "Purple", "XMP-digiKam:ColorLabel": 6, "XMP-digiKam:PickLabel": 1},
    {},
]
KEYS = ("XMP-xmp:Rating", "XMP-xmp:Label", "XMP-digiKam:ColorLabel", "XMP-digiKam:PickLabel")


def _rate(catalog: Catalog, order: list[int]) -> None:
    for photo, (rating, label, flag) in zip(order, SET, strict=False):
        apply_edit(catalog, [photo], {"rating": rating, "label": label, "flag": flag})


@needs_exiftool
@pytest.mark.parametrize("fmt", ["package", "gallery"])
def test_export_writes_them(small_archive, tmp_path: Path, fmt: str) -> None:
    catalog, order = small_archive
    _rate(catalog, order)
    target = tmp_path / fmt
    summary = export(
        catalog, fmt, target, location_precision="exact", **({"metadata": "all"} if fmt == "package" else {})
    )
    assert summary.ok
    tags = exiftool(target, "-n")
    by_caption: dict[str, list[dict]] = {}
    for t in tags.values():
        by_caption.setdefault(str(t.get("XMP-dc:Description")), []).append({k: t[k] for k in KEYS if k in t})
    captions = [
        catalog.conn.execute("SELECT caption FROM photos WHERE id = ?", (photo,)).fetchone()[0] for photo in order
    ]
    for caption, expected in zip(captions, EXPECTED, strict=True):
        assert by_caption[caption], caption
        assert all(found == expected for found in by_caption[caption]), (caption, by_caption[caption])
