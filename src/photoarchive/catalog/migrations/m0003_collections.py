"""Collections: named, ordered selections of photos with their publication texts."""

from __future__ import annotations

NAME = "0003_collections"

SQL = """
CREATE TABLE collections (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    title TEXT NOT NULL DEFAULT '',
    introduction TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    -- [[label, value], ...] in the order shown
    categories TEXT NOT NULL DEFAULT '[]',
    caption_template TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- Membership with its order: positions run 0..n-1 in each collection (kept so by the code in
-- collections.py; not a UNIQUE constraint, which a reorder would trip over mid-update).
CREATE TABLE collection_photos (
    collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (collection_id, photo_id)
);
CREATE INDEX collection_photos_order ON collection_photos(collection_id, position);
CREATE INDEX collection_photos_photo ON collection_photos(photo_id);
"""
