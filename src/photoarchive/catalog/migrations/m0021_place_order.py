"""Each place's photos in capture order: an index on the place, then the capture order of
``photos_sort_captured`` (0007), as the rating's, label's and flag's (0012). A filter on a place
over a million photos (``place:Paramushir``: 10,000 photos) then reads its first page in capture
order by walking the index of each place it names and of those inside it, and merging the walks
(``search.Placed``), rather than reading every photo there and sorting them (23 ms for a page of
200, against 0.2). Partial: a photo without a place is never walked.

``photos_place`` (0004) stays: a place beside a rating is looked up there by the photo's id.
"""

from __future__ import annotations

NAME = "0021_place_order"

SQL = """
CREATE INDEX photos_place_captured ON photos(place_id, coalesce(captured_at, imported_at), id)
    WHERE place_id IS NOT NULL;
"""

POSTGRESQL = SQL
