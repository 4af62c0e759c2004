"""``photoarchive config languages``: the archive's settings that live in its catalog; ``photoarchive
config curator``: the name this user's edits are recorded as (``photoarchive.user_settings``).

``config languages en,ru,ja`` names the languages of the archive's text, the first being the
default language (the language of the fields themselves: XMP's x-default, what ``edit``
without ``--lang`` sets and ``show`` prints as ``caption``); the others are those a curator
means to caption in, which "Needs attention" checks. Without a value it prints them. A new
default language moves the text (``edits.set_archive_languages``).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from photoarchive.cli.output import n_photos, print_json

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog

CONFIG_DESCRIPTION = """\
The archive's languages: BCP 47 tags (en, ru, ja, zh-Hant, pt-BR) separated by commas, the
first being the default language. Title, headline, caption and alt text hold one value per
language; the default language's is the field's own value (XMP x-default), set by
"photoarchive edit ID --caption ..."; another language's by "edit ID --lang ru --caption ...".
"Needs attention" lists photos lacking a caption in one of these languages. Changing the
default language moves the text, as one edit (photoarchive undo reverts it; setting the
languages back moves it back): a value in the new default language becomes the field's own,
and the field's former value becomes the old default language's. "none" forgets the languages.

  photoarchive config languages en,ru,ja
  photoarchive config languages
"""


CURATOR_DESCRIPTION = """\
Your name as a curator, kept for you on this computer (not in the archive: every curator of a
team's archive sets their own). The edit history records each edit as made by it (photoarchive
history), and a PostgreSQL server lists your session as photoarchive:NAME. The window uses the
same name. $PHOTOARCHIVE_CURATOR, when set, comes first (curators sharing one login); without
either, edits are recorded as the database role on a server, else your login name.

  photoarchive config curator "Anna Petrova"
  photoarchive config curator
  photoarchive config curator --forget
"""


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "config",
        parents=[common],
        help="the archive's settings kept in its catalog (its languages), and your name as its curator",
        description=CONFIG_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    settings = p.add_subparsers(dest="setting", metavar="SETTING", required=True)
    q = settings.add_parser(
        "languages",
        parents=[common],
        help="the archive's languages, the default first (en,ru,ja); without a value, print them",
        description=CONFIG_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    q.add_argument("tags", nargs="?", metavar="TAG[,TAG...]", help="BCP 47 tags, the default first; 'none' forgets")
    q.add_argument("--json", action="store_true", help='print {"default": ..., "languages": [...], "in_use": [...]}')
    q.set_defaults(handler=languages_command)
    c = settings.add_parser(
        "curator",
        parents=[common],
        help="your name as the curator who makes your edits (the history's who); without a value, print it",
        description=CURATOR_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("name", nargs="?", metavar="NAME", help='your name, e.g. "Anna Petrova"')
    c.add_argument("--forget", action="store_true", help="forget the name set (the login or database role again)")
    c.add_argument("--json", action="store_true", help='print {"curator": ..., "from": ..., "file": ...}')
    # Your name is yours, not the archive's: no catalog is opened.
    c.set_defaults(handler=curator_command, no_catalog=True)


def languages_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.catalog.translations import languages, languages_in_use
    from photoarchive.edits import set_archive_languages

    moved = 0
    if args.tags is not None:
        given = [] if args.tags.strip().casefold() == "none" else [t for t in args.tags.split(",") if t.strip()]
        _, edit = set_archive_languages(catalog, given)
        moved = len(edit.photo_ids)
        if edit.id and not args.json:
            print(f"edit {edit.id}: {edit.description} ({n_photos(moved)})")
    asked = languages(catalog)
    if args.json:
        print_json(
            {
                "default": asked[0] if asked else None,
                "languages": asked,
                "in_use": languages_in_use(catalog),
                "photos_moved": moved,
            }
        )
    elif asked:
        print(f"{asked[0]} (default)" + "".join(f", {tag}" for tag in asked[1:]))
    else:
        print("no languages set (photoarchive config languages en,ru,ja: the first is the default)")
    return 0


def curator_command(args: argparse.Namespace, catalog: Catalog | None = None) -> int:
    from photoarchive import user_settings
    from photoarchive.errors import ValidationError

    if args.forget and args.name is not None:
        raise ValidationError("either a NAME or --forget, not both", "curator")
    if args.forget or args.name is not None:
        if args.name is not None and not args.name.strip():
            raise ValidationError('an empty name: give one ("Anna Petrova"), or --forget', "curator")
        user_settings.set_curator(None if args.forget else args.name)
    named, source = user_settings.curator_and_source()
    if args.json:
        print_json({"curator": named, "from": source, "file": str(user_settings.settings_file())})
    elif source == "environment":
        configured = user_settings.configured_curator()
        print(
            f"{named} (from ${user_settings.CURATOR_VARIABLE}, which comes before your setting: {configured or 'none'})"
        )
    elif named:
        print(f"{named}")
    else:
        print(
            "no name set: your edits are recorded as the database role on a server, else your login name"
            ' (photoarchive config curator "Your Name" sets one)'
        )
    return 0
