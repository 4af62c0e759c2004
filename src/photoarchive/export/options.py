"""What an export is asked to do: format, target, sizes, metadata, location precision.

``ExportOptions`` is plain data shared by the command line and the Export dialog;
``validate()`` checks it (and compiles its templates) before any file is touched, raising
ValidationError that names the option.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from pathlib import Path

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
    ``workers`` 0 runs the image work in this process (tests, tiny exports).
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

    def resolved(self) -> ExportOptions:
        """The options with the format's defaults filled in, validated."""
        if self.format not in FORMATS:
            raise ValidationError(f"format must be one of {', '.join(FORMATS)}, not {self.format!r}", field="format")
        options = self
        if options.long_edge == -1:
            options = replace(options, long_edge=DEFAULT_LONG_EDGE[self.format])
        if options.name_template is None:
            options = replace(options, name_template=DEFAULT_NAME_TEMPLATES[self.format])
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
        return data
