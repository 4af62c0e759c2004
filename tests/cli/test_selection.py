"""``edit --rating --label --flag``, ``show --json`` and ``list --json`` of them, undo, write and import."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.sidecars import read_mirror
from tests.cli.conftest import run, show
from tests.conftest import SAMPLES
from tests.metadata.conftest import exiftool_json
from tests.postgres import Backend


def _selection(shown: dict) -> tuple:
    return shown["rating"], shown["label"], shown["flag"]


def test_not_set_is_null_in_show_and_list(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, (a, *_) = archive
    assert _selection(show(capsys, root, a)) == (None, None, None)
    code, out, _ = run(capsys, root, "list", "--json")
    assert code == 0 and {_selection(p) for p in json.loads(out)} == {(None, None, None)}


def test_edit_sets_clears_and_undoes_as_one_step(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, (a, b, c) = archive
    code, out, err = run(capsys, root, "edit", str(a), f"{b}-{c}", "--rating", "4", "--label", "Red", "--flag", "pick",
                         "--json")  # fmt: skip
    assert code == 0, err
    edit = json.loads(out)
    assert len(edit["changes"]) == 9
    assert next(ch for ch in edit["changes"] if ch["photo"] == a and ch["field"] == "rating") == {
        "photo": a, "field": "rating", "old": None, "new": 4}  # fmt: skip
    assert _selection(show(capsys, root, b)) == (4, "red", "pick")
    code, out, _ = run(capsys, root, "list", "--json")
    assert {_selection(p) for p in json.loads(out)} == {(4, "red", "pick")}

    assert run(capsys, root, "edit", str(a), "--rating", "0", "--label", "none", "--flag", "reject")[0] == 0
    assert _selection(show(capsys, root, a)) == (0, None, "reject")
    assert run(capsys, root, "edit", str(a), "--rating", "none", "--flag", "none")[0] == 0
    assert _selection(show(capsys, root, a)) == (None, None, None)
    assert run(capsys, root, "edit", str(b), "--clear", "rating", "--clear", "label")[0] == 0
    assert _selection(show(capsys, root, b)) == (None, None, "pick")

    code, _, err = run(capsys, root, "undo", str(edit["id"]))
    assert code == 1 and "changed after it" in err
    with Catalog(root) as catalog:
        history = catalog.conn.execute("SELECT id FROM edits ORDER BY id").fetchall()
    for (edit_id,) in reversed(history):
        assert run(capsys, root, "undo", str(edit_id))[0] == 0
    assert {_selection(show(capsys, root, p)) for p in (a, b, c)} == {(None, None, None)}


@pytest.mark.parametrize(
    ("option", "value", "allowed"),
    [
        ("--rating", "6", "from 0 to 5 (or none)"),
        ("--rating", "three", "from 0 to 5 (or none)"),
        ("--label", "orange", "red, yellow, green, blue, purple, none"),
        ("--flag", "maybe", "pick, reject, none"),
    ],
)
def test_a_bad_value_names_the_option_and_what_it_takes(
    capsys: pytest.CaptureFixture[str], archive, option: str, value: str, allowed: str
) -> None:
    root, (a, *_) = archive
    code, out, err = run(capsys, root, "edit", str(a), option, value)
    assert code == 2 and out == ""
    assert err.startswith(f"photoarchive: error: {option} (") and f"{value!r}" in err and allowed in err
    assert "Traceback" not in err and _selection(show(capsys, root, a)) == (None, None, None)


def test_help_lists_the_choices(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, _ = archive
    with pytest.raises(SystemExit):
        run(capsys, root, "edit", "--help")
    out = capsys.readouterr().out
    assert "--label red|yellow|green|blue|purple|none" in out and "--flag pick|reject|none" in out
    assert "--rating 0-5|none" in out and "xmp:Rating" in out


def test_write_then_exiftool_then_import(capsys: pytest.CaptureFixture[str], archive, tmp_path: Path) -> None:
    root, (a, b, c) = archive
    run(capsys, root, "edit", str(a), "--rating", "5", "--label", "green", "--flag", "pick")
    run(capsys, root, "edit", str(b), "--rating", "2", "--label", "purple", "--flag", "reject")
    code, _, err = run(capsys, root, "write", str(a), str(b), str(c), "--to", str(tmp_path / "out"))
    assert code == 0, err
    written = sorted((tmp_path / "out").iterdir())
    seen = [exiftool_json(p, "-n", "-XMP-xmp:Rating", "-XMP-xmp:Label", "-XMP-digiKam:all") for p in written]
    assert [{k: v for k, v in s.items() if k != "SourceFile"} for s in seen] == [
        {"Rating": 5, "Label": "Green", "ColorLabel": 4, "PickLabel": 3},
        {"Rating": -1, "Label": "Purple", "ColorLabel": 6, "PickLabel": 1},
        {},
    ]
    other = tmp_path / "other"
    code, _, err = run(capsys, other, "import", str(tmp_path / "out"))
    assert code == 0, err
    code, out, _ = run(capsys, other, "list", "--json")
    assert sorted((_selection(p) for p in json.loads(out)), key=str) == sorted(
        [(5, "green", "pick"), (2, "purple", "reject"), (None, None, None)], key=str
    )


def test_a_shared_sample_imports_with_its_rating(
    backend: Backend, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy2(SAMPLES / "metadata" / "MWG.jpg", card)  # xmp:Rating 3 (exiftool -XMP:Rating)
    code, _, err = run(capsys, backend.archive(tmp_path / "archive"), "import", str(card))
    assert code == 0, err
    code, out, _ = run(capsys, backend.archive(tmp_path / "archive"), "list", "--json")
    assert _selection(json.loads(out)[0]) == (3, None, None)


def test_a_template_sets_them_and_fill_keeps_a_zero_rating(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, (a, b, _) = archive
    run(capsys, root, "edit", str(a), "--rating", "0")
    code, _, err = run(capsys, root, "template", "create", "Keepers", "--rating", "3", "--label", "yellow",
                       "--mode", "rating=fill")  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, root, "edit", str(a), str(b), "--template", "Keepers")
    assert code == 0, err
    assert _selection(show(capsys, root, a)) == (0, "yellow", None)  # 0 stars is a rating: filled only where none
    assert _selection(show(capsys, root, b)) == (3, "yellow", None)
    code, _, err = run(capsys, root, "template", "create", "Bad", "--rating", "9")
    assert code == 2 and "--rating (Rating): '9'" in err


def test_reread_takes_them_from_a_sidecar_another_tool_wrote(
    capsys: pytest.CaptureFixture[str], archive, tmp_path: Path
) -> None:
    root, (a, *_) = archive
    source = Path(show(capsys, root, a)["source_path"])
    sidecar = source.with_name(source.stem + ".xmp")  # Lightroom's name for it
    sidecar.write_text(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:digiKam="http://www.digikam.org/ns/1.0/"'
        ' xmp:Rating="-1" xmp:Label="Yellow" digiKam:ColorLabel="5"/></rdf:RDF></x:xmpmeta>',
        encoding="utf-8",
    )
    code, out, err = run(capsys, root, "reread", str(a), "--json")
    assert code == 0, err
    assert {(c["field"], c["new"]) for c in json.loads(out)["changes"]} >= {("flag", "reject"), ("label", "yellow")}
    assert _selection(show(capsys, root, a)) == (None, "yellow", "reject")


def test_the_sidecar_mirror_carries_them(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, (a, *_) = archive
    assert run(capsys, root, "edit", str(a), "--rating", "4", "--label", "blue", "--flag", "pick")[0] == 0
    original = Path(show(capsys, root, a)["original_path"])
    mirror = original.with_name(original.name + ".xmp")
    found = exiftool_json(mirror, "-n", "-XMP-xmp:Rating", "-XMP-xmp:Label", "-XMP-digiKam:all")
    assert {k: v for k, v in found.items() if k != "SourceFile"} == {
        "Rating": 4, "Label": "Blue", "ColorLabel": 5, "PickLabel": 3}  # fmt: skip
    record = read_mirror(mirror)  # the catalog's row, as restore reads it back
    assert record is not None
    assert (record.row["rating"], record.row["label"], record.row["flag"]) == (4, "blue", "pick")
