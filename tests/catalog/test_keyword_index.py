"""The keyword index (0018_keyword_index): each photo's keyword words, in capture order, kept
current in the transaction of every change, and filled by its migration."""

from __future__ import annotations

from pathlib import Path

from photoarchive.catalog import Catalog
from photoarchive.catalog.connection import transaction
from photoarchive.catalog.history import FieldChange, record_edit
from photoarchive.catalog.keyword_index import words_of
from photoarchive.edits import apply_edit
from tests.catalog.test_search_keys import add as _add


def _rows(catalog: Catalog) -> set[tuple[str, str, int]]:
    return {tuple(r) for r in catalog.conn.execute("SELECT word, sort, photo_id FROM keyword_index")}


def _expected(catalog: Catalog) -> set[tuple[str, str, int]]:
    rows = catalog.conn.execute(
        "SELECT id, coalesce(captured_at, imported_at), keywords, hierarchical_keywords FROM photos"
    ).fetchall()
    return {(w, sort, pid) for pid, sort, k, h in rows for w in words_of(k, h)}


def test_a_photos_words_are_its_keywords_and_every_run_of_its_levels_folded() -> None:
    assert words_of('["Tank", "ТУМАН"]', '["Weapons|Tanks|T-34"]') == {
        "tank", "туман", "weapons", "tanks", "t-34", "weapons|tanks", "tanks|t-34", "weapons|tanks|t-34",
    }  # fmt: skip
    assert words_of('["Straße"]', "[]") == {"strasse"}  # casefold, as keyword: compares
    assert words_of('{"a": "Fog"}', '"A|B"') == {"fog", "a", "b", "a|b"}  # as json_each reads them
    assert words_of("not json", None) == set() == words_of("[1, null]", "[]")


def test_the_index_follows_edits_undo_and_a_new_date(tmp_path: Path) -> None:
    with Catalog(tmp_path / "a") as catalog:
        a = _add(catalog, 1, "2015-08-10T10:00:00", keywords=["Tank"])
        b = _add(catalog, 2, "2015-08-11T10:00:00", hierarchical_keywords=["Weapons|Tanks"])
        assert _rows(catalog) == _expected(catalog) and ("tank", "2015-08-10T10:00:00", a) in _rows(catalog)
        apply_edit(catalog, [a, b], {"keywords": ["Fog", "Туман"]})
        assert _rows(catalog) == _expected(catalog) and ("туман", "2015-08-11T10:00:00", b) in _rows(catalog)
        assert not any(w == "tank" for w, _s, _p in _rows(catalog))
        with transaction(catalog.conn):  # a new date moves its rows in the capture order
            change = FieldChange(a, "captured_at", "2015-08-10T10:00:00", "1945-08-18T05:30:00")
            record_edit(catalog, "2026-01-02T00:00:00+00:00", "test", "redate", [change], None)
        assert ("fog", "1945-08-18T05:30:00", a) in _rows(catalog) and _rows(catalog) == _expected(catalog)


def test_the_migration_fills_the_index_of_every_photo(tmp_path: Path) -> None:
    from photoarchive.catalog.migrations import m0018_keyword_index

    with Catalog(tmp_path / "a") as catalog:
        for n in range(5):
            _add(catalog, n, f"2015-08-{n + 1:02d}", keywords=[f"K{n}", "Shared"], hierarchical_keywords=["A|B"])
        expected = _rows(catalog)
        assert len(expected) == 5 * 5 and expected == _expected(catalog)
        with transaction(catalog.conn):  # back to 0017: no index
            catalog.conn.execute("DROP TABLE keyword_index")
            m0018_keyword_index.apply(catalog.conn)
        assert _rows(catalog) == expected
        indexes = {
            r[0] for r in catalog.conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'keyword_index'")
        }
        assert "keyword_index_photo" in indexes


def test_the_rows_hold_the_capture_key_the_pages_are_ordered_by() -> None:
    """A keyword's page walks its rows in their ``sort`` order as the capture order's page: the
    two write the same key."""
    from photoarchive.catalog import keyword_index, search

    assert search.page_key("sqlite", "captured") == keyword_index.SORT.replace("captured_at", "p.captured_at").replace(
        "imported_at", "p.imported_at"
    )
