"""A curated collection: photos in a curator's order, with what a publication needs around them.

A collection is what gets published: its title and introduction open the article or the
gallery, its photos follow in the stored order, each captioned through the collection's
caption template, and its source line and categories close it. Collections are stored in
the catalog (``photoarchive.catalog.collections``) and changed through their rules
(``photoarchive.collections``); a photo may belong to many of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

# The texts a collection has in each language (issue 14); the others (source, categories) are
# one for every language.
PER_LANGUAGE = ("title", "introduction", "caption_template")


@dataclass(frozen=True)
class Category:
    """A labelled value shown with a publication, e.g. ``Timeline: August 1945``."""

    label: str
    value: str

    def as_dict(self) -> dict[str, str]:
        return {"label": self.label, "value": self.value}


@dataclass
class Collection:
    """A named, ordered selection of photos with its publication texts.

    ``name`` is the handle the command line uses (unique in an archive); ``introduction`` is
    Markdown; ``caption_template`` composes each published caption from a photo's fields
    (for example ``{caption} [Credit photo: {creator} - {source}]``; empty means the caption
    alone). ``photo_count`` is filled when the collection is read from the catalog.

    A smart collection has a ``filter`` (``photoarchive.filters``): its photos are those the
    filter matches now, in its ``sort`` order (captured, name or imported), and it stores no
    members. An ordinary collection's ``filter`` is ''.
    """

    id: int
    name: str
    title: str = ""
    introduction: str = ""
    source: str = ""
    categories: list[Category] = field(default_factory=list)
    caption_template: str = ""
    created_at: str = ""
    updated_at: str = ""
    photo_count: int = 0
    filter: str = ""
    sort: str = "captured"
    # Other languages' texts: {language: {field of PER_LANGUAGE: text}}; the columns above
    # hold the archive's default language's (x-default).
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def is_smart(self) -> bool:
        return bool(self.filter)

    def in_language(self, language: str | None) -> tuple[Collection, tuple[str, ...]]:
        """The collection with its texts in ``language`` (None, or the default language the
        caller has read from the catalog: as stored), and the names of the texts that had no
        value in it and kept the default language's (an empty text is no fallback)."""
        if language is None:
            return self, ()
        own = self.translations.get(language, {})
        fallbacks = tuple(n for n in PER_LANGUAGE if not own.get(n) and getattr(self, n))
        texts: dict[str, Any] = {n: own[n] for n in PER_LANGUAGE if own.get(n)}  # text fields; mypy cannot tell
        return replace(self, **texts), fallbacks

    @property
    def display_title(self) -> str:
        """The title, or the name when the collection has no title yet."""
        return self.title or self.name

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "title": self.title,
            "introduction": self.introduction,
            "source": self.source,
            "categories": [c.as_dict() for c in self.categories],
            "caption_template": self.caption_template,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "photo_count": self.photo_count,
            "filter": self.filter or None,
            "sort": self.sort if self.filter else None,
            "translations": {tag: dict(texts) for tag, texts in sorted(self.translations.items())},
        }
