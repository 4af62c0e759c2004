"""``photoarchive template create|edit|list|show|remove``: named sets of field values (presets).

A template takes the same field options as ``photoarchive edit``; values may hold variables
filled per photo (``{creator}``, ``{date:%Y}``, ``{filename}``, ``{sequence}``, ``{city}``, any
field; ``{{`` for a brace). Apply one with ``edit ID... --template NAME`` or
``import PATH --template NAME``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from photoarchive.cli.edit import FieldOptions, add_field_options, field_options, option_names
from photoarchive.cli.output import print_json
from photoarchive.errors import ValidationError
from photoarchive.model import FieldTemplate

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog

# Each command imports the core it runs when it runs.

TEMPLATE_DESCRIPTION = """\
A template is a named set of field values, applied to many photos at once with
"photoarchive edit ID... --template NAME" or "photoarchive import PATH --template NAME".
It takes the field options of photoarchive edit. Values may use variables, filled per photo:
{creator}, {city} or any field, {date:%Y} (capture date, strftime), {filename},
{sequence:03} (1, 2, ... in the order of the photos); [{creator}] is left out when empty;
write {{ and }} for braces. An unknown variable is refused when the template is saved.
Each field is replaced unless --mode says otherwise: --mode creator=fill sets the creator
only on photos that have none, --mode keywords=append adds to the photo's keywords.

  photoarchive template create "Shumshu 2015 expedition" --creator "Иван Петров" \\
      --credit "Shumshu 2015 search expedition" --copyright "© {date:%Y} {creator}" \\
      --usage-terms "CC BY-SA 4.0" --event "Поисковая экспедиция «Шумшу-2015»" --job-id "SH2015-{sequence:03}"
"""


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser(
        "template",
        parents=[common],
        help="templates: named field values applied to many photos",
        description=TEMPLATE_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = group.add_subparsers(dest="template_command", metavar="ACTION", required=True)

    p = commands.add_parser("create", parents=[common], help="create a template from field options")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--description", metavar="TEXT", default="")
    add_field_options(p)
    _add_mode_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=create_command)

    p = commands.add_parser("edit", parents=[common], help="change a template (other fields are kept)")
    p.add_argument("template", metavar="NAME", help="name or id")
    p.add_argument("--name", dest="new_name", metavar="NAME", help="rename it")
    p.add_argument("--description", metavar="TEXT")
    add_field_options(p)
    p.add_argument("--unset", action="append", default=[], metavar="FIELD", help="take a field out of the template")
    _add_mode_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=edit_command)

    p = commands.add_parser("list", parents=[common], help="list templates")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=list_command)

    p = commands.add_parser("show", parents=[common], help="show a template's values")
    p.add_argument("template", metavar="NAME", help="name or id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=show_command)

    p = commands.add_parser("remove", parents=[common], help="remove a template (photos keep their values)")
    p.add_argument("template", metavar="NAME", help="name or id")
    p.set_defaults(handler=remove_command)


def _add_mode_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--mode",
        action="append",
        default=[],
        metavar="FIELD=MODE",
        help="how the template sets a field: replace (the default), fill (only when the photo's field is "
        "empty) or append (keywords and other lists); repeat for several fields",
    )


def _modes(args: argparse.Namespace) -> dict[str, str]:
    modes = {}
    for item in args.mode:
        field, sep, mode = item.partition("=")
        if not sep or not field.strip() or not mode.strip():
            raise ValidationError(f"--mode {item!r}: write FIELD=MODE, e.g. creator=fill", field="mode")
        modes[field.strip().replace("-", "_")] = mode.strip().lower()
    return modes


def _options(args: argparse.Namespace) -> FieldOptions:
    options = field_options(args)
    if "gps" in options.cleared:
        raise ValidationError("--clear gps: a template holds no position (use edit --gps or a place)", field="gps")
    return options


def create_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.templates import create_template

    options = _options(args)
    if not options:
        raise ValidationError("an empty template: give field options (--creator, --credit, ...)")
    with option_names():
        template = create_template(
            catalog,
            args.name,
            options.values,
            add_keywords=options.add_keywords,
            remove_keywords=options.remove_keywords,
            description=args.description,
            modes=_modes(args),
        )
    _print(template, args.json, "created")
    return 0


def edit_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.templates import change_template

    options = _options(args)
    unset = [name.replace("-", "_") for name in args.unset]
    with option_names():
        template = change_template(
            catalog,
            args.template,
            name=args.new_name,
            values=options.values,
            unset=unset,
            add_keywords=options.add_keywords or None,
            remove_keywords=options.remove_keywords or None,
            description=args.description,
            modes=_modes(args),
        )
    _print(template, args.json, "changed")
    return 0


def list_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.templates import list_templates

    templates = list_templates(catalog)
    if args.json:
        print_json([t.as_dict() for t in templates])
        return 0
    for template in templates:
        fields = ", ".join(template.values) or "-"
        print(f"{template.id:>4}  {template.name}  ({fields})")
    if not templates:
        print("no templates (photoarchive template create NAME --creator ... makes one)")
    return 0


def show_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.templates import find_template

    _print(find_template(catalog, args.template), args.json, "")
    return 0


def remove_command(args: argparse.Namespace, catalog: Catalog) -> int:
    from photoarchive.templates import remove_template

    template = remove_template(catalog, args.template)
    print(f"template {template.name!r} removed")
    return 0


def _print(template: FieldTemplate, as_json: bool, what: str) -> None:
    if as_json:
        print_json(template.as_dict())
        return
    print(f"template {template.id}: {template.name}" + (f" ({what})" if what else ""))
    if template.description:
        print(f"  {template.description}")
    for name, value in template.values.items():
        shown = ", ".join(value) if isinstance(value, list) else value
        mode = template.modes.get(name)
        print(f"  {name:<22} {shown if shown else '(cleared)'}" + (f"  [{mode}]" if mode else ""))
    if template.add_keywords:
        print(f"  {'add keywords':<22} {', '.join(template.add_keywords)}")
    if template.remove_keywords:
        print(f"  {'remove keywords':<22} {', '.join(template.remove_keywords)}")
