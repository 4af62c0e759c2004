"""Filters and smart collections as a user runs them: ``list --filter``, ``collection create --smart``,
``collection add --filter``, and the messages (no traceback, exit 2) for a filter that does not read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import run

Archive = tuple[Path, list[int]]


@pytest.fixture
def rated(archive: Archive, capsys: pytest.CaptureFixture[str]) -> Archive:
    """The three photos: 0 rated 5, red, keyword Tank; 1 rated 4, picked, credited; 2 untouched."""
    root, ids = archive
    for args in (
        [str(ids[0]), "--rating", "5", "--label", "red", "--keywords", "Tank", "--caption", "Tank on the hill"],
        [str(ids[1]), "--rating", "4", "--flag", "pick", "--credit", "Ivanov", "--caption", "Fog over the bay"],
    ):
        code, _, err = run(capsys, root, "edit", *args)
        assert code == 0, err
    return root, ids


def listed(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> list[int]:
    code, out, err = run(capsys, root, "list", *args)
    assert code == 0, err
    return [int(line.split()[0]) for line in out.splitlines()]


def test_list_filter(rated: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    root, ids = rated
    assert listed(capsys, root, "--filter", "rating>=4") == [ids[0], ids[1]]
    assert listed(capsys, root, "--filter", "rating>=4 -has:credit") == [ids[0]]
    assert listed(capsys, root, "--filter", "keyword:TANK label:red") == [ids[0]]
    assert listed(capsys, root, "--filter=-rating>=4") == [ids[2]]  # argparse takes "-r..." for an option
    assert listed(capsys, root, "--filter", "flag:pick has:caption") == [ids[1]]
    assert listed(capsys, root, "--filter", "fog") == [ids[1]]
    assert listed(capsys, root, "--filter", '"on the hill"') == [ids[0]]
    assert listed(capsys, root, "--filter", "has:caption", "--search", "bay") == [ids[1]]
    assert listed(capsys, root, "--filter", "date:2015-08-10", "--sort", "name") == sorted(
        ids, key=lambda i: f"IMG_{ids.index(i)}.JPG"
    )
    assert listed(capsys, root, "--filter", "date:..2015-08-09") == []
    code, out, err = run(capsys, root, "list", "--filter", "rating>=4", "--json", "--count")
    assert code == 0 and [p["id"] for p in json.loads(out)] == [ids[0], ids[1]]
    assert [p["rating"] for p in json.loads(out)] == [5, 4]
    assert "2 photos match in all" in err
    code, out, err = run(capsys, root, "list", "--filter", "rating>=4", "--limit", "1", "--count")
    assert code == 0 and len(out.splitlines()) == 1 and "2 photos match in all" in err


def test_list_counts_one_photo_in_the_singular(rated: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = rated
    code, _, err = run(capsys, root, "list", "--filter", "flag:pick", "--count")
    assert code == 0 and err.splitlines() == ["1 photo", "1 photo matches in all"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rating>=4 colour:red", 'unknown field "colour" at 11: did you mean "label"?'),
        ("date:2015-13", 'date takes a day (2015-08-10), a month (2015-08) or a year (2015), not "2015-13" at 6'),
        ('"unclosed', 'unclosed quote at 1: "unclosed'),
    ],
)
def test_a_filter_that_does_not_read(
    archive: Archive, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    root, _ids = archive
    for args in (["list", "--filter", text], ["collection", "create", "S", "--smart", text]):
        code, out, err = run(capsys, root, *args)
        assert code == 2 and out == ""
        assert err == f"photoarchive: error: {message}\n"  # no traceback
    code, out, _ = run(capsys, root, "collection", "list")
    assert code == 0 and out == ""


def test_smart_collection(rated: Archive, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root, ids = rated
    code, out, err = run(capsys, root, "collection", "create", "Best", "--smart", "rating>=4", "--sort", "name")
    assert code == 0 and out == "Created smart collection 'Best': 2 photos match now\n", err
    code, out, _ = run(capsys, root, "collection", "show", "Best", "--json")
    shown = json.loads(out)
    assert shown["filter"] == "rating>=4" and shown["sort"] == "name" and shown["photo_count"] == 2
    assert [p["id"] for p in shown["photos"]] == [ids[0], ids[1]]
    code, out, _ = run(capsys, root, "collection", "show", "Best")
    assert "rating>=4" in out and "name" in out

    # It follows later edits.
    assert run(capsys, root, "edit", str(ids[2]), "--rating", "4")[0] == 0
    assert run(capsys, root, "edit", str(ids[0]), "--rating", "2")[0] == 0
    code, out, _ = run(capsys, root, "collection", "show", "Best", "--json")
    assert [p["id"] for p in json.loads(out)["photos"]] == [ids[1], ids[2]]
    code, out, _ = run(capsys, root, "collection", "list")
    assert out.split()[:3] == ["Best", "2", "photos"] and "[smart: rating>=4; sorted by name]" in out

    # Exported like any collection.
    target = tmp_path / "post"
    code, out, err = run(capsys, root, "export", "Best", "--format", "post", "--to", str(target), "--workers", "0")
    assert code == 0 and "Exported 2 photos of 'Best'" in out, err

    # Its members are not chosen by hand.
    for args in (
        ["add", "Best", str(ids[0])],
        ["remove", "Best", str(ids[1])],
        ["move", "Best", str(ids[1]), "--to", "1"],
    ):
        code, out, err = run(capsys, root, "collection", *args)
        assert code == 2 and "'Best' is a smart collection: its photos are those matching 'rating>=4'" in err

    code, out, err = run(capsys, root, "collection", "edit", "Best", "--smart", "flag:pick", "--sort", "captured")
    assert code == 0, err
    code, out, _ = run(capsys, root, "collection", "show", "Best", "--json")
    assert [p["id"] for p in json.loads(out)["photos"]] == [ids[1]]
    code, _, err = run(capsys, root, "collection", "create", "Plain", "--sort", "name")
    assert code == 2 and "--sort orders a smart collection" in err


def test_add_a_filters_matches_once(rated: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    root, ids = rated
    assert run(capsys, root, "collection", "create", "Picked")[0] == 0
    code, out, err = run(capsys, root, "collection", "add", "Picked", "--filter", "rating>=4")
    assert code == 0 and out.startswith("2 photos matching the filter added to 'Picked'"), err
    assert run(capsys, root, "edit", str(ids[2]), "--rating", "5")[0] == 0
    code, out, _ = run(capsys, root, "collection", "show", "Picked", "--json")
    assert [p["id"] for p in json.loads(out)["photos"]] == [ids[0], ids[1]]  # taken once, not followed
    code, _, err = run(capsys, root, "collection", "add", "Picked", "--filter", "rating>=9")
    assert code == 2 and err == 'photoarchive: error: rating takes a number from 0 to 5, not "9" at 9\n'
    code, _, err = run(capsys, root, "collection", "add", "Picked")
    assert code == 2 and "name the photos to add" in err
