"""The publication: a collection's photos in order, with every text an export shows, decided once.

``plan_publication`` reads the collection, its photos and their curated fields from the
catalog and works out, per photo, what every format needs: a safe unique file stem from the
naming template, the published caption from the caption template, the alt text, the date,
the burned-in credit, and the location at the precision asked for (place names removed from
the fields themselves when the precision is ``none``, before any template sees them). The
formats then only lay these out.

A stored value that does not validate (an import keeps what a file held, with a warning: a
country code that is no code, a web statement that is not an http(s) URL) is published as
the original holds it when the curator has not changed it (the IPTC reference images'
placeholder country code R22), as ``photoarchive write`` does (``copies.publishable``), else
left out of everything published; the item says which in ``warnings``, and the photo is
still published. A curator would rather have the photo with its caption, credit and image out
and one field to correct than lose the whole photo from the publication over a malformed
code; and a URL is never put back, so none can be published by mistake (a ``javascript:``
link as the licence).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup

from photoarchive.catalog import Catalog
from photoarchive.catalog.collections import collection_photo_ids
from photoarchive.catalog.curated import load_fields, load_values, localize
from photoarchive.catalog.places import LocationShown, locations_shown
from photoarchive.catalog.translations import default_language
from photoarchive.errors import ValidationError
from photoarchive.export.copies import publishable, said
from photoarchive.export.languages import (
    Messages,
    PhotoPlaces,
    load_messages,
    localized_places,
    names_in_language,
    read_places,
)
from photoarchive.export.naming import NameAllocator, safe_name
from photoarchive.export.options import DEFAULT_CAPTION_TEMPLATE, ExportOptions
from photoarchive.export.precision import Location, located
from photoarchive.metadata.variables import compile_template, photo_variables
from photoarchive.model import Collection, CuratedFields, Photo
from photoarchive.model.curated import names_in
from photoarchive.model.fields import Group
from photoarchive.model.place import IPTC_LOCATION_FIELDS

# Fields embedded with ``--metadata credit``: who made the photo and on what terms.
CREDIT_FIELDS = names_in(Group.CREDIT)


@dataclass
class ExportItem:
    """One photo of the publication and everything shown or written about it."""

    sequence: int  # 1-based position in the collection
    photo: Photo
    fields: CuratedFields  # place names already removed when the precision says so
    location: Location
    stem: str  # safe, unique file name without extension
    source: Path  # the original in the archive
    caption: str  # the published caption: the caption template applied
    alt: str
    date: str  # capture date, ISO (date part), or ""
    burn_text: str = ""
    fallbacks: tuple[str, ...] = ()  # per-language fields with no text in the language: x-default's shown
    fallback_language: str = ""  # the language of x-default (the archive's default), for lang="..."
    description: str = ""  # the extended description (issue 16), linked to the image when there is one
    alt_field: str = ""  # the field the alt text was taken from ("alt_text", "caption"; "" for "Photo 3")
    files: dict[str, str] = field(default_factory=dict)  # rendition role -> path relative to the output
    sizes: dict[str, tuple[int, int]] = field(default_factory=dict)  # rendition role -> pixel size
    source_sha256: str = ""  # of the original's bytes the renditions were made from
    warnings: list[str] = field(default_factory=list)  # values left out or written as read (see the module doc)
    as_read: frozenset[str] = frozenset()  # fields embedded as the original holds them (``copies.publishable``)

    @property
    def title(self) -> str:
        return self.fields.title or self.fields.headline

    def lang_attribute(self, *names: str) -> Markup:
        """`` lang="en"`` for an element showing one of these fields when it fell back to the
        default language's text (WCAG 3.1.2, language of parts), else nothing."""
        return _lang_attribute(self.fallback_language if any(name in self.fallbacks for name in names) else "")

    @property
    def title_lang(self) -> Markup:
        """``lang_attribute`` for the element showing ``title``."""
        return self.lang_attribute("title" if self.fields.title else "headline")

    @property
    def alt_lang(self) -> Markup:
        """``lang_attribute`` for the image whose alt text this is."""
        return self.lang_attribute(self.alt_field) if self.alt_field else Markup("")

    def embedded_fields(self, mode: str) -> CuratedFields | None:
        """The curated fields to embed in the image files for a ``--metadata`` mode."""
        if mode == "none":
            return None
        date_created = self.fields.date_created or (self.photo.captured_at or "")
        if mode == "credit":
            return CuratedFields(**{name: getattr(self.fields, name) for name in CREDIT_FIELDS})
        return replace(self.fields, date_created=date_created)


@dataclass
class Publication:
    """A collection ready to lay out: its texts and its items in order."""

    collection: Collection  # its texts in the publication's language
    options: ExportOptions
    items: list[ExportItem]
    language: str = "en"  # the pages' lang; the language of the texts where they have one
    messages: Messages = field(default_factory=lambda: Messages("en"))
    collection_fallbacks: tuple[str, ...] = ()  # the collection's texts shown in the default language
    # Every language of a multi-language export (this one included), in the order asked, with
    # each language's file stem per photo id: the pages link to their other languages.
    alternates: list[tuple[str, str, dict[int, str]]] = field(default_factory=list)  # (tag, name, stems)

    @property
    def title(self) -> str:
        return self.collection.display_title

    @property
    def fallback_count(self) -> int:
        """How many photos had no text in the language for a field they have, and show x-default's."""
        return sum(1 for item in self.items if item.fallbacks)

    def context(self) -> dict[str, Any]:
        """What every template of the publication is given besides its own values."""
        return {
            "publication": self,
            "collection": self.collection,
            "lang": self.language,
            "t": self.messages,
            "collection_lang": _collection_lang(self),
        }


@dataclass(frozen=True)
class CatalogReading:
    """What a publication reads of the catalog (``read_publication``), read once however many
    languages an export publishes: each language's plan is made from it and changes none of it."""

    photos: list[Photo]  # in the collection's order
    default: str | None  # the archive's default language
    fields: dict[int, CuratedFields]  # as stored (``load_fields``), every language in ``translations``
    shown: dict[int, LocationShown]  # the places' locations shown (``locations_shown``)
    gps_sources: dict[int, dict[str, Any]]
    places: PhotoPlaces | None  # for the places' names in a language; None: only the default is published


def read_publication(
    catalog: Catalog, collection: Collection, languages: Sequence[str | None] = (None,)
) -> CatalogReading:
    """Read what the collection's publication in these ``languages`` needs (None: the default)."""
    ids = collection_photo_ids(catalog, collection.id)
    if not ids:
        raise ValidationError(f"collection {collection.name!r} has no photos to export", field="collection")
    photos = catalog.photos(ids)
    default = default_language(catalog)
    translated = any(language is not None and language != default for language in languages)
    return CatalogReading(
        photos,
        default,
        load_fields(catalog, ids),
        locations_shown(catalog, ids),
        load_values(catalog, ids, ("gps_source",)),
        read_places(catalog, ids) if translated else None,
    )


def plan_publication(
    catalog: Catalog,
    collection: Collection,
    options: ExportOptions,
    language: str | None = None,
    read: CatalogReading | None = None,
) -> Publication:
    """The publication in ``language`` (None: the archive's default language, as stored), from
    ``read`` (``read_publication`` for this language and any others; read here when not given)."""
    if read is None:
        read = read_publication(catalog, collection, (language,))
    photos, default = read.photos, read.default
    other = language if language is not None and language != default else None
    localized = localize(read.fields, default, other)
    all_fields = {pid: found.fields for pid, found in localized.items()}
    if options.only_language:
        own = language or default
        all_fields = {
            pid: replace(
                fields, translations={own: fields.translations[own]} if own and own in fields.translations else {}
            )
            for pid, fields in all_fields.items()
        }
    translated_places = {}
    if other:  # read for this language now if ``read`` was for the default language alone
        gazetteer = read.places or read_places(catalog, [photo.id for photo in photos])
        translated_places = names_in_language(gazetteer, other)
    page_language = language or default or "en"
    messages = load_messages(options.theme, page_language)
    collection, collection_fallbacks = collection.in_language(other)
    if options.format == "gallery" or options.caption_template:  # the collection's template is not used
        collection_fallbacks = tuple(name for name in collection_fallbacks if name != "caption_template")
    places, sources = read.shown, read.gps_sources
    name_template = compile_template(options.name_template or "{sequence:03}", field="name_template")
    # The gallery shows credit, source and copyright beside each caption, so it takes the
    # collection's caption template (which usually repeats the credit) only when asked to.
    collection_template = "" if options.format == "gallery" else collection.caption_template
    caption_template = compile_template(
        options.caption_template or collection_template or DEFAULT_CAPTION_TEMPLATE, field="caption_template"
    )
    burn_template = compile_template(options.burn_credit, field="burn_credit") if options.burn_credit else None
    names = NameAllocator()
    for fixed in ("index", "assets", "images", "photos", "manifest", "captions", "CREDITS", "post", "preview"):
        names.reserve(fixed)
    items = []
    for sequence, photo in enumerate(photos, start=1):
        source = catalog.original_file(photo)  # a path made from the photo's row, nothing read
        stored, as_read, invalid = publishable(all_fields[photo.id], source)
        if photo.id in translated_places:
            current = {name: getattr(stored, name) for name in IPTC_LOCATION_FIELDS}
            local_names: dict[str, Any] = localized_places(current, translated_places[photo.id])  # text fields
            stored = replace(stored, **local_names)
        location, fields = located(
            options.location_precision,
            stored,
            photo.latitude,
            photo.longitude,
            photo.altitude,
            shown=places.get(photo.id),
            source=sources.get(photo.id, {}).get("gps_source"),
            language=page_language,
            words=messages,
        )
        values = photo_variables(fields, filename=photo.original_name, date=photo.captured_at, sequence=sequence)
        stem = names.allocate(safe_name(name_template.render(values), fallback=f"{sequence:03}"))
        caption = caption_template.render(values).strip()
        alt, alt_field = _alt(fields, sequence, messages)
        items.append(
            ExportItem(
                sequence=sequence,
                photo=photo,
                fields=fields,
                location=location,
                stem=stem,
                source=source,
                caption=caption,
                alt=alt,
                alt_field=alt_field,
                date=(photo.captured_at or fields.date_created or "")[:10],
                burn_text=burn_template.render(values).strip() if burn_template else "",
                warnings=said(invalid, as_read, fields),
                as_read=as_read,
                fallbacks=localized[photo.id].fallbacks if other else (),
                fallback_language=(default or "") if other else "",
                description=fields.extended_description,
            )
        )
    return Publication(
        collection,
        options,
        items,
        language=page_language,
        messages=messages,
        collection_fallbacks=collection_fallbacks,
    )


def _alt(fields: CuratedFields, sequence: int, messages: Messages) -> tuple[str, str]:
    """Alt text: the curator's in the language, else x-default's (``localized_fields`` falls
    back), else the caption's first paragraph; never the title, which names the photo rather
    than saying what it shows (and the page shows it beside the image already). With the
    name of the field it came from."""
    for name, text in (("alt_text", fields.alt_text), ("caption", fields.caption.split("\n\n")[0])):
        text = " ".join(text.split())
        if text:
            return text, name
    return messages("Photo {n}", n=sequence), ""


def _collection_lang(publication: Publication) -> dict[str, Markup]:
    """`` lang="en"`` per collection text shown in the default language (see ``lang_attribute``)."""
    fallback = next((i.fallback_language for i in publication.items if i.fallback_language), "")
    return {
        name: _lang_attribute(fallback if name in publication.collection_fallbacks else "")
        for name in ("title", "introduction", "caption_template")
    }


def _lang_attribute(language: str) -> Markup:
    """`` lang="en"`` for an element in ``language``, nothing for ""."""
    return Markup(' lang="{}"').format(language) if language else Markup("")
