"""Issue 16's filter tokens over the catalog: ``person:`` and ``source-type:``, their negation, and
``has:`` of the structured fields; the search finds the new fields' texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.filters import filter_photo_ids
from photoarchive.catalog.search import photo_filters
from photoarchive.edits import apply_edit
from photoarchive.filters import FilterSyntaxError, parse
from tests.conftest import add_original, write_photo

VALUES = {
    "veterans": {
        "persons_shown": ["Ivanov, Pyotr", "Kuznetsov"],
        "digital_source_type": "negativeFilm",
        "artworks": [{"title": "Medal For Courage", "source_inventory_number": "KM-1234"}],
    },
    "print": {
        "persons_shown": ["Sato Hiroshi"],
        "digital_source_type": "print",
        "location_created": {"city": "Severo-Kurilsk"},
        "extended_description": "Two soldiers beside a gun emplacement",
    },
    "plain": {},
}


@pytest.fixture
def archive(tmp_path: Path):
    with Catalog(tmp_path / "archive") as catalog:
        ids = {}
        for n, (name, values) in enumerate(VALUES.items()):
            ids[name] = add_original(catalog, write_photo(tmp_path / "card" / f"{name}.jpg", seed=n))
            if values:
                apply_edit(catalog, [ids[name]], values)
        yield catalog, ids


def matching(archive, text: str) -> set[str]:
    catalog, ids = archive
    names = {i: name for name, i in ids.items()}
    return {names[i] for i in filter_photo_ids(catalog.conn, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("person:ivanov", {"veterans"}),
        ('person:"Ivanov, Pyotr"', {"veterans"}),
        ("person:SATO", {"print"}),
        ("-person:ivanov", {"print", "plain"}),
        ("person:nobody", set()),
        ("source-type:negativeFilm", {"veterans"}),
        ("source-type:negativefilm", {"veterans"}),
        ("source-type:print", {"print"}),
        ("-source-type:print", {"veterans", "plain"}),
        ("source-type:none", {"plain"}),
        ("-source-type:none", {"veterans", "print"}),
        ("has:persons_shown", {"veterans", "print"}),
        ("has:location_created", {"print"}),
        ("-has:location_created", {"veterans", "plain"}),
        ("has:artworks", {"veterans"}),
        ("-has:artworks", {"print", "plain"}),
        ("person:sato source-type:print", {"print"}),
    ],
)
def test_tokens(archive, text: str, expected: set[str]) -> None:
    assert matching(archive, text) == expected


def test_source_type_names_what_it_takes() -> None:
    with pytest.raises(FilterSyntaxError, match='not "negative" at 13: did you mean "negativefilm"'):
        parse("source-type:negative")
    with pytest.raises(FilterSyntaxError, match='did you mean "source-type"'):
        parse("sourcetype:print")


@pytest.mark.parametrize(
    ("words", "expected"),
    [("Kuznetsov", {"veterans"}), ("KM-1234", {"veterans"}), ("Severo-Kurilsk", {"print"}), ("emplacement", {"print"})],
)
def test_search_finds_the_new_texts(archive, words: str, expected: set[str]) -> None:
    catalog, ids = archive
    names = {i: name for name, i in ids.items()}
    where, params = photo_filters(words, None)
    rows = catalog.conn.execute(f"SELECT p.id FROM photos p WHERE {' AND '.join(where)}", params)
    assert {names[r[0]] for r in rows} == expected
