"""Filters on both backends (issues 12 and 15): the tokens a catalog on a server reads so far
(words, rating, label, flag, date, source-type, each negatable) give the same photos as on
SQLite, and the others are refused on a server with the token and its position named, as a
token that does not read is (the window shows it in its filter box; the command exits 2)."""

from __future__ import annotations

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.connection import dialect
from photoarchive.catalog.filters import compile_filter
from photoarchive.catalog.search import photo_page
from photoarchive.edits import apply_edit
from photoarchive.filters import FilterSyntaxError
from tests.conftest import add_record


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    return backend_catalog


def _ids(catalog: Catalog, text: str) -> list[int]:
    query = compile_filter(catalog.conn, text)
    return photo_page(catalog.conn, search=query.search, where=query.where, limit=None).ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [1, 2, 3, 4]),
        ("rating>=4", [1, 3]),
        ("rating<4", [2, 4]),
        ("-rating>=4", [2, 4]),
        ("rating=0", [4]),
        ("label:red", [1]),
        ("-label:red", [2, 3, 4]),
        ("label:none", [3, 4]),
        ("flag:reject", [2]),
        ("-flag:reject", [1, 3, 4]),
        ("flag:none", [3, 4]),
        ("date:2015-08-02..2015-08-03", [2, 3]),
        ("-date:2015-08-02..", [1]),
        ("танк", [1, 2]),
        ("ТАНК rating>=4", [1]),
        ("霧 -flag:reject", [3]),
    ],
)
def test_the_same_photos_on_both(catalog: Catalog, text: str, expected: list[int]) -> None:
    ids = [add_record(catalog, n, f"{n}.jpg") for n in (1, 2, 3, 4)]
    apply_edit(catalog, [ids[0]], {"rating": 5, "label": "red", "flag": "pick", "caption": "Танк у высоты 171"})
    apply_edit(catalog, [ids[1]], {"rating": 2, "label": "blue", "flag": "reject", "caption": "танк в тумане"})
    apply_edit(catalog, [ids[2]], {"rating": 4, "caption": "濃い霧の竹田浜"})
    assert _ids(catalog, text) == [ids[n - 1] for n in expected]


@pytest.mark.parametrize("text", ["keyword:tank", "place:Shumshu", '"Cape Kokutan"', "-tank", "has:caption"])
def test_a_server_names_what_it_cannot_filter_by_yet(catalog: Catalog, text: str) -> None:
    add_record(catalog, 1, "1.jpg")
    if dialect(catalog.conn) == "sqlite":
        _ids(catalog, text)  # SQLite reads every token
        return
    with pytest.raises(FilterSyntaxError, match="at 11: a catalog on a server filters only by") as raised:
        _ids(catalog, f"rating>=0 {text}")  # the token's place in the text, counted from 1
    assert (raised.value.token, raised.value.position) == (text, 11)
