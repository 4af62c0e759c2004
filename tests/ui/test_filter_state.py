"""The filter bar's state as a filter string: each control's token, and the string read back."""

from __future__ import annotations

import pytest

from photoarchive.filters import FilterSyntaxError, parse
from photoarchive.ui.filter_state import FilterState, combined


@pytest.mark.parametrize(
    ("state", "text"),
    [
        (FilterState(), ""),
        (FilterState(rating=3), "rating>=3"),
        (FilterState(labels=frozenset({"red"})), "label:red"),
        (
            FilterState(labels=frozenset({"red", "blue"})),
            "-label:yellow -label:green -label:purple -label:none",
        ),
        (FilterState(labels=frozenset({"red", "yellow", "green", "blue", "purple"})), "-label:none"),
        (FilterState(flag="pick"), "flag:pick"),
        (FilterState(flag="none"), "flag:none"),
        (FilterState(hide_rejects=True), "-flag:reject"),
        (FilterState(flag="reject", hide_rejects=True), "flag:reject"),  # asked for: not hidden
        (FilterState().with_has("caption", True), "has:caption"),
        (FilterState().with_has("gps", False).with_has("credit", True), "has:credit -has:gps"),
        (FilterState(date_from="2015-08-10", date_to="2015-08-20"), "date:2015-08-10..2015-08-20"),
        (FilterState(date_from="2015"), "date:2015.."),
        (FilterState(date_to="1945-09-02"), "date:..1945-09-02"),
        (FilterState(date_from="2015-08", date_to="2015-08"), "date:2015-08"),
        (FilterState(camera="D750"), "camera:D750"),
        (FilterState(keyword="tank"), "keyword:tank"),
        (FilterState(place="Height 171"), 'place:"Height 171"'),
        (FilterState(place='Cape "Kokutan"'), 'place:"Cape Kokutan"'),
        (FilterState(rating=4, flag="pick", keyword="tank"), "rating>=4 flag:pick keyword:tank"),
    ],
)
def test_each_control_writes_its_token(state: FilterState, text: str) -> None:
    assert state.text() == text
    parse(text)  # in the grammar the command line reads
    assert FilterState.read(text).text() == text


def test_a_filter_the_controls_cannot_show_is_kept_as_written() -> None:
    state = FilterState.read('rating>=4 tank -keyword:fog "Cape Kokutan" label:red')
    assert (state.rating, state.labels) == (4, frozenset({"red"}))
    assert state.extra == 'tank -keyword:fog "Cape Kokutan"'
    assert state.text() == 'rating>=4 label:red tank -keyword:fog "Cape Kokutan"'


def test_labels_left_out_read_back_as_the_labels_chosen() -> None:
    state = FilterState.read("-label:green -label:blue -label:purple -label:none")
    assert state.labels == frozenset({"red", "yellow"})
    assert FilterState.read("-label:blue").extra == "-label:blue"  # without -label:none: not a choice


def test_read_raises_on_a_token_that_does_not_read() -> None:
    with pytest.raises(FilterSyntaxError) as raised:
        FilterState.read("rating>=4 colour:red")
    assert raised.value.position == 11


def test_combined_joins_the_bar_and_the_box() -> None:
    assert combined("rating>=4", "  tank ") == "rating>=4 tank"
    assert combined("", "") == ""
