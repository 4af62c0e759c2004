"""The keyword index (``catalog.keyword_index``): each photo's keywords as ``keyword:`` reads
them, a row a word, in capture order, so that a page of a keyword in capture order is a walk of
its rows. Every photo's keywords are read once (a million photos: some seconds; the catalog is
backed up before, ``catalog.schema.migrate``). On PostgreSQL the table is made and left empty,
as ``search_keys`` is, so that both schemas have the same tables.
"""

from __future__ import annotations

import sqlite3

NAME = "0018_keyword_index"

POSTGRESQL = """
CREATE TABLE keyword_index (word TEXT COLLATE "C" NOT NULL, sort TEXT COLLATE "C" NOT NULL, photo_id BIGINT NOT NULL,
    PRIMARY KEY (word, sort, photo_id));
CREATE INDEX keyword_index_photo ON keyword_index(photo_id, word);
"""


def apply(conn: sqlite3.Connection) -> None:
    from photoarchive.catalog.keyword_index import reindex_all_keywords  # the rows are that module's rule

    conn.execute(
        "CREATE TABLE keyword_index (word TEXT NOT NULL, sort TEXT NOT NULL, photo_id INTEGER NOT NULL,"
        " PRIMARY KEY (word, sort, photo_id)) WITHOUT ROWID"
    )
    reindex_all_keywords(conn)
    conn.execute("CREATE INDEX keyword_index_photo ON keyword_index(photo_id, word)")
