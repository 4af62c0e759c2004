"""Whether a PostgreSQL database can take a new archive's catalog: File > New Archive makes a
team's catalog only in an empty database.

``Catalog(create=True)`` opens a database that holds a catalog already, as the command line
does (``--catalog URL`` reaches the team's catalog whatever the command). A *new* archive there
would be wrong: its folder would hold none of that catalog's originals, so every photo would
be missing, and migrating beside other tables would mix the catalog into another program's
database. Both are refused before anything is written, saying what the database holds.
"""

from __future__ import annotations

from photoarchive.catalog.connection import connect
from photoarchive.catalog.location import CatalogLocation
from photoarchive.catalog.transfer import table_names
from photoarchive.errors import CatalogError


class DatabaseNotEmptyError(CatalogError):
    """The database holds tables: ``photos`` is how many photos its catalog holds (None: the
    tables are not a catalog's; ``tables`` names a few of them)."""

    def __init__(self, message: str, *, photos: int | None, tables: list[str]) -> None:
        super().__init__(message)
        self.photos = photos
        self.tables = tables


def refuse_unless_empty(location: CatalogLocation) -> None:
    """``DatabaseNotEmptyError`` unless the database of ``location`` (a server's) has no table
    in its schema; its connection's own errors (``CatalogError``) as opening a catalog says them."""
    assert location.url is not None
    conn = connect(location)
    try:
        tables = table_names(conn)
        if not tables:
            return
        shown = location.shown()
        if "schema_migrations" in tables and "photos" in tables:
            photos = int(conn.execute("SELECT count(*) FROM photos").fetchone()[0])
            raise DatabaseNotEmptyError(
                f"{shown}: the database already holds an archive's catalog ({photos} photos); a new archive"
                " needs an empty database (to work on that archive, open its folder)",
                photos=photos,
                tables=tables,
            )
        raise DatabaseNotEmptyError(
            f"{shown}: the database holds tables that are not a catalog's ({', '.join(tables[:5])}); a new"
            " archive needs an empty database",
            photos=None,
            tables=tables,
        )
    finally:
        conn.close()
