"""A place filter's page in capture order walks each place's photos in that order and merges
the walks (``search.Placed``, 0021_place_order): the pages list what the plain listing lists,
after random edits of places and dates, for a place and the places inside it, other terms
beside it, and more places than are walked."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog, filters
from photoarchive.catalog.connection import transaction
from photoarchive.catalog.filters import compile_filter, filter_photo_ids
from photoarchive.catalog.history import FieldChange, record_edit
from photoarchive.catalog.places import insert_place
from photoarchive.catalog.search import PLACE_ORDER_INDEX, Alternatives, Placed, photo_page
from photoarchive.edits import apply_edit
from photoarchive.model.place import Place, PlaceName
from tests.catalog.test_filters import _paged
from tests.catalog.test_search_keys import add

WALKED = [
    "place:Shumshu",
    "place:Шумшу",
    "place:Kurils",
    "place:Russia",
    'place:"Height 171"',
    "place:Paramushir",
    "place:Shumshu -flag:reject",
    "place:Kurils has:credit",
    "place:Kurils camera:NIKON",
    'place:Shumshu -place:"Height 171"',
    "place:Kurils -has:caption",
]
NOT_WALKED = {
    "tank place:Shumshu": "words: the text index",
    "place:Shumshu rating>=3": "a rating's walk",
    "place:Shumshu label:red": "a label's walk",
    "place:Kurils keyword:tank": "a keyword's walk",
    "place:Shumshu date:2015-08": "a date's index",
    "-place:Shumshu": "a negation",
}


def _archive(catalog: Catalog, rng: random.Random) -> tuple[list[int], list[int]]:
    russia = insert_place(catalog, Place("Russia", kind="country"))
    kurils = insert_place(catalog, Place("Kurils", kind="region", parent_id=russia))
    shumshu = insert_place(
        catalog, Place("Shumshu", kind="island", parent_id=kurils, alt_names=[PlaceName("Шумшу", "ru")])
    )
    height = insert_place(catalog, Place("Height 171", kind="feature", parent_id=shumshu))
    paramushir = insert_place(catalog, Place("Paramushir", kind="island", parent_id=kurils))
    cape = insert_place(catalog, Place("Cape Kokutan", kind="feature", parent_id=shumshu))
    places = [russia, kurils, shumshu, height, paramushir, cape]
    ids = [
        add(
            catalog,
            n,
            rng.choice([None, f"2015-08-{rng.randint(10, 20)}T{rng.randint(0, 23):02d}:00:00", "2015-08-18"]),
            rng.choice(["tank", "fog", "", "туман"]),
            place_id=rng.choice([None, None, *places]),
            camera_make=rng.choice(["NIKON CORPORATION", "Canon", None]),
            credit=rng.choice(["", "Ivanov"]),
            flag=rng.choice(["", "", "reject", "pick"]),
            label=rng.choice(["", "red"]),
            rating=rng.choice([None, 1, 3, 5]),
        )
        for n in range(90)
    ]
    return ids, places


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_places_walked_pages_list_what_its_photos_hold(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with Catalog(tmp_path / "a") as catalog:
        ids, places = _archive(catalog, rng)
        for round_ in range(2):
            for text in WALKED:
                query = compile_filter(catalog.conn, text, page=50, order="captured")
                assert [t for t in query.terms if isinstance(t, Placed)], (text, query)
                plain = filter_photo_ids(catalog.conn, text)
                for size in (1, 3, 50):
                    assert _paged(catalog.conn, query, size) == plain, (seed, round_, text, size)
            # Then places and dates edited: the index follows the photos' rows.
            for _ in range(15):
                apply_edit(catalog, rng.sample(ids, rng.randint(1, 5)), {"place_id": rng.choice([None, *places])})
            with transaction(catalog.conn):
                for photo in rng.sample(ids, 10):
                    new = rng.choice([None, f"2015-08-{rng.randint(10, 20)}T12:00:00"])
                    record_edit(catalog, "2026-01-02T00:00:00+00:00", "test", "redate",
                                [FieldChange(photo, "captured_at", None, new)], None)  # fmt: skip


def test_other_drivers_and_no_place_are_not_walked(tmp_path: Path) -> None:
    with Catalog(tmp_path / "a") as catalog:
        _archive(catalog, random.Random(4))
        for text, why in NOT_WALKED.items():
            query = compile_filter(catalog.conn, text, page=50, order="captured")
            assert not [t for t in query.terms if isinstance(t, Placed)], (text, why)
            assert _paged(catalog.conn, query, 3) == filter_photo_ids(catalog.conn, text), text
        rated = compile_filter(catalog.conn, "place:Shumshu rating>=3", page=50, order="captured")
        assert [t for t in rated.terms if isinstance(t, Alternatives)]
        # In another order, or without a page: the plain term.
        for order in ("name", "imported"):
            query = compile_filter(catalog.conn, "place:Shumshu", page=50, order=order)
            assert not [t for t in query.terms if isinstance(t, Placed)], order
        assert not [t for t in compile_filter(catalog.conn, "place:Shumshu").terms if isinstance(t, Placed)]
        # No place so called: nothing, and nothing walked.
        nowhere = compile_filter(catalog.conn, "place:Nowhere", page=50, order="captured")
        assert not [t for t in nowhere.terms if isinstance(t, Placed)]
        assert _paged(catalog.conn, nowhere, 3) == [] == filter_photo_ids(catalog.conn, "place:Nowhere")


def test_a_place_holding_more_places_than_are_walked_is_read_as_before(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(filters, "MAX_PLACE_WALKS", 2)
    with Catalog(tmp_path / "a") as catalog:
        _archive(catalog, random.Random(5))
        walked = compile_filter(catalog.conn, "place:Shumshu", page=50, order="captured")  # three places
        assert not [t for t in walked.terms if isinstance(t, Placed)]
        assert _paged(catalog.conn, walked, 3) == filter_photo_ids(catalog.conn, "place:Shumshu")
        one = compile_filter(catalog.conn, 'place:"Height 171"', page=50, order="captured")
        assert [t.places for t in one.terms if isinstance(t, Placed)] == [(4,)]


def test_each_places_walk_reads_its_index_in_capture_order(tmp_path: Path) -> None:
    """The page's SQL walks the place order index for each place and sorts only the page's own
    rows (the merge's output, to read their photos in that order), not a place's photos."""
    with Catalog(tmp_path / "a") as catalog:
        _archive(catalog, random.Random(6))
        query = compile_filter(catalog.conn, "place:Shumshu -flag:reject", page=2, order="captured")
        statements: list[str] = []
        catalog.conn.set_trace_callback(statements.append)
        first = photo_page(catalog.conn, search=query.search, limit=2, where=query.where)
        photo_page(catalog.conn, search=query.search, limit=2, after=first.after, where=query.where)
        catalog.conn.set_trace_callback(None)
        assert len(statements) == 2 and all(PLACE_ORDER_INDEX in s for s in statements), statements
        for sql in statements:
            plan = [str(row[3]) for row in catalog.conn.execute(f"EXPLAIN QUERY PLAN {sql}", [])]
            walks = [step for step in plan if PLACE_ORDER_INDEX in step]
            assert len(walks) == 3 and all("(place_id=?" in step for step in walks), plan
            assert sum("TEMP B-TREE" in step for step in plan) == 1, plan  # the outer ORDER BY alone
