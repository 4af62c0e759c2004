"""Rating, colour label and flag (issue 12): the selection a curator makes while culling.

``rating`` is 0-5 stars or NULL (not rated); ``label`` is '' or one of red, yellow, green,
blue, purple; ``flag`` is '' or pick or reject (the declaration is ``model.curated``). Each
index starts with its field and goes on with the capture order of ``photos_sort_captured``
(0007), so that a filter on one of them (``rating >= 4``, ``label = 'red'``, ``flag =
'pick'``) over a million photos reads its first page in capture order from the index
without sorting the matches. The rating's index is partial (most photos are not rated);
``rating >= N`` implies ``rating IS NOT NULL``, so SQLite uses it. A negation (``flag !=
'reject'``) matches most photos and walks the capture index instead.
"""

from __future__ import annotations

NAME = "0012_selection"

SQL = """
ALTER TABLE photos ADD COLUMN rating INTEGER;
ALTER TABLE photos ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN flag TEXT NOT NULL DEFAULT '';
CREATE INDEX photos_rating ON photos(rating, coalesce(captured_at, imported_at), id) WHERE rating IS NOT NULL;
CREATE INDEX photos_label ON photos(label, coalesce(captured_at, imported_at), id);
CREATE INDEX photos_flag ON photos(flag, coalesce(captured_at, imported_at), id);
"""

POSTGRESQL = """
ALTER TABLE photos ADD COLUMN rating BIGINT;
ALTER TABLE photos ADD COLUMN label TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN flag TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX photos_rating ON photos(rating, coalesce(captured_at, imported_at), id) WHERE rating IS NOT NULL;
CREATE INDEX photos_label ON photos(label, coalesce(captured_at, imported_at), id);
CREATE INDEX photos_flag ON photos(flag, coalesce(captured_at, imported_at), id);
"""
