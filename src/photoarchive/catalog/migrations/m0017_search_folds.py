"""Which search texts hold a character whose casefold holds an ASCII one (``search.
FOLDS_TO_ASCII``: ß, the Kelvin sign, the ligatures...) or one the index folds otherwise than
casefold (``search.UNFAITHFUL``): ``search_keys.folds``, 1 for those (and by default: "may
hold"), 0 for the rest, with an index of those marked. A filter testing an ASCII word in the
text of each of a few photos (``tank rating>=4``) lets SQLite's LIKE decide alone where the key
says 0, and asks Python only of the others (``filters._contains_sql``); a keyword's fold narrows
through the index while no text is marked as holding a character that could stand in it
(``keyword:туман``, ``search.unmarked``).

Every photo's text is read once (a million photos: a few seconds; the catalog is backed up
before, ``catalog.schema.migrate``). On PostgreSQL ``search_keys`` stays empty (0011): the column
is made, so that both schemas have the same tables.
"""

from __future__ import annotations

import sqlite3

NAME = "0017_search_folds"

POSTGRESQL = """
ALTER TABLE search_keys ADD COLUMN folds BIGINT NOT NULL DEFAULT 1;
CREATE INDEX search_keys_folds ON search_keys(key) WHERE folds <> 0;
"""


def apply(conn: sqlite3.Connection) -> None:
    from photoarchive.catalog.search import mark_folds  # the mark is the search module's rule

    conn.execute("ALTER TABLE search_keys ADD COLUMN folds INTEGER NOT NULL DEFAULT 1")
    mark_folds(conn)
    conn.execute("CREATE INDEX search_keys_folds ON search_keys(key) WHERE folds")
