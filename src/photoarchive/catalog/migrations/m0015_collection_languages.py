"""A collection's title, introduction and caption template in other languages (issue 14).

The collection's own columns keep the archive's default language's texts (what every reader
of a collection has read so far); each other language's value is a row here, as a photo's are
in ``translations`` (0014): an empty text is no row, and a collection deleted takes its rows.
"""

from __future__ import annotations

NAME = "0015_collection_languages"

SQL = """
CREATE TABLE collection_translations (
    collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    lang TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (collection_id, field, lang)
) WITHOUT ROWID;
"""

POSTGRESQL = """
CREATE TABLE collection_translations (
    collection_id BIGINT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    field TEXT COLLATE "C" NOT NULL,
    lang TEXT COLLATE "C" NOT NULL,
    value TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (collection_id, field, lang)
);
"""
