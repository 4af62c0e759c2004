"""Metadata templates (named field presets) as the GUI uses them: their names, and applying one
to photos as one undoable step. Storage and rendering are ``photoarchive.templates``'s."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from photoarchive import templates as template_api
from photoarchive.catalog import Catalog
from photoarchive.ui.undo import PhotoEdits


def names(catalog: Catalog) -> list[str]:
    return [t.name for t in template_api.list_templates(catalog)]


def apply(edits: PhotoEdits, photo_ids: Sequence[int], name: str) -> None:
    """Apply the template to the photos (variables filled per photo) as one undoable edit."""
    per_photo = template_api.template_values(edits.catalog, name, photo_ids)
    count = len(per_photo)
    text = QCoreApplication.translate("Templates", "Apply template “{name}” to %n photo(s)", "", count)
    edits.apply(list(per_photo), per_photo.__getitem__, text.format(name=name))
