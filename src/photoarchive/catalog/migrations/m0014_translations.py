"""Per-language values (issue 14): the title, headline, caption and alt text of a photo in
languages other than the archive's default one, whose values stay in the ``photos`` columns
(XMP's x-default), so that every reader of those columns goes on working.

One row per photo, field and language, not a JSON column on ``photos``: the edit history
records each (photo, "caption[ru]") as it records a column, so that undoing a Russian caption
restores the Russian caption only; the search text reads them with one subquery; and a
million photos with no translation cost nothing (no row, no JSON to parse per photo).
``translations_language`` serves the languages in use and "lacks a caption in Russian".
"""

from __future__ import annotations

NAME = "0014_translations"

SQL = """
CREATE TABLE translations (
    photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    lang TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (photo_id, field, lang)
) WITHOUT ROWID;
CREATE INDEX translations_language ON translations(lang, field, photo_id);
"""

POSTGRESQL = """
CREATE TABLE translations (
    photo_id BIGINT NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
    field TEXT COLLATE "C" NOT NULL,
    lang TEXT COLLATE "C" NOT NULL,
    value TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (photo_id, field, lang)
);
CREATE INDEX translations_language ON translations(lang, field, photo_id);
"""
