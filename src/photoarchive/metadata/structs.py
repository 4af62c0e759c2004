"""Reading and writing the structured curated fields (``Kind.STRUCT``, ``STRUCTS``, ``TREE``) in XMP.

A structure's members are declared with the field (``model.fields.Member``): each maps a name of
ours (``city``) to the standard's qualified name (``Iptc4xmpExt:City``). Reading keeps the
declared members (a lang-alt member gives its x-default, or its first language; an array
member a list); members a file has that we do not declare (another tool's extension, a
member of a later standard) are not read.

Writing merges member by member over the structure the file already holds (the original's,
which ``write``, the export copies and the sidecars start from): our declared members are
replaced by the curated values (an empty one removes the member), the others are kept as
they are. A lang-alt member whose text the curator left as it was keeps every language the
file gives it; a changed one is written as x-default only (the other languages would hold
the replaced text). An empty value removes the whole property. In a repeated structure
(artworks, contributors) each curated item takes the members we do not declare from the
file's item it shares most declared values with (an unchanged item: itself); items of the
file with none of our members, which the curator never saw, are kept after ours. A property
that the standard makes a bag of structures and that we model as one structure (location
created) is read from its first item and written as a bag of that one: the file's other
items are dropped, as a coarser location precision must not leave them behind.

``Kind.TREE`` (image regions) is kept whole: read as ``exiv2io.xmp_tree`` gives it and written
back the same, arrays as bags but those that the standard orders (``SEQ_PROPERTIES``).
"""

from __future__ import annotations

from typing import Any

import exiv2

from photoarchive.metadata import exiv2io
from photoarchive.model.fields import FieldSpec, Kind, XmpType
from photoarchive.model.structured import lang_alt_text
from photoarchive.model.vocabularies import SEQ_PROPERTIES


def _member_value(node: object, is_list: bool) -> str | list[str]:
    if isinstance(node, dict):  # a lang-alt (a structure where text belongs is not ours to read)
        node = lang_alt_text(node)
    if isinstance(node, list):
        items = [item for item in node if isinstance(item, str)]
        return items if is_list else "; ".join(items)
    text = node if isinstance(node, str) else ""
    return [text] if is_list and text else text


def _from_node(spec: FieldSpec, node: object) -> dict[str, Any]:
    if not isinstance(node, dict):
        return {}
    result: dict[str, Any] = {}
    for member in spec.members:
        if member.xmp in node:
            value = _member_value(node[member.xmp], member.is_list)
            value = [v.strip() for v in value if v.strip()] if isinstance(value, list) else value.strip()
            if value:
                result[member.name] = value
    return result


def read_value(xmp: exiv2.XmpData, spec: FieldSpec) -> Any:
    """The field's value in ``xmp``, None when the file does not have it (or has it empty)."""
    tree = exiv2io.xmp_tree(xmp, spec.xmp.key)
    if tree is None:
        return None
    if spec.kind is Kind.TREE:
        items = tree if isinstance(tree, list) else [tree]
        kept = [item for item in items if isinstance(item, dict) and item]
        return kept or None
    if spec.kind is Kind.STRUCT:
        first = tree[0] if isinstance(tree, list) and tree else tree
        return _from_node(spec, first) or None
    items = tree if isinstance(tree, list) else [tree]
    structs = [s for item in items if (s := _from_node(spec, item))]
    return structs or None


def _to_node(spec: FieldSpec, value: dict[str, Any], original: object = None) -> dict[str, Any]:
    """``value`` as a structure, over ``original`` (the file's): see the module doc."""
    before = original if isinstance(original, dict) else {}
    declared = {member.xmp for member in spec.members}
    node: dict[str, Any] = {key: sub for key, sub in before.items() if key not in declared}
    ours = False
    for member in spec.members:
        member_value = value.get(member.name)
        if not member_value:
            continue
        ours = True
        had = before.get(member.xmp)
        if member.type is XmpType.LANG_ALT and isinstance(had, dict) and lang_alt_text(had) == member_value:
            node[member.xmp] = had  # unchanged: every language the file gives it
        elif member.type is XmpType.LANG_ALT:
            node[member.xmp] = {"x-default": member_value}
        elif member.is_list:
            node[member.xmp] = list(member_value)
        else:
            node[member.xmp] = member_value
    return node if ours else {}


def _shared(spec: FieldSpec, value: dict[str, Any], original: object) -> int:
    """How many declared members ``value`` has with the same value as the file's ``original``."""
    read = _from_node(spec, original)
    return sum(1 for name, member_value in value.items() if member_value and read.get(name) == member_value)


def _to_nodes(spec: FieldSpec, values: list[dict[str, Any]], originals: list[Any]) -> list[dict[str, Any]]:
    """A repeated structure over the file's items: each value paired with the file's item it
    shares most declared values with (greedily, best pairs first), then the file's items that
    have none of our members."""
    pairs = [(i, j) for i in range(len(values)) for j in range(len(originals))]
    shared = {(i, j): _shared(spec, values[i], originals[j]) for i, j in pairs}
    paired: dict[int, int] = {}  # value's index: the file's item's
    for i, j in sorted(pairs, key=lambda pair: -shared[pair]):  # stable: ties in order
        if shared[i, j] and i not in paired and j not in paired.values():
            paired[i] = j
    nodes = [
        node
        for i, value in enumerate(values)
        if (node := _to_node(spec, value, originals[paired[i]] if i in paired else None))
    ]
    return nodes + [item for item in originals if isinstance(item, dict) and item and not _from_node(spec, item)]


def _seq(spec: FieldSpec) -> frozenset[str]:
    own = {spec.xmp.key.rsplit(".", 1)[1]} if spec.xmp.type is XmpType.SEQ else set()
    return SEQ_PROPERTIES | {m.xmp for m in spec.members if m.type is XmpType.SEQ} | own


def apply_value(xmp: exiv2.XmpData, spec: FieldSpec, value: Any) -> None:
    """Write ``value`` as the field's property in ``xmp``, over the structures it holds (see the
    module doc; an empty value removes the property)."""
    node: Any
    before = exiv2io.xmp_tree(xmp, spec.xmp.key)
    originals = before if isinstance(before, list) else [] if before is None else [before]
    if spec.kind is Kind.TREE:
        node = list(value or [])
    elif spec.kind is Kind.STRUCT:
        one = _to_node(spec, value or {}, originals[0] if originals else None)
        node = ([one] if one else []) if spec.xmp.type in (XmpType.BAG, XmpType.SEQ) else one
    else:
        node = _to_nodes(spec, list(value or []), originals) if value else []
    exiv2io.xmp_set_tree(xmp, spec.xmp.key, node, _seq(spec))
