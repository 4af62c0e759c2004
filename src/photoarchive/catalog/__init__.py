"""The catalog: SQLite schema, migrations and every query of the application."""

from __future__ import annotations

from photoarchive.catalog.archive import ArchivePaths, default_archive_dir
from photoarchive.catalog.catalog import SORT_ORDERS, Catalog
from photoarchive.catalog.connection import connect, transaction

__all__ = ["SORT_ORDERS", "ArchivePaths", "Catalog", "connect", "default_archive_dir", "transaction"]
