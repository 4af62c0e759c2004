"""Validation and normalisation of curated values."""

from __future__ import annotations

import pytest

from photoarchive.errors import ValidationError
from photoarchive.metadata import GpsPoint, validate, validate_gps, validate_value
from photoarchive.model import CuratedFields


def _refused(name: str, value: object) -> ValidationError:
    with pytest.raises(ValidationError) as error:
        validate_value(name, value)
    assert error.value.field == name
    return error.value


def test_valid_fields_are_normalised() -> None:
    fields = CuratedFields(
        caption="  Первая строка\r\nвторая строка\r",
        creator="Иван Петров;山田 太郎 ;",
        keywords=["танк", " танк ", "", "戦車"],
        date_created="2015-08-18 10:31Z",
        event_date="1945-08-18/1945-08-23",
        country_code="ru",
        web_statement="https://example.org/rights",
    )
    clean = validate(fields)
    assert clean.caption == "Первая строка\nвторая строка"
    assert clean.creator == "Иван Петров; 山田 太郎"
    assert clean.keywords == ["танк", "戦車"]
    assert clean.date_created == "2015-08-18T10:31:00+00:00"
    assert clean.event_date == "1945-08-18/1945-08-23"
    assert clean.country_code == "RUS"
    assert fields.country_code == "ru"  # the input is not changed


def test_oversized_values_are_refused() -> None:
    error = _refused("caption", "я" * 40_000)  # 80 000 bytes of UTF-8
    assert "Caption" in str(error) and "64 KB" in str(error)
    _refused("keywords", [f"{i} " + "k" * 1000 for i in range(70)])
    assert validate_value("caption", "я" * 30_000)  # 60 000 bytes: fine


@pytest.mark.parametrize("name", ["title", "city", "credit", "creator", "job_id"])
def test_line_breaks_only_in_multiline_fields(name: str) -> None:
    error = _refused(name, "one\ntwo")
    assert "line break" in str(error)


@pytest.mark.parametrize("name", ["caption", "alt_text", "usage_terms", "instructions"])
def test_multiline_fields_keep_line_breaks(name: str) -> None:
    assert validate_value(name, "one\ntwo") == "one\ntwo"


@pytest.mark.parametrize("char", ["\x00", "\x07", "\t", "\x1b", "\x7f", "\x85", "\ufffe", "\ud800"])
def test_control_characters_are_refused(char: str) -> None:
    error = _refused("caption", f"bad{char}text")
    assert "position 4" in str(error)
    _refused("keywords", [f"bad{char}"])


def test_format_characters_are_text() -> None:
    # Zero-width joiner and right-to-left mark are part of real text, not controls.
    assert validate_value("caption", "a\u200db\u200f") == "a\u200db\u200f"


@pytest.mark.parametrize(
    "value",
    ["1945", "1945-08", "1945-08-18", "1945-08-18T06:00:00", "1945-08-18T06:00:00.5+10:00", "2015-08-18T10:31Z"],
)
def test_good_dates(value: str) -> None:
    assert validate_value("date_created", value)


@pytest.mark.parametrize(
    "value",
    ["18.08.1945", "1945-13", "1945-02-30", "1945-08-18T25:00", "45-08-18", "1945-08-18/1945-08-20", "tomorrow",
     "2015-08-18T10:31+15:00"],
)  # fmt: skip
def test_bad_dates(value: str) -> None:
    _refused("date_created", value)


def test_event_date_ranges() -> None:
    assert validate_value("event_date", "1945-08") == "1945-08"
    assert validate_value("event_date", "1945-08-18/1945-09") == "1945-08-18/1945-09"
    assert "ends before it starts" in str(_refused("event_date", "1945-09/1945-08-18"))
    _refused("event_date", "1945/1946/1947")
    _refused("event_date", "1945-08-18/")


@pytest.mark.parametrize(
    ("value", "expected"), [("RUS", "RUS"), ("jpn", "JPN"), ("RU", "RUS"), ("JP", "JPN"), ("", "")]
)
def test_country_codes(value: str, expected: str) -> None:
    assert validate_value("country_code", value) == expected


@pytest.mark.parametrize("value", ["XXX", "SUN", "R", "RUSS", "12"])
def test_unknown_country_codes(value: str) -> None:
    assert "ISO 3166-1" in str(_refused("country_code", value))


def test_web_statement_must_be_a_url() -> None:
    _refused("web_statement", "see our website")
    assert validate_value("web_statement", "https://example.org/rights?a=1&b=2") == "https://example.org/rights?a=1&b=2"
    assert validate_value("web_statement", "HTTP://Example.org/Rights") == "http://Example.org/Rights"
    assert validate_value("web_statement", "https://пример.рф/права") == "https://пример.рф/права"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "mailto:rights@example.org",
        "ftp://example.org/rights",
        "https://",
        "http:///rights",
        "https://example.org/a b",
        'https://example.org/"onmouseover="alert(1)',
        "https://example.org/<script>",
        "//example.org/rights",
    ],
)
def test_urls_are_http_or_https_only(url: str) -> None:
    error = _refused("web_statement", url)
    assert "http(s) URL" in str(error)


def test_salvaged_leaves_out_what_does_not_validate() -> None:
    from photoarchive.metadata.validate import salvaged

    fields = CuratedFields(
        caption=" kept ", country_code="XX", web_statement="javascript:alert(1)", keywords=["a", "a"], city="ok"
    )
    clean, errors = salvaged(fields)
    assert (clean.caption, clean.city, clean.keywords) == ("kept", "ok", ["a"])
    assert (clean.country_code, clean.web_statement) == ("", "")
    assert sorted(e.field for e in errors) == ["country_code", "web_statement"]


def test_lists_and_text_are_not_mixed() -> None:
    _refused("keywords", "танк")
    _refused("caption", ["a"])


def test_unknown_field() -> None:
    with pytest.raises(ValidationError):
        validate_value("colour", "red")


def test_gps() -> None:
    assert validate_gps(50.75, 156.2, -3) == GpsPoint(50.75, 156.2, -3.0)
    for lat, lon in [(90.01, 0), (-91, 0), (0, 180.5), (0, -181), (float("nan"), 0), (0, float("inf"))]:
        with pytest.raises(ValidationError) as error:
            validate_gps(lat, lon)
        assert error.value.field == "gps"
    with pytest.raises(ValidationError):
        validate_gps(10, 10, float("nan"))
