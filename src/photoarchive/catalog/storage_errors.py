"""The words of the catalog's storage errors, the same for a catalog on SQLite and on a server
(``connection.storage_error`` and ``pg.PgConnection.storage_error`` both give these)."""

from __future__ import annotations

from photoarchive.errors import CatalogError


def disk_full_error() -> CatalogError:
    return CatalogError("the disk holding the catalog is full; nothing was changed (free some space and try again)")


def write_failed_error(message: str) -> CatalogError:
    return CatalogError(f"the catalog could not be written ({message}); nothing was changed")


def locked_error(seconds: float) -> CatalogError:
    return CatalogError(
        f"the catalog stayed locked by another program for {seconds:g} s; nothing was changed"
        " (try again when it has finished)"
    )
