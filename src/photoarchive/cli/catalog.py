"""``photoarchive catalog migrate-to URL|FILE.sqlite``: the archive's catalog copied to another database.

The catalog the archive uses (``--catalog``, ``$PHOTOARCHIVE_CATALOG``, its ``catalog.url``, else
its ``catalog.sqlite``) is copied whole into an empty PostgreSQL database or a new SQLite file
(``photoarchive.catalog.transfer``): every table, checked value by value, and compared table by
table (rows and SHA-256) before the target commits. The archive keeps using the catalog it had:
the command says how to switch, and ``--use`` switches it (a server: writes ``ARCHIVE/catalog.url``;
``ARCHIVE/catalog.sqlite``: removes it).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from photoarchive.cli.output import print_json, warn

if TYPE_CHECKING:
    from photoarchive.catalog import ArchivePaths, Catalog
    from photoarchive.catalog.connection import Connection
    from photoarchive.catalog.location import CatalogLocation
    from photoarchive.catalog.transfer import TransferProgress, TransferReport

# Each command imports the core it runs when it runs.


def catalog_url(args: argparse.Namespace) -> str | None:
    """The catalog's URL from ``--catalog`` (``cli.app``'s option), else ``$PHOTOARCHIVE_CATALOG``
    as the window reads it (``catalog.location.from_environment``); None: the archive's own (its
    ``catalog.url``, else its ``catalog.sqlite``: ``catalog.location.resolve``)."""
    given = getattr(args, "catalog", None)
    if given:
        return str(given)
    from photoarchive.catalog.location import from_environment

    return from_environment()


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("catalog", parents=[common], help="move the catalog to a PostgreSQL server or back")
    commands = group.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    p = commands.add_parser(
        "migrate-to",
        parents=[common],
        help="copy the catalog into an empty PostgreSQL database (URL) or a new SQLite file, and check the copy",
    )
    p.add_argument(
        "destination", metavar="URL|FILE.sqlite", help="postgresql://[user@]host[:port]/database, or a file path"
    )
    p.add_argument(
        "--use",
        action="store_true",
        help="then make the archive use the copy (a server: writes ARCHIVE/catalog.url; ARCHIVE/catalog.sqlite:"
        " removes catalog.url)",
    )
    p.add_argument(
        "--from",
        dest="from_file",
        type=Path,
        metavar="BACKUP",
        help="copy this SQLite file (a backup: see backup --list) instead of the archive's catalog;"
        " how a catalog on a server is restored, into an empty database",
    )
    p.add_argument("--json", action="store_true")
    # The archive's catalog is opened by the command: with --from it is not opened at all (the
    # database it names may be the one lost).
    p.set_defaults(handler=migrate_to_command, no_catalog=True)


def migrate_to_command(args: argparse.Namespace, catalog: Catalog | None = None) -> int:
    from photoarchive.catalog import ArchivePaths, Catalog, default_archive_dir
    from photoarchive.catalog.location import resolve

    root = Path(getattr(args, "archive", None) or default_archive_dir())
    if args.from_file is None:
        with Catalog(root, create=False, url=catalog_url(args)) as opened:
            return _migrate(args, opened.paths, opened.location, opened.conn, opened.location.shown())
    paths = ArchivePaths(root.expanduser().resolve())
    from photoarchive.catalog.transfer import migrated_copy

    with migrated_copy(args.from_file) as source:
        return _migrate(args, paths, resolve(paths.root, catalog_url(args)), source, str(args.from_file))


def _migrate(
    args: argparse.Namespace, paths: ArchivePaths, location: CatalogLocation, source: Connection, source_shown: str
) -> int:
    from photoarchive.catalog.location import SCHEMES, check_url
    from photoarchive.errors import ValidationError

    destination: str = args.destination
    is_url = destination.split(":", 1)[0] in SCHEMES
    if is_url:
        check_url(destination)  # a password in it: refused, in words
        if location.url == destination and args.from_file is None:
            raise ValidationError("the catalog is already there: give another database", field="destination")
        report = _to_server(paths, source, destination, args)
    else:
        path = Path(destination).expanduser().resolve()
        if location.url is None and path == paths.catalog and args.from_file is None:
            raise ValidationError("the catalog is already there: give another file", field="destination")
        if args.use and path != paths.catalog:
            raise ValidationError(
                f"--use with a file takes the archive's own {paths.catalog} only", field="destination"
            )
        report = _to_file(source, path, args)
    different = [c for c in report.checks if not c.same]
    switched = args.use and not different
    if switched:
        _switch(paths, destination if is_url else None)
    if args.json:
        data: dict[str, Any] = report.as_json()
        data.update({"source": source_shown, "destination": _shown(destination), "used": switched})
        print_json(data)
        return 1 if different else 0
    width = max((len(c.table) for c in report.checks), default=5)
    for check in report.checks:
        state = "same" if check.same else "DIFFERENT"
        print(
            f"{check.table:<{width}}  {check.source_rows:>9} rows  {check.source_digest[:16]}  {state}"
            f"  {check.seconds:6.2f} s"
        )
    for line in report.replaced:
        warn(f"photoarchive: warning: {line}")
    print(
        f"Copied {report.rows} rows from {source_shown} to {_shown(destination)} in"
        f" {report.seconds:.1f} s; every table checked (rows and SHA-256)"
    )
    if report.rebuilt:
        print(f"The search text was built there anew ({', '.join(report.rebuilt)}), not copied")
    if switched:
        print(f"The archive {paths.root} now uses the catalog at {_shown(destination)}")
    elif is_url:
        print(
            f"The archive still uses {location.shown()}. To use the copy: photoarchive --catalog"
            f" {_shown(destination)} ..., or run this again with --use (writes {paths.catalog_url})"
        )
    else:
        print(f"The archive still uses {location.shown()}; the copy is {_shown(destination)}")
    return 1 if different else 0


def _shown(destination: str) -> str:
    from photoarchive.catalog.location import without_password

    return without_password(destination)


def _progress(args: argparse.Namespace) -> Callable[[TransferProgress], None]:
    """A callback drawing the copy's progress on stderr when it is a terminal (nothing otherwise)."""
    if args.json or not (sys.stderr is not None and sys.stderr.isatty()):
        return lambda step: None

    def show(step: TransferProgress) -> None:
        done = f"{step.rows}/{step.total} rows" if step.total else ""
        print(
            f"\r\033[K{step.step} {step.table} {done} (table {min(step.tables_done + 1, step.tables)}/{step.tables})",
            end="",
            file=sys.stderr,
            flush=True,
        )

    return show


def _run(source: Connection, target: Connection, args: argparse.Namespace, target_path: str = "") -> TransferReport:
    from photoarchive.catalog.transfer import transfer

    try:
        return transfer(source, target, target_path=target_path, progress=_progress(args))
    finally:
        if not args.json and sys.stderr is not None and sys.stderr.isatty():
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def _to_server(paths: ArchivePaths, source: Connection, url: str, args: argparse.Namespace) -> TransferReport:
    from photoarchive.catalog.connection import connect
    from photoarchive.catalog.location import CatalogLocation

    target = connect(CatalogLocation(paths.catalog, url))  # unreachable, or a C-type database: refused in words
    try:
        return _run(source, target, args)
    finally:
        target.close()


def _to_file(source: Connection, path: Path, args: argparse.Namespace) -> TransferReport:
    from photoarchive.catalog.transfer import sqlite_target

    with sqlite_target(path) as target:
        return _run(source, target, args, target_path=str(path))


def _switch(paths: ArchivePaths, url: str | None) -> None:
    """Make the archive use the copy: a server's URL in ``catalog.url``, or (``url`` None: the
    copy is the archive's ``catalog.sqlite``) no ``catalog.url`` any more."""
    from photoarchive.catalog.location import remember

    if url is not None:
        remember(paths.root, url)
    else:
        paths.catalog_url.unlink(missing_ok=True)
