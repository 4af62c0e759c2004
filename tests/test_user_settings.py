"""The curator's name, set once per person per computer (``photoarchive config curator NAME``,
``photoarchive.user_settings``): the history records each edit under the name of whoever made it,
also when two curators edit a catalog on a server at once, and a server lists each session as
``photoarchive:NAME``. ``$PHOTOARCHIVE_CURATOR`` comes first, a name the caller sets before both."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from photoarchive import user_settings
from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_fields
from photoarchive.cli.app import main
from photoarchive.errors import ValidationError
from tests.conftest import add_original, write_photos
from tests.postgres import Backend


@pytest.fixture
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    file = tmp_path / "user" / "settings.json"
    monkeypatch.setenv(user_settings.FILE_VARIABLE, str(file))
    monkeypatch.delenv(user_settings.CURATOR_VARIABLE, raising=False)
    return file


def test_the_name_is_kept_for_the_user_and_comes_after_the_environment(
    own_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert user_settings.curator_name() is None
    assert user_settings.set_curator("  Anna   Petrova ") == "Anna Petrova"
    assert json.loads(own_settings.read_text(encoding="utf-8")) == {"curator": "Anna Petrova"}
    assert user_settings.curator_name() == "Anna Petrova"
    assert user_settings.application_name() == "photoarchive:Anna Petrova"
    monkeypatch.setenv(user_settings.CURATOR_VARIABLE, "Ivan Sidorov")  # a shared login: the environment tells
    assert user_settings.curator_name() == "Ivan Sidorov"
    assert user_settings.configured_curator() == "Anna Petrova"
    monkeypatch.delenv(user_settings.CURATOR_VARIABLE)
    assert user_settings.set_curator(None) is None
    assert user_settings.curator_name() is None and user_settings.application_name() == "photoarchive"
    with pytest.raises(ValidationError, match="control characters"):
        user_settings.set_curator("Anna\x07")
    own_settings.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="not JSON"):
        user_settings.curator_name()


def test_the_catalog_records_edits_under_the_name_set(
    own_settings: Path, tmp_path: Path, backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    from photoarchive.edits import apply_edit

    user_settings.set_curator("Анна Петрова")
    with Catalog(backend.archive(tmp_path / "archive")) as catalog:
        photo = add_original(catalog, write_photos(tmp_path / "card", 1)[0])
        assert catalog.curator == "Анна Петрова"
        edit = apply_edit(catalog, [photo], {"caption": "Cape Kokutan"})
        assert edit.who == "Анна Петрова"
        catalog.curator = "Guest"  # the owner's name comes first
        assert catalog.reopen().curator == "Guest"


def test_config_curator_on_the_command_line(own_settings: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "curator"]) == 0
    assert "no name set" in capsys.readouterr().out
    assert main(["config", "curator", "Anna Petrova"]) == 0
    assert capsys.readouterr().out.strip() == "Anna Petrova"
    assert main(["config", "curator", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == {"curator": "Anna Petrova", "from": "settings", "file": str(own_settings)}
    assert main(["config", "curator", " "]) == 2
    err = capsys.readouterr().err
    assert "an empty name" in err and "Traceback" not in err
    assert main(["config", "curator", "--forget"]) == 0
    assert "no name set" in capsys.readouterr().out
    assert user_settings.configured_curator() is None


def test_two_curators_edit_one_catalog_and_the_history_names_both(tmp_path: Path, backend: Backend) -> None:
    """Two programs, each with its own user's settings (two people, two computers), name their
    curators with ``config curator`` and edit the same photos at once; ``photoarchive history``
    lists each edit under its curator's name."""
    root = backend.archive(tmp_path / "archive")
    with Catalog(root) as catalog:
        for source in write_photos(tmp_path / "card", 2):
            add_original(catalog, source)
    names = {"anna": "Anna Petrova", "ivan": "Иван Сидоров"}

    def environment(who: str) -> dict[str, str]:
        env = {**os.environ, user_settings.FILE_VARIABLE: str(tmp_path / who / "settings.json")}
        env.pop(user_settings.CURATOR_VARIABLE, None)
        return env

    def photoarchive(who: str, *args: str) -> list[str]:
        return [sys.executable, "-m", "photoarchive", "--archive", str(root), *args]

    for who, name in names.items():
        subprocess.run(photoarchive(who, "config", "curator", name), env=environment(who), check=True, timeout=120)
    running = [
        subprocess.Popen(
            photoarchive(who, "edit", "1-2", "--add-keywords", who), env=environment(who), stderr=subprocess.PIPE
        )
        for who in names
    ]
    for process in running:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
    shown = subprocess.run(
        photoarchive("anna", "history", "--json"), env=environment("anna"), capture_output=True, text=True, timeout=120
    )
    assert shown.returncode == 0, shown.stderr
    edits = json.loads(shown.stdout)
    assert sorted(edit["who"] for edit in edits) == sorted(names.values())
    with Catalog(root) as catalog:
        assert all(set(f.keywords) == {"anna", "ivan"} for f in load_fields(catalog, [1, 2]).values())


@pytest.mark.postgresql
def test_a_server_lists_the_session_under_the_curators_name(
    own_settings: Path, tmp_path: Path, pg_url: str, backend: Backend
) -> None:
    if backend.name != "postgresql":
        pytest.skip("a session's name is a server's")
    user_settings.set_curator("Anna Petrova")
    with Catalog(backend.archive(tmp_path / "archive")) as catalog:
        name = catalog.conn.execute("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()")
        assert name.fetchone()[0] == "photoarchive:Anna Petrova"
