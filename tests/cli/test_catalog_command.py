"""``photoarchive catalog migrate-to`` and ``--catalog`` as a user runs them: the copy checked table
by table, the archive switched only with ``--use``, and every refusal in one line without a
traceback (a password in the URL, a server not there, a database in the C locale, a target that
holds a catalog). Cases that need a server take ``pg_url`` (skipped without one)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from photoarchive.cli.app import main
from tests.conftest import write_photos
from tests.postgres import new_database


@pytest.fixture
def archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "archive"
    sources = write_photos(tmp_path / "card", 3)
    assert main(["--archive", str(root), "import", *map(str, sources)]) == 0
    assert main(["--archive", str(root), "edit", "1", "--caption", "Cape Kokutan", "--rating", "5"]) == 0
    capsys.readouterr()
    return root


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("photoarchive: error: ")
    return lines[0]


def test_a_password_in_the_url_is_refused_in_one_line(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql://curator:s3cret@db.example/archive"
    assert main(["--archive", str(archive), "catalog", "migrate-to", url]) == 1
    line = one_line_error(capsys)
    assert "holds a password" in line and "s3cret" not in line
    assert main(["--archive", str(archive), "--catalog", url, "list"]) == 1
    line = one_line_error(capsys)
    assert "holds a password" in line and "s3cret" not in line


def test_photoarchive_catalog_in_the_environment_is_the_catalog(
    archive: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PHOTOARCHIVE_CATALOG", "postgresql://curator@127.0.0.1:1/archive")
    assert main(["--archive", str(archive), "show", "1"]) == 1
    assert "postgresql://curator@127.0.0.1:1/archive: cannot open the catalog" in one_line_error(capsys)
    monkeypatch.setenv("PHOTOARCHIVE_CATALOG", "")  # empty: the archive's own catalog
    assert main(["--archive", str(archive), "show", "1"]) == 0


def test_the_command_line_reads_photoarchive_catalog_as_the_window_does(
    archive: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """One rule for $PHOTOARCHIVE_CATALOG (catalog.location.from_environment), used by both: a
    value of blanks is no address (the archive's own catalog), and --catalog comes before it."""
    from photoarchive.catalog.location import from_environment
    from photoarchive.cli.app import build_parser
    from photoarchive.cli.catalog import catalog_url

    for value in ("  ", " postgresql://curator@127.0.0.1:1/archive\n", ""):
        monkeypatch.setenv("PHOTOARCHIVE_CATALOG", value)
        assert catalog_url(build_parser().parse_args(["list"])) == from_environment()
    monkeypatch.setenv("PHOTOARCHIVE_CATALOG", "  ")
    assert main(["--archive", str(archive), "show", "1"]) == 0
    monkeypatch.setenv("PHOTOARCHIVE_CATALOG", " postgresql://curator@127.0.0.1:1/archive\n")
    assert main(["--archive", str(archive), "show", "1"]) == 1
    assert "postgresql://curator@127.0.0.1:1/archive: cannot open the catalog" in one_line_error(capsys)
    parsed = build_parser().parse_args(["--catalog", "postgresql://db.example/team", "list"])
    assert catalog_url(parsed) == "postgresql://db.example/team"


def test_a_server_that_is_not_there_is_one_line(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--archive", str(archive), "catalog", "migrate-to", "postgresql://curator@127.0.0.1:1/archive"]) == 1
    line = one_line_error(capsys)
    assert "postgresql://curator@127.0.0.1:1/archive: cannot open the catalog" in line
    assert not (archive / "catalog.url").exists()


def test_to_a_file_and_use_only_for_the_archives_own(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.sqlite"
    assert main(["--archive", str(archive), "catalog", "migrate-to", str(copy)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^photos\s+3 rows\s+[0-9a-f]{16}\s+same", out, re.MULTILINE), out
    assert "DIFFERENT" not in out and out.count(" same ") >= 10
    assert f"the copy is {copy}" in out
    assert copy.is_file()
    # the same file again: it holds a catalog now
    assert main(["--archive", str(archive), "catalog", "migrate-to", str(copy)]) == 1
    assert "already holds a catalog" in one_line_error(capsys)
    assert main(["--archive", str(archive), "catalog", "migrate-to", str(tmp_path / "other.sqlite"), "--use"]) == 2
    assert "--use with a file" in one_line_error(capsys)
    assert main(["--archive", str(archive), "catalog", "migrate-to", str(archive / "catalog.sqlite")]) == 2
    assert "already there" in one_line_error(capsys)


def test_to_a_server_switches_the_archive_only_with_use(
    archive: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--archive", str(archive), "list", "--json"]) == 0
    listed = capsys.readouterr().out
    with new_database(pg_url, "cli_migrate") as url:
        assert main(["--archive", str(archive), "catalog", "migrate-to", url]) == 0
        out = capsys.readouterr().out
        assert "DIFFERENT" not in out
        assert f"To use the copy: photoarchive --catalog {url} ..., or run this again with --use" in out
        assert not (archive / "catalog.url").exists()
        # the server's copy is what --catalog opens
        assert main(["--archive", str(archive), "--catalog", url, "show", "1"]) == 0
        assert "Cape Kokutan" in capsys.readouterr().out
        # a second time: the database holds the catalog now
        assert main(["--archive", str(archive), "catalog", "migrate-to", url, "--use"]) == 1
        assert "already holds a catalog (" in one_line_error(capsys)
        assert not (archive / "catalog.url").exists()

    with new_database(pg_url, "cli_migrate_use") as url:
        assert main(["--archive", str(archive), "catalog", "migrate-to", url, "--use", "--json"]) == 0
        assert '"used": true' in capsys.readouterr().out
        assert url in (archive / "catalog.url").read_text()
        # and back to the archive's own catalog.sqlite, which must be empty or absent first
        (archive / "catalog.sqlite").rename(archive.parent / "old.sqlite")
        assert main(["--archive", str(archive), "catalog", "migrate-to", str(archive / "catalog.sqlite"), "--use"]) == 0
        capsys.readouterr()
        assert not (archive / "catalog.url").exists()
    assert main(["--archive", str(archive), "list", "--json"]) == 0
    assert capsys.readouterr().out == listed


def test_a_c_locale_database_is_refused_in_one_line(archive: Path, pg_url: str, capsys) -> None:
    with new_database(pg_url, "cli_c_locale", ctype="C") as url:
        assert main(["--archive", str(archive), "catalog", "migrate-to", url]) == 1
        line = one_line_error(capsys)
        assert "character type C" in line and "CREATE DATABASE cli_c_locale TEMPLATE template0" in line
