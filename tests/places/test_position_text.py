"""Positions as curators type them: decimal, comma decimals, degrees-minutes-seconds."""

from __future__ import annotations

import pytest

from photoarchive.errors import ValidationError
from photoarchive.places.position_text import format_position, parse_position

HEIGHT_171 = (50.7153, 156.2547)
DMS = (50 + 42 / 60 + 55 / 3600, 156 + 15 / 60 + 17 / 3600)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50.7153, 156.2547", HEIGHT_171),
        ("50.7153,156.2547", HEIGHT_171),
        ("  50.7153   156.2547 ", HEIGHT_171),
        ("50.7153;156.2547", HEIGHT_171),
        ("50,7153 156,2547", HEIGHT_171),
        ("50,7153; 156,2547", HEIGHT_171),
        ("50,7153, 156,2547", HEIGHT_171),
        ("50.7153N 156.2547E", HEIGHT_171),
        ("N 50.7153 E 156.2547", HEIGHT_171),
        ("-33.8688 151.2093", (-33.8688, 151.2093)),
        ("33.8688 S, 151.2093 E", (-33.8688, 151.2093)),
        ("50 156", (50.0, 156.0)),
        ("50°42'55\"N 156°15'17\"E", DMS),
        ("50°42′55″N 156°15′17″E", DMS),
        ("50° 42′ 55″ N, 156° 15′ 17″ E", DMS),
        ("50º42'55''N 156º15'17''E", DMS),
        ("50°42'55\"N,156°15'17\"E", DMS),
        ("N50°42'55\" E156°15'17\"", DMS),
        ("156°15'17\"E 50°42'55\"N", DMS),
        ("50°42′55″ с. ш. 156°15′17″ в. д.", DMS),
        ("50°42,9167'N 156°15,2833'E", (50 + 42.9167 / 60, 156 + 15.2833 / 60)),
        ("22°54'30\"S 43°11'47\"W", (-(22 + 54 / 60 + 30 / 3600), -(43 + 11 / 60 + 47 / 3600))),
        ("50.7153° 156.2547°", HEIGHT_171),
    ],
)
def test_accepted(text: str, expected: tuple[float, float]) -> None:
    latitude, longitude = parse_position(text) or (None, None)
    assert latitude == pytest.approx(expected[0], abs=1e-6) and longitude == pytest.approx(expected[1], abs=1e-6)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("50,7153,156,2547", "is not a position"),
        ("50.7153", "is not a position"),
        ("1 2 3", "is not a position"),
        ("somewhere", "is not a position"),
        ("156.2547, 50.7153", "not between -90 and 90"),
        ("50.7 200", "not between -180 and 180"),
        ("50°72'N 156°E", "minutes and seconds"),
        ("50°N 60°N", "is not a position"),
        ("N50°N 156°E", "is not a position"),
    ],
)
def test_refused(text: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason) as error:
        parse_position(text)
    assert error.value.field == "position"


def test_empty_is_no_position_and_the_shown_text_reads_back() -> None:
    assert parse_position("") is None and parse_position("   ") is None
    assert format_position(None, 156.0) == ""
    assert format_position(*HEIGHT_171) == "50.7153, 156.2547"
    assert format_position(-33.0, 151.25) == "-33, 151.25"
    assert parse_position(format_position(*DMS)) == pytest.approx(DMS, abs=1e-6)
