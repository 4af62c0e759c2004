"""Curated fields as the catalog stores them: columns of ``photos`` (keywords as JSON lists).

Reading goes through here; every change goes through ``photoarchive.edits`` so that it is
validated, made in one transaction and recorded in the edit history.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pycountry

from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.connection import select_in
from photoarchive.metadata.fields import FIELDS_BY_NAME, Input
from photoarchive.metadata.validate import URL_FORBIDDEN, invalid_fields
from photoarchive.model import CURATED_FIELD_NAMES, CuratedFields
from photoarchive.model.curated import LIST_FIELDS

# Photo columns an edit may change besides the curated fields: the GPS position shown, and the
# gazetteer place shown (0004_places), stored as they are.
POSITION_FIELDS = ("latitude", "longitude", "altitude", "gps_source", "place_id")
# The standards' disagreements found when the file was read: [{field, values, chosen}]. An
# edit that sets a field settles its conflict, and a re-read replaces them; both are recorded
# in the history like any field, so that undo brings a conflict back with the old value.
CONFLICTS = "conflicts"
EDITABLE_FIELDS: tuple[str, ...] = (*CURATED_FIELD_NAMES, *POSITION_FIELDS, CONFLICTS)


def to_column(field: str, value: Any) -> Any:
    """A Python value as stored in its column."""
    if field in LIST_FIELDS or field == CONFLICTS:
        return json.dumps(list(value or []), ensure_ascii=False)
    if field in POSITION_FIELDS:
        return value
    return "" if value is None else str(value)


def from_column(field: str, value: Any) -> Any:
    if field in LIST_FIELDS or field == CONFLICTS:
        return json.loads(value or "[]")
    return value


def load_fields(catalog: Catalog, photo_ids: Sequence[int]) -> dict[int, CuratedFields]:
    """The curated fields of these photos, by id (missing ids are left out)."""
    columns = ", ".join(CURATED_FIELD_NAMES)
    rows = select_in(catalog.conn, f"SELECT id, {columns} FROM photos WHERE id IN ({{ids}})", photo_ids)
    return {
        row["id"]: CuratedFields(**{name: from_column(name, row[name]) for name in CURATED_FIELD_NAMES}) for row in rows
    }


def load_values(catalog: Catalog, photo_ids: Sequence[int], fields: Sequence[str]) -> dict[int, dict[str, Any]]:
    """Current values of some editable fields, by photo id."""
    unknown = [f for f in fields if f not in EDITABLE_FIELDS]
    if unknown:
        raise ValueError(f"not editable fields: {', '.join(unknown)}")
    rows = select_in(catalog.conn, f"SELECT id, {', '.join(fields)} FROM photos WHERE id IN ({{ids}})", photo_ids)
    return {row["id"]: {f: from_column(f, row[f]) for f in fields} for row in rows}


def load_records(catalog: Catalog, photo_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Curated fields, ``gps_source`` and ``conflicts`` of these photos in one pass, by id
    (for ``show --json`` and ``list --json``); keywords and conflicts as lists."""
    return load_values(catalog, photo_ids, (*CURATED_FIELD_NAMES, "gps_source", CONFLICTS))


def conflicts(catalog: Catalog, photo_id: int) -> list[dict[str, Any]]:
    row = catalog.conn.execute("SELECT conflicts FROM photos WHERE id = ?", (photo_id,)).fetchone()
    return [] if row is None else json.loads(row[0])


def gps_source(catalog: Catalog, photo_id: int) -> str | None:
    row = catalog.conn.execute("SELECT gps_source FROM photos WHERE id = ?", (photo_id,)).fetchone()
    return None if row is None else row[0]


def keywords_in_use(catalog: Catalog) -> list[str]:
    """Every keyword used on some photo, sorted case-insensitively (for completion)."""
    rows = catalog.conn.execute(
        "SELECT DISTINCT value FROM photos, json_each(photos.keywords) ORDER BY value COLLATE NOCASE"
    )
    return [r[0] for r in rows]


# A stored value that does not validate: an import keeps what a file held, with a warning,
# and write and export leave it out, so the curator must see it. The validator itself
# (metadata.validate) is the rule, but running it over every value of every photo takes
# seconds (100,000 photos: about 9 s), too long for a list shown at every refresh. So SQL
# picks candidates: values that are not plainly valid (a control character, over 64 KB, a date
# not in the stored ISO forms, a country code not in ISO 3166-1, a URL not plainly http(s)),
# a superset of the invalid ones; the validator decides on those alone (INVALID_FUNCTION).
INVALID_FUNCTION = "photoarchive_invalid"
_MAX_BYTES = 64 * 1024


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
    """SQL true when the value of field ``name`` may not validate (see above)."""
    spec = FIELDS_BY_NAME[name]
    if name in LIST_FIELDS:  # JSON escapes control characters (\n, \u0007) and lone surrogates
        return f"({name} GLOB '*\\[bfnrtu]*' OR {_has(name, _control(False))} OR length(CAST({name} AS BLOB)) > {_MAX_BYTES})"
    checks = [_has(name, _control(spec.multiline)), f"length(CAST({name} AS BLOB)) > {_MAX_BYTES}"]
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


def _invalid(name: str, value: str) -> int:
    return int(bool(invalid_fields({name: from_column(name, value)})))


ATTENTION_REASONS = {
    "caption": "caption = ''",
    "creator or credit": "creator = '' AND credit = ''",
    "copyright": "copyright = ''",
    "conflicts": "conflicts <> '[]'",
    "a value that does not validate": " OR ".join(_candidate(name) for name in CURATED_FIELD_NAMES),
}


def needing_attention(catalog: Catalog) -> list[int]:
    """Photos missing a caption, a creator or credit, or a copyright notice, with conflicts, or
    with a value that does not validate."""
    catalog.conn.create_function(INVALID_FUNCTION, 2, _invalid, deterministic=True)
    where = " OR ".join(f"({clause})" for clause in ATTENTION_REASONS.values())
    return [r[0] for r in catalog.conn.execute(f"SELECT id FROM photos WHERE {where} ORDER BY id")]
