"""``photoarchive edit``, ``history``, ``undo``, ``reread`` and ``write`` as a curator uses them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog, transaction
from tests.cli.conftest import run, show
from tests.conftest import digest
from tests.places.conftest import HEIGHT_171, SHUMSHU, build_shumshu


@pytest.fixture
def archive(archive_on_backend: tuple[Path, list[int]]) -> tuple[Path, list[int]]:
    """Each test runs on SQLite and on PostgreSQL (``archive_on_backend``)."""
    return archive_on_backend


CURATED_KEYS = {
    "title", "headline", "caption", "alt_text", "caption_writer", "creator", "creator_job_title", "credit",
    "source", "copyright", "usage_terms", "web_statement", "instructions", "keywords", "hierarchical_keywords",
    "sublocation", "city", "state", "country", "country_code", "event", "event_date", "date_created", "job_id",
    "gps_source", "conflicts", "place",
}  # fmt: skip


def test_edit_every_option_as_one_recorded_edit(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, (a, b, c) = archive
    code, out, err = run(
        capsys, root, "edit", str(a), f"{b}-{c}",
        "--title", "Тип 97", "--headline", "Type 97 tank", "--caption", "Обломки танка\nвторая строка",
        "--alt-text", "A rusted tank hull in grass", "--caption-writer", "Анна", "--creator", "Иван Петров; 田中 太郎",
        "--credit", "Шумшу-2015", "--source", "Archive", "--copyright", "© 2015", "--usage-terms", "CC BY-SA 4.0",
        "--web-statement", "https://example.org/rights", "--instructions", "Credit required",
        "--keywords", r"Шумшу,占守島,tanks\, Japanese", "--keywords", "Type 97",
        "--hierarchical-keywords", "Equipment|Tanks|Type 97",
        "--sublocation", "Высота 171", "--city", "Шумшу", "--state", "Сахалинская область", "--country", "Россия",
        "--country-code", "ru", "--gps", "50.69,156.35,171", "--event", "Battle of Shumshu",
        "--event-date", "1945-08-18/1945-08-23", "--date-created", "2015-08-10T09:00:00+11:00",
        "--job-id", "SH2015", "--json",
    )  # fmt: skip
    assert code == 0, err
    edit = json.loads(out)
    assert edit["id"] > 0 and edit["photos"] == [a, b, c]
    change = next(ch for ch in edit["changes"] if ch["photo"] == a and ch["field"] == "country_code")
    assert change == {"photo": a, "field": "country_code", "old": "", "new": "RUS"}

    shown = show(capsys, root, b)
    assert set(shown) >= CURATED_KEYS
    assert shown["keywords"] == ["Шумшу", "占守島", "tanks, Japanese", "Type 97"]
    assert shown["caption"] == "Обломки танка\nвторая строка" and shown["creator"] == "Иван Петров; 田中 太郎"
    assert shown["latitude"] == 50.69 and shown["altitude"] == 171 and shown["gps_source"] == "edited"
    assert shown["event_date"] == "1945-08-18/1945-08-23" and shown["conflicts"] == []

    code, out, _ = run(capsys, root, "history", "--json")
    assert code == 0 and [e["id"] for e in json.loads(out)] == [edit["id"]]  # one entry for all three

    code, out, _ = run(capsys, root, "edit", str(a), "--add-keywords", "Kuril Islands", "--remove-keywords", "Type 97",
                       "--clear", "gps", "--clear", "alt-text", "--json")  # fmt: skip
    assert code == 0
    shown = show(capsys, root, a)
    assert shown["keywords"] == ["Шумшу", "占守島", "tanks, Japanese", "Kuril Islands"]
    assert shown["alt_text"] == "" and shown["latitude"] is None and shown["gps_source"] is None


BAD_INPUT = [
    (["--caption", "x" * (64 * 1024 + 1)], "--caption (Caption): longer than 64 KB"),
    (["--credit", "tab\there"], "--credit (Credit line): control character U+0009"),
    (["--title", "two\nlines"], "--title (Title): line break"),
    (["--date-created", "1945-02-30"], "--date-created (Date created): '1945-02-30' is not a date"),
    (["--event-date", "1945-08-23/1945-08-18"], "--event-date (Event date): the range"),
    (["--event-date", "August 1945"], "--event-date (Event date): 'August 1945'"),
    (["--gps", "91,156"], "GPS latitude 91.0 is out of range"),
    (["--gps", "50,181"], "GPS longitude 181.0 is out of range"),
    (["--gps", "north"], "--gps: 'north' is not LAT,LON"),
    (["--country-code", "XYZ"], "--country-code (Country code): 'XYZ' is not an ISO 3166-1 country code"),
    (["--country-code", "SUN"], "--country-code (Country code): 'SUN'"),  # the USSR: ISO 3166-3
    (
        ["--web-statement", "example.org"],
        "--web-statement (Web statement of rights): 'example.org' is not an http(s) URL",
    ),
    (["--clear", "colour"], "--clear: unknown field 'colour'"),
    (["--clear", "headline"], "--clear headline and --headline together"),
]


@pytest.mark.parametrize(("options", "message"), BAD_INPUT)
def test_bad_input_names_the_field_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], archive, options: list[str], message: str
) -> None:
    root, ids = archive
    before = [show(capsys, root, i) for i in ids]
    # a valid value for the first photos does not get in either: the batch is all or nothing
    code, out, err = run(capsys, root, "edit", *map(str, ids), "--headline", "valid", *options)
    assert code == 2 and message in err and out == ""
    assert [show(capsys, root, i) for i in ids] == before
    assert run(capsys, root, "history", "--json")[1].strip() == "[]"


def test_unknown_photo_or_no_option_changes_nothing(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, ids = archive
    code, _, err = run(capsys, root, "edit", str(ids[0]))
    assert code == 2 and "nothing to change" in err
    code, _, err = run(capsys, root, "edit", str(ids[0]), "999", "--caption", "x")
    assert code == 2 and "no photo with id 999" in err and show(capsys, root, ids[0])["caption"] == ""


def test_an_edit_settles_a_conflict_and_undo_brings_it_back(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, (a, *_) = archive
    conflict = {"field": "caption", "values": {"exif": "A", "iim": "B"}, "chosen": "exif"}
    other = {"field": "city", "values": {"iim": "X", "xmp": "Y"}, "chosen": "xmp"}
    with Catalog(root) as catalog, transaction(catalog.conn):
        catalog.conn.execute(
            "UPDATE photos SET caption = 'A', conflicts = ? WHERE id = ?", (json.dumps([conflict, other]), a)
        )
    code, out, _ = run(capsys, root, "show", str(a))
    assert "conflicts: the file's standards disagreed" in out and "* exif     A" in out and "iim      B" in out

    code, out, _ = run(capsys, root, "edit", str(a), "--caption", "A", "--json")  # keeping the chosen value settles it
    edit = json.loads(out)
    assert code == 0 and [c["field"] for c in edit["changes"]] == ["conflicts"]
    assert show(capsys, root, a)["conflicts"] == [other]

    code, out, _ = run(capsys, root, "edit", str(a), "--city", "Шумшу", "--json")
    second = json.loads(out)["id"]
    code, _, err = run(capsys, root, "undo", str(edit["id"]))
    assert code == 1 and "changed after it" in err  # a later edit touched the conflicts
    assert run(capsys, root, "undo", str(second))[0] == 0
    assert run(capsys, root, "undo", str(edit["id"]))[0] == 0
    assert show(capsys, root, a)["conflicts"] == [conflict, other]
    code, _, err = run(capsys, root, "undo", str(edit["id"]))
    assert code == 1 and "already undone" in err

    code, out, _ = run(capsys, root, "history", str(a))
    assert code == 0 and out.count("\nedit ") + out.startswith("edit ") == 4 and "Undo:" in out


def test_edit_place_with_other_fields_is_one_edit(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, (a, b, c) = archive
    with Catalog(root) as catalog:
        build_shumshu(catalog)
    run(capsys, root, "edit", str(c), "--gps", "50.70,156.25")  # a position of its own: kept
    code, out, err = run(
        capsys, root, "edit", str(a), str(b), str(c), "--place", "占守島", "--caption", "Gun emplacement", "--json"
    )
    assert code == 0, err
    edit = json.loads(out)
    assert edit["description"] == "Place 3 photos at Shumshu; set caption"
    shown = [show(capsys, root, i) for i in (a, b, c)]
    assert all(s["city"] == "Shumshu" and s["state"] == "Sakhalin Oblast" and s["country_code"] == "RUS" for s in shown)
    assert all(s["caption"] == "Gun emplacement" for s in shown)
    assert shown[0]["place"] == {"id": shown[0]["place"]["id"], "name": "Shumshu", "path": shown[0]["place"]["path"]}
    assert shown[0]["place"]["path"] == "Russia > Sakhalin Oblast > Kuril Islands > Shumshu"
    assert (shown[0]["latitude"], shown[0]["longitude"], shown[0]["gps_source"]) == (*SHUMSHU, "place")
    assert (shown[2]["latitude"], shown[2]["gps_source"]) == (50.70, "edited")

    # the field options win over the place's values; the place's others stay
    code, out, _ = run(capsys, root, "edit", str(a), "--place", "Высота 171", "--sublocation", "Tank hull", "--json")
    shown_a = show(capsys, root, a)
    assert shown_a["sublocation"] == "Tank hull" and shown_a["city"] == "Shumshu"
    assert shown_a["place"]["name"] == "Height 171" and (shown_a["latitude"], shown_a["longitude"]) == HEIGHT_171

    # one undo takes back the place and the caption together
    assert run(capsys, root, "undo", str(edit["id"]))[0] == 1  # photo a changed since: refused
    run(capsys, root, "undo", str(json.loads(out)["id"]))
    assert run(capsys, root, "undo", str(edit["id"]))[0] == 0
    shown = [show(capsys, root, i) for i in (a, b, c)]
    assert all(s["place"] is None and s["city"] == "" and s["caption"] == "" for s in shown)
    assert shown[0]["latitude"] is None and shown[2]["latitude"] == 50.70

    code, out, _ = run(capsys, root, "edit", str(b), "--place", "Height 171")
    code, out, _ = run(capsys, root, "edit", str(b), "--place", "none", "--json")
    assert code == 0 and show(capsys, root, b)["place"] is None and show(capsys, root, b)["latitude"] is None
    assert json.loads(out)["description"] == "Clear the place of 1 photo"


def test_edit_place_unknown_or_ambiguous_changes_nothing(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, (a, *_) = archive
    with Catalog(root) as catalog:
        shumshu = build_shumshu(catalog)
        with transaction(catalog.conn):
            catalog.conn.execute(
                "INSERT INTO places (name, kind, parent_id) VALUES ('Shumshu', 'site', ?)", (shumshu.russia.id,)
            )
    code, _, err = run(capsys, root, "edit", str(a), "--place", "Height 17", "--caption", "x")
    assert code == 2 and "--place: no place named 'Height 17'" in err and "'Height 171'" in err
    code, _, err = run(capsys, root, "edit", str(a), "--place", "Shumshu")
    assert code == 2 and "--place: 'Shumshu' names 2 places" in err
    assert show(capsys, root, a)["caption"] == "" and run(capsys, root, "history", "--json")[1].strip() == "[]"


def test_search_in_cyrillic_and_japanese(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, (a, b, _) = archive
    run(capsys, root, "edit", str(a), "--caption", "Обломки японского танка у высоты 171")
    run(capsys, root, "edit", str(b), "--city", "占守島", "--keywords", "戦車,Type 97")
    for query, expected in (
        ("ВЫСОТЫ", [a]),
        ("японского танка", [a]),
        ("占守島", [b]),
        ("戦車", [b]),
        ("type 97", [b]),
    ):
        code, out, _ = run(capsys, root, "list", "--search", query, "--json")
        assert code == 0 and [p["id"] for p in json.loads(out)] == expected, query


def test_write_and_reread_commands(capsys: pytest.CaptureFixture[str], archive, tmp_path: Path, samples: Path) -> None:
    root, (a, b, _) = archive
    run(capsys, root, "edit", str(a), str(b), "--credit", "Экспедиция «Шумшу-2015» & 占守島", "--caption", "Шумшу")
    original = Path(show(capsys, root, a)["original_path"])
    before = digest(original)
    code, out, err = run(capsys, root, "write", str(a), str(b), "--to", str(tmp_path / "out"))
    assert code == 0 and "2 written, 0 failed" in out
    assert "credit: IIM 2:110 holds only 'Экспедиция «Шумш'" in err  # shortened fields are reported
    code, _, err = run(capsys, root, "write", str(a), "--to", str(tmp_path / "out"))
    assert code == 1 and "already holds IMG_0.JPG" in err and "--force" in err
    code, out, _ = run(capsys, root, "write", str(a), "--to", str(tmp_path / "out"), "--sidecar", "--json")
    assert code == 0 and json.loads(out)[0]["paths"] == [str(tmp_path / "out" / "IMG_0.JPG.xmp")]
    assert digest(original) == before

    # reread: the source file's sidecar (written by another tool) comes in as one edit
    source = Path(show(capsys, root, a)["source_path"])
    shutil.copy(tmp_path / "out" / "IMG_0.JPG.xmp", source.with_name(source.name + ".xmp"))
    code, out, _ = run(capsys, root, "edit", str(a), "--caption", "changed in the catalog")
    code, out, err = run(capsys, root, "reread", str(a), "--json")
    assert code == 0, err
    assert {(c["field"], c["new"]) for c in json.loads(out)["changes"]} >= {("caption", "Шумшу")}
    assert digest(original) == before
