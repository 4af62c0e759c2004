"""Re-reading originals: the curated fields of each original in ``originals/``, read again
and set, with the conflicts between the standards, as one recorded edit.

``reread(catalog, photo_ids) -> RereadResult`` reads the original's own embedded metadata
(with the XMP sidecar beside the file it was imported from, when that still exists), never
the sidecar beside the original in the archive, which mirrors the catalog
(``catalog.sidecars``): reading it would give the catalog its own values back. A field whose
value in the file breaks the catalog's rules keeps its catalog value (warning); a photo whose
file cannot be read is left out (``failures``).

Why a top-level module: re-reading is an edit (it goes through ``edits`` and is recorded),
which reads files through ``metadata``; neither ``metadata`` (below the catalog) nor
``ingest`` (imports only) is its home, so it sits in the layer above ``edits`` with
``places`` and ``templates`` (the import contracts in pyproject.toml).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_values
from photoarchive.catalog.translations import default_language, from_file, load_translations, translation_key
from photoarchive.edits import Edit, apply_edit
from photoarchive.errors import MetadataReadError, ValidationError
from photoarchive.metadata import ReadResult, find_sidecar, read_curated, validate_value
from photoarchive.metadata.validate import salvaged_translations
from photoarchive.model import Photo


@dataclass
class RereadResult:
    """The recorded edit, the photos that could not be read, and what the reading noticed."""

    edit: Edit
    failures: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)


_LANGUAGES = "translations"  # beside the fields read: the file's other languages


def reread(catalog: Catalog, photo_ids: Sequence[int], *, who: str | None = None) -> RereadResult:
    """Set the curated fields of photos from their originals again, as one edit.

    The files are read first, without holding the catalog; what depends on the catalog (a
    position is replaced only when it came from the file or there is none) is decided in
    the edit's transaction, from the values the photos hold then."""
    photos = catalog.photos(list(dict.fromkeys(photo_ids)))
    read: dict[int, tuple[dict[str, Any], Any]] = {}  # the fields read, and the position shown
    failures: list[tuple[int, str]] = []
    warnings: list[tuple[int, str]] = []
    for photo in photos:
        try:
            result = _read_original(catalog, photo)
        except MetadataReadError as error:
            failures.append((photo.id, str(error)))
            continue
        new: dict[str, Any] = {}
        for name, value in result.fields.as_dict().items():
            try:
                new[name] = validate_value(name, value)
            except ValidationError as error:
                warnings.append((photo.id, f"{error}; the catalog's value is kept"))
        new["conflicts"] = [c.as_dict() for c in result.conflicts]
        translations, errors = salvaged_translations(result.fields.translations)
        warnings += [(photo.id, f"{error}; the catalog's value is kept") for error in errors]
        new[_LANGUAGES] = translations
        read[photo.id] = (new, result.gps)
        warnings += [(photo.id, w) for w in result.warnings]

    def values(photo_id: int) -> dict[str, Any]:  # called inside apply_edit's transaction
        new, gps = read[photo_id]
        # The file's languages replace the catalog's: those it lacks are removed (as a field
        # the file lacks is emptied), the default language's fill the fields themselves.
        languages = new[_LANGUAGES]
        new = {k: v for k, v in new.items() if k != _LANGUAGES}
        stored = load_translations(catalog, [photo_id]).get(photo_id, {})
        new.update({translation_key(name, tag): "" for tag, texts in stored.items() for name in texts})
        new.update(from_file(languages, default_language(catalog)))
        source = load_values(catalog, [photo_id], ("gps_source",)).get(photo_id, {}).get("gps_source")
        if source in (None, "location_shown") and (gps is not None or source == "location_shown"):
            lat, lon, alt = gps if gps is not None else (None, None, None)
            new = {**new, "latitude": lat, "longitude": lon, "altitude": alt}
            new["gps_source"] = "location_shown" if gps is not None else None
        return new

    count = len(read)
    edit = apply_edit(
        catalog,
        list(read),
        values,
        description=f"Re-read the metadata of {count} photo{'s' if count != 1 else ''} from the files",
        who=who,
    )
    return RereadResult(edit, failures, warnings)


def _read_original(catalog: Catalog, photo: Photo) -> ReadResult:
    original = catalog.original_file(photo)
    source_sidecar, _ = find_sidecar(Path(photo.source_path)) if photo.source_path else (None, [])
    if source_sidecar is None:
        return read_curated(original, sidecar=False)  # not the mirror of the catalog beside it
    # read_curated looks for the sidecar beside the file it reads: stage the original under
    # its source name (a link, not a copy) with the source's sidecar beside it.
    with _staged(catalog, original, Path(photo.source_path).name, source_sidecar) as staged:
        result = read_curated(staged)
    result.sidecar = source_sidecar
    return result


@contextmanager
def _staged(catalog: Catalog, original: Path, name: str, sidecar: Path) -> Iterator[Path]:
    catalog.paths.cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="reread-", dir=catalog.paths.cache) as folder:
        staged = Path(folder) / name
        try:
            os.symlink(original.resolve(), staged)
        except OSError:  # no symlinks here (Windows without the privilege): read a copy
            shutil.copyfile(original, staged)
        try:
            shutil.copyfile(sidecar, staged.with_name(staged.name + ".xmp"))
        except OSError as error:
            raise MetadataReadError(f"cannot read the sidecar {sidecar}: {error.strerror or error}") from error
        yield staged
