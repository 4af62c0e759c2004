"""The curated fields of a photo: what a curator writes about it.

These are the fields that the catalog holds as the authority and that are written into
exported files as EXIF, IPTC IIM and XMP (see ``photoarchive.metadata.fields`` for the
mapping of each field to its tags). Field names are the ones the command line and
``show --json`` use.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass
class CuratedFields:
    """Caption, credit, rights, keywords, dates and location shown, as the curator sets them.

    Empty text means "not set". ``keywords`` and ``hierarchical_keywords`` are lists
    (hierarchy levels separated by ``|``, as Lightroom writes them). Dates are ISO 8601
    text: ``date_created`` a date or date-time (with its offset when known), ``event_date``
    a date, a partial date (``1945-08``) or a range (``1945-08-18/1945-08-23``).
    """

    title: str = ""
    headline: str = ""
    caption: str = ""
    alt_text: str = ""
    caption_writer: str = ""
    creator: str = ""
    creator_job_title: str = ""
    credit: str = ""
    source: str = ""
    copyright: str = ""
    usage_terms: str = ""
    web_statement: str = ""
    instructions: str = ""
    keywords: list[str] = field(default_factory=list)
    hierarchical_keywords: list[str] = field(default_factory=list)
    date_created: str = ""
    event: str = ""
    event_date: str = ""
    sublocation: str = ""
    city: str = ""
    state: str = ""
    country: str = ""
    country_code: str = ""
    job_id: str = ""

    def as_dict(self) -> dict[str, object]:
        return {name: (list(v) if isinstance(v := getattr(self, name), list) else v) for name in CURATED_FIELD_NAMES}

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in CURATED_FIELD_NAMES)


CURATED_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(CuratedFields))
