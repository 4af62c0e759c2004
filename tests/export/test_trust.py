"""What an export publishes can be trusted: the picture is the one captioned, the links are
web pages, quotes survive, a bad stored value does not stop the others, and the folder can
be served as it is."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import stat
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.connection import transaction
from photoarchive.edits import apply_edit
from photoarchive.errors import ValidationError
from tests.export.conftest import export, make_photo


def _swap_original(catalog: Catalog, photo_id: int, tmp_path: Path) -> str:
    """Replace the original's bytes behind the archive's back; returns the new file's hash."""
    other = make_photo(tmp_path / "other.jpg", 99)
    target = catalog.original_file(catalog.photo(photo_id))
    target.write_bytes(other.read_bytes())
    return hashlib.sha256(other.read_bytes()).hexdigest()


@pytest.mark.parametrize("workers", [0, 2])
def test_a_swapped_original_fails_with_the_reason_and_the_others_are_exported(
    small_archive, tmp_path: Path, workers: int
) -> None:
    catalog, order = small_archive
    swapped = order[1]
    expected = catalog.photo(swapped).sha256
    found = _swap_original(catalog, swapped, tmp_path)
    target = tmp_path / "package"
    summary = export(catalog, "package", target, long_edge=200, workers=workers)
    assert summary.exported == 2 and [p.photo_id for p in summary.failed] == [swapped]
    reason = summary.failed[0].reason
    assert "has changed since it was imported" in reason
    assert f"expected sha256 {expected}, found {found}" in reason
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    assert [i["source"]["photo_id"] for i in manifest["images"]] == [order[0], order[2]]
    for image in manifest["images"]:
        original = catalog.original_file(catalog.photo(image["source"]["photo_id"]))
        assert image["source"]["sha256"] == hashlib.sha256(original.read_bytes()).hexdigest()
    rows = list(csv.DictReader(io.StringIO((target / "captions.csv").read_text(encoding="utf-8-sig"))))
    assert [r["source_sha256"] for r in rows] == [i["source"]["sha256"] for i in manifest["images"]]


def test_the_manifest_states_the_hash_of_the_bytes_read(small_archive, tmp_path: Path) -> None:
    """The hash comes from the worker's read, not from the catalog (the catalog's is the same
    when nothing changed: both are checked against the file)."""
    catalog, _ = small_archive
    target = tmp_path / "package"
    export(catalog, "package", target, long_edge=200)
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    for image in manifest["images"]:
        data = catalog.original_file(catalog.photo(image["source"]["photo_id"])).read_bytes()
        assert image["source"]["sha256"] == hashlib.sha256(data).hexdigest()


def test_a_javascript_web_statement_is_refused_on_edit(small_archive) -> None:
    catalog, order = small_archive
    with pytest.raises(ValidationError, match="http"):
        apply_edit(catalog, [order[0]], {"web_statement": "javascript:alert(1)"})


def test_a_stored_value_that_does_not_validate_is_left_out_with_a_warning(small_archive, tmp_path: Path) -> None:
    """As an import keeps what a file held (with a warning): the photo is published, the bad
    values are not, and the summary says which and where."""
    catalog, order = small_archive
    with transaction(catalog.conn):
        catalog.conn.execute(
            "UPDATE photos SET web_statement = 'javascript:alert(1)', country_code = 'XX' WHERE id = ?", (order[0],)
        )
    for fmt in ("package", "gallery"):
        target = tmp_path / fmt
        summary = export(catalog, fmt, target, long_edge=200)
        assert summary.exported == 3 and summary.ok, summary
        text = "\n".join(summary.warnings)
        assert "Web statement of rights" in text and "Country code" in text and "left out" in text
        published = "".join(p.read_text(encoding="utf-8", errors="replace") for p in target.rglob("*") if p.is_file())
        assert "javascript:" not in published
        assert "'XX'" not in published and '"XX"' not in published


def test_a_creator_with_quotes_is_published_with_csv_quoting(small_archive, tmp_path: Path) -> None:
    catalog, order = small_archive
    creator = 'Ivan "Vanya" Petrov'
    apply_edit(catalog, order, {"creator": creator, "caption": 'He said "here", then left, quickly'})
    target = tmp_path / "package"
    export(catalog, "package", target, long_edge=200)
    raw = (target / "captions.csv").read_text(encoding="utf-8-sig")
    assert '"Ivan ""Vanya"" Petrov"' in raw  # RFC 4180 quoting
    rows = list(csv.DictReader(io.StringIO(raw)))
    assert {r["creator"] for r in rows} == {creator}
    assert {r["caption"] for r in rows} == {'He said "here", then left, quickly'}
    sheet = (target / "captions.html").read_text(encoding="utf-8")
    assert "Ivan &#34;Vanya&#34; Petrov" in sheet or "Ivan &quot;Vanya&quot; Petrov" in sheet
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    assert {i["fields"]["creator"] for i in manifest["images"]} == {creator}

    gallery = tmp_path / "gallery"
    export(catalog, "gallery", gallery, long_edge=200)
    for page in gallery.rglob("*.html"):
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text("utf-8"), re.S):
            data = json.loads(block)
            creators = [n.get("name") for n in _walk(data) if isinstance(n, dict) and n.get("@type") == "Person"]
            assert creators and set(creators) == {creator}, creators


def _walk(node):
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


@pytest.mark.parametrize("fmt", ["gallery", "package", "post"])
def test_the_export_folder_has_the_users_usual_permissions(small_archive, tmp_path: Path, fmt: str) -> None:
    catalog, _ = small_archive
    target = tmp_path / fmt
    old = os.umask(0o022)
    try:
        export(catalog, fmt, target, long_edge=200)
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o755
    for path in target.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), (path, oct(mode))
    old = os.umask(0o027)
    try:
        export(catalog, fmt, target, long_edge=200, force=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o750
    assert {stat.S_IMODE(p.stat().st_mode) for p in target.rglob("*") if p.is_file()} == {0o640}
