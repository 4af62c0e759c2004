"""Metadata templates (named field presets) as the GUI uses them: their names, and applying one
to photos as one undoable step.

Templates are stored by the metadata work in the catalog (``photoarchive.catalog.templates``);
until that lands, there are none and the menus say so.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from types import ModuleType

from photoarchive.catalog import Catalog
from photoarchive.ui.undo import PhotoEdits


def _store() -> ModuleType | None:
    try:
        return importlib.import_module("photoarchive.catalog.templates")
    except ImportError:
        return None


def names(catalog: Catalog) -> list[str]:
    store = _store()
    if store is None:
        return []
    return [t.name for t in store.list_templates(catalog)]


def apply(edits: PhotoEdits, photo_ids: Sequence[int], name: str) -> None:
    """Apply the template to the photos, as one undoable, recorded edit."""
    store = _store()
    if store is None:
        return
    values = store.template_values(edits.catalog, name, photo_ids)
    edits.apply(photo_ids, values, f"Apply template “{name}” to {len(photo_ids)} photos")
