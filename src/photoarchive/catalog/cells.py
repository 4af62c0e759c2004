"""What a cell of the grid shows, read for a page of photos in one query: the few columns it
paints, as plain tuples (building a full ``Photo`` per cell costs more than the query itself,
and a grid scrolled through a million photos reads thousands of pages)."""

from __future__ import annotations

from collections.abc import Sequence

from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.connection import select_in

# (id, original_name, sha256, captured_at, caption, credit, rating, label, flag): the rating
# None when not rated, the label and flag '' when none
Cell = tuple[int, str, str, str | None, str, str, int | None, str, str]


def grid_cells(catalog: Catalog, photo_ids: Sequence[int]) -> dict[int, Cell]:
    """The cells of these photos, by id (ids not in the catalog are left out)."""
    sql = (
        "SELECT id, original_name, sha256, captured_at, caption, credit, rating, label, flag"
        " FROM photos WHERE id IN ({ids})"
    )
    return {
        row[0]: (row[0], row[1], row[2], row[3], row[4] or "", row[5] or "", row[6], row[7] or "", row[8] or "")
        for row in select_in(catalog.conn, sql, photo_ids)
    }


# (id, original_path, original_name, orientation, width, height, sha256, rating, label, flag)
ViewCell = tuple[int, str, str, int | None, int | None, int | None, str, int | None, str, str]


def view_cells(catalog: Catalog, photo_ids: Sequence[int]) -> dict[int, ViewCell]:
    """What the culling and compare views show of these photos, by id, in one query (the
    culling view opens over a grid of 100,000 photos: a full ``Photo`` each took 10 s)."""
    sql = (
        "SELECT id, original_path, original_name, orientation, width, height, sha256, rating, label, flag"
        " FROM photos WHERE id IN ({ids})"
    )
    return {row[0]: (*row[:8], row[8] or "", row[9] or "") for row in select_in(catalog.conn, sql, photo_ids)}
