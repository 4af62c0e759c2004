"""The rated photos (``catalog.rated_photos``): each rated photo's search text beside its
rating, label and flag, in rating and capture order, kept by the search's reindex and by a
trigger on the marks, so that a page of words beside a rating (``tank rating>=4``) reads the
rated photos' texts side by side rather than three scattered pages a photo. The rated photos'
texts are copied once (a million photos with a thousand rated: under a second; the catalog is
backed up before, ``catalog.schema.migrate``). On PostgreSQL the table is made and left empty,
as ``search_keys`` is, so that both schemas have the same tables.
"""

from __future__ import annotations

import sqlite3

NAME = "0019_rated_photos"

POSTGRESQL = """
CREATE TABLE rated_photos (rating BIGINT NOT NULL, sort TEXT COLLATE "C" NOT NULL, photo_id BIGINT NOT NULL,
    label TEXT COLLATE "C" NOT NULL, flag TEXT COLLATE "C" NOT NULL, folds BIGINT NOT NULL, text TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (rating, sort, photo_id));
CREATE INDEX rated_photos_photo ON rated_photos(photo_id);
"""


def apply(conn: sqlite3.Connection) -> None:
    from photoarchive.catalog.rated_photos import CREATE, reindex_all_rated  # the rows are that module's rule

    conn.execute(CREATE[0])
    reindex_all_rated(conn)
    for statement in CREATE[1:]:
        conn.execute(statement)
