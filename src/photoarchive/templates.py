"""Field templates (presets): create, change and apply named sets of field values.

The API the GUI and the command line call:

- ``list_templates(catalog) -> list[FieldTemplate]`` and ``find_template(catalog, name_or_id)``;
- ``create_template(catalog, name, values, add_keywords=, remove_keywords=, description=)``
  and ``change_template(catalog, name_or_id, values=, clear=, ...)`` check the template
  (``check_template``) before storing it; ``remove_template(catalog, name_or_id)``;
- ``template_values(catalog, template, photo_ids) -> {photo id: {field: value}}`` renders a
  template for each photo without changing anything (for a preview, or to combine it with
  other values in one edit, as ``photoarchive edit --template`` does);
- ``template_preview(catalog, template, photo_ids) -> TemplatePreview``: each field's values
  on the photos now and after, and how many photos would change (shown before applying);
- ``apply_template(catalog, name_or_template, photo_ids) -> Edit`` applies it as one
  recorded edit (one transaction, one history entry, one undo step).

Each field is set by its mode (``FieldTemplate.modes``), as Photo Mechanic's templates do:
replaced (the default), filled only where the photo's field is empty (a creator typed on
three photos stays), or, for list fields such as keywords, appended to the photo's items.

Values may hold variables (``photoarchive.metadata.variables``): any curated field
(``{creator}``, ``{city}``...), ``{date}`` (the capture date, e.g. ``{date:%Y}``),
``{filename}`` (the original's name without extension) and ``{sequence}`` (1, 2, ... in the
order of ``photo_ids``). An unknown variable is refused when the template is created or
changed, with a message naming the variable and the field. A value without variables is
validated (and normalised: ``ru`` becomes ``RUS``) when the template is stored; a rendered
value is validated when it is applied, so a bad one changes no photo.

A variable naming a field that the template also sets sees the template's value (``creator``
"Ivan Petrov" and copyright "© {date:%Y} {creator}" give "© 2015 Ivan Petrov"); in its own
field it sees the photo's current value, so caption "{caption} (Shumshu, 2015)" appends.
Fields that refer to each other in a circle are refused.

Why a top-level module and not under ``catalog/`` (shared/STYLE.md's rule 6): this is the
templates' rules; their storage is ``catalog.templates``. Applying a template is an edit, so
the rules sit above ``edits``, beside ``places`` and ``reread`` (the import contracts in
pyproject.toml).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from graphlib import CycleError, TopologicalSorter
from typing import Any

from photoarchive.catalog import Catalog, transaction
from photoarchive.catalog import templates as store
from photoarchive.catalog.curated import load_fields
from photoarchive.catalog.translations import normalized_key, parse_key
from photoarchive.edits import Edit, apply_edit
from photoarchive.errors import ValidationError
from photoarchive.metadata import FIELDS_BY_NAME, Template, compile_template, photo_variables, validate_value
from photoarchive.metadata.validate import check_text
from photoarchive.model import CuratedFields, FieldTemplate
from photoarchive.model.curated import CURATED_FIELD_NAMES, LIST_FIELDS
from photoarchive.model.fields import FieldSpec, Kind

list_templates = store.list_templates
find_template = store.find_template

REPLACE, FILL, APPEND = "replace", "fill", "append"
MODES = (REPLACE, FILL, APPEND)


def modes_for(field: str) -> tuple[str, ...]:
    """The modes a field can be set by: append only for list fields (keywords)."""
    return MODES if field in LIST_FIELDS else (REPLACE, FILL)


def create_template(
    catalog: Catalog,
    name: str,
    values: Mapping[str, Any],
    *,
    add_keywords: Sequence[str] = (),
    remove_keywords: Sequence[str] = (),
    description: str = "",
    modes: Mapping[str, str] | None = None,
) -> FieldTemplate:
    """Check and store a new template; ``ValidationError`` naming the field or variable.
    ``modes`` maps fields to "fill" or "append" (the others are replaced)."""
    template = FieldTemplate(
        name, dict(values), list(add_keywords), list(remove_keywords), description, dict(modes or {})
    )
    return store.save_template(catalog, check_template(template))


def change_template(
    catalog: Catalog,
    name_or_id: str | int,
    *,
    name: str | None = None,
    values: Mapping[str, Any] | None = None,
    unset: Iterable[str] = (),
    add_keywords: Sequence[str] | None = None,
    remove_keywords: Sequence[str] | None = None,
    description: str | None = None,
    modes: Mapping[str, str] | None = None,
) -> FieldTemplate:
    """Change a stored template: ``values`` are set (others kept), ``unset`` fields are taken
    out of it (the template then leaves them alone); the keyword lists replace the old ones;
    ``modes`` change the modes of the fields named ("replace" takes a field's mode away)."""
    template = store.find_template(catalog, name_or_id)
    merged = {k: v for k, v in template.values.items() if k not in set(unset)}
    merged.update(values or {})
    merged_modes = {k: v for k, v in template.modes.items() if k in merged}
    merged_modes.update(modes or {})
    changed = replace(
        template,
        name=template.name if name is None else name,
        values=merged,
        add_keywords=template.add_keywords if add_keywords is None else list(add_keywords),
        remove_keywords=template.remove_keywords if remove_keywords is None else list(remove_keywords),
        description=template.description if description is None else description,
        modes=merged_modes,
    )
    return store.save_template(catalog, check_template(changed))


def remove_template(catalog: Catalog, name_or_id: str | int) -> FieldTemplate:
    template = store.find_template(catalog, name_or_id)
    store.delete_template(catalog, template.id)
    return template


def check_template(template: FieldTemplate) -> FieldTemplate:
    """A normalised copy of ``template``, or ``ValidationError`` naming what is wrong."""
    name = check_text("name", template.name)
    if not name:
        raise ValidationError("name: a template needs a name", field="name")
    # A per-language field may be given in a language: "caption[ru]" (catalog.translations).
    keys = {f: normalized_key(f) or f for f in template.values}
    unknown = [f for f, key in keys.items() if key not in FIELDS_BY_NAME and parse_key(key) is None]
    if unknown:
        raise ValidationError(f"unknown field {unknown[0]!r} in template {name!r}", field=unknown[0])
    values: dict[str, str | list[str]] = {}
    for given, value in template.values.items():
        field = keys[given]
        spec = FIELDS_BY_NAME[(parse_key(field) or (field, ""))[0]]
        if spec.structured:
            values[field] = _structured_template(spec, value)
            continue
        if field in LIST_FIELDS:
            items = [check_text(field, v) for v in ([value] if isinstance(value, str) else list(value or []))]
            compiled = [compile_template(v, field=field) for v in items]
            listed = items if any(c.variables for c in compiled) else validate_value(field, items)
            values[field] = listed if isinstance(listed, list) else items
        else:
            if isinstance(value, list):
                raise ValidationError(f"{field}: takes one value, not a list", field=field)
            text = check_text(spec.name, "" if value is None else value, multiline=spec.multiline)
            compiled_one = compile_template(text, field=spec.name)
            checked = text if compiled_one.variables else validate_value(spec.name, text)
            # A template holds text: a rating is kept as "4" (or "" for none), as typed.
            values[field] = "" if checked is None else str(checked) if isinstance(checked, int) else checked
    keyword_lists = []
    for option, items in (("add_keywords", template.add_keywords), ("remove_keywords", template.remove_keywords)):
        cleaned = [check_text("keywords", k) for k in items]
        for item in cleaned:
            compile_template(item, field=option)
        keyword_lists.append(list(dict.fromkeys(k for k in cleaned if k)))
    _render_order(values)  # refuses fields that refer to each other in a circle
    modes: dict[str, str] = {}
    for given, mode in template.modes.items():
        field = normalized_key(given) or given
        if field not in values:
            raise ValidationError(f"{field}: a mode for a field the template does not set", field=field)
        if mode not in modes_for(field):
            hint = " (append takes list fields such as keywords)" if mode == APPEND else ""
            raise ValidationError(
                f"{field}: mode must be one of {', '.join(modes_for(field))}, not {mode!r}{hint}", field=field
            )
        if mode != REPLACE:
            modes[field] = mode
    description = check_text("description", template.description, multiline=True)
    return replace(
        template,
        name=name,
        values=values,
        add_keywords=keyword_lists[0],
        remove_keywords=keyword_lists[1],
        description=description,
        modes=modes,
    )


def _is_set(value: object) -> bool:
    """Whether a field that is not a list holds a value (a rating of 0 does; None does not)."""
    if isinstance(value, dict):  # a structure
        return bool(value)
    return value is not None and bool(str(value).strip())


def _value_of(fields: CuratedFields, field: str) -> Any:
    """A field's value, or one language's (``caption[ru]``: "" when it has none)."""
    parsed = parse_key(field)
    return fields.translations.get(parsed[1], {}).get(parsed[0], "") if parsed else getattr(fields, field)


def template_values(
    catalog: Catalog, template: FieldTemplate | str | int, photo_ids: Sequence[int]
) -> dict[int, dict[str, Any]]:
    """What ``template`` sets on each photo (rendered with its variables), by photo id.

    ``{sequence}`` counts from 1 in the order of ``photo_ids``. Missing photos raise
    ``NotFoundError``. Nothing is changed.
    """
    if not isinstance(template, FieldTemplate):
        template = store.find_template(catalog, template)
    template = check_template(template)
    order = _render_order(template.values)
    compiled = {f: _compile(f, template.values[f]) for f in order}
    adds = [compile_template(k, field="add_keywords") for k in template.add_keywords]
    removes = [compile_template(k, field="remove_keywords") for k in template.remove_keywords]
    ids = list(dict.fromkeys(photo_ids))
    photos = catalog.photos(ids)
    current = load_fields(catalog, ids)
    rendered: dict[int, dict[str, Any]] = {}
    for sequence, photo in enumerate(photos, start=1):
        fields = current[photo.id]
        variables = photo_variables(fields, filename=photo.original_name, date=photo.captured_at, sequence=sequence)
        new: dict[str, Any] = {}
        for field in order:
            value = compiled[field]
            mode = template.modes.get(field, REPLACE)
            has = _value_of(fields, field)
            if mode == FILL and (any(str(v).strip() for v in has) if isinstance(has, list) else _is_set(has)):
                continue  # the photo's own value stays (and is what later fields see)
            spec = FIELDS_BY_NAME.get(field)
            if spec is not None and spec.structured:
                new[field] = _parsed(spec, value, variables)
            elif isinstance(value, list):
                items = [text for text in (t.render(variables) for t in value) if text.strip()]
                new[field] = list(dict.fromkeys([*has, *items])) if mode == APPEND else items
            else:
                new[field] = value.render(variables)
            variables[field] = new[field]  # fields rendered later see the template's value
        if adds or removes:
            keywords = list(new.get("keywords", fields.keywords))
            gone = {t.render(variables) for t in removes}
            keywords = [k for k in keywords + [t.render(variables) for t in adds] if k.strip() and k not in gone]
            new["keywords"] = list(dict.fromkeys(keywords))
        rendered[photo.id] = new
    return rendered


def edit_values(
    catalog: Catalog,
    photo_ids: Sequence[int],
    values: Mapping[str, Any],
    *,
    add_keywords: Sequence[str] = (),
    remove_keywords: Sequence[str] = (),
    template: FieldTemplate | str | int | None = None,
) -> dict[int, dict[str, Any]]:
    """The values one edit sets on each photo: a template's (rendered), then ``values`` (taken
    literally: no variables), then keywords added and removed; for ``apply_edit``, called
    inside the same ``transaction`` (the values are computed from the photos' current ones)."""
    ids = list(dict.fromkeys(photo_ids))
    per_photo = template_values(catalog, template, ids) if template is not None else {pid: {} for pid in ids}
    current = load_fields(catalog, ids) if add_keywords or remove_keywords else {}
    for pid, photo_values in per_photo.items():
        photo_values.update(values)
        if add_keywords or remove_keywords:
            base = photo_values.get("keywords", current[pid].keywords if pid in current else [])
            keywords = [k for k in [*base, *add_keywords] if k not in set(remove_keywords)]
            photo_values["keywords"] = list(dict.fromkeys(keywords))
    return per_photo


@dataclass(frozen=True)
class FieldPreview:
    """One field of a template's preview: its distinct values on the photos now (``before``)
    and after the template (``after``), first seen first, and the photos it changes."""

    field: str
    before: list[Any]
    after: list[Any]
    changed: int


@dataclass(frozen=True)
class TemplatePreview:
    """What applying a template to photos would do, field by field (in the declaration's
    order), and how many of the photos it changes at all."""

    template: FieldTemplate
    photo_count: int
    fields: list[FieldPreview]
    changed_photos: int


def template_preview(
    catalog: Catalog, template: FieldTemplate | str | int, photo_ids: Sequence[int]
) -> TemplatePreview:
    """The effect of ``template`` on the photos, without changing anything (values
    normalised as applying them would; a value that would be refused is shown as rendered)."""
    if not isinstance(template, FieldTemplate):
        template = store.find_template(catalog, template)
    template = check_template(template)
    rendered = template_values(catalog, template, photo_ids)
    ids = list(rendered)
    current = load_fields(catalog, ids)
    # Every field the template sets, also one it changes on none of these photos (filled only
    # where empty, and none is): the curator sees that it was left alone.
    touched = {f for values in rendered.values() for f in values} | set(template.values)
    if template.add_keywords or template.remove_keywords:
        touched.add("keywords")
    previews = []
    changed_photos: set[int] = set()
    keyed = sorted(f for f in touched if parse_key(f) is not None)
    for field in [*(f for f in CURATED_FIELD_NAMES if f in touched), *keyed]:
        before: dict[Any, Any] = {}
        after: dict[Any, Any] = {}
        changed = 0
        for pid in ids:
            old = _value_of(current[pid], field)
            new = _normalised((parse_key(field) or (field, ""))[0], rendered[pid].get(field, old))
            before.setdefault(_key(old), old)
            after.setdefault(_key(new), new)
            if _key(new) != _key(old):
                changed += 1
                changed_photos.add(pid)
        previews.append(FieldPreview(field, list(before.values()), list(after.values()), changed))
    return TemplatePreview(template, len(ids), previews, len(changed_photos))


def _structured_template(spec: FieldSpec, value: Any) -> str | list[str]:
    """A structured field in a template: its text as ``model.structured`` writes it (one text,
    or one per structure of a list), which may hold variables (``city={city}``); checked now
    when it holds none."""
    from photoarchive.model.structured import format_struct, parse_struct

    def text(item: Any) -> str:
        return format_struct(spec, item) if isinstance(item, dict) else check_text(spec.name, item)

    if spec.kind is Kind.TREE:
        raise ValidationError(f"{spec.name}: kept as read; a template cannot set it", field=spec.name)
    if spec.kind is Kind.STRUCT:
        if isinstance(value, list):
            raise ValidationError(f"{spec.name}: takes one structure, not a list", field=spec.name)
        one_text = text(value)
        result: str | list[str] = one_text
        texts = [one_text]
    else:
        texts = [text(item) for item in ([value] if isinstance(value, (str, dict)) else list(value or []))]
        result = texts
    for one in texts:
        if not compile_template(one, field=spec.name).variables:
            validate_value(
                spec.name, parse_struct(spec, one) if spec.kind is Kind.STRUCT else [parse_struct(spec, one)]
            )
    return result


def _parsed(spec: FieldSpec, value: Template | list[Template], variables: Mapping[str, object]) -> Any:
    from photoarchive.model.structured import parse_struct

    if isinstance(value, list):
        return [parsed for t in value if (parsed := parse_struct(spec, t.render(variables)))]
    return parse_struct(spec, value.render(variables))


def _normalised(field: str, value: Any) -> Any:
    try:
        return validate_value(field, value)
    except ValidationError:
        return value


def _key(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def apply_template(
    catalog: Catalog,
    template: FieldTemplate | str | int,
    photo_ids: Sequence[int],
    *,
    who: str | None = None,
    description: str = "",
) -> Edit:
    """Apply a template (or the stored one with this name or id) to photos as one edit."""
    if not isinstance(template, FieldTemplate):
        template = store.find_template(catalog, template)
    # Rendered from the photos' values ({caption}, keywords added) in the transaction that
    # writes them, so that a change made meanwhile elsewhere is built on, not overwritten.
    with transaction(catalog.conn):
        per_photo = template_values(catalog, template, photo_ids)
        count = len(per_photo)
        return apply_edit(
            catalog,
            list(per_photo),
            per_photo.__getitem__,
            description=description or f"Template {template.name!r} on {count} photo{'s' if count != 1 else ''}",
            who=who,
        )


def _compile(field: str, value: str | list[str]) -> Template | list[Template]:
    if isinstance(value, list):
        return [compile_template(v, field=field) for v in value]
    return compile_template(value, field=field)


def _render_order(values: Mapping[str, str | list[str]]) -> list[str]:
    """The template's fields in an order where each comes after the fields it refers to."""
    graph: dict[str, set[str]] = {}
    for field, value in values.items():
        compiled = _compile(field, value)
        names = set().union(*(c.variables for c in compiled)) if isinstance(compiled, list) else compiled.variables
        graph[field] = {n for n in names if n in values and n != field}
    try:
        return list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        circle = " -> ".join(dict.fromkeys(error.args[1]))
        raise ValidationError(
            f"template: fields refer to each other in a circle ({circle})", field="template"
        ) from error
