"""Curated fields on photos, where their GPS came from, conflicts found on import, edit history."""

from __future__ import annotations

NAME = "0002_curated_fields"

_TEXT_FIELDS = [
    "title",
    "headline",
    "caption",
    "alt_text",
    "caption_writer",
    "creator",
    "creator_job_title",
    "credit",
    "source",
    "copyright",
    "usage_terms",
    "web_statement",
    "instructions",
    "date_created",
    "event",
    "event_date",
    "sublocation",
    "city",
    "state",
    "country",
    "country_code",
    "job_id",
]

SQL = "\n".join(
    [f"ALTER TABLE photos ADD COLUMN {name} TEXT NOT NULL DEFAULT '';" for name in _TEXT_FIELDS]
    + [
        "ALTER TABLE photos ADD COLUMN keywords TEXT NOT NULL DEFAULT '[]';",
        "ALTER TABLE photos ADD COLUMN hierarchical_keywords TEXT NOT NULL DEFAULT '[]';",
        # camera, edited, place, gpx: where the position came from (a camera's is evidence;
        # one derived from a place or a track is an estimate, and exports may say so).
        "ALTER TABLE photos ADD COLUMN gps_source TEXT;",
        "UPDATE photos SET gps_source = 'camera' WHERE latitude IS NOT NULL;",
        # Fields whose EXIF, IIM and XMP values disagreed on import: [{field, values: {std: value}}]
        "ALTER TABLE photos ADD COLUMN conflicts TEXT NOT NULL DEFAULT '[]';",
        """CREATE TABLE edits (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            description TEXT NOT NULL,
            reverts INTEGER REFERENCES edits(id)
        );""",
        """CREATE TABLE edit_changes (
            id INTEGER PRIMARY KEY,
            edit_id INTEGER NOT NULL REFERENCES edits(id) ON DELETE CASCADE,
            photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT
        );""",
        "CREATE INDEX edit_changes_edit ON edit_changes(edit_id);",
        "CREATE INDEX edit_changes_photo ON edit_changes(photo_id);",
    ]
)
