"""Commands over photos: import, list, show, check."""

from __future__ import annotations

import argparse
import codecs
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from photoarchive.cli.output import n_photos, print_fields, print_json, warn
from photoarchive.model.curated import CHOICE_FIELDS

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.model import Photo

# Each command imports the core it runs when it runs: ``list`` and ``show`` need neither
# Pillow nor exiv2, and ``--help`` needs no more than argparse.


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("import", parents=[common], help="import photos from files and folders (recursive)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true", help="print one JSON object with the outcome")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    p.add_argument("--template", metavar="NAME", help="apply this template to the new photos (one edit)")
    p.add_argument(
        "--legacy-charset",
        metavar="NAME",
        type=_code_page,
        default=None,
        help="code page of IPTC and EXIF text that is not UTF-8 and names no character set, e.g. cp1251"
        " or cp1252 (default: told apart, Cyrillic or Western, from the text itself)",
    )
    p.add_argument(
        "--previews",
        action="store_true",
        help="then make the 1024 px previews missing from the archive, the newest first (the import makes a"
        " JPEG's grid thumbnail only; the window makes the previews by itself, in the background)",
    )
    p.set_defaults(handler=import_command)

    p = subparsers.add_parser("list", parents=[common], help="list photos")
    p.add_argument("--search", metavar="TEXT", help="only photos whose text contains every word of TEXT")
    p.add_argument(
        "--filter",
        metavar="FILTER",
        help="only photos FILTER matches, e.g. 'rating>=4 label:red flag:pick keyword:tank place:Shumshu"
        " camera:D750 date:2015-08-10..2015-08-20 has:caption -has:credit' (every token holds; - negates one;"
        " plain words search the text; see the README); one that starts with - is written --filter=-flag:reject",
    )
    p.add_argument("--sort", choices=["captured", "imported", "name"], default="captured")
    p.add_argument("--limit", type=_count, metavar="N", help="list at most N photos")
    p.add_argument("--offset", type=_count, default=0, metavar="N", help="leave out the first N photos")
    p.add_argument(
        "--count", action="store_true", help="after the list, say how many photos match in all (with --limit, --offset)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=list_command)

    p = subparsers.add_parser("show", parents=[common], help="show everything stored about a photo")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=show_command)

    p = subparsers.add_parser(
        "check",
        parents=[common],
        help="verify the catalog's integrity, that every original exists and is unchanged, and their sidecars",
    )
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--repair-sidecars", action="store_true", help="first write again the sidecars that are missing or out of date"
    )
    p.add_argument(
        "--metadata",
        type=int,
        metavar="ID",
        help="instead: which IPTC properties the photo's original carries that we model, keep only (write leaves"
        " them as they are) or lose, found by writing it in memory; exit 1 when one is lost",
    )
    p.set_defaults(handler=check_command)


def photo_json(catalog: Catalog, photo: Photo, record: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every stored field of a photo, under the names scripts rely on (see README).

    The curated fields follow under the names of the ``edit`` options (with underscores),
    then ``gps_source``, ``conflicts`` ([{field, values: {standard: value}, chosen}]) and
    ``place`` (the gazetteer place shown: {id, name, path}, or null).
    ``record`` is the photo's entry of ``photo_records`` when the caller loaded many at once.
    """
    from photoarchive.imaging import GRID_SIZE, PREVIEW_SIZE

    # The preview is made after an import, by the window (ingest.previews): null until then.
    large = catalog.thumbnail_file(photo, PREVIEW_SIZE)
    if record is None:
        record = photo_records(catalog, [photo.id])[photo.id]
    return {
        "id": photo.id,
        "sha256": photo.sha256,
        "original_path": str(catalog.original_file(photo)),
        "original_name": photo.original_name,
        "source_path": photo.source_path,
        "thumbnail_small": str(catalog.thumbnail_file(photo, GRID_SIZE)),
        "thumbnail_large": str(large) if large.exists() else None,
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
        **record,
    }


def photo_records(catalog: Catalog, photo_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The curated fields, ``gps_source``, ``conflicts`` and ``place`` of these photos, by id
    (``label`` and ``flag`` null when not set, as ``rating``)."""
    from photoarchive.catalog.curated import load_records
    from photoarchive.catalog.places import photo_places
    from photoarchive.places import Gazetteer

    records = load_records(catalog, photo_ids)
    for record in records.values():
        # A colour label or a flag that is not set is null, as a rating that is not set.
        record.update({name: record[name] or None for name in CHOICE_FIELDS})
    shown = photo_places(catalog, photo_ids)
    gazetteer = Gazetteer.load(catalog) if any(shown.values()) else None
    for photo_id, record in records.items():
        place_id = shown.get(photo_id)
        if place_id is None or gazetteer is None:
            record["place"] = None
            continue
        place = gazetteer.get(place_id)
        record["place"] = {"id": place.id, "name": place.name, "path": gazetteer.path(place)}
    return records


def _count(text: str) -> int:
    """An argparse type: a whole number, 0 or more (a usage error, exit 2, otherwise)."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a count (0, 1, 2...)")
    return value


def _code_page(name: str) -> str:
    """An argparse type: a code page Python knows (a usage error, exit 2, otherwise)."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown code page {name!r} (try cp1251, cp1252, koi8-r, latin-1)") from None


def import_command(args: argparse.Namespace, catalog: Catalog) -> int:
    # The workers are forked from this process (it runs no other thread: ``pool.can_fork_here``),
    # or by their fork server, started before the command line was imported (``__main__``).
    from photoarchive.ingest import ImportJob

    # A template that does not exist or is broken stops the import before a file is copied.
    # (The templates' code, and the exiv2 it brings, is imported only when one is asked for.)
    template = None
    if args.template:
        from photoarchive.templates import check_template, find_template

        template = check_template(find_template(catalog, args.template))
    job = ImportJob(
        catalog,
        args.paths,
        workers=args.workers,
        legacy_charset=getattr(args, "legacy_charset", None),
        # Another curator's import into the same catalog on a server runs: this one waits.
        on_waiting=lambda message: bar.write(f"waiting: {message}", file=sys.stderr),
    )
    bar = _progress_bar("Importing")
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
    edit = None
    if summary.stopped:  # on stderr, with --json too: the JSON says what was done
        warn(f"error: the import stopped: {summary.stopped}")
    if template is not None and summary.photos and not summary.stopped:
        # {sequence} counts the new photos in the order they were taken.
        from photoarchive.templates import apply_template

        new = set(summary.photos)
        ordered = [i for i in catalog.photo_ids(order="captured", batch=summary.batch) if i in new]
        edit = apply_template(catalog, template, ordered)
    not_made = _make_previews(catalog) if args.previews and not summary.stopped else []
    if args.json:
        previews = {"previews_not_made": not_made} if args.previews else {}
        print_json({**summary.as_json(), "template_edit": edit.id if edit else None, **previews})
    else:
        print(
            f"Batch {summary.batch}: {summary.imported} imported, {summary.duplicates} duplicates, "
            f"{len(summary.failed)} failed" + (", cancelled" if summary.cancelled else "")
        )
        if edit is not None and template is not None:
            print(f"Template {template.name!r} applied to {len(summary.photos)} photos: edit {edit.id}")
        for path, warning in summary.warnings:
            warn(f"warning: {path}: {warning}")
        if summary.warnings:
            warn("correct a value kept as read with: photoarchive edit ID --FIELD VALUE")
        for problem in not_made:
            warn(f"warning: preview not made: {problem}")
    return 1 if summary.failed else 0


def _make_previews(catalog: Catalog) -> list[str]:
    """``import --previews``: the previews the window would make (``ingest.previews``), made
    here; why each one not made was not (a preview is a cache: the exit status is the import's)."""
    from photoarchive.ingest.previews import build_previews, missing_previews, tried

    work = missing_previews(catalog)
    bar = _progress_bar("Previews")
    bar.total = len(work.tasks)
    problems = []
    try:
        for outcome in build_previews(work):
            bar.update(1)
            if outcome.problem is not None:
                problems.append(outcome.problem)
    finally:
        bar.close()
    tried(catalog, work)
    return problems


class _NoBar:
    """What the import uses of a tqdm bar, when none is drawn: its lines still go out."""

    total = 0

    def update(self, _count: int) -> None:
        pass

    def write(self, line: str, file: TextIO) -> None:
        print(line, file=file)

    def close(self) -> None:
        pass


def _progress_bar(description: str) -> Any:
    """A tqdm bar on stderr when it is a terminal; otherwise (a script, ``--json | jq``), where
    tqdm would draw nothing, no bar, and tqdm (50 ms of imports: its version through
    importlib.metadata) is not imported."""
    if not (sys.stderr is not None and sys.stderr.isatty()):
        return _NoBar()
    from tqdm import tqdm

    # No monitor thread (it only corrects a bar's refresh rate): the import forks its workers
    # from this process, which it does only while it runs no other thread.
    tqdm.monitor_interval = 0
    return tqdm(total=0, unit="photo", file=sys.stderr, dynamic_ncols=True, desc=description)


def list_command(args: argparse.Namespace, catalog: Catalog) -> int:
    """Prints each page as soon as it is read (the first after one page's work, however many
    photos match); the number listed follows on stderr, and the total matching with --count.
    A filter that does not read is a usage error naming the token and its position."""
    from photoarchive.catalog.catalog import FIRST_PAGE
    from photoarchive.catalog.filters import compile_filter

    query = compile_filter(catalog.conn, getattr(args, "filter", None) or "", page=FIRST_PAGE, order=args.sort)
    search = query.search_with(args.search or "")
    pages = catalog.photo_pages(search=search, where=query.where, order=args.sort, offset=args.offset, limit=args.limit)
    shown = 0
    if args.json:
        import textwrap

        # The same text as print_json of the whole list, written an object at a time.
        sys.stdout.write("[")
        for page in pages:
            records = photo_records(catalog, [p.id for p in page])
            for photo in page:
                text = json.dumps(photo_json(catalog, photo, records[photo.id]), ensure_ascii=False, indent=2)
                sys.stdout.write(("\n" if not shown else ",\n") + textwrap.indent(text, "  "))
                shown += 1
            sys.stdout.flush()
        sys.stdout.write("\n]\n" if shown else "]\n")
    else:
        for page in pages:
            sys.stdout.writelines(_list_line(photo) for photo in page)
            sys.stdout.flush()
            shown += len(page)
    sys.stdout.flush()
    cut = args.offset or args.limit is not None
    if cut:
        warn(f"{n_photos(shown)} listed, from number {args.offset + 1}")
    else:
        warn(n_photos(shown))
    if args.count:
        matching = shown if not cut else catalog.count_matching(search, where=query.where)
        warn(f"{n_photos(matching)} {'matches' if matching == 1 else 'match'} in all")
    return 0


def _list_line(photo: Photo) -> str:
    camera = " ".join(filter(None, [photo.camera_make, photo.camera_model]))
    return f"{photo.id:>6}  {photo.captured_at or '-':<25}  {photo.original_name}  {camera}\n"


def _structured_lines(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with each structured field as edit takes it (``city=...; country=...``), one
    line per structure of a list (``artworks[1]``), image regions summed up one a line."""
    from photoarchive.model.curated import FIELDS_BY_NAME
    from photoarchive.model.fields import Kind
    from photoarchive.model.structured import format_struct, item_text

    lines: dict[str, Any] = {}
    for key, value in data.items():
        spec = FIELDS_BY_NAME.get(key)
        if spec is None or not spec.structured:
            lines[key] = value
        elif spec.kind is Kind.STRUCT:
            lines[key] = format_struct(spec, value)
        elif not value:
            lines[key] = ""
        else:
            for index, item in enumerate(value, 1):
                lines[f"{key}[{index}]"] = item_text(spec, item)
    return lines


def show_command(args: argparse.Namespace, catalog: Catalog) -> int:
    data = photo_json(catalog, catalog.photo(args.id))
    if args.json:
        print_json(data)
        return 0
    conflicts = data.pop("conflicts")
    # One line per language's value, named as edit names it: caption[ru].
    data.update(
        {f"{name}[{tag}]": text for tag, texts in data.pop("translations").items() for name, text in texts.items()}
    )
    if data["place"]:
        data["place"] = f"{data['place']['path']} (place {data['place']['id']})"
    print_fields(_structured_lines(data))
    if conflicts:
        print(f"\nconflicts: the file's standards disagreed (settle one with photoarchive edit {args.id} --FIELD ...)")
        for conflict in conflicts:
            print(f"  {conflict['field']}:")
            for standard, value in conflict["values"].items():
                mark = "*" if standard == conflict["chosen"] else " "
                shown = "; ".join(value) if isinstance(value, list) else value
                print(f"   {mark} {standard:<8} {shown}")
        print("  (* the value kept)")
    return 0


def metadata_check(args: argparse.Namespace, catalog: Catalog) -> int:
    """``check --metadata ID``: the IPTC properties of the photo's original and what ``write``
    does with each (``metadata.coverage``)."""
    from photoarchive.metadata.coverage import LOST, metadata_coverage

    photo = catalog.photo(args.metadata)
    report = metadata_coverage(catalog.original_file(photo))
    if args.json:
        print_json({"photo": photo.id, "properties": [p.as_json() for p in report]})
    else:
        width = max((len(p.name) for p in report), default=10)
        for item in report:
            print(f"{item.status:<18} {item.name:<{width}}  {item.field}")
        counts = {s: sum(1 for p in report if p.status == s) for s in dict.fromkeys(p.status for p in report)}
        print(", ".join(f"{n} {s}" for s, n in counts.items()) or "no IPTC properties")
    return 1 if any(p.status == LOST for p in report) else 0


def check_command(args: argparse.Namespace, catalog: Catalog) -> int:
    """The catalog's integrity, then each original, the files it does not know, and the sidecars
    (``catalog.sidecars``): any problem exits 1. A damaged catalog stops the check there."""
    if getattr(args, "metadata", None) is not None:
        return metadata_check(args, catalog)
    from tqdm import tqdm

    from photoarchive.catalog.catalog import damaged_catalog
    from photoarchive.catalog.sidecars import stale_sidecars, write_sidecars
    from photoarchive.catalog.verify import check_originals, untracked_originals

    damage = catalog.integrity_problems()
    if damage:
        advice = str(damaged_catalog(catalog.paths, "; ".join(damage[:3])))
        if args.json:
            print_json({"checked": 0, "integrity": damage, "advice": advice})
        else:
            print(f"photoarchive: error: {advice}", file=sys.stderr)
        return 1
    repaired: list[int] = []
    if args.repair_sidecars:
        repaired = [s.photo_id for s in stale_sidecars(catalog)]
        for message in write_sidecars(catalog, repaired):
            warn(f"warning: {message}")
    checks = check_originals(catalog)
    results = list(
        tqdm(checks, total=catalog.count_photos(), unit="photo", file=sys.stderr, disable=None, desc="Checking")
    )
    problems = [{"id": c.photo_id, "path": str(c.path), "problem": c.problem} for c in results if c.problem]
    untracked = [str(p) for p in untracked_originals(catalog)]
    sidecars = [{"id": s.photo_id, "path": str(s.path), "problem": s.problem} for s in stale_sidecars(catalog)]
    if args.json:
        print_json(
            {
                "checked": len(results),
                "problems": problems,
                "untracked": untracked,
                "integrity": [],
                "sidecars": sidecars,
                "repaired": [i for i in repaired if i not in {s["id"] for s in sidecars}],
            }
        )
    else:
        for problem in problems:
            print(f"photo {problem['id']}: {problem['path']}: {problem['problem']}")
        for path in untracked:
            print(f"not in the catalog: {path}")
        for sidecar in sidecars:
            print(f"photo {sidecar['id']}: {sidecar['path']}: {sidecar['problem']}")
        if sidecars:
            print("(photoarchive check --repair-sidecars writes them again)")
        print(
            f"catalog sound; {len(results)} originals checked, {len(problems)} problems, "
            f"{len(untracked)} files not in the catalog, {len(sidecars)} sidecars missing or out of date"
        )
    return 1 if problems or untracked or sidecars else 0
