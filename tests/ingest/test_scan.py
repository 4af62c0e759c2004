"""The scan of an import's sources: each given path is resolved once, the archive once."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from photoarchive.ingest.scan import scan
from tests.conftest import write_photo

# The module (``photoarchive.ingest.scan`` names the function, bound in the package).
scan_module = importlib.import_module("photoarchive.ingest.scan")


def test_each_file_named_is_resolved_once_and_the_archive_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = [write_photo(tmp_path / "card" / f"IMG_{i:04d}.JPG", seed=i) for i in range(3)]
    archive = tmp_path / "archive"
    archive.mkdir()
    resolved: list[Path] = []
    real_path, resolve = scan_module.real_path, Path.resolve

    def counted_real_path(path: Path) -> Path | None:
        resolved.append(path)
        return real_path(path)

    def counted_resolve(self: Path, strict: bool = False) -> Path:
        if self == archive:
            resolved.append(self)
        return resolve(self, strict)

    monkeypatch.setattr(scan_module, "real_path", counted_real_path)
    monkeypatch.setattr(Path, "resolve", counted_resolve)
    found = scan([*files, files[0]], archive=archive)  # the same file twice: once
    assert [path for path, _ in found.entries] == [str(p) for p in files]
    assert sorted(resolved) == sorted([archive, *files, files[0]])


def test_a_file_inside_the_archive_is_refused_and_a_folder_walk_passes_the_archive_by(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    inside = write_photo(archive / "originals" / "IMG_0001.JPG", seed=1)
    outside = write_photo(tmp_path / "IMG_0002.JPG", seed=2)
    found = scan([inside, tmp_path], archive=archive)
    assert [path for path, error in found.entries if error is None] == [str(outside)]
    assert any(path == str(inside) and error and "inside the archive" in error for path, error in found.entries)
