"""Filters over the catalog (catalog.filters): every token and its negation against a small archive
whose values are known, places inside places and in other languages, keywords whatever their case,
and the two ways of writing the terms (for common and for rare matches) giving the same photos."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog, filters, search
from photoarchive.catalog.filters import compile_filter, compile_terms, count_filter, filter_photo_ids
from photoarchive.catalog.places import get_place, insert_place, set_parent, update_place
from photoarchive.catalog.search import Alternatives, Listed, photo_filters, photo_page
from photoarchive.edits import apply_edit
from photoarchive.filters import parse
from photoarchive.model.place import Place, PlaceName

# name -> values; every photo is captured at 10:00 on its date (None: no capture date).
PHOTOS: dict[str, dict[str, object]] = {
    "tank": dict(rating=5, label="red", flag="pick", keywords=["Tank"], hierarchical_keywords=["Weapons|Tanks|T-34"],
                 place="Height 171", make="NIKON CORPORATION", model="NIKON D750", date="2015-08-10",
                 caption="a tank on the hill", credit="Ivanov", gps=True),
    "bay": dict(rating=4, flag="reject", keywords=["танк"], place="Shumshu", make="Canon", model="Canon EOS 5D",
                date="2015-08-20", caption="fog over Shumshu bay"),
    "blank": dict(label="green"),
    "landing": dict(rating=0, label="red", flag="pick", keywords=["tanks"], place="Kurils", date="1945-08-18",
                    caption="landing", title="Landing"),
    "harbour": dict(rating=2, label="purple", keywords=["Fog"], place="Paramushir", date="1945-09-02",
                    credit="Archive"),
    "late": dict(rating=3, make="NIKON", model="NIKON D7500", date="2015-08-21", caption="evening"),
    "russia": dict(rating=1, label="blue", place="Russia", date="2016-01-01", title="Moscow"),
}  # fmt: skip
ALL = set(PHOTOS)


@pytest.fixture
def archive(tmp_path: Path):
    with Catalog(tmp_path / "archive") as catalog:
        russia = insert_place(catalog, Place("Russia", kind="country", alt_names=[PlaceName("Россия", "ru")]))
        kurils = insert_place(catalog, Place("Kurils", kind="region", parent_id=russia))
        shumshu = insert_place(
            catalog,
            Place(
                "Shumshu",
                kind="island",
                parent_id=kurils,
                alt_names=[PlaceName("Шумшу", "ru"), PlaceName("占守島", "ja")],
            ),
        )
        places = {
            "Russia": russia,
            "Kurils": kurils,
            "Shumshu": shumshu,
            "Height 171": insert_place(catalog, Place("Height 171", kind="feature", parent_id=shumshu)),
            "Paramushir": insert_place(catalog, Place("Paramushir", kind="island", parent_id=kurils)),
        }
        ids = {}
        for n, (name, v) in enumerate(PHOTOS.items(), start=1):
            ids[name] = catalog.add_photo(
                {
                    "sha256": f"{n:064x}",
                    "original_path": f"2015/{name}.jpg",
                    "original_name": f"{name}.jpg",
                    "source_path": f"/src/{name}.jpg",
                    "size": 1,
                    "format": "JPEG",
                    "imported_at": "2026-01-01T00:00:00+00:00",
                    "captured_at": f"{v['date']}T10:00:00" if "date" in v else None,
                    "camera_make": v.get("make"),
                    "camera_model": v.get("model"),
                    "latitude": 43.0 if v.get("gps") else None,
                    "longitude": 156.0 if v.get("gps") else None,
                    "place_id": places[str(v["place"])] if "place" in v else None,
                    "rating": v.get("rating"),
                    "label": v.get("label", ""),
                    "flag": v.get("flag", ""),
                    **{f: v.get(f, "") for f in ("caption", "credit", "title")},
                    **{f: v.get(f, []) for f in ("keywords", "hierarchical_keywords")},
                }
            )
        yield catalog, ids


def matching(archive, text: str) -> set[str]:
    catalog, ids = archive
    names = {i: name for name, i in ids.items()}
    return {names[i] for i in filter_photo_ids(catalog.conn, text)}


TOKENS = {
    "rating>=4": {"tank", "bay"},
    "rating=0": {"blank", "landing"},  # no rating counts as 0
    "rating:5": {"tank"},
    "rating<=1": {"blank", "landing", "russia"},
    "rating>2": {"tank", "bay", "late"},
    "rating<3": {"blank", "landing", "harbour", "russia"},
    "label:red": {"tank", "landing"},
    "label:PURPLE": {"harbour"},
    "label:none": {"bay", "late"},
    "flag:pick": {"tank", "landing"},
    "flag:reject": {"bay"},
    "flag:none": {"blank", "harbour", "late", "russia"},
    "keyword:tank": {"tank"},  # exact: not "tanks"
    "keyword:TANKS": {"landing", "tank"},  # a level of tank's hierarchical keyword
    "keyword:t-34": {"tank"},
    "keyword:ТАНК": {"bay"},  # case folded beyond ASCII
    'keyword:"Weapons|Tanks"': {"tank"},
    "keyword:fog": {"harbour"},
    "place:Shumshu": {"tank", "bay"},  # Height 171 is on Shumshu
    "place:Шумшу": {"tank", "bay"},
    "place:占守島": {"tank", "bay"},
    "place:kurils": {"tank", "bay", "landing", "harbour"},
    "place:россия": {"tank", "bay", "landing", "harbour", "russia"},
    'place:"Height 171"': {"tank"},
    "place:Atlantis": set(),
    "camera:D750": {"tank", "late"},  # in the model: D7500 holds it
    "camera:canon": {"bay"},
    "camera:nikon": {"tank", "late"},
    "date:2015-08-10": {"tank"},
    "date:2015-08": {"tank", "bay", "late"},
    "date:2015": {"tank", "bay", "late"},
    "date:2015-08-10..2015-08-20": {"tank", "bay"},
    "date:..1945-09-02": {"landing", "harbour"},
    "date:..1945-09-01": {"landing"},
    "date:2015-08-21..": {"late", "russia"},
    "date:1945..2015": {"landing", "harbour", "tank", "bay", "late"},
    "has:caption": {"tank", "bay", "landing", "late"},
    "has:credit": {"tank", "harbour"},
    "has:title": {"landing", "russia"},
    "has:keywords": {"tank", "bay", "landing", "harbour"},
    "has:hierarchical_keywords": {"tank"},
    "has:gps": {"tank"},
    "has:place": {"tank", "bay", "landing", "harbour", "russia"},
    "fog": {"bay", "harbour"},  # caption or keyword
    "shumshu": {"tank", "bay"},  # the text holds the names of the places containing it
    '"tank on"': {"tank"},
    '"on tank"': set(),
}


@pytest.mark.parametrize(("token", "expected"), list(TOKENS.items()))
def test_each_token_and_its_negation(archive, token: str, expected: set[str]) -> None:
    assert matching(archive, token) == expected
    assert matching(archive, "-" + token) == ALL - expected


def test_tokens_and_together(archive) -> None:
    assert matching(archive, "rating>=4 place:Shumshu") == {"tank", "bay"}
    assert matching(archive, "rating>=4 place:Shumshu -flag:reject has:credit") == {"tank"}
    assert matching(archive, "label:red -date:2015") == {"landing"}
    text = (
        "rating>=4 label:red flag:pick keyword:tank place:Shumshu camera:D750"
        " date:2015-08-10..2015-08-20 has:caption -has:credit"
    )
    assert matching(archive, text) == set()
    assert matching(archive, text.replace("-has:credit", "has:credit")) == {"tank"}
    assert matching(archive, "tank hill place:Шумшу") == {"tank"}


def test_results_are_sorted_and_counted(archive) -> None:
    catalog, ids = archive
    by_date = filter_photo_ids(catalog.conn, "has:place")
    assert by_date == [ids[n] for n in ("landing", "harbour", "tank", "bay", "russia")]
    by_name = filter_photo_ids(catalog.conn, "has:place", order="name")
    assert by_name == [ids[n] for n in ("bay", "harbour", "landing", "russia", "tank")]
    assert count_filter(catalog.conn, "has:place") == 5
    assert count_filter(catalog.conn, "has:place", search="fog") == 2
    assert filter_photo_ids(catalog.conn, "has:place", search="fog") == [ids["harbour"], ids["bay"]]


def test_a_place_renamed_or_a_keyword_edited_changes_the_matches(archive) -> None:
    catalog, ids = archive
    shumshu = catalog.conn.execute("SELECT id FROM places WHERE name = 'Shumshu'").fetchone()[0]
    update_place(catalog, replace(get_place(catalog, shumshu), name="Shumshu-to"))  # reindexes its photos' text
    assert matching(archive, "place:Shumshu") == set()
    assert matching(archive, "place:shumshu-to") == {"tank", "bay"}
    apply_edit(catalog, [ids["late"]], {"keywords": ["TANK"]})
    assert matching(archive, "keyword:tank") == {"tank", "late"}


@pytest.mark.parametrize("token", list(TOKENS))
def test_terms_for_common_and_rare_matches_agree(archive, token: str) -> None:
    """The terms written for a listing, for walking the sort index (common: unary +) and for
    reading through their own index with the words tested photo by photo (rare) select the same."""
    catalog, _ids = archive
    for text in (token, "-" + token, f"{token} rating>=4", f"{token} fog", f'{token} "tank on" -shumshu'):
        terms = parse(text)
        found = []
        for page, order in ((None, None), (1, None), (50, None), (1, "captured"), (50, "captured")):
            query = compile_terms(catalog.conn, terms, page=page, order=order)  # 50: rare (the sample is short)
            where, params = photo_filters(query.search, None, query.where)
            sql = f"SELECT id FROM photos p WHERE {' AND '.join(where)} ORDER BY id"
            found.append([row[0] for row in catalog.conn.execute(sql, params)])
        assert found[0] == found[1] == found[2] == found[3] == found[4], text


@pytest.mark.parametrize(
    "text",
    ['"Cape Kokutan" label:red', "туман label:red", "ТУМАН label:red -flag:reject", "竹田浜 flag:pick",
     "竹田浜 label:red fog", "Kokutan label:red rating>=1", "tank label:green", "-fog flag:pick tank"],
)  # fmt: skip
def test_words_beside_a_label_read_along_its_index_give_the_plain_pages(archive, text: str) -> None:
    """Words beside a label or a flag, in capture order: tested photo by photo along the label's
    rows of the marked photos or the flag's index (the walk's first photos hold them often
    enough), a page at a time, they give the photos and the order of the plain listing, in
    Russian and Japanese too."""
    catalog, ids = archive
    apply_edit(catalog, [ids["tank"]], {"caption": "Cape Kokutan: 竹田浜, туман"})
    apply_edit(catalog, [ids["landing"]], {"caption": "CAPE KOKUTAN fog, ТУМАН", "rating": 2})
    apply_edit(catalog, [ids["blank"]], {"caption": "Туман над 竹田浜"})
    plain = filter_photo_ids(catalog.conn, text)
    query = compile_filter(catalog.conn, text, page=1, order="captured")
    # walked along it: the marked photos' rows of the label or the picks, or the flag's index
    walked = [t for t in query.terms if isinstance(t, Alternatives) or t in ("p.label = ?", "p.flag = ?")]
    assert query.search == "" and walked, query
    for size in (1, 2, 50):
        assert _paged(catalog.conn, query, size) == plain, (text, size)
    names = {i: name for name, i in ids.items()}
    assert [names[i] for i in filter_photo_ids(catalog.conn, '"cape kokutan" label:red')] == ["landing", "tank"]


def test_words_beside_a_label_are_searched_where_its_first_photos_rarely_hold_them(archive, monkeypatch) -> None:
    """When fewer than one in DRIVEN_SHARE of the photos the label's index gives first hold the
    words, the text index finds them (and in any order but capture order too)."""
    catalog, ids = archive
    monkeypatch.setattr(filters, "DRIVEN_SAMPLE", 2)
    apply_edit(catalog, [ids["tank"], ids["landing"]], {"label": "red"})
    assert compile_filter(catalog.conn, "tank label:red", page=1, order="captured").search == ""  # 1 of 2
    assert compile_filter(catalog.conn, "moscow label:red", page=1, order="captured").search == "moscow"  # 0 of 2
    assert compile_filter(catalog.conn, "tank label:red", page=1, order="name").search == "tank"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("place:Шумшу rating>=4", {"tank", "bay"}), ("place:占守島 rating:5", {"tank"}),
     ("-place:kurils rating>=1", {"late", "russia"}), ("place:Paramushir label:purple", {"harbour"}),
     ("place:nowhere rating>=1", set()), ("place:Shumshu date:2015-08-20", {"bay"})],
)  # fmt: skip
def test_a_place_beside_a_rare_term_is_looked_up_in_its_index(archive, text: str, expected: set[str]) -> None:
    """Rare, a place beside a rating, label or date is tested in the place's index by photo id
    (the other term's index reads the photos) and selects what the place's own SQL does."""
    catalog, ids = archive
    names = {i: name for name, i in ids.items()}
    query = compile_filter(catalog.conn, text, page=50)
    assert any("INDEXED BY photos_place" in t for t in query.terms) == ("nowhere" not in text), query
    page = photo_page(catalog.conn, search=query.search, limit=50, where=query.where)
    assert page.ids == filter_photo_ids(catalog.conn, text) and {names[i] for i in page.ids} == expected
    assert not any("INDEXED BY" in t for t in compile_filter(catalog.conn, "place:Шумшу -flag:reject", page=50).terms)


def test_no_character_folds_into_one_of_another_category() -> None:
    """A Japanese word, a digit or a space is held by a text's fold only where it is in the text."""
    import unicodedata

    from photoarchive.catalog.filters import FOLD_OUTPUT_CATEGORIES

    found = set()
    for c in map(chr, range(0x110000)):
        if not 0xD800 <= ord(c) < 0xE000 and c.casefold() != c:
            found.update(unicodedata.category(x) for x in c.casefold())
    assert found == FOLD_OUTPUT_CATEGORIES


@pytest.mark.parametrize(
    ("text", "expected"),
    [("keyword:戦車", {"tank", "bay"}), ("keyword:戦車 label:red rating>=1", {"tank"}),
     ("-keyword:戦車 rating>=1", {"harbour", "late", "russia"}), ("keyword:竹田浜", {"landing"}),
     ("竹田浜 flag:pick rating>=5", set()), ('"浜 2" label:red', {"landing"}), ("占守島 rating>=4", {"tank", "bay"}),
     ("keyword:T-34 -竹田浜", {"tank"}), ("keyword:戦 rating>=0", set())],
)  # fmt: skip
def test_japanese_words_and_keywords_are_found_as_the_fold_finds_them(archive, text: str, expected: set[str]) -> None:
    """Japanese words and keywords are tested by SQLite alone (instr) beside other terms, in
    every way a page is read, with what a fold finds."""
    catalog, ids = archive
    names = {i: name for name, i in ids.items()}
    apply_edit(catalog, [ids["tank"]], {"keywords": ["戦車", "Tank"]})
    apply_edit(catalog, [ids["bay"]], {"hierarchical_keywords": ["兵器|戦車"]})
    apply_edit(catalog, [ids["landing"]], {"keywords": ["竹田浜"], "caption": "竹田浜 2"})
    for page, order in ((None, None), (1, "captured"), (50, "captured"), (1, "name")):
        query = compile_filter(catalog.conn, text, page=page, order=order)
        assert not any(filters.CONTAINS in t for t in query.terms)
        where, params = photo_filters(query.search, None, query.where)
        found = {
            names[r[0]] for r in catalog.conn.execute(f"SELECT id FROM photos p WHERE {' AND '.join(where)}", params)
        }
        assert found == expected, (text, page, order)


@pytest.mark.parametrize(
    "text", ["keyword:nothing", "camera:leica", "keyword:tank camera:canon", "keyword:tank has:credit"]
)
def test_a_rare_filter_no_index_reads_is_narrowed_by_the_text_index(archive, text: str) -> None:
    """Rare terms without an index of their own lend their words to the text search (else every
    photo of the catalog is tested), and select what the plain listing does."""
    catalog, _ids = archive
    query = compile_filter(catalog.conn, text, page=50)
    assert query.search == " ".join(t.split(":")[1] for t in text.split() if "has:" not in t), query
    where, params = photo_filters(query.search, None, query.where)
    found = [
        r[0] for r in catalog.conn.execute(f"SELECT id FROM photos p WHERE {' AND '.join(where)} ORDER BY id", params)
    ]
    assert found == sorted(filter_photo_ids(catalog.conn, text))


def test_a_very_common_camera_or_keyword_is_tested_along_the_walk_not_searched(archive, monkeypatch) -> None:
    """A term holding one photo in VERY_DENSE of those sampled is tested along the sort index
    (its words not searched); a rarer one lends its words to the text search. Both select the
    same photos as the plain listing."""
    catalog, _ids = archive
    for text, order in (
        ("camera:nikon", "captured"),
        ("keyword:tank", "name"),
        ("camera:nikon -flag:reject", "captured"),
    ):
        monkeypatch.setattr(filters, "VERY_DENSE", 1000)
        common = compile_filter(catalog.conn, text, page=1, order=order)
        monkeypatch.setattr(filters, "VERY_DENSE", 0)  # never
        rarer = compile_filter(catalog.conn, text, page=1, order=order)
        assert common.search == "" and rarer.search != "", text
        for query in (common, rarer):
            assert photo_page(catalog.conn, search=query.search, limit=None, where=query.where).ids == (
                filter_photo_ids(catalog.conn, text)
            ), text


def test_a_keyword_in_capture_order_walks_its_rows_of_the_keyword_index(archive, monkeypatch) -> None:
    """In capture order with no words searched, a keyword (common or rare, beside other terms)
    is read from its rows of the keyword index in the page's order: every page, and the pages
    read one after another, are those of the plain listing."""
    catalog, ids = archive
    apply_edit(catalog, [ids["harbour"], ids["late"]], {"keywords": ["Tank"]})
    for dense in (1000, 0):
        monkeypatch.setattr(filters, "VERY_DENSE", dense)
        for text in ("keyword:tank", "keyword:tank -flag:reject", "keyword:weapons|tanks", "keyword:nothing",
                     "keyword:tank keyword:fog"):  # fmt: skip
            query = compile_filter(catalog.conn, text, page=1, order="captured")
            assert query.search == "" and any(isinstance(t, Listed) for t in query.terms), text
            expected = filter_photo_ids(catalog.conn, text)
            assert _paged(catalog.conn, query, 1) == _paged(catalog.conn, query, 2) == expected, text
            sql, _params = search._page_query(catalog.conn, "", "captured", None, None, 1, "p.id", query.where)
            assert "FROM keyword_index kw CROSS JOIN photos p" in sql
            # The rest of the list after a first page (list's), from the same rows.
            first = photo_page(catalog.conn, limit=1, where=query.where)
            rest = (
                []
                if first.after is None
                else photo_page(catalog.conn, after=first.after, limit=None, where=query.where).ids
            )
            assert first.ids + rest == expected, text
            sql, _params = search._page_query(catalog.conn, "", "captured", None, (0, 0), None, "p.id", query.where)
            assert "FROM keyword_index kw CROSS JOIN photos p" in sql
            assert [p.id for page in catalog.photo_pages(where=query.where, first_page=1) for p in page] == expected
    assert len(filter_photo_ids(catalog.conn, "keyword:tank")) >= 3
    tank = compile_filter(catalog.conn, "tank keyword:fog", page=1, order="captured")  # words: the search drives
    assert tank.search and not any(isinstance(t, Listed) for t in tank.terms)


def test_a_common_filter_walks_the_sort_index_and_a_rare_one_its_own(archive) -> None:
    catalog, _ids = archive
    assert any("+p.rating" in t for t in compile_filter(catalog.conn, "rating>=4", page=1).terms)
    assert not any("+p." in t for t in compile_filter(catalog.conn, "rating>=4", page=50).terms)
    assert compile_filter(catalog.conn, "tank rating>=4", page=1).search == "tank"
    rare = compile_filter(catalog.conn, "tank rating>=4", page=50)
    assert rare.search == "" and "tank" in rare.params


@pytest.mark.parametrize(
    ("text", "rows_read"),
    [
        ("tank rating>=4", False),
        ("rating>=1", False),
        ("-rating=0 -flag:reject", False),
        ("fog rating>=2", False),
        ('"in the" rating>=2 label:none -flag:pick place:Shumshu', False),
        ("rating:5", False),
        ("rating>=2 -tank", True),
        ("rating>=1 has:caption", True),
    ],
)
def test_a_rare_rating_is_read_a_value_at_a_time_in_capture_order(archive, text: str, rows_read: bool) -> None:
    """Rare, a rating alone among the indexed terms is one walk of the marked photos a value, in
    capture order, merged (search.Alternatives): no sort of every rated photo before the page
    (a temporary b-tree in an arm), pages of any size and their next pages as the listing. The
    words, labels, flags and places are tested in the marked photos' rows (search.Marked): no
    photo's row is read but the page's, unless another term needs it."""
    catalog, ids = archive
    apply_edit(catalog, [ids["late"]], {"caption": "tank in the fog"})
    query = compile_filter(catalog.conn, text, page=50, order="captured")
    assert any(isinstance(term, Alternatives) for term in query.terms), query
    ratings = next(term for term in query.terms if isinstance(term, Alternatives)).marks
    plain = filter_photo_ids(catalog.conn, text)
    first = photo_page(catalog.conn, search=query.search, limit=1, where=query.where)
    for after in (None, first.after):
        sql, params = search._query(catalog.conn, query.search, "captured", None, after, 2, "p.id", query.where)
        plan = [(row[0], row[1], row[3]) for row in catalog.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
        assert any(detail == "MERGE (UNION ALL)" for *_, detail in plan) or len(ratings) == 1, plan
        # each arm (a value) reads the marked photos' rows of its rating, in their order
        walks = [d for *_, d in plan if d.startswith("SEARCH r USING PRIMARY KEY (mark=?")]
        assert len(walks) == len(ratings), plan
        read = [(parent, d) for _node, parent, d in plan if d.split()[:2] in (["SEARCH", "p"], ["SCAN", "p"])]
        # then the page's rows by id; a photo's row in an arm only for a term the marked rows lack
        assert read[-1] == (0, "SEARCH p USING INTEGER PRIMARY KEY (rowid=?)"), plan
        assert len(read) == (1 + len(ratings) if rows_read else 1), plan
        # the only sort is of the page's rows, after the merge
        assert [parent for _node, parent, detail in plan if "TEMP B-TREE" in detail] == [0], plan
    for size in (1, 2, 50):
        assert _paged(catalog.conn, query, size) == plain, (text, size)
    listed = [photo.id for chunk in catalog.photo_pages(where=query.where, first_page=1) for photo in chunk]
    assert listed == plain


def test_a_rating_beside_another_indexed_term_is_left_to_the_planner(archive) -> None:
    """Beside a label (or a flag, a date) the planner weighs the two indexes: one walk a rating
    value would read a common label's index once a value (a next page of rating>=4 label:red
    over a million photos: 68 ms, 150 ms merged)."""
    catalog, _ids = archive
    for text in ("rating>=4 label:red", "rating>=4 flag:pick", "rating>=4 date:2015"):
        query = compile_filter(catalog.conn, text, page=50, order="captured")
        assert not any(isinstance(term, Alternatives) for term in query.terms), text
    # Alone, ratings walk their marks' rows, however common (nothing is sampled to judge it).
    common = compile_filter(catalog.conn, "rating>=4", page=1, order="captured")
    assert any(isinstance(term, Alternatives) for term in common.terms)
    assert _paged(catalog.conn, common, 1) == filter_photo_ids(catalog.conn, "rating>=4")


def test_one_marks_walk_in_capture_order_is_compiled_without_the_density_sample(archive) -> None:
    """A label, the picks or ratings alone, with no words, walk their marks' rows in capture
    order whatever their share: nothing of the catalog is read to compile them. Words beside
    them are still sampled."""
    catalog, _ids = archive
    read: list[str] = []
    catalog.conn.set_trace_callback(read.append)
    try:
        for text in (
            "label:red",
            "flag:pick",
            "rating=5",
            "label:red -has:credit",
            "rating>=1 -flag:reject",
            "place:Shumshu rating>=3",  # no place words narrowing, but the rows' place tested
            "camera:NIKON rating>=1",
            "keyword:tank rating>=1",
        ):
            read.clear()
            query = compile_filter(catalog.conn, text, page=50, order="captured")
            assert [term.marks for term in query.terms if isinstance(term, Alternatives)], text
            assert query.search == "", text
            assert not [sql for sql in read if "FROM photos" in sql or "search_keys" in sql], (text, read)
            for size in (1, 2, 50):
                assert _paged(catalog.conn, query, size) == filter_photo_ids(catalog.conn, text), (text, size)
        # A keyword with nothing an index reads beside it walks its rows of the keyword index.
        for text in ("keyword:tank", "keyword:tank -flag:reject has:caption", "keyword:fog camera:NIKON"):
            read.clear()
            query = compile_filter(catalog.conn, text, page=50, order="captured")
            assert [term for term in query.terms if isinstance(term, Listed)] and query.search == "", text
            assert not [sql for sql in read if "LIMIT 1 OFFSET" in sql or "count(*)" in sql], (text, read)
            for size in (1, 2, 50):
                assert _paged(catalog.conn, query, size) == filter_photo_ids(catalog.conn, text), (text, size)
        for text in ("tank rating>=4", "tank label:red"):
            read.clear()
            compile_filter(catalog.conn, text, page=50, order="captured")
            assert [sql for sql in read if "FROM photos" in sql or "marked_photos" in sql], text
        # Words beside a label whose walk's sample holds them: the walk, with no density sample.
        read.clear()
        query = compile_filter(catalog.conn, "tank label:red", page=50, order="captured")
        assert [term.marks for term in query.terms if isinstance(term, Alternatives)] == [("'label:red'",)]
        assert not [sql for sql in read if "ORDER BY photo_id LIMIT 1 OFFSET" in sql], read
        assert _paged(catalog.conn, query, 1) == filter_photo_ids(catalog.conn, "tank label:red")
    finally:
        catalog.conn.set_trace_callback(None)


def _traced_compile(conn: sqlite3.Connection, text: str) -> tuple[filters.FilterQuery, list[str]]:
    """The filter compiled for a first page of 50 in capture order, and the statements it ran."""
    read: list[str] = []
    conn.set_trace_callback(read.append)
    try:
        return compile_filter(conn, text, page=50, order="captured"), read
    finally:
        conn.set_trace_callback(None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("tank rating>=4", {"tank"}), ("fog rating>=1", {"bay", "harbour"}), ("шумшу -rating:0", {"tank", "bay"}),
     ("fog place:Kurils rating>=2 -flag:reject", {"harbour"}), ('"over shumshu" rating>=4', {"bay"}),
     ("占守島 -fog rating>=1", {"tank"})],
)  # fmt: skip
def test_words_beside_ratings_are_tested_along_their_merged_walks(archive, text: str, expected: set[str]) -> None:
    """Words beside ratings (no other term with an index) whose merged walk's first photos hold
    them: one sample of that walk decides, as for a label, and the density sample is not run;
    the page walks the ratings' rows testing the words there, in Russian and Japanese too."""
    catalog, ids = archive
    names = {i: name for name, i in ids.items()}
    query, read = _traced_compile(catalog.conn, text)
    (marks,) = [t.marks for t in query.terms if isinstance(t, Alternatives)]
    assert query.search == "", query
    sampled = [sql for sql in read if "AS h" in sql]  # one arm a rating value, merged
    assert len(sampled) == 1 and sampled[0].count("FROM marked_photos r") == len(marks) > 1, read
    assert not [sql for sql in read if "LIMIT 1 OFFSET" in sql], read  # no density sample
    plain = filter_photo_ids(catalog.conn, text)
    assert {names[i] for i in plain} == expected
    for size in (1, 2, 50):
        assert _paged(catalog.conn, query, size) == plain, (text, size)


def test_words_rare_in_the_ratings_walk_are_left_to_the_density_sample(archive, monkeypatch) -> None:
    """When fewer than one in DRIVEN_SHARE of the first photos the ratings' walk reads hold the
    words, the density sample decides as before: common ratings leave the words to the text
    index (found in a few of its matches, not by testing every rated photo)."""
    catalog, ids = archive
    monkeypatch.setattr(filters, "DRIVEN_SAMPLE", 2)
    read: list[str] = []
    catalog.conn.set_trace_callback(read.append)
    try:
        held = compile_filter(catalog.conn, "hill rating>=1", page=1, order="captured")  # 1 of the first 2
        assert not [sql for sql in read if "LIMIT 1 OFFSET" in sql] and held.search == "", read
        read.clear()
        rare = compile_filter(catalog.conn, "evening rating>=1", page=1, order="captured")  # 0 of 2: late is third
    finally:
        catalog.conn.set_trace_callback(None)
    assert [sql for sql in read if "LIMIT 1 OFFSET" in sql], read  # the density sample ran
    assert rare.search == "evening"  # rated photos are common here: the text index finds it
    assert _paged(catalog.conn, rare, 1) == filter_photo_ids(catalog.conn, "evening rating>=1") == [ids["late"]]


@pytest.mark.parametrize(
    ("text", "sampled"),
    [("fog -flag:reject", False), ("tank has:caption -has:credit", False), ("fog camera:canon", False),
     ("tank keyword:tank", False), ("fog -place:Paramushir -rating>=4", False), ('"tank on" -label:green', False),
     ("fog has:place", True), ("fog date:2015", True), ("fog place:Shumshu", True), ("tank rating:0", True)],
)  # fmt: skip
def test_words_beside_terms_no_index_reads_are_not_sampled(archive, text: str, sampled: bool) -> None:
    """Beside words, terms no index could read (negated, a camera, a keyword, has:caption) leave
    the page to the text index whatever their share: the density sample is not run. Terms an
    index could read still are sampled. Every order and page gives the plain listing."""
    catalog, _ids = archive
    query, read = _traced_compile(catalog.conn, text)
    assert bool([sql for sql in read if "LIMIT 1 OFFSET" in sql]) == sampled, read
    assert sampled or query.search, query
    plain = filter_photo_ids(catalog.conn, text)
    for size in (1, 2, 50):
        assert _paged(catalog.conn, query, size) == plain, (text, size)
    by_name = compile_filter(catalog.conn, text, page=50, order="name")
    page = photo_page(catalog.conn, search=by_name.search, order="name", limit=50, where=by_name.where)
    assert page.ids == filter_photo_ids(catalog.conn, text, order="name")


def test_the_walks_sample_asks_python_only_of_texts_that_fold_to_ascii(tmp_path, monkeypatch) -> None:
    """The sample of words beside a label tests each text as the page does: SQLite's LIKE, and
    Python only for a text holding a character that folds to ASCII (the photo with the Kelvin
    sign here). Written as a value, SQLite evaluated both sides of the test's AND, and called
    Python on every row it read."""
    calls: list[str] = []
    contains = filters._contains

    def counted(text, typed, folded):
        calls.append(text)
        return contains(text, typed, folded)

    monkeypatch.setattr(filters, "_contains", counted)
    with Catalog(tmp_path / "archive") as catalog:
        for n, caption in enumerate(["Cape Kokutan at dusk", "a tank", "fog", "\u212aokutan", "beach"] * 4):
            catalog.add_photo(
                {
                    "sha256": f"{n:064x}",
                    "original_path": f"{n}.jpg",
                    "original_name": f"{n}.jpg",
                    "source_path": f"/src/{n}.jpg",
                    "size": 1,
                    "format": "JPEG",
                    "imported_at": "2026-01-01T00:00:00+00:00",
                    "captured_at": f"2015-08-{n + 1:02d}T10:00:00",
                    "caption": caption,
                    "label": "red",
                }
            )
        conn = catalog.conn
        statements: list[str] = []
        conn.set_trace_callback(statements.append)
        query = compile_filter(conn, "kokutan label:red", page=50, order="captured")
        conn.set_trace_callback(None)
        sampled = [s for s in statements if "AS h" in s]
        assert len(sampled) == 1, statements
        assert len(calls) == 4, calls  # the four texts with the Kelvin sign, not all twenty
        assert all("\u212a" in text for text in calls)
        assert _paged(conn, query, 50) == filter_photo_ids(conn, "kokutan label:red")
        assert len(filter_photo_ids(conn, "kokutan label:red")) == 8


class CountingConnection(sqlite3.Connection):
    registered = 0

    def create_function(self, *args, **kwargs) -> None:  # type: ignore[override]
        CountingConnection.registered += 1
        super().create_function(*args, **kwargs)


def test_the_filters_functions_are_registered_once_a_connection(archive) -> None:
    """Registering a function expires every statement the connection prepared: a compile
    registers the filters' functions only on a connection that lacks them."""
    catalog, _ids = archive
    conn = sqlite3.connect(catalog.paths.catalog, factory=CountingConnection)
    try:
        CountingConnection.registered = 0
        for _ in range(3):
            query = compile_filter(conn, '"Cape Kokutan" label:red', page=50, order="captured")
            photo_page(conn, search=query.search, limit=50, where=query.where)
        assert CountingConnection.registered == 2  # photoarchive_fold and photoarchive_contains
    finally:
        conn.close()


# The keyword test as plain SQL (json_each and a fold per keyword), which the one-call-a-photo
# function replaced: both must select the same keyword lists.
STRAIGHT_KEYWORD = (
    "(EXISTS (SELECT 1 FROM json_each(k) WHERE photoarchive_fold(value) = ?1)"
    " OR EXISTS (SELECT 1 FROM json_each(h) WHERE instr('|' || photoarchive_fold(value) || '|', '|' || ?1 || '|') > 0))"
)


@pytest.mark.parametrize(
    ("keywords", "hierarchical"),
    [
        ('["Tank"]', "[]"),
        ('["TANK", "fog"]', '["Weapons|Tanks"]'),
        ('["\\u0422\\u0430\\u043d\\u043a"]', "[]"),  # Танк written as JSON escapes: no fold of the text finds it
        ('["tank\\"s"]', "[]"),
        ('["Straße"]', '["Places|STRASSE|Berlin"]'),  # casefold: ß is ss
        ('["\u212aorea"]', "[]"),  # the Kelvin sign folds to k
        ("[]", '["Weapons|Tank|T-34"]'),
        ("[]", '["Weapons|Tanks|T-34"]'),
        ('{"a": "tank"}', "[]"),
        ('"tank"', "[]"),
        (None, None),
    ],
)
def test_the_keyword_index_holds_what_the_plain_sql_finds(keywords, hierarchical) -> None:
    """A photo's rows of the keyword index (keyword_index.words_of) are the words the plain SQL
    of keyword: finds it by, for every way a keyword is written."""
    import sqlite3

    from photoarchive.catalog import filters
    from photoarchive.catalog.keyword_index import words_of

    conn = sqlite3.connect(":memory:")
    conn.create_function(filters.FOLD, 1, filters._fold, deterministic=True)
    conn.execute("CREATE TABLE p (keywords TEXT, hierarchical_keywords TEXT)")
    conn.execute("INSERT INTO p VALUES (?, ?)", (keywords, hierarchical))
    words = ("tank", "tanks", "танк", 'tank"s', "strasse", "straße", "korea", "weapons|tank", "t-34", "fog", "t_nk",
             "weapons|tanks|t-34", "tanks|t-34", "weapons|t-34", "a", "")  # fmt: skip
    held = words_of(keywords, hierarchical)
    for word in words:
        folded = word.casefold()
        plain = conn.execute(
            f"SELECT coalesce({STRAIGHT_KEYWORD.replace('(k)', '(keywords)').replace('(h)', '(hierarchical_keywords)')}, 0)"
            " FROM p",
            (folded,),
        ).fetchone()[0]
        assert (folded in held) == bool(plain), (keywords, hierarchical, word)
    assert all(
        conn.execute(
            f"SELECT {STRAIGHT_KEYWORD.replace('(k)', '(keywords)').replace('(h)', '(hierarchical_keywords)')} FROM p",
            (w,),
        ).fetchone()[0]
        for w in held
    )


def test_the_characters_folding_to_ascii_are_all_listed() -> None:
    """LIKE decides an ASCII fold alone except in a text holding one of these: every other
    character's fold is free of ASCII."""
    from photoarchive.catalog.filters import FOLDS_TO_ASCII

    found = [c for c in map(chr, range(128, 0x110000)) if any(ord(x) < 128 for x in c.casefold())]
    assert "".join(found) == FOLDS_TO_ASCII


def test_a_photos_text_is_read_from_the_index_as_the_sources_join_it(archive) -> None:
    """Phrases and words beside rare terms are tested in the text the index stores: it is the join
    of the text sources for every photo, after an edit and a place renamed too."""
    from photoarchive.catalog import filters
    from photoarchive.catalog.search import TEXT_SOURCES

    catalog, ids = archive
    apply_edit(catalog, [ids["late"]], {"caption": "Cape Kokutan at dusk", "keywords": ["Туман"]})
    apply_edit(catalog, [ids["harbour"]], {"caption": "Straße zum Strand"})
    joined = " || ' ' || ".join(f"coalesce({source}, '')" for source in TEXT_SOURCES)
    stored = "SELECT f.c0 FROM search_keys k JOIN photos_fts_content f ON f.id = k.key WHERE k.photo_id = p.id"
    rows = catalog.conn.execute(
        f"SELECT p.id, {joined}, ({stored}), (SELECT folds FROM search_keys WHERE photo_id = p.id) FROM photos p"
    ).fetchall()
    assert len(rows) == len(PHOTOS)
    assert all(text == computed for _id, computed, text, _folds in rows)
    # Each key says whether its text holds a character folding to ASCII (ß, here), as read.
    assert {(pid, folds) for pid, _computed, text, folds in rows} == {
        (pid, int(any(c in filters.FOLDS_TO_ASCII for c in text))) for pid, _computed, text, _folds in rows
    }
    assert any(folds for *_rest, folds in rows) and not all(folds for *_rest, folds in rows)
    assert matching(archive, '"kokutan at" -flag:reject') == {"late"}
    assert matching(archive, '"cape kokutan" rating>=3') == {"late"}


def test_the_sample_stops_at_the_matches_that_decide_it() -> None:
    """The sample counts matches only up to the fewest that make a filter dense: the judgement
    is the one a full page's count gives (``m >= page or m * m * n >= page * s * s``)."""
    from photoarchive.catalog.filters import _least_root

    for page in (1, 50, 100, 1000):
        for size in (1, 7, 999, 1000, 1_000_000, 33_554_433):
            sample = min(page * 20, 2000)
            needed = min(page, _least_root(page * sample * sample, size))
            for m in range(page + 2):
                assert (m >= needed) == (m >= page or m * m * size >= page * sample * sample), (page, size, m)
    assert _least_root(100 * 2000 * 2000, 1_000_000) == 20


def test_the_sample_is_bounded_in_rows(archive, monkeypatch) -> None:
    """However big the page, a filter is judged on at most MAX_SAMPLE photos, and the listing's
    three ways of writing it still select the same photos."""
    from photoarchive.catalog import filters

    catalog, _ids = archive
    monkeypatch.setattr(filters, "MAX_SAMPLE", 3)
    statements: list[str] = []
    catalog.conn.set_trace_callback(statements.append)
    compile_filter(catalog.conn, "rating>=4", page=50)
    catalog.conn.set_trace_callback(None)
    third = catalog.conn.execute("SELECT id FROM photos ORDER BY id LIMIT 1 OFFSET 2").fetchone()[0]
    assert any(f"p.id <= {third} " in s for s in statements), statements
    for text in ("rating>=4", "label:red", "keyword:tank", '"tank on" label:red', "fog rating>=1"):
        found = []
        for page in (None, 1, 50):
            query = compile_filter(catalog.conn, text, page=page)
            where, params = photo_filters(query.search, None, query.where)
            sql = f"SELECT id FROM photos p WHERE {' AND '.join(where)} ORDER BY id"
            found.append([row[0] for row in catalog.conn.execute(sql, params)])
        assert found[0] == found[1] == found[2], text


@pytest.mark.parametrize("size", [0, 2, 5])
def test_a_filter_is_judged_in_two_statements(archive, size) -> None:
    """The id span the sample is judged on is read in one statement, the sample in another
    (the window compiles a filter at every pause in typing); a catalog shorter than the
    sample is judged on all of it."""
    from photoarchive.catalog import filters

    catalog, _ids = archive
    catalog.conn.execute(f"DELETE FROM photos WHERE id NOT IN (SELECT id FROM photos ORDER BY id LIMIT {size})")
    statements: list[str] = []
    catalog.conn.set_trace_callback(statements.append)
    query = compile_filter(catalog.conn, "rating>=4", page=50)
    catalog.conn.set_trace_callback(None)
    assert len(statements) == 2, statements
    where, params = photo_filters(query.search, None, query.where)
    plain = filters.filter_photo_ids(catalog.conn, "rating>=4", order="imported")
    assert [
        r[0] for r in catalog.conn.execute(f"SELECT id FROM photos p WHERE {' AND '.join(where)} ORDER BY id", params)
    ] == plain


@pytest.mark.parametrize(
    ("text", "phrase"),
    [("Cape Kokutan at dusk", "Cape Kokutan"), ("CAPE KOKUTAN", "cape kokutan"), ("Straße 1", "STRASSE"),
     ("\u212aorea", "korea"), ("Туман над морем", "туман НАД"), ("fog", "fog bank"), (None, "fog"),
     ("50% off", "50%"), ("a_b", "a_b"), ("axb", "a_b"), ("c:\\dir", "C:\\DIR"), ("ﬁne", "FINE")],
)  # fmt: skip
def test_the_text_test_finds_what_the_folded_instr_does(text, phrase) -> None:
    import sqlite3

    from photoarchive.catalog import filters

    conn = sqlite3.connect(":memory:")
    conn.create_function(filters.FOLD, 1, filters._fold, deterministic=True)
    conn.create_function(filters.CONTAINS, 3, filters._contains, deterministic=True)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (text,))
    folded = phrase.casefold()
    plain = conn.execute(f"SELECT coalesce(instr({filters.FOLD}(x), ?) > 0, 0) FROM t", (folded,)).fetchone()[0]
    fast = conn.execute(f"SELECT {filters.CONTAINS}(x, ?, ?) FROM t", (phrase, folded)).fetchone()[0]
    sql, params = filters._contains_sql("x", phrase)  # SQLite's LIKE for an ASCII fold, the function else
    written = conn.execute(f"SELECT coalesce({sql}, 0) FROM t", params).fetchone()[0]
    assert bool(fast) == bool(written) == bool(plain)
    # With the mark a search key holds (search_keys.folds): the characters looked for only there.
    conn.create_function(search.HOLDS_FOLDING, 1, search._holds_folding, deterministic=True)
    sql, params = filters._contains_sql("x", phrase, folds=f"{search.HOLDS_FOLDING}(x)")
    marked = conn.execute(f"SELECT coalesce({sql}, 0) FROM t", params).fetchone()[0]
    assert bool(marked) == bool(plain)


def _fold_table() -> sqlite3.Connection:
    """A database with the filters' Python functions and a table ``p`` of a text ``x`` and keywords."""
    conn = sqlite3.connect(":memory:")
    for name, arity, function in ((filters.FOLD, 1, filters._fold), (filters.CONTAINS, 3, filters._contains)):
        conn.create_function(name, arity, function, deterministic=True)
    conn.execute("CREATE TABLE p (x TEXT, keywords TEXT, hierarchical_keywords TEXT)")
    return conn


def _assert_found_as_folded(conn: sqlite3.Connection, text: str, word: str) -> str:
    """The text test finds ``word`` in the row's ``text`` as the folded comparison does; the
    text test's SQL."""
    plain = conn.execute(f"SELECT instr({filters.FOLD}(x), ?) > 0 FROM p", (word,)).fetchone()[0]
    sql, params = filters._contains_sql("x", word)
    assert conn.execute(f"SELECT coalesce({sql}, 0) FROM p", params).fetchone()[0] == plain, (text, word)
    return sql


def test_the_text_and_keyword_tests_look_for_the_characters_that_matter_only() -> None:
    """LIKE is helped only by the characters of FOLDS_TO_ASCII whose fold shares a character with
    the word (an instr each): with every one of them in a text or a keyword, at the edge of the
    word or inside it, the tests find what the folded comparison does."""
    conn = _fold_table()
    checked = 0
    for c in filters.FOLDS_TO_ASCII:
        fold = c.casefold()
        for text in (f"a{c}b", f"{c}", f"X{c}", f"{c}tank"):
            words = {text.casefold(), fold, fold[-1:] + "b", "a" + fold[:1], "tank", "ab", "x" + fold}
            conn.execute("DELETE FROM p")
            conn.execute("INSERT INTO p VALUES (?, ?, '[]')", (text, json.dumps([text], ensure_ascii=False)))
            for word in sorted(w for w in words if w.isascii()):
                _assert_found_as_folded(conn, text, word)
                checked += 1
    assert checked > 300


def test_a_word_beyond_ascii_is_asked_of_python_only_where_a_character_could_fold_into_it() -> None:
    """A word beyond ASCII (туман, Кокутан) is tested by Python only in a text (or a keyword)
    holding it as written or a character folding into part of it: with every character that
    folds at all, at the edge of the word or inside it, the tests find what the folded
    comparison does."""
    conn = _fold_table()
    assert filters._folding_into_any("туман") == ("А", "М", "Н", "Т", "У", "ᲄ", "ᲅ")
    assert "(instr(x, ?)" in filters._contains_sql("x", "Туман")[0]  # not a Python call a photo
    checked = narrowed = 0
    for c, fold in filters._casefolds():
        for text in (f"ж{c}б", c, f"Ж{c}", f"{c}туман"):
            words = {text.casefold(), "ж" + fold, fold + "б", fold[-1:] + "б", "ж" + fold[:1], "туман", "жб"}
            conn.execute("DELETE FROM p")
            conn.execute("INSERT INTO p VALUES (?, ?, '[]')", (text, json.dumps([text], ensure_ascii=False)))
            for word in sorted(w for w in words if not w.isascii()):
                text_sql = _assert_found_as_folded(conn, text, word)
                checked += 1
                narrowed += filters.CONTAINS not in text_sql or "instr(" in text_sql
    assert checked > 10_000 and narrowed > checked // 2
    assert filters._folding_into("fog") == ("\ufb00", "\ufb01", "\ufb02", "\ufb03", "\ufb04")  # ff fi fl ffi ffl


# place: and keyword: narrow through the text index (the search's key-ordered first page), then
# the exact term decides: the photos found must be those of the straightforward SQL, whatever
# the index holds beside them (a caption naming a place, a name sharing a word).
def _plain(conn, field: str, value: str) -> list[int]:
    """The straightforward SQL of a place: or keyword: token, in capture order."""
    folded = value.casefold()
    conn.create_function("photoarchive_fold", 1, lambda t: t.casefold() if isinstance(t, str) else t)
    if field == "place":
        sql = (
            "WITH RECURSIVE named(id) AS (SELECT id FROM places WHERE photoarchive_fold(name) = ?1"
            " UNION SELECT place_id FROM place_names WHERE photoarchive_fold(name) = ?1),"
            " tree(id) AS (SELECT id FROM named UNION SELECT pl.id FROM places pl JOIN tree ON pl.parent_id = tree.id)"
            " SELECT p.id FROM photos p WHERE p.place_id IN (SELECT id FROM tree)"
        )
    else:
        sql = (
            "SELECT p.id FROM photos p WHERE EXISTS (SELECT 1 FROM json_each(p.keywords)"
            " WHERE photoarchive_fold(value) = ?1) OR EXISTS (SELECT 1 FROM json_each(p.hierarchical_keywords)"
            " WHERE instr('|' || photoarchive_fold(value) || '|', '|' || ?1 || '|') > 0)"
        )
    order = " ORDER BY coalesce(p.captured_at, p.imported_at), p.id"
    return [r[0] for r in conn.execute(sql + order, (folded,))]


def _routes(conn, text: str) -> list[list[int]]:
    """The photos of ``text`` read each way a caller does: a full listing, and first pages (of
    one and of fifty: common and rare) read as the window does, in key order through the index."""
    found = [filter_photo_ids(conn, text)]
    for page in (1, 50):
        query = compile_filter(conn, text, page=page)
        ids: list[int] = []
        after = None
        while True:
            got = photo_page(conn, search=query.search, where=query.where, after=after, limit=page)
            ids.extend(got.ids)
            if got.after is None:
                break
            after = got.after
        found.append(ids)
    return found


@pytest.fixture
def places_archive(archive):
    """The archive with places whose names the index matches poorly: short (under three
    characters), shared by two places (in different case), and named in captions elsewhere."""
    catalog, ids = archive
    russia = catalog.conn.execute("SELECT id FROM places WHERE name = 'Russia'").fetchone()[0]
    extra = {
        "Oz": insert_place(catalog, Place("Oz", kind="region", parent_id=russia, alt_names=[PlaceName("Оз", "ru")])),
        "kurils": insert_place(catalog, Place("KURILS", kind="region")),  # another place, same name any case
        "岬": insert_place(catalog, Place("国端岬", kind="feature", alt_names=[PlaceName("Мыс Кокутан", "ru")])),
    }
    for n, (name, place, caption) in enumerate(
        [
            ("oz", "Oz", "Shumshu in a caption"),
            ("kurils2", "kurils", "Kurils Paramushir"),
            ("cape", "岬", "Мыс"),
            ("mention", None, "Мыс Кокутан, 国端岬, Height 171, keyword tank Россия"),
            ("street", None, ""),  # keywords the index folds otherwise than casefold does
        ],
        start=100,
    ):
        ids[name] = catalog.add_photo(
            {
                "sha256": f"{n:064x}",
                "original_path": f"2016/{name}.jpg",
                "original_name": f"{name}.jpg",
                "source_path": f"/src/{name}.jpg",
                "size": 1,
                "format": "JPEG",
                "imported_at": "2026-01-01T00:00:00+00:00",
                "captured_at": f"2016-0{n - 99}-01T10:00:00",
                "place_id": extra[place] if place else None,
                "caption": caption,
                "keywords": {"mention": ["Tanks", "ТУМАН"], "street": ["Straße", "\u1c85уман"]}.get(name, []),
            }
        )
    return catalog, ids, extra


PLACE_TOKENS = [
    "place:Shumshu", "place:Paramushir", "place:шумшу", "place:占守島", "place:kurils", "place:KURILS", "place:Россия",
    'place:"Height 171"', "place:Oz", "place:оз", "place:国端岬", 'place:"мыс кокутан"', "place:Atlantis",
    "keyword:tank", "keyword:tanks", "keyword:туман", "keyword:STRASSE", "keyword:straße", "keyword:танк", "keyword:t-34", "keyword:fog",
]  # fmt: skip


@pytest.mark.parametrize("token", PLACE_TOKENS)
def test_place_and_keyword_read_through_the_index_find_what_the_plain_sql_does(places_archive, token) -> None:
    catalog, _ids, extra = places_archive
    field, value = token.split(":", 1)
    plain = _plain(catalog.conn, field, value.strip('"'))
    for found in _routes(catalog.conn, token):
        assert found == plain, token
    # Moved: a place and the photos in it go under another (Height 171 now on Paramushir: its
    # photo's text gains that name only as set_parent reindexes it).
    paramushir = catalog.conn.execute("SELECT id FROM places WHERE name = 'Paramushir'").fetchone()[0]
    height = catalog.conn.execute("SELECT id FROM places WHERE name = 'Height 171'").fetchone()[0]
    set_parent(catalog, [height], paramushir)
    set_parent(catalog, [extra["Oz"]], None)
    plain = _plain(catalog.conn, field, value.strip('"'))
    for found in _routes(catalog.conn, token):
        assert found == plain, token


def test_a_place_lends_its_stored_names_to_the_text_search(places_archive, monkeypatch) -> None:
    catalog, _ids, _extra = places_archive
    monkeypatch.setattr(filters, "VERY_DENSE", 0)  # every place here is common enough to be only tested
    assert compile_filter(catalog.conn, "place:шумшу", page=1).search == "Шумшу"  # as stored
    assert compile_filter(catalog.conn, 'place:"мыс кокутан"', page=1).search == "Мыс Кокутан"
    assert compile_filter(catalog.conn, "place:kurils", page=1).search.lower() == "kurils"  # two places, ASCII
    assert compile_filter(catalog.conn, "place:Oz", page=1).search == ""  # too short for the index
    assert compile_filter(catalog.conn, "place:Atlantis", page=1).search == ""
    assert compile_filter(catalog.conn, "-place:Shumshu", page=1).search == ""


def test_a_keyword_lends_its_fold_only_where_the_index_folds_alike() -> None:
    assert filters._keyword_words("tank") == ["tank"]
    assert filters._keyword_words("fog") == ["fog"]
    assert filters._keyword_words("strasse") == []  # Straße: the index does not find "strasse" in it
    assert filters._keyword_words("туман") == []  # \u1c85 (three-legged te) folds to т, not in the index
    assert filters._keyword_words("国端岬") == ["国端岬"]  # no case
    assert filters._keyword_words("ελλάδα") == ["ελλάδα"]
    assert filters._keyword_words("ок") == []  # under three characters: the index's LIKE folds ASCII only


def test_a_keyword_asks_the_index_about_the_characters_folding_into_it_alone(monkeypatch) -> None:
    """Whether the index folds as casefold is asked of SQLite for the few characters whose fold
    is in the keyword (туман: seven), not all 1,500 that fold (40 ms a command), and the answer
    is the one the whole set gives, for the fold of every character, alone and in a word."""
    asked: list[str] = []
    characters = filters._unfaithful_characters

    def asking(folding: str) -> str:
        asked.append(folding)
        return characters(folding)

    def unfaithful(folding: str) -> frozenset[str]:  # their folds
        return frozenset(c.casefold() for c in characters(folding))

    monkeypatch.setattr(filters, "_unfaithful_characters", asking)
    assert filters._keyword_words("туман") == [] and asked == ["АМНТУᲄᲅ"]
    monkeypatch.undo()
    every = unfaithful("".join(c for c, _fold in filters._casefolds()))
    assert "ss" in every and "т" in every  # ß, ᲄ
    for _c, fold in filters._casefolds():
        for word in (fold, f"жж{fold}", f"{fold}ab"):
            expected = [] if any(out in word for out in every) else [w for w in word.split() if len(w) >= 3]
            assert filters._keyword_words(word) == expected, word


def test_a_word_beyond_ascii_looks_through_the_folds_once(archive, monkeypatch) -> None:
    """The characters folding into a word are kept for it: a filter compiled again (three times
    a page, at every reload) does not look through the 1,500 folds again."""
    catalog, _ids = archive
    texts = ("keyword:туман", "туман -flag:reject", "keyword:Straße", '"Cape Kokutan" туман')
    first = [compile_filter(catalog.conn, text, page=50, order="captured") for text in texts]

    def looked_through() -> tuple[tuple[str, str], ...]:
        raise AssertionError("the folds looked through again")

    monkeypatch.setattr(filters, "_casefolds", looked_through)
    assert [compile_filter(catalog.conn, text, page=50, order="captured") for text in texts] == first


def test_the_characters_that_fold_are_read_as_every_code_point_gives_them() -> None:
    """Blocks of code points that casefold leaves as they are are skipped whole: the same
    characters as a scan of every one."""
    every = tuple((c, c.casefold()) for c in map(chr, range(filters.CASED_LIMIT)) if c.casefold() != c)
    assert filters._casefolds() == every and len(every) > 1_400


def test_no_character_past_the_cased_limit_folds() -> None:
    assert all(chr(c).casefold() == chr(c) for c in range(filters.CASED_LIMIT, 0x110000) if not 0xD800 <= c < 0xE000)


def _paged(conn: sqlite3.Connection, query: filters.FilterQuery, size: int) -> list[int]:
    """Every photo of ``query``, read a keyed page of ``size`` at a time, as the window reads them."""
    ids: list[int] = []
    after = None
    while True:
        page = photo_page(conn, search=query.search, after=after, limit=size, where=query.where)
        ids.extend(page.ids)
        if page.after is None:
            return ids
        after = page.after


def test_a_compile_looks_each_place_up_once_and_the_next_compile_again(archive) -> None:
    """The terms are written several times a compile (sampled, walked...): a place's lookup,
    a recursive query, runs once for all of them, and again at the next compile (a place
    renamed meanwhile is found by its new name)."""
    catalog, _ids = archive
    statements: list[str] = []
    catalog.conn.set_trace_callback(statements.append)
    try:
        for text in ("place:Shumshu rating>=4 tank", "place:Shumshu", "place:Shumshu rating>=4 tank"):
            compile_filter(catalog.conn, text, page=50, order="captured")
    finally:
        catalog.conn.set_trace_callback(None)
    assert sum("WITH RECURSIVE named" in s for s in statements) == 3
