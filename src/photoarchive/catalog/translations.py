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

from collections.abc import Sequence

from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.connection import select_in, set_setting, setting, transaction
from photoarchive.catalog.language_rows import (
    LANGUAGES_SETTING,
    from_file,
    key_for,
    load_keyed,
    normalized_key,
    parse_key,
    record_from_file,
    store,
    translation_key,
)
from photoarchive.model.curated import PER_LANGUAGE_FIELDS

# The rows' names and storage are language_rows' (which the catalog's class imports); they are
# part of this API, so they are named here too.
__all__ = [
    "LANGUAGES_SETTING",
    "default_language",
    "from_file",
    "key_for",
    "languages",
    "languages_in_use",
    "load_keyed",
    "load_translations",
    "normalized_key",
    "parse_key",
    "photos_to_relabel",
    "record_from_file",
    "set_languages",
    "store",
    "translation_key",
]


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
    return [tag for tag in (setting(catalog.conn, LANGUAGES_SETTING) or "").split(",") if tag]


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
            set_setting(catalog.conn, LANGUAGES_SETTING, ",".join(unique))
        else:
            catalog.conn.execute("DELETE FROM settings WHERE key = ?", (LANGUAGES_SETTING,))
    return unique
