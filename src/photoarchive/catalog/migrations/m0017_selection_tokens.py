"""Selection tokens: each photo's rating, label and flag in its search text as tokens no text
holds (``catalog.search``, "selection tokens"), so that a filter's first page (``tank
rating>=4``) is read from the full-text index in capture order and stops after a page, FTS5
intersecting the words and the values itself.

On SQLite the tokens are appended to each stored text (moved into a new index in key order,
not built again from every source), when the text is the one the sources before them give;
any other text is rebuilt whole at the catalog's opening, as after every change of the sources.
The catalog is backed up before (``catalog.schema.migrate``).

On PostgreSQL the search text has no tokens (a server's filters read the columns): its text is
unchanged, and only the signature of the sources it was built from is moved on (``POSTGRESQL``),
so that opening does not rebuild it.
"""

from __future__ import annotations

import sqlite3

from photoarchive.catalog.search import SIGNATURE, SIGNATURE_WITHOUT_TOKENS

NAME = "0017_selection_tokens"

POSTGRESQL = f"""
UPDATE settings SET value = '{SIGNATURE}'
WHERE key = 'search_signature' AND value = '{SIGNATURE_WITHOUT_TOKENS}';
"""


def apply(conn: sqlite3.Connection) -> None:
    from photoarchive.catalog.search import add_selection_tokens

    add_selection_tokens(conn)
