"""Structured fields of several photos changed member by member, item by item
(``model.structured``, ``edits.structure_values``): each photo keeps what the change does not
name, the edit is one step, and reverting it gives each photo its own structure back."""

from __future__ import annotations

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_values
from photoarchive.edits import apply_edit, revert_edit, structure_values
from photoarchive.errors import ValidationError
from photoarchive.model.structured import ItemsChange, common_items, common_members, merge_members
from tests.conftest import add_record


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``)."""
    return backend_catalog


MEDAL = {"title": "Medal For Courage", "creator": ["Mint"]}
MAP = {"title": "Map of Shumshu"}
LETTER = {"title": "Letter home"}


def test_merge_members_sets_the_members_given_and_removes_the_emptied() -> None:
    current = {"sublocation": "Height 165", "city": "Kurilsk", "country": "Russia"}
    assert merge_members(current, {"city": "Severo-Kurilsk", "sublocation": "", "state": "Sakhalin"}) == {
        "city": "Severo-Kurilsk",
        "country": "Russia",
        "state": "Sakhalin",
    }


def test_common_members_and_items() -> None:
    shared, differing = common_members([{"city": "A", "country": "R"}, {"city": "B", "country": "R", "state": "S"}])
    assert shared == {"country": "R"} and differing == {"city", "state"}
    assert common_items([[MEDAL, MAP, MEDAL], [LETTER, MEDAL]]) == [MEDAL]  # once: the second holds it once
    assert common_items([[MEDAL, MAP], [MAP, MEDAL]]) == [MEDAL, MAP]


def test_items_change_touches_only_the_shared_items() -> None:
    change = ItemsChange(edited=((MEDAL, {"source": "Museum"}),), removed=(MAP,), added=(LETTER,))
    assert change.apply([MAP, MEDAL, {"title": "Own"}]) == [{**MEDAL, "source": "Museum"}, {"title": "Own"}, LETTER]
    assert change.apply([LETTER]) == [LETTER]  # holds none of them; the added one not twice


def test_structure_values_keep_each_photos_own_and_revert_exactly(catalog: Catalog) -> None:
    a, b = add_record(catalog, 1, "a.jpg"), add_record(catalog, 2, "b.jpg")
    own = {
        a: {"location_created": {"sublocation": "Height 165", "country": "Russia"}, "artworks": [MEDAL, MAP]},
        b: {"location_created": {"location_name": "Cape Kokutan", "country": "Japan"}, "artworks": [LETTER, MEDAL]},
    }
    apply_edit(catalog, [a, b], own.__getitem__)
    located = apply_edit(catalog, [a, b], structure_values(catalog, "location_created", {"city": "Severo-Kurilsk"}))
    added = apply_edit(
        catalog, [a, b], structure_values(catalog, "artworks", ItemsChange(edited=((MEDAL, {"source": "Museum"}),)))
    )
    now = load_values(catalog, [a, b], ["location_created", "artworks"])
    assert now[a]["location_created"] == {"sublocation": "Height 165", "country": "Russia", "city": "Severo-Kurilsk"}
    assert now[b]["location_created"] == {"location_name": "Cape Kokutan", "country": "Japan", "city": "Severo-Kurilsk"}
    assert now[a]["artworks"] == [{**MEDAL, "source": "Museum"}, MAP]
    assert now[b]["artworks"] == [LETTER, {**MEDAL, "source": "Museum"}]
    revert_edit(catalog, added.id)
    revert_edit(catalog, located.id)
    assert load_values(catalog, [a, b], ["location_created", "artworks"]) == own


def test_structure_values_refuse_a_field_that_is_not_structured(catalog: Catalog) -> None:
    with pytest.raises(ValidationError):
        structure_values(catalog, "caption", {"city": "x"})
    with pytest.raises(ValidationError):
        structure_values(catalog, "artworks", {"title": "x"})  # a list takes an ItemsChange
