"""The command line as a script uses it: JSON output, exit statuses, messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from photoarchive.cli import main
from tests.conftest import write_photo, write_photos
from tests.postgres import Backend

SHOW_KEYS = {
    "id",
    "sha256",
    "original_path",
    "original_name",
    "source_path",
    "thumbnail_small",
    "thumbnail_large",
    "width",
    "height",
    "orientation",
    "captured_at",
    "camera_make",
    "camera_model",
    "latitude",
    "longitude",
    "altitude",
    "batch",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_show_check(backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = str(backend.archive(tmp_path / "archive"))
    write_photos(tmp_path / "card", 2)
    write_photo(tmp_path / "card" / "gps.jpg", seed=7, gps=(50.7, 156.3))
    (tmp_path / "card" / "readme.txt").write_text("not a photo")

    code, out, _ = run(capsys, "--archive", archive, "import", str(tmp_path / "card"), "--json", "--workers", "2")
    result = json.loads(out)
    assert code == 1  # one file failed
    assert result["imported"] == 3 and result["duplicates"] == 0 and len(result["photos"]) == 3
    assert result["failed"] == [
        {
            "path": str(tmp_path / "card" / "readme.txt"),
            "error": "not a supported photo format (TXT files are not imported)",
        }
    ]

    code, out, _ = run(capsys, "import", str(tmp_path / "card" / "gps.jpg"), "--json", "--archive", archive)
    assert code == 0 and json.loads(out)["duplicates"] == 1

    code, out, _ = run(capsys, "--archive", archive, "list", "--json")
    photos = json.loads(out)
    assert code == 0 and len(photos) == 3
    assert all(set(p) >= SHOW_KEYS for p in photos)

    photo_id = next(p["id"] for p in photos if p["original_name"] == "gps.jpg")
    code, out, _ = run(capsys, "--archive", archive, "show", str(photo_id), "--json")
    shown = json.loads(out)
    assert set(shown) >= SHOW_KEYS
    assert Path(shown["original_path"]).is_absolute() and Path(shown["original_path"]).is_file()
    # A JPEG's preview is made after the import, by the window (ingest.previews): null until then.
    assert Path(shown["thumbnail_small"]).is_file() and shown["thumbnail_large"] is None
    assert shown["latitude"] == pytest.approx(50.7) and shown["longitude"] == pytest.approx(156.3)
    assert shown["altitude"] is None and shown["captured_at"] == "2015-08-10T09:00:00"

    code, out, _ = run(capsys, "--archive", archive, "list", "--search", "gps")
    assert code == 0 and "gps.jpg" in out and "IMG_0000" not in out

    code, out, _ = run(capsys, "--archive", archive, "check", "--json")
    assert code == 0 and json.loads(out) == {
        "checked": 3,
        "problems": [],
        "untracked": [],
        "integrity": [],
        "sidecars": [],
        "repaired": [],
    }

    Path(shown["original_path"]).write_bytes(b"tampered")
    code, out, _ = run(capsys, "--archive", archive, "check", "--json")
    problems = json.loads(out)["problems"]
    assert code == 1 and problems[0]["id"] == photo_id and "changed" in problems[0]["problem"]


def test_usage_errors_exit_2(backend: Backend, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = str(backend.archive(tmp_path / "archive"))
    code, _, err = run(capsys, "--archive", archive, "show", "999")
    assert code == 2 and "no photo with id 999" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["--archive", archive, "import"])
    assert exit_info.value.code == 2


def test_installed_console_script_and_env_archive(tmp_path: Path) -> None:
    write_photos(tmp_path / "card", 1)
    env = {
        "PHOTOARCHIVE_ARCHIVE": str(tmp_path / "env-archive"),
        "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-m", "photoarchive", "import", str(tmp_path / "card"), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "env-archive" / "catalog.sqlite").is_file()
