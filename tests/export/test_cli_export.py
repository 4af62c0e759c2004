"""``photoarchive export`` as a curator and a script use it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from photoarchive.cli import main
from tests.export.conftest import build_archive
from tests.postgres import Backend


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_command(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: Backend) -> None:
    backend.archive(tmp_path / "archive")
    order = build_archive(tmp_path, count=3)
    archive = ["--archive", str(tmp_path / "archive")]
    target = tmp_path / "out" / "gallery"
    code, out, _ = run(capsys, *archive, "export", "shumshu", "--format", "gallery", "--to", str(target),
                       "--long-edge", "300", "--thumbnail", "100", "--location-precision", "10km",
                       "--burn-credit", "© {creator}", "--workers", "0", "--json")  # fmt: skip
    result = json.loads(out)
    assert code == 0 and result["exported"] == 3 and result["format"] == "gallery"
    assert result["missing"] == [] and result["failed"] == [] and not result["cancelled"]
    assert (target / "index.html").is_file()

    code, _, err = run(capsys, *archive, "export", "shumshu", "--format", "gallery", "--to", str(target))
    assert code == 1 and "already exists; use --force" in err

    code, out, _ = run(capsys, *archive, "export", "shumshu", "--format", "package", "--to", str(tmp_path / "pkg"),
                       "--long-edge", "original", "--zip", "--metadata", "credit", "--workers", "0")  # fmt: skip
    assert code == 0 and "Exported 3 photos of 'shumshu' as a package" in out
    assert (tmp_path / "pkg" / "shumshu.zip").is_file()

    code, _, err = run(capsys, *archive, "export", "nope", "--format", "post", "--to", str(tmp_path / "p"))
    assert code == 2 and "no collection 'nope'" in err
    code, _, err = run(capsys, *archive, "export", "shumshu", "--format", "post", "--to", str(tmp_path / "p"),
                       "--caption-template", "{caption} by {photographer}")  # fmt: skip
    assert code == 2 and "unknown variable {photographer}" in err
    assert not (tmp_path / "p").exists()

    from photoarchive.catalog import Catalog

    with Catalog(tmp_path / "archive") as catalog:
        catalog.original_file(catalog.photo(order[0])).unlink()
    code, out, err = run(capsys, *archive, "export", "shumshu", "--format", "post", "--to", str(tmp_path / "p"),
                         "--workers", "0")  # fmt: skip
    assert code == 1 and "1 could not be exported" in out and "missing" in err


def test_copy_theme_then_use_it(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: Backend) -> None:
    backend.archive(tmp_path / "archive")
    build_archive(tmp_path, count=2)
    theme = tmp_path / "my theme"
    code, out, _ = run(capsys, "copy-theme", str(theme))
    assert "--theme" in out
    assert code == 0 and (theme / "index.html").is_file() and (theme / "assets" / "style.css").is_file()
    assert run(capsys, "copy-theme", str(theme))[0] == 1  # never over an existing folder
    (theme / "colophon.html").write_text("<footer>Changed: {{ collection.source }}</footer>\n", encoding="utf-8")
    code, _, _ = run(capsys, "--archive", str(tmp_path / "archive"), "export", "shumshu", "--format", "gallery",
                     "--to", str(tmp_path / "g"), "--theme", str(theme), "--workers", "0")  # fmt: skip
    assert code == 0 and "Changed: Search expedition" in (tmp_path / "g" / "index.html").read_text(encoding="utf-8")


def test_export_starts_the_workers_before_its_own_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, backend: Backend
) -> None:
    from photoarchive import pool
    from photoarchive.export import job

    backend.archive(tmp_path / "archive")
    build_archive(tmp_path, count=2)
    events: list[str] = []
    monkeypatch.setattr(pool, "start_workers", lambda modules: events.append(f"start {' '.join(modules)}"))
    job_init = job.ExportJob.__init__

    def init(self: job.ExportJob, *args: Any, **kwargs: Any) -> None:
        events.append("job")
        job_init(self, *args, **kwargs)

    monkeypatch.setattr(job.ExportJob, "__init__", init)
    archive = ["--archive", str(tmp_path / "archive")]
    for workers, target in (("2", "a"), ("0", "b")):
        events.clear()
        code, _, _ = run(capsys, *archive, "export", "shumshu", "--format", "gallery", "--to", str(tmp_path / target),
                         "--long-edge", "200", "--workers", workers)  # fmt: skip
        assert code == 0
        assert events[:2] == (["start photoarchive.export.render", "job"] if workers == "2" else ["job"])
