"""``photoarchive collection ...`` as a curator and a script use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from photoarchive.cli import main
from tests.conftest import write_photos
from tests.postgres import Backend


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_collection_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: Backend) -> None:
    archive = ["--archive", str(backend.archive(tmp_path / "archive"))]
    write_photos(tmp_path / "card", 3)
    code, out, _ = run(capsys, *archive, "import", str(tmp_path / "card"), "--json", "--workers", "1")
    a, b, c = json.loads(out)["photos"]
    intro = tmp_path / "intro.md"
    intro.write_text("Бой за остров **Шумшу**.\n\n占守島の戦い。", encoding="utf-8")

    code, out, _ = run(
        capsys, *archive, "collection", "create", "shumshu", "--title", "Shumshu 1945", "--intro-file", str(intro),
        "--source", "Expedition 2015", "--category", "Timeline=August 1945", "--category", "Nations=USSR, Japan",
        "--caption-template", "{caption} [Credit photo: {creator} - {source}]", "--json",
    )  # fmt: skip
    created = json.loads(out)
    assert code == 0 and created["name"] == "shumshu" and created["introduction"].startswith("Бой")
    assert created["categories"] == [
        {"label": "Timeline", "value": "August 1945"},
        {"label": "Nations", "value": "USSR, Japan"},
    ]
    code, _, err = run(capsys, *archive, "collection", "create", "shumshu")
    assert code == 2 and "already exists" in err
    code, _, err = run(capsys, *archive, "collection", "create", "x", "--category", "no-equals-sign")
    assert code == 2 and "LABEL=VALUE" in err

    assert run(capsys, *archive, "collection", "add", "shumshu", str(c), str(a))[0] == 0
    code, _, err = run(capsys, *archive, "collection", "add", "shumshu", str(a), str(b))
    assert code == 0 and "already in the collection: " + str(a) in err
    assert run(capsys, *archive, "collection", "move", "shumshu", str(b), "--to", "1")[0] == 0
    code, _, err = run(capsys, *archive, "collection", "move", "shumshu", str(b), "--to", "4")
    assert code == 2 and "1 to 3" in err
    code, out, _ = run(capsys, *archive, "collection", "show", "shumshu", "--json")
    shown = json.loads(out)
    assert [p["id"] for p in shown["photos"]] == [b, c, a]
    assert [p["position"] for p in shown["photos"]] == [1, 2, 3]

    assert run(capsys, *archive, "collection", "remove", "shumshu", str(c))[0] == 0
    assert run(capsys, *archive, "collection", "remove", "shumshu", str(c))[0] == 1  # was not in it
    code, out, _ = run(capsys, *archive, "collection", "edit", "shumshu", "--rename", "kurils", "--title", "Kurils",
                       "--clear-categories", "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["name"] == "kurils" and json.loads(out)["categories"] == []
    code, out, _ = run(capsys, *archive, "collection", "list", "--json")
    assert [(c["name"], c["photo_count"]) for c in json.loads(out)] == [("kurils", 2)]
    code, out, _ = run(capsys, *archive, "collection", "show", "kurils")
    assert code == 0 and "Kurils" in out and "Шумшу" in out
    assert run(capsys, *archive, "collection", "show", "nope")[0] == 2
    assert run(capsys, *archive, "collection", "delete", "kurils")[0] == 0
    code, out, _ = run(capsys, *archive, "list", "--json")
    assert len(json.loads(out)) == 3
