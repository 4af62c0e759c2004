"""Reconciling EXIF, IPTC IIM and XMP by the Metadata Working Group rules; keeping conflicts.

This module is pure: it takes the values that the reader decoded from each standard and
decides, field by field, which one the catalog gets (see ``fields.Precedence`` for the rules,
which follow ExifTool's MWG composite tags so that we read what ExifTool reads). Where the
standards disagree it records a ``Conflict`` with every value, so a curator can choose.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from photoarchive.metadata import dates, iim
from photoarchive.metadata.fields import FieldSpec, Kind, Precedence

Value = str | list[str]

STANDARDS = ("sidecar", "exif", "iim", "xmp")


@dataclass
class Conflict:
    """A field whose standards disagreed: each standard's value, and which one was kept."""

    field: str
    values: dict[str, Value]
    chosen: str

    def as_dict(self) -> dict[str, object]:
        return {"field": self.field, "values": dict(self.values), "chosen": self.chosen}


@dataclass
class Sources:
    """The decoded value of each field in each standard, and what the IPTC digest says.

    ``digest`` is "none" (no IIM, or no digest stored), "match" (IIM unchanged since the
    XMP was written) or "mismatch" (IIM changed by a tool that did not update XMP).
    """

    exif: dict[str, Value] = field(default_factory=dict)
    iim: dict[str, Value] = field(default_factory=dict)
    xmp: dict[str, Value] = field(default_factory=dict)
    sidecar: dict[str, Value] = field(default_factory=dict)
    iim_present: bool = False
    digest: str = "none"


def split_names(text: str) -> list[str]:
    """MWG's list in a string (EXIF Artist): values separated by "; ", quoted when needed."""
    names, current, quoted, i = [], "", False, 0
    while i < len(text):
        char = text[i]
        if char == '"' and (quoted or not current.strip()):
            if quoted and text[i + 1 : i + 2] == '"':  # doubled quote inside quotes
                current += '"'
                i += 1
            else:
                quoted = not quoted
        elif char == ";" and not quoted:
            names.append(current.strip())
            current = ""
        else:
            current += char
        i += 1
    names.append(current.strip())
    return [name for name in names if name]


def join_names(names: list[str]) -> str:
    """Names as one string, "; " between them; a name is quoted only when ``split_names`` needs
    it to be (it holds ";" or starts with a quote), so ``Ivan "Vanya" Petrov`` stays as typed."""
    return "; ".join(f'"{n.replace(chr(34), chr(34) * 2)}"' if ";" in n or n.startswith('"') else n for n in names)


def _present(value: Value | None) -> bool:
    if isinstance(value, list):
        return any(v.strip() for v in value)
    return bool(value and value.strip())


def _recover_truncated(spec: FieldSpec, iim_value: Value, xmp_value: Value | None) -> Value:
    """IIM, except where it is the XMP value cut at the IIM byte limit (ExifTool's rule)."""
    if xmp_value is None or not spec.iim:
        return iim_value
    limit = spec.iim[0].max_bytes
    if isinstance(iim_value, list):
        xmp_list = xmp_value if isinstance(xmp_value, list) else [xmp_value]
        return [
            xmp_list[i] if i < len(xmp_list) and iim.is_truncation(v, xmp_list[i], limit) else v
            for i, v in enumerate(iim_value)
        ]
    xmp_text = xmp_value[0] if isinstance(xmp_value, list) and xmp_value else xmp_value
    return xmp_text if isinstance(xmp_text, str) and iim.is_truncation(iim_value, xmp_text, limit) else iim_value


def _choose_in_file(spec: FieldSpec, src: Sources) -> tuple[Value | None, str]:
    exif_v, iim_v, xmp_v = (s.get(spec.name) for s in (src.exif, src.iim, src.xmp))
    if spec.precedence is Precedence.EXIF_FIRST and _present(exif_v):
        if spec.kind is Kind.DATE and isinstance(exif_v, str):
            for other in (xmp_v, iim_v):
                if isinstance(other, str):
                    exif_v = dates.borrow_offset(exif_v, other)
        return exif_v, "exif"
    if not spec.iim or not src.iim_present:
        return xmp_v, "xmp"
    xmp_ok = _present(xmp_v)
    if xmp_ok and src.digest in ("none", "match"):
        return xmp_v, "xmp"
    if iim_v is None or not _present(iim_v):
        # The IIM was changed after the XMP and no longer has the field: ExifTool reads it
        # as removed, and so do we (the XMP value is kept as a conflict).
        return None, "iim"
    recovered = _recover_truncated(spec, iim_v, xmp_v if xmp_ok else None)
    return recovered, ("xmp" if recovered is xmp_v else "iim")


def _equivalent(spec: FieldSpec, a: Value, b: Value, standards: tuple[str, str]) -> bool:
    limit = spec.iim[0].max_bytes if spec.iim else 0
    truncation_allowed = "iim" in standards

    def same_text(x: str, y: str) -> bool:
        if x == y:
            return True
        if spec.kind is Kind.DATE:
            return dates.compatible(x, y)
        return truncation_allowed and (iim.is_truncation(x, y, limit) or iim.is_truncation(y, x, limit))

    if isinstance(a, list) or isinstance(b, list):
        la = a if isinstance(a, list) else [a]
        lb = b if isinstance(b, list) else [b]
        if spec.kind is Kind.LIST:  # bags have no order
            la, lb = sorted(la), sorted(lb)
        return len(la) == len(lb) and all(same_text(x, y) for x, y in zip(la, lb, strict=True))
    return same_text(a, b)


def reconcile(spec: FieldSpec, src: Sources) -> tuple[Value | None, Conflict | None]:
    """The value the catalog gets for one field, and the conflict if the standards disagree.

    A sidecar's value, when it has one, comes before everything in the file: the tools that
    write sidecars (Lightroom, darktable, digiKam) treat the sidecar as the newer record.
    """
    side_v = src.sidecar.get(spec.name)
    if _present(side_v):
        chosen, source = side_v, "sidecar"
    else:
        chosen, source = _choose_in_file(spec, src)
    candidates: dict[str, Value] = {
        name: value
        for name, value in zip(
            STANDARDS, (side_v, *(s.get(spec.name) for s in (src.exif, src.iim, src.xmp))), strict=True
        )
        if value is not None and _present(value)
    }
    conflict = None
    if chosen is None or not _present(chosen):
        if candidates:
            conflict = Conflict(spec.name, candidates, source)
        return None, conflict
    if any(not _equivalent(spec, chosen, v, (source, name)) for name, v in candidates.items() if name != source):
        conflict = Conflict(spec.name, candidates, source)
    return chosen, conflict
