"""Losing the catalog loses nothing: backup, restore, restore --from-sidecars, a damaged catalog."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from photoarchive.cli import main
from tests.conftest import write_photos
from tests.postgres import Backend, drop_tables


def cli(capsys: pytest.CaptureFixture[str], archive: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--archive", str(archive), *args])
    out, err = capsys.readouterr()
    return code, out, err


def shown(capsys: pytest.CaptureFixture[str], archive: Path) -> dict[int, dict]:
    code, out, _ = cli(capsys, archive, "list", "--json")
    assert code == 0
    return {p["id"]: p for p in json.loads(out)}


def curate(capsys: pytest.CaptureFixture[str], tmp_path: Path, archive: Path) -> None:
    """Three photos, places, a collection, captions; a backup; then more work after it."""
    write_photos(tmp_path / "card", 3)
    assert cli(capsys, archive, "import", str(tmp_path / "card"), "--workers", "1")[0] == 0
    assert cli(capsys, archive, "place", "add", "Russia", "--kind", "country")[0] == 0
    assert cli(capsys, archive, "place", "add", "Shumshu", "--kind", "island", "--parent", "Russia",
               "--lat", "50.7686", "--lon", "156.30", "--alt-name", "ru:Шумшу")[0] == 0  # fmt: skip
    assert cli(capsys, archive, "edit", "1", "2", "--caption", "Обломки танка", "--keywords", "Шумшу,tank")[0] == 0
    assert cli(capsys, archive, "collection", "create", "shumshu", "--title", "Shumshu")[0] == 0
    assert cli(capsys, archive, "collection", "add", "shumshu", "1", "2")[0] == 0
    code, out, _ = cli(capsys, archive, "backup", "--json")
    assert code == 0 and Path(json.loads(out)["path"]).is_file()
    # After the backup: edits, a new place, and a new photo.
    assert cli(capsys, archive, "place", "add", "Height 171", "--parent", "Shumshu", "--lat", "50.7153",
               "--lon", "156.2547", "--radius", "400")[0] == 0  # fmt: skip
    assert cli(capsys, archive, "edit", "3", "--caption", "After the backup", "--credit", "Expedition 2015")[0] == 0
    assert cli(capsys, archive, "edit", "2", "--place", "Height 171", "--creator", "Ivan Petrov")[0] == 0
    write_photos(tmp_path / "card2", 1, start=7)
    assert cli(capsys, archive, "import", str(tmp_path / "card2"), "--workers", "1")[0] == 0
    assert cli(capsys, archive, "edit", "4", "--caption", "Imported after the backup", "--keywords", "late")[0] == 0


def lose_catalog(archive: Path, backend: Backend) -> None:
    """The catalog lost: its file, or on a server every table of its database (an empty one)."""
    if backend.url is not None:
        drop_tables(backend.url)
    for path in archive.glob("catalog.sqlite*"):
        path.unlink()


CURATED = ("caption", "keywords", "credit", "creator", "city", "country", "sublocation", "latitude", "longitude")


def essentials(photos: dict[int, dict]) -> dict[str, dict]:
    return {
        p["original_name"]: {
            **{f: p[f] for f in CURATED},
            "place": p["place"]["path"] if p["place"] else None,
        }
        for p in photos.values()
    }


def test_a_deleted_catalog_is_refused_then_restored_with_everything(
    backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = backend.archive(tmp_path / "archive")
    curate(capsys, tmp_path, archive)
    before = essentials(shown(capsys, archive))
    assert before["IMG_0001.JPG"]["place"] == "Russia > Shumshu > Height 171"

    lose_catalog(archive, backend)
    for command in (["list"], ["check"], ["edit", "1", "--caption", "x"]):
        code, _, err = cli(capsys, archive, *command)
        assert code == 2 and "photoarchive restore" in err and "Traceback" not in err
    assert not (archive / "catalog.sqlite").exists()

    code, out, _ = cli(capsys, archive, "backup", "--list", "--json")
    assert code == 0 and len(json.loads(out)) >= 1
    code, out, err = cli(capsys, archive, "restore", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["replaced"] is None and result["unrecovered"] == []
    assert sorted(result["updated"]) == [2, 3] and len(result["readded"]) == 1
    assert essentials(shown(capsys, archive)) == before  # nothing lost
    code, out, _ = cli(capsys, archive, "collection", "list", "--json")
    assert "shumshu" in out
    code, out, _ = cli(capsys, archive, "check", "--json")
    assert code == 0, out

    # The catch-up is one edit: undone, the photos the backup knew are as it had them.
    assert cli(capsys, archive, "undo", str(result["edit"]))[0] == 0
    undone = essentials(shown(capsys, archive))
    assert undone["IMG_0002.JPG"]["caption"] == "" and undone["IMG_0001.JPG"]["place"] is None
    assert undone["IMG_0007.JPG"]["caption"] == "Imported after the backup"  # recorded again, not edited


def test_restore_from_sidecars_alone(backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = backend.archive(tmp_path / "archive")
    curate(capsys, tmp_path, archive)
    before = essentials(shown(capsys, archive))
    lose_catalog(archive, backend)
    for backup in (archive / "backups").iterdir():
        backup.unlink()
    code, _, err = cli(capsys, archive, "restore")
    assert code == 2 and "--from-sidecars" in err
    code, out, err = cli(capsys, archive, "restore", "--from-sidecars", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert len(result["readded"]) == 4 and sorted(result["places_added"]) == ["Height 171", "Russia", "Shumshu"]
    assert essentials(shown(capsys, archive)) == before
    code, out, _ = cli(capsys, archive, "place", "list")
    assert "Шумшу" in out
    assert cli(capsys, archive, "check")[0] == 0


@pytest.mark.sqlite_only(
    "a catalog file replaced by a backup and kept; on a server restore never replaces a catalog that"
    " holds photos (test_restore_on_a_server_refuses_a_catalog_that_is_not_empty)"
)
def test_restore_keeps_the_catalog_it_replaces(
    backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = backend.archive(tmp_path / "archive")
    write_photos(tmp_path / "card", 1)
    cli(capsys, archive, "import", str(tmp_path / "card"))
    code, out, _ = cli(capsys, archive, "backup", "--json")
    name = json.loads(out)["name"]
    cli(capsys, archive, "edit", "1", "--caption", "later")
    code, out, _ = cli(capsys, archive, "restore", name, "--json")
    replaced = Path(json.loads(out)["replaced"])
    assert code == 0 and replaced.parent == archive / "backups" and replaced.is_file()
    with sqlite3.connect(replaced) as old:
        assert old.execute("SELECT caption FROM photos").fetchone()[0] == "later"
    assert shown(capsys, archive)[1]["caption"] == "later"  # from the sidecar, newer than the backup
    code, _, err = cli(capsys, archive, "restore", "no-such-backup.sqlite")
    assert code == 2 and "backup --list" in err


def corrupt_page(catalog: Path, name: str) -> None:
    """Overwrite the root page of table or index ``name`` with noise."""
    with sqlite3.connect(catalog) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with catalog.open("r+b") as handle:
        handle.seek((root - 1) * page)
        handle.write(random.Random(9).randbytes(page))


@pytest.mark.sqlite_only("damage written into the SQLite file's pages; a server's storage is the server's to check")
def test_check_finds_damage_in_a_catalog_that_still_opens(
    backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = backend.archive(tmp_path / "archive")
    write_photos(tmp_path / "card", 3)
    cli(capsys, archive, "import", str(tmp_path / "card"))
    newest = json.loads(cli(capsys, archive, "backup", "--json")[1])["name"]
    corrupt_page(archive / "catalog.sqlite", "photos_original_name")  # an index no command here reads
    assert cli(capsys, archive, "list")[0] == 0
    code, out, _ = cli(capsys, archive, "check", "--json")
    report = json.loads(out)
    assert code == 1 and report["integrity"] and newest in report["advice"]
    code, _, err = cli(capsys, archive, "check")
    assert code == 1 and "damaged" in err and newest in err and "photoarchive restore" in err


@pytest.mark.sqlite_only("damage written into the SQLite file's pages; a server's storage is the server's to check")
def test_a_damaged_page_is_found_and_named_never_a_traceback(
    backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = backend.archive(tmp_path / "archive")
    write_photos(tmp_path / "card", 3)
    cli(capsys, archive, "import", str(tmp_path / "card"))
    cli(capsys, archive, "edit", "1", "2", "3", "--caption", "Обломки танка")
    assert cli(capsys, archive, "check")[0] == 0
    newest = json.loads(cli(capsys, archive, "backup", "--json")[1])["name"]

    corrupt_page(archive / "catalog.sqlite", "photos")
    for command in (["check"], ["edit", "1", "--caption", "x"], ["list"], ["show", "2"]):
        code, _, err = cli(capsys, archive, *command)
        assert code == 1, (command, err)
        assert "damaged" in err and newest in err and "photoarchive restore" in err
    code, out, err = cli(capsys, archive, "check", "--json")  # found when opening, or by the check
    assert code == 1 and ("damaged" in err or newest in json.loads(out)["advice"])
    # The same from a fresh process: the message, no traceback.
    run = subprocess.run(
        [sys.executable, "-m", "photoarchive", "--archive", str(archive), "edit", "1", "--caption", "x"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr and "damaged" in run.stderr

    assert cli(capsys, archive, "restore")[0] == 0
    assert {p["caption"] for p in shown(capsys, archive).values()} == {"Обломки танка"}
    assert cli(capsys, archive, "check")[0] == 0


def test_after_a_restore_every_sidecar_matches_the_catalog(
    backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = backend.archive(tmp_path / "archive")
    write_photos(tmp_path / "card", 1)
    cli(capsys, archive, "import", str(tmp_path / "card"))
    cli(capsys, archive, "edit", "1", "--caption", "A")
    cli(capsys, archive, "backup")
    cli(capsys, archive, "edit", "1", "--caption", "B")
    cli(capsys, archive, "edit", "1", "--caption", "A")  # the sidecar names edit 3, with the backup's values
    lose_catalog(archive, backend)
    code, out, _ = cli(capsys, archive, "restore", "--json")
    assert code == 0 and json.loads(out)["edit"] is None  # nothing to change
    assert shown(capsys, archive)[1]["caption"] == "A"
    code, out, _ = cli(capsys, archive, "check", "--json")
    assert code == 0 and json.loads(out)["sidecars"] == []


def test_restore_on_a_server_refuses_a_catalog_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pg_url: str
) -> None:
    """A team's catalog that holds photos is never replaced: refused in one line with the way to
    restore into an empty database, and the catalog unchanged."""
    archive = Backend("postgresql", pg_url).archive(tmp_path / "archive")
    write_photos(tmp_path / "card", 1)
    cli(capsys, archive, "import", str(tmp_path / "card"))
    name = json.loads(cli(capsys, archive, "backup", "--json")[1])["name"]
    cli(capsys, archive, "edit", "1", "--caption", "later")
    code, out, err = cli(capsys, archive, "restore", name)
    assert code == 1 and out == "" and "Traceback" not in err and len(err.splitlines()) == 1
    assert "not empty" in err and f"--catalog postgresql://host/new-database restore {name}" in err
    assert shown(capsys, archive)[1]["caption"] == "later"


def test_a_restore_on_a_server_stopped_before_its_catch_up_ended_is_run_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup's rows are on the server but the catch-up from the sidecars stopped (a crash):
    restore again does the catch-up instead of refusing a catalog that holds photos."""
    import photoarchive.recovery as recovery

    backend = Backend("postgresql", pg_url)
    archive = backend.archive(tmp_path / "archive")
    curate(capsys, tmp_path, archive)
    before = essentials(shown(capsys, archive))
    lose_catalog(archive, backend)

    def crash(catalog: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(recovery, "catch_up", crash)
        assert cli(capsys, archive, "restore")[0] != 0
    code, out, err = cli(capsys, archive, "restore", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert sorted(result["updated"]) == [2, 3] and len(result["readded"]) == 1
    assert essentials(shown(capsys, archive)) == before
    code, _, err = cli(capsys, archive, "restore")  # ended: a catalog holding photos again
    assert code == 1 and "not empty" in err
