from __future__ import annotations

from pathlib import Path

from photoarchive.catalog import Catalog
from photoarchive.catalog.verify import check_originals, sha256_file, untracked_originals
from tests.conftest import run_import, write_photos


def test_check_reports_missing_changed_and_untracked(tmp_path: Path, catalog: Catalog) -> None:
    write_photos(tmp_path / "card", 3)
    run_import(catalog, tmp_path / "card")
    a, b, c = catalog.list_photos(order="name")
    assert sha256_file(catalog.original_file(a)) == a.sha256
    catalog.original_file(b).unlink()
    catalog.original_file(c).write_bytes(b"tampered")
    stray = catalog.paths.originals / "2015" / "stray.jpg"
    stray.write_bytes(b"x")
    problems = {check.photo_id: check.problem for check in check_originals(catalog)}
    assert problems == {a.id: None, b.id: "missing", c.id: "changed (its SHA-256 no longer matches)"}
    assert untracked_originals(catalog) == [stray]
