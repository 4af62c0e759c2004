"""Pages of the photo list (keyset paging): the first page, then the rest from where it ended,
are the full listing row for row, in every order, with or without a search."""

from __future__ import annotations

import sqlite3

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.search import DENSE_FACTOR, count_photos_matching, photo_page


@pytest.fixture
def photos(catalog: Catalog) -> Catalog:
    # Capture dates repeat (ties broken by id), names mix case, some captions say "tank".
    for n in range(1, 61):
        catalog.add_photo(
            {
                "sha256": f"{n:064x}",
                "original_path": f"2015/{n}.jpg",
                "original_name": f"{'ab'[n % 2]}{'Img' if n % 4 else 'img'}_{n % 5:03d}.jpg",
                "source_path": f"/src/{n}.jpg",
                "size": 1,
                "format": "JPEG",
                "imported_at": "2026-01-01T00:00:00+00:00",
                "captured_at": None if n % 11 == 0 else f"2015-08-{n % 7 + 1:02d}T10:00:00",
                "embedded": {"Iptc.Application2.Caption": ["a tank on the beach" if n % 3 else "fog"]},
            }
        )
    return catalog


@pytest.mark.parametrize("order", ["captured", "imported", "name"])
@pytest.mark.parametrize("search", ["", "tank", "fog", "a", "tank a", "nothing-at-all"])
def test_pages_join_into_the_full_listing(photos: Catalog, order: str, search: str) -> None:
    full = photos.photo_ids(search=search, order=order)
    pages, after = [], None
    while True:
        page = photo_page(photos.conn, search=search, order=order, after=after, limit=7)
        pages.extend(page.ids)
        assert len(page.ids) <= 7
        if page.after is None:
            break
        after = page.after
    assert pages == full
    first = photo_page(photos.conn, search=search, order=order, limit=7)
    rest = photo_page(photos.conn, search=search, order=order, after=first.after, limit=None) if first.after else None
    assert first.ids + (rest.ids if rest else []) == full
    assert count_photos_matching(photos.conn, search=search) == len(full)


def test_a_common_word_is_read_by_walking_the_sort_index(photos: Catalog, monkeypatch) -> None:
    # "tank" is in two photos of three: dense, so a page in name order walks the name index and
    # stops after a page; in capture order the full-text index is read in key order
    # (test_search_keys.py), its rowid sorting as the capture order does.
    seen: list[str] = []
    photos.conn.set_trace_callback(seen.append)
    page = photo_page(photos.conn, search="tank", order="name", limit=2)
    captured = photo_page(photos.conn, search="tank", order="captured", limit=2)
    photos.conn.set_trace_callback(None)
    assert any("INDEXED BY photos_sort_name" in sql for sql in seen)
    assert any("FROM photos_fts CROSS JOIN search_keys" in sql for sql in seen)
    assert page.ids == photos.photo_ids(search="tank", order="name")[:2]
    assert captured.ids == photos.photo_ids(search="tank")[:2]
    assert DENSE_FACTOR > 1


def test_the_sort_indexes_exist(photos: Catalog) -> None:
    columns = {
        name: [row[2] for row in photos.conn.execute(f"PRAGMA index_xinfo({name})") if row[5]]
        for name in ("photos_sort_captured", "photos_sort_name")
    }
    assert columns["photos_sort_captured"] == [None, "id"]  # the coalesce() expression, then the id
    assert columns["photos_sort_name"] == ["original_name", "id"]


def test_unknown_order_is_refused(photos: Catalog) -> None:
    with pytest.raises(ValueError):
        photo_page(photos.conn, order="colour")
    assert isinstance(photos.conn, sqlite3.Connection)
