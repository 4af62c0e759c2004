"""``import --previews``: the 1024 px previews the window makes after an import, made by the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from tests.cli.test_cli import run
from tests.conftest import write_photos


def test_import_with_previews_makes_them_and_says_which_not(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = str(tmp_path / "archive")
    write_photos(tmp_path / "first", 1)
    code, out, _ = run(capsys, "import", str(tmp_path / "first"), "--json", "--archive", archive)
    assert code == 0 and "previews_not_made" not in json.loads(out)
    code, out, _ = run(capsys, "--archive", archive, "list", "--json")
    [first] = json.loads(out)
    assert first["thumbnail_large"] is None  # not made by the import
    Path(first["original_path"]).write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)  # damaged since

    write_photos(tmp_path / "second", 2, start=1)
    code, out, err = run(capsys, "import", str(tmp_path / "second"), "--previews", "--archive", archive)
    assert code == 0 and "Batch 2: 2 imported" in out
    # the earlier import's photo is tried too, and said in words
    assert f"warning: preview not made: {first['original_path']}" in err and "Traceback" not in err
    code, out, _ = run(capsys, "--archive", archive, "list", "--json")
    made = [p for p in json.loads(out) if p["id"] != first["id"]]
    assert len(made) == 2
    for photo in made:
        with Image.open(photo["thumbnail_large"]) as preview:
            assert max(preview.size) == min(1024, max(photo["width"], photo["height"]))

    write_photos(tmp_path / "third", 1, start=3)
    code, out, _ = run(capsys, "import", str(tmp_path / "third"), "--previews", "--json", "--archive", archive)
    summary = json.loads(out)
    assert code == 0 and summary["imported"] == 1
    # The damaged one was said at the run that tried it, which went to its end: not again.
    assert summary["previews_not_made"] == []
    code, out, _ = run(capsys, "--archive", archive, "list", "--json")
    assert all(p["thumbnail_large"] for p in json.loads(out) if p["id"] != first["id"])
