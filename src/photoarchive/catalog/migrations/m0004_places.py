"""The gazetteer: places in a hierarchy, their names in other languages, and a photo's place."""

from __future__ import annotations

NAME = "0004_places"

SQL = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> ''),
    kind TEXT NOT NULL DEFAULT 'feature',
    parent_id INTEGER REFERENCES places(id) ON DELETE RESTRICT,
    latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
    radius REAL CHECK (radius IS NULL OR radius >= 0),
    geonames_id TEXT NOT NULL DEFAULT '',
    wikidata_id TEXT NOT NULL DEFAULT '',
    country_code TEXT NOT NULL DEFAULT '',
    -- which IPTC location field this level fills ('' = the default of its kind)
    iptc_field TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX places_parent ON places(parent_id);
CREATE INDEX places_name ON places(name COLLATE NOCASE);
CREATE TABLE place_names (
    id INTEGER PRIMARY KEY,
    place_id INTEGER NOT NULL REFERENCES places(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (name <> ''),
    language TEXT NOT NULL DEFAULT ''
);
CREATE INDEX place_names_place ON place_names(place_id);
CREATE INDEX place_names_name ON place_names(name COLLATE NOCASE);
-- The place a photo shows; its location fields are filled from it (photoarchive.places).
ALTER TABLE photos ADD COLUMN place_id INTEGER REFERENCES places(id) ON DELETE SET NULL;
CREATE INDEX photos_place ON photos(place_id);
"""
