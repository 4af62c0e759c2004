"""Field templates (presets) as the catalog stores them (migrations 0005_templates and
0009_template_modes).

Only storage: checking a template's values and variables, and applying it to photos, is done
by ``photoarchive.templates``, which is what the GUI and the command line call.
"""

from __future__ import annotations

import json
from typing import Any

from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.connection import dialect, timestamp, transaction
from photoarchive.catalog.dialect import nocase
from photoarchive.catalog.rows import from_row
from photoarchive.errors import NotFoundError, ValidationError
from photoarchive.model import FieldTemplate


def list_templates(catalog: Catalog) -> list[FieldTemplate]:
    """Every template, sorted by name (case-insensitively)."""
    order = nocase(dialect(catalog.conn), "name")
    return [_template(row) for row in catalog.conn.execute(f"SELECT * FROM templates ORDER BY {order}")]


def find_template(catalog: Catalog, name_or_id: str | int) -> FieldTemplate:
    """The template with this name (any case) or id; ``NotFoundError`` naming it otherwise."""
    row = None
    if isinstance(name_or_id, int) or str(name_or_id).isdigit():
        row = catalog.conn.execute("SELECT * FROM templates WHERE id = ?", (int(name_or_id),)).fetchone()
    if row is None:
        found = dialect(catalog.conn)  # names are unique without regard to the case of A-Z (NOCASE)
        row = catalog.conn.execute(
            f"SELECT * FROM templates WHERE {nocase(found, 'name')} = {nocase(found, '?')}", (str(name_or_id).strip(),)
        ).fetchone()
    if row is None:
        raise NotFoundError(f"no template named {str(name_or_id)!r} (photoarchive template list shows them)")
    return _template(row)


def save_template(catalog: Catalog, template: FieldTemplate) -> FieldTemplate:
    """Insert (``id`` 0) or update a template; returns it as stored. A name already taken by
    another template raises ``ValidationError``."""
    now = timestamp()
    row = (
        template.name,
        template.description,
        json.dumps(template.values, ensure_ascii=False),
        json.dumps(template.add_keywords, ensure_ascii=False),
        json.dumps(template.remove_keywords, ensure_ascii=False),
        json.dumps(template.modes, ensure_ascii=False),
    )
    try:
        with transaction(catalog.conn):
            if template.id:
                cursor = catalog.conn.execute(
                    "UPDATE templates SET name = ?, description = ?, field_values = ?, add_keywords = ?,"
                    " remove_keywords = ?, field_modes = ?, updated_at = ? WHERE id = ?",
                    (*row, now, template.id),
                )
                if cursor.rowcount == 0:
                    raise NotFoundError(f"no template with id {template.id}")
                template_id = template.id
            else:
                template_id = int(
                    catalog.conn.execute(
                        "INSERT INTO templates (name, description, field_values, add_keywords, remove_keywords,"
                        " field_modes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        (*row, now, now),
                    ).fetchone()[0]
                )
    except catalog.conn.IntegrityError as error:  # SQLite's or the server's: the name's unique index
        raise ValidationError(f"name: a template named {template.name!r} already exists", field="name") from error
    return find_template(catalog, template_id)


def delete_template(catalog: Catalog, template_id: int) -> None:
    with transaction(catalog.conn):
        if catalog.conn.execute("DELETE FROM templates WHERE id = ?", (template_id,)).rowcount == 0:
            raise NotFoundError(f"no template with id {template_id}")


def _template(row: Any) -> FieldTemplate:
    return from_row(
        FieldTemplate,
        row,
        json_columns=("add_keywords", "remove_keywords"),
        values=json.loads(row["field_values"]),  # VALUES is an SQL keyword: the column has another name
        modes=json.loads(row["field_modes"]),
    )
