"""Restore brings back every language and structured field the sidecars hold: a catalog rebuilt
from the sidecars alone, and one restored from an older backup and brought up to date (a
language added and another removed after the backup)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.conftest import run, show
from tests.conftest import SAMPLES, write_photos
from tests.postgres import Backend, drop_tables

REFERENCE = SAMPLES / "metadata" / "IPTC-PhotometadataRef-Std2022.1.jpg"
# What a catalog of its own numbers or times anew (the import batch, the search key), and the
# preview cache: a rebuild makes the 1024 px preview the import left for the window to make.
LOCAL = ("batch_id", "thumbnail_large")


def ok(capsys: pytest.CaptureFixture[str], archive: Path, *args: str) -> str:
    code, out, err = run(capsys, archive, *args)
    assert code == 0, (args, err)
    return out


def everything(capsys: pytest.CaptureFixture[str], archive: Path) -> dict[str, dict]:
    """Each photo's ``show --json``, by original name."""
    photos = json.loads(ok(capsys, archive, "list", "--json"))
    out = {}
    for photo in photos:
        data = show(capsys, archive, photo["id"])
        out[data["original_name"]] = {k: v for k, v in data.items() if k not in LOCAL}
    return out


def differences(after: dict[str, dict], before: dict[str, dict]) -> dict[str, dict[str, tuple]]:
    """Each photo's fields that differ: (after, before)."""
    names = set(after) | set(before)
    return {
        name: diff
        for name in sorted(names)
        if (
            diff := {
                k: (after.get(name, {}).get(k), before.get(name, {}).get(k))
                for k in set(after.get(name, {})) | set(before.get(name, {}))
                if after.get(name, {}).get(k) != before.get(name, {}).get(k)
            }
        )
    }


def curate(capsys: pytest.CaptureFixture[str], tmp_path: Path, archive: Path) -> None:
    card = tmp_path / "card"
    write_photos(card, 2)
    shutil.copy(REFERENCE, card / REFERENCE.name)  # its image regions come from the file
    ok(capsys, archive, "import", str(card), "--workers", "1")
    ok(capsys, archive, "config", "languages", "en,ru,ja")
    ok(capsys, archive, "edit", "1", "2", "3", "--caption", "Tank wreck", "--title", "Shumshu")
    ok(capsys, archive, "edit", "1", "2", "--lang", "ru", "--caption", "Обломки танка", "--title", "Шумшу")
    ok(capsys, archive, "edit", "1", "--lang", "ja", "--caption", "戦車の残骸")
    ok(capsys, archive, "edit", "1", "3",
       "--persons-shown", "Ivanov\\, Pyotr,Sato",
       "--location-created", "city=Severo-Kurilsk; country=Russia; country-code=RUS",
       "--artworks", "title=Medal For Courage;creator=Mint A,Mint B;date_created=1943",
       "--artworks", "title=Letter\\; page 2")  # fmt: skip


def lose_catalog(archive: Path, backend: Backend, *, backups: bool) -> None:
    """The catalog lost: its file, or on a server every table of its database (an empty one)."""
    if backend.url is not None:
        drop_tables(backend.url)
    for path in archive.glob("catalog.sqlite*"):
        path.unlink()
    if backups:
        for path in (archive / "backups").iterdir():
            path.unlink()


def test_a_catalog_rebuilt_from_the_sidecars_has_every_language_and_structure(
    backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = backend.archive(tmp_path / "archive")
    curate(capsys, tmp_path, archive)
    before = everything(capsys, archive)
    first = before["IMG_0000.JPG"]
    assert first["translations"] == {
        "ja": {"caption": "戦車の残骸"},
        "ru": {"title": "Шумшу", "caption": "Обломки танка"},
    }
    assert first["persons_shown"] == ["Ivanov, Pyotr", "Sato"] and len(first["artworks"]) == 2
    assert first["location_created"]["city"] == "Severo-Kurilsk"
    assert before[REFERENCE.name]["image_regions"] and before[REFERENCE.name]["persons_shown"]

    lose_catalog(archive, backend, backups=True)
    result = json.loads(ok(capsys, archive, "restore", "--from-sidecars", "--json"))
    assert len(result["readded"]) == 3 and result["unrecovered"] == []
    assert result["languages"] == ["en", "ru", "ja"]
    assert ok(capsys, archive, "config", "languages") == "en (default), ru, ja\n"
    assert differences(everything(capsys, archive), before) == {}
    assert json.loads(ok(capsys, archive, "check", "--json"))["sidecars"] == []
    # The languages are searchable again (the search text is made with them).
    found = json.loads(ok(capsys, archive, "list", "--search", "戦車の残骸", "--json"))
    assert [p["original_name"] for p in found] == ["IMG_0000.JPG"]


def test_an_older_backup_brought_up_to_date_drops_the_languages_removed_since(
    backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = backend.archive(tmp_path / "archive")
    curate(capsys, tmp_path, archive)
    ok(capsys, archive, "collection", "create", "tanks", "--title", "Tanks")
    ok(capsys, archive, "collection", "edit", "tanks", "--lang", "ru", "--title", "Танки")
    ok(capsys, archive, "backup")
    ok(capsys, archive, "collection", "edit", "tanks", "--lang", "ja", "--title", "戦車")  # lost: not in sidecars
    # After the backup: Japanese added to photo 2, Russian removed from photo 1 (both fields),
    # photo 3's structures changed, and photo 1's ja caption changed.
    ok(capsys, archive, "edit", "2", "--lang", "ja", "--caption", "残骸", "--title", "占守島")
    ok(capsys, archive, "edit", "1", "--lang", "ru", "--caption", "", "--title", "")
    ok(capsys, archive, "edit", "1", "--lang", "ja", "--caption", "戦車")
    ok(capsys, archive, "edit", "3", "--persons-shown", "Kuznetsov", "--location-created", "city=Moscow",
       "--artworks", "title=Map")  # fmt: skip
    before = everything(capsys, archive)
    assert before["IMG_0000.JPG"]["translations"] == {"ja": {"caption": "戦車"}}
    assert before["IMG_0001.JPG"]["translations"] == {
        "ja": {"title": "占守島", "caption": "残骸"},
        "ru": {"title": "Шумшу", "caption": "Обломки танка"},
    }

    lose_catalog(archive, backend, backups=False)
    result = json.loads(ok(capsys, archive, "restore", "--json"))
    assert sorted(result["updated"]) == [1, 2, 3] and result["readded"] == []
    # Collections come from the backup alone, with its languages as they were when it was taken.
    collection = json.loads(ok(capsys, archive, "collection", "show", "tanks", "--json"))
    assert collection["translations"] == {"ru": {"title": "Танки"}}
    assert differences(everything(capsys, archive), before) == {}
    assert json.loads(ok(capsys, archive, "check", "--json"))["sidecars"] == []
    # One edit, undone as any other: the backup's languages come back, Russian included.
    ok(capsys, archive, "undo", str(result["edit"]))
    assert show(capsys, archive, 1)["translations"] == {
        "ja": {"caption": "戦車の残骸"},
        "ru": {"title": "Шумшу", "caption": "Обломки танка"},
    }


def test_a_language_value_the_rules_refuse_is_said_and_the_backups_kept(
    backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = backend.archive(tmp_path / "archive")
    curate(capsys, tmp_path, archive)
    ok(capsys, archive, "backup")
    ok(capsys, archive, "edit", "2", "--credit", "After the backup")
    (path,) = (archive / "originals").rglob("IMG_0001.JPG.xmp")
    # A line break in a one-line field, as a damaged or hand-edited sidecar might hold it.
    path.write_text(path.read_text(encoding="utf-8").replace("Шумшу", "Шум\\nшу"), encoding="utf-8")
    lose_catalog(archive, backend, backups=False)
    result = json.loads(ok(capsys, archive, "restore", "--json"))
    assert result["updated"] == [2]
    assert any("photo 2" in w and "the backup's value is kept" in w for w in result["warnings"])
    photo = show(capsys, archive, 2)
    assert photo["credit"] == "After the backup" and photo["translations"]["ru"]["title"] == "Шумшу"


def test_a_default_language_changed_after_the_backup_comes_from_the_sidecars(
    backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = backend.archive(tmp_path / "archive")
    curate(capsys, tmp_path, archive)
    ok(capsys, archive, "backup")
    ok(capsys, archive, "config", "languages", "ru,en,ja")  # Russian into the columns, English into rows
    before = everything(capsys, archive)
    assert before["IMG_0000.JPG"]["caption"] == "Обломки танка"
    assert before["IMG_0000.JPG"]["translations"]["en"] == {"title": "Shumshu", "caption": "Tank wreck"}

    lose_catalog(archive, backend, backups=False)
    out = ok(capsys, archive, "restore")
    assert "The archive's languages, from the sidecars: ru (default), en, ja" in out
    assert ok(capsys, archive, "config", "languages") == "ru (default), en, ja\n"
    assert differences(everything(capsys, archive), before) == {}


def test_a_rebuild_says_that_collections_come_from_backups_only(
    backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = backend.archive(tmp_path / "archive")
    write_photos(tmp_path / "card", 1)
    ok(capsys, archive, "import", str(tmp_path / "card"), "--workers", "1")
    ok(capsys, archive, "collection", "create", "tanks", "--title", "Tanks")
    lose_catalog(archive, backend, backups=True)
    out = ok(capsys, archive, "restore", "--from-sidecars")
    assert "Collections, templates and export settings are kept in the backups only: none came back" in out
    assert json.loads(ok(capsys, archive, "collection", "list", "--json")) == []
