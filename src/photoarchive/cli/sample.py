"""``photoarchive sample-archive DIR``: build the sample archive (see ``photoarchive.sample``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from photoarchive.cli.output import print_json

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "sample-archive",
        parents=[common],
        help="create a small sample archive to try every feature on (generated images, Shumshu 2015)",
    )
    p.add_argument("dir", type=Path, metavar="DIR", help="the new archive's folder (created; must hold no photos)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=sample_command, no_catalog=True)


def sample_command(args: argparse.Namespace, catalog: Catalog | None = None) -> int:
    from photoarchive.catalog import Catalog
    from photoarchive.cli.catalog import catalog_url
    from photoarchive.sample import SampleArchiveJob

    with Catalog(args.dir, url=catalog_url(args)) as target:  # --catalog, as every command
        job = SampleArchiveJob(target)
        live = not args.json and sys.stderr.isatty()
        for progress in job.run():
            if live:
                print(f"\r{progress.done}/{progress.total} {progress.step:<40}", end="", file=sys.stderr)
        if live:
            print(file=sys.stderr)
        result = job.result
        data = {
            "archive": str(target.paths.root),
            "photos": len(result.photos),
            "places": result.places,
            "collection": result.collection,
            "template": result.template,
        }
    if args.json:
        print_json(data)
    else:
        print(f"Sample archive in {data['archive']}: {data['photos']} photos, {data['places']} places, one collection")
    return 0
