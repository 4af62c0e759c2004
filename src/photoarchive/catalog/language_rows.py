"""The rows of per-language values (0014_translations) and the names edits give them, for
whatever reads or writes them without the catalog's class: the edit history, the columns'
readers, and ``Catalog.add_photo`` (which stores an imported file's languages, and so cannot
import ``catalog.translations``, which takes a ``Catalog``). The API is ``catalog.translations``,
which names all of these too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from photoarchive.catalog.connection import Connection, select_in, setting
from photoarchive.errors import ValidationError
from photoarchive.model.curated import PER_LANGUAGE_FIELDS
from photoarchive.model.languages import normalize_language

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


def load_keyed(conn: Connection, photo_ids: Sequence[int], keys: Iterable[str]) -> dict[int, dict[str, str]]:
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


def store(conn: Connection, photo_id: int, key: str, value: str) -> None:
    """Set one language's value (inside the edit's transaction); an empty value removes it."""
    parsed = parse_key(key)
    if parsed is None:
        raise ValueError(f"{key!r} is not a per-language value")
    field, language = parsed
    if value:
        conn.execute(
            "INSERT INTO translations (photo_id, field, lang, value) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (photo_id, field, lang) DO UPDATE SET value = excluded.value",
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


def record_from_file(conn: Connection, photo_id: int, translations: Mapping[str, Mapping[str, str]]) -> None:
    """Store the languages a newly imported photo's file has (inside its transaction)."""
    default = (setting(conn, LANGUAGES_SETTING) or "").split(",")[0] or None
    for key, text in from_file(translations, default).items():
        if parse_key(key) is not None:
            store(conn, photo_id, key, text)
        else:
            conn.execute(f"UPDATE photos SET {key} = ? WHERE id = ?", (text, photo_id))
