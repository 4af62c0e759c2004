"""Indexes on the grid's sort keys, so that the first screen of a million photos is read by
walking an index and stopping after one page (keyset paging in ``catalog.search.photo_page``)
instead of sorting the whole catalog. Capture order is ``coalesce(captured_at, imported_at), id``
and name order ``original_name COLLATE NOCASE, id``: the indexes hold exactly those keys.
"""

from __future__ import annotations

NAME = "0007_sort_indexes"

SQL = """
CREATE INDEX photos_sort_captured ON photos(coalesce(captured_at, imported_at), id);
CREATE INDEX photos_sort_name ON photos(original_name COLLATE NOCASE, id);
"""

POSTGRESQL = """
CREATE INDEX photos_sort_captured ON photos(coalesce(captured_at, imported_at), id);
CREATE INDEX photos_sort_name ON photos(photoarchive_nocase(original_name), id);
"""
