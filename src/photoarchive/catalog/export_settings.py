"""The export options last used for each collection, as the catalog stores them (migration
0008_export_settings). Only storage: which options are remembered, and how they become
options again, is ``photoarchive.export.options``'s."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.connection import timestamp, transaction


def load_export_settings(catalog: Catalog, collection_id: int) -> dict[str, Any] | None:
    """The options last saved for the collection, or None when it was never exported."""
    row = catalog.conn.execute(
        "SELECT options FROM export_settings WHERE collection_id = ?", (collection_id,)
    ).fetchone()
    if row is None:
        return None
    data = json.loads(row["options"])
    return data if isinstance(data, dict) else None


def save_export_settings(catalog: Catalog, collection_id: int, options: Mapping[str, Any]) -> None:
    with transaction(catalog.conn):
        catalog.conn.execute(
            "INSERT INTO export_settings (collection_id, options, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (collection_id) DO UPDATE SET options = excluded.options, updated_at = excluded.updated_at",
            (collection_id, json.dumps(dict(options), ensure_ascii=False), timestamp()),
        )
