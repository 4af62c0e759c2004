"""Reading and writing the structured curated fields (``Kind.STRUCT``, ``STRUCTS``, ``TREE``) in XMP.

A structure's members are declared with the field (``model.fields.Member``): each maps a name of
ours (``city``) to the standard's qualified name (``Iptc4xmpExt:City``). Reading keeps the
declared members (a lang-alt member gives its x-default, or its first language; an array
member a list); members a file has that we do not declare are not read, and writing replaces
the whole property (what we do not declare is not kept: the declarations list every member of
the 2022.1 standard's structures, but an extension's would be lost). A property that the
standard makes a bag of structures and that we model as one structure (location created) is
read from its first item and written as a bag of one.

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


def _to_node(spec: FieldSpec, value: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {}
    for member in spec.members:
        member_value = value.get(member.name)
        if not member_value:
            continue
        if member.type is XmpType.LANG_ALT:
            node[member.xmp] = {"x-default": member_value}
        elif member.is_list:
            node[member.xmp] = list(member_value)
        else:
            node[member.xmp] = member_value
    return node


def _seq(spec: FieldSpec) -> frozenset[str]:
    own = {spec.xmp.key.rsplit(".", 1)[1]} if spec.xmp.type is XmpType.SEQ else set()
    return SEQ_PROPERTIES | {m.xmp for m in spec.members if m.type is XmpType.SEQ} | own


def apply_value(xmp: exiv2.XmpData, spec: FieldSpec, value: Any) -> None:
    """Replace the field's property in ``xmp`` by ``value`` (an empty value removes it)."""
    node: Any
    if spec.kind is Kind.TREE:
        node = list(value or [])
    elif spec.kind is Kind.STRUCT:
        one = _to_node(spec, value or {})
        node = ([one] if one else []) if spec.xmp.type in (XmpType.BAG, XmpType.SEQ) else one
    else:
        node = [n for item in value or [] if (n := _to_node(spec, item))]
    exiv2io.xmp_set_tree(xmp, spec.xmp.key, node, _seq(spec))
