"""Structured values as a curator types and reads them: ``name=value; name=value``.

One syntax for the command line's options (``--location-created "city=Severo-Kurilsk;
country_code=RUS"``, ``--artworks "title=Medal 'For Courage';creator=Mint;source_inventory_number=
KM-1234"``), for ``show`` and for the plain editors: members named as ``show --json`` names them
(a hyphen may stand for an underscore), separated by ``;``; a member that is a list (an
artwork's creators) has its items separated by ``,``. ``\\;``, ``\\,`` and ``\\=`` are those
characters inside a value, ``\\\\`` a backslash. A value given for a member the field does not
have is kept here and refused by the validator, which names the members.

Image regions (kept as read) are summed up one per line: id, name, shape and boundary, roles.

Several photos edited at once (the editor's mixed selection, ``edit --merge``) change their
structures member by member, item by item, and keep the rest of each photo's own:

- one structure (``Kind.STRUCT``): ``common_members`` gives the members every photo holds with
  the same value and those that differ; ``merge_members`` sets the members a curator changed
  (an empty value removes one) on a photo's structure, its other members as they were;
- a list of them (``Kind.STRUCTS``): ``common_items`` gives the items every photo holds; an
  ``ItemsChange`` edits a shared item in each photo's list (member by member, where it is),
  removes a shared item from each, and appends an added one to each that does not hold it
  yet. Items only some photos hold are never touched (the editor says that some photos have
  other items).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from photoarchive.model.fields import FieldSpec, Kind

_SPECIAL = re.compile(r"([\\;,=])")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _split(text: str, separator: str) -> list[str]:
    """``text`` cut at each unescaped ``separator``, the escapes kept (for the next cut)."""
    return re.findall(rf"(?:\\.|[^{re.escape(separator)}\\])+", text)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).strip()


def parse_struct(spec: FieldSpec, text: str) -> dict[str, Any]:
    """A structure of ``spec``'s members from ``name=value; ...`` (empty values left out)."""
    result: dict[str, Any] = {}
    for part in _split(text, ";"):
        if not part.strip():
            continue
        pieces = _split(part, "=")
        key = _unescape(pieces[0]).replace("-", "_")
        raw = "=".join(pieces[1:]) if len(pieces) > 1 else ""
        member = spec.member(key)
        if member is not None and member.is_list:
            result[key] = [_unescape(item) for item in _split(raw, ",") if _unescape(item)]
        else:
            result[key] = _unescape(raw)
    return result


def format_struct(spec: FieldSpec, value: dict[str, Any]) -> str:
    """``value`` as ``parse_struct`` reads it, members in the declaration's order."""
    parts = []
    for member in spec.members:
        member_value = value.get(member.name)
        if not member_value:
            continue
        if isinstance(member_value, list):
            text = ", ".join(_escape(str(item)) for item in member_value)
        else:
            text = _escape(str(member_value))
        parts.append(f"{member.name}={text}")
    return "; ".join(parts)


def lang_alt_text(alternatives: dict[str, Any]) -> str:
    """A lang-alt's text as one value: its x-default, else its first language's."""
    texts = [v for v in alternatives.values() if isinstance(v, str)]
    default = alternatives.get("x-default")
    return default if isinstance(default, str) else texts[0] if texts else ""


def _text(node: object) -> str:
    if isinstance(node, dict):  # a lang-alt
        return lang_alt_text(node)
    if isinstance(node, list):
        return ", ".join(_text(item) for item in node)
    return "" if node is None else str(node)


def _local(node: dict[str, Any]) -> dict[str, Any]:
    return {key.split(":", 1)[-1]: value for key, value in node.items()}


# The words of a region's line that ``region_summary`` gives ``words`` to translate (the window's).
REGION_WORDS = ("rectangle", "circle", "polygon", "pixel", "relative", "roles", "content types", "persons")


def region_summary(region: dict[str, Any], words: Callable[[str], str] | None = None) -> str:
    """One image region in a line: ``persltr1 "Listener 1": rectangle x=0.31 y=0.18 w=0.127
    h=0.385 (relative); roles: ...; content types: ...; persons: ...``. ``words`` translates
    the line's own words (``REGION_WORDS``; a shape or unit not among them is shown as read)."""

    def word(text: str) -> str:
        return words(text) if words is not None and text in REGION_WORDS else text

    fields = _local(region)
    head = " ".join(filter(None, [_text(fields.get("rId")), f'"{_text(fields["Name"])}"' if "Name" in fields else ""]))
    boundary = _local(fields.get("RegionBoundary") or {}) if isinstance(fields.get("RegionBoundary"), dict) else {}
    shape = word(_text(boundary.get("rbShape"))) or "?"
    coordinates = " ".join(
        f"{name[2:].lower()}={_text(boundary[name])}"
        for name in ("rbX", "rbY", "rbW", "rbH", "rbRx")
        if name in boundary
    )
    vertices = boundary.get("rbVertices")
    if isinstance(vertices, list):
        points = [_local(v) for v in vertices if isinstance(v, dict)]
        coordinates = " ".join(f"({_text(p.get('rbX'))},{_text(p.get('rbY'))})" for p in points)
    unit = word(_text(boundary.get("rbUnit")))
    parts = [f"{head}: {shape} {coordinates}".rstrip() + (f" ({unit})" if unit else "")]
    for key, label in (("rRole", "roles"), ("rCtype", "content types")):
        entities = fields.get(key)
        if isinstance(entities, list):
            names = [
                _text(_local(e).get("Name")) or _text(_local(e).get("Identifier"))
                for e in entities
                if isinstance(e, dict)
            ]
            if names:
                parts.append(f"{word(label)}: {', '.join(names)}")
    persons = fields.get("PersonInImage")
    if persons:
        parts.append(f"{word('persons')}: {_text(persons)}")
    return "; ".join(parts)


def item_text(spec: FieldSpec, item: dict[str, Any]) -> str:
    """One structure of the field in a line: an image region summed up (``region_summary``),
    any other as typed (``format_struct``)."""
    return region_summary(item) if spec.kind is Kind.TREE else format_struct(spec, item)


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def merge_members(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``current`` with the members of ``changes`` set (an empty value removes the member) and
    its other members as they were, in their order (new members after them)."""
    merged = {name: changes.get(name, value) for name, value in current.items()}
    merged.update((name, value) for name, value in changes.items() if name not in merged)
    return {name: value for name, value in merged.items() if not _empty(value)}


def common_members(structures: Sequence[Mapping[str, Any]]) -> tuple[dict[str, Any], frozenset[str]]:
    """The members every structure holds with the same value (in the first one's order), and
    the names of those that differ (held by some only, or with other values)."""
    if not structures:
        return {}, frozenset()
    first = structures[0]
    names = dict.fromkeys(name for structure in structures for name in structure)
    same = {name for name in names if all(s.get(name) == first.get(name) for s in structures[1:])}
    return {name: first[name] for name in names if name in same}, frozenset(names) - same


def common_items(lists: Sequence[Sequence[Mapping[str, Any]]]) -> list[dict[str, Any]]:
    """The items every list holds (an item twice only if each holds it twice), in the first
    list's order."""
    if not lists:
        return []
    rests = [list(items) for items in lists[1:]]
    shared = []
    for item in lists[0]:
        if all(item in rest for rest in rests):
            for rest in rests:
                rest.remove(item)
            shared.append(dict(item))
    return shared


def _position(items: Sequence[Mapping[str, Any] | None], item: Mapping[str, Any]) -> int | None:
    return next((at for at, each in enumerate(items) if each == item), None)


@dataclass(frozen=True)
class ItemsChange:
    """A change to the items several photos' lists of structures share, for each photo's list:
    ``edited`` (the shared item as it was, the members changed: ``merge_members``; an item left
    with no member is removed), ``removed`` (shared items taken out), ``added`` (appended where
    the photo does not hold it already). A photo that no longer holds an item edited or
    removed is left as it is; its other items are never touched."""

    edited: tuple[tuple[Mapping[str, Any], Mapping[str, Any]], ...] = ()
    removed: tuple[Mapping[str, Any], ...] = ()
    added: tuple[Mapping[str, Any], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.edited or self.removed or self.added)

    def apply(self, items: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        result: list[dict[str, Any] | None] = [dict(item) for item in items]
        for old, members in self.edited:
            if (at := _position(result, old)) is not None:
                result[at] = merge_members(old, members) or None  # emptied: removed below
        for old in self.removed:
            if (at := _position(result, old)) is not None:
                result[at] = None
        kept = [item for item in result if item]
        for new in self.added:
            if new and new not in kept:
                kept.append(dict(new))
        return kept


def changed(value: Any, change: Mapping[str, Any] | ItemsChange) -> Any:
    """A structure (``value`` a dict) with the members ``change`` gives set, or a list of them
    with an ``ItemsChange`` made on it; anything else in ``value`` is taken as empty."""
    if isinstance(change, ItemsChange):
        return change.apply([item for item in value if isinstance(item, dict)] if isinstance(value, list) else [])
    return merge_members(value if isinstance(value, dict) else {}, change)
