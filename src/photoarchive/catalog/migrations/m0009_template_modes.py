"""How a template sets each of its fields: replace (the default, as before), fill only when
the photo's field is empty, or append (list fields: keywords)."""

from __future__ import annotations

NAME = "0009_template_modes"

SQL = """
-- {field: "fill" | "append"}; a field not listed is replaced
ALTER TABLE templates ADD COLUMN field_modes TEXT NOT NULL DEFAULT '{}';
"""

POSTGRESQL = """
ALTER TABLE templates ADD COLUMN field_modes TEXT COLLATE "C" NOT NULL DEFAULT '{}';
"""
