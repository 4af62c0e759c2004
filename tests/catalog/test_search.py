from __future__ import annotations

from photoarchive.catalog import Catalog


def _add(catalog: Catalog, n: int, name: str, embedded: dict | None = None) -> int:
    return catalog.add_photo(
        {
            "sha256": f"{n:064x}",
            "original_path": f"2015/2015-08-10/{name}",
            "original_name": name,
            "source_path": f"/src/{name}",
            "size": 1,
            "format": "JPEG",
            "imported_at": "2026-01-01T00:00:00+00:00",
            "captured_at": f"2015-08-{n:02d}T10:00:00",
            "embedded": embedded or {},
        }
    )


def test_search_any_script_and_short_terms(catalog: Catalog) -> None:
    a = _add(catalog, 1, "IMG_0001.JPG", {"Iptc.Application2.Caption": ["Высота 171, Шумшу"]})
    b = _add(catalog, 2, "IMG_0002.JPG", {"Xmp.dc.description": ["占守島の戦車 Type 97 tank"]})
    c = _add(catalog, 3, "shumshu_beach.jpg")
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
    b = _add(catalog, 2, "b.jpg")
    a = _add(catalog, 1, "A.jpg")
    assert catalog.photo_ids(order="captured") == [a, b]
    assert catalog.photo_ids(order="imported") == [b, a]
    assert catalog.photo_ids(order="name") == [a, b]


def test_index_is_rebuilt_when_the_search_text_changes(tmp_path, monkeypatch) -> None:
    from photoarchive.catalog import search

    with Catalog(tmp_path / "a") as catalog:
        photo = _add(catalog, 1, "IMG_0001.JPG")
        assert catalog.photo_ids(search="/src/") == [photo]
    monkeypatch.setattr(search, "TEXT_SOURCES", ["p.original_name"])
    with Catalog(tmp_path / "a") as catalog:  # opened by a version that searches less
        assert catalog.photo_ids(search="/src/") == []
        assert catalog.photo_ids(search="IMG_0001") == [photo]
