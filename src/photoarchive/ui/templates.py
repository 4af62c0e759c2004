"""Metadata templates (named field presets) as the GUI uses them: their names, and applying one
to photos as one undoable step. Storage and rendering are ``photoarchive.templates``'s."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from photoarchive import templates as template_api
from photoarchive.catalog import Catalog
from photoarchive.ui.undo import PhotoEdits


def names(catalog: Catalog) -> list[str]:
    return [t.name for t in template_api.list_templates(catalog)]


def apply(edits: PhotoEdits, photo_ids: Sequence[int], name: str) -> None:
    """Apply the template to the photos (variables filled per photo) as one undoable edit."""
    ids = list(dict.fromkeys(photo_ids))
    template = template_api.find_template(edits.catalog, name)  # NotFoundError before anything
    rendered: dict[int, dict[str, Any]] = {}

    def values(photo_id: int) -> dict[str, Any]:
        # Rendered on the first call, which apply_edit makes inside the edit's transaction: from
        # the photos' values ({caption}, keywords added) as they are when it is written.
        if not rendered:
            rendered.update(template_api.template_values(edits.catalog, template, ids))
        return rendered[photo_id]

    count = len(ids)  # a plain name: lupdate does not see a string whose count is a call
    text = QCoreApplication.translate("Templates", "Apply template “{name}” to %n photo(s)", "", count)
    edits.apply(ids, values, text.format(name=name))
