"""The place of each marked photo in its rows (``catalog.marked_photos``), so that a place
beside a mark (``place:Шумшу rating>=4``) is tested in the row the walk reads rather than
looked up in the place's index a photo (768 scattered lookups for a page of 51 photos).

0019 makes the table as ``catalog.marked_photos`` says, the place included, in a catalog
that reaches it now; one made by an earlier 0019 is made again, its rows read anew (a million
photos with a fifth of them labelled: some fifteen seconds; the catalog is backed up before,
``catalog.schema.migrate``). On PostgreSQL the table, made and left empty, gains the column.
"""

from __future__ import annotations

import sqlite3

NAME = "0020_marked_places"

POSTGRESQL = """
ALTER TABLE marked_photos ADD COLUMN place_id BIGINT;
"""


def apply(conn: sqlite3.Connection) -> None:
    from photoarchive.catalog.marked_photos import CREATE, TABLE, reindex_all_marked  # that module's rule

    columns = {str(row[1]) for row in conn.execute(f"PRAGMA table_info({TABLE})")}
    if "place_id" in columns:
        return  # made by this version's 0019
    conn.execute(f"DROP TRIGGER IF EXISTS {TABLE}_marks")
    conn.execute(f"DROP TABLE {TABLE}")
    conn.execute(CREATE[0])
    reindex_all_marked(conn)
    for statement in CREATE[1:]:
        conn.execute(statement)
