"""The publication: a collection's photos in order, with every text an export shows, decided once.

``plan_publication`` reads the collection, its photos and their curated fields from the
catalog and works out, per photo, what every format needs: a safe unique file stem from the
naming template, the published caption from the caption template, the alt text, the date,
the burned-in credit, and the location at the precision asked for (place names removed from
the fields themselves when the precision is ``none``, before any template sees them). The
formats then only lay these out.

A stored value that does not validate (an import keeps what a file held, with a warning: a
country code that is no code, a web statement that is not an http(s) URL) is left out of
everything published, and the item says so in ``warnings``; the photo is still published.
A curator would rather have the photo with its caption, credit and image out and one field
to correct than lose the whole photo from the publication over a malformed code; and what
is left out cannot be published by mistake (a ``javascript:`` link as the licence).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from photoarchive.catalog import Catalog
from photoarchive.catalog.collections import collection_photo_ids
from photoarchive.catalog.curated import load_fields, load_values
from photoarchive.catalog.places import locations_shown
from photoarchive.errors import ValidationError
from photoarchive.export.naming import NameAllocator, safe_name
from photoarchive.export.options import DEFAULT_CAPTION_TEMPLATE, ExportOptions
from photoarchive.export.precision import Location, located
from photoarchive.metadata.validate import salvaged
from photoarchive.metadata.variables import compile_template, photo_variables
from photoarchive.model import Collection, CuratedFields, Photo
from photoarchive.model.curated import names_in
from photoarchive.model.fields import Group

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
    files: dict[str, str] = field(default_factory=dict)  # rendition role -> path relative to the output
    sizes: dict[str, tuple[int, int]] = field(default_factory=dict)  # rendition role -> pixel size
    source_sha256: str = ""  # of the original's bytes the renditions were made from
    warnings: list[str] = field(default_factory=list)  # values left out (see the module doc)

    @property
    def title(self) -> str:
        return self.fields.title or self.fields.headline

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

    collection: Collection
    options: ExportOptions
    items: list[ExportItem]

    @property
    def title(self) -> str:
        return self.collection.display_title


def plan_publication(catalog: Catalog, collection: Collection, options: ExportOptions) -> Publication:
    ids = collection_photo_ids(catalog, collection.id)
    if not ids:
        raise ValidationError(f"collection {collection.name!r} has no photos to export", field="collection")
    photos = catalog.photos(ids)
    all_fields = load_fields(catalog, ids)
    places = locations_shown(catalog, ids)
    sources = load_values(catalog, ids, ("gps_source",))
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
        stored, invalid = salvaged(all_fields[photo.id])
        location, fields = located(
            options.location_precision,
            stored,
            photo.latitude,
            photo.longitude,
            photo.altitude,
            shown=places.get(photo.id),
            source=sources.get(photo.id, {}).get("gps_source"),
        )
        values = photo_variables(fields, filename=photo.original_name, date=photo.captured_at, sequence=sequence)
        stem = names.allocate(safe_name(name_template.render(values), fallback=f"{sequence:03}"))
        caption = caption_template.render(values).strip()
        items.append(
            ExportItem(
                sequence=sequence,
                photo=photo,
                fields=fields,
                location=location,
                stem=stem,
                source=catalog.original_file(photo),
                caption=caption,
                alt=_alt(fields, sequence),
                date=(photo.captured_at or fields.date_created or "")[:10],
                burn_text=burn_template.render(values).strip() if burn_template else "",
                warnings=[f"{error}; left out (correct it with photoarchive edit)" for error in invalid],
            )
        )
    return Publication(collection, options, items)


def _alt(fields: CuratedFields, sequence: int) -> str:
    """Alt text: the curator's, else the caption's first paragraph, else the title."""
    for text in (fields.alt_text, fields.caption.split("\n\n")[0], fields.title, fields.headline):
        text = " ".join(text.split())
        if text:
            return text
    return f"Photo {sequence}"
