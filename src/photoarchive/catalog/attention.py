""" "Needs attention": the rules that put a photo in that list, each declared once.

A photo needs attention when it has no caption (or none in a language the curator asked for:
``config languages``), no creator or credit, no copyright notice,
when the standards of its file (EXIF, IPTC IIM, XMP) disagreed on a field when it was read,
or when it holds a value that does not validate (an import keeps what a file held, with a
warning, and write and export leave that value out until it is corrected), or when its
position is far from the place assigned to it (``model.position.is_far_from_place``: a page
would say "Shumshu" over coordinates in Italy).

Each ``AttentionRule`` states its rule twice over the same values, as SQL for the catalog's
list (``needing_attention``) and as Python for one photo's values already read (``reasons``,
what the editor's notice shows); a test holds the two to each other. The GUI shows a rule by
its ``key``.

A value that does not validate: the validator itself (``metadata.validate``) is the rule, but
running it over every value of every photo takes seconds (100,000 photos: about 9 s), too long
for a list shown at every refresh. So SQL picks candidates: values that are not plainly valid
(a control character, over 64 KB, a date not in the stored ISO forms, a country code not in
ISO 3166-1, a URL not plainly http(s)), a superset of the invalid ones; the validator decides
on those alone (``INVALID_FUNCTION``).

A position far from its place: the distance is computed by the rule itself
(``FAR_FUNCTION``, over the places' positions read once per list); the Python side reads the
place's position and radius with the photo's values (``PLACE_REACH``, from ``load_attention_values``).

On a PostgreSQL server the catalog cannot call Python from its SQL: there a rule may state
``server``, SQL picking candidates (a superset: no validator, no distance, a date of the stored
shapes with a day past the 28th is a candidate) that ``reasons`` then decides on, row by row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pycountry

from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.connection import dialect, select_in
from photoarchive.catalog.curated import CONFLICTS, from_column, load_values
from photoarchive.catalog.places import place_reaches
from photoarchive.catalog.translations import LANGUAGES_SETTING, languages, load_translations
from photoarchive.metadata.fields import FIELDS_BY_NAME, Input
from photoarchive.metadata.validate import MAX_VALUE_BYTES, URL_FORBIDDEN, invalid_fields
from photoarchive.model import CURATED_FIELD_NAMES
from photoarchive.model.curated import LIST_FIELDS
from photoarchive.model.position import is_far_from_place

INVALID_FUNCTION = "photoarchive_invalid"
FAR_FUNCTION = "photoarchive_far_from_place"
# Not a column: the position and radius of a photo's place, (latitude, longitude, radius) or None.
PLACE_REACH = "place_reach"
_POSITION = ("latitude", "longitude", "gps_source", "place_id")


@dataclass(frozen=True)
class AttentionRule:
    """One reason for "Needs attention": ``sql`` is true of a ``photos`` row it holds for, and
    ``fields(values)`` names the fields it holds for in one photo's values (none: it does not).
    On a server, ``server`` is the rule's SQL instead of ``sql`` (None: ``sql`` is portable);
    with ``server_decides`` False it only picks candidates, which ``fields`` decides on."""

    key: str
    sql: str
    fields: Callable[[Mapping[str, Any]], list[str]]
    server: str | None = None
    server_decides: bool = True


def _has(column: str, chars: str) -> str:
    return f"({column} GLOB '*[{chars}]*' OR instr({column}, char(0)) > 0)"


def _control(multiline: bool) -> str:
    return "\x01-\x09" + ("" if multiline else "\x0a") + "\x0b-\x1f\x7f-\x9f\ufffe\uffff"


def _plain_date(column: str) -> str:
    """SQL true when ``column`` is plainly a valid ISO date as stored (a subset of valid); never
    NULL (``IS``, not ``=``: SQLite's date() is NULL for a month 13, and NOT NULL is NULL).
    The round trip through julianday() turns 30 February into 2 March, so it differs."""
    x, d = column, "[0-9][0-9][0-9][0-9]"
    time = f"substr({x}, 1, 19)"
    rest = f"substr({x}, 20)"
    return (
        f"({x} NOT GLOB '0000*' AND ("
        f"{x} GLOB '{d}'"
        f" OR ({x} GLOB '{d}-[01][0-9]' AND date(julianday({x} || '-01')) IS {x} || '-01')"
        f" OR ({x} GLOB '{d}-[01][0-9]-[0-3][0-9]' AND date(julianday({x})) IS {x})"
        f" OR ({x} GLOB '{d}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*'"
        f" AND datetime(julianday({time})) IS replace({time}, 'T', ' ')"
        f" AND ({rest} = '' OR {rest} GLOB '[+-]0[0-9]:[0-5][0-9]' OR {rest} GLOB '[+-]1[0-4]:[0-5][0-9]'))))"
    )


def _candidate(name: str) -> str:
    """SQL true when the value of field ``name`` may not validate (see the module doc)."""
    spec = FIELDS_BY_NAME[name]
    too_long = f"length(CAST({name} AS BLOB)) > {MAX_VALUE_BYTES}"
    if name in LIST_FIELDS:  # JSON escapes control characters (\n, \u0007) and lone surrogates
        return f"({name} GLOB '*\\[bfnrtu]*' OR {_has(name, _control(False))} OR {too_long})"
    checks = [_has(name, _control(spec.multiline)), too_long]
    if spec.input in (Input.DATE, Input.DATE_RANGE):
        checks.append(f"NOT {_plain_date(name)}")
    elif spec.input is Input.COUNTRY_CODE:
        codes = ", ".join(f"'{c.alpha_3}'" for c in pycountry.countries)
        checks.append(f"{name} NOT IN ({codes})")
    elif spec.input is Input.URL:
        forbidden = URL_FORBIDDEN.replace("\x00", "\x01")
        checks.append(
            f"NOT ({name} GLOB 'http://[^/?#{forbidden}]*' OR {name} GLOB 'https://[^/?#{forbidden}]*')"
            f" OR {_has(name, forbidden)}"
        )
    return f"({name} <> '' AND ({' OR '.join(checks)}) AND {INVALID_FUNCTION}('{name}', {name}))"


# A date text plainly valid in its stored shapes, on a server (a regular expression: no date
# arithmetic there, so a day past the 28th is left to the validator).
_PLAIN_DATE_RE = (
    "^(?!0000)[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8])"
    "(T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([+-](0[0-9]|1[0-4]):[0-5][0-9])?)?)?)?$"
)


def _candidate_on_a_server(name: str) -> str:
    """``_candidate`` without the validator, in PostgreSQL's SQL (a server's text holds no NUL;
    a number, the rating, is compared as its text, as SQLite compares it)."""
    spec, column = FIELDS_BY_NAME[name], name
    name = f"CAST({column} AS TEXT)"
    too_long = f"octet_length({name}) > {MAX_VALUE_BYTES}"
    if column in LIST_FIELDS:
        return f"({name} ~ '\\\\[bfnrtu]' OR {name} ~ '[{_control(False)}]' OR {too_long})"
    checks = [f"{name} ~ '[{_control(spec.multiline)}]'", too_long]
    if spec.input in (Input.DATE, Input.DATE_RANGE):
        checks.append(f"{name} !~ '{_PLAIN_DATE_RE}'")
    elif spec.input is Input.COUNTRY_CODE:
        codes = ", ".join(f"'{c.alpha_3}'" for c in pycountry.countries)
        checks.append(f"{name} NOT IN ({codes})")
    elif spec.input is Input.URL:
        forbidden = URL_FORBIDDEN.replace("\x00", "\x01")
        checks.append(f"{name} !~ '^https?://[^/?#{forbidden}]' OR {name} ~ '[{forbidden}]'")
    return f"({name} <> '' AND ({' OR '.join(checks)}))"


def _invalid(name: str, value: str) -> int:
    return int(bool(invalid_fields({name: from_column(name, value)})))


def _far(values: Mapping[str, Any]) -> list[str]:
    far = _is_far(values.get(PLACE_REACH), values["latitude"], values["longitude"], values["gps_source"])
    return ["latitude"] if far else []


def _is_far(
    reach: tuple[float, float, float | None] | None,
    latitude: float | None,
    longitude: float | None,
    gps_source: str | None,
) -> bool:
    """Whether the position is far from its place's (``reach``: latitude, longitude, radius)."""
    if reach is None or latitude is None or longitude is None:
        return False
    return is_far_from_place((latitude, longitude), gps_source, reach[:2], reach[2])


def _empty(*names: str) -> Callable[[Mapping[str, Any]], list[str]]:
    """The rule "all of these fields are empty"."""
    return lambda values: list(names) if not any(values[n] for n in names) else []


def _empty_sql(*names: str) -> str:
    return " AND ".join(f"{n} = ''" for n in names)


# Not columns: the languages asked for besides the default one (``config languages``), and
# those a photo has a caption in (``load_attention_values`` reads both).
ASKED_LANGUAGES = "asked_languages"
CAPTION_LANGUAGES = "caption_languages"
# The languages asked for besides the default, read by SQL from the settings ("en,ru,ja": a
# tag holds no quote or comma, so it is made a JSON array); json_each's key is the position.
_ASKED_SQL = (
    "SELECT l.value FROM json_each('[\"' || replace(coalesce((SELECT value FROM settings"
    f" WHERE key = '{LANGUAGES_SETTING}'), ''), ',', '\",\"') || '\"]') l WHERE l.key > 0 AND l.value <> ''"
)
_ASKED_SERVER_SQL = (
    "SELECT l.value FROM unnest(string_to_array(coalesce((SELECT value FROM settings"
    f" WHERE key = '{LANGUAGES_SETTING}'), ''), ',')) WITH ORDINALITY AS l(value, n) WHERE l.n > 1 AND l.value <> ''"
)
_LACKING_CAPTION = (
    " AND NOT EXISTS (SELECT 1 FROM translations t"
    " WHERE t.photo_id = photos.id AND t.field = 'caption' AND t.lang = l.value))"
)


def _lacking_languages(values: Mapping[str, Any]) -> list[str]:
    captioned = values.get(CAPTION_LANGUAGES, ())
    return [tag for tag in values.get(ASKED_LANGUAGES, ()) if tag not in captioned]


RULES: tuple[AttentionRule, ...] = (
    AttentionRule("caption", _empty_sql("caption"), _empty("caption")),
    AttentionRule("creator or credit", _empty_sql("creator", "credit"), _empty("creator", "credit")),
    AttentionRule("copyright", _empty_sql("copyright"), _empty("copyright")),
    # A caption lacking in a language the curator asked for (the default language's is the
    # caption itself, the rule above); its fields are the language tags.
    AttentionRule(
        "caption language",
        f"EXISTS ({_ASKED_SQL}{_LACKING_CAPTION}",
        _lacking_languages,
        server=f"EXISTS ({_ASKED_SERVER_SQL}{_LACKING_CAPTION}",
    ),
    AttentionRule(
        "conflicts", f"{CONFLICTS} <> '[]'", lambda values: [str(c.get("field", "")) for c in values[CONFLICTS]]
    ),
    AttentionRule(
        "invalid",
        " OR ".join(_candidate(name) for name in CURATED_FIELD_NAMES),
        lambda values: invalid_fields({n: values[n] for n in CURATED_FIELD_NAMES}),
        server=" OR ".join(_candidate_on_a_server(name) for name in CURATED_FIELD_NAMES),
        server_decides=False,
    ),
    AttentionRule(
        "far from place",
        f"place_id IS NOT NULL AND latitude IS NOT NULL AND longitude IS NOT NULL"
        f" AND {FAR_FUNCTION}(place_id, latitude, longitude, gps_source)",
        _far,
        server="place_id IS NOT NULL AND latitude IS NOT NULL AND longitude IS NOT NULL",
        server_decides=False,
    ),
)
# The columns the rules read, for whoever checks photos already in memory (with PLACE_REACH:
# ``load_attention_values`` reads both).
ATTENTION_FIELDS: tuple[str, ...] = (*CURATED_FIELD_NAMES, CONFLICTS, *_POSITION)


def load_attention_values(
    catalog: Catalog, photo_ids: list[int], fields: tuple[str, ...] | list[str] = ()
) -> dict[int, dict[str, Any]]:
    """``fields`` and every value the rules read, by photo id (what ``reasons`` takes)."""
    values = load_values(catalog, photo_ids, list(dict.fromkeys([*fields, *ATTENTION_FIELDS])))
    reaches = place_reaches(catalog) if any(v["place_id"] is not None for v in values.values()) else {}
    for photo in values.values():
        photo[PLACE_REACH] = reaches.get(photo["place_id"]) if photo["place_id"] is not None else None
    asked = languages(catalog)[1:]
    stored = load_translations(catalog, list(values)) if asked else {}
    for photo_id, photo in values.items():
        photo[ASKED_LANGUAGES] = asked
        photo[CAPTION_LANGUAGES] = {tag for tag, texts in stored.get(photo_id, {}).items() if texts.get("caption")}
    return values


def reasons(values: Mapping[str, Any]) -> list[tuple[AttentionRule, list[str]]]:
    """The rules one photo's values (every field of ``ATTENTION_FIELDS``) break, each with the
    fields it names; empty when the photo does not need attention."""
    found = [(rule, rule.fields(values)) for rule in RULES]
    return [(rule, fields) for rule, fields in found if fields]


def needing_attention(catalog: Catalog, among: Sequence[int] | None = None) -> list[int]:
    """The ids of the photos that break a rule, in order; with ``among``, only those of these
    photos (a page of the grid: the rules run over those rows alone, not the catalog)."""
    if dialect(catalog.conn) == "postgresql":
        return _needing_attention_on_a_server(catalog, among)
    assert isinstance(catalog.conn, sqlite3.Connection)
    catalog.conn.create_function(INVALID_FUNCTION, 2, _invalid, deterministic=True)
    reaches = place_reaches(catalog)

    def far(place_id: int, latitude: float, longitude: float, gps_source: str | None) -> int:
        return int(_is_far(reaches.get(place_id), latitude, longitude, gps_source))

    catalog.conn.create_function(FAR_FUNCTION, 4, far)
    where = " OR ".join(f"({rule.sql})" for rule in RULES)
    if among is None:
        return [r[0] for r in catalog.conn.execute(f"SELECT id FROM photos WHERE {where} ORDER BY id")]
    found = select_in(catalog.conn, f"SELECT id FROM photos WHERE id IN ({{ids}}) AND ({where})", list(among))
    return sorted(r[0] for r in found)


# Candidates whose values are read and decided by ``reasons`` at a time, on a server.
_DECIDED_AT_ONCE = 2_000


def _needing_attention_on_a_server(catalog: Catalog, among: Sequence[int] | None) -> list[int]:
    """``needing_attention`` on PostgreSQL: the rules its SQL decides list their photos; the
    candidates of the others are read and decided by ``reasons`` (module doc)."""
    decided = " OR ".join(f"({rule.server or rule.sql})" for rule in RULES if rule.server_decides)
    candidate = " OR ".join(f"({rule.server or rule.sql})" for rule in RULES if not rule.server_decides)
    columns, where = f"id, coalesce({decided}, FALSE)", f"({decided}) OR ({candidate})"
    if among is None:
        rows = catalog.conn.execute(f"SELECT {columns} FROM photos WHERE {where}").fetchall()
    else:
        rows = list(select_in(catalog.conn, f"SELECT {columns} FROM photos WHERE id IN ({{ids}}) AND ({where})", among))
    found = {int(row[0]) for row in rows if row[1]}
    undecided = sorted(int(row[0]) for row in rows if not row[1])
    for start in range(0, len(undecided), _DECIDED_AT_ONCE):
        values = load_attention_values(catalog, undecided[start : start + _DECIDED_AT_ONCE])
        found.update(photo_id for photo_id, photo in values.items() if reasons(photo))
    return sorted(found)
