"""Templates with variables: field presets, caption templates and file names.

Specification
=============

A template is text in which these constructs are replaced, per photo:

``{name}``
    The value of the variable ``name``. A variable without a value gives empty text.
    A list (keywords) gives its items joined by ", ".
``{name:spec}``
    The value formatted by ``spec``. For the date variables (``date``, ``date_created``) the
    spec is a ``strftime`` pattern: ``{date:%Y-%m-%d}``; a date known only to the month or the
    year gives empty text for a pattern that needs more (``{date_created:%d}`` of ``1945-08``).
    For ``sequence`` it is a Python integer format: ``{sequence:03}`` gives ``007``. For text
    it is a Python string format: ``{caption:.80}`` keeps the first 80 characters.
``{{`` and ``}}``
    A literal ``{`` and ``}``.
``[ ... ]``
    An optional group. It is printed with its brackets, unless every variable inside it
    (at any depth) is empty: then it is left out, together with the spaces just before it.
    ``{caption} [Credit photo: {creator} - {source}]`` gives ``Tank. [Credit photo: Ivan -
    Archive]``, and just ``Tank.`` when there is neither creator nor source. Groups nest:
    ``[Credit photo: {creator}[, {source}]]``. A group without variables is always printed,
    and a bracket without its partner is plain text, so ordinary brackets need no escaping.
``{?name} ... {/name}``
    A section, printed (without the markers) only when ``name`` has a value; sections nest.
    ``{caption}{?city} Photographed near {city}.{/city}``.

Variables: every curated field (``caption``, ``creator``, ``city``, ... as in
``CuratedFields``; a structure gives its members' values joined by ", ", a list of structures
the first member of each (the artworks' titles, the licensors' names), image regions their
names), each member of a structure as ``{FIELD_MEMBER}`` (``{location_created_city}``,
``{creator_contact_info_email}``), plus ``date`` (the capture date), ``filename`` (the original's file
name without its extension) and ``sequence`` (the photo's number in the batch or export).

Errors: a variable that is not known, a malformed spec, a ``{`` or ``}`` out of place, or a
section that is not closed raise ``ValidationError`` naming the problem and the template's
field, when the template is compiled, that is before any photo is touched: an unknown
variable is never a silent blank.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from photoarchive.errors import ValidationError
from photoarchive.metadata import dates
from photoarchive.model.curated import CURATED_FIELD_NAMES, FIELDS, CuratedFields
from photoarchive.model.fields import Kind

# The capture date, and the curated fields that hold one date (not a range): strftime specs.
DATE_VARIABLES = frozenset({"date"} | {spec.name for spec in FIELDS if spec.kind is Kind.DATE})
# A structure's members: {location_created_city}.
MEMBER_VARIABLES: dict[str, tuple[str, str]] = {
    f"{spec.name}_{member.name}": (spec.name, member.name)
    for spec in FIELDS
    if spec.kind is Kind.STRUCT
    for member in spec.members
}
VARIABLES = frozenset(CURATED_FIELD_NAMES) | {"date", "filename", "sequence"} | frozenset(MEMBER_VARIABLES)

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_TOKEN = re.compile(
    r"\{\{|\}\}|\{\?(" + _NAME + r")\}|\{/(" + _NAME + r")\}|\{(" + _NAME + r")(?::([^{}]*))?\}|[{}\[\]]"
)
# strftime directives that need no more than a year, or a year and a month.
_YEAR_ONLY = set("YyCG%")
_MONTH_OK = _YEAR_ONLY | set("mBbh")


@dataclass
class _Var:
    name: str
    spec: str


@dataclass
class _Node:
    kind: str  # "root", "group" or "section"
    name: str = ""
    children: list[str | _Var | _Node] = field(default_factory=list)

    def variables(self) -> list[str]:
        names = []
        for child in self.children:
            if isinstance(child, _Var):
                names.append(child.name)
            elif isinstance(child, _Node):
                names += child.variables()
        return names


def _fail(message: str, field_name: str) -> ValidationError:
    return ValidationError(f"{field_name}: {message}", field=field_name)


def _check_spec(var: _Var, field_name: str) -> None:
    if not var.spec:
        return
    try:
        if var.name in DATE_VARIABLES:
            datetime(2000, 1, 1).strftime(var.spec)
        elif var.name == "sequence":
            format(1, var.spec)
        else:
            format("x", var.spec)
    except (ValueError, TypeError) as error:
        raise _fail(f"format {{{var.name}:{var.spec}}} is not valid ({error})", field_name) from error


@dataclass(frozen=True)
class Template:
    """A compiled template: ``render(values)`` fills it for one photo."""

    source: str
    root: _Node

    @property
    def variables(self) -> set[str]:
        names = set(self.root.variables())
        stack = [self.root]
        while stack:  # section conditions are variables too
            node = stack.pop()
            for child in node.children:
                if isinstance(child, _Node):
                    if child.kind == "section":
                        names.add(child.name)
                    stack.append(child)
        return names

    def render(self, values: Mapping[str, object]) -> str:
        out: list[str] = []
        _render(self.root, values, out)
        return "".join(out)


def compile_template(text: str, *, allowed: Iterable[str] = VARIABLES, field: str = "template") -> Template:
    """Parse ``text`` and check its variables against ``allowed``; see the module doc."""
    allowed = set(allowed)
    stack = [_Node("root")]
    pos = 0

    def close_groups_until_section() -> None:
        # An unclosed "[" inside a section being closed is plain text.
        while stack[-1].kind == "group":
            group = stack.pop()
            stack[-1].children += ["[", *group.children]

    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            stack[-1].children.append(text[pos : match.start()])
        pos = match.end()
        token = match.group(0)
        section, end, name, spec = match.groups()
        if token in ("{{", "}}"):
            stack[-1].children.append(token[0])
        elif token == "[":
            stack.append(_Node("group"))
        elif token == "]":
            if stack[-1].kind == "group":
                group = stack.pop()
                stack[-1].children.append(group)
            else:
                stack[-1].children.append("]")
        elif token in "{}":
            raise _fail(
                f"'{token}' at position {match.start() + 1} is not part of a variable "
                f"(write '{token * 2}' for the character itself)",
                field,
            )
        elif section:
            if section not in allowed:
                raise _fail(f"unknown variable {{?{section}}}", field)
            stack.append(_Node("section", section))
        elif end:
            close_groups_until_section()
            if stack[-1].kind != "section" or stack[-1].name != end:
                raise _fail(f"{{/{end}}} at position {match.start() + 1} closes no {{?{end}}}", field)
            node = stack.pop()
            stack[-1].children.append(node)
        else:
            if name not in allowed:
                raise _fail(f"unknown variable {{{name}}}", field)
            var = _Var(name, spec or "")
            _check_spec(var, field)
            stack[-1].children.append(var)
    if pos < len(text):
        stack[-1].children.append(text[pos:])
    close_groups_until_section()
    if stack[-1].kind == "section":
        raise _fail(f"{{?{stack[-1].name}}} is not closed by {{/{stack[-1].name}}}", field)
    return Template(text, stack[0])


def _format_date(value: object, spec: str) -> str:
    if isinstance(value, (datetime, date)):
        return value.strftime(spec) if spec else value.isoformat()
    text = str(value)
    try:
        parsed = dates.parse_iso(text)
    except ValueError:
        return text if not spec else ""
    if not spec:
        return parsed.iso()
    directives = set(re.findall(r"%-?(.)", spec))
    if (
        (parsed.month is None and not directives <= _YEAR_ONLY)
        or (parsed.day is None and not directives <= _MONTH_OK)
        or (not parsed.has_time and directives & set("HIMSpfzZXcr"))
    ):
        return ""  # the pattern asks for more than the date knows
    return parsed.start().strftime(spec)


def _value_text(name: str, spec: str, values: Mapping[str, object]) -> str:
    if name not in values:
        raise ValidationError(f"template: no value given for variable {{{name}}}", field="template")
    value = values[name]
    if value is None or value == "" or value == []:
        return ""
    if name in DATE_VARIABLES:
        return _format_date(value, spec)
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    try:
        return format(value, spec) if spec else str(value)
    except (ValueError, TypeError) as error:
        raise ValidationError(f"template: {{{name}:{spec}}} cannot format {value!r}", field="template") from error


def _render(node: _Node, values: Mapping[str, object], out: list[str]) -> None:
    for child in node.children:
        if isinstance(child, str):
            out.append(child)
        elif isinstance(child, _Var):
            out.append(_value_text(child.name, child.spec, values))
        elif child.kind == "section":
            if _value_text(child.name, "", values):
                _render(child, values, out)
        else:  # group
            names = child.variables()
            if names and not any(_value_text(n, "", values) for n in names):
                # Drop it, and the spaces that led up to it.
                while out and out[-1].endswith(" "):
                    out[-1] = out[-1].rstrip(" ")
                    if out[-1]:
                        break
                    out.pop()
                continue
            out.append("[")
            _render(child, values, out)
            out.append("]")


def render(template: str, values: Mapping[str, object], *, field: str = "template") -> str:
    """Compile and render in one step."""
    return compile_template(template, field=field).render(values)


def _text_of(value: object) -> str:
    if isinstance(value, dict):  # a lang-alt in a region: its x-default, or its first language
        texts = [str(v) for v in value.values() if isinstance(v, str)]
        return str(value.get("x-default", texts[0] if texts else ""))
    if isinstance(value, list):
        return ", ".join(_text_of(v) for v in value)
    return "" if value is None else str(value)


def _structured_text(kind: Kind, value: object) -> str:
    """A structured field as a template shows it (see the module doc)."""
    if kind is Kind.STRUCT and isinstance(value, dict):
        # The names, not the position (location created's gps_*) nor identifiers.
        shown = [v for k, v in value.items() if not k.startswith("gps_") and not k.endswith("id")]
        return ", ".join(t for t in (_text_of(v) for v in shown) if t)
    items = value if isinstance(value, list) else []
    if kind is Kind.TREE:
        names = [_text_of(next((v for k, v in item.items() if k.endswith(":Name")), "")) for item in items]
    else:
        names = [_text_of(next(iter(item.values()), "")) for item in items if isinstance(item, dict) and item]
    return ", ".join(n for n in names if n)


def photo_variables(
    fields: CuratedFields, *, filename: str = "", date: object = None, sequence: int | None = None
) -> dict[str, object]:
    """The values of every variable for one photo.

    ``filename`` is the original's name (its extension is removed), ``date`` the capture
    date (ISO text or a datetime), ``sequence`` the photo's number.
    """
    values: dict[str, object] = fields.as_dict()
    for spec in FIELDS:
        if spec.structured:
            values[spec.name] = _structured_text(spec.kind, getattr(fields, spec.name))
    for variable, (name, member) in MEMBER_VARIABLES.items():
        member_value = getattr(fields, name).get(member, "")
        values[variable] = ", ".join(member_value) if isinstance(member_value, list) else member_value
    stem = filename.rsplit("/", 1)[-1]
    values["filename"] = stem.rsplit(".", 1)[0] if "." in stem.lstrip(".") else stem
    values["date"] = date
    values["sequence"] = sequence
    return values
