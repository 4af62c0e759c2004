"""A publication's language (issue 14): the theme's own words, the gazetteer's place names,
and the links between the languages of one export.

The theme's words ("Previous", "Location", "Date", ...) are English in the templates and
translated by a small message table in the theme, ``messages.json``: ``{"ru": {"Previous":
"Назад", ...}, "ja": {...}}``, with ``"@name"`` the language's own name for the language
switcher. A template writes ``{{ t("Previous") }}`` (``t("Photo {n}", n=3)`` with values). A
user's theme may carry its own ``messages.json``: its entries replace the default theme's one
by one, so a theme that adds a language or rewords one string needs nothing else. A word with
no entry in the language stays English, as the templates have it.

Why a table and not gettext through Jinja2's i18n extension: a theme is a folder a curator
copies and edits by hand; one JSON file is readable and editable there, whereas gettext wants
``.po`` files compiled to ``.mo`` (Babel, which the project does not otherwise need) for a
vocabulary of some thirty words without plural forms.

Place names: a photo's location fields were filled from its gazetteer place and the places
above it (``Place.location_field``); in a language the gazetteer has a name in, a field whose
value is still that place's main name is published with the name in the language. A field the
curator typed differently is theirs and is left as it is.
"""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from photoarchive.catalog import Catalog
from photoarchive.catalog.places import all_places, photo_places
from photoarchive.errors import ExportError
from photoarchive.model.place import IPTC_LOCATION_FIELDS, Place

MESSAGES = "messages.json"


@dataclass(frozen=True)
class Messages:
    """The theme's words in one language: ``messages("Previous")``, ``messages("Photo {n}", n=3)``."""

    language: str
    table: dict[str, str] = field(default_factory=dict)

    def __call__(self, text: str, **values: Any) -> str:
        words = self.table.get(text) or text
        return words.format(**values) if values else words

    @property
    def name(self) -> str:
        """The language's name in itself (``Русский``), for the language switcher."""
        return self.table.get("@name") or self.language


def load_messages(theme: Path | None, language: str) -> Messages:
    """The message table of ``language`` from the default theme, with the user's theme's over it.
    A tag with a region or script (``pt-BR``) takes its language's table (``pt``) under its own."""
    tables = [_read(importlib.resources.files("photoarchive").joinpath("resources", "themes", "default", MESSAGES))]
    if theme is not None and (Path(theme) / MESSAGES).is_file():
        tables.append(_read(Path(theme) / MESSAGES))
    base = language.split("-")[0]
    merged: dict[str, str] = {}
    for table in tables:
        merged.update(table.get(base, {}))
        if base != language:
            merged.update(table.get(language, {}))
    return Messages(language, merged)


def _read(path: Any) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ExportError(f"the theme's {MESSAGES} cannot be read ({error})") from error
    if not isinstance(data, dict) or not all(
        isinstance(t, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in t.items())
        for t in data.values()
    ):
        raise ExportError(f"the theme's {MESSAGES} must map each language to {{English text: translation}}")
    return data


@dataclass(frozen=True)
class PhotoPlaces:
    """The places of some photos and the gazetteer above them, read once (``read_places``) for
    their names in each language of a publication (``names_in_language``)."""

    assigned: dict[int, int]  # photo id -> its place's id (photos without a place left out)
    places: dict[int, Place]  # every place, by id (empty when no photo has one)


def read_places(catalog: Catalog, photo_ids: Sequence[int]) -> PhotoPlaces:
    assigned = {pid: place for pid, place in photo_places(catalog, photo_ids).items() if place is not None}
    return PhotoPlaces(assigned, {place.id: place for place in all_places(catalog)} if assigned else {})


def names_in_language(read: PhotoPlaces, language: str) -> dict[int, dict[str, tuple[str, str]]]:
    """{photo id: {location field: (the place's main name, its name in ``language``)}} for the
    places (and the places above them) of these photos that have a name in the language."""
    places = read.places
    found: dict[int, dict[str, tuple[str, str]]] = {}
    for photo_id, place_id in read.assigned.items():
        names: dict[str, tuple[str, str]] = {}
        current: Place | None = places.get(place_id)
        seen: set[int] = set()
        while current is not None and current.id not in seen:
            seen.add(current.id)
            field_name = current.location_field
            translated = name_in(current, language)
            if field_name in IPTC_LOCATION_FIELDS and translated and field_name not in names:
                names[field_name] = (current.name, translated)
            current = places.get(current.parent_id) if current.parent_id is not None else None
        if names:
            found[photo_id] = names
    return found


def name_in(place: Place, language: str) -> str:
    """The place's name in ``language`` ('' when the gazetteer has none)."""
    base = language.split("-")[0]
    for wanted in (language, base):
        for other in place.alt_names:
            if other.language == wanted:
                return other.name
    return ""


def localized_places(fields: dict[str, str], names: dict[str, tuple[str, str]]) -> dict[str, str]:
    """The location fields to change: those whose value is still the place's main name."""
    changed = {}
    for field_name, (main, translated) in names.items():
        if fields.get(field_name) == main:
            changed[field_name] = translated
    return changed
