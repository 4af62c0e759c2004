"""Edits: every change a curator makes to photos, with old and new values, kept in history.

One edit is one call: it may change several fields of many photos (a batch caption, a
template, a place assignment), and it is validated first, applied in one transaction and
recorded in the history (``catalog.history``) with who made it, when, and each old and new value.
If any value is invalid, nothing is changed. ``revert_edit`` puts the old values back (as a
new edit that says which one it reverts): the GUI's undo and the command line use the same.

Several windows and processes may edit the same photos at once. Each edit reads the values
it replaces (and computes values derived from them) inside its own write transaction, so no
change is lost and each recorded old value is the value that was there: the history of a
field is a chain. ``revert_edit(..., only_if_unchanged=True)`` checks, in the transaction
that would write, that nothing changed since the edit (``StaleEditError`` otherwise).

Validation: every curated field goes through ``metadata.validate_value`` (size, control
characters, dates and date ranges, country codes, URLs), the position through the GPS
ranges; the ``ValidationError`` names the field. ``None`` for a curated field means empty.

Conflicts: setting a field settles the conflict that the file's standards had about it (the
curator has chosen), so an edit that sets a field also removes that field from the photo's
``conflicts``, as part of the same recorded edit (undo brings it back). An edit that gives
``conflicts`` itself (a re-read of the file) sets them as given.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from photoarchive.catalog import Catalog, transaction
from photoarchive.catalog.connection import timestamp
from photoarchive.catalog.curated import (
    CONFLICTS,
    EDITABLE_FIELDS,
    LIST_FIELDS,
    from_column,
    load_values,
    to_column,
)
from photoarchive.catalog.history import Edit, FieldChange, history, load_edit, record_edit, reverted_by
from photoarchive.catalog.sidecars import mirror_sidecars
from photoarchive.catalog.translations import (
    default_language,
    key_for,
    normalized_key,
    parse_key,
    photos_to_relabel,
    set_languages,
    translation_key,
)
from photoarchive.errors import NotFoundError, StaleEditError, ValidationError
from photoarchive.metadata import FIELDS_BY_NAME, validate_value
from photoarchive.model.curated import PER_LANGUAGE_FIELDS
from photoarchive.model.fields import Kind
from photoarchive.model.languages import normalize_language
from photoarchive.model.structured import ItemsChange, changed

# The history's records and reading are the catalog's (catalog.history); they are part of
# the edits' API, so they are named here too.
__all__ = [
    "Edit",
    "FieldChange",
    "StaleEditError",
    "apply_edit",
    "history",
    "load_edit",
    "load_values",
    "reapply_edit",
    "revert_edit",
    "reverted_by",
    "set_archive_languages",
    "stale_changes",
    "structure_values",
]

_GPS_LIMITS = {"latitude": 90.0, "longitude": 180.0}


def apply_edit(
    catalog: Catalog,
    photo_ids: Sequence[int],
    values: Mapping[str, Any] | Callable[[int], Mapping[str, Any]],
    *,
    description: str = "",
    who: str | None = None,
) -> Edit:
    """Set fields on photos as one recorded edit; ``values`` may differ per photo (a callable).

    The current values are read, and a callable ``values`` is called, inside the edit's write
    transaction: values computed from the current ones (keywords added to a photo's) are
    computed from what the photo holds when the edit is made, and the old values recorded
    are the ones replaced, however many processes edit at once. A caller that computes
    values from the catalog beforehand does so inside ``with transaction(catalog.conn):``
    around this call. Values equal to the current ones are not recorded; an edit that changes
    nothing still returns an Edit (with no changes, and no history entry: ``id`` is 0).
    """
    ids = list(dict.fromkeys(photo_ids))

    def changes() -> list[FieldChange]:
        default = default_language(catalog)
        per_photo = {
            pid: {_field_name(f, default): v for f, v in (values(pid) if callable(values) else values).items()}
            for pid in ids
        }
        fields = sorted({f for v in per_photo.values() for f in v})
        unknown = [f for f in fields if f not in EDITABLE_FIELDS and parse_key(f) is None]
        if unknown:
            raise ValidationError(f"unknown field {unknown[0]!r}", field=unknown[0])
        for pid, given in per_photo.items():
            per_photo[pid] = {f: _validate(f, v) for f, v in given.items()}
        settles = fields and CONFLICTS not in fields and any(f in FIELDS_BY_NAME for f in fields)
        loaded = [*fields, CONFLICTS] if settles else fields
        current = load_values(catalog, ids, loaded) if fields else {}
        missing = [pid for pid in ids if pid not in current and fields]
        if missing:
            raise NotFoundError(f"no photo with id {', '.join(map(str, missing))}")
        if settles:
            for pid, given in per_photo.items():
                remaining = [c for c in current[pid][CONFLICTS] if c.get("field") not in given]
                if remaining != current[pid][CONFLICTS]:
                    given[CONFLICTS] = remaining
        return [
            FieldChange(pid, f, current[pid][f], new)
            for pid in ids
            for f, new in per_photo[pid].items()
            if _normal(f, current[pid][f]) != _normal(f, new)
        ]

    return _record(catalog, changes, description, who)


def structure_values(
    catalog: Catalog, field: str, change: Mapping[str, Any] | ItemsChange
) -> Callable[[int], dict[str, Any]]:
    """Per-photo values for ``apply_edit`` that change a structured field of several photos
    member by member (``model.structured``): for one structure (``Kind.STRUCT``), ``change``
    is the members to set on each photo's (an empty value removes one), its other members
    kept; for a list of them (``Kind.STRUCTS``), an ``ItemsChange`` made on each photo's list,
    its other items kept. Each photo's value is read when the edit calls for it, inside its
    write transaction, so the undo step records each photo's own prior structure."""
    spec = FIELDS_BY_NAME.get(field)
    if spec is None or spec.kind not in (Kind.STRUCT, Kind.STRUCTS):
        raise ValidationError(f"{field!r} is not a structured field", field=field)
    if (spec.kind is Kind.STRUCTS) != isinstance(change, ItemsChange):
        raise ValidationError(
            f"{spec.label}: a change of {'items' if spec.kind is Kind.STRUCTS else 'members'} expected", field=field
        )

    def values(photo_id: int) -> dict[str, Any]:
        current = load_values(catalog, [photo_id], [field]).get(photo_id, {}).get(field)
        return {field: changed(current, change)}

    return values


def set_archive_languages(catalog: Catalog, tags: Sequence[str], *, who: str | None = None) -> tuple[list[str], Edit]:
    """Set the archive's languages (BCP 47 tags, the default first; ``ValidationError`` for a
    bad one) and, when the default language changes, move the text so that the fields' own
    values (x-default) are in the new default language, as one recorded edit (``Edit.id`` 0
    when nothing moved). For each per-language field of each photo: a value in the new default
    language becomes the field's value (and is no longer a separate language); the field's
    former value becomes the old default language's, unless it is that same text. A photo
    with nothing in the new language keeps its value as x-default, the fallback, and has it
    in the old language too. Setting the languages back moves everything back. With no old
    default, a value in the new language becomes the field's where the field is empty or
    holds the same text (another is kept as it is: nothing says what language it is in)."""
    wanted = list(dict.fromkeys(normalize_language(tag, name="languages") for tag in tags))
    new = wanted[0] if wanted else None
    edit = Edit(0, timestamp(), who or catalog.curator, "")
    with transaction(catalog.conn):
        old = default_language(catalog)
        if new is not None and new != old:
            set_languages(catalog, [])  # meanwhile the edit names each language apart from the fields
            keys = {f: (translation_key(f, new), translation_key(f, old) if old else "") for f in PER_LANGUAGE_FIELDS}
            ids = photos_to_relabel(catalog, new, with_text=old is not None)
            current = load_values(catalog, ids, [*PER_LANGUAGE_FIELDS, *(k[0] for k in keys.values())])

            def values(photo_id: int) -> dict[str, Any]:
                out: dict[str, Any] = {}
                for field, (in_new, in_old) in keys.items():
                    own, translated = current[photo_id][field], current[photo_id][in_new]
                    if old is None and translated and own not in ("", translated):
                        continue
                    out[field], out[in_new] = translated or own, ""
                    if in_old and own and own != translated:
                        out[in_old] = own
                return out

            description = f"Default language {old or '(none)'} -> {new}: the fields' values moved to {new}"
            edit = apply_edit(catalog, ids, values, description=description, who=who)
        set_languages(catalog, wanted)
    return wanted, edit


def revert_edit(catalog: Catalog, edit_id: int, *, who: str | None = None, only_if_unchanged: bool = False) -> Edit:
    """Put back the old values of an edit, as a new edit that reverts it.

    The values replaced are read in the same write transaction, and recorded as they are.
    With ``only_if_unchanged``, an edit whose values were changed after it (a later edit,
    another window or process, or an earlier undo) is not reverted: ``StaleEditError`` names
    those changes, and nothing is changed.
    """

    def changes() -> list[FieldChange]:
        original = load_edit(catalog, edit_id)
        wanted = [FieldChange(c.photo_id, c.field, c.new, c.old) for c in reversed(original.changes)]
        return _from_current(catalog, edit_id, wanted, only_if_unchanged, "undone")

    description = f"Undo: {load_edit(catalog, edit_id).description}"
    return _record(catalog, changes, description, who, reverts=edit_id)


def reapply_edit(catalog: Catalog, edit_id: int, *, who: str | None = None, only_if_unchanged: bool = False) -> Edit:
    """Apply an edit's new values again (redo after an undo); ``only_if_unchanged`` as for
    ``revert_edit``: refused with ``StaleEditError`` when the old values are no longer there."""

    def changes() -> list[FieldChange]:
        wanted = list(load_edit(catalog, edit_id).changes)
        return _from_current(catalog, edit_id, wanted, only_if_unchanged, "redone")

    return _record(catalog, changes, load_edit(catalog, edit_id).description, who)


def _from_current(
    catalog: Catalog, edit_id: int, wanted: list[FieldChange], only_if_unchanged: bool, verb: str
) -> list[FieldChange]:
    """``wanted`` (``old`` the value expected now, ``new`` the value to set) with ``old`` the
    value each field holds now; read inside the caller's transaction. Photos gone are left
    out, and so are fields that already hold their new value."""
    fields = sorted({c.field for c in wanted})
    current = load_values(catalog, sorted({c.photo_id for c in wanted}), fields) if fields else {}
    stale = [
        c
        for c in wanted
        if c.photo_id in current and _normal(c.field, current[c.photo_id][c.field]) != _normal(c.field, c.old)
    ]
    if stale and only_if_unchanged:
        first = stale[0]
        more = f" (and {len(stale) - 1} more)" if len(stale) > 1 else ""
        raise StaleEditError(
            f"edit {edit_id} was not {verb}: photo {first.photo_id}'s {first.field.replace('_', ' ')} was changed "
            f"after it{more}",
            edit_id,
            [FieldChange(c.photo_id, c.field, c.new, c.old) for c in stale] if verb == "undone" else stale,
        )
    changes = []
    for c in wanted:
        if c.photo_id not in current:
            continue
        now = current[c.photo_id][c.field]
        if _normal(c.field, now) != _normal(c.field, c.new):
            changes.append(FieldChange(c.photo_id, c.field, now, c.new))
            current[c.photo_id][c.field] = c.new  # a later change of the same field follows this one
    return changes


def _record(
    catalog: Catalog,
    changes: Callable[[], list[FieldChange]],
    description: str,
    who: str | None,
    reverts: int | None = None,
) -> Edit:
    """Make and record the changes ``changes()`` gives, computed inside the transaction that
    writes them (so that what they replace cannot change in between)."""
    who = who or catalog.curator
    at = timestamp()
    with transaction(catalog.conn):
        made = changes()
        if not made:
            return Edit(0, at, who, description or _describe(catalog, made))
        description = description or _describe(catalog, made)
        edit_id = record_edit(catalog, at, who, description, made, reverts)
    mirror_sidecars(catalog, {c.photo_id for c in made})  # after the commit; never undoes it
    return Edit(edit_id, at, who, description, made, reverts)


def stale_changes(catalog: Catalog, edit: Edit) -> list[FieldChange]:
    """The changes of ``edit`` whose field no longer holds the value the edit gave it (a later
    edit changed it again): undoing the edit would overwrite that later value."""
    fields = sorted({c.field for c in edit.changes})
    current = load_values(catalog, edit.photo_ids, fields) if fields else {}
    return [
        c
        for c in edit.changes
        if c.photo_id in current and _normal(c.field, current[c.photo_id][c.field]) != _normal(c.field, c.new)
    ]


def _field_name(field: str, default: str | None) -> str:
    """A field as an edit names it: one language's value (``caption[RU]``) with its tag
    normalised (``caption[ru]``), and the default language's value as the field itself."""
    key = normalized_key(field)
    parsed = parse_key(key) if key else None
    return key_for(*parsed, default) if parsed else field


def _validate(field: str, value: Any) -> Any:
    """The normalised value, or ValidationError naming the field (see the module doc)."""
    if (parsed := parse_key(field)) is not None:  # one language's value: validated as its field's
        return validate_value(parsed[0], "" if value is None else value)
    if field in FIELDS_BY_NAME:
        if value is None:
            value = [] if field in LIST_FIELDS else ""
        return validate_value(field, value)
    if field in _GPS_LIMITS or field == "altitude":
        if value is None:
            return None
        limit = _GPS_LIMITS.get(field, math.inf)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ValidationError(f"GPS {field} {value!r} is not a number", field=field)
        if abs(value) > limit:
            raise ValidationError(f"GPS {field} {value!r} is out of range (-{limit:g} to {limit:g})", field=field)
        return float(value)
    if field == "gps_source" and value is not None and not (isinstance(value, str) and value.isidentifier()):
        raise ValidationError(f"gps_source {value!r} is not a source name (camera, edited, place, gpx)", field=field)
    if field == "place_id" and value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValidationError(f"place_id {value!r} is not a place id", field=field)
    if field == CONFLICTS and not (
        isinstance(value, list) and all(isinstance(c, dict) and isinstance(c.get("field"), str) for c in value)
    ):
        raise ValidationError("conflicts must be a list of {field, values, chosen}", field=field)
    return value


def _normal(field: str, value: Any) -> Any:
    return from_column(field, to_column(field, value))


def _describe(catalog: Catalog, changes: list[FieldChange]) -> str:
    """ "Edit caption of IMG_0012.JPG", "Edit caption, credit of 9 photos": the history names
    the photo when there is one."""
    fields = sorted({c.field for c in changes if c.field != CONFLICTS}) or [CONFLICTS]
    ids = {c.photo_id for c in changes}
    what = ", ".join(_named(f) for f in fields[:3]) + (" ..." if len(fields) > 3 else "")
    if len(ids) == 1:
        try:
            return f"Edit {what} of {catalog.photo(next(iter(ids))).original_name}"
        except NotFoundError:
            pass
    return f"Edit {what} of {len(ids)} photo{'s' if len(ids) != 1 else ''}"


def _named(field: str) -> str:
    """ "caption", "alt text", "caption (ru)"."""
    parsed = parse_key(field)
    return f"{parsed[0].replace('_', ' ')} ({parsed[1]})" if parsed else field.replace("_", " ")
