"""``photoarchive edit``, ``history``, ``undo``, ``reread`` and ``write``: curating photos.

Thin: each command calls ``photoarchive.edits``, ``photoarchive.templates``,
``photoarchive.reread`` or ``photoarchive.export.copies`` and prints what they return.

Field options are named after the fields (``--caption``, ``--alt-text``, ``--country-code``...,
as ``show --json`` names them with underscores). Lists (``--keywords``, ``--add-keywords``,
``--remove-keywords``, ``--hierarchical-keywords``) are separated by commas; a comma inside a
keyword is written ``\\,`` (and a backslash ``\\\\``); the options may also be repeated.
Several creators are separated by ``;`` (as the Metadata Working Group writes them).
Persons shown are a list as keywords are. A vocabulary's field (``--digital-source-type``,
``--model-release-status``, ``--property-release-status``) takes the term's short name
(``negativeFilm``, ``not-applicable``), its label or its URI. A structured field takes
``name=value;name=value`` (``model.structured``); one of several (``--artworks``,
``--licensors``, ``--copyright-owners``, ``--contributors``) is one option each, repeated.
A structured option replaces the photos' value; with ``--merge`` it changes each photo's own
(the members given set, the others kept; the structures given added to each photo's list),
as the window's editor does on photos that differ (``edits.structure_values``).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from photoarchive.cli.output import n_photos, print_json, warn
from photoarchive.errors import NotFoundError, StaleEditError, ValidationError
from photoarchive.model.curated import (
    CURATED_FIELD_NAMES,
    FIELDS,
    FIELDS_BY_NAME,
    LIST_FIELDS,
    PER_LANGUAGE_FIELDS,
    empty_value,
)
from photoarchive.model.fields import FieldSpec, Input, Kind

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.edits import Edit

# The options are built from the field table alone; each command imports the core it runs
# when it runs (the command line starts without exiv2, Pillow or Jinja2).

CLEARABLE = (*CURATED_FIELD_NAMES, "gps")
# What a field's option takes, by what the curator types in it (a list is "A,B", repeatable).
METAVARS = {
    Input.KEYWORDS: "A,B",
    Input.DATE: "DATE",
    Input.DATE_RANGE: "DATE[/DATE]",
    Input.COUNTRY_CODE: "XXX",
    Input.URL: "URL",
    Input.NAMES: "NAME[;NAME]",
    Input.RATING: "0-5|none",
    Input.PERSONS: "A,B",
    Input.VOCABULARY: "TERM|URI",
    Input.STRUCT: "NAME=VALUE;...",
    Input.STRUCTS: "NAME=VALUE;...",
}


def _metavar(spec: FieldSpec) -> str:
    if spec.input is Input.CHOICE:  # --label red|yellow|green|blue|purple|none
        return "|".join((*spec.choice_values, "none"))
    return METAVARS.get(spec.input, "TEXT")


def _help(spec: FieldSpec) -> str:
    text = f"{spec.label} ({', '.join(spec.standard_names)})"
    if spec.input is Input.VOCABULARY:
        text += "; one of " + ", ".join(c.aliases[0] for c in spec.choices if c.aliases)
    elif spec.members:
        text += "; members " + ", ".join(m.name for m in spec.members)
        if spec.kind is Kind.STRUCTS:
            text += " (repeat the option for each)"
    return text.replace("%", "%%")


EDIT_DESCRIPTION = """\
Set curated fields of one or many photos: one edit, one transaction, one entry in the
history (photoarchive history; photoarchive undo EDIT_ID). Setting a field settles the
conflict its file's standards had about it.

Lists (--keywords, --add-keywords, --remove-keywords, --hierarchical-keywords,
--persons-shown) are separated by commas, or given by repeating the option; write a comma
inside a keyword as \\, (and a backslash as \\\\). Several creators are separated by ";".
Dates are ISO 8601 (1945-08-18, 1945-08, 2015-08-10T09:00:00+11:00); --event-date also takes a
range 1945-08-18/1945-08-23.

--digital-source-type takes a term of IPTC's vocabulary by its short name (negativeFilm,
positiveFilm, print, digitalCapture, ...), its label or its URI, and stores the URI;
--model-release-status and --property-release-status take none, not-applicable, unlimited or
limited (PLUS). Structured fields take members as NAME=VALUE separated by ";" (a list
member's items by ","; \\; \\, \\= inside a value): --location-created "city=Severo-Kurilsk;
country=Russia;country_code=RUS", --creator-contact-info "email=archive@example.org".
--artworks, --licensors, --copyright-owners and --contributors take one structure each and
are repeated for several; they replace the photo's list (--clear artworks empties it).

--merge makes the structured options change each photo's own value instead of replacing it
(for photos whose structures differ): --location-created "city=Severo-Kurilsk" --merge sets
the city of each photo's location created and keeps its other members (NAME= with no value
removes that member); --artworks "title=..." --merge adds the artwork to each photo's list,
keeping the others (a photo that holds it already does not get it twice).

--place gives the photos a place of the gazetteer (photoarchive place list): its id, or its
name in any of its languages; --place none clears it. The place fills Sublocation, City,
Province/State, Country and Country code from itself and the places containing it, and GPS
when a photo has no position of its own (marked as taken from the place). With other
options in the same call it is still one edit: the place is applied first, then a
template, then the field options given, which win (--place "Height 171" --sublocation
"Tank hull, Height 171" keeps the place and its other fields). A field set that way is
replaced when the place itself is edited later (photoarchive place edit).

  photoarchive edit 12-40 --credit "Shumshu 2015 search expedition" --keywords "Шумшу,占守島"
  photoarchive edit 12 --caption "Обломки танка у высоты 171" --country-code RUS --gps 50.69,156.35
  photoarchive edit 12-15 --place 占守島 --caption "Japanese gun emplacement"
  photoarchive edit 7 --persons-shown "Ivanov\\, Pyotr,Kuznetsov" --digital-source-type print
  photoarchive edit 7 --artworks "title=Medal For Courage;creator=Mint;source=Museum;source_inventory_number=KM-12"
  photoarchive edit 12-40 --merge --location-created "city=Severo-Kurilsk;sublocation="
"""


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "edit",
        parents=[common],
        help="set curated fields of photos (one edit in the history)",
        description=EDIT_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("ids", nargs="+", type=id_list, metavar="ID", help="photo ids, or ranges such as 3-12")
    add_field_options(p, gps=True)
    p.add_argument(
        "--place",
        metavar="NAME_OR_ID",
        help="give the photos a gazetteer place (id, or a name in any language; 'none' clears it);"
        " fills the location fields, and GPS where a photo has none",
    )
    p.add_argument(
        "--position-from-place",
        action="store_true",
        help="with --place: give every photo the place's position, replacing its own (for photos whose"
        " GPS is far from the place)",
    )
    p.add_argument(
        "--template", metavar="NAME", help="apply a template (over --place; the field options given win over it)"
    )
    p.add_argument(
        "--merge",
        action="store_true",
        help="structured options change each photo's own value: the members given are set (NAME= removes one)"
        " and the others kept; the structures of a list are added to each photo's (default: replace the value)",
    )
    p.add_argument("--json", action="store_true", help="print the edit: its id and each change, old and new")
    p.set_defaults(handler=edit_command)

    p = subparsers.add_parser("history", parents=[common], help="the edit history (who, when, old and new values)")
    p.add_argument("id", nargs="?", type=int, metavar="ID", help="only the edits of this photo")
    p.add_argument("--limit", type=int, default=50, help="at most this many edits, newest first (default 50)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=history_command)

    p = subparsers.add_parser("undo", parents=[common], help="undo an edit (recorded as a new edit)")
    p.add_argument("edit", type=int, metavar="EDIT_ID")
    p.add_argument("--force", action="store_true", help="also when a later edit changed the same fields")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=undo_command)

    p = subparsers.add_parser(
        "reread",
        parents=[common],
        help="set the curated fields from the originals (and sidecars) again, replacing the catalog's; undoable",
    )
    p.add_argument("ids", nargs="+", type=id_list, metavar="ID", help="photo ids, or ranges such as 3-12")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=reread_command)

    p = subparsers.add_parser(
        "write", parents=[common], help="write copies of originals with the curated fields embedded, or sidecars"
    )
    p.add_argument("ids", nargs="+", type=id_list, metavar="ID", help="photo ids, or ranges such as 3-12")
    p.add_argument("--to", type=Path, required=True, metavar="DIR", help="the folder to write into")
    p.add_argument("--sidecar", action="store_true", help="write XMP sidecars (NAME.EXT.xmp) instead of copies")
    p.add_argument("--lightroom", action="store_true", help="name sidecars NAME.xmp, as Lightroom does")
    p.add_argument("--force", action="store_true", help="replace files already in DIR")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=write_command)


# -- field options (shared with photoarchive template) -------------------------------------------


def add_field_options(parser: argparse.ArgumentParser, *, gps: bool = False) -> None:
    group = parser.add_argument_group("fields")
    for spec in FIELDS:
        if spec.kind is Kind.TREE:  # kept as read (image regions): not typed; --clear empties it
            continue
        group.add_argument(
            f"--{_option(spec.name)}",
            dest=spec.name,
            action="append" if spec.name in LIST_FIELDS or spec.kind is Kind.STRUCTS else "store",
            metavar=_metavar(spec),
            help=_help(spec),
        )
    group.add_argument("--add-keywords", action="append", metavar="A,B", help="add keywords, keeping the others")
    group.add_argument("--remove-keywords", action="append", metavar="A,B", help="remove these keywords")
    if gps:
        group.add_argument("--gps", metavar="LAT,LON[,ALT]", help="position of the location shown (degrees, metres)")
    group.add_argument(
        "--clear", action="append", default=[], metavar="FIELD", help="empty a field (repeatable; 'gps' too)"
    )
    group.add_argument(
        "--lang",
        metavar="TAG",
        help=f"set {', '.join(_option(n) for n in PER_LANGUAGE_FIELDS)} in this language (BCP 47: en, ru, ja, ...;"
        " default: the archive's default language, photoarchive config languages); an empty value or --clear"
        " removes that language's value",
    )


@dataclass
class FieldOptions:
    """The field options of one command line, as values to set."""

    values: dict[str, Any] = field(default_factory=dict)
    add_keywords: list[str] = field(default_factory=list)
    remove_keywords: list[str] = field(default_factory=list)
    cleared: list[str] = field(default_factory=list)
    # With --merge: the change each structured option makes on each photo's own value.
    structures: dict[str, Any] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.values or self.add_keywords or self.remove_keywords or self.cleared or self.structures)


def field_options(args: argparse.Namespace) -> FieldOptions:
    """The values the field options of ``args`` set; ``ValidationError`` for a bad one."""
    options = FieldOptions()
    for name in CURATED_FIELD_NAMES:
        given = getattr(args, name, None)
        if given is not None:
            options.values[name] = _given_value(name, given)
    options.add_keywords = split_list(args.add_keywords or [])
    options.remove_keywords = split_list(args.remove_keywords or [])
    for name in args.clear:
        key = name.strip().replace("-", "_")
        if key not in CLEARABLE:
            raise ValidationError(f"--clear: unknown field {name!r} (one of: {', '.join(CLEARABLE)})", field=name)
        if key in options.values or (key == "gps" and getattr(args, "gps", None)):
            raise ValidationError(f"--clear {name} and --{_option(key)} together: choose one", field=key)
        options.cleared.append(key)
        if key == "gps":
            options.values.update(latitude=None, longitude=None, altitude=None, gps_source=None)
        else:
            options.values[key] = empty_value(key)
    if getattr(args, "gps", None):
        options.values.update(parse_gps(args.gps))
    if getattr(args, "merge", False):
        options.structures = _merged_structures(args, options)
    if getattr(args, "lang", None):
        options.values = _in_language(options, args.lang)
    return options


def _in_language(options: FieldOptions, tag: str) -> dict[str, Any]:
    """The values with each per-language field named in ``tag`` (``caption[ru]``), which the
    edit maps back to the field itself when ``tag`` is the default language."""
    from photoarchive.model.languages import normalize_language

    language = normalize_language(tag, name="--lang")
    others = [n for n in [*options.values, *options.structures] if n not in PER_LANGUAGE_FIELDS]
    if others or options.add_keywords or options.remove_keywords:
        name = others[0] if others else "keywords"
        raise ValidationError(
            f"--lang {tag}: --{_option(name)} has one value in every language; set it without --lang"
            f" (--lang takes {', '.join('--' + _option(n) for n in PER_LANGUAGE_FIELDS)})",
            field=name,
        )
    return {f"{name}[{language}]": value for name, value in options.values.items()}


def _merged_structures(args: argparse.Namespace, options: FieldOptions) -> dict[str, Any]:
    """The structured options given with --merge, taken out of ``options.values``, as the
    change each makes on each photo's value: the members given (an empty one removes it), or
    the structures given added to each photo's list."""
    from photoarchive.model.structured import ItemsChange, parse_struct

    changes: dict[str, Any] = {}
    for spec in FIELDS:
        given = getattr(args, spec.name, None)
        if given is None or spec.kind not in (Kind.STRUCT, Kind.STRUCTS):
            continue
        del options.values[spec.name]
        if spec.kind is Kind.STRUCT:
            changes[spec.name] = parse_struct(spec, given)
        else:
            changes[spec.name] = ItemsChange(added=tuple(p for text in given if (p := parse_struct(spec, text))))
    if not changes:
        raise ValidationError(
            "--merge changes structured fields: give one (--location-created, --creator-contact-info,"
            " --artworks, --licensors, --copyright-owners, --contributors)",
            field="merge",
        )
    return changes


def _given_value(name: str, given: Any) -> Any:
    from photoarchive.model.structured import parse_struct

    spec = FIELDS_BY_NAME[name]
    if spec.kind is Kind.STRUCT:
        return parse_struct(spec, given)
    if spec.kind is Kind.STRUCTS:  # each option one structure; an empty one given alone clears
        return [parsed for text in given if (parsed := parse_struct(spec, text))]
    return split_list(given) if name in LIST_FIELDS else given


def split_list(given: list[str]) -> list[str]:
    """Comma-separated items of each option given; ``\\,`` is a comma inside an item."""
    items = []
    for text in given:
        for item in re.findall(r"(?:\\.|[^,\\])+", text):
            items.append(re.sub(r"\\(.)", r"\1", item).strip())
    return [item for item in items if item]


def parse_gps(text: str) -> dict[str, Any]:
    parts = [p.strip() for p in text.split(",")]
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) not in (2, 3):
        raise ValidationError(
            f"--gps: {text!r} is not LAT,LON or LAT,LON,ALT in degrees (e.g. 50.69,156.35)", field="gps"
        )
    altitude = numbers[2] if len(numbers) == 3 else None
    return {"latitude": numbers[0], "longitude": numbers[1], "altitude": altitude, "gps_source": "edited"}


def id_list(text: str) -> list[int]:
    """An id (``7``) or a range of ids (``3-12``)."""
    match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", text)
    if not match or (match.group(2) and int(match.group(2)) < int(match.group(1))):
        raise argparse.ArgumentTypeError(f"{text!r} is not a photo id or a range such as 3-12")
    first, last = int(match.group(1)), int(match.group(2) or match.group(1))
    return list(range(first, last + 1))


def photo_ids(args: argparse.Namespace) -> list[int]:
    return list(dict.fromkeys(i for group in args.ids for i in group))


def _option(name: str) -> str:
    return name.replace("_", "-")


@contextmanager
def option_names() -> Iterator[None]:
    """Say which option a bad value came from: "--caption (Description): ..." rather than the
    field's name in the standard alone."""
    try:
        yield
    except ValidationError as error:
        spec = FIELDS_BY_NAME.get(error.field or "")
        if spec is None:
            raise
        message = str(error)
        for prefix, named in ((f"{spec.label}: ", f"{spec.label}"), (f"{spec.name}: ", "")):
            if message.startswith(prefix):
                option = f"--{_option(spec.name)}" + (f" ({named})" if named else "")
                raise ValidationError(f"{option}: {message[len(prefix) :]}", field=error.field) from error
        raise


# -- commands -------------------------------------------------------------------------------------


def edit_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.catalog import transaction
    from photoarchive.edits import apply_edit, structure_values
    from photoarchive.model.structured import changed
    from photoarchive.templates import edit_values, find_template

    ids = photo_ids(args)
    options = field_options(args)
    if args.position_from_place and args.place is None:
        raise ValidationError("--position-from-place needs --place (the place whose position to use)")
    if not options and not args.template and args.place is None:
        raise ValidationError(
            "nothing to change: give a field option (--caption, --credit, ...), --clear, --place or --template"
        )
    # The values are computed from the photos' current ones (keywords added to theirs, GPS
    # from the place where they have none) in the transaction that writes them.
    with transaction(catalog.conn), option_names():
        placed, description = _placed(catalog, ids, args.place, args.position_from_place)
        values = edit_values(
            catalog,
            ids,
            options.values,
            add_keywords=options.add_keywords,
            remove_keywords=options.remove_keywords,
            template=args.template,
        )
        name = find_template(catalog, args.template).name if args.template else ""
        if name and not options:
            description = f"Template {name!r} on {len(ids)} photos" + (f"; {description}" if description else "")
        elif options and description:
            description += "; " + _describe_options(options)
        # One edit: the place's values first, then the template's and the options', which win.
        merged = {pid: {**placed.get(pid, {}), **values[pid]} for pid in ids}
        # --merge: each structure changed from what the photo holds (or the template sets).
        own = {name: structure_values(catalog, name, change) for name, change in options.structures.items()}

        def photo_values(pid: int) -> dict[str, Any]:
            result = dict(merged[pid])
            for name, change in options.structures.items():
                result[name] = changed(result[name], change) if name in result else own[name](pid)[name]
            return result

        edit = apply_edit(catalog, ids, photo_values, description=description)
    print_edit(edit, args.json)
    if args.place is not None:
        from photoarchive.cli.places import warn_far
        from photoarchive.places import far_from_place

        warn_far(far_from_place(catalog, ids))
    return 0


def _placed(
    catalog: Catalog, ids: list[int], place: str | None, position_from_place: bool = False
) -> tuple[dict[int, dict[str, Any]], str]:
    """The values ``--place`` sets on each photo, and its description ("Place 3 photos at ...")."""
    from photoarchive.places import describe_assignment, place_values

    if place is None:
        return {}, ""
    target = None if place.strip().casefold() == "none" else place
    try:
        values, found = place_values(catalog, ids, target, position_from_place=position_from_place)
    except NotFoundError as error:
        raise NotFoundError(f"--place: {error}") from error
    except ValidationError as error:
        raise ValidationError(f"--place: {error}", field="place") from error
    return values, describe_assignment(found, len(ids), position_from_place)


def _describe_options(options: FieldOptions) -> str:
    names = [
        *options.values,
        *options.structures,
        *(["keywords"] if options.add_keywords or options.remove_keywords else []),
    ]
    names = list(dict.fromkeys("gps" if n in ("latitude", "longitude", "altitude", "gps_source") else n for n in names))
    return "set " + ", ".join(n.replace("_", " ") for n in names[:3]) + (" ..." if len(names) > 3 else "")


def history_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.edits import history

    if args.id is not None:
        catalog.photo(args.id)  # NotFoundError for an unknown photo
    edits = history(catalog, photo_id=args.id, limit=args.limit)
    if args.json:
        print_json([edit_json(e) for e in edits])
        return 0
    for edit in edits:
        changes = [c for c in edit.changes if args.id is None or c.photo_id == args.id]
        reverts = f" (undoes edit {edit.reverts})" if edit.reverts else ""
        print(f"edit {edit.id}  {edit.at}  {edit.who}  {edit.description}{reverts}")
        _print_changes(changes, limit=10 if args.id is None else 100)
    if not edits:
        print("no edits" + (f" of photo {args.id}" if args.id is not None else ""))
    return 0


def undo_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.edits import load_edit, revert_edit, reverted_by

    load_edit(catalog, args.edit)  # NotFoundError for an unknown edit
    try:  # checked in the transaction that would write: another process may be editing too
        edit = revert_edit(catalog, args.edit, only_if_unchanged=not args.force)
    except StaleEditError as error:
        undone = reverted_by(catalog, args.edit)
        if undone:
            warn(f"photoarchive: error: edit {args.edit} was already undone (edit {undone})")
            return 1
        first, stale = error.changes[0], error.changes
        warn(
            f"photoarchive: error: edit {args.edit} cannot be undone safely: photo {first.photo_id}'s "
            f"{first.field} was changed after it"
            + (f" (and {len(stale) - 1} more)" if len(stale) > 1 else "")
            + "; undo the later edits first, or use --force to put the old values back anyway"
        )
        return 1
    print_edit(edit, args.json)
    return 0


def reread_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.reread import reread

    result = reread(catalog, photo_ids(args))
    if args.json:
        data = edit_json(result.edit)
        data["failed"] = [{"id": pid, "error": error} for pid, error in result.failures]
        data["warnings"] = [{"id": pid, "warning": w} for pid, w in result.warnings]
        print_json(data)
    else:
        print_edit(result.edit, False)
        for pid, warning in result.warnings:
            warn(f"warning: photo {pid}: {warning}")
        for pid, error in result.failures:
            warn(f"failed: photo {pid}: {error}")
    return 1 if result.failures else 0


def write_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.export.copies import write_files

    style = "lightroom" if args.lightroom else "darktable"
    results = list(write_files(catalog, photo_ids(args), args.to, sidecar=args.sidecar, force=args.force, style=style))
    failed = [r for r in results if r.error]
    if args.json:
        print_json(
            [
                {
                    "id": r.photo_id,
                    "paths": [str(p) for p in r.paths],
                    "error": r.error,
                    "shortened": [
                        {"field": s.field, "dataset": s.dataset, "full": s.full, "kept": s.kept} for s in r.shortened
                    ],
                    "warnings": r.warnings,
                }
                for r in results
            ]
        )
    else:
        for r in results:
            if r.error:
                warn(f"failed: photo {r.photo_id}: {r.error}")
                continue
            print(f"photo {r.photo_id}: " + ", ".join(str(p) for p in r.paths))
            for s in r.shortened:
                warn(f"  {s.field}: {s.dataset} holds only {s.kept!r} (the XMP holds the whole value)")
            for w in r.warnings:
                warn(f"  warning: {w}")
        print(f"{len(results) - len(failed)} written, {len(failed)} failed")
    return 1 if failed else 0


# -- output ---------------------------------------------------------------------------------------


def edit_json(edit: Edit) -> dict[str, Any]:
    return {
        "id": edit.id,
        "at": edit.at,
        "who": edit.who,
        "description": edit.description,
        "reverts": edit.reverts,
        "photos": edit.photo_ids,
        "changes": [{"photo": c.photo_id, "field": c.field, "old": c.old, "new": c.new} for c in edit.changes],
    }


def print_edit(edit: Edit, as_json: bool) -> None:
    if as_json:
        print_json(edit_json(edit))
    elif not edit.id:
        print("nothing changed (the photos already have these values)")
    else:
        count = len(edit.photo_ids)
        print(f"edit {edit.id}: {edit.description} ({n_photos(count)}, {len(edit.changes)} changes)")
        _print_changes(edit.changes, limit=20)


def _print_changes(changes: list[Any], *, limit: int) -> None:
    for change in changes[:limit]:
        old, new = _short(change.old, field=change.field), _short(change.new, field=change.field)
        print(f"  photo {change.photo_id}  {change.field}: {old} -> {new}")
    if len(changes) > limit:
        print(f"  ... and {len(changes) - limit} more changes (--json shows them all)")


def _short(value: Any, width: int = 60, *, field: str = "") -> str:
    if value in (None, "", [], {}):
        return "(empty)"
    spec = FIELDS_BY_NAME.get(field)
    if spec is not None and spec.structured:
        from photoarchive.model.structured import item_text

        text = " | ".join(item_text(spec, item) for item in ([value] if isinstance(value, dict) else value))
        return repr(text if len(text) <= width else text[: width - 1] + "…")
    if isinstance(value, list) and value and isinstance(value[0], dict):  # conflicts
        return "conflicts on " + ", ".join(str(c.get("field")) for c in value)
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    text = text.replace("\n", " / ")
    return repr(text if len(text) <= width else text[: width - 1] + "…")
