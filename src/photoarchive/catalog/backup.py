"""Backups of the catalog: taken, listed, pruned, checked, and put back in place.

A backup is a copy of ``catalog.sqlite`` made with SQLite's online backup API (a consistent
snapshot even while another process writes; never a file copy, which can catch a WAL database
half-written) in ``ARCHIVE/backups/catalog-YYYYMMDD-HHMMSS[-N][-LABEL].sqlite``, the time in
UTC. It is written under a hidden temporary name, checked with ``PRAGMA quick_check``,
fsynced and only then renamed, so a file with a backup's name is always a whole catalog.

A catalog on a PostgreSQL server is backed up the same way into the same kind of file: its
tables are read in one snapshot (``REPEATABLE READ READ ONLY``) and written into a new SQLite
catalog by ``catalog.transfer`` (checked value by value, compared table by table), so listing,
pruning, ``check_backup`` and restoring into SQLite work alike; such a backup goes back to a
server with ``photoarchive catalog migrate-to URL --from BACKUP`` (``transfer.take_server_backup``).

The daily automatic backup of a catalog on a server is one a day for the archive, whichever
curator's change makes it due, never one per curator: the catalog records when the last one
was taken (the ``settings`` row ``daily_backup``), and the curator who finds it more than 24
hours old takes it under the server's advisory lock (``daily_backup.SERVER_BACKUP_LOCK``; a curator who finds
the lock taken leaves the backup to its holder), reading the record again once the lock is held
(``daily_backup.take_daily_server_backup``). It is the same checked SQLite snapshot as ``photoarchive backup``
takes, into the shared ``ARCHIVE/backups``.

When backups are taken:

- ``photoarchive backup``;
- before a schema migration (``schema.migrate``; labelled ``before-NNNN_name``);
- once a day the archive changes: the first change a ``Catalog`` commits on a calendar day
  (an edit, an imported photo: ``catalog.sidecars.mirror_sidecars`` calls
  ``daily_backup.daily_backup_if_due``) takes one when the newest backup is more than 24 hours old. That
  costs one listing of ``backups/`` per catalog and day, never a query per change. The backup
  copies the whole catalog (about 9 s for a million photos), so the command line defers it
  (``Catalog.defer_daily_backup``) until the command's work is done and its output written,
  and says so when it is large (``cli.app``); the window defers it too and takes it on a
  worker thread through a connection of its own (``daily_backup.take_backup_of``; ``ui.background``), so
  the curator can go on working; closing the window lets it finish (the application waits
  for its workers before it exits).

Pruning, after every backup taken: every pre-migration backup is kept (they are rare, and the
only copies in the old schema); of the others, the newest of each of the 7 latest calendar days
that have one, and the newest of each of the 4 latest ISO weeks that have one, are kept; the
rest are deleted. So several manual backups on one day leave the last of that day.

Restoring a file (``put_in_place``): the backup is checked (``check_backup``: integrity, and a
schema no newer than this program's), copied beside the catalog under a temporary name and
fsynced; the current catalog, if any, is moved aside with its ``-wal`` and ``-shm`` files into
``backups/replaced-YYYYMMDD-HHMMSS.sqlite`` (renamed, never deleted); then the copy is renamed
into place. Bringing the restored catalog up to date from the sidecars is
``photoarchive.recovery``'s work.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Protocol

from photoarchive.catalog.archive import ArchivePaths
from photoarchive.catalog.connection import Connection
from photoarchive.catalog.migrations import load_migration_modules
from photoarchive.errors import CatalogError, NotFoundError
from photoarchive.files import atomic_write, fsync_dir, fsync_file, numbered_name

log = logging.getLogger(__name__)

KEEP_DAILY = 7
KEEP_WEEKLY = 4
DAILY_INTERVAL = timedelta(hours=24)


class OpenCatalog(Protocol):
    """What the daily backup needs of a ``Catalog`` (named here so this module, which the
    catalog imports, does not import it back)."""

    conn: sqlite3.Connection  # as Catalog declares it; on a server a PgConnection alike
    paths: ArchivePaths
    backup_checked_on: date | None
    defer_daily_backup: bool
    daily_backup_due: bool


# Above this size ``check`` runs quick_check (no index cross-checks) instead of integrity_check.
QUICK_CHECK_ABOVE = 2 << 30

_NAME = re.compile(
    r"catalog-(?P<day>\d{8})[-T](?P<time>\d{6})\d*Z?(?:-(?P<seq>\d+))?(?:-(?P<label>before-.+))?\.sqlite"
)


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was taken (UTC) and why (``label``: empty, or ``before-...``)."""

    path: Path
    taken_at: datetime
    label: str = ""
    seq: int = 0  # the second backup taken in the same second is -1, and so on

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def kind(self) -> str:
        return "pre-migration" if self.label.startswith("before-") else "regular"

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "path": str(self.path),
            "taken_at": self.taken_at.isoformat(timespec="seconds"),
            "kind": self.kind,
            "size": self.path.stat().st_size if self.path.exists() else None,
        }


def list_backups(paths: ArchivePaths) -> list[Backup]:
    """The archive's backups, oldest first."""
    return _backups(paths.backups)


def newest_backup(paths: ArchivePaths) -> Backup | None:
    found = list_backups(paths)
    return found[-1] if found else None


def find_backup(paths: ArchivePaths, name: str | Path | None) -> Backup:
    """The backup called ``name`` (a file name in ``backups/`` or a path), or the newest."""
    if name is None:
        newest = newest_backup(paths)
        if newest is None:
            raise NotFoundError(
                f"{paths.backups}: no backups; `photoarchive restore --from-sidecars` rebuilds the catalog "
                "from the originals and their XMP sidecars"
            )
        return newest
    candidate = Path(name)
    if not candidate.exists() and (paths.backups / candidate.name).exists():
        candidate = paths.backups / candidate.name
    if not candidate.is_file():
        raise NotFoundError(f"no backup {name} (see photoarchive backup --list)")
    parsed = _parse(candidate)
    return parsed or Backup(candidate, datetime.fromtimestamp(candidate.stat().st_mtime, UTC))


def take_backup(
    conn: Connection,
    folder: Path,
    label: str = "",
    *,
    prune: bool = True,
    copy_into: Callable[[Path], sqlite3.Connection] | None = None,
) -> Backup:
    """Copy the catalog open on ``conn`` into ``folder`` (see the module doc); prune the others.
    ``copy_into`` writes the new file instead of SQLite's backup API and returns it open, to be
    checked as any copy is: a catalog on a server is copied by
    ``catalog.transfer.take_server_backup`` so (module doc)."""
    now = datetime.now(UTC).replace(microsecond=0)
    stamp = now.strftime("%Y%m%d-%H%M%S")

    def copied(tmp: Path) -> sqlite3.Connection:
        if copy_into is not None:
            return copy_into(tmp)
        if not isinstance(conn, sqlite3.Connection):
            raise CatalogError("a catalog on a server is backed up by catalog.transfer.take_server_backup")
        destination = sqlite3.connect(tmp)
        try:
            conn.backup(destination)
        except BaseException:
            destination.close()
            raise
        return destination

    def copy(tmp: Path) -> None:
        destination = copied(tmp)
        try:
            # The copy is checked page by page (quick_check: every page and b-tree well formed).
            # integrity_check would add the cross-check of each index against its table, which
            # the copy cannot break (it has the source's pages) and which costs 12 times as much
            # (26 s against 2 s for a catalog of a million photos).
            problems = _integrity(destination, quick=True)
            # The copy is one file: no -wal beside it that a later copy or move could leave behind.
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        if problems:
            raise CatalogError(
                f"the backup of the catalog failed its integrity check ({problems[0]}); nothing was kept"
            )

    try:
        folder.mkdir(parents=True, exist_ok=True)
        for seq in range(1000):
            target = folder / f"catalog-{stamp}{f'-{seq}' if seq else ''}{f'-{label}' if label else ''}.sqlite"
            if not target.exists():
                break
        atomic_write(target, copy)
    except sqlite3.DatabaseError as error:
        raise CatalogError(f"cannot back up the catalog ({error})") from error
    except OSError as error:
        raise CatalogError(f"cannot back up the catalog into {folder} ({error.strerror or error})") from error
    backup = Backup(target, now, label, seq)
    if prune:
        prune_backups(folder, keep=backup)
    return backup


def prune_backups(folder: Path, *, keep: Backup | None = None) -> list[Path]:
    """Delete the backups the rule of the module doc does not keep; return their paths."""
    regular = [b for b in _backups(folder) if b.kind == "regular"]
    kept: set[Path] = {keep.path} if keep else set()
    days: dict[date, Backup] = {}
    weeks: dict[tuple[int, int], Backup] = {}
    for backup in regular:  # oldest first: the newest of each day and week wins
        days[backup.taken_at.date()] = backup
        weeks[backup.taken_at.isocalendar()[:2]] = backup
    kept |= {days[d].path for d in sorted(days)[-KEEP_DAILY:]}
    kept |= {weeks[w].path for w in sorted(weeks)[-KEEP_WEEKLY:]}
    removed = []
    for backup in regular:
        if backup.path not in kept:
            try:
                backup.path.unlink()
                removed.append(backup.path)
            except OSError:
                pass  # kept one more than the rule says; the next backup tries again
    return removed


def check_backup(path: Path) -> list[str]:
    """What is wrong with a backup file: damage, or a schema newer than this program knows."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return [f"cannot open it ({error})"]
    try:
        problems = _integrity(conn, quick=False)
        if problems:
            return problems
        applied = [r[0] for r in conn.execute("SELECT name FROM schema_migrations")]
    except sqlite3.DatabaseError as error:
        return [f"not a catalog ({error})"]
    finally:
        conn.close()
    known = {module.NAME for module in load_migration_modules()}
    newer = [name for name in applied if name not in known]
    if newer:
        return [f"written by a newer version of Photo Archive (migrations {', '.join(newer)})"]
    return []


def integrity_problems(conn: sqlite3.Connection, size: int) -> list[str]:
    """``PRAGMA integrity_check`` of an open catalog (``quick_check`` above ``QUICK_CHECK_ABOVE``
    bytes); an empty list when it is sound."""
    return _integrity(conn, quick=size > QUICK_CHECK_ABOVE)


def put_in_place(paths: ArchivePaths, backup: Backup) -> Path | None:
    """Make ``backup`` the archive's catalog (module doc); returns where the old catalog went."""
    problems = check_backup(backup.path)
    if problems:
        raise CatalogError(f"{backup.path}: cannot restore this backup: {problems[0]}")
    staged = paths.root / f".catalog.sqlite.restoring-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}"
    try:
        shutil.copyfile(backup.path, staged)
        fsync_file(staged)
        aside = move_aside(paths)
        os.replace(staged, paths.catalog)
        fsync_dir(paths.root)
    except OSError as error:
        raise CatalogError(
            f"cannot put {backup.name} in place of {paths.catalog} ({error.strerror or error})"
        ) from error
    finally:
        staged.unlink(missing_ok=True)
    return aside


def move_aside(paths: ArchivePaths) -> Path | None:
    """Move the catalog, with its ``-wal`` and ``-shm``, to ``backups/replaced-<time>.sqlite``
    (renamed, never deleted); None when there is none."""
    companions = [Path(f"{paths.catalog}{suffix}") for suffix in ("-wal", "-shm")]
    if not paths.catalog.exists():
        for companion in companions:  # a WAL left by a deleted catalog belongs to no database
            companion.unlink(missing_ok=True)
        return None
    paths.backups.mkdir(parents=True, exist_ok=True)
    stem = f"replaced-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}"
    for seq in range(1000):
        aside = paths.backups / numbered_name(stem, seq, ".sqlite")
        if not aside.exists():
            break
    os.replace(paths.catalog, aside)
    for companion in companions:
        if companion.exists():
            os.replace(companion, Path(f"{aside}{companion.name[len(paths.catalog.name) :]}"))
    return aside


def _backups(folder: Path) -> list[Backup]:
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = [b for b in (_parse(folder / n) for n in names) if b is not None]
    return sorted(found, key=lambda b: (b.taken_at, b.seq, b.name))


def _parse(path: Path) -> Backup | None:
    match = _NAME.fullmatch(path.name)
    if match is None:
        return None
    taken = datetime.strptime(match["day"] + match["time"], "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    return Backup(path, taken, match["label"] or "", int(match["seq"] or 0))


def _integrity(conn: sqlite3.Connection, *, quick: bool) -> list[str]:
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:  # damage bad enough that the check itself stops on it
        if isinstance(error, sqlite3.OperationalError):
            raise
        return [str(error)]
    return [] if rows == ["ok"] else rows
