"""'Needs attention' lists a photo with a stored value that does not validate (an import keeps
what a file held, with a warning; write and export leave it out), by the validator's rule."""

from __future__ import annotations

import pytest

from photoarchive.catalog import Catalog, attention
from photoarchive.catalog.attention import needing_attention
from photoarchive.catalog.connection import dialect, transaction
from photoarchive.catalog.curated import to_column
from photoarchive.errors import ValidationError
from photoarchive.metadata import validate_value

COMPLETE = {"caption": "c", "creator": "A", "copyright": "©"}
# (field, stored value): valid ones and invalid ones, each as an import may have kept it.
VALUES = [
    ("country_code", "RUS"), ("country_code", "XX"), ("country_code", "ru"), ("country_code", "SUN"),
    ("web_statement", "https://example.org/rights"), ("web_statement", "javascript:alert(1)"),
    ("web_statement", "HTTPS://example.org/x"), ("web_statement", "https://example.org/a b"),
    ("web_statement", "https://пример.рф/права"), ("web_statement", "http:///x"), ("web_statement", "mailto:a@b"),
    ("date_created", "1945"), ("date_created", "1945-08"), ("date_created", "1945-08-18"),
    ("date_created", "1945-13"), ("date_created", "1945-02-30"), ("date_created", "0000"),
    ("date_created", "2015-08-18T10:31:00"), ("date_created", "2015-08-18T10:31:00+11:00"),
    ("date_created", "2015-08-18T10:31:00.25+11:00"), ("date_created", "2015-08-18T24:31:00"),
    ("date_created", "2015-08-18T10:31:00+15:00"), ("date_created", "18.08.1945"), ("date_created", "1945-08-18/1945-08-19"),
    ("event_date", "1945-08-18/1945-08-23"), ("event_date", "1945-08-23/1945-08-18"), ("event_date", "1945-08"),
    ("title", "Tank"), ("title", "two\nlines"), ("caption", "two\nlines"), ("caption", "bell\x07"),
    ("caption", "nul\x00"), ("city", "C1\x85control"), ("caption", "я" * 40_000), ("headline", "\ufffe"),
    ("keywords", ["a", "b"]), ("keywords", ["a\nb"]), ("keywords", ["tab\there"]), ("keywords", ["back\\slash"]),
    ("creator", 'Ivan "Vanya" Petrov'), ("creator", '"A; B"; C'),
]  # fmt: skip


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``): a server picks the
    candidates in its SQL and the rules decide in Python (``attention`` module doc)."""
    return backend_catalog


def _as_stored(catalog: Catalog, value: object) -> object:
    """``value`` as the catalog keeps it: a server's text holds U+FFFD where a NUL was."""
    if dialect(catalog.conn) == "sqlite":
        return value
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    return [v.replace("\x00", "\ufffd") for v in value] if isinstance(value, list) else value


def _valid(name: str, value: object) -> bool:
    try:
        validate_value(name, value)
    except ValidationError:
        return False
    return True


def _add(catalog: Catalog, index: int, values: dict) -> int:
    record = {
        "sha256": f"{index:064x}",
        "original_path": f"x/{index}.jpg",
        "original_name": f"{index}.jpg",
        "source_path": f"/card/{index}.jpg",
        "size": 1,
        "format": "JPEG",
        "imported_at": "2015-08-10T00:00:00+00:00",
        # stored as an import keeps it: not validated
        **{name: to_column(name, value) for name, value in {**COMPLETE, **values}.items()},
    }
    return catalog.add_photo(record)


def test_needing_attention_agrees_with_the_validator(catalog: Catalog) -> None:
    with transaction(catalog.conn):
        ids = {_add(catalog, i, {name: value}): (name, value) for i, (name, value) in enumerate(VALUES)}
    listed = set(needing_attention(catalog))
    wrong = [ids[pid] for pid in ids if (pid in listed) == _valid(ids[pid][0], _as_stored(catalog, ids[pid][1]))]
    assert not wrong, wrong
    assert any(not _valid(*v) for v in ids.values()) and any(_valid(*v) for v in ids.values())


@pytest.mark.parametrize("count", [20_000])
def test_the_rule_stays_quick_on_a_large_archive(catalog: Catalog, count: int, monkeypatch) -> None:
    """The validator (~0.1 ms a photo) is asked of the few photos SQL cannot clear, not of every
    one: counted, not timed (the machines are shared)."""
    values = {
        "caption": "Soviet landing at Cape Kokutan.\n\nA long caption. " * 5,
        "date_created": "2015-08-18T10:31:00+11:00",
        "country_code": "RUS",
        "web_statement": "https://example.org/rights",
        "keywords": ["Shumshu", "1945"],
        "city": "Shumshu",
    }
    with transaction(catalog.conn):
        for i in range(count):
            _add(catalog, i, values)
        _add(catalog, count, {**values, "country_code": "XX"})
    asked: list[object] = []
    validator = attention.invalid_fields

    def counting(values):
        asked.append(values)
        return validator(values)

    monkeypatch.setattr(attention, "invalid_fields", counting)
    assert needing_attention(catalog) == [count + 1]
    assert needing_attention(catalog, among=[count, count + 1, count + 5]) == [count + 1]
    assert 0 < len(asked) <= 10, len(asked)  # the photo with "XX" (and none of the 20,000 others)
