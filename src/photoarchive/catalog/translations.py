"""Per-language values as the catalog stores them (0014_translations), and the archive's languages.

The per-language fields (``model.curated.PER_LANGUAGE_FIELDS``: title, headline, caption, alt
text) keep the archive's default language's value in their ``photos`` column, which is XMP's
x-default and what every reader of a photo has always read. Every other language's value is a
row of ``translations`` (photo, field, language, text); an empty text is no row.

Edits name one language's value of a field as ``caption[ru]`` (``translation_key``): that is
an editable field for ``edits.apply_edit`` like a column, recorded in the history as it is, so
that undo and redo restore one language and leave the others alone. The default language's
value is the column (``caption``); ``key_for(field, language, default)`` gives whichever.

The archive's languages are the ones the curator asks for, the first being the default (the
language of x-default): ``photoarchive config languages en,ru,ja``, stored in ``settings``.
Changing the default language moves the text between the columns and the rows, as a recorded
edit: ``edits.set_archive_languages``.

Reading a photo in one language with the fallback to x-default is
``catalog.curated.localized_fields``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from photoarchive.catalog.connection import select_in, transaction
from photoarchive.errors import ValidationError
from photoarchive.model.curated import PER_LANGUAGE_FIELDS
from photoarchive.model.languages import normalize_language

if TYPE_CHECKING:  # the catalog's own class records a photo's languages (add_photo)
    from photoarchive.catalog.catalog import Catalog

LANGUAGES_SETTING = "languages"  # settings key: "en,ru,ja", the default first

_KEY = re.compile(r"(?P<field>[a-z_]+)\[(?P<language>[A-Za-z0-9-]+)\]")


def translation_key(field: str, language: str) -> str:
    """The editable name of one language's value of a per-language field: ``caption[ru]``."""
    if field not in PER_LANGUAGE_FIELDS:
        raise ValueError(f"{field} has one value in every language")
    return f"{field}[{language}]"


def key_for(field: str, language: str | None, default: str | None) -> str:
    """The editable name of ``field`` in ``language``: the column itself for the default
    language (or no language), else ``translation_key``."""
    if language is None or language == default:
        return field
    return translation_key(field, language)


def parse_key(key: str) -> tuple[str, str] | None:
    """(field, language) of a ``translation_key``; None for any other name."""
    match = _KEY.fullmatch(key)
    if match is None or match["field"] not in PER_LANGUAGE_FIELDS:
        return None
    return match["field"], match["language"]


def normalized_key(key: str) -> str | None:
    """``caption[RUS]`` as ``caption[ru]`` (``ValidationError`` for a tag that is not BCP 47);
    None for a name that is not a per-language field with a language."""
    match = re.fullmatch(r"([a-z_]+)\[(.*)\]", key)
    if match is None or match[1] not in PER_LANGUAGE_FIELDS:
        return None
    return translation_key(match[1], normalize_language(match[2], name=match[1]))


def load_keyed(conn: sqlite3.Connection, photo_ids: Sequence[int], keys: Iterable[str]) -> dict[int, dict[str, str]]:
    """The values of these ``translation_key`` names, by photo ("" where none is stored)."""
    wanted = {parse_key(k): k for k in keys}
    wanted.pop(None, None)
    result: dict[int, dict[str, str]] = {pid: dict.fromkeys(wanted.values(), "") for pid in photo_ids}
    if not wanted:
        return result
    for row in select_in(
        conn, "SELECT photo_id, field, lang, value FROM translations WHERE photo_id IN ({ids})", photo_ids
    ):
        key = wanted.get((row[1], row[2]))
        if key is not None:
            result[row[0]][key] = row[3]
    return result


def store(conn: sqlite3.Connection, photo_id: int, key: str, value: str) -> None:
    """Set one language's value (inside the edit's transaction); an empty value removes it."""
    parsed = parse_key(key)
    if parsed is None:
        raise ValueError(f"{key!r} is not a per-language value")
    field, language = parsed
    if value:
        conn.execute(
            "INSERT OR REPLACE INTO translations (photo_id, field, lang, value) VALUES (?, ?, ?, ?)",
            (photo_id, field, language, value),
        )
    else:
        conn.execute(
            "DELETE FROM translations WHERE photo_id = ? AND field = ? AND lang = ?", (photo_id, field, language)
        )


def from_file(
    translations: Mapping[str, Mapping[str, str]], default: str | None, warnings: list[str] | None = None
) -> dict[str, str]:
    """A file's languages (``CuratedFields.translations``) as edits name them: the default
    language's values replace the x-default in the fields themselves (``caption``), every
    other language is a ``translation_key`` (``caption[ru]``). A tag that is not BCP 47 is
    left out, and said in ``warnings``."""
    values: dict[str, str] = {}
    for tag, texts in translations.items():
        try:
            language = normalize_language(tag)
        except ValidationError as error:
            if warnings is not None:
                warnings.append(f"{error}; its text was not read")
            continue
        for field, text in texts.items():
            if field in PER_LANGUAGE_FIELDS and text:
                values[key_for(field, language, default)] = text
    return values


def record_from_file(conn: sqlite3.Connection, photo_id: int, translations: Mapping[str, Mapping[str, str]]) -> None:
    """Store the languages a newly imported photo's file has (inside its transaction)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (LANGUAGES_SETTING,)).fetchone()
    default = (row[0].split(",")[0] or None) if row else None
    for key, text in from_file(translations, default).items():
        if parse_key(key) is not None:
            store(conn, photo_id, key, text)
        else:
            conn.execute(f"UPDATE photos SET {key} = ? WHERE id = ?", (text, photo_id))


def load_translations(catalog: Catalog, photo_ids: Sequence[int]) -> dict[int, dict[str, dict[str, str]]]:
    """Every stored language of these photos: {photo id: {language: {field: text}}}; photos
    with none are left out. Languages sorted, fields in the declaration's order."""
    found: dict[int, dict[str, dict[str, str]]] = {}
    rows = select_in(
        catalog.conn, "SELECT photo_id, field, lang, value FROM translations WHERE photo_id IN ({ids})", photo_ids
    )
    for photo_id, field, language, value in sorted(rows, key=lambda r: (r[0], r[2], PER_LANGUAGE_FIELDS.index(r[1]))):
        found.setdefault(photo_id, {}).setdefault(language, {})[field] = value
    return found


def languages_in_use(catalog: Catalog) -> list[str]:
    """The archive's languages, then every other language some photo has a value in: what the
    editor's language switch offers (the default language first)."""
    asked = languages(catalog)
    used = [r[0] for r in catalog.conn.execute("SELECT DISTINCT lang FROM translations ORDER BY lang")]
    return list(dict.fromkeys([*asked, *used]))


def languages(catalog: Catalog) -> list[str]:
    """The languages the curator asked for, the default first ([] when none was set)."""
    row = catalog.conn.execute("SELECT value FROM settings WHERE key = ?", (LANGUAGES_SETTING,)).fetchone()
    return [tag for tag in (row[0].split(",") if row else []) if tag]


def default_language(catalog: Catalog) -> str | None:
    """The language of x-default (the ``photos`` columns); None until the curator names one."""
    asked = languages(catalog)
    return asked[0] if asked else None


def photos_to_relabel(catalog: Catalog, language: str, *, with_text: bool) -> list[int]:
    """The photos a change of the default language to ``language`` concerns: those with a
    value in it, and with ``with_text`` every photo with a per-language field set."""
    rows = catalog.conn.execute("SELECT DISTINCT photo_id FROM translations WHERE lang = ?", (language,))
    ids = {r[0] for r in rows}
    if with_text:
        any_set = " OR ".join(f"{name} <> ''" for name in PER_LANGUAGE_FIELDS)
        ids.update(r[0] for r in catalog.conn.execute(f"SELECT id FROM photos WHERE {any_set}"))
    return sorted(ids)


def set_languages(catalog: Catalog, tags: Sequence[str]) -> list[str]:
    """Store the archive's languages (already normalised BCP 47 tags, the default first; an
    empty list forgets them); return them without repeats."""
    unique = list(dict.fromkeys(tags))
    with transaction(catalog.conn):
        if unique:
            catalog.conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (LANGUAGES_SETTING, ",".join(unique))
            )
        else:
            catalog.conn.execute("DELETE FROM settings WHERE key = ?", (LANGUAGES_SETTING,))
    return unique
