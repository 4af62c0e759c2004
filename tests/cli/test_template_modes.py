"""``template create|edit --mode FIELD=MODE``: how a template sets a field (replace by default)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import run, show


@pytest.fixture
def archive(archive_on_backend: tuple[Path, list[int]]) -> tuple[Path, list[int]]:
    """Each test runs on SQLite and on PostgreSQL (``archive_on_backend``)."""
    return archive_on_backend


def test_mode_from_the_command_line(capsys: pytest.CaptureFixture[str], archive: tuple[Path, list[int]]) -> None:
    root, ids = archive
    code, _, err = run(capsys, root, "edit", str(ids[0]), "--creator", "Anna Sidorova")
    assert code == 0, err
    code, out, err = run(capsys, root, "template", "create", "Exp", "--creator", "Ivan Petrov", "--keywords",
                         "Shumshu", "--mode", "creator=fill", "--mode", "keywords=append", "--json")  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["modes"] == {"creator": "fill", "keywords": "append"}
    code, out, _ = run(capsys, root, "template", "show", "Exp")
    assert "[fill]" in out
    code, _, err = run(capsys, root, "edit", *map(str, ids[:2]), "--template", "Exp")
    assert code == 0, err
    assert show(capsys, root, ids[0])["creator"] == "Anna Sidorova"
    assert show(capsys, root, ids[1])["creator"] == "Ivan Petrov"
    code, _, err = run(capsys, root, "template", "edit", "Exp", "--mode", "creator")
    assert code == 2 and "FIELD=MODE" in err
    code, _, err = run(capsys, root, "template", "create", "Plain", "--creator", "Ivan Petrov")
    assert code == 0 and find_mode(capsys, root, "Plain") == {}  # replace, as before


def find_mode(capsys: pytest.CaptureFixture[str], root: Path, name: str) -> dict:
    code, out, err = run(capsys, root, "template", "show", name, "--json")
    assert code == 0, err
    return json.loads(out)["modes"]
