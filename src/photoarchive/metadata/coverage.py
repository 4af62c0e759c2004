"""Which IPTC properties a file carries that we model, keep, or lose: ``check --metadata``.

Found by doing, not by a list: the file is read as an import reads it, written back in memory
as ``write`` writes a copy (``write_bytes``, every value as read, a placeholder as the
original holds it), and each top-level property of the IPTC namespaces (Iptc4xmpCore,
Iptc4xmpExt, PLUS, and the dc, photoshop, xmpRights and xmp properties the standard uses) and
each IIM dataset of record 2 is compared before and after:

- ``modelled``: a curated field reads it (``model.curated``), and it comes back as it was;
- ``modelled, changed``: a field reads it, but writing changes it (a second location shown,
  languages of a lang-alt we keep as x-default only, IIM shortened to its byte limit, members of
  a structure we do not declare);
- ``kept``: no field reads it, and ``write`` leaves it as it was;
- ``lost``: no field reads it, and ``write`` removes or changes it.

A publication package keeps fewer (export drops what it is told to); this is what ``write``
keeps.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import exiv2

from photoarchive.errors import MetadataReadError, MetadataWriteError
from photoarchive.metadata import exiv2io
from photoarchive.metadata.fields import FIELDS, LOCATION_SHOWN
from photoarchive.metadata.read import read_curated
from photoarchive.metadata.validate import restore_as_read, salvaged
from photoarchive.metadata.write import write_bytes

# exiv2's prefixes of the namespaces whose properties the report covers.
IPTC_PREFIXES = ("iptc", "iptcExt", "plus", "dc", "photoshop", "xmpRights", "xmp")
_STANDARD = {"iptc": "Iptc4xmpCore", "iptcExt": "Iptc4xmpExt"}

MODELLED, CHANGED, KEPT, LOST = "modelled", "modelled, changed", "kept", "lost"


@dataclass(frozen=True)
class PropertyCoverage:
    """One property of the file: its name as the standard spells it (``Iptc4xmpExt:ImageRegion``,
    ``IIM 2:120``), the curated field that reads it (or ""), and its ``status``."""

    name: str
    field: str
    status: str

    def as_json(self) -> dict[str, str]:
        return {"property": self.name, "field": self.field, "status": self.status}


def _modelled() -> dict[str, str]:
    """exiv2 key of each top-level property or IIM dataset a field reads -> the field."""
    keys: dict[str, str] = {}
    for spec in FIELDS:
        keys[spec.xmp.key] = spec.name
        if spec.per_language and spec.languages_key != spec.xmp.key:
            keys[spec.languages_key] = spec.name
        for key in spec.also:
            keys.setdefault(key, spec.name)
        for dataset in spec.iim:
            keys[dataset.key] = spec.name
        if spec.location_shown:
            keys.setdefault(LOCATION_SHOWN, "location shown")
    return keys


def _standard_name(key: str) -> str:
    family, prefix, name = key.split(".", 2)
    if family == "Iptc":
        try:
            iptc = exiv2.IptcKey(key)
            return f"IIM {iptc.record()}:{iptc.tag():02d} ({name})"
        except exiv2.Exiv2Error:
            return key
    return f"{_STANDARD.get(prefix, prefix)}:{name}"


def _properties(data: bytes) -> dict[str, Any]:
    """Each top-level property of the IPTC namespaces and each IIM dataset of record 2, with
    its value as plain data (to compare)."""
    image = exiv2.ImageFactory.open(data)
    image.readMetadata()
    found: dict[str, Any] = {}
    xmp = image.xmpData()
    tops = dict.fromkeys(d.key().split("[", 1)[0].split("/", 1)[0] for d in xmp)
    for key in tops:
        if key.split(".")[1] in IPTC_PREFIXES:
            found[key] = exiv2io.xmp_tree(xmp, key)
    for datum in image.iptcData():
        key = datum.key()
        if key.startswith("Iptc.Application2.") and key != "Iptc.Application2.RecordVersion":
            found.setdefault(key, []).append(
                bytes(datum.value().data()) if hasattr(datum.value(), "data") else datum.toString()
            )
    return found


def metadata_coverage(path: Path | str) -> list[PropertyCoverage]:
    """The IPTC properties of ``path``, each with its status (see the module doc), in the
    file's order; ``MetadataReadError`` when it cannot be read, ``MetadataWriteError`` when it
    cannot be written (a raw file: its sidecar is what ``write`` makes)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise MetadataReadError(f"cannot read {path}: {error.strerror or error}") from error
    read = read_curated(path, sidecar=False)
    fields, errors = salvaged(read.fields)
    fields, as_read = restore_as_read(fields, read.fields, errors, read.fields)
    with exiv2io.captured_log():
        # As the catalog has it after an import: the position of the location shown, and its
        # names and identifiers only from a gazetteer place (an import makes none).
        try:
            written, _ = write_bytes(fields, data, name=path.name, gps=read.gps, as_read=as_read)
        except MetadataWriteError as error:
            raise MetadataWriteError(
                f"{error}; the report covers the files write embeds into (JPEG, TIFF, PNG, WebP): a raw"
                " file is left alone, and its sidecar holds the curated fields only"
            ) from error
        before, after = _properties(data), _properties(written)
    modelled = _modelled()
    report = []
    for key, value in before.items():
        field = modelled.get(key, "")
        same = after.get(key) == value
        status = (MODELLED if same else CHANGED) if field else (KEPT if same else LOST)
        report.append(PropertyCoverage(_standard_name(key), field, status))
    return report
