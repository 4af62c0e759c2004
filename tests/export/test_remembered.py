"""A collection's export options are remembered in the catalog (``--as-last-time`` reuses them,
options given override them), and photos whose credit would come out blank are said first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.export_settings import load_export_settings
from photoarchive.cli import main
from photoarchive.edits import apply_edit
from photoarchive.errors import ValidationError
from photoarchive.export.checks import BARE_BURN, BLANK_CREDITS, NO_CREDIT, credit_problems
from photoarchive.export.options import ExportOptions, from_remembered, remembered
from tests.export.conftest import build_archive
from tests.postgres import Backend


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_remembered_options_round_trip_and_given_ones_win(tmp_path: Path) -> None:
    options = ExportOptions("package", tmp_path / "out", location_precision="places", burn_credit="© {creator}")
    data = json.loads(json.dumps(remembered(options)))  # as the catalog keeps it
    assert "force" not in data and "workers" not in data
    again = from_remembered(data)
    assert again == options
    assert from_remembered(data, location_precision="10km", target=None).location_precision == "10km"
    assert from_remembered({**data, "quality": "high", "zip": 1}).quality == 85  # a wrong kind is left out
    with pytest.raises(ValidationError) as error:
        from_remembered(None, format="gallery")
    assert error.value.field == "target"


def test_as_last_time_reuses_the_collection_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: Backend
) -> None:
    backend.archive(tmp_path / "archive")
    build_archive(tmp_path, count=2)
    archive = ["--archive", str(tmp_path / "archive")]
    code, _, err = run(capsys, *archive, "export", "shumshu", "--format", "package")
    assert code == 2 and "--as-last-time" in err
    first = tmp_path / "first"
    code, _, err = run(capsys, *archive, "export", "shumshu", "--format", "package", "--to", str(first),
                       "--location-precision", "places", "--metadata", "credit", "--workers", "0")  # fmt: skip
    assert code == 0, err
    with Catalog(tmp_path / "archive") as catalog:
        kept = load_export_settings(catalog, catalog.conn.execute("SELECT id FROM collections").fetchone()[0])
    assert kept is not None and kept["location_precision"] == "places" and kept["target"] == str(first)
    # Again, into another folder: the precision and metadata come from the last export.
    second = tmp_path / "second"
    code, _, err = run(capsys, *archive, "export", "shumshu", "--as-last-time", "--to", str(second),
                         "--workers", "0", "--json")  # fmt: skip
    assert code == 0, err
    manifest = json.loads((second / "manifest.json").read_text())
    assert manifest["options"]["location_precision"] == "places" and manifest["options"]["metadata"] == "credit"
    # The same folder as last time needs --force, as any export into an existing folder.
    code, _, err = run(capsys, *archive, "export", "shumshu", "--as-last-time", "--workers", "0")
    assert code == 1 and "use --force" in err
    code, _, err = run(capsys, *archive, "export", "shumshu", "--as-last-time", "--force", "--location-precision",
                       "none", "--workers", "0")  # fmt: skip
    assert code == 0, err
    assert json.loads((second / "manifest.json").read_text())["options"]["location_precision"] == "none"


def test_photos_without_credit_are_said_before_the_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: Backend
) -> None:
    backend.archive(tmp_path / "archive")
    ids = build_archive(tmp_path, count=3)
    with Catalog(tmp_path / "archive") as catalog:
        blank = {"creator": "", "credit": "", "source": "", "copyright": ""}
        apply_edit(catalog, [ids[1]], blank)
        name = catalog.photo(ids[1]).original_name
        options = ExportOptions("package", tmp_path / "pkg", burn_credit="© {creator}")
        problems = credit_problems(catalog, "shumshu", options)
    assert [p.photo_id for p in problems] == [ids[1]]
    assert problems[0].reasons == [NO_CREDIT, BARE_BURN.format(text="©"), BLANK_CREDITS]
    code, _, err = run(capsys, "--archive", str(tmp_path / "archive"), "export", "shumshu", "--format", "package",
                       "--to", str(tmp_path / "pkg"), "--burn-credit", "© {creator}", "--workers", "0")  # fmt: skip
    assert code == 0
    assert "1 of the photos need attention" in err and f"{name}: no creator or credit line" in err
