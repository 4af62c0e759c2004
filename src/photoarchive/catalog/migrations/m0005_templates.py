"""Field templates (presets): named sets of field values, applied to many photos at once."""

from __future__ import annotations

NAME = "0005_templates"

SQL = """
CREATE TABLE templates (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    description TEXT NOT NULL DEFAULT '',
    -- {field: value}: text (variables allowed) or a list of texts for keywords
    field_values TEXT NOT NULL DEFAULT '{}',
    add_keywords TEXT NOT NULL DEFAULT '[]',
    remove_keywords TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""
