"""Full-text search, on SQLite and on PostgreSQL (``backend_catalog``): any script, any case,
short terms, a thousand words, pages that join into the full listing."""

from __future__ import annotations

from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.connection import dialect
from photoarchive.catalog.search import count_photos_matching, photo_page, photo_rows
from tests.conftest import add_record
from tests.postgres import Backend


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``)."""
    return backend_catalog


def test_search_any_script_and_short_terms(catalog: Catalog) -> None:
    a = add_record(catalog, 1, "IMG_0001.JPG", {"Iptc.Application2.Caption": ["Высота 171, Шумшу"]})
    b = add_record(catalog, 2, "IMG_0002.JPG", {"Xmp.dc.description": ["占守島の戦車 Type 97 tank"]})
    c = add_record(catalog, 3, "shumshu_beach.jpg")
    assert catalog.photo_ids(search="img_000") == [a, b]
    assert catalog.photo_ids(search="высота") == [a]  # case-insensitive Cyrillic
    assert catalog.photo_ids(search="ШУМШУ") == [a]
    assert catalog.photo_ids(search="占守島") == [b]
    assert catalog.photo_ids(search="戦車") == [b]  # two characters: below the trigram length
    assert catalog.photo_ids(search="tank 97") == [b]  # every term must match
    assert catalog.photo_ids(search="shumshu") == [c]
    assert catalog.photo_ids(search='"; DROP TABLE photos; --') == []
    assert catalog.photo_ids(search="100%") == []
    assert catalog.count_photos() == 3


def test_sort_orders(catalog: Catalog) -> None:
    b = add_record(catalog, 2, "b.jpg")
    a = add_record(catalog, 1, "A.jpg")
    assert catalog.photo_ids(order="captured") == [a, b]
    assert catalog.photo_ids(order="imported") == [b, a]
    assert catalog.photo_ids(order="name") == [a, b]


def test_index_is_rebuilt_when_the_search_text_changes(backend: Backend, tmp_path: Path, monkeypatch) -> None:
    from photoarchive.catalog import search

    with Catalog(backend.archive(tmp_path / "a")) as catalog:
        photo = add_record(catalog, 1, "IMG_0001.JPG")
        assert catalog.photo_ids(search="/src/") == [photo]
    monkeypatch.setattr(search, "SOURCES", [("column", "original_name")])
    monkeypatch.setattr(search, "TEXT_SOURCES", ["p.original_name"])
    with Catalog(backend.archive(tmp_path / "a")) as catalog:  # opened by a version that searches less
        assert catalog.photo_ids(search="/src/") == []
        assert catalog.photo_ids(search="IMG_0001") == [photo]


def test_a_search_of_a_thousand_words(catalog: Catalog, capsys) -> None:
    a = add_record(catalog, 1, "IMG_0001.JPG", {"Iptc.Application2.Caption": ["на Шумшу 占守 戦車 ab cd Type 97 tank"]})
    b = add_record(catalog, 2, "IMG_0002.JPG", {"Iptc.Application2.Caption": ["на Шумшу"]})
    # A thousand short words (SQLite refused a thousand ANDs: "Expression tree is too large").
    assert catalog.photo_ids(search=" ".join(["на", "占守", "戦車", "ab", "cd"] * 200)) == [a]
    assert catalog.photo_ids(search=" ".join(["на"] * 1000)) == [a, b]
    pairs = [chr(0x430 + i // 32) + chr(0x430 + i % 32) for i in range(1000)]  # 1,000 different ones
    assert catalog.photo_ids(search=" ".join(pairs)) == []
    assert catalog.photo_ids(search=" ".join(["шумшу", "Type", "tank", "ab", "%_"] * 250)) == []
    assert catalog.photo_ids(search=" ".join(["шумшу", "Type", "tank", "ab"] * 250)) == [a]
    assert catalog.photo_ids(search=" ".join(f"word{n}" for n in range(1000))) == []
    first = photo_page(catalog.conn, search=" ".join(["шумшу", "Type", "tank", "ab"] * 250), limit=10)
    assert first.ids == [a] and first.after is None
    if dialect(catalog.conn) == "postgresql":
        return  # the command line's list compiles a filter, which is not on a server yet (catalog.filters)

    from photoarchive.cli import main

    code = main(["--archive", str(catalog.paths.root), "list", "--search", " ".join(["на", "ab"] * 500)])
    out, err = capsys.readouterr()
    assert code == 0 and "IMG_0001.JPG" in out and "IMG_0002.JPG" not in out and "error" not in err


def test_the_sources_keep_their_sqlite_text() -> None:
    # The declaration renders SQLite's SQL as it was written before it was declared: the
    # signature of an existing catalog's index is unchanged, so opening it rebuilds nothing.
    from photoarchive.catalog import search

    assert search._signature() == "853e8b29539c8ef407d936cafb7da5cdefc0335830f57b18a2d1ec93200296fc"
    assert len(search.text_sources("postgresql")) == len(search.TEXT_SOURCES) == len(search.SOURCES)


def test_any_case_in_any_script(catalog: Catalog) -> None:
    tank = add_record(catalog, 1, "a.jpg", {"Iptc.Application2.Caption": ["Танк Т-26 у ВЫСОТЫ 171"]})
    island = add_record(catalog, 2, "b.jpg", {"Xmp.dc.description": ["占守島の海岸"]})
    latin = add_record(catalog, 3, "c.jpg", {"Iptc.Application2.Caption": ["Abandoned Tank on the Beach"]})
    for query in ("ТАНК", "танк", "ТаНк", "анк"):
        assert catalog.photo_ids(search=query) == [tank], query
    for query in ("высоты", "ВЫСОТЫ", "Высоты 171"):
        assert catalog.photo_ids(search=query) == [tank], query
    assert catalog.photo_ids(search="占守島") == [island]
    assert catalog.photo_ids(search="守島の") == [island]  # a substring inside a Japanese word
    assert catalog.photo_ids(search="海岸") == [island]  # two characters
    for query in ("TANK", "tank", "bandon", "BEACH", "on the beach"):
        assert catalog.photo_ids(search=query) == [latin], query
    assert catalog.photo_ids(search="т-26") == [tank]  # a Latin-looking Cyrillic Т
    assert catalog.photo_ids(search="t-26") == []  # the Latin t is another letter
    # Wildcards of either database's LIKE are letters here.
    assert catalog.photo_ids(search="T_26") == [] and catalog.photo_ids(search="%") == []
    if dialect(catalog.conn) == "postgresql":  # ILIKE folds every letter, short terms too
        assert catalog.photo_ids(search="ТА") == [tank]


def test_search_text_follows_edits(catalog: Catalog) -> None:
    from photoarchive.catalog.connection import transaction
    from photoarchive.catalog.history import FieldChange, record_edit

    photo = add_record(catalog, 1, "a.jpg", {"Xmp.dc.subject": ["бункер"], "Xmp.iptcExt.ArtworkOrObject": []})
    assert catalog.photo_ids(search="БУНКЕР") == [photo]  # embedded values (a JSON document)
    with transaction(catalog.conn):
        changes = [FieldChange(photo, "keywords", [], ["Шумшу", "tank"]), FieldChange(photo, "title", None, "Ruins")]
        record_edit(catalog, "2026-01-02T00:00:00+00:00", "test", "edit", changes, None)
    assert catalog.photo_ids(search="шумшу tank ruins") == [photo]  # a JSON list and a column
    with transaction(catalog.conn):
        change = FieldChange(photo, "keywords", ["Шумшу", "tank"], [])
        record_edit(catalog, "2026-01-02T00:00:01+00:00", "test", "edit", [change], None)
    assert catalog.photo_ids(search="шумшу") == []


def test_keyset_pages_agree_with_the_full_listing(catalog: Catalog) -> None:
    for n in range(1, 41):  # dates repeat (ties broken by id), some are missing (the import time)
        catalog.add_photo(
            {
                "sha256": f"{n:064x}",
                "original_path": f"2015/{n}.jpg",
                "original_name": f"{'iI'[n % 2]}MG_{n % 7:04d}.JPG",
                "source_path": f"/src/{n}.jpg",
                "size": 1,
                "format": "JPEG",
                "imported_at": "2026-01-01T00:00:00+00:00",
                "captured_at": None if n % 11 == 0 else f"2015-08-{n % 5 + 1:02d}T10:00:00",
                "embedded": {"Iptc.Application2.Caption": ["танк" if n % 3 else "fog"]},
            }
        )
    for order in ("captured", "imported", "name"):
        for search in ("", "ТАНК", "fog", "img", "танк img_00", "nothing"):
            full = catalog.photo_ids(search=search, order=order)
            ids, after = [], None
            while True:
                page = photo_page(catalog.conn, search=search, order=order, after=after, limit=6)
                ids += page.ids
                if page.after is None:
                    break
                after = page.after
            assert ids == full, (order, search)
            first = photo_page(catalog.conn, search=search, order=order, limit=6)
            if first.after is not None:
                rest = photo_rows(catalog.conn, search=search, order=order, after=first.after, columns="p.id")
                assert first.ids + [int(row[0]) for row in rest] == full, (order, search)
            assert count_photos_matching(catalog.conn, search=search) == len(full)
    pages = catalog.photo_pages(search="танк", order="captured")
    assert [photo.id for page in pages for photo in page] == catalog.photo_ids(search="танк")


def test_an_sqlite_catalog_does_not_map_its_reads(tmp_path: Path) -> None:
    """No memory map: the pages a mapping reads count in the window's memory once a connection
    (bench/gui_grid.py at a million photos: peak RSS 1,177 MB with 1 GiB mapped, 285 MB
    without; the bound is 600 MB)."""
    with Catalog(tmp_path / "a") as catalog:
        assert catalog.conn.execute("PRAGMA mmap_size").fetchone()[0] == 0
        assert catalog.conn.execute("PRAGMA cache_size").fetchone()[0] == -32768  # its own cache instead: 32 MiB


def test_a_keyed_page_asks_the_text_index_again_only_for_its_last_second(tmp_path: Path) -> None:
    """A search's page in capture order (SQLite's keys exact) reads the first ``limit`` matches
    from the text index, then only the rest of the last one's second, not every match again
    from the start: each match the page reads is tested once, plus the last second's."""
    with Catalog(tmp_path / "a") as catalog:
        for n in range(1, 31):
            catalog.add_photo(
                {
                    "sha256": f"{n:064x}",
                    "original_path": f"2015/{n}.jpg",
                    "original_name": f"IMG_{n:04d}.JPG",
                    "source_path": f"/src/{n}.jpg",
                    "size": 1,
                    "format": "JPEG",
                    "imported_at": "2026-01-01T00:00:00+00:00",
                    # Two photos in the 10th second: the page's last second has one more match.
                    "captured_at": f"2015-08-01T10:00:{min(n, 10) if n <= 11 else n:02d}",
                    "embedded": {"Iptc.Application2.Caption": ["tank"]},
                }
            )
        tested: list[int] = []

        def test(photo: int) -> int:
            tested.append(photo)
            return 1

        catalog.conn.create_function("tested", 1, test)
        where: tuple[list[str], list[object]] = (["tested(p.id)"], [])
        page = photo_page(catalog.conn, search="tank", order="captured", limit=10, where=where)
        assert page.ids == catalog.photo_ids(search="tank", order="captured")[:10]
        assert len(tested) == 10 + 2  # the first ten, then the 10th second's two (not the ten again)
