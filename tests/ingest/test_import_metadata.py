"""Import reads the curated fields, their conflicts and sidecars (ingest/worker.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_fields, load_records
from photoarchive.errors import MetadataReadError
from photoarchive.ingest import ImportJob, worker
from photoarchive.metadata import read_curated, write
from photoarchive.model import CuratedFields
from tests.conftest import write_photo


def test_samples_are_read_with_conflicts_and_sidecar(tmp_path: Path, catalog: Catalog, samples: Path) -> None:
    card = tmp_path / "card"
    card.mkdir()
    for name in ("MWG.jpg", "XMP.jpg", "XMP.xmp", "IPTC.jpg"):
        shutil.copy(samples / "metadata" / name, card)
    job = ImportJob(catalog, [card], workers=1)
    for _ in job.run():
        pass
    assert job.summary is not None and job.summary.imported == 3 and not job.summary.failed
    by_name = {catalog.photo(i).original_name: i for i in job.summary.photos}
    records = load_records(catalog, list(by_name.values()))
    fields = load_fields(catalog, list(by_name.values()))
    for name, photo_id in by_name.items():
        expected = read_curated(card / name)
        assert fields[photo_id] == expected.fields, name
        assert records[photo_id]["conflicts"] == [c.as_dict() for c in expected.conflicts], name

    mwg = records[by_name["MWG.jpg"]]
    assert mwg["caption"] == "RIGHT-EXIF-Description" and mwg["city"] == "RIGHT-XMP-City"
    caption = next(c for c in mwg["conflicts"] if c["field"] == "caption")
    assert caption["chosen"] == "exif" and caption["values"]["iim"] == "WRONG-IPTC-Description"
    assert records[by_name["XMP.jpg"]]["keywords"] == ["test1", "&-&amp;-&"]  # from the sidecar XMP.xmp
    assert records[by_name["IPTC.jpg"]]["conflicts"] == []
    embedded = catalog.conn.execute("SELECT embedded FROM photos WHERE id = ?", (by_name["MWG.jpg"],)).fetchone()[0]
    assert "WRONG-IPTC-Description" in embedded  # the raw values are kept too
    assert catalog.photo_ids(search="RIGHT-XMP-City") == [by_name["MWG.jpg"]]


@pytest.fixture
def in_process(monkeypatch: pytest.MonkeyPatch, catalog: Catalog):
    """Run the worker's function here (so it can be patched), against this test's catalog."""
    monkeypatch.setattr(worker, "_catalog", None)

    def process(source: Path) -> worker.FileResult:
        return worker.process_file(str(source), str(catalog.paths.root), "2026-01-01")

    return process


def test_a_metadata_failure_does_not_fail_the_import(
    tmp_path: Path, in_process, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, **_: object) -> None:
        raise MetadataReadError(f"{path}: XMP packet is damaged")

    monkeypatch.setattr(worker, "read_curated", broken)
    result = in_process(write_photo(tmp_path / "a.jpg", seed=1))
    assert result.status == "imported" and "caption" not in result.values
    assert any("captions and credits not read" in w and "damaged" in w for w in result.warnings)


def test_invalid_values_are_kept_with_a_warning(tmp_path: Path, in_process) -> None:
    photo = write_photo(tmp_path / "tab.jpg", seed=2)
    subprocess.run(
        ["exiftool", "-q", "-overwrite_original", "-IPTC:Caption-Abstract=Tank\tType 97", "-IPTC:City=Шумшу",
         "-IPTC:CodedCharacterSet=UTF8", str(photo)],
        check=True,
    )  # fmt: skip
    result = in_process(photo)
    assert result.status == "imported"
    assert result.values["caption"] == "Tank\tType 97" and result.values["city"] == "Шумшу"
    assert any(w.startswith("Caption: control character U+0009") for w in result.warnings)


def test_gps_of_the_location_shown_fills_a_missing_camera_position(tmp_path: Path, in_process) -> None:
    shown = write_photo(tmp_path / "shown.jpg", seed=3)
    write(CuratedFields(city="Шумшу"), shown, gps=(50.69, 156.35, 171.0))
    both = write_photo(tmp_path / "both.jpg", seed=4, gps=(50.75, 156.2))
    write(CuratedFields(city="Шумшу"), both, gps=(50.69, 156.35))

    values = in_process(shown).values
    assert (values["latitude"], values["longitude"], values["altitude"]) == pytest.approx((50.69, 156.35, 171.0))
    assert values["gps_source"] == "location_shown"
    values = in_process(both).values  # the camera's position is the photo's
    assert values["latitude"] == pytest.approx(50.75) and values["gps_source"] == "camera"
