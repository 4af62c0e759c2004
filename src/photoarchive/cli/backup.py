"""``photoarchive backup`` and ``photoarchive restore``: copies of the catalog, and putting one back.

See ``photoarchive.catalog.backup`` (when backups are taken, which are kept) and
``photoarchive.recovery`` (how a restored catalog is brought up to date from the sidecars).
Neither command opens the catalog first: ``restore`` must work when it is missing or damaged,
and ``backup --list`` tells which backups there are to restore.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from photoarchive.cli.output import print_json, warn

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog

# Each command imports the core it runs when it runs.


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "backup", parents=[common], help="back the catalog up into ARCHIVE/backups (or list the backups)"
    )
    p.add_argument("--list", action="store_true", help="list the backups, oldest first, instead of taking one")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=backup_command, no_catalog=True)

    p = subparsers.add_parser(
        "restore",
        parents=[common],
        help="put a backup of the catalog back (the newest by default), then apply the newer XMP sidecars",
    )
    p.add_argument("backup", nargs="?", metavar="BACKUP", help="a backup's name (see backup --list) or path")
    p.add_argument(
        "--from-sidecars",
        action="store_true",
        help="no backup: rebuild the catalog from the originals and the XMP sidecars beside them",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=restore_command, no_catalog=True)


def _root(args: argparse.Namespace) -> Path:
    from photoarchive.catalog import default_archive_dir

    return Path(getattr(args, "archive", None) or default_archive_dir())


def backup_command(args: argparse.Namespace, catalog: Catalog | None = None) -> int:
    from photoarchive.catalog import ArchivePaths, Catalog
    from photoarchive.catalog.backup import list_backups, take_backup

    paths = ArchivePaths(_root(args).expanduser().resolve())
    if args.list:
        backups = list_backups(paths)
        if args.json:
            print_json([b.as_json() for b in backups])
        else:
            for backup in backups:
                kind = "" if backup.kind == "regular" else f"  ({backup.kind})"
                size = backup.path.stat().st_size if backup.path.exists() else 0
                print(f"{backup.name}  {backup.taken_at:%Y-%m-%d %H:%M:%S} UTC  {size / 1e6:.1f} MB{kind}")
            if not backups:
                warn(f"no backups in {paths.backups}")
        return 0
    from photoarchive.cli.catalog import catalog_url

    with Catalog(paths.root, create=False, url=catalog_url(args)) as opened:
        if opened.location.url is not None:  # a server's: a snapshot of it in an SQLite file
            from photoarchive.catalog.transfer import take_server_backup

            backup = take_server_backup(opened.conn, paths.backups)
        else:
            backup = take_backup(opened.conn, paths.backups)
    if args.json:
        print_json(backup.as_json())
    else:
        print(f"Backed up to {backup.path}")
    return 0


def restore_command(args: argparse.Namespace, catalog: Catalog | None = None) -> int:
    from photoarchive.recovery import rebuild_from_sidecars, restore

    root = _root(args)
    if args.from_sidecars and args.backup:
        warn("photoarchive: error: give a BACKUP or --from-sidecars, not both")
        return 2
    from photoarchive.cli.catalog import catalog_url

    url = catalog_url(args)
    result = rebuild_from_sidecars(root, url=url) if args.from_sidecars else restore(root, args.backup, url=url)
    if args.json:
        print_json(result.as_json())
    else:
        if result.backup is not None:
            print(f"Restored {result.backup.name} (taken {result.backup.taken_at:%Y-%m-%d %H:%M:%S} UTC)")
        else:
            print("Rebuilt the catalog from the originals and their sidecars")
            print("Collections, templates and export settings are kept in the backups only: none came back")
        if result.replaced is not None:
            print(f"The catalog it replaced was kept as {result.replaced}")
        if result.edit is not None and result.edit.id:
            print(
                f"{len(result.updated)} photos brought up to date from their sidecars: edit {result.edit.id} "
                f"(photoarchive undo {result.edit.id} goes back to the backup's values)"
            )
        if result.readded:
            print(f"{len(result.readded)} photos recorded again from their sidecars")
        if result.languages:
            print(
                f"The archive's languages, from the sidecars: {result.languages[0]} (default), "
                f"{', '.join(result.languages[1:]) or '-'}"
            )
        if result.places_added:
            print(f"{len(result.places_added)} places recreated: {', '.join(result.places_added)}")
        for path, reason in result.unrecovered:
            warn(f"not recovered: {path}: {reason}")
        for message in result.warnings:
            warn(f"warning: {message}")
    return 1 if result.unrecovered else 0
