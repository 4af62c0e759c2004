"""Smart collections: a collection whose photos are those a stored filter matches now
(``photoarchive.filters``), in a sort order of its own, instead of members in a stored order."""

from __future__ import annotations

NAME = "0013_smart_collections"

SQL = """
-- '' = an ordinary collection (its members are in collection_photos)
ALTER TABLE collections ADD COLUMN filter TEXT NOT NULL DEFAULT '';
-- a smart collection's order: captured, name or imported (catalog.SORT_ORDERS)
ALTER TABLE collections ADD COLUMN sort TEXT NOT NULL DEFAULT 'captured';
"""

POSTGRESQL = """
ALTER TABLE collections ADD COLUMN filter TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE collections ADD COLUMN sort TEXT COLLATE "C" NOT NULL DEFAULT 'captured';
"""
