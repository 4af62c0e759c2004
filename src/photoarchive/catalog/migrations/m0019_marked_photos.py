"""The marked photos (``catalog.marked_photos``): the search text of each photo with a rating,
a colour label or a pick, a row a mark, in mark and capture order, kept by the search's reindex
and by a trigger on the marks, so that a page of words beside a mark (``tank rating>=4``,
``竹田浜 label:red``) reads the marked photos' texts side by side rather than three scattered
pages a photo. The marked photos' texts are copied once (a million photos with a fifth of them
labelled: some fifteen seconds; the catalog is backed up before, ``catalog.schema.migrate``).
On PostgreSQL the table is made and left empty, as ``search_keys`` is, so that both schemas
have the same tables.
"""

from __future__ import annotations

import sqlite3

NAME = "0019_marked_photos"

POSTGRESQL = """
CREATE TABLE marked_photos (mark TEXT COLLATE "C" NOT NULL, sort TEXT COLLATE "C" NOT NULL, photo_id BIGINT NOT NULL,
    label TEXT COLLATE "C" NOT NULL, flag TEXT COLLATE "C" NOT NULL, folds BIGINT NOT NULL,
    text TEXT COLLATE "C" NOT NULL, PRIMARY KEY (mark, sort, photo_id));
CREATE INDEX marked_photos_photo ON marked_photos(photo_id);
"""


def apply(conn: sqlite3.Connection) -> None:
    from photoarchive.catalog.marked_photos import CREATE, reindex_all_marked  # the rows are that module's rule

    conn.execute(CREATE[0])
    reindex_all_marked(conn)
    for statement in CREATE[1:]:
        conn.execute(statement)
