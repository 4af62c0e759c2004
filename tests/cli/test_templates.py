"""``photoarchive template ...``, ``edit --template`` and ``import --template``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import run, show
from tests.conftest import write_photos
from tests.postgres import Backend


@pytest.fixture
def archive(archive_on_backend: tuple[Path, list[int]]) -> tuple[Path, list[int]]:
    """Each test runs on SQLite and on PostgreSQL (``archive_on_backend``)."""
    return archive_on_backend


EXPEDITION = [
    "--creator", "Иван Петров", "--credit", "Shumshu 2015 search expedition", "--copyright", "© {date:%Y} {creator}",
    "--usage-terms", "CC BY-SA 4.0", "--event", "Поисковая экспедиция «Шумшу-2015»",
    "--job-id", "SH2015-{sequence:03}", "--add-keywords", "Шумшу,{city}",
]  # fmt: skip


def test_template_commands(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, (a, b, _) = archive
    name = "Shumshu 2015 expedition"
    code, out, err = run(capsys, root, "template", "create", name, *EXPEDITION, "--json")
    assert code == 0, err
    created = json.loads(out)
    assert created["values"]["copyright"] == "© {date:%Y} {creator}" and created["add_keywords"] == ["Шумшу", "{city}"]

    code, _, err = run(capsys, root, "template", "create", "bad", "--copyright", "© {year} {creator}")
    assert code == 2 and "--copyright: unknown variable {year}" in err
    code, _, err = run(capsys, root, "template", "create", name.upper(), "--credit", "x")
    assert code == 2 and "already exists" in err

    code, out, _ = run(capsys, root, "template", "list")
    assert code == 0 and name in out and "bad" not in out
    code, out, _ = run(
        capsys, root, "template", "edit", name, "--credit", "Экспедиция «Шумшу»", "--unset", "usage-terms"
    )
    assert code == 0 and "Экспедиция «Шумшу»" in out and "usage_terms" not in out

    run(capsys, root, "edit", str(b), "--city", "Шумшу")
    code, out, err = run(capsys, root, "edit", str(b), str(a), "--template", "shumshu 2015 EXPEDITION", "--title", "T",
                         "--json")  # fmt: skip
    assert code == 0, err
    assert len({c["photo"] for c in json.loads(out)["changes"]}) == 2
    shown_b, shown_a = show(capsys, root, b), show(capsys, root, a)
    assert shown_b["job_id"] == "SH2015-001" and shown_a["job_id"] == "SH2015-002"
    assert shown_a["copyright"] == "© 2015 Иван Петров" and shown_a["title"] == "T"
    assert shown_b["keywords"] == ["Шумшу"] and shown_b["credit"] == "Экспедиция «Шумшу»"

    code, out, _ = run(capsys, root, "template", "show", name, "--json")
    assert code == 0 and json.loads(out)["name"] == name
    assert run(capsys, root, "template", "remove", name)[0] == 0
    code, _, err = run(capsys, root, "template", "show", name)
    assert code == 2 and "no template named" in err


def test_import_with_a_template(backend: Backend, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = backend.archive(tmp_path / "archive")
    write_photos(tmp_path / "card", 2)
    code, _, err = run(capsys, root, "import", str(tmp_path / "card"), "--template", "missing")
    assert code == 2 and "no template named 'missing'" in err
    assert run(capsys, root, "list", "--json")[1].strip() == "[]"  # nothing was imported

    run(capsys, root, "template", "create", "Shumshu", *EXPEDITION)
    code, out, err = run(capsys, root, "import", str(tmp_path / "card"), "--template", "Shumshu", "--workers", "1",
                         "--json")  # fmt: skip
    assert code == 0, err
    summary = json.loads(out)
    code, out, _ = run(capsys, root, "history", "--json")
    assert [e["id"] for e in json.loads(out)] == [summary["template_edit"]]  # one edit for the batch
    first, second = sorted((show(capsys, root, i) for i in summary["photos"]), key=lambda p: p["original_name"])
    assert (first["job_id"], second["job_id"]) == ("SH2015-001", "SH2015-002")  # in the order they were taken
    assert first["creator"] == "Иван Петров" and first["keywords"] == ["Шумшу"]
