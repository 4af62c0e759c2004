"""Argument parsing, archive opening and error reporting shared by every command."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from photoarchive import __version__
from photoarchive.cli import backup, collections, config, edit, export, photos, places, sample, templates
from photoarchive.cli import catalog as catalog_commands
from photoarchive.errors import (
    CatalogError,
    CatalogMissingError,
    NotFoundError,
    PhotoArchiveError,
    ValidationError,
    first_line,
)

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog

# Building the parser imports argparse and the command modules' option declarations only;
# the catalog, and whatever a command uses, are imported once the arguments are parsed.

# Command groups, in the order their commands appear in --help. Each has register(subparsers).
COMMAND_MODULES = [photos, edit, templates, collections, export, places, backup, catalog_commands, config, sample]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# The day's automatic backup of a catalog larger than this is announced (it takes seconds).
ANNOUNCE_BACKUP_ABOVE = 100_000_000


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--archive",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="the archive folder (default: $PHOTOARCHIVE_ARCHIVE, else ./archive in a checkout, else the user data folder)",
    )
    common.add_argument(
        "--catalog",
        default=argparse.SUPPRESS,
        metavar="URL",
        help="the catalog on a PostgreSQL server, postgresql://[user@]host[:port]/database (default:"
        " $PHOTOARCHIVE_CATALOG, else the archive's catalog.url, else its catalog.sqlite); the password"
        " goes in ~/.pgpass or PGPASSWORD",
    )
    parser = argparse.ArgumentParser(
        prog="photoarchive",
        parents=[common],
        description="Photo Archive: import, caption, credit, place and publish expedition photographs.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from photoarchive.catalog import ArchivePaths, Catalog, default_archive_dir
    from photoarchive.catalog.catalog import damaged_catalog, is_damage

    archive = getattr(args, "archive", None) or default_archive_dir()
    try:
        if getattr(args, "no_catalog", False):
            return int(args.handler(args, None))
        catalog = Catalog(archive, url=catalog_commands.catalog_url(args))
        catalog.defer_daily_backup = True  # taken after the command's work and output
        try:
            code = int(args.handler(args, catalog))
            _take_deferred_backup(catalog)
            return code
        finally:
            catalog.close()
            for warning in catalog.warnings:  # after a committed change: the change stands
                print(f"photoarchive: warning: {warning}", file=sys.stderr)
    except (NotFoundError, ValidationError, CatalogMissingError) as error:
        print(f"photoarchive: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.DatabaseError as error:
        # Damage found after opening (a page read by this command only): never a traceback.
        paths = ArchivePaths(Path(archive).expanduser().resolve())
        shown = damaged_catalog(paths, error) if is_damage(error) else f"the catalog {paths.catalog}: {error}"
        print(f"photoarchive: error: {shown}", file=sys.stderr)
        return EXIT_FAILED
    except PhotoArchiveError as error:
        print(f"photoarchive: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("photoarchive: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`photoarchive list | head`): stop quietly, as Unix tools do,
        # and keep Python from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as error:
        if not type(error).__module__.startswith("psycopg"):
            raise
        # The server went away, or refused a statement, after the catalog was opened: in one line.
        print(f"photoarchive: error: the catalog's server: {first_line(error)}", file=sys.stderr)
        return EXIT_FAILED


def _take_deferred_backup(catalog: Catalog) -> None:
    """The day's backup a change of this command made due (``catalog.backup``), now that the
    command's output is written; announced when it copies enough to be noticed. A backup that
    fails is a warning: the change stands."""
    from photoarchive.catalog.daily_backup import catalog_size, take_deferred_backup

    if not catalog.daily_backup_due:
        return
    size = catalog_size(catalog.conn, catalog.paths)
    if size > ANNOUNCE_BACKUP_ABOVE:
        sys.stdout.flush()
        print(f"photoarchive: taking the day's backup of the catalog ({size / 1e6:.0f} MB)...", file=sys.stderr)
    try:
        take_deferred_backup(catalog)
    except CatalogError as error:
        catalog.warnings.append(f"the daily backup was not taken: {error}")


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
