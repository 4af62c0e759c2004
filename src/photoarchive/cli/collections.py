"""``photoarchive collection ...``: create, edit and order collections from the command line.

Positions on the command line count from 1 (``move NAME ID --to 1`` puts the photo first);
the core counts from 0 like Python and Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from photoarchive.cli.output import print_fields, print_json, warn
from photoarchive.errors import ValidationError
from photoarchive.model import Collection

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog

# Each command imports the core it runs when it runs.


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser("collection", parents=[common], help="create, edit and order collections")
    commands = group.add_subparsers(dest="collection_command", metavar="ACTION", required=True)

    for action, helptext in (("create", "create a collection"), ("edit", "change a collection's fields")):
        p = commands.add_parser(action, parents=[common], help=helptext)
        p.add_argument("name", metavar="NAME")
        p.add_argument("--title", metavar="T")
        p.add_argument("--intro-file", type=Path, metavar="F", help="the introduction, a Markdown file ('-': stdin)")
        p.add_argument("--intro", metavar="TEXT", help="the introduction as Markdown text (or --intro-file)")
        p.add_argument("--source", metavar="T", help="the source line shown after the photos")
        p.add_argument(
            "--category",
            action="append",
            metavar="LABEL=VALUE",
            help="a category such as 'Timeline=August 1945' (repeat for several; on edit, replaces them all)",
        )
        p.add_argument("--caption-template", metavar="T", help="e.g. '{caption} [Credit photo: {creator} - {source}]'")
        if action == "edit":
            p.add_argument(
                "--lang",
                metavar="LANG",
                help="the title, introduction and caption template given are in this language (BCP 47: ru, ja, ...;"
                " default: the archive's default language); an empty value removes that language's text",
            )
            p.add_argument("--rename", metavar="NEW_NAME", help="give the collection a new name")
            p.add_argument("--clear-categories", action="store_true", help="remove every category")
        p.add_argument(
            "--smart",
            metavar="FILTER",
            help="a smart collection: its photos are those FILTER matches now, e.g. 'rating>=4 place:Shumshu'"
            " (the grammar of list --filter)"
            + ("; on edit, a smart collection's new filter" if action == "edit" else ""),
        )
        p.add_argument(
            "--sort",
            choices=["captured", "name", "imported"],
            default=None,
            help="a smart collection's order (default: captured)",
        )
        p.add_argument("--json", action="store_true")
        p.set_defaults(handler=create_command if action == "create" else edit_command)

    p = commands.add_parser("add", parents=[common], help="append photos to a collection, in the order given")
    p.add_argument("name", metavar="NAME")
    p.add_argument("ids", nargs="*", type=int, metavar="ID")
    p.add_argument(
        "--filter",
        metavar="FILTER",
        help="add the photos FILTER matches now, in capture order (once: later edits do not change the collection)",
    )
    p.set_defaults(handler=add_command)

    p = commands.add_parser("move", parents=[common], help="move a photo to a position (1 = first)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--to", type=int, required=True, metavar="POSITION")
    p.set_defaults(handler=move_command)

    p = commands.add_parser("remove", parents=[common], help="take photos out of a collection (not the archive)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.set_defaults(handler=remove_command)

    p = commands.add_parser("delete", parents=[common], help="delete a collection (its photos stay in the archive)")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=delete_command)

    p = commands.add_parser("list", parents=[common], help="list collections")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=list_command)

    p = commands.add_parser("show", parents=[common], help="show a collection's fields and its photos in order")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=show_command)


def create_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive import collections as store

    fields = _fields(args)
    if args.smart is not None:
        if not args.smart.strip():
            raise ValidationError("--smart needs a filter, e.g. --smart 'rating>=4'", field="filter")
        fields.update(filter=args.smart, sort=args.sort or "captured")
    elif args.sort is not None:
        raise ValidationError("--sort orders a smart collection: give its filter with --smart", field="sort")
    collection = store.create_collection(catalog, args.name, **fields)
    if collection.is_smart:
        return _report(
            args, collection, f"Created smart collection {collection.name!r}: {collection.photo_count} photos match now"
        )
    return _report(args, collection, f"Created collection {collection.name!r}")


def edit_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive import collections as store

    fields = _fields(args)
    if args.clear_categories:
        if "categories" in fields:
            raise ValidationError("--clear-categories and --category cannot be used together", field="categories")
        fields["categories"] = []
    collection = store.get_collection(catalog, args.name)
    if args.rename:
        collection = store.rename_collection(catalog, collection.id, args.rename)
    if fields:
        collection = store.edit_collection(catalog, collection.id, language=args.lang, **fields)
    elif args.lang is not None:
        raise ValidationError(
            "--lang names the language of --title, --intro or --caption-template: give one", field="lang"
        )
    if args.smart is not None or args.sort is not None:
        if args.smart is not None and not args.smart.strip():
            raise ValidationError("--smart needs a filter, e.g. --smart 'rating>=4'", field="filter")
        collection = store.edit_smart(catalog, collection.id, filter=args.smart, sort=args.sort)
    return _report(args, collection, f"Updated collection {collection.name!r}")


def add_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive import collections as store

    if not args.ids and args.filter is None:
        raise ValidationError("name the photos to add (ID...) or give --filter FILTER", field="ids")
    if args.ids:
        added = store.add_photos(catalog, args.name, args.ids)
        already = [i for i in dict.fromkeys(args.ids) if i not in added]
        print(f"{len(added)} photos added to {args.name!r}")
        if already:
            warn(f"already in the collection: {', '.join(map(str, already))}")
    if args.filter is not None:
        matched = store.add_matching(catalog, args.name, args.filter)
        print(
            f"{len(matched)} photos matching the filter added to {args.name!r} (those already in it stay where they are)"
        )
    return 0


def move_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive import collections as store

    size = store.get_collection(catalog, args.name).photo_count
    if not 1 <= args.to <= max(size, 1):
        raise ValidationError(f"--to {args.to}: positions in {args.name!r} run from 1 to {size}", field="position")
    store.move_photo(catalog, args.name, args.id, args.to - 1)
    print(f"photo {args.id} is now at position {args.to} of {args.name!r}")
    return 0


def remove_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive import collections as store

    removed = store.remove_photos(catalog, args.name, args.ids)
    missing = [i for i in dict.fromkeys(args.ids) if i not in removed]
    print(f"{len(removed)} photos removed from {args.name!r}")
    if missing:
        warn(f"not in the collection: {', '.join(map(str, missing))}")
        return 1
    return 0


def delete_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive import collections as store

    store.delete_collection(catalog, args.name)
    print(f"Deleted collection {args.name!r}; its photos stay in the archive")
    return 0


def list_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive import collections as store

    collections = store.list_collections(catalog)
    if args.json:
        print_json([c.as_dict() for c in collections])
        return 0
    for c in collections:
        smart = f"  [smart: {c.filter}; sorted by {c.sort}]" if c.is_smart else ""
        print(f"{c.name:<24}  {c.photo_count:>5} photos  {c.title}{smart}")
    print(f"{len(collections)} collection{'' if len(collections) == 1 else 's'}", file=sys.stderr)
    return 0


def show_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive import collections as store

    collection = store.get_collection(catalog, args.name)
    data = show_json(catalog, collection)
    if args.json:
        print_json(data)
        return 0
    hidden = ("photos", "categories", "introduction", "translations") + (
        () if collection.is_smart else ("filter", "sort")
    )
    fields = {k: v for k, v in data.items() if k not in hidden}
    fields["categories"] = [f"{c['label']}: {c['value']}" for c in data["categories"]]
    for language, texts in data["translations"].items():  # named as edit --lang names them
        fields.update({f"{name}[{language}]": text for name, text in texts.items() if name != "introduction"})
    print_fields(fields)
    if collection.introduction:
        print("\n" + collection.introduction.rstrip() + "\n")
    for language, texts in data["translations"].items():
        if texts.get("introduction"):
            print(f"introduction[{language}]:\n" + texts["introduction"].rstrip() + "\n")
    for photo in data["photos"]:
        text = photo["title"] or next(iter(photo["caption"].splitlines()), "")
        print(f"{photo['position']:>4}. {photo['id']:>6}  {photo['original_name']}  {text}")
    return 0


def show_json(catalog: Catalog, collection: Collection) -> dict[str, Any]:
    from photoarchive import collections as store
    from photoarchive.catalog.curated import load_fields

    ids = store.collection_photo_ids(catalog, collection.id)
    photos = catalog.photos(ids)
    fields = load_fields(catalog, ids)
    data = collection.as_dict()
    data["photos"] = [
        {
            "position": position,
            "id": photo.id,
            "original_name": photo.original_name,
            "captured_at": photo.captured_at,
            "title": fields[photo.id].title,
            "caption": fields[photo.id].caption,
        }
        for position, photo in enumerate(photos, start=1)
    ]
    return data


def _fields(args: argparse.Namespace) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in ("title", "source", "caption_template"):
        if getattr(args, name) is not None:
            fields[name] = getattr(args, name)
    if args.intro_file is not None and args.intro is not None:
        raise ValidationError("give the introduction once: --intro or --intro-file", field="introduction")
    if args.intro is not None:
        fields["introduction"] = args.intro
    if args.intro_file is not None:
        fields["introduction"] = _read_text(args.intro_file)
    if args.category:
        fields["categories"] = [_category(text) for text in args.category]
    return fields


def _category(text: str) -> tuple[str, str]:
    label, sep, value = text.partition("=")
    if not sep or not label.strip():
        raise ValidationError(f"--category {text!r}: write it as LABEL=VALUE, e.g. 'Timeline=August 1945'")
    return label.strip(), value.strip()


def _read_text(path: Path) -> str:
    try:
        return sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except OSError as error:
        raise ValidationError(f"--intro-file {path}: cannot read it ({error.strerror or error})") from error
    except UnicodeDecodeError as error:
        raise ValidationError(f"--intro-file {path}: not UTF-8 text") from error


def _report(args: argparse.Namespace, collection: Collection, message: str) -> int:
    if args.json:
        print_json(collection.as_dict())
    else:
        print(message)
    return 0
