"""The selection columns (migration 0012): their defaults, and indexes that filters on them use."""

from __future__ import annotations

from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_fields, load_values
from photoarchive.edits import apply_edit
from tests.conftest import add_original, write_photo


@pytest.fixture
def catalog(tmp_path: Path):
    with Catalog(tmp_path / "archive") as catalog:
        yield catalog


def test_a_new_photo_has_no_rating_label_or_flag(catalog: Catalog, tmp_path: Path) -> None:
    photo = add_original(catalog, write_photo(tmp_path / "IMG_1.JPG"))
    row = catalog.conn.execute("SELECT rating, label, flag FROM photos WHERE id = ?", (photo,)).fetchone()
    assert tuple(row) == (None, "", "")
    fields = load_fields(catalog, [photo])[photo]
    assert (fields.rating, fields.label, fields.flag) == (None, "", "")


def test_rating_is_stored_as_an_integer(catalog: Catalog, tmp_path: Path) -> None:
    photo = add_original(catalog, write_photo(tmp_path / "IMG_1.JPG"))
    apply_edit(catalog, [photo], {"rating": "4", "label": "Blue", "flag": "reject"})
    row = catalog.conn.execute("SELECT typeof(rating), rating, label, flag FROM photos").fetchone()
    assert tuple(row) == ("integer", 4, "blue", "reject")
    assert load_values(catalog, [photo], ["rating"]) == {photo: {"rating": 4}}


@pytest.mark.parametrize(
    ("where", "index"),
    [
        ("rating >= 4", "photos_rating"),
        ("rating = 5", "photos_rating"),
        ("label = 'red'", "photos_label"),
        ("flag = 'pick'", "photos_flag"),
        ("flag = 'pick' AND label = 'red'", "photos_"),
    ],
)
def test_filters_on_them_use_an_index(catalog: Catalog, where: str, index: str) -> None:
    for query in (f"SELECT count(*) FROM photos WHERE {where}", f"SELECT id FROM photos WHERE {where}"):
        plan = " ".join(row[3] for row in catalog.conn.execute(f"EXPLAIN QUERY PLAN {query}"))
        assert f"INDEX {index}" in plan and "SCAN photos" not in plan.replace("USING", ""), plan
    first_page = f"SELECT id FROM photos WHERE {where} ORDER BY coalesce(captured_at, imported_at), id LIMIT 50"
    plan = " ".join(row[3] for row in catalog.conn.execute(f"EXPLAIN QUERY PLAN {first_page}"))
    assert "INDEX" in plan, plan


def test_an_edit_reindexes_the_search_text_only_when_it_changed(catalog: Catalog, tmp_path: Path, monkeypatch) -> None:
    from photoarchive.catalog import history

    photos = [add_original(catalog, write_photo(tmp_path / f"IMG_{n}.JPG", seed=n)) for n in range(3)]
    reindexed: list[list[int]] = []
    real = history.reindex_photos
    monkeypatch.setattr(history, "reindex_photos", lambda conn, ids: (reindexed.append(list(ids)), real(conn, ids)))
    apply_edit(catalog, photos, {"rating": 5, "label": "red", "flag": "pick"})
    apply_edit(catalog, photos[:1], {"rating": 1, "caption": "Tank on Height 171"})
    assert [ids for ids in reindexed if ids] == [photos[:1]]
    assert catalog.count_matching("tank") == 1  # the text that changed is found
