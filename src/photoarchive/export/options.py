"""What an export is asked to do: format, target, sizes, metadata, location precision.

``ExportOptions`` is plain data shared by the command line and the Export dialog;
``validate()`` checks it (and compiles its templates) before any file is touched, raising
ValidationError that names the option.

The options of a collection's last export are kept in the catalog
(``catalog.export_settings``), so that the next one starts from them: the location precision
and the credit chosen for a sensitive site must not fall back to exact coordinates and no
credit. ``remembered(options)`` is what is kept (not ``force``, which replaces a folder, nor
the number of workers, which belongs to the machine); ``from_remembered(data, **given)``
makes options again, the options given now overriding the remembered ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from photoarchive.errors import ValidationError

FORMATS = ("gallery", "package", "post")
PRECISIONS = ("exact", "1km", "10km", "places", "none")
METADATA_MODES = ("all", "credit", "none")

# File names: the package's default is the one publishers know from the issue; gallery and
# post files are numbered in the collection's order and carry the title when there is one.
DEFAULT_NAME_TEMPLATES = {
    "package": "{date:%Y%m%d}_{sequence:03}_{sublocation}",
    "gallery": "{sequence:03}{?title}_{title}{/title}",
    "post": "{sequence:03}{?title}_{title}{/title}",
}
DEFAULT_LONG_EDGE = {"gallery": 1600, "package": None, "post": 1200}
DEFAULT_CAPTION_TEMPLATE = "{caption}"


@dataclass(frozen=True)
class ExportOptions:
    """Options of one export; see ``photoarchive export --help`` for each.

    ``long_edge`` None means the original size (default for packages). ``burn_credit`` is a
    template (e.g. ``© {creator}``) whose text is burned into each image's corner; empty
    means none. ``name_template`` None means the format's default. ``theme`` is a folder
    holding templates and assets that replace the default theme's (gallery and post).
    ``workers`` 0 runs the image work in this process (tests, tiny exports). ``languages``
    are BCP 47 tags (``("ru",)``; several publish one folder per language, linked together);
    the embedded metadata's x-default is then the language published, and ``only_language``
    leaves the other languages out of it.
    """

    format: str
    target: Path
    long_edge: int | None = -1  # -1: the format's default
    quality: int = 85
    thumbnail: int = 280
    burn_credit: str = ""
    metadata: str = "all"
    keep_serials: bool = False
    location_precision: str = "exact"
    name_template: str | None = None
    caption_template: str | None = None  # None: the collection's own
    zip: bool = False
    force: bool = False
    theme: Path | None = None
    credit_font: str | None = None
    workers: int | None = None
    languages: tuple[str, ...] = ()  # () = the archive's default language; several: a folder each
    only_language: bool = False  # embed only the published language (default: every language kept)

    def resolved(self) -> ExportOptions:
        """The options with the format's defaults filled in, validated."""
        if self.format not in FORMATS:
            raise ValidationError(f"format must be one of {', '.join(FORMATS)}, not {self.format!r}", field="format")
        options = self
        if options.long_edge == -1:
            options = replace(options, long_edge=DEFAULT_LONG_EDGE[self.format])
        if options.name_template is None:
            options = replace(options, name_template=DEFAULT_NAME_TEMPLATES[self.format])
        if options.languages:
            from photoarchive.model.languages import normalize_language

            tags = [normalize_language(tag, name="languages") for tag in options.languages]
            options = replace(options, languages=tuple(dict.fromkeys(tags)))
        options.validate()
        return options

    def validate(self) -> None:
        if self.location_precision not in PRECISIONS:
            raise ValidationError(
                f"location precision must be one of {', '.join(PRECISIONS)}, not {self.location_precision!r}",
                field="location_precision",
            )
        if self.metadata not in METADATA_MODES:
            raise ValidationError(
                f"metadata must be one of {', '.join(METADATA_MODES)}, not {self.metadata!r}", field="metadata"
            )
        if self.long_edge is not None and not 16 <= self.long_edge <= 20000:
            raise ValidationError(f"long edge must be 16 to 20000 pixels, not {self.long_edge}", field="long_edge")
        if not 16 <= self.thumbnail <= 2000:
            raise ValidationError(f"thumbnail must be 16 to 2000 pixels, not {self.thumbnail}", field="thumbnail")
        if not 1 <= self.quality <= 100:
            raise ValidationError(f"JPEG quality must be 1 to 100, not {self.quality}", field="quality")
        if self.zip and self.format != "package":
            raise ValidationError("--zip applies to the package format only", field="zip")
        if self.theme is not None and not Path(self.theme).is_dir():
            raise ValidationError(f"theme {self.theme}: no such folder", field="theme")
        if self.workers is not None and self.workers < 0:
            raise ValidationError("workers cannot be negative", field="workers")
        # Imported here: the command line reads FORMATS and the other choices before it knows
        # whether it exports, and the metadata package brings exiv2 with it.
        from photoarchive.metadata.variables import compile_template

        for name in ("name_template", "caption_template", "burn_credit"):
            text = getattr(self, name)
            if text:
                compile_template(text, field=name)

    def as_manifest(self) -> dict[str, object]:
        """The options that shape the output, as recorded in a package's manifest."""
        data = asdict(self)
        for private in ("target", "force", "theme", "workers", "credit_font"):
            data.pop(private)
        data["languages"] = list(self.languages)
        return data


_PATHS = ("target", "theme")
# The options a collection's next export starts from (the others are chosen each time), with
# the JSON types their remembered values may have.
_TYPES: dict[str, tuple[type, ...]] = {
    "format": (str,),
    "target": (str,),
    "long_edge": (int, type(None)),
    "quality": (int,),
    "thumbnail": (int,),
    "burn_credit": (str,),
    "metadata": (str,),
    "keep_serials": (bool,),
    "location_precision": (str,),
    "name_template": (str, type(None)),
    "caption_template": (str, type(None)),
    "zip": (bool,),
    "theme": (str, type(None)),
    "languages": (list,),
    "only_language": (bool,),
}
REMEMBERED = tuple(_TYPES)


def remembered(options: ExportOptions) -> dict[str, Any]:
    """The options to keep for the collection's next export, as JSON values."""
    data = {name: getattr(options, name) for name in REMEMBERED}
    data["languages"] = list(options.languages)
    for name in _PATHS:
        data[name] = None if data[name] is None else str(data[name])
    return data


def from_remembered(data: Mapping[str, Any] | None, **given: Any) -> ExportOptions:
    """Options from a collection's remembered ones, with ``given`` (options chosen now, None
    for those not chosen) over them. Remembered values of the wrong kind (a catalog edited by
    hand) are left out; a format or a target neither remembered nor given is a
    ``ValidationError`` naming it."""
    known = {f.name for f in fields(ExportOptions)}
    unknown = sorted(set(given) - known)
    if unknown:
        raise ValidationError(f"unknown export option {unknown[0]!r}", field=unknown[0])
    values: dict[str, Any] = {}
    for name, value in (data or {}).items():
        kinds = _TYPES.get(name)
        if kinds is None or not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            continue
        values[name] = value
    if not all(isinstance(tag, str) for tag in values.get("languages", [])):
        del values["languages"]
    values.update({name: value for name, value in given.items() if value is not None})
    if "languages" in values:
        values["languages"] = tuple(values["languages"])
    for name in ("format", "target"):
        if not values.get(name):
            raise ValidationError(
                f"{name}: not given, and the collection has no earlier export to take it from", field=name
            )
    for name in _PATHS:
        if values.get(name) is not None:
            values[name] = Path(values[name])
    return ExportOptions(**values)
