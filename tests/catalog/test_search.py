from __future__ import annotations

from photoarchive.catalog import Catalog
from tests.conftest import add_record


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


def test_index_is_rebuilt_when_the_search_text_changes(tmp_path, monkeypatch) -> None:
    from photoarchive.catalog import search

    with Catalog(tmp_path / "a") as catalog:
        photo = add_record(catalog, 1, "IMG_0001.JPG")
        assert catalog.photo_ids(search="/src/") == [photo]
    monkeypatch.setattr(search, "TEXT_SOURCES", ["p.original_name"])
    with Catalog(tmp_path / "a") as catalog:  # opened by a version that searches less
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

    from photoarchive.cli import main

    code = main(["--archive", str(catalog.paths.root), "list", "--search", " ".join(["на", "ab"] * 500)])
    out, err = capsys.readouterr()
    assert code == 0 and "IMG_0001.JPG" in out and "IMG_0002.JPG" not in out and "error" not in err
