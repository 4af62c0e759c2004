"""Search keys: the full-text index's rowid becomes a key that sorts as the capture order does
(``catalog.search``, "search keys"), so that a search's first page in capture order is read from the
index in rowid order and stops after a page, however many photos match (a million photos:
"beach fog" matched 105,601 of them, and listing them all before showing any took 72 ms in
FTS5 alone). ``search_keys`` maps each photo to its key and back; ``exact`` is 0 for a photo
whose date text has a shape the key cannot follow (pages are then read as before).

The index is moved, not rebuilt: each photo's text goes from its photo id to its key. The
catalog is backed up before (``catalog.schema.migrate``).

On PostgreSQL the search text's table holds its capture key beside it (0001), and this migration
gives it the index a page in capture order is read from (``POSTGRESQL``, run instead of
``apply``); ``search_keys`` is made too, and left empty, so that both schemas have the same tables.
"""

from __future__ import annotations

import sqlite3

NAME = "0011_search_keys"

POSTGRESQL = """
CREATE TABLE search_keys (photo_id BIGINT PRIMARY KEY, key BIGINT NOT NULL, exact BIGINT NOT NULL);
CREATE UNIQUE INDEX search_keys_key ON search_keys(key, photo_id);
CREATE INDEX search_keys_inexact ON search_keys(photo_id) WHERE exact = 0;
CREATE INDEX photos_fts_capture ON photos_fts(capture_key, photo_id);
"""


def apply(conn: sqlite3.Connection) -> None:
    from photoarchive.catalog.search import rekey_all  # the key is the search module's rule

    conn.execute(
        "CREATE TABLE search_keys (photo_id INTEGER PRIMARY KEY, key INTEGER NOT NULL, exact INTEGER NOT NULL)"
    )
    conn.execute("CREATE UNIQUE INDEX search_keys_key ON search_keys(key, photo_id)")
    conn.execute("CREATE INDEX search_keys_inexact ON search_keys(photo_id) WHERE NOT exact")
    rekey_all(conn)
