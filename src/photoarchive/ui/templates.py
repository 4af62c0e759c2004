"""Metadata templates (named field presets) as the GUI uses them: their names; applying one to
photos as one undoable step, after a preview of what it changes (``apply_with_preview``);
creating and changing one in a dialog (``new_template``, ``edit_template``). Storage,
rules and rendering are ``photoarchive.templates``'s."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from photoarchive import templates as template_api
from photoarchive.catalog import Catalog
from photoarchive.model import FieldTemplate
from photoarchive.ui.dialogs.template_dialog import TemplateDialog
from photoarchive.ui.dialogs.template_preview_dialog import TemplatePreviewDialog
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


def apply_with_preview(edits: PhotoEdits, photo_ids: Sequence[int], name: str, parent: QWidget | None) -> bool:
    """Show what the template would change on the photos; apply it (one undo step) when the
    curator says Apply. True when applied."""
    ids = list(dict.fromkeys(photo_ids))
    dialog = TemplatePreviewDialog(template_api.template_preview(edits.catalog, name, ids), parent)
    if not dialog.exec():
        return False
    apply(edits, ids, name)
    return True


def new_template(catalog: Catalog, parent: QWidget | None) -> FieldTemplate | None:
    """Ask for a new template and store it; None when cancelled."""
    dialog = TemplateDialog(parent=parent)
    if not dialog.exec() or (template := dialog.template()) is None:
        return None
    return save(catalog, template)


def edit_template(catalog: Catalog, name: str, parent: QWidget | None) -> FieldTemplate | None:
    """Change a stored template in the dialog; None when cancelled."""
    dialog = TemplateDialog(template_api.find_template(catalog, name), parent)
    if not dialog.exec() or (template := dialog.template()) is None:
        return None
    return save(catalog, template)


def save(catalog: Catalog, template: FieldTemplate) -> FieldTemplate:
    """Store a template from the dialog: a new one, or the changes to a stored one (fields
    taken out are unset, modes set for every field it keeps)."""
    if not template.id:
        return template_api.create_template(
            catalog,
            template.name,
            template.values,
            add_keywords=template.add_keywords,
            remove_keywords=template.remove_keywords,
            description=template.description,
            modes=template.modes,
        )
    stored = template_api.find_template(catalog, template.id)
    return template_api.change_template(
        catalog,
        template.id,
        name=template.name,
        values=template.values,
        unset=[field for field in stored.values if field not in template.values],
        description=template.description,
        modes={field: template.modes.get(field, template_api.REPLACE) for field in template.values},
    )
