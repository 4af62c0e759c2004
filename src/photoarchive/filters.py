"""The filter grammar: one language for ``list --filter``, the window's filter bar and smart
collections. Pure: text in, terms out; ``catalog.filters`` turns the terms into SQL.

A filter is tokens separated by white space; every token must hold (they AND together; there
is no OR: two searches, or a smart collection each, do what OR would). A token is

- a plain word, or a "quoted phrase": the photo's text contains it (as ``--search`` finds
  words; a phrase must occur as written, spaces included);
- ``field:value`` (the value may be quoted: ``place:"Height 171"``), or for ``rating`` a
  comparison ``rating>=4`` (``=``, ``>=``, ``<=``, ``>``, ``<``; ``rating:4`` is ``rating=4``);
- either of those with ``-`` before it, which negates it (``-has:credit``, ``-tank``).

Fields: ``rating`` (0-5; a photo without a rating counts as 0, as Lightroom shows it),
``label:red|yellow|green|blue|purple|none``, ``flag:pick|reject|none``, ``keyword:K`` (a
keyword equal to K whatever its case, or one level of a hierarchical keyword),
``place:NAME`` (the place of that name, in any of its languages, and every place inside it),
``camera:TEXT`` (in the camera's make or model), ``date:WHEN`` (the capture date: a day
2015-08-10, a month 2015-08, a year 2015, or a range ``A..B`` of those with either end left
open: ``date:..1945-09-02``; a photo without a capture date matches no date), and ``has:WHAT``
(``HAS_NAMES``: every curated field by its name, and ``gps`` and ``place``),
``person:NAME`` (a person shown whose name holds NAME, whatever its case: ``person:ivanov``
finds "Ivanov, Pyotr") and ``source-type:TERM`` (the digital source type: a term of IPTC's
vocabulary by its short name, ``negativeFilm``, ``print``, ..., or ``none``).

A token that does not read raises ``FilterSyntaxError`` naming it and its 1-based position.
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from photoarchive.errors import ValidationError
from photoarchive.model.curated import CURATED_FIELD_NAMES, FIELDS_BY_NAME

RATINGS = range(0, 6)
LABELS = ("red", "yellow", "green", "blue", "purple")
FLAGS = ("pick", "reject")
# has:NAME for every curated field (derived from the one declaration), the position and the
# gazetteer place.
HAS_NAMES: tuple[str, ...] = (*CURATED_FIELD_NAMES, *(n for n in ("gps", "place") if n not in CURATED_FIELD_NAMES))
FIELDS = ("rating", "label", "flag", "keyword", "place", "camera", "date", "has", "person", "source-type")
# source-type:TERM: the digital source type's short names (the URI's last segment) and URIs.
SOURCE_TYPES: dict[str, str] = {
    choice.aliases[0].casefold(): choice.value for choice in FIELDS_BY_NAME["digital_source_type"].choices
}
# Words a user may reach for, and the field they mean (for "did you mean").
SYNONYMS = {
    "colour": "label",
    "color": "label",
    "stars": "rating",
    "star": "rating",
    "keywords": "keyword",
    "tag": "keyword",
    "tags": "keyword",
    "location": "place",
    "where": "place",
    "make": "camera",
    "model": "camera",
    "captured": "date",
    "when": "date",
    "pick": "flag",
    "persons": "person",
    "people": "person",
    "sourcetype": "source-type",
    "source_type": "source-type",
    "digital-source-type": "source-type",
}
COMPARISONS = (">=", "<=", "=", ">", "<")

_FIELD = re.compile(r"([A-Za-z_][A-Za-z_-]*)(>=|<=|=|>|<|:)")
_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class FilterSyntaxError(ValidationError):
    """A filter token that does not read; ``token`` and ``position`` (1-based) say which."""

    def __init__(self, message: str, token: str, position: int) -> None:
        super().__init__(message, field="filter")
        self.token = token
        self.position = position


@dataclass(frozen=True)
class Term:
    """One token, read. ``value`` by field: ``text`` a word or phrase (``phrase`` says which),
    ``rating`` the frozenset of ratings accepted, ``label``/``flag`` the value ('' = none),
    ``keyword``/``place``/``camera`` the text, ``date`` (first day, day after the last) as ISO
    text with either None for an open end, ``has`` the name."""

    field: str
    value: object
    negated: bool = False
    position: int = 1
    token: str = ""
    phrase: bool = False


def parse(text: str) -> tuple[Term, ...]:
    """The terms of a filter, in the order written; raises FilterSyntaxError."""
    return tuple(_term(token, start) for token, start in _tokens(text))


def _tokens(text: str) -> list[tuple[str, int]]:
    """(token as written, its 0-based start): white space inside quotes stays in the token."""
    tokens: list[tuple[str, int]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        while i < n and not text[i].isspace():
            if text[i] == '"':
                end = text.find('"', i + 1)
                if end < 0:
                    raise FilterSyntaxError(f"unclosed quote at {i + 1}: {text[i:]}", text[start:], i + 1)
                i = end
            i += 1
        tokens.append((text[start:i], start))
    return tokens


def _term(token: str, start: int) -> Term:
    position = start + 1
    negated = token.startswith("-")
    body = token[1:] if negated else token
    if negated and not body:
        raise FilterSyntaxError(f'nothing to negate at {position}: "-" stands alone', token, position)
    at = position + (1 if negated else 0)
    match = _FIELD.match(body)
    if match is None:  # a word or a phrase
        text = body.replace('"', "")
        if not text.strip():
            raise FilterSyntaxError(f"empty quotes at {at}", token, at)
        return Term("text", text, negated, position, token, phrase='"' in body and len(text.split()) > 1)
    name, operator, value = match.group(1).lower(), match.group(2), body[match.end() :].replace('"', "")
    if name not in FIELDS:
        raise FilterSyntaxError(f'unknown field "{match.group(1)}" at {at}{_suggest(name, FIELDS)}', token, at)
    value_at = at + match.end()
    if operator != ":" and name != "rating":
        raise FilterSyntaxError(f'{name} takes {name}:VALUE, not "{operator}" at {at}', token, at)
    if not value.strip():
        raise FilterSyntaxError(f"{name}: needs a value at {at}", token, at)
    read = _READERS[name]
    return Term(name, read(value, operator, token, value_at), negated, position, token)


def _rating(value: str, operator: str, token: str, at: int) -> frozenset[int]:
    if not (value.isdigit() and int(value) in RATINGS):
        raise FilterSyntaxError(f'rating takes a number from 0 to 5, not "{value}" at {at}', token, at)
    n = int(value)
    tests = {":": n.__eq__, "=": n.__eq__, ">=": n.__le__, "<=": n.__ge__, ">": n.__lt__, "<": n.__gt__}
    return frozenset(r for r in RATINGS if tests[operator](r))


def _choice(choices: tuple[str, ...], field: str) -> Callable[[str, str, str, int], str]:
    def read(value: str, _operator: str, token: str, at: int) -> str:
        word = value.lower()
        if word == "none":
            return ""
        if word not in choices:
            options = ", ".join((*choices, "none"))
            raise FilterSyntaxError(
                f'{field} takes {options}; not "{value}" at {at}{_suggest(word, choices)}', token, at
            )
        return word

    return read


def _text(value: str, _operator: str, _token: str, _at: int) -> str:
    return value.strip()


def _has(value: str, _operator: str, token: str, at: int) -> str:
    name = value.lower()
    if name not in HAS_NAMES:
        raise FilterSyntaxError(f'has: knows no "{value}" at {at}{_suggest(name, HAS_NAMES)}', token, at)
    return name


def _source_type(value: str, _operator: str, token: str, at: int) -> str:
    """The URI of a digital source type's short name ("" for none)."""
    word = value.strip().casefold()
    if word == "none":
        return ""
    if word in SOURCE_TYPES:
        return SOURCE_TYPES[word]
    if value.strip() in SOURCE_TYPES.values():
        return value.strip()
    names = tuple(SOURCE_TYPES)
    raise FilterSyntaxError(
        f"source-type takes a term of IPTC's digital source types ({', '.join(c for c in names[:4])}, ...)"
        f' or none; not "{value}" at {at}{_suggest(word, names)}',
        token,
        at,
    )


def _date(value: str, _operator: str, token: str, at: int) -> tuple[str | None, str | None]:
    first, dots, last = value.partition("..")
    if dots and not first and not last:
        raise FilterSyntaxError(f'date: ".." needs a start or an end at {at}', token, at)
    start = _when(first, token, at, end=False) if first else None
    stop = _when(last if dots else first, token, at + len(first) + len(dots), end=True) if (last or not dots) else None
    if start is not None and stop is not None and start >= stop:
        raise FilterSyntaxError(f'date: the range "{value}" ends before it starts at {at}', token, at)
    return start, stop


def _when(text: str, token: str, at: int, *, end: bool) -> str:
    """The first day of a day, month or year; with ``end``, the day after its last."""
    match = _DAY.fullmatch(text)
    try:
        if match is None:
            raise ValueError(text)
        year, month, day = int(match.group(1)), match.group(2), match.group(3)
        first = date(year, int(month or 1), int(day or 1))
    except ValueError:
        raise FilterSyntaxError(
            f'date takes a day (2015-08-10), a month (2015-08) or a year (2015), not "{text}" at {at}', token, at
        ) from None
    if not end:
        return first.isoformat()
    if day:
        last = first
    elif month:
        last = first.replace(day=calendar.monthrange(year, first.month)[1])
    else:
        last = first.replace(month=12, day=31)
    return date.fromordinal(last.toordinal() + 1).isoformat() if last < date.max else "9999-12-32"


_READERS = {
    "rating": _rating,
    "label": _choice(LABELS, "label"),
    "flag": _choice(FLAGS, "flag"),
    "keyword": _text,
    "place": _text,
    "camera": _text,
    "date": _date,
    "has": _has,
    "person": _text,
    "source-type": _source_type,
}


def _suggest(word: str, names: tuple[str, ...]) -> str:
    guess = SYNONYMS.get(word) if names is FIELDS else None
    if guess is None:
        close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
        guess = close[0] if close else None
    return f': did you mean "{guess}"?' if guess else ""
