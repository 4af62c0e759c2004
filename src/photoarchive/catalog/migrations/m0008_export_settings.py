"""The export options last used for each collection, so that the next export (from the
window or with ``export COLLECTION --as-last-time``) starts from them."""

from __future__ import annotations

NAME = "0008_export_settings"

SQL = """
CREATE TABLE export_settings (
    collection_id INTEGER PRIMARY KEY REFERENCES collections(id) ON DELETE CASCADE,
    -- {option: value} as export.options.remembered gives it
    options TEXT NOT NULL DEFAULT '{}',
    updated_at TEXT NOT NULL
);
"""

POSTGRESQL = """
CREATE TABLE export_settings (
    collection_id BIGINT PRIMARY KEY REFERENCES collections(id) ON DELETE CASCADE,
    options TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    updated_at TEXT COLLATE "C" NOT NULL
);
"""
