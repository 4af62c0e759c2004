"""The ``post`` format: the illustrated article, to paste into a blog or a CMS.

Layout::

    post.html      an HTML fragment (one <article>): title, introduction, one <figure> per
                   photo in the collection's order with the caption template applied, then
                   the source line and the categories
    post.md        the same article in CommonMark
    preview.html   a page around the fragment, to look at it before pasting
    images/NAME.jpg

In the Markdown every caption, alt text and category is escaped (``markdown_text``) so
that a ``<script>`` in a caption stays text in any Markdown renderer, raw HTML allowed or
not; the introduction is the curator's own Markdown and goes in as written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment
from markupsafe import Markup

from photoarchive.export.html import write_text
from photoarchive.export.options import ExportOptions
from photoarchive.export.plan import ExportItem, Publication

METADATA_ROLES = ("image",)

# ASCII punctuation that CommonMark may read as markup anywhere in a line. Escaping every
# punctuation character would be valid too, but would litter ordinary captions with
# backslashes; these are the ones with inline meaning (and & for entities, < for HTML).
_INLINE = re.compile(r"([\\`*_\[\]<>&|~!])")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def renditions(item: ExportItem, options: ExportOptions) -> dict[str, tuple[str, int | None, bool]]:
    return {"image": (f"images/{item.stem}.jpg", options.long_edge, True)}


def write_post(publication: Publication, items: list[ExportItem], root: Path, env: Environment) -> None:
    figures = [_figure(item) for item in items]
    common = publication.context()
    fragment = env.get_template("post.html").render(**common, items=figures)
    write_text(root / "post.html", fragment)
    languages = [
        {
            "lang": tag,
            "name": name,
            "href": quote(f"../{tag}/preview.html", safe="/"),
            "current": tag == publication.language,
        }
        for tag, name, _ in publication.alternates
    ]
    preview = env.get_template("preview.html").render(**common, languages=languages, fragment=Markup(fragment))
    write_text(root / "preview.html", preview)
    write_text(root / "post.md", post_markdown(publication, figures))


def _figure(item: ExportItem) -> dict[str, Any]:
    width, height = item.sizes["image"]
    return {
        "src": quote(item.files["image"], safe="/"),
        "width": width,
        "height": height,
        "alt": item.alt,
        "alt_lang": item.alt_lang,
        "caption": item.caption,
        "caption_lang": item.lang_attribute("caption"),
        "description": item.description,
    }


def post_markdown(publication: Publication, figures: list[dict[str, Any]]) -> str:
    collection = publication.collection
    blocks = [f"# {markdown_text(publication.title)}"]
    if collection.introduction.strip():
        blocks.append(collection.introduction.strip())
    for figure in figures:
        alt = markdown_text(" ".join(figure["alt"].split()))
        blocks.append(f"![{alt}](<{figure['src']}>)")
        if figure["caption"]:
            blocks.append(markdown_text(figure["caption"]))
    if collection.source or collection.categories:
        blocks.append("---")
    if collection.source:
        blocks.append(markdown_text(collection.source))
    if collection.categories:
        blocks.append(
            "  \n".join(f"**{markdown_text(c.label)}:** {markdown_text(c.value)}" for c in collection.categories)
        )
    return "\n\n".join(blocks) + "\n"


def markdown_text(text: str) -> str:
    """Plain text as CommonMark that renders as exactly that text (line breaks kept as breaks)."""
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
        line = _INLINE.sub(r"\\\1", line.strip())
        line = _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], line)
        lines.append(line)
    paragraphs = [p.strip("\n") for p in "\n".join(lines).split("\n\n") if p.strip()]
    # A single line break inside a paragraph becomes a hard break (backslash at line end).
    return "\n\n".join("\\\n".join(p.split("\n")) for p in paragraphs)
