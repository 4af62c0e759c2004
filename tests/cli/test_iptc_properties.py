"""Issue 16's fields on the command line: ``show --json`` keys, ``edit`` options (lists, vocabularies'
short names, ``name=value;...`` structures), history and undo, ``write`` then import, and the
reference image imported with every one of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import run, show
from tests.conftest import SAMPLES
from tests.metadata.conftest import exiftool_json
from tests.postgres import Backend


@pytest.fixture
def archive(archive_on_backend: tuple[Path, list[int]]) -> tuple[Path, list[int]]:
    """Each test runs on SQLite and on PostgreSQL (``archive_on_backend``)."""
    return archive_on_backend


REFERENCE = SAMPLES / "metadata" / "IPTC-PhotometadataRef-Std2022.1.jpg"
KEYS = (
    "extended_description",
    "persons_shown",
    "digital_source_type",
    "location_created",
    "artworks",
    "licensors",
    "copyright_owners",
    "model_release_status",
    "property_release_status",
    "contributors",
    "creator_contact_info",
    "image_regions",
)


def test_show_json_keys_when_not_set(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, ids = archive
    shown = show(capsys, root, ids[0])
    assert {key: shown[key] for key in KEYS} == {
        "extended_description": "",
        "persons_shown": [],
        "digital_source_type": "",
        "location_created": {},
        "artworks": [],
        "licensors": [],
        "copyright_owners": [],
        "model_release_status": "",
        "property_release_status": "",
        "contributors": [],
        "creator_contact_info": {},
        "image_regions": [],
    }


def test_edit_options_and_undo(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, ids = archive
    code, out, err = run(
        capsys,
        root,
        "edit",
        str(ids[0]),
        "--persons-shown",
        "Ivanov\\, Pyotr,Kuznetsov",
        "--persons-shown",
        "Sato",
        "--digital-source-type",
        "negativeFilm",
        "--model-release-status",
        "none",
        "--property-release-status",
        "not-applicable",
        "--location-created",
        "city=Severo-Kurilsk; country=Russia; country-code=RUS; location_id=https://www.geonames.org/2121909",
        "--artworks",
        "title=Medal For Courage;creator=Mint A,Mint B;source_inventory_number=KM-12;date_created=1943",
        "--artworks",
        "title=Letter\\; page 2",
        "--licensors",
        "name=Museum;url=https://museum.example.org",
        "--copyright-owners",
        "name=Family Ivanov",
        "--contributors",
        "name=Sato;role=translator",
        "--creator-contact-info",
        "email=archive@example.org;city=Moscow",
        "--extended-description",
        "A tank hull on the slope.\nBehind it the sea.",
    )
    assert code == 0, err
    shown = show(capsys, root, ids[0])
    assert shown["persons_shown"] == ["Ivanov, Pyotr", "Kuznetsov", "Sato"]
    assert shown["digital_source_type"] == "http://cv.iptc.org/newscodes/digitalsourcetype/negativeFilm"
    assert shown["model_release_status"] == "http://ns.useplus.org/ldf/vocab/MR-NON"
    assert shown["property_release_status"] == "http://ns.useplus.org/ldf/vocab/PR-NAP"
    assert shown["location_created"] == {
        "city": "Severo-Kurilsk",
        "country": "Russia",
        "country_code": "RUS",
        "location_id": ["https://www.geonames.org/2121909"],
    }
    assert shown["artworks"] == [
        {
            "title": "Medal For Courage",
            "creator": ["Mint A", "Mint B"],
            "date_created": "1943",
            "source_inventory_number": "KM-12",
        },
        {"title": "Letter; page 2"},
    ]
    assert list(shown["artworks"][0]) == ["title", "creator", "date_created", "source_inventory_number"]
    assert shown["licensors"] == [{"name": "Museum", "url": "https://museum.example.org"}]
    assert shown["copyright_owners"] == [{"name": "Family Ivanov"}]
    assert shown["contributors"] == [{"name": "Sato", "role": ["translator"]}]
    assert shown["creator_contact_info"] == {"city": "Moscow", "email": "archive@example.org"}
    assert shown["extended_description"] == "A tank hull on the slope.\nBehind it the sea."
    # show prints each structure as edit takes it
    code, out, _ = run(capsys, root, "show", str(ids[0]))
    lines = dict(line.split(None, 1) for line in out.splitlines() if line.strip())
    assert lines["artworks[2]"] == "title=Letter\\; page 2"
    assert lines["location_created"].startswith("city=Severo-Kurilsk; country=Russia; country_code=RUS")
    # one edit in the history: undo restores every field
    code, out, _ = run(capsys, root, "history", str(ids[0]), "--json")
    edit_id = json.loads(out)[0]["id"]
    assert run(capsys, root, "undo", str(edit_id))[0] == 0
    assert {k: show(capsys, root, ids[0])[k] for k in ("artworks", "location_created", "persons_shown")} == {
        "artworks": [],
        "location_created": {},
        "persons_shown": [],
    }


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--digital-source-type", "positivePrint", "not one of digitalCapture, negativeFilm"),
        ("--artworks", "titel=x", "no member 'titel'"),
        ("--model-release-status", "maybe", "not one of none, not-applicable, unlimited, limited"),
    ],
)
def test_a_bad_value_is_refused_naming_what_it_takes(
    capsys: pytest.CaptureFixture[str], archive, option: str, value: str, message: str
) -> None:
    root, ids = archive
    code, _, err = run(capsys, root, "edit", str(ids[0]), option, value)
    assert code != 0
    assert message in err
    assert "Traceback" not in err


def test_clear_a_structured_field(capsys: pytest.CaptureFixture[str], archive) -> None:
    root, ids = archive
    run(capsys, root, "edit", str(ids[0]), "--location-created", "city=Moscow")
    assert run(capsys, root, "edit", str(ids[0]), "--clear", "location-created")[0] == 0
    assert show(capsys, root, ids[0])["location_created"] == {}


def test_reference_image_imports_written_and_imported_again(
    backend: Backend, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = backend.archive(tmp_path / "archive")
    code, _, err = run(capsys, root, "import", str(REFERENCE))
    assert code == 0, err
    shown = show(capsys, root, 1)
    assert all(shown[key] for key in KEYS)
    assert [r["Iptc4xmpExt:rId"] for r in shown["image_regions"]] == ["persltr1", "persltr2", "persspkr1"]
    code, _, err = run(capsys, root, "write", "1", "--to", str(tmp_path / "out"))
    assert code == 0, err
    # The placeholder country code R22 (not ISO 3166-1) is written as read, and said so.
    assert "'R22' is not an ISO 3166-1 country code" in err and "written as the original holds it" in err
    written = exiftool_json(tmp_path / "out" / REFERENCE.name, "-G1")
    assert written["XMP-iptcCore:CountryCode"] == "R22"
    other = tmp_path / "other"
    code, _, err = run(capsys, other, "import", str(tmp_path / "out"))
    assert code == 0, err
    again = show(capsys, other, 1)
    assert {key: again[key] for key in KEYS} == {key: shown[key] for key in KEYS}
