"""A field's declaration: what is derived from it is derived once, when it is declared."""

from __future__ import annotations

from dataclasses import replace

from photoarchive.model.curated import FIELDS
from photoarchive.model.fields import Input, Kind


def test_a_field_s_kind_and_whether_it_is_structured_are_stored_with_it_and_follow_its_input() -> None:
    for spec in FIELDS:
        # Stored on the declaration (the sidecar writer asks them dozens of times a photo).
        assert vars(spec)["kind"] is spec.input.kind
        assert vars(spec)["structured"] == (spec.input.kind in (Kind.STRUCT, Kind.STRUCTS, Kind.TREE))
    text = next(spec for spec in FIELDS if spec.input is Input.TEXT)
    changed = replace(text, input=Input.STRUCTS)
    assert (changed.kind, changed.structured) == (Kind.STRUCTS, True)
    assert changed == replace(text, input=Input.STRUCTS)  # compared by the declaration alone
