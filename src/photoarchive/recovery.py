"""Putting a lost or damaged catalog back: from a backup, then from the sidecars beside the originals.

``restore(root, backup)`` checks the backup (``catalog.backup.check_backup``), puts it in place of
the catalog (the current one is moved aside, never deleted) and then ``catch_up``: the backup
knows nothing of what changed after it was taken, the XMP sidecars of the originals
(``catalog.sidecars``) do. ``rebuild_from_sidecars(root)``, for when the catalog and every
backup are gone, starts from an empty catalog and does the same.

A catalog on a server is a team's: ``restore`` never replaces one that holds photos (other
curators work in it; their work since the backup would go). It puts the backup into an empty
database (the server's catalog lost, or a new database made for it: ``catalog.transfer``, all
of it or nothing), then catches up from the sidecars as on SQLite; a catalog that holds photos
is refused with the way to do it. The rows arrive with the settings row ``restore_pending``
(``RESTORE_PENDING``), removed when the catch-up has ended: a restore stopped between the two
(a crash, Ctrl+C) is run again and does the catch-up, where a catalog holding photos is refused.

``catch_up`` walks ``originals/``:

- a photo the catalog knows whose sidecar records a later edit than the catalog's last edit
  of it takes the sidecar's values: every field (the structured ones of issue 16 too) and
  exactly the sidecar's languages (``caption[ru]``; a language the backup has and the sidecar
  lacks was removed after the backup, and is removed); all of those photos together are one
  recorded edit ("Restore: ..."), which can be undone like any other;
- an original the catalog does not know (imported after the backup was taken, or every photo
  of a rebuild) is recorded again from its sidecar, whole: the import's record (hash, size,
  dimensions, camera, times, source) and the curated fields, in a new import batch, as an
  import records a photo, with the sidecar's languages; its hash is checked against the
  sidecar's first;
- the gazetteer places those photos show come back from the chain of places in the
  sidecars: a place the catalog has (the same id and name) is used, else one of that name
  inside the same parent, else it is created;
- an original with no sidecar of ours (its write failed, and the catalog is lost) cannot be
  recorded again from here: it is listed in ``unrecovered`` with what to do;
- the archive's languages (``config languages``, the default first, which says what language
  the fields' own columns hold) are taken from the newest sidecar that names them when the
  catalog has none (a rebuild) or that sidecar records an edit the catalog does not know (the
  default may have changed after the backup); first, and as ``config languages`` sets them (a
  new default moves the backup's text, a recorded edit), so that the sidecars' values are
  read under the default they were written under. A change of the languages alone writes no sidecar: one
  made after the last edit of any photo is not known here;
- finally every sidecar that does not say what the catalog now holds is written again.

Collections and templates are not in the sidecars: only a backup brings them back.

Why a top-level module, beside shared/STYLE.md's packages: recovery records its catch-up as
edits and reads sidecars through ``catalog.sidecars``, so it sits above ``edits``, in the
layer of ``places`` and ``reread`` (the import contracts in pyproject.toml); ``catalog``
below it keeps only the storage (backups, the integrity check).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from photoarchive.catalog import ArchivePaths, Catalog
from photoarchive.catalog.backup import Backup, find_backup, move_aside, put_in_place
from photoarchive.catalog.catalog import photo_columns
from photoarchive.catalog.connection import Connection, connect, set_setting, setting, transaction
from photoarchive.catalog.location import CatalogLocation, resolve
from photoarchive.catalog.places import all_places, insert_place
from photoarchive.catalog.search import reindex_photos
from photoarchive.catalog.sidecars import (
    MirrorRecord,
    is_mirror_name,
    last_edits,
    mirror_path,
    mirror_sidecars,
    read_mirror,
    stale_sidecars,
)
from photoarchive.catalog.translations import (
    languages,
    load_translations,
    parse_key,
    store,
    translation_key,
)
from photoarchive.catalog.verify import sha256_file
from photoarchive.edits import Edit, apply_edit, set_archive_languages
from photoarchive.errors import CatalogError, ImageError, MetadataReadError, ValidationError
from photoarchive.imaging import THUMBNAIL_SIZES, make_thumbnails
from photoarchive.metadata import FIELDS_BY_NAME, validate_value
from photoarchive.model import Place, PlaceName

# The settings row a restore on a server brings with its rows and removes after its catch-up.
RESTORE_PENDING = "restore_pending"


@dataclass
class RestoreResult:
    """What a restore did (``as_json`` for ``restore --json``)."""

    backup: Backup | None = None
    replaced: Path | None = None  # where the catalog that was in place went
    edit: Edit | None = None  # the recorded edit that applied the newer sidecars
    updated: list[int] = field(default_factory=list)  # photos brought up to date from sidecars
    readded: list[int] = field(default_factory=list)  # photos recorded again from sidecars
    places_added: list[str] = field(default_factory=list)
    languages: list[str] | None = None  # the archive's languages, when taken from the sidecars
    unrecovered: list[tuple[str, str]] = field(default_factory=list)  # (original, why)
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "backup": self.backup.as_json() if self.backup else None,
            "replaced": str(self.replaced) if self.replaced else None,
            "edit": self.edit.id if self.edit and self.edit.id else None,
            "updated": self.updated,
            "readded": self.readded,
            "places_added": self.places_added,
            "languages": self.languages,
            "unrecovered": [{"path": p, "reason": r} for p, r in self.unrecovered],
            "warnings": self.warnings,
        }


def restore(root: Path | str, backup: str | Path | None = None, *, url: str | None = None) -> RestoreResult:
    """Put a backup (the newest by default) in place and bring it up to date (module doc). On
    a server (``url``, else the archive's ``catalog.url``), into its database if it is empty."""
    paths = ArchivePaths(Path(root).expanduser().resolve())
    location = resolve(paths.root, url)
    chosen = find_backup(paths, backup)
    replaced = None
    if location.url is not None:
        _into_empty_server(location, chosen, paths.catalog_url)
    else:
        replaced = put_in_place(paths, chosen)
    with Catalog(paths.root, create=False, url=location.url) as catalog:
        result = catch_up(catalog)
        result.warnings.extend(catalog.warnings)
        if location.url is not None:  # the catch-up has ended (module doc)
            with transaction(catalog.conn):
                catalog.conn.execute("DELETE FROM settings WHERE key = ?", (RESTORE_PENDING,))
    result.backup, result.replaced = chosen, replaced
    return result


def _into_empty_server(location: CatalogLocation, chosen: Backup, catalog_url: Path) -> None:
    """The backup's rows into the server's database, which must hold no catalog's rows (module doc)."""
    from photoarchive.catalog.transfer import TargetNotEmptyError, migrated_copy, transfer

    with migrated_copy(chosen.path) as source:
        with transaction(source):  # the copy's, so it reaches the server with the rows, or not at all
            set_setting(source, RESTORE_PENDING, chosen.name)
        target = connect(location)
        try:
            transfer(source, target)
        except TargetNotEmptyError as error:
            if _restore_pending(target):
                return  # this restore's rows are there; its catch-up did not end: done again now
            raise CatalogError(
                f"the catalog on the server ({location.shown()}) is not empty, and restore never replaces a"
                f" team's catalog ({error}); restore into an empty database: photoarchive --catalog"
                f" postgresql://host/new-database restore {chosen.name}, then put that URL in {catalog_url}"
            ) from error
        finally:
            target.close()


def _restore_pending(conn: Connection) -> bool:
    """Whether the catalog on ``conn`` holds a restore's rows whose catch-up has not ended."""
    from photoarchive.catalog.transfer import table_names

    if "settings" not in table_names(conn):
        return False
    return setting(conn, RESTORE_PENDING) is not None


def rebuild_from_sidecars(root: Path | str, *, url: str | None = None) -> RestoreResult:
    """A new catalog from the originals and their sidecars alone (the catalog in place, if
    any, is moved aside into ``backups/`` first; on a server, ``url`` or the archive's
    ``catalog.url``, the database is filled as it is: give an empty one)."""
    paths = ArchivePaths(Path(root).expanduser().resolve())
    if resolve(paths.root, url).url is None:
        try:
            replaced = move_aside(paths)
        except OSError as error:
            raise CatalogError(f"cannot move {paths.catalog} aside ({error.strerror or error})") from error
    else:
        replaced = None
    with Catalog(paths.root, rebuild=True, url=url) as catalog:
        result = catch_up(catalog)
        result.warnings.extend(catalog.warnings)
    result.replaced = replaced
    return result


def catch_up(catalog: Catalog) -> RestoreResult:
    """Bring the catalog up to date from the sidecars beside the originals (module doc)."""
    result = RestoreResult()
    known = {path: (photo_id, sha256) for photo_id, path, sha256, _ in catalog.iter_photo_files()}
    last = last_edits(catalog, [pid for pid, _ in known.values()])
    newer: dict[int, MirrorRecord] = {}
    missing: list[tuple[str, MirrorRecord]] = []
    newest: MirrorRecord | None = None  # of the records that name the archive's languages
    for relative in _originals(catalog.paths):
        path = catalog.paths.original(relative)
        sidecar = mirror_path(catalog.paths, relative)
        record = None
        if sidecar.is_file():
            try:
                record = read_mirror(sidecar)
            except MetadataReadError as error:
                result.warnings.append(str(error))
        if record is not None and record.languages and (newest is None or record.edit_id > newest.edit_id):
            newest = record
        if relative in known:
            photo_id, sha256 = known[relative]
            if record is not None and record.sha256 == sha256 and record.edit_id > last.get(photo_id, (0, ""))[0]:
                newer[photo_id] = record
        elif record is None:
            result.unrecovered.append(
                (
                    str(path),
                    "no sidecar of this archive beside it, so what the catalog knew of it is lost; "
                    "move it out of the archive and import it again",
                )
            )
        elif record.sha256 != sha256_file(path):
            result.unrecovered.append((str(path), "its bytes no longer match the hash its sidecar records"))
        else:
            missing.append((relative, record))
    if newest is not None:
        _take_languages(catalog, newest, result)
    places = _PlaceResolver(catalog, result)
    if missing:
        _record_again(catalog, missing, places, result)
    if newer:
        stored = load_translations(catalog, list(newer))
        values = {pid: _editable(record, places, pid, stored.get(pid, {}), result) for pid, record in newer.items()}
        count = len(values)
        result.edit = apply_edit(
            catalog,
            list(values),
            values.__getitem__,
            description=f"Restore: {count} photo{'s' if count != 1 else ''} brought up to date from their sidecars",
        )
        result.updated = result.edit.photo_ids
    # Every sidecar now says what the restored catalog holds (a sidecar from the lost timeline
    # whose values the backup already had would go on naming an edit this catalog never made).
    mirror_sidecars(catalog, [s.photo_id for s in stale_sidecars(catalog)])  # problems: catalog.warnings
    return result


def _take_languages(catalog: Catalog, newest: MirrorRecord, result: RestoreResult) -> None:
    """The archive's languages of the newest sidecar, when the catalog lacks them or is older (module doc)."""
    asked = languages(catalog)
    last_edit = catalog.conn.execute("SELECT coalesce(max(id), 0) FROM edits").fetchone()[0]
    if newest.languages == asked or (asked and newest.edit_id <= last_edit):
        return
    try:  # a recorded edit that moves the backup's text when the default changes, as config does
        result.languages, _ = set_archive_languages(catalog, newest.languages, who="restore")
    except ValidationError as error:
        result.warnings.append(f"{newest.path}: {error}; the archive's languages were not taken from it")


def _record_again(
    catalog: Catalog, missing: list[tuple[str, MirrorRecord]], places: _PlaceResolver, result: RestoreResult
) -> None:
    columns = photo_columns(catalog.conn) - {"id", "batch_id"}
    batch = catalog.start_batch(["restore from sidecars"])
    for relative, record in missing:
        row = {k: v for k, v in record.row.items() if k in columns}
        row["original_path"] = relative
        row["batch_id"] = batch
        row["place_id"] = places.resolve(record)
        try:
            with transaction(catalog.conn):  # the photo and its languages, searchable by them
                photo_id = catalog.add_photo(row)
                for key, text in record.translations.items():
                    if parse_key(key) is not None:
                        store(catalog.conn, photo_id, key, text)
                if record.translations:
                    reindex_photos(catalog.conn, [photo_id])
        except catalog.conn.IntegrityError as error:  # the same bytes recorded at another path (either database)
            result.unrecovered.append((str(catalog.paths.original(relative)), f"cannot be recorded again ({error})"))
            continue
        result.readded.append(photo_id)
        _thumbnails(catalog, catalog.photo(photo_id), result)
    catalog.finish_batch(batch, imported=len(result.readded), duplicates=0, failed=0, status="completed")
    mirror_sidecars(catalog, result.readded)  # their place ids may be new


def _editable(
    record: MirrorRecord,
    places: _PlaceResolver,
    photo_id: int,
    stored: dict[str, dict[str, str]],
    result: RestoreResult,
) -> dict[str, Any]:
    """The record's editable values that pass the catalog's rules (others are kept and said).
    ``stored``: the photo's languages in the catalog ({language: {field: text}}); a value the
    record lacks was removed after the backup, and is removed here too."""
    values = record.values()
    for language, texts in stored.items():
        for name in texts:
            values.setdefault(translation_key(name, language), "")
    values["place_id"] = places.resolve(record)
    for name in [n for n in values if n in FIELDS_BY_NAME or parse_key(n) is not None]:
        parsed = parse_key(name)
        try:
            validate_value(parsed[0] if parsed else name, values[name])
        except ValidationError as error:
            result.warnings.append(f"photo {photo_id}: {error}; the backup's value is kept")
            del values[name]
    return values


def _thumbnails(catalog: Catalog, photo: Any, result: RestoreResult) -> None:
    """The thumbnails of a photo recorded again, both sizes: a recovery is rare and not waited
    for as an import is, and the photo's id may be below the mark of previews already tried
    (``ingest.previews``: a backup's), where no window would make its preview."""
    targets = {size: catalog.thumbnail_file(photo, size) for size in THUMBNAIL_SIZES}
    if all(t.exists() for t in targets.values()):
        return
    try:
        make_thumbnails(catalog.original_file(photo), targets, photo.orientation)
    except (ImageError, OSError) as error:
        result.warnings.append(f"photo {photo.id}: no thumbnail made ({error})")


class _PlaceResolver:
    """The place id in this catalog of a sidecar's place chain (module doc)."""

    def __init__(self, catalog: Catalog, result: RestoreResult) -> None:
        self.catalog, self.result = catalog, result
        self.places = {p.id: p for p in all_places(catalog)}

    def resolve(self, record: MirrorRecord) -> int | None:
        chain = record.places
        if not chain:
            return None
        first = chain[0]
        existing = self._known(first)
        if existing is not None and existing.name == first.get("name"):
            return existing.id
        parent_id = None
        for level in reversed(chain):  # the largest place first
            parent_id = self._find_or_add(level, parent_id)
        return parent_id

    def _known(self, level: dict[str, Any]) -> Place | None:
        """The place of this catalog with the id a sidecar gives a level of its chain, if any."""
        place_id = level.get("id")
        return self.places.get(place_id) if isinstance(place_id, int) else None

    def _find_or_add(self, level: dict[str, Any], parent_id: int | None) -> int:
        existing = self._known(level)
        if existing is not None and existing.name == level.get("name") and existing.parent_id == parent_id:
            return existing.id
        for place in self.places.values():
            if place.name == level.get("name") and place.parent_id == parent_id:
                return place.id
        place = Place(
            name=level["name"],
            kind=level.get("kind") or "feature",
            parent_id=parent_id,
            latitude=level.get("latitude"),
            longitude=level.get("longitude"),
            radius=level.get("radius"),
            alt_names=[PlaceName(n, lang) for n, lang in level.get("alt_names", [])],
            geonames_id=level.get("geonames_id") or "",
            wikidata_id=level.get("wikidata_id") or "",
            country_code=level.get("country_code") or "",
            iptc_field=level.get("iptc_field") or "",
            notes=level.get("notes") or "",
        )
        place.id = insert_place(self.catalog, place)
        self.places[place.id] = place
        self.result.places_added.append(place.name)
        return place.id


def _originals(paths: ArchivePaths) -> list[str]:
    """Relative paths of the originals on disk (not the sidecars, hidden or incoming files)."""
    found = []
    for folder, dirs, files in os.walk(paths.originals):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if not name.startswith(".") and not is_mirror_name(path):
                found.append(path.relative_to(paths.originals).as_posix())
    return found
