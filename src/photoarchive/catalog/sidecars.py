"""The XMP sidecar mirror: each photo's curated fields beside its original in the archive.

The catalog is the authority, but it is one file: restored from a backup after it was lost or
damaged, it would lack every change made since. So each original in ``originals/`` has an XMP
sidecar beside it, ``IMG_0001.JPG.xmp`` (the darktable and digiKam name that
``metadata.write.sidecar_path`` makes), holding

- the curated fields as standard XMP (``metadata.write.apply_xmp``: Dublin Core, Photoshop,
  IPTC Core and Extension, the location shown with its GPS and the place's names), so that
  other tools can read them;
- ``photoarchive:CatalogRecord``: the photo's whole catalog row as JSON (every column but the
  id and the import batch: every field of ``curated.EDITABLE_FIELDS`` exactly as stored, the
  position and its source, the conflicts, and what the import recorded: hash, paths, size,
  dimensions, camera, times), with ``place``: the gazetteer place shown and the places that
  contain it, smallest first (names, kinds, coordinates, identifiers), so that a catalog
  rebuilt from the sidecars alone gets its places back; ``translations``: its values in the
  languages besides the default (``caption[ru]``); ``languages``: the archive's languages when
  it was written (``config languages``, the default first), so that a rebuilt catalog knows
  which language its columns hold;
- ``photoarchive:EditId``, the last recorded edit that touched the photo (0: none since its
  import), and ``xmp:MetadataDate``, when the state it holds was made.

``mirror_sidecars(catalog, photo_ids)`` writes them after a change is committed: after each
recorded edit (``edits._record``) and after each photo an import records. Each is written
atomically (a temporary file beside it, fsynced and read back, then renamed; one left by a
killed process is removed the next time its folder is written); the original's bytes are
never touched. Called inside a transaction that is still open, it writes them once the
outermost transaction has committed (``connection.after_commit``), and never for a change
that was rolled back. It also takes the day's automatic backup when one is due
(``daily_backup.daily_backup_if_due``). An owner that sets ``catalog.sidecar_writer`` (the window)
is handed the photos instead, after the commit, and writes them on a thread of its own
(``ui.background.write_sidecars``, noting them first in ``catalog.sidecar_queue`` so that none is
forgotten if the process ends before they are written).

A sidecar that cannot be written (a full disk, a read-only folder) never undoes the change the
catalog committed: the reason goes into ``catalog.warnings`` for the command line or the window
to show, ``stale_sidecars`` (run by ``check``) lists every photo whose sidecar is missing or
older than its last edit, and ``mirror_sidecars`` of those photos (``check --repair-sidecars``)
writes them again.

Who reads them: ``photoarchive.recovery`` (``restore``), through ``read_mirror``. Not
``reread.reread``, which takes an original's own embedded metadata (and a sidecar still
beside its source) again: the mirror holds the catalog's values, and reading them back would
make "take the file's fields again" do nothing. ``check`` does not list the sidecars as
originals it does not know. Importing from a copy of another archive's ``originals/`` reads
them like any sidecar, which carries that archive's curation over with the photos.
Collections are not photo fields and are not mirrored: only the backups hold them.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import exiv2

from photoarchive.catalog.archive import ArchivePaths
from photoarchive.catalog.catalog import Catalog
from photoarchive.catalog.connection import after_commit, select_in, timestamp
from photoarchive.catalog.curated import EDITABLE_FIELDS, from_column, load_fields
from photoarchive.catalog.daily_backup import daily_backup_if_due
from photoarchive.catalog.places import COLUMNS as PLACE_COLUMNS
from photoarchive.catalog.places import all_places, locations_shown
from photoarchive.catalog.translations import languages as archive_languages
from photoarchive.catalog.translations import load_translations, parse_key, translation_key
from photoarchive.errors import CatalogError, MetadataReadError, MetadataWriteError
from photoarchive.files import atomic_write, fsync_dir, fsync_file, process_alive, temporary_name
from photoarchive.metadata import GpsPoint, exiv2io, sidecar_path
from photoarchive.metadata.fields import PHOTOARCHIVE_PREFIX, XmpType
from photoarchive.metadata.write import apply_xmp
from photoarchive.model import CURATED_FIELD_NAMES, CuratedFields, Place

RECORD_KEY = f"Xmp.{PHOTOARCHIVE_PREFIX}.CatalogRecord"
EDIT_KEY = f"Xmp.{PHOTOARCHIVE_PREFIX}.EditId"
DATE_KEY = "Xmp.xmp.MetadataDate"
SUFFIX = ".xmp"
# Columns that belong to this catalog only, and are not carried into a rebuilt one.
_LOCAL_COLUMNS = ("id", "batch_id")
# A place's parent is carried by the order of the list of places instead of its id.
_PLACE_COLUMNS = tuple(c for c in PLACE_COLUMNS if c != "parent_id")


@dataclass
class MirrorRecord:
    """What one mirror sidecar holds (see the module doc)."""

    path: Path
    edit_id: int
    at: str
    row: dict[str, Any]
    places: list[dict[str, Any]] = field(default_factory=list)  # the place shown first, then its parents
    # The per-language values besides x-default, as edits name them: {"caption[ru]": text}.
    translations: dict[str, str] = field(default_factory=dict)
    # The archive's languages when it was written, the default first ([]: none set, or an older record).
    languages: list[str] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return str(self.row.get("sha256", ""))

    @property
    def original_path(self) -> str:
        return str(self.row.get("original_path", ""))

    def values(self) -> dict[str, Any]:
        """The editable fields, as ``edits.apply_edit`` takes them."""
        return {
            **{f: from_column(f, self.row[f]) for f in EDITABLE_FIELDS if f in self.row},
            **{k: v for k, v in self.translations.items() if parse_key(k) is not None},
        }


def mirror_path(paths: ArchivePaths, original_path: str) -> Path:
    """The mirror sidecar of the original at ``original_path`` (relative to ``originals/``)."""
    return sidecar_path(paths.original(original_path), style="darktable")


def is_mirror_name(path: Path) -> bool:
    """Whether a file in ``originals/`` is a sidecar (or a sidecar being written) of ours."""
    name = path.name
    return name.lower().endswith(SUFFIX) or _LEFTOVER.fullmatch(name) is not None


def mirror_sidecars(catalog: Catalog, photo_ids: Iterable[int], *, if_missing: bool = False) -> list[str]:
    """Write the sidecars of these photos (and of any left pending); see the module doc.

    ``if_missing``: only those that have none (a photo an import finds already recorded, by a
    run killed before it wrote the sidecar). Never raises for a sidecar or the daily backup:
    returns the problems, which are also added to ``catalog.warnings``.
    """
    photo_ids = set(photo_ids)
    if if_missing:
        photo_ids = {
            row[0]
            for row in select_in(
                catalog.conn, "SELECT id, original_path FROM photos WHERE id IN ({ids})", sorted(photo_ids)
            )
            if not mirror_path(catalog.paths, row[1]).exists()
        }
        if not photo_ids:
            return []
    ids = catalog.pending_sidecars | photo_ids
    if catalog.conn.in_transaction:  # not committed yet: written once the outermost one commits
        catalog.pending_sidecars = ids
        after_commit(catalog.conn, lambda: mirror_sidecars(catalog, ()))
        return []
    catalog.pending_sidecars = set()
    writer = catalog.sidecar_writer
    problems = write_sidecars(catalog, sorted(ids)) if ids and writer is None else []
    try:
        daily_backup_if_due(catalog)
    except CatalogError as error:
        problems.append(f"the daily backup was not taken: {error}")
    catalog.warnings.extend(problems)
    if writer is not None and ids:  # its owner writes them on a thread of its own (the window)
        writer(ids)
    return problems


def write_sidecars(catalog: Catalog, photo_ids: Sequence[int]) -> list[str]:
    """Write each photo's sidecar now; the reasons of those that failed."""
    remedy = "; the catalog has the change, and `photoarchive check --repair-sidecars` writes the sidecar again"
    return [problem + remedy for _photo_id, problem in sidecar_writes(catalog, photo_ids) if problem]


def sidecar_writes(
    catalog: Catalog, photo_ids: Sequence[int], cancelled: Callable[[], bool] = lambda: False
) -> Iterator[tuple[int, str]]:
    """Write each photo's sidecar now, from the values the catalog holds when it is called,
    yielding ``(photo id, problem)`` for each (the problem empty when it was written; it says
    what and why, and the caller says what to do: ``write_sidecars`` names the repair command).
    ``cancelled()`` is asked between photos: when it says so, the rest are not written (nor
    yielded). The folders written in are fsynced when the generator ends, however it ends."""
    rows = list(select_in(catalog.conn, "SELECT * FROM photos WHERE id IN ({ids})", photo_ids))
    if not rows:
        return
    ids = [row["id"] for row in rows]
    edits = last_edits(catalog, ids)
    shown = locations_shown(catalog, ids)
    places = {p.id: p for p in all_places(catalog)} if any(row["place_id"] for row in rows) else {}
    stored = load_translations(catalog, ids)
    languages = {pid: fields.translations for pid, fields in load_fields(catalog, list(stored)).items()}
    asked = archive_languages(catalog)
    folders = {mirror_path(catalog.paths, row["original_path"]).parent for row in rows}
    _remove_leftovers(catalog, folders)
    written: set[Path] = set()
    try:
        for row in rows:
            if cancelled():
                return
            path = mirror_path(catalog.paths, row["original_path"])
            edit_id, at = edits.get(row["id"], (0, row["imported_at"]))
            try:
                _write(
                    path,
                    dict(row),
                    edit_id,
                    at,
                    _chain(row["place_id"], places),
                    shown.get(row["id"]),
                    languages.get(row["id"], {}),
                    stored.get(row["id"], {}),
                    asked,
                )
            except (MetadataWriteError, OSError, ValueError, TypeError, exiv2.Exiv2Error) as error:
                yield row["id"], f"photo {row['id']}: its sidecar {path} was not written ({error})"
                continue
            written.add(path.parent)
            yield row["id"], ""
    finally:
        for folder in sorted(written):  # the renames made durable: once a folder, not once a file
            fsync_dir(folder)


def last_edits(catalog: Catalog, photo_ids: Sequence[int]) -> dict[int, tuple[int, str]]:
    """(id, time) of the last recorded edit that touched each photo; photos never edited are left out."""
    last = {
        r[0]: r[1]
        for r in select_in(
            catalog.conn,
            "SELECT photo_id, max(edit_id) FROM edit_changes WHERE photo_id IN ({ids}) GROUP BY photo_id",
            photo_ids,
        )
    }
    times = {
        r[0]: r[1]
        for r in select_in(catalog.conn, "SELECT id, at FROM edits WHERE id IN ({ids})", sorted(set(last.values())))
    }
    return {pid: (edit_id, times.get(edit_id, "")) for pid, edit_id in last.items()}


def read_mirror(path: Path) -> MirrorRecord | None:
    """The record of a mirror sidecar; None when the file is a sidecar but not one of ours.

    Raises ``MetadataReadError`` when the file cannot be read or its record is damaged.
    """
    exiv2io.setup()
    try:
        image = exiv2.ImageFactory.open(str(path))
        image.readMetadata()
        xmp = image.xmpData()
        text = exiv2io.xmp_get(xmp, RECORD_KEY)
        edit = exiv2io.xmp_get(xmp, EDIT_KEY)
        at = exiv2io.xmp_get(xmp, DATE_KEY)
    except exiv2.Exiv2Error as error:
        raise MetadataReadError(f"{path}: cannot read the sidecar ({exiv2io.error_reason(error)})") from error
    if not isinstance(text, str):
        return None
    try:
        data = json.loads(text)
        row = dict(data["row"])
        translations = {str(k): str(v) for k, v in dict(data.get("translations", {})).items()}
        asked = [str(tag) for tag in list(data.get("languages", []))]
        places = list(data.get("places", []))
        return MirrorRecord(path, int(str(edit or 0)), str(at or ""), row, places, translations, asked)
    except (ValueError, KeyError, TypeError) as error:
        raise MetadataReadError(f"{path}: the sidecar's catalog record is damaged ({error})") from error


@dataclass(frozen=True)
class StaleSidecar:
    photo_id: int
    path: Path
    problem: str


def stale_sidecars(catalog: Catalog) -> list[StaleSidecar]:
    """Photos whose sidecar is missing, unreadable, or older than their last edit."""
    rows = [(r[0], r[1]) for r in catalog.conn.execute("SELECT id, original_path FROM photos ORDER BY id")]
    edits = last_edits(catalog, [pid for pid, _ in rows])
    stale = []
    for photo_id, relative in rows:
        path = mirror_path(catalog.paths, relative)
        if not path.is_file():
            stale.append(StaleSidecar(photo_id, path, "sidecar missing"))
            continue
        try:
            record = read_mirror(path)
        except MetadataReadError as error:
            stale.append(StaleSidecar(photo_id, path, f"sidecar unreadable ({error})"))
            continue
        wanted = edits.get(photo_id, (0, ""))[0]
        if record is None:
            stale.append(StaleSidecar(photo_id, path, "not a sidecar of this archive"))
        elif record.edit_id != wanted:
            stale.append(
                StaleSidecar(photo_id, path, f"sidecar older than the last edit ({record.edit_id} < {wanted})")
            )
    return stale


def _chain(place_id: int | None, places: dict[int, Place]) -> list[dict[str, Any]]:
    chain, seen = [], set()
    while place_id is not None and place_id in places and place_id not in seen:
        seen.add(place_id)
        place = places[place_id]
        chain.append(
            {
                "id": place.id,
                **{c: getattr(place, c) for c in _PLACE_COLUMNS},
                "alt_names": [[n.name, n.language] for n in place.alt_names],
            }
        )
        place_id = place.parent_id
    return chain


def _write(
    path: Path,
    row: dict[str, Any],
    edit_id: int,
    at: str,
    places: list[dict[str, Any]],
    location: Any,
    languages: dict[str, dict[str, str]],
    stored: dict[str, dict[str, str]],
    asked: list[str],
) -> None:
    """``languages``: the XMP's (``load_fields``: the default language beside the others);
    ``stored``: the catalog's rows, kept in the record as edits name them (``caption[ru]``);
    ``asked``: the archive's languages."""
    exiv2io.setup()
    keyed = {translation_key(name, tag): text for tag, texts in stored.items() for name, text in texts.items()}
    record = json.dumps(
        {
            "row": {k: v for k, v in row.items() if k not in _LOCAL_COLUMNS},
            "places": places,
            **({"translations": keyed} if keyed else {}),
            **({"languages": asked} if asked else {}),
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    xmp = exiv2.XmpData()
    fields = CuratedFields(**{n: from_column(n, row[n]) for n in CURATED_FIELD_NAMES if n in row})
    fields.translations = languages
    gps = None
    if row.get("latitude") is not None and row.get("longitude") is not None and row.get("gps_source") != "camera":
        gps = GpsPoint(row["latitude"], row["longitude"], row.get("altitude"))
    with exiv2io.captured_log():
        apply_xmp(xmp, fields, gps, location)
        exiv2io.xmp_set(xmp, RECORD_KEY, XmpType.TEXT, record)
        exiv2io.xmp_set(xmp, EDIT_KEY, XmpType.TEXT, str(edit_id))
        exiv2io.xmp_set(xmp, DATE_KEY, XmpType.TEXT, at or timestamp())
        flags = exiv2.XmpParser.XmpFormatFlags.omitPacketWrapper | exiv2.XmpParser.XmpFormatFlags.useCompactFormat
        status, packet = exiv2.XmpParser.encode(xmp, flags)
    if status != 0:
        raise MetadataWriteError(f"cannot encode XMP (exiv2 status {status})")
    data = ('<?xml version="1.0" encoding="UTF-8"?>\n' + packet).encode("utf-8")

    def lost(tmp: Path) -> list[str]:
        try:
            back = read_mirror(tmp)
        except MetadataReadError:
            return ["the catalog record (the file cannot be read)"]
        return (
            []
            if back is not None
            and back.edit_id == edit_id
            and json.loads(record)["row"] == back.row
            and back.translations == keyed
            and back.languages == asked
            else ["the catalog record"]
        )

    _atomic_write(data, path, lost)


def _atomic_write(data: bytes, path: Path, verify: Callable[[Path], list[str]]) -> None:
    """``files.atomic_write`` under a temporary name that carries our process id, so that one
    left by a killed process is known as such and removed (``_remove_leftovers``). The data is
    fsynced before the rename; the folder is fsynced by ``write_sidecars``, once for all the
    sidecars it writes there."""

    def check(tmp: Path) -> None:
        fsync_file(tmp)
        lost = verify(tmp)
        if lost:
            raise MetadataWriteError(f"what was written did not read back: {', '.join(lost)}")

    atomic_write(path, data, verify=check, temporary=temporary_name(path, str(os.getpid())), sync=False)


_LEFTOVER = re.compile(r"\..+\.xmp\.(\d+)-[0-9a-f]+\.tmp")


def _remove_leftovers(catalog: Catalog, folders: Iterable[Path]) -> None:
    """Remove the temporary sidecars that killed processes left in these folders (once a folder
    per open catalog: a listing, not a query per photo)."""
    for folder in set(folders) - catalog.sidecar_folders_cleaned:
        catalog.sidecar_folders_cleaned.add(folder)
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            match = _LEFTOVER.fullmatch(name)
            if match and not process_alive(int(match[1])):
                with contextlib.suppress(OSError):
                    (folder / name).unlink()
