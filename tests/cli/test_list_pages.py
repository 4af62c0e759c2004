"""``photoarchive list`` at scale: --limit and --offset cut the full listing, each page is printed
(and flushed) as soon as it is read, before the rest is queried, and --json writes, an object at a
time, the same text as one JSON array."""

from __future__ import annotations

import argparse
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.catalog import FIRST_PAGE
from photoarchive.catalog.connection import transaction
from photoarchive.cli import main
from photoarchive.cli.photos import list_command
from tests.postgres import Backend, new_database, server_url

COUNT = FIRST_PAGE * 2 + 37


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def archive(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """``COUNT`` photos recorded directly; every third one's caption says "tank"; on each backend
    (a database of its own on the server). Made once for the module: its tests only read it."""
    root = tmp_path_factory.mktemp("list-pages") / "archive"
    if request.param == "sqlite":
        yield fill(root)
        return
    with new_database(server_url(), "photoarchive_cli_list_pages") as url:
        yield fill(Backend("postgresql", url).archive(root))


def fill(root: Path) -> Path:
    with Catalog(root) as catalog, transaction(catalog.conn):
        for n in range(1, COUNT + 1):
            catalog.add_photo(
                {
                    "sha256": f"{n:064x}",
                    "original_path": f"2015/{n}.jpg",
                    "original_name": f"{'AbC'[n % 3]}_{n % 17:03d}.jpg",
                    "source_path": f"/src/{n}.jpg",
                    "size": 1,
                    "format": "JPEG",
                    "imported_at": "2026-01-01T00:00:00+00:00",
                    "captured_at": None if n % 13 == 0 else f"2015-08-{n % 9 + 1:02d}T10:00:00",
                    "embedded": {"Iptc.Application2.Caption": ["a tank" if n % 3 == 0 else "fog"]},
                }
            )
    return root


def trace(conn: Any, statements: list[str]) -> None:
    """Each SQL text ``conn`` runs from now on, appended to ``statements`` (SQLite's trace
    callback; on a server, each text given to ``execute``, where LIMITs are written inline too)."""
    if hasattr(conn, "set_trace_callback"):
        conn.set_trace_callback(statements.append)
        return
    execute = conn.execute

    def recorded(sql: str, parameters: Any = (), /) -> Any:
        statements.append(sql)
        return execute(sql, parameters)

    conn.execute = recorded


def listed(capsys: pytest.CaptureFixture[str], archive: Path, *args: str) -> tuple[list[int], str]:
    code = main(["--archive", str(archive), "list", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return [int(line.split()[0]) for line in out.splitlines()], err


@pytest.mark.parametrize("sort", ["captured", "imported", "name"])
@pytest.mark.parametrize("search", [[], ["--search", "tank"], ["--search", "nothing-here"]])
def test_limit_and_offset_cut_the_full_listing(
    archive: Path, capsys: pytest.CaptureFixture[str], sort: str, search: list[str]
) -> None:
    full, err = listed(capsys, archive, "--sort", sort, *search)
    assert len(set(full)) == len(full) and err.strip() == f"{len(full)} photos"
    for offset, limit in [(0, 1), (0, FIRST_PAGE), (3, FIRST_PAGE + 5), (FIRST_PAGE, 2 * FIRST_PAGE), (5, 0)]:
        part, err = listed(capsys, archive, "--sort", sort, *search, "--offset", str(offset), "--limit", str(limit))
        assert part == full[offset : offset + limit], (offset, limit)
        assert err.startswith(f"{len(part)} photo{'' if len(part) == 1 else 's'} listed, from number {offset + 1}")
    assert listed(capsys, archive, "--sort", sort, *search, "--offset", "7")[0] == full[7:]
    assert listed(capsys, archive, "--sort", sort, *search, "--offset", str(COUNT + 1))[0] == []


def test_count_is_said_after_the_list(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    part, err = listed(capsys, archive, "--search", "tank", "--limit", "5", "--count")
    assert len(part) == 5
    assert err.splitlines()[-1] == f"{COUNT // 3} photos match in all"


@pytest.mark.parametrize("value", ["-1", "two"])
def test_a_limit_that_is_not_a_count_is_a_usage_error(
    archive: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--archive", str(archive), "list", "--limit", value])
    assert stopped.value.code == 2
    assert "is not a count" in capsys.readouterr().err


@pytest.mark.parametrize("extra", [[], ["--search", "fog", "--offset", "2", "--limit", str(FIRST_PAGE + 3)]])
def test_json_is_one_array_written_as_one(archive: Path, capsys: pytest.CaptureFixture[str], extra: list[str]) -> None:
    code = main(["--archive", str(archive), "list", "--json", *extra])
    out = capsys.readouterr().out
    photos = json.loads(out)
    assert code == 0 and len(photos) > FIRST_PAGE
    assert out == json.dumps(photos, ensure_ascii=False, indent=2) + "\n"  # what print_json writes
    assert [p["id"] for p in photos] == listed(capsys, archive, *extra)[0]
    main(["--archive", str(archive), "list", "--json", "--search", "nothing-here"])
    assert capsys.readouterr().out == "[]\n"


class Recorder(io.StringIO):
    """A stdout that notes, at each flush, how many lines were written and which statements the
    catalog had run by then."""

    def __init__(self, statements: list[str]) -> None:
        super().__init__()
        self.statements = statements
        self.flushes: list[tuple[int, int]] = []

    def flush(self) -> None:
        self.flushes.append((self.getvalue().count("\n"), len(self.statements)))


@pytest.mark.parametrize("as_json", [False, True])
def test_the_first_page_is_printed_before_the_rest_is_read(
    archive: Path, monkeypatch: pytest.MonkeyPatch, as_json: bool
) -> None:
    statements: list[str] = []
    with Catalog(archive) as catalog:
        trace(catalog.conn, statements)
        out = Recorder(statements)
        monkeypatch.setattr("sys.stdout", out)
        args = argparse.Namespace(search="", sort="captured", offset=0, limit=None, count=False, json=as_json)
        assert list_command(args, catalog) == 0
    lines, ran = out.flushes[0]
    assert lines >= (FIRST_PAGE if not as_json else FIRST_PAGE * 10)  # the first page, whole
    # Before that flush only the first page was queried (with a LIMIT); the rest (read to the
    # end: no LIMIT) after it.
    before = [s for s in statements[:ran] if "FROM photos p" in s and "ORDER BY" in s]
    after = [s for s in statements[ran:] if "FROM photos p" in s and "ORDER BY" in s]
    assert before and all(f"LIMIT {FIRST_PAGE}" in s for s in before)
    assert any("LIMIT" not in s for s in after)
    assert len(out.flushes) > 1


def test_pages_do_not_read_every_match_before_the_first(archive: Path) -> None:
    """A listing of a search is read a page at a time: the first page's query has a LIMIT."""
    with Catalog(archive) as catalog:
        statements: list[str] = []
        trace(catalog.conn, statements)
        pages = catalog.photo_pages(search="fog")
        first = next(pages)
        assert len(first) == FIRST_PAGE
        # "photos p": read through the sort index, or joined to the search index read in key order
        listing = [s for s in statements if "photos p" in s and "ORDER BY" in s]
        assert listing and all(f"LIMIT {FIRST_PAGE}" in s for s in listing)
        rest = [p.id for page in pages for p in page]
        assert [p.id for p in first] + rest == catalog.photo_ids(search="fog")
        assert not catalog.conn.in_transaction  # the read snapshot is closed


def test_a_photo_missing_between_pages_is_left_out(archive: Path) -> None:
    with Catalog(archive) as catalog:
        ids = catalog.photo_ids()
        assert [p.id for p in catalog._found([ids[0], 10**9, ids[1]])] == ids[:2]


def test_rows_map_by_name_whatever_the_column_order(tmp_path: Path) -> None:
    from photoarchive.catalog.rows import from_row
    from photoarchive.model import ImportFailure

    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    row = conn.execute("SELECT 'boom' AS error, 1 AS other, '/a' AS path").fetchone()
    assert from_row(ImportFailure, row) == ImportFailure("/a", "boom")
