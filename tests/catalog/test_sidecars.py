"""The XMP sidecar mirror beside the originals (photoarchive.catalog.sidecars), and check."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog import sidecars as mirror
from photoarchive.catalog.curated import EDITABLE_FIELDS, load_values
from photoarchive.catalog.sidecars import mirror_path, read_mirror, stale_sidecars
from photoarchive.catalog.verify import untracked_originals
from photoarchive.cli import main
from photoarchive.edits import apply_edit, history
from photoarchive.metadata import read_curated
from tests.conftest import run_import, write_photos

EVERY_FIELD = {
    "title": "Tank",
    "headline": "Type 97 wreck",
    "caption": "Обломки танка у высоты 171",
    "alt_text": "A rusted tank in grass",
    "caption_writer": "A. Curator",
    "creator": "Ivan Petrov",
    "creator_job_title": "Photographer",
    "credit": "Shumshu 2015 search expedition",
    "source": "Expedition archive",
    "copyright": "© 2015 Ivan Petrov",
    "usage_terms": "CC BY-SA 4.0",
    "web_statement": "https://example.org/rights",
    "instructions": "Credit the expedition",
    "keywords": ["Шумшу", "占守島", "Type 97"],
    "hierarchical_keywords": ["Places|Kurils|Shumshu"],
    "date_created": "2015-08-10T09:00:00+11:00",
    "event": "Search expedition",
    "event_date": "1945-08-18/1945-08-23",
    "sublocation": "Height 171",
    "city": "Shumshu",
    "state": "Sakhalin Oblast",
    "country": "Russia",
    "country_code": "RUS",
    "job_id": "SH2015-001",
    "latitude": 50.7153,
    "longitude": 156.2547,
    "altitude": 120.5,
    "gps_source": "edited",
}


def test_every_curated_field_is_mirrored_after_the_edit_commits(tmp_path: Path, catalog: Catalog) -> None:
    write_photos(tmp_path / "card", 2)
    summary, _ = run_import(catalog, tmp_path / "card")
    photo = catalog.photo(summary.photos[0])
    original = catalog.original_file(photo)
    sidecar = mirror_path(catalog.paths, photo.original_path)
    assert sidecar == original.with_name(original.name + ".xmp") and sidecar.is_file()  # written on import
    assert read_mirror(sidecar).edit_id == 0

    edit = apply_edit(catalog, [photo.id], EVERY_FIELD)
    record = read_mirror(sidecar)
    assert record.edit_id == edit.id and record.at == edit.at and record.sha256 == photo.sha256
    stored = load_values(catalog, [photo.id], EDITABLE_FIELDS)[photo.id]
    assert set(EDITABLE_FIELDS) <= set(record.values()) and record.values() == stored
    assert record.values()["caption"] == EVERY_FIELD["caption"]
    # Other tools read the standard XMP of it.
    assert read_curated(sidecar, sidecar=False).fields.caption == EVERY_FIELD["caption"]
    assert hashlib.sha256(original.read_bytes()).hexdigest() == photo.sha256  # the original is untouched
    assert stale_sidecars(catalog) == []
    assert untracked_originals(catalog) == []


def test_a_sidecar_that_cannot_be_written_does_not_undo_the_edit(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_photos(tmp_path / "card", 2)
    summary, _ = run_import(catalog, tmp_path / "card")
    first, second = summary.photos

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(mirror, "_atomic_write", full)
    edit = apply_edit(catalog, [first], {"caption": "kept"})
    assert edit.id and load_values(catalog, [first], ["caption"])[first]["caption"] == "kept"
    assert len(history(catalog)) == 1
    assert "was not written" in catalog.warnings[-1] and "--repair-sidecars" in catalog.warnings[-1]
    stale = stale_sidecars(catalog)
    assert [(s.photo_id, "older than the last edit" in s.problem) for s in stale] == [(first, True)]
    mirror_path(catalog.paths, catalog.photo(second).original_path).unlink()
    assert {s.photo_id: s.problem for s in stale_sidecars(catalog)}[second] == "sidecar missing"

    # The command line: the edit stands (exit 0) and says so; check lists both; repair writes them.
    root = str(catalog.paths.root)
    assert main(["--archive", root, "edit", str(first), "--title", "also kept"]) == 0
    err = capsys.readouterr().err
    assert "photoarchive: warning: photo" in err and "was not written" in err
    monkeypatch.undo()
    assert main(["--archive", root, "check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert sorted(s["id"] for s in report["sidecars"]) == [first, second]
    assert main(["--archive", root, "check", "--repair-sidecars", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sidecars"] == [] and sorted(report["repaired"]) == [first, second]
    assert read_mirror(mirror_path(catalog.paths, catalog.photo(first).original_path)).values()["title"] == "also kept"


def test_check_fails_on_an_original_the_catalog_does_not_know(
    tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    write_photos(tmp_path / "card", 1)
    run_import(catalog, tmp_path / "card")
    root = str(catalog.paths.root)
    assert main(["--archive", root, "check"]) == 0
    capsys.readouterr()
    stray = catalog.paths.originals / "2015" / "2015-08-10" / "STRAY.JPG"
    write_photos(tmp_path / "other", 1, start=5)[0].rename(stray)
    assert main(["--archive", root, "check", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["untracked"] == [str(stray)]
    assert main(["--archive", root, "check"]) == 1
    assert f"not in the catalog: {stray}" in capsys.readouterr().out


def test_a_temporary_sidecar_left_by_a_killed_process_is_removed(tmp_path: Path, catalog: Catalog) -> None:
    write_photos(tmp_path / "card", 1)
    summary, _ = run_import(catalog, tmp_path / "card")
    photo = catalog.photo(summary.photos[0])
    sidecar = mirror_path(catalog.paths, photo.original_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = sidecar.with_name(f".{sidecar.name}.{int(dead.stdout)}-0123abcd.tmp")
    leftover.write_bytes(b"half")
    assert untracked_originals(catalog) == []  # not an original either
    with Catalog(catalog.paths.root) as again:  # a new process writes in that folder
        apply_edit(again, [photo.id], {"caption": "x"})
    assert not leftover.exists() and sidecar.is_file()


def test_reread_takes_the_original_not_the_mirror(tmp_path: Path, catalog: Catalog) -> None:
    from photoarchive.reread import reread

    write_photos(tmp_path / "card", 1)
    summary, _ = run_import(catalog, tmp_path / "card")
    photo_id = summary.photos[0]
    apply_edit(catalog, [photo_id], {"caption": "curated here"})
    (tmp_path / "card" / "IMG_0000.JPG").unlink()  # the source is gone: only the archive's files
    reread(catalog, [photo_id])
    assert load_values(catalog, [photo_id], ["caption"])[photo_id]["caption"] == ""  # the file has none


def test_an_import_run_again_writes_the_sidecar_a_killed_run_did_not(tmp_path: Path, catalog: Catalog) -> None:
    write_photos(tmp_path / "card", 2)
    summary, _ = run_import(catalog, tmp_path / "card")
    lost = mirror_path(catalog.paths, catalog.photo(summary.photos[0]).original_path)
    kept = mirror_path(catalog.paths, catalog.photo(summary.photos[1]).original_path)
    lost.unlink()  # killed between recording the photo and writing its sidecar
    before = kept.stat().st_mtime_ns
    again, _ = run_import(catalog, tmp_path / "card")
    assert again.duplicates == 2 and lost.is_file() and kept.stat().st_mtime_ns == before
    assert stale_sidecars(catalog) == []
