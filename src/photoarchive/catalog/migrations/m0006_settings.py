"""A small key-value table for facts about the catalog itself (such as which search text
definition the full-text index was built with)."""

from __future__ import annotations

NAME = "0006_settings"

SQL = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

POSTGRESQL = """
CREATE TABLE settings (
    key TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);
"""
