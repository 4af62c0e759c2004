"""Structured values as a curator types and reads them: ``name=value; name=value``.

One syntax for the command line's options (``--location-created "city=Severo-Kurilsk;
country_code=RUS"``, ``--artworks "title=Medal 'For Courage';creator=Mint;source_inventory_number=
KM-1234"``), for ``show`` and for the plain editors: members named as ``show --json`` names them
(a hyphen may stand for an underscore), separated by ``;``; a member that is a list (an
artwork's creators) has its items separated by ``,``. ``\\;``, ``\\,`` and ``\\=`` are those
characters inside a value, ``\\\\`` a backslash. A value given for a member the field does not
have is kept here and refused by the validator, which names the members.

Image regions (kept as read) are summed up one per line: id, name, shape and boundary, roles.
"""

from __future__ import annotations

import re
from typing import Any

from photoarchive.model.fields import FieldSpec

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


def region_summary(region: dict[str, Any]) -> str:
    """One image region in a line: ``persltr1 "Listener 1": rectangle x=0.31 y=0.18 w=0.127
    h=0.385 (relative); roles: ...; content types: ...; persons: ...``."""
    fields = _local(region)
    head = " ".join(filter(None, [_text(fields.get("rId")), f'"{_text(fields["Name"])}"' if "Name" in fields else ""]))
    boundary = _local(fields.get("RegionBoundary") or {}) if isinstance(fields.get("RegionBoundary"), dict) else {}
    shape = _text(boundary.get("rbShape")) or "?"
    coordinates = " ".join(
        f"{name[2:].lower()}={_text(boundary[name])}"
        for name in ("rbX", "rbY", "rbW", "rbH", "rbRx")
        if name in boundary
    )
    vertices = boundary.get("rbVertices")
    if isinstance(vertices, list):
        points = [_local(v) for v in vertices if isinstance(v, dict)]
        coordinates = " ".join(f"({_text(p.get('rbX'))},{_text(p.get('rbY'))})" for p in points)
    unit = _text(boundary.get("rbUnit"))
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
                parts.append(f"{label}: {', '.join(names)}")
    persons = fields.get("PersonInImage")
    if persons:
        parts.append(f"persons: {_text(persons)}")
    return "; ".join(parts)
