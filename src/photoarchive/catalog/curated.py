"""Curated fields as the catalog stores them: columns of ``photos`` (keywords as JSON lists, the
structured fields as JSON objects or arrays).

Reading goes through here; every change goes through ``photoarchive.edits`` so that it is
validated, made in one transaction and recorded in the edit history.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.connection import dialect, select_in
from photoarchive.catalog.dialect import json_values, like_nocase, nocase
from photoarchive.catalog.translations import default_language, load_keyed, load_translations, parse_key
from photoarchive.model import CURATED_FIELD_NAMES, CuratedFields
from photoarchive.model.curated import (
    INTEGER_FIELDS,
    LIST_FIELDS,
    PER_LANGUAGE_FIELDS,
    STRUCT_FIELDS,
    STRUCTURED_FIELDS,
)

# Photo columns an edit may change besides the curated fields: the GPS position shown, and the
# gazetteer place shown (0004_places), stored as they are.
POSITION_FIELDS = ("latitude", "longitude", "altitude", "gps_source", "place_id")
# The standards' disagreements found when the file was read: [{field, values, chosen}]. An
# edit that sets a field settles its conflict, and a re-read replaces them; both are recorded
# in the history like any field, so that undo brings a conflict back with the old value.
CONFLICTS = "conflicts"
EDITABLE_FIELDS: tuple[str, ...] = (*CURATED_FIELD_NAMES, *POSITION_FIELDS, CONFLICTS)


def to_column(field: str, value: Any) -> Any:
    """A Python value as stored in its column (a per-language value as text)."""
    if field in LIST_FIELDS or field == CONFLICTS:
        return json.dumps(list(value or []), ensure_ascii=False)
    if field in STRUCTURED_FIELDS:
        return json.dumps(value or ({} if field in STRUCT_FIELDS else []), ensure_ascii=False)
    if field in POSITION_FIELDS or field in INTEGER_FIELDS:
        return value
    return "" if value is None else str(value)


def from_column(field: str, value: Any) -> Any:
    if field in LIST_FIELDS or field == CONFLICTS:
        return json.loads(value or "[]")
    if field in STRUCTURED_FIELDS:
        return json.loads(value or ("{}" if field in STRUCT_FIELDS else "[]"))
    return value


def load_fields(catalog: Catalog, photo_ids: Sequence[int]) -> dict[int, CuratedFields]:
    """The curated fields of these photos, by id (missing ids are left out), as files carry
    them: ``translations`` holds every stored language and, when there is one, the default
    language too (a copy of the x-default value), so that a file says which language its
    x-default is in and another archive with another default language reads it right."""
    columns = ", ".join(CURATED_FIELD_NAMES)
    rows = select_in(catalog.conn, f"SELECT id, {columns} FROM photos WHERE id IN ({{ids}})", photo_ids)
    loaded = {
        row["id"]: CuratedFields(**{name: from_column(name, row[name]) for name in CURATED_FIELD_NAMES}) for row in rows
    }
    stored = load_translations(catalog, list(loaded))
    default = default_language(catalog) if stored else None
    for photo_id, languages in stored.items():
        fields = loaded[photo_id]
        own = {name: getattr(fields, name) for name in PER_LANGUAGE_FIELDS if not _is_fallback(fields, name, languages)}
        fields.translations = {**({default: own} if default and own else {}), **languages}
    return loaded


def _is_fallback(fields: CuratedFields, name: str, languages: dict[str, dict[str, str]]) -> bool:
    """Whether the field's value is not the default language's own: empty, or the text of
    another language (kept as x-default when the default language changed and the photo had
    nothing in the new one: ``edits.set_archive_languages``)."""
    value = getattr(fields, name)
    return not value or any(texts.get(name) == value for texts in languages.values())


@dataclass(frozen=True)
class Localized:
    """A photo's curated fields in one language: the per-language fields hold that language's
    values, and ``fallbacks`` names those that had none and kept the x-default value."""

    fields: CuratedFields
    language: str
    fallbacks: tuple[str, ...] = ()


def localized_fields(catalog: Catalog, photo_ids: Sequence[int], language: str | None) -> dict[int, Localized]:
    """The curated fields of these photos in ``language`` (None or the default language: the
    columns as they are), each per-language field falling back to x-default where the photo
    has no value in that language (an empty x-default is no fallback). ``translations`` is
    left as stored, every language kept (a publication's files keep them all)."""
    return localize(load_fields(catalog, photo_ids), default_language(catalog), language)


def localize(loaded: dict[int, CuratedFields], default: str | None, language: str | None) -> dict[int, Localized]:
    """``localized_fields`` of fields already read (``load_fields``), the archive's default
    language given: what a publication in several languages reads once. ``loaded`` is not
    changed (the default language's result holds its fields themselves)."""
    result = {}
    for photo_id, fields in loaded.items():
        if language is None or language == default:
            others = {tag: texts for tag, texts in fields.translations.items() if tag != default}
            fallbacks = tuple(
                n
                for n in PER_LANGUAGE_FIELDS
                if language is not None and getattr(fields, n) and _is_fallback(fields, n, others)
            )
            result[photo_id] = Localized(fields, language or default or "x-default", fallbacks)
            continue
        own = fields.translations.get(language, {})
        fallbacks = tuple(n for n in PER_LANGUAGE_FIELDS if not own.get(n) and getattr(fields, n))
        # Each per-language field is text; mypy cannot follow that through the names.
        texts: dict[str, Any] = {n: own[n] for n in PER_LANGUAGE_FIELDS if own.get(n)}
        changed = replace(fields, **texts)
        result[photo_id] = Localized(changed, language, fallbacks)
    return result


def load_values(catalog: Catalog, photo_ids: Sequence[int], fields: Sequence[str]) -> dict[int, dict[str, Any]]:
    """Current values of some editable fields, by photo id; a ``translation_key``
    (``caption[ru]``) gives that language's value, "" when it has none."""
    keyed = [f for f in fields if parse_key(f) is not None]
    unknown = [f for f in fields if f not in EDITABLE_FIELDS and f not in keyed]
    if unknown:
        raise ValueError(f"not editable fields: {', '.join(unknown)}")
    columns = ", ".join(["id", *(f for f in fields if f not in keyed)])
    rows = select_in(catalog.conn, f"SELECT {columns} FROM photos WHERE id IN ({{ids}})", photo_ids)
    values = {row["id"]: {f: from_column(f, row[f]) for f in fields if f not in keyed} for row in rows}
    if keyed:
        for photo_id, texts in load_keyed(catalog.conn, list(values), keyed).items():
            values[photo_id].update(texts)
    return values


def load_records(catalog: Catalog, photo_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Curated fields, ``gps_source``, ``conflicts`` and ``translations`` of these photos in
    one pass, by id (for ``show --json`` and ``list --json``); keywords and conflicts as lists.
    The fields hold the default language's values (x-default); ``translations`` every other
    language's: {"ru": {"caption": ..., "title": ...}}, languages with nothing left out."""
    records = load_values(catalog, photo_ids, (*CURATED_FIELD_NAMES, "gps_source", CONFLICTS))
    stored = load_translations(catalog, list(records))
    for photo_id, record in records.items():
        record["translations"] = stored.get(photo_id, {})
    return records


def conflicts(catalog: Catalog, photo_id: int) -> list[dict[str, Any]]:
    row = catalog.conn.execute("SELECT conflicts FROM photos WHERE id = ?", (photo_id,)).fetchone()
    return [] if row is None else json.loads(row[0])


def gps_source(catalog: Catalog, photo_id: int) -> str | None:
    row = catalog.conn.execute("SELECT gps_source FROM photos WHERE id = ?", (photo_id,)).fetchone()
    return None if row is None else row[0]


def keywords_in_use(catalog: Catalog) -> list[str]:
    """Every keyword used on some photo, sorted case-insensitively (for completion)."""
    return _values_in_use(catalog, "keywords")


def persons_in_use(catalog: Catalog) -> list[str]:
    """Every person shown on some photo, sorted case-insensitively (for completion)."""
    return _values_in_use(catalog, "persons_shown")


def _values_in_use(catalog: Catalog, column: str) -> list[str]:
    """The values of a list column on every photo, each once, sorted without regard to the case
    of A-Z (NOCASE on both: the same order on a server)."""
    found = dialect(catalog.conn)
    rows = catalog.conn.execute(
        f"SELECT value FROM (SELECT DISTINCT j.value AS value FROM photos p, {json_values(found, f'p.{column}', 'j')}"
        f" WHERE p.{column} != '[]') AS used ORDER BY {nocase(found, 'value')}"
    )
    return [r[0] for r in rows]


def cameras_in_use(catalog: Catalog) -> list[str]:
    """Every camera model some photo was taken with, sorted case-insensitively (for completion)."""
    rows = catalog.conn.execute("SELECT DISTINCT camera_model FROM photos WHERE coalesce(camera_model, '') <> ''")
    return sorted({str(r[0]) for r in rows}, key=str.casefold)


def has_photos(catalog: Catalog) -> bool:
    return bool(catalog.conn.execute("SELECT EXISTS (SELECT 1 FROM photos)").fetchone()[0])


def has_rejects(catalog: Catalog) -> bool:
    """Whether some photo is flagged as a reject (read through the flag's index)."""
    return bool(catalog.conn.execute("SELECT EXISTS (SELECT 1 FROM photos WHERE flag = 'reject')").fetchone()[0])


KEYWORD_LEVELS = "|"  # as Lightroom writes hierarchical keywords: "Places|Russia|Shumshu"


def keyword_path(value: str) -> tuple[str, ...]:
    """The levels of a hierarchical keyword, stripped, without empty ones."""
    return tuple(level.strip() for level in value.split(KEYWORD_LEVELS) if level.strip())


def keyword_path_counts(catalog: Catalog) -> dict[tuple[str, ...], int]:
    """How many photos carry each level of the hierarchical keywords or a keyword below it: a
    photo with "Places|Russia|Shumshu" counts in ("Places",), ("Places", "Russia") and the
    whole path, once each however many of its keywords lie below."""
    counts: dict[tuple[str, ...], int] = {}
    rows = catalog.conn.execute(
        f"SELECT p.id, j.value FROM photos p, {json_values(dialect(catalog.conn), 'p.hierarchical_keywords', 'j')}"
        " WHERE p.hierarchical_keywords != '[]' ORDER BY p.id"
    )
    current: int | None = None
    seen: set[tuple[str, ...]] = set()
    for photo_id, value in rows:
        if photo_id != current:
            current, seen = photo_id, set()
        levels = keyword_path(str(value))
        for depth in range(1, len(levels) + 1):
            prefix = levels[:depth]
            if prefix not in seen:
                seen.add(prefix)
                counts[prefix] = counts.get(prefix, 0) + 1
    return counts


def photo_ids_with_keyword_path(catalog: Catalog, path: Sequence[str]) -> set[int]:
    """Photos carrying this hierarchical keyword or one below it."""
    wanted = tuple(path)
    found = dialect(catalog.conn)  # a first sieve: the paths are compared below
    rows = catalog.conn.execute(
        f"SELECT p.id, j.value FROM photos p, {json_values(found, 'p.hierarchical_keywords', 'j')}"
        f" WHERE j.value {like_nocase(found)} ?",
        (f"%{wanted[-1]}%",) if wanted else ("%",),
    )
    return {r[0] for r in rows if keyword_path(str(r[1]))[: len(wanted)] == wanted}
