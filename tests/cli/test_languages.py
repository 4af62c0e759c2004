"""Captions in several languages through the command line (issue 14): config languages, edit
--lang, show --json, undo of one language, search, write, ExifTool, and a second archive's
import of what was written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.attention import load_attention_values, reasons
from photoarchive.catalog.sidecars import mirror_path
from photoarchive.metadata import read_curated
from tests.cli.conftest import run, show
from tests.metadata.conftest import exiftool, exiftool_json


@pytest.fixture
def archive(archive_on_backend: tuple[Path, list[int]]) -> tuple[Path, list[int]]:
    """Each test runs on SQLite and on PostgreSQL (``archive_on_backend``)."""
    return archive_on_backend


ENGLISH = {"caption": "Tank wreck at Height 171", "title": "Tank", "alt_text": "A rusted tank in grass"}
RUSSIAN = {"caption": "Обломки танка у высоты 171", "title": "Танк", "alt_text": "Ржавый танк в траве"}
JAPANESE = {"caption": "四嶺山の戦車の残骸", "title": "戦車", "alt_text": "草むらの錆びた戦車"}


def _edit(capsys: pytest.CaptureFixture[str], root: Path, ids: str, values: dict[str, str], *lang: str) -> dict:
    options = [arg for name, value in values.items() for arg in (f"--{name.replace('_', '-')}", value)]
    code, out, err = run(capsys, root, "edit", ids, *options, *lang, "--json")
    assert code == 0, err
    return json.loads(out)


def test_three_languages_through_edit_show_undo_and_search(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, (a, b, c) = archive
    code, out, err = run(capsys, root, "config", "languages", "en,RU,jpn")
    assert code == 0 and out.strip() == "en (default), ru, ja", err
    _edit(capsys, root, str(a), ENGLISH)
    russian = _edit(capsys, root, str(a), RUSSIAN, "--lang", "ru")
    _edit(capsys, root, str(a), JAPANESE, "--lang", "ja")
    assert {ch["field"] for ch in russian["changes"]} == {"caption[ru]", "title[ru]", "alt_text[ru]"}
    shown = show(capsys, root, a)
    assert {k: shown[k] for k in ENGLISH} == ENGLISH
    assert shown["translations"] == {"ja": JAPANESE, "ru": RUSSIAN}
    assert show(capsys, root, b)["translations"] == {}
    code, out, _ = run(capsys, root, "show", str(a))
    assert "caption[ru]" in out and "Обломки танка у высоты 171" in out and "alt_text[ja]" in out

    # A later Russian caption, undone: the Russian caption alone comes back.
    later = _edit(capsys, root, str(a), {"caption": "Танк"}, "--lang", "ru")
    code, _, err = run(capsys, root, "undo", str(later["id"]))
    assert code == 0, err
    assert show(capsys, root, a)["translations"] == {"ja": JAPANESE, "ru": RUSSIAN}

    # A batch edit in one language is one edit; an empty value removes that language's value.
    batch = _edit(capsys, root, f"{b}-{c}", {"caption": "戦車"}, "--lang", "ja")
    assert batch["photos"] == [b, c] and len(batch["changes"]) == 2
    _edit(capsys, root, str(c), {"caption": ""}, "--lang", "ja")
    assert show(capsys, root, c)["translations"] == {}
    code, out, _ = run(capsys, root, "list", "--search", "四嶺山の戦車の残骸", "--json")
    assert [p["id"] for p in json.loads(out)] == [a]

    # Needs attention: b lacks a Russian caption, c a Russian and a Japanese one; a has all three.
    with Catalog(root) as catalog:
        values = load_attention_values(catalog, [a, b, c])
    lacking = [dict((r.key, f) for r, f in reasons(values[pid])).get("caption language") for pid in (a, b, c)]
    assert lacking == [None, ["ru"], ["ru", "ja"]]

    code, _, err = run(capsys, root, "edit", str(a), "--lang", "ru", "--credit", "Экспедиция")
    assert code == 2 and "--credit has one value in every language" in err
    code, _, err = run(capsys, root, "edit", str(a), "--lang", "Russian", "--caption", "x")
    assert code == 2 and "not a BCP 47 language tag" in err and "Traceback" not in err


def test_written_languages_round_trip_through_exiftool_into_another_archive(
    capsys: pytest.CaptureFixture[str], archive, tmp_path: Path
) -> None:
    root, (a, _b, _c) = archive
    run(capsys, root, "config", "languages", "en,ru,ja")
    _edit(capsys, root, str(a), ENGLISH)
    _edit(capsys, root, str(a), RUSSIAN, "--lang", "ru")
    _edit(capsys, root, str(a), JAPANESE, "--lang", "ja")

    # The sidecar mirror carries every language.
    with Catalog(root) as catalog:
        mirrored = mirror_path(catalog.paths, catalog.photo(a).original_path)
    assert read_curated(mirrored, sidecar=False).fields.translations["ja"] == JAPANESE

    out = tmp_path / "out"
    code, _, err = run(capsys, root, "write", str(a), "--to", str(out))
    assert code == 0, err
    (written,) = out.iterdir()
    seen = exiftool_json(written, "-XMP-dc:all", "-XMP-iptcCore:all")
    for suffix, texts in (("", ENGLISH), ("-en", ENGLISH), ("-ru", RUSSIAN), ("-ja", JAPANESE)):
        assert seen[f"Description{suffix}"] == texts["caption"] and seen[f"Title{suffix}"] == texts["title"]
        assert seen[f"AltTextAccessibility{suffix}"] == texts["alt_text"]
    # The test photo's own EXIF lacks tags ExifTool asks for in IFD0; nothing about the XMP.
    warnings = exiftool("-validate", "-warning", "-a", written).stdout
    assert not [w for w in warnings.splitlines() if "XMP" in w or "lang" in w.lower()]

    # Another archive whose default language is Russian: the Russian values become its own.
    other = tmp_path / "other"
    run(capsys, other, "config", "languages", "ru,en,ja")
    code, _, err = run(capsys, other, "import", str(out))
    assert code == 0, err
    shown = show(capsys, other, 1)
    assert {k: shown[k] for k in RUSSIAN} == RUSSIAN
    assert shown["translations"] == {"en": ENGLISH, "ja": JAPANESE}

    # And one whose default is English, as the first: the same values as the first archive's.
    third = tmp_path / "third"
    run(capsys, third, "config", "languages", "en")
    run(capsys, third, "import", str(out))
    shown = show(capsys, third, 1)
    assert {k: shown[k] for k in ENGLISH} == ENGLISH and shown["translations"] == {"ja": JAPANESE, "ru": RUSSIAN}

    # Reread takes the languages from the file again, replacing the catalog's.
    _edit(capsys, third, "1", {"caption": "Другая"}, "--lang", "ru")
    _edit(capsys, third, "1", {"caption": "Inne"}, "--lang", "pl")
    code, _, err = run(capsys, third, "reread", "1")
    assert code == 0, err
    assert show(capsys, third, 1)["translations"] == {"ja": JAPANESE, "ru": RUSSIAN}


def test_a_template_in_a_language_is_applied_by_edit(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, (a, b, _c) = archive
    run(capsys, root, "config", "languages", "en,ru")
    code, _, err = run(capsys, root, "template", "create", "Shumshu", "--lang", "ru", "--caption", "Шумшу, {filename}")
    assert code == 0, err
    code, _, err = run(capsys, root, "template", "edit", "Shumshu", "--caption", "Shumshu, {filename}")
    assert code == 0, err
    code, out, err = run(capsys, root, "template", "show", "Shumshu", "--json")
    assert json.loads(out)["values"] == {"caption[ru]": "Шумшу, {filename}", "caption": "Shumshu, {filename}"}
    code, out, err = run(capsys, root, "edit", f"{a}-{b}", "--template", "Shumshu", "--json")
    assert code == 0, err
    shown = show(capsys, root, b)
    assert shown["caption"] == "Shumshu, IMG_1" and shown["translations"] == {"ru": {"caption": "Шумшу, IMG_1"}}
