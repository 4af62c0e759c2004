"""Templates and text rendering shared by the formats: the theme, Markdown, JSON-LD, file writing.

Themes are folders of Jinja2 templates and static assets. The default theme is package data
(``photoarchive/resources/themes/default``, read with importlib.resources); a user copies it,
changes it and passes the copy as ``--theme DIR``: files there replace the default's of the
same name, and the others still come from the default.

Safety: templates are autoescaped, so every caption, credit and place is escaped. The
collection's introduction is Markdown rendered by markdown-it-py with raw HTML disabled
(typed tags come out as text) and images disabled (an image would be a request leaving the
gallery's folder); markdown-it's own link check refuses ``javascript:`` and similar URLs.
JSON-LD goes through Jinja's ``tojson``, which escapes ``<``, ``>`` and ``&`` for a script
element.
"""

from __future__ import annotations

import importlib.resources
import json
import shutil
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, FunctionLoader, StrictUndefined, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from photoarchive.errors import ExportError


def default_theme() -> Traversable:
    return importlib.resources.files("photoarchive").joinpath("resources", "themes", "default")


def environment(theme: Path | None = None) -> Environment:
    """A Jinja2 environment over the user's theme (if any), then the default theme."""
    loaders: list[Any] = []
    if theme is not None:
        loaders.append(FileSystemLoader(str(theme)))
    loaders.append(FunctionLoader(_load_default))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["markdown"] = markdown_html
    env.filters["paragraphs"] = paragraphs
    return env


def _load_default(name: str) -> tuple[str, None, Any] | None:
    resource = default_theme()
    for part in name.split("/"):
        resource = resource.joinpath(part)
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8"), None, lambda: True


def markdown_html(text: str) -> Markup:
    """Markdown rendered safely (see the module docstring)."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")
    return Markup(md.render(text or ""))


def paragraphs(text: str) -> Markup:
    """Plain text as escaped paragraphs, its line breaks kept (captions are several lines)."""
    blocks = [b.strip() for b in (text or "").replace("\r\n", "\n").split("\n\n") if b.strip()]
    return Markup("").join(
        Markup("<p>{}</p>\n").format(Markup("<br>\n").join(escape(line) for line in b.split("\n"))) for b in blocks
    )


def copy_assets(theme: Path | None, target: Path, names: list[str]) -> None:
    """Copy static assets (``assets/style.css`` ...) from the user's theme or the default."""
    for name in names:
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        if theme is not None and (theme / name).is_file():
            shutil.copyfile(theme / name, destination)
            continue
        resource = default_theme()
        for part in name.split("/"):
            resource = resource.joinpath(part)
        destination.write_bytes(resource.read_bytes())


def copy_theme(target: Path) -> list[Path]:
    """Copy the default theme into ``target`` (which must not exist), for a user to change."""
    if target.exists():
        raise ExportError(f"{target} already exists; choose a new folder for the theme")
    written: list[Path] = []

    def copy(resource: Traversable, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for child in sorted(resource.iterdir(), key=lambda r: r.name):
            if child.is_dir():
                copy(child, folder / child.name)
            elif not child.name.startswith("."):
                (folder / child.name).write_bytes(child.read_bytes())
                written.append(folder / child.name)

    try:
        copy(default_theme(), target)
    except OSError as error:
        raise ExportError(f"cannot copy the theme to {target} ({error.strerror or error})") from error
    return written


def write_text(path: Path, text: str) -> None:
    """UTF-8 with LF line ends on every OS, so that exports are byte-identical everywhere."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def write_json(path: Path, value: Any) -> None:
    write_text(path, json.dumps(value, ensure_ascii=False, indent=2) + "\n")
