"""``photoarchive edit --merge``: a structured option changes each photo's own structure (the
members given set, the others kept; the structures of a list added to each photo's), one edit
that ``undo`` takes back to each photo's own; without ``--merge`` the option still replaces the
whole structure, as the README's tour shows."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import run, show

KURILSK = {"sublocation": "Height 165", "city": "Kurilsk", "country": "Russia", "country_code": "RUS"}
KOKUTAN = {"location_name": "Cape Kokutan", "country": "Japan", "country_code": "JPN"}
MEDAL = "title=Medal For Courage;creator=Mint"
MAP = "title=Map of Shumshu;source_inventory_number=KM-7"
LETTER = "title=Letter home;date_created=1945-08"


def _setup(capsys: pytest.CaptureFixture[str], root, ids: list[int]) -> None:
    for photo, location, artworks in ((ids[0], KURILSK, [MEDAL, MAP]), (ids[1], KOKUTAN, [MEDAL, LETTER])):
        text = ";".join(f"{k}={v}" for k, v in location.items())
        options = [a for artwork in artworks for a in ("--artworks", artwork)]
        code, _out, err = run(capsys, root, "edit", str(photo), "--location-created", text, *options)
        assert code == 0, err


def test_merge_sets_the_members_given_and_keeps_each_photos_others(capsys, archive) -> None:
    root, ids = archive
    _setup(capsys, root, ids)
    before = [show(capsys, root, i) for i in ids[:2]]
    code, out, err = run(
        capsys,
        root,
        "edit",
        str(ids[0]),
        str(ids[1]),
        "--merge",
        "--location-created",
        "city=Severo-Kurilsk;sublocation=",
        "--json",
    )
    assert code == 0, err
    edit_id = json.loads(out)["id"]
    after = [show(capsys, root, i)["location_created"] for i in ids[:2]]
    assert after == [
        {"city": "Severo-Kurilsk", "country": "Russia", "country_code": "RUS"},  # sublocation= removed it
        {"location_name": "Cape Kokutan", "city": "Severo-Kurilsk", "country": "Japan", "country_code": "JPN"},
    ]
    code, _out, err = run(capsys, root, "undo", str(edit_id))  # one edit: both photos back as they were
    assert code == 0, err
    assert [show(capsys, root, i)["location_created"] for i in ids[:2]] == [b["location_created"] for b in before]


def test_merge_adds_a_structure_to_each_photos_list(capsys, archive) -> None:
    root, ids = archive
    _setup(capsys, root, ids)
    code, _out, err = run(
        capsys, root, "edit", f"{ids[0]}-{ids[1]}", "--merge", "--artworks", "title=Diary", "--artworks", MEDAL
    )
    assert code == 0, err
    titles = [[a["title"] for a in show(capsys, root, i)["artworks"]] for i in ids[:2]]
    # each keeps its own; the medal both held is not added twice
    assert titles == [["Medal For Courage", "Map of Shumshu", "Diary"], ["Medal For Courage", "Letter home", "Diary"]]


def test_without_merge_the_option_still_replaces_the_structure(capsys, archive) -> None:
    root, ids = archive
    _setup(capsys, root, ids)
    code, _out, err = run(capsys, root, "edit", str(ids[0]), str(ids[1]), "--location-created", "city=Severo-Kurilsk")
    assert code == 0, err
    assert [show(capsys, root, i)["location_created"] for i in ids[:2]] == [{"city": "Severo-Kurilsk"}] * 2


def test_merge_without_a_structured_option_is_refused(capsys, archive) -> None:
    root, ids = archive
    code, _out, err = run(capsys, root, "edit", str(ids[0]), "--merge", "--caption", "x")
    assert code != 0 and "--merge" in err and "--location-created" in err
    assert show(capsys, root, ids[0])["caption"] == ""
