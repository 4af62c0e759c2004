"""The filter grammar (photoarchive.filters): each token read, negation, and errors that name the
token and its position."""

from __future__ import annotations

import pytest

from photoarchive.errors import ValidationError
from photoarchive.filters import HAS_NAMES, FilterSyntaxError, Term, parse
from photoarchive.model.curated import CURATED_FIELD_NAMES


def one(text: str) -> Term:
    (term,) = parse(text)
    return term


def test_the_issue_example_reads_token_by_token() -> None:
    text = (
        "rating>=4 label:red flag:pick keyword:tank place:Shumshu camera:D750"
        " date:2015-08-10..2015-08-20 has:caption -has:credit"
    )
    terms = parse(text)
    assert [(t.field, t.value, t.negated) for t in terms] == [
        ("rating", frozenset({4, 5}), False),
        ("label", "red", False),
        ("flag", "pick", False),
        ("keyword", "tank", False),
        ("place", "Shumshu", False),
        ("camera", "D750", False),
        ("date", ("2015-08-10", "2015-08-21"), False),
        ("has", "caption", False),
        ("has", "credit", True),
    ]
    # Positions are 1-based and point at each token's first character.
    assert [t.position for t in terms] == [text.index(t.token) + 1 for t in terms]


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("rating=3", {3}),
        ("rating:3", {3}),
        ("rating>=4", {4, 5}),
        ("rating<=1", {0, 1}),
        ("rating>4", {5}),
        ("rating<1", {0}),
        ("rating>5", set()),
        ("RATING>=0", {0, 1, 2, 3, 4, 5}),
    ],
)
def test_rating_comparisons(text: str, accepted: set[int]) -> None:
    assert one(text).value == frozenset(accepted)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("label:red", "red"),
        ("label:Purple", "purple"),
        ("label:none", ""),
        ("flag:pick", "pick"),
        ("flag:REJECT", "reject"),
        ("flag:none", ""),
    ],
)
def test_label_and_flag(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("date:2015-08-10", ("2015-08-10", "2015-08-11")),
        ("date:2015-08", ("2015-08-01", "2015-09-01")),
        ("date:2016-02", ("2016-02-01", "2016-03-01")),
        ("date:2015-12", ("2015-12-01", "2016-01-01")),
        ("date:1945", ("1945-01-01", "1946-01-01")),
        ("date:2015-08-10..2015-08-20", ("2015-08-10", "2015-08-21")),
        ("date:1945-08..1945", ("1945-08-01", "1946-01-01")),
        ("date:..1945-09-02", (None, "1945-09-03")),
        ("date:2015-08..", ("2015-08-01", None)),
    ],
)
def test_dates_days_months_years_and_open_ranges(text: str, bounds: tuple[str | None, str | None]) -> None:
    assert one(text).value == bounds


def test_words_phrases_and_quoted_values() -> None:
    terms = parse('tank "Height 171" -fog place:"Height 171" keyword:"T-34" -"on the hill" 戦車')
    assert [(t.field, t.value, t.negated, t.phrase) for t in terms] == [
        ("text", "tank", False, False),
        ("text", "Height 171", False, True),
        ("text", "fog", True, False),
        ("place", "Height 171", False, False),
        ("keyword", "T-34", False, False),
        ("text", "on the hill", True, True),
        ("text", "戦車", False, False),
    ]


def test_every_token_negates() -> None:
    for text in ("rating>=4", "label:red", "flag:pick", "keyword:tank", "place:Shumshu", "camera:D750",
                 "date:2015", "has:caption", "tank", '"a phrase"'):  # fmt: skip
        plain, negated = one(text), one("-" + text)
        assert not plain.negated and negated.negated
        assert (negated.field, negated.value) == (plain.field, plain.value)


def test_has_names_come_from_the_curated_declaration() -> None:
    assert set(CURATED_FIELD_NAMES) <= set(HAS_NAMES)
    assert {"caption", "credit", "keywords", "title", "gps", "place"} <= set(HAS_NAMES)
    for name in HAS_NAMES:
        assert one(f"has:{name}").value == name


def test_an_empty_filter_has_no_terms() -> None:
    assert parse("") == () and parse("   ") == ()


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        ("tank colour:red", 'unknown field "colour" at 6: did you mean "label"?', 6),
        ("rating>=4 labl:red", 'unknown field "labl" at 11: did you mean "label"?', 11),
        ("-colour:red", 'unknown field "colour" at 2: did you mean "label"?', 2),
        ("rating>6", 'rating takes a number from 0 to 5, not "6" at 8', 8),
        ("rating:four", 'rating takes a number from 0 to 5, not "four" at 8', 8),
        ("label>=red", 'label takes label:VALUE, not ">=" at 1', 1),
        ("flag:maybe", 'flag takes pick, reject, none; not "maybe" at 6', 6),
        ("label:reed", 'label takes red, yellow, green, blue, purple, none; not "reed" at 7: did you mean "red"?', 7),
        ("has:captoin", 'has: knows no "captoin" at 5: did you mean "caption"?', 5),
        (
            "a date:2015-02-30",
            'date takes a day (2015-08-10), a month (2015-08) or a year (2015), not "2015-02-30" at 8',
            8,
        ),
        ("date:2015-08-20..2015-08-10", 'date: the range "2015-08-20..2015-08-10" ends before it starts at 6', 6),
        ("date:..", 'date: ".." needs a start or an end at 6', 6),
        ("date:2015..15", 'date takes a day (2015-08-10), a month (2015-08) or a year (2015), not "15" at 12', 12),
        ("keyword:", "keyword: needs a value at 1", 1),
        ("tank - fog", 'nothing to negate at 6: "-" stands alone', 6),
        ('tank "Height 171', 'unclosed quote at 6: "Height 171', 6),
        ('""', "empty quotes at 1", 1),
    ],
)
def test_syntax_errors_name_the_token_and_its_position(text: str, message: str, position: int) -> None:
    with pytest.raises(FilterSyntaxError) as raised:
        parse(text)
    assert str(raised.value) == message
    assert raised.value.position == position
    assert raised.value.token in text
    assert isinstance(raised.value, ValidationError) and raised.value.field == "filter"
