"""Search keys (0011_search_keys): the full-text index's rowid sorts as the capture order does,
so that a search's first page in capture order is read from the index in key order. A date
that changes moves the photo's key in the same transaction; undated photos, dates before
1970, ties within a second and ids beyond the key's low bits keep the capture order exactly."""

from __future__ import annotations

import calendar
import re

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.connection import transaction
from photoarchive.catalog.history import FieldChange, record_edit
from photoarchive.catalog.search import (
    KEY_LOW_BITS,
    count_photos_matching,
    ensure_index_current,
    keys_exact,
    photo_page,
    photo_rows,
    reindex_all,
    reindex_photos,
    sort_second,
)


def add(catalog: Catalog, n: int, captured: str | None, caption: str = "tank on the beach", **extra: object) -> int:
    return catalog.add_photo(
        {
            "sha256": f"{n:064x}",
            "original_path": f"x/{n}.jpg",
            "original_name": f"{n}.jpg",
            "source_path": f"/src/{n}.jpg",
            "size": 1,
            "format": "JPEG",
            "imported_at": "2026-01-01T00:00:00+00:00",
            "captured_at": captured,
            "embedded": {"Iptc.Application2.Caption": [caption]},
            **extra,
        }
    )


def paged(catalog: Catalog, search: str, limit: int) -> list[int]:
    """Every id, read page by page from the first."""
    ids, after = [], None
    while True:
        page = photo_page(catalog.conn, search=search, limit=limit, after=after)
        ids += page.ids
        if page.after is None:
            return ids
        after = page.after


def keyed(catalog: Catalog, search: str) -> bool:
    """Whether a page of this search is read from the index in key order."""
    seen: list[str] = []
    catalog.conn.set_trace_callback(seen.append)
    photo_page(catalog.conn, search=search, limit=2)
    catalog.conn.set_trace_callback(None)
    return any("CROSS JOIN search_keys" in sql for sql in seen)


def test_the_second_follows_the_text_order() -> None:
    assert sort_second("1970-01-01T00:00:00") == 0
    assert sort_second("1945-08-18T05:30:00") == calendar.timegm((1945, 8, 18, 5, 30, 0)) < 0  # before 1970
    assert sort_second("1945-08-18") == sort_second("1945-08-18T00:00:00")
    assert sort_second("2015-08-10T10:00") == sort_second("2015-08-10T10:00:00+09:00")  # the offset is not read
    assert sort_second("0001-01-01") is not None and sort_second("9999-12-31T23:59:59") is not None
    # Shapes whose text order the second would not follow, and dates that do not exist.
    for text in ("2015-08-10X", "2015-08-10 10:00:00", "2015-08-10T10:00Z", "2015:08:10", "2015-02-30", "", None):
        assert sort_second(text) is None


def test_pages_in_capture_order_with_undated_old_and_tied_photos(catalog: Catalog) -> None:
    dates = [
        "2015-08-10T10:00:00",
        None,  # undated: the import time stands for it
        "1945-08-18T05:30:00",
        "1945-08-18",
        "2015-08-10T10:00:00",  # a tie: the id decides
        "2015-08-10T10:00:00.5",  # the same second, after the tie in the text order
        "2015-08-10T10:00:00+09:00",
        "1904-01-01T00:00:00",
        "2015-08-10T10:00",
    ]
    ids = [add(catalog, n, date, "fog" if n == 3 else "tank") for n, date in enumerate(dates * 3)]
    full = catalog.photo_ids(search="tank")
    assert len(full) == len(ids) - 1 and sorted(full) == sorted(i for n, i in enumerate(ids) if n != 3)
    assert keys_exact(catalog.conn) and keyed(catalog, "tank")
    for limit in (1, 2, 3, 5, 100):
        assert paged(catalog, "tank", limit) == full
    assert paged(catalog, "ta", 4) == catalog.photo_ids(search="ta")  # a short term: LIKE, still by key
    assert paged(catalog, "tank ta", 4) == full
    first = photo_page(catalog.conn, search="tank", limit=4)
    rows = photo_rows(catalog.conn, search="tank", after=first.after, limit=3, columns="p.id")
    assert first.ids + [r[0] for r in rows] == full[:7]
    assert count_photos_matching(catalog.conn, search="tank") == len(full)
    # The photos of 1904 first, then of 1945 (the date alone before the date with a time), and
    # within a second the text, then the id: 10:00 < 10:00:00 (x3) < 10:00:00+09:00 < 10:00:00.5.
    assert full[:8] == [ids[7], ids[16], ids[25], ids[12], ids[21], ids[2], ids[11], ids[20]]
    same_second = [8, 17, 26, 0, 4, 9, 13, 18, 22, 6, 15, 24, 5, 14, 23]
    assert full[8:23] == [ids[n] for n in same_second]
    assert full[23:] == [ids[1], ids[10], ids[19]]  # undated: imported in 2026


def test_a_new_date_moves_the_photo_in_search_results_and_back(catalog: Catalog) -> None:
    # The capture date is not a curated field (no editor sets it yet), but every change of a
    # photo, its undo and a re-read go through record_edit, which rekeys in its transaction.
    ids = [add(catalog, n, f"2015-08-{n + 1:02d}T10:00:00") for n in range(6)]
    assert paged(catalog, "tank", 2) == ids
    redated = FieldChange(ids[4], "captured_at", "2015-08-05T10:00:00", "1945-08-18T05:30:00")
    for change, expected in (
        (redated, [ids[4], *ids[:4], ids[5]]),
        (FieldChange(ids[4], "captured_at", redated.new, "2015-08-06T10:00:01"), [*ids[:4], ids[5], ids[4]]),
        (FieldChange(ids[4], "captured_at", "2015-08-06T10:00:01", redated.old), ids),  # the undo
    ):
        with transaction(catalog.conn):
            record_edit(catalog, "2026-01-02T00:00:00+00:00", "test", "redate", [change], None)
        assert catalog.photo_ids(search="tank") == expected
        assert paged(catalog, "tank", 2) == expected
    with transaction(catalog.conn):  # undated: the import time (2026) stands for the date
        catalog.conn.execute("UPDATE photos SET captured_at = NULL WHERE id = ?", (ids[1],))
        reindex_photos(catalog.conn, [ids[1]])
    assert keys_exact(catalog.conn) and paged(catalog, "tank", 2) == [ids[0], *ids[2:], ids[1]]
    with transaction(catalog.conn):
        catalog.conn.execute("UPDATE photos SET captured_at = ? WHERE id = ?", ("2015-08-02T10:00:00", ids[1]))
        reindex_photos(catalog.conn, [ids[1]])
    reindex_all(catalog.conn)  # a rebuild gives the same keys' order
    assert paged(catalog, "tank", 4) == ids


def test_ids_beyond_the_low_bits_of_the_key_share_a_second(catalog: Catalog) -> None:
    # Ids 2**25 apart have the same low part: the second photo of that second takes the next.
    a = add(catalog, 1, "2015-08-10T10:00:00", id=5)
    b = add(catalog, 2, "2015-08-10T10:00:00", id=5 + (1 << KEY_LOW_BITS))
    c = add(catalog, 3, "2015-08-10T10:00:00", id=6)
    keys = dict(catalog.conn.execute("SELECT photo_id, key FROM search_keys"))
    assert len(set(keys.values())) == 3
    assert {key >> KEY_LOW_BITS for key in keys.values()} == {sort_second("2015-08-10T10:00:00")}
    assert paged(catalog, "tank", 1) == [a, c, b] == catalog.photo_ids(search="tank")


def test_a_date_of_another_shape_reads_pages_as_before(catalog: Catalog) -> None:
    ids = [add(catalog, n, f"2015-08-{n + 1:02d}T10:00:00") for n in range(4)]
    odd = add(catalog, 9, "2015:08:02 10:00:00")  # an EXIF-style text: the key cannot follow it
    assert not keys_exact(catalog.conn) and not keyed(catalog, "tank")
    assert paged(catalog, "tank", 2) == catalog.photo_ids(search="tank") == [*ids, odd]


def _before_0019(conn) -> None:
    """The catalog as it was before the marked photos (0019), whose trigger reads search_keys."""
    conn.execute("DROP TRIGGER marked_photos_marks")
    conn.execute("DROP TABLE marked_photos")


@pytest.mark.parametrize("search", ["tank", "ta", "nothing-at-all"])
def test_the_migration_moves_an_index_kept_by_photo_id(tmp_path, search: str) -> None:
    from photoarchive.catalog.migrations import m0011_search_keys, m0017_search_folds, m0019_marked_photos

    with Catalog(tmp_path / "a") as catalog:
        ids = [add(catalog, n, None if n % 3 == 0 else f"19{40 + n}-08-18") for n in range(8)]
        expected = catalog.photo_ids(search=search)
        with transaction(catalog.conn):  # back to the index of 0010: rowid = photo id, no keys
            _before_0019(catalog.conn)
            catalog.conn.execute("DROP TABLE search_keys")
            catalog.conn.execute("DELETE FROM photos_fts")
            text = (
                "coalesce(p.original_name, '') || ' ' || json_extract(p.embedded, '$.\"Iptc.Application2.Caption\"[0]')"
            )
            catalog.conn.execute(
                f"INSERT INTO photos_fts (rowid, text) SELECT p.id, {text} FROM photos p WHERE p.id != ?", (ids[5],)
            )
            # Today's search text reads tables 0011 predates (0014's translations): the photo
            # without text must not be indexed with it here (an old catalog failed to open).
            catalog.conn.execute("ALTER TABLE translations RENAME TO translations_later")
            m0011_search_keys.apply(catalog.conn)
            catalog.conn.execute("ALTER TABLE translations_later RENAME TO translations")
            m0017_search_folds.apply(catalog.conn)  # the later migrations of search_keys
            m0019_marked_photos.apply(catalog.conn)
            ensure_index_current(catalog.conn)  # as the catalog does once its migrations have run
        assert catalog.conn.execute("SELECT count(*) FROM search_keys").fetchone()[0] == 8
        assert catalog.photo_ids(search=search) == expected
        assert paged(catalog, search, 3) == expected


def test_the_folds_migration_marks_the_texts_holding_a_character_folding_to_ascii(tmp_path) -> None:
    """0017: a key says whether its photo's text holds a character whose casefold holds an ASCII
    one (ß, the Kelvin sign): a filter's word beside a rare term finds those through Python, the
    rest through LIKE alone; and an edit marks the key again."""
    from photoarchive.catalog.filters import compile_filter
    from photoarchive.catalog.migrations import m0017_search_folds, m0019_marked_photos

    with Catalog(tmp_path / "a") as catalog:

        def first_page(text: str) -> list[int]:  # as the window and list read it
            query = compile_filter(catalog.conn, text, page=100, order="captured")
            assert not query.search  # the words tested photo by photo, not searched
            return photo_page(catalog.conn, search=query.search, where=query.where, limit=100).ids

        plain = add(catalog, 1, "2015-08-10", "tank on the beach", rating=5)
        sharp = add(catalog, 2, "2015-08-11", "Panzer an der Straße", rating=5)
        kelvin = add(catalog, 3, "2015-08-12", "\u212aokutan", rating=5)
        with transaction(catalog.conn):  # back to 0016: no column
            _before_0019(catalog.conn)
            catalog.conn.execute("DROP INDEX search_keys_folds")
            catalog.conn.execute("ALTER TABLE search_keys DROP COLUMN folds")
            m0017_search_folds.apply(catalog.conn)
            m0019_marked_photos.apply(catalog.conn)
        marks = dict(catalog.conn.execute("SELECT photo_id, folds FROM search_keys").fetchall())
        assert marks == {plain: 0, sharp: 1, kelvin: 1}
        assert first_page("strasse rating>=4") == [sharp]  # each rated photo's text tested
        assert first_page("kokutan rating>=4") == [kelvin]
        assert first_page("tank rating>=4") == [plain]
        with transaction(catalog.conn):
            record_edit(
                catalog,
                "2026-01-02T00:00:00+00:00",
                "test",
                "caption",
                [FieldChange(plain, "caption", "", "Straße")],
                None,
            )
        assert catalog.conn.execute("SELECT folds FROM search_keys WHERE photo_id = ?", (plain,)).fetchone()[0] == 1
        assert first_page("STRASSE rating>=4") == [plain, sharp]


def test_a_keyword_narrows_through_the_index_while_no_text_holds_a_character_it_folds_otherwise(tmp_path) -> None:
    """keyword:туман is looked for in the text index's matches of "туман" while no photo's text holds
    a character folding into it that the index folds otherwise (ᲅ, three-legged te): once one
    does, the keyword is tested on every photo again, and that photo is found."""
    from photoarchive.catalog import search
    from photoarchive.catalog.filters import compile_filter, filter_photo_ids

    def first_page(text: str) -> tuple[str, list[int]]:  # by name (in capture order the keyword index drives)
        query = compile_filter(catalog.conn, text, page=100, order="name")
        assert compile_filter(catalog.conn, text).search == query.search  # the whole list's too
        return query.search, photo_page(catalog.conn, search=query.search, order="name", where=query.where).ids

    with Catalog(tmp_path / "a") as catalog:
        fog = add(catalog, 1, "2015-08-10", "fog", keywords=["Туман"])
        add(catalog, 2, "2015-08-11", "туманы", keywords=["туманы"])
        ligature = add(catalog, 3, "2015-08-12", "\ufb01eld")  # marked, but nothing stands in туман
        assert search.unmarked(catalog.conn, "ᲄᲅ") and not search.unmarked(catalog.conn, "\ufb01")
        assert first_page("keyword:туман") == ("туман", [fog])
        odd = add(catalog, 4, "2015-08-13", "old", keywords=["\u1c85уман"])  # ᲅ folds to т
        assert not search.unmarked(catalog.conn, "ᲄᲅ")
        assert first_page("keyword:туман") == ("", [fog, odd]) == ("", filter_photo_ids(catalog.conn, "keyword:туман"))
        assert ligature not in filter_photo_ids(catalog.conn, "keyword:туман")


def test_the_marks_follow_every_character_the_index_folds_otherwise() -> None:
    """search.UNFAITHFUL is what the running SQLite's index folds otherwise than casefold: a
    keyword narrows only where the marks follow each character that could stand in it."""
    from photoarchive.catalog import filters, search

    folding = "".join(c for c, _fold in filters._casefolds())
    unfaithful = filters._unfaithful_characters(folding)
    assert "ß" in unfaithful and "\u1c85" in unfaithful and "Т" not in unfaithful
    assert all(search._FOLDING.match(c) for c in unfaithful)
    assert unfaithful == "".join(c for c in folding if re.match(f"[{search.UNFAITHFUL}]", c))
