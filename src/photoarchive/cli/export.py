"""``photoarchive export COLLECTION --format gallery|package|post --to DIR``: publish a collection.

``--as-last-time`` starts from the options of the collection's last export (the window's or
the command line's, kept in the catalog); any option given as well overrides its remembered
value. Photos whose credit would come out blank are listed as a warning before the export.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from photoarchive.cli.output import print_json, warn
from photoarchive.errors import ValidationError
from photoarchive.export.options import FORMATS, METADATA_MODES, PRECISIONS

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.export.job import ExportSummary

# The choices come from the export's options (plain data); the export itself, with Jinja2 and
# Pillow, is imported when the command runs.


def _size(text: str) -> int | None:
    if text.lower() in ("original", "full", "0"):
        return None
    try:
        return int(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of pixels (or 'original')") from error


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "export",
        parents=[common],
        help="publish a collection as a web gallery, a publisher's package or a blog post",
        description="Export a collection. Everything is written beside the target and moved into place when "
        "complete; a cancelled or failed export leaves nothing behind.",
    )
    p.add_argument("collection", metavar="COLLECTION", help="the collection's name")
    p.add_argument(
        "--as-last-time",
        action="store_true",
        help="start from the options of this collection's last export (those given here override them)",
    )
    p.add_argument("--format", choices=FORMATS, help="required unless --as-last-time")
    p.add_argument("--to", type=Path, metavar="DIR", help="the folder to create (required unless --as-last-time)")
    # The defaults are None: an option not given is taken from the last export with
    # --as-last-time, else from ExportOptions' defaults.
    p.add_argument(
        "--long-edge",
        type=_size,
        default=None,
        metavar="PX",
        help="long edge of the images in pixels, or 'original' (default: gallery 1600, post 1200, package original)",
    )
    p.add_argument("--quality", type=int, metavar="Q", help="JPEG quality, 1 to 100 (default 85)")
    p.add_argument("--thumbnail", type=int, metavar="PX", help="gallery thumbnail long edge (default 280)")
    p.add_argument(
        "--burn-credit",
        metavar="TEMPLATE",
        help="burn a credit into each image's corner, e.g. '© {creator}' (variables as in caption templates)",
    )
    p.add_argument(
        "--metadata",
        choices=METADATA_MODES,
        help="metadata embedded in the images: all curated fields and camera data, only credit and copyright, or none",
    )
    p.add_argument(
        "--keep-serials",
        action=argparse.BooleanOptionalAction,
        help="keep camera and lens serial numbers and the camera owner's name (left out by default)",
    )
    p.add_argument(
        "--location-precision",
        choices=PRECISIONS,
        help="exact; coordinates rounded to 0.01 (1km) or 0.1 (10km) degree; place names only; nothing",
    )
    p.add_argument(
        "--name-template", metavar="T", help="file names, e.g. '{date:%%Y%%m%%d}_{sequence:03}_{sublocation}'"
    )
    p.add_argument("--caption-template", metavar="T", help="published captions (default: the collection's)")
    p.add_argument("--zip", action=argparse.BooleanOptionalAction, help="package: one ZIP file in the target folder")
    p.add_argument("--theme", type=Path, metavar="DIR", help="a copy of the default theme to use instead")
    p.add_argument(
        "--lang",
        metavar="LANG[,LANG...]",
        help="publish in this language (BCP 47: en, ru, ja; default: the archive's default language), a photo"
        " without text in it showing the default language's; several (en,ru) publish one folder per language,"
        " linked together; the images' embedded x-default is the language published",
    )
    p.add_argument(
        "--only-lang",
        action=argparse.BooleanOptionalAction,
        help="embed only the language published in the images (default: every language kept)",
    )
    p.add_argument("--force", action="store_true", help="replace an earlier export in the target folder")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    p.add_argument("--json", action="store_true", help="print one JSON object with the outcome")
    p.set_defaults(handler=export_command)

    p = subparsers.add_parser(
        "copy-theme",
        parents=[common],
        help="copy the default gallery and post theme into a folder, to change it and use it with export --theme",
    )
    p.add_argument("folder", type=Path, metavar="DIR", help="a new folder")
    p.set_defaults(handler=copy_theme_command, no_catalog=True)


def copy_theme_command(args: argparse.Namespace, catalog: Catalog | None) -> int:
    from photoarchive.export.html import copy_theme

    written = copy_theme(args.folder)
    print(
        f"Copied the default theme ({len(written)} files) to {args.folder}; use it with: export ... --theme {args.folder}"
    )
    return 0


def export_command(args: argparse.Namespace, catalog: Catalog) -> int:
    if args.workers is None or args.workers > 1:
        from photoarchive.pool import start_workers

        # The workers' code is imported by the pool's fork server while this process imports its own.
        start_workers(["photoarchive.export.render"])
    from tqdm import tqdm

    from photoarchive.catalog.collections import get_collection
    from photoarchive.catalog.export_settings import load_export_settings
    from photoarchive.export import ExportJob
    from photoarchive.export.checks import credit_problems
    from photoarchive.export.options import from_remembered

    if not args.as_last_time and (args.format is None or args.to is None):
        raise ValidationError("give --format and --to, or --as-last-time to export as the last time")
    last = None
    if args.as_last_time:
        last = load_export_settings(catalog, get_collection(catalog, args.collection).id)
        if last is None:
            warn(f"{args.collection!r} has not been exported before: the options given and the defaults are used")
    options = from_remembered(
        last,
        format=args.format,
        target=args.to,
        long_edge=args.long_edge,
        quality=args.quality,
        thumbnail=args.thumbnail,
        burn_credit=args.burn_credit,
        metadata=args.metadata,
        keep_serials=args.keep_serials,
        location_precision=args.location_precision,
        name_template=args.name_template,
        caption_template=args.caption_template,
        zip=args.zip,
        force=args.force or None,
        theme=args.theme,
        workers=args.workers,
        languages=_languages(args.lang),
        only_language=args.only_lang,
    )
    job = ExportJob(catalog, args.collection, options)
    credits = credit_problems(catalog, job.collection.id, options)
    if credits and not args.json:
        warn(f"warning: {len(credits)} of the photos need attention before they are published:")
        for problem in credits:
            warn(f"  {problem}")
    bar = tqdm(total=job.total, unit="photo", file=sys.stderr, disable=None, dynamic_ncols=True, desc="Exporting")
    try:
        for progress in job.run():
            if progress.outcome == "done":
                continue
            bar.total = progress.total
            bar.update(1)
            if progress.error and not args.json:
                bar.write(f"{progress.outcome}: {progress.name}: {progress.error}", file=sys.stderr)
    finally:
        bar.close()
    summary = job.summary
    assert summary is not None
    if args.json:
        print_json({**summary.as_json(), "credit_problems": [p.as_json() for p in credits]})
    else:
        problems = len(summary.missing) + len(summary.failed)
        print(
            f"Exported {summary.exported} photos of {summary.collection!r} as a {summary.format} to {summary.target}"
            + (f"; {problems} could not be exported" if problems else "")
        )
        for warning in summary.warnings:
            warn(f"warning: {warning}")
        for line in fallback_lines(summary):
            print(line)
    return 0 if summary.ok else 1


def _languages(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    tags = tuple(tag.strip() for tag in text.split(",") if tag.strip())
    if not tags:
        raise ValidationError("--lang needs a language, e.g. --lang ru or --lang en,ru", field="languages")
    return tags


def fallback_lines(summary: ExportSummary) -> list[str]:
    """What each language published had to take from the default language (x-default)."""
    lines = []
    for language, count in summary.fallbacks.items():
        texts = summary.collection_fallbacks.get(language, [])
        if count or texts:
            parts = [f"{count} of {summary.exported} photos" if count else ""]
            if texts:
                parts.append("the collection's " + ", ".join(t.replace("_", " ") for t in texts))
            lines.append(
                f"{language}: " + " and ".join(p for p in parts if p) + " lacked some text in this language"
                " and show the default language's (x-default) there"
            )
        else:
            lines.append(f"{language}: every photo has its text in this language")
    return lines
