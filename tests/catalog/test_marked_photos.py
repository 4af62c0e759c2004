"""The marked photos (0019_marked_photos, 0020_marked_places): the search text and the place of
each photo with a rating, a label or a pick, a row a mark, kept current by the search's reindex and by a trigger on the marks,
whatever writes them, and filled by its migration; the pages that walk them list what the
photos' own rows hold."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.connection import transaction
from photoarchive.catalog.filters import compile_filter, filter_photo_ids
from photoarchive.catalog.history import FieldChange, record_edit
from photoarchive.catalog.places import insert_place
from photoarchive.catalog.search import Alternatives
from photoarchive.edits import apply_edit, revert_edit
from photoarchive.model.place import Place
from tests.catalog.test_filters import _paged
from tests.catalog.test_search_keys import add


def _rows(catalog: Catalog) -> set[tuple[object, ...]]:
    return {tuple(r) for r in catalog.conn.execute("SELECT * FROM marked_photos")}


def _expected(catalog: Catalog) -> set[tuple[object, ...]]:
    """A row for each mark of each photo, with its marks and indexed text, read from the photos
    and the index."""
    rows = catalog.conn.execute(
        "SELECT p.rating, coalesce(p.captured_at, p.imported_at), p.id, p.label, p.flag, k.folds, f.c0, p.place_id"
        " FROM photos p JOIN search_keys k ON k.photo_id = p.id JOIN photos_fts_content f ON f.id = k.key"
    )
    expected = set()
    for rating, *row in rows:
        _sort, _photo, label, flag, *_text = row
        marks = [f"rating:{rating}"] * (rating is not None) + [f"label:{label}"] * bool(label)
        expected |= {(mark, *row) for mark in marks + ["flag:pick"] * (flag == "pick")}
    return expected


def _marks(catalog: Catalog) -> set[tuple[str, int]]:
    return {(str(r[0]), int(r[2])) for r in _rows(catalog)}


def test_the_rows_follow_marks_texts_dates_and_undo(tmp_path: Path) -> None:
    with Catalog(tmp_path / "a") as catalog:
        a = add(catalog, 1, "2015-08-10T10:00:00", "tank on the beach", rating=4)
        b = add(catalog, 2, "2015-08-11T10:00:00", "fog over Height 171", flag="reject")
        assert _rows(catalog) == _expected(catalog) and _marks(catalog) == {("rating:4", a)}  # no row of a reject
        edit = apply_edit(catalog, [a, b], {"rating": 5, "label": "red", "flag": "pick"})  # the culling keys
        assert _rows(catalog) == _expected(catalog)
        assert _marks(catalog) == {(m, p) for m in ("rating:5", "label:red", "flag:pick") for p in (a, b)}
        apply_edit(catalog, [b], {"caption": "Straße"})  # a new text, and its folds mark
        assert _rows(catalog) == _expected(catalog)
        assert all("Straße" in str(r[6]) and r[5] == 1 for r in _rows(catalog) if r[2] == b)
        with transaction(catalog.conn):  # a new date moves the rows in the capture order
            change = FieldChange(a, "captured_at", "2015-08-10T10:00:00", "1945-08-18T05:30:00")
            record_edit(catalog, "2026-01-02T00:00:00+00:00", "test", "redate", [change], None)
        assert ("label:red", "1945-08-18T05:30:00", a) in {r[:3] for r in _rows(catalog)}
        assert _rows(catalog) == _expected(catalog)
        revert_edit(catalog, edit.id)  # a back to 4 alone, b unrated and a reject again
        assert _rows(catalog) == _expected(catalog) and _marks(catalog) == {("rating:4", a)}
        with transaction(catalog.conn):  # any writer of the marks, not only an edit: the trigger
            catalog.conn.execute("UPDATE photos SET rating = 2, label = 'blue', flag = 'pick' WHERE id = ?", (b,))
            catalog.conn.execute("UPDATE photos SET rating = NULL WHERE id = ?", (a,))
        assert _rows(catalog) == _expected(catalog)
        assert _marks(catalog) == {("rating:2", b), ("label:blue", b), ("flag:pick", b)}
        shumshu = insert_place(catalog, Place("Shumshu", kind="island"))
        apply_edit(catalog, [b], {"place_id": shumshu})  # an edit of the place: the reindex
        assert _rows(catalog) == _expected(catalog) and {r[7] for r in _rows(catalog)} == {shumshu}
        with transaction(catalog.conn):  # the place alone, by any writer: the trigger
            catalog.conn.execute("UPDATE photos SET place_id = NULL WHERE id = ?", (b,))
        assert _rows(catalog) == _expected(catalog) and {r[7] for r in _rows(catalog)} == {None}


def test_the_migration_fills_the_rows_of_every_marked_photo(tmp_path: Path) -> None:
    from photoarchive.catalog.migrations import m0019_marked_photos

    with Catalog(tmp_path / "a") as catalog:
        for n in range(12):
            flag = ("pick", "reject", "")[n % 3]
            add(
                catalog,
                n,
                f"2015-08-{n + 1:02d}",
                f"photo {n}",
                rating=n % 6 or None,
                label=("red", "")[n % 2],
                flag=flag,
            )
        expected = _expected(catalog)
        assert len(expected) == 10 + 6 + 4
        with transaction(catalog.conn):  # back to 0018
            catalog.conn.execute("DROP TRIGGER marked_photos_marks")
            catalog.conn.execute("DROP TABLE marked_photos")
            m0019_marked_photos.apply(catalog.conn)
        assert _rows(catalog) == expected
        names = {
            r[0]
            for r in catalog.conn.execute(
                "SELECT name FROM sqlite_master WHERE tbl_name IN ('marked_photos', 'photos')"
            )
        }
        assert {"marked_photos_photo", "marked_photos_marks"} <= names


def test_0020_gives_the_rows_of_an_earlier_0019_their_places(tmp_path: Path) -> None:
    from photoarchive.catalog.migrations import m0020_marked_places

    with Catalog(tmp_path / "a") as catalog:
        shumshu = insert_place(catalog, Place("Shumshu", kind="island"))
        a = add(catalog, 1, "2015-08-10T10:00:00", "tank on the beach", rating=4)
        add(catalog, 2, "2015-08-11T10:00:00", "fog over Height 171", label="red")
        apply_edit(catalog, [a], {"place_id": shumshu})
        expected = _expected(catalog)
        with transaction(catalog.conn):  # the table as 0019 made it before 0020
            catalog.conn.execute("DROP TRIGGER marked_photos_marks")
            catalog.conn.execute("DROP TABLE marked_photos")
            catalog.conn.execute(
                "CREATE TABLE marked_photos (mark TEXT NOT NULL, sort TEXT NOT NULL, photo_id INTEGER NOT NULL,"
                " label TEXT NOT NULL, flag TEXT NOT NULL, folds INTEGER NOT NULL, text TEXT NOT NULL,"
                " PRIMARY KEY (mark, sort, photo_id)) WITHOUT ROWID"
            )
            catalog.conn.execute("CREATE INDEX marked_photos_photo ON marked_photos(photo_id)")
            m0020_marked_places.apply(catalog.conn)
        assert _rows(catalog) == expected
        assert ("rating:4", "2015-08-10T10:00:00", a) in {r[:3] for r in _rows(catalog) if r[7] == shumshu}
        with transaction(catalog.conn):  # its trigger made again: a place alone follows
            catalog.conn.execute("UPDATE photos SET place_id = NULL WHERE id = ?", (a,))
        assert _rows(catalog) == _expected(catalog)
        with transaction(catalog.conn):  # made by this version's 0019: left as it is
            m0020_marked_places.apply(catalog.conn)
        assert _rows(catalog) == _expected(catalog)


# No ß and no ligature: the listing finds words through the text index, which does not fold
# them as casefold does, while a page tests each photo's text ("strasse" finds "Straße" in a
# page, not in the listing), as it did before the marked photos.
WORDS = ["tank", "fog", "Кокутан", "туман", "竹田浜", "beach", "Height 171", "ТАНК"]
FILTERS = [
    "tank rating>=4",
    "танк rating>=3",
    "туман rating>=2 -flag:reject",
    "竹田浜 rating>=1 label:none",
    '"height 171" rating>=4',
    "rating>=4 -tank",
    "fog rating:5 -flag:pick",
    "rating>=1",
    "кокутан rating>=3 has:caption",
    "tank label:red",
    "туман label:blue -flag:reject",
    "fog flag:pick",
    "label:red",
    '"height 171" flag:pick place:Shumshu',
    "place:Shumshu rating>=3",
    "place:Shumshu label:red -flag:pick",
]


PAGE = 2_000  # beside 80 photos: every mark is rare, read through its index


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_pages_walking_the_marked_photos_list_what_the_photos_hold(tmp_path: Path, seed: int) -> None:
    """Random photos, marks and texts, then random edits (the culling keys, captions, dates,
    undo): every filter driven by a mark, paged at several sizes through the marked photos,
    lists what the plain listing, which reads the photos' own rows, lists."""
    rng = random.Random(seed)
    with Catalog(tmp_path / "a") as catalog:

        def caption() -> str:
            return " ".join(rng.sample(WORDS, rng.randint(0, 3)))

        ids = [
            add(
                catalog,
                n,
                rng.choice([None, f"2015-08-{rng.randint(10, 20)}T{rng.randint(0, 23):02d}:00:00", "2015-08-18"]),
                caption(),
                rating=rng.choice([None, None, 1, 2, 3, 4, 5]),
                label=rng.choice(["", "", "red", "blue"]),
                flag=rng.choice(["", "pick", "reject"]),
            )
            for n in range(80)
        ]
        edits = []
        for _ in range(25):
            chosen = rng.sample(ids, rng.randint(1, 6))
            values = rng.choice(
                [
                    {"rating": rng.choice([0, 1, 2, 3, 4, 5])},
                    {"label": rng.choice(["red", "blue", "none"]), "flag": rng.choice(["pick", "reject", "none"])},
                    {"caption": caption()},
                ]
            )
            edit = apply_edit(catalog, chosen, values)
            edits += [edit.id] if edit.changes else []  # (nothing to change: no edit)
            if edits and rng.random() < 0.2:
                revert_edit(catalog, rng.choice(edits))
        with transaction(catalog.conn):
            for photo in rng.sample(ids, 5):  # new dates: rows move
                change = FieldChange(photo, "captured_at", None, f"2015-08-{rng.randint(10, 20)}T12:00:00")
                record_edit(catalog, "2026-01-02T00:00:00+00:00", "test", "redate", [change], None)
        assert _rows(catalog) == _expected(catalog)
        walked = 0
        for text in FILTERS:
            query = compile_filter(catalog.conn, text, page=PAGE, order="captured")
            plain = filter_photo_ids(catalog.conn, text)
            if any(isinstance(term, Alternatives) for term in query.terms):
                walked += 1
                for size in (1, 3, 50):
                    assert _paged(catalog.conn, query, size) == plain, (seed, text, size)
        assert walked == len(FILTERS)  # each read through the marked photos (the page is long)
