"""Commands over photos: import, list, show, check."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

from tqdm import tqdm

from photoarchive.catalog import Catalog
from photoarchive.cli.output import print_fields, print_json, warn
from photoarchive.imaging import THUMBNAIL_SIZES
from photoarchive.ingest import ImportJob
from photoarchive.model import Photo

SMALL, LARGE = THUMBNAIL_SIZES


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("import", parents=[common], help="import photos from files and folders (recursive)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true", help="print one JSON object with the outcome")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    p.set_defaults(handler=import_command)

    p = subparsers.add_parser("list", parents=[common], help="list photos")
    p.add_argument("--search", metavar="TEXT", help="only photos whose text contains every word of TEXT")
    p.add_argument("--sort", choices=["captured", "imported", "name"], default="captured")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=list_command)

    p = subparsers.add_parser("show", parents=[common], help="show everything stored about a photo")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=show_command)

    p = subparsers.add_parser("check", parents=[common], help="verify that every original exists and is unchanged")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=check_command)


def photo_json(catalog: Catalog, photo: Photo) -> dict[str, Any]:
    """Every stored field of a photo, under the names scripts rely on (see README)."""
    return {
        "id": photo.id,
        "sha256": photo.sha256,
        "original_path": str(catalog.original_file(photo)),
        "original_name": photo.original_name,
        "source_path": photo.source_path,
        "thumbnail_small": str(catalog.thumbnail_file(photo, SMALL)),
        "thumbnail_large": str(catalog.thumbnail_file(photo, LARGE)),
        "size": photo.size,
        "format": photo.format,
        "width": photo.width,
        "height": photo.height,
        "orientation": photo.orientation,
        "captured_at": photo.captured_at,
        "camera_make": photo.camera_make,
        "camera_model": photo.camera_model,
        "latitude": photo.latitude,
        "longitude": photo.longitude,
        "altitude": photo.altitude,
        "batch": photo.batch_id,
        "imported_at": photo.imported_at,
        "warnings": photo.warnings,
    }


def import_command(args: argparse.Namespace, catalog: Catalog) -> int:
    job = ImportJob(catalog, args.paths, workers=args.workers)
    bar = tqdm(total=0, unit="photo", file=sys.stderr, disable=None, dynamic_ncols=True, desc="Importing")
    try:
        for progress in job.run():
            if bar.total != progress.total:
                bar.total = progress.total
            bar.update(1)
            if progress.outcome == "failed" and not args.json:
                bar.write(f"failed: {progress.path}: {progress.error}", file=sys.stderr)
    finally:
        bar.close()
    summary = job.summary
    assert summary is not None
    if args.json:
        print_json(summary.as_json())
    else:
        print(
            f"Batch {summary.batch}: {summary.imported} imported, {summary.duplicates} duplicates, "
            f"{len(summary.failed)} failed" + (", cancelled" if summary.cancelled else "")
        )
        for path, warning in summary.warnings:
            warn(f"warning: {path}: {warning}")
    return 1 if summary.failed else 0


def list_command(args: argparse.Namespace, catalog: Catalog) -> int:
    photos = catalog.list_photos(search=args.search, order=args.sort)
    if args.json:
        print_json([photo_json(catalog, p) for p in photos])
        return 0
    for photo in photos:
        camera = " ".join(filter(None, [photo.camera_make, photo.camera_model]))
        print(f"{photo.id:>6}  {photo.captured_at or '-':<25}  {photo.original_name}  {camera}")
    print(f"{len(photos)} photos", file=sys.stderr)
    return 0


def show_command(args: argparse.Namespace, catalog: Catalog) -> int:
    data = photo_json(catalog, catalog.photo(args.id))
    if args.json:
        print_json(data)
    else:
        print_fields(data)
    return 0


def check_command(args: argparse.Namespace, catalog: Catalog) -> int:
    problems: list[dict[str, Any]] = []
    checked = 0
    known: set[str] = set()
    rows = list(catalog.iter_photo_files())
    for photo_id, relative, sha256, size in tqdm(rows, unit="photo", file=sys.stderr, disable=None, desc="Checking"):
        known.add(relative)
        checked += 1
        path = catalog.paths.original(relative)
        if not path.is_file():
            problems.append({"id": photo_id, "path": str(path), "problem": "missing"})
        elif path.stat().st_size != size or _sha256(path) != sha256:
            problems.append({"id": photo_id, "path": str(path), "problem": "changed (its SHA-256 no longer matches)"})
    untracked = [
        str(p)
        for p in sorted(catalog.paths.originals.rglob("*"))
        if p.is_file() and ".incoming" not in p.parts and p.relative_to(catalog.paths.originals).as_posix() not in known
    ]
    if args.json:
        print_json({"checked": checked, "problems": problems, "untracked": untracked})
    else:
        for problem in problems:
            print(f"photo {problem['id']}: {problem['path']}: {problem['problem']}")
        for path in untracked:
            print(f"not in the catalog: {path}")
        print(f"{checked} originals checked, {len(problems)} problems")
    return 1 if problems else 0


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
