"""The first schema: photos, import batches and their failures, full-text search."""

from __future__ import annotations

NAME = "0001_initial"

SQL = """
CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    sources TEXT NOT NULL DEFAULT '[]',
    imported INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'running'
        CHECK (status IN ('running', 'completed', 'cancelled', 'interrupted'))
);
CREATE TABLE import_failures (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    error TEXT NOT NULL
);
CREATE INDEX import_failures_batch ON import_failures(batch_id);
CREATE TABLE photos (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    original_path TEXT NOT NULL UNIQUE,
    original_name TEXT NOT NULL,
    source_path TEXT NOT NULL,
    size INTEGER NOT NULL,
    format TEXT NOT NULL,
    width INTEGER,
    height INTEGER,
    orientation INTEGER NOT NULL DEFAULT 1,
    captured_at TEXT,
    camera_make TEXT,
    camera_model TEXT,
    latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
    altitude REAL,
    batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
    imported_at TEXT NOT NULL,
    warnings TEXT NOT NULL DEFAULT '[]',
    embedded TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX photos_captured_at ON photos(captured_at);
CREATE INDEX photos_batch ON photos(batch_id);
CREATE INDEX photos_original_name ON photos(original_name);
-- One row per photo, rowid = photos.id, holding all the text a photo carries. The trigram
-- tokenizer finds substrings in any script, Japanese included, which has no spaces
-- between words for a word tokenizer to split on.
CREATE VIRTUAL TABLE photos_fts USING fts5(text, tokenize = 'trigram');
"""
