"""Fixtures for the command-line tests: an archive of three photos, and running a command in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.cli import main
from tests.conftest import add_original, write_photo
from tests.postgres import Backend


def run(capsys: pytest.CaptureFixture[str], archive: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--archive", str(archive), *args])
    out, err = capsys.readouterr()
    return code, out, err


def show(capsys: pytest.CaptureFixture[str], archive: Path, photo_id: int) -> dict:
    code, out, err = run(capsys, archive, "show", str(photo_id), "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def archive(backend: Backend, tmp_path: Path) -> tuple[Path, list[int]]:
    """An archive with three photos (recorded directly: no import run needed here), its catalog
    on each backend in turn: every test that takes it runs on SQLite and on PostgreSQL."""
    return three_photos(backend.archive(tmp_path / "archive"), tmp_path / "card")


@pytest.fixture
def archive_on_backend(backend: Backend, tmp_path: Path) -> tuple[Path, list[int]]:
    """``archive`` (on each backend), under the name the modules that override ``archive`` use."""
    return three_photos(backend.archive(tmp_path / "archive"), tmp_path / "card")


def three_photos(root: Path, card: Path) -> tuple[Path, list[int]]:
    """The archive at ``root`` with three photos written to ``card`` and recorded directly."""
    with Catalog(root) as catalog:
        ids = [add_original(catalog, write_photo(card / f"IMG_{n}.JPG", seed=n)) for n in range(3)]
    return root, ids
