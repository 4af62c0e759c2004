"""The post: figures in the collection's order, the caption template applied, safe Markdown."""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt

from photoarchive.catalog import Catalog
from photoarchive.catalog.collections import collection_photo_ids
from photoarchive.catalog.curated import load_fields
from photoarchive.export.post import markdown_text
from tests.export.conftest import INJECTION, export

CREDIT = " [Credit photo: Sample Expedition - Архив экспедиции «Шумшу-2015»]"


def test_post_figures_in_order_with_the_caption_template(shumshu: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "post"
    summary = export(shumshu, "post", target, long_edge=300)
    assert summary.ok
    order = collection_photo_ids(shumshu, "shumshu")
    fields = load_fields(shumshu, order)
    expected = [fields[i].caption + CREDIT for i in order]

    html = (target / "post.html").read_text(encoding="utf-8")
    assert html.startswith('<article class="photo-archive-post" lang="en">') and "<html" not in html  # a fragment
    figures = re.findall(r"<figure>\s*<img src=\"([^\"]+)\".*?<figcaption><p>(.*?)</p>", html, re.S)
    assert len(figures) == 15
    assert [_unescape(caption) for _, caption in figures] == expected
    assert [src for src, _ in figures] == sorted(src for src, _ in figures)  # numbered in order
    assert all((target / src).is_file() for src, _ in figures)
    assert html.index("<h1>") < html.index("<figure>") < html.index('<p class="source">') < html.index("<dt>Timeline")
    assert "<script>" not in html and "Tank &lt;script&gt;" in html

    markdown = (target / "post.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Shumshu, August 1945 — Шумшу — 占守島\n")
    # Rendered by a Markdown engine that lets raw HTML through, the captions are still text.
    rendered = MarkdownIt("commonmark", {"html": True}).render(markdown.split("---")[0].split("\n\n", 4)[-1])
    assert "<script>alert('x')" not in rendered
    texts = [_unescape(t) for t in re.findall(r"<p>(.*?)</p>", rendered, re.S) if "<img" not in t]
    assert texts == expected
    assert "**Timeline:** August 1945" in markdown and markdown.index("Timeline") > markdown.index(expected[-1][:10])
    assert (target / "preview.html").is_file()


def test_markdown_text_round_trips() -> None:
    md = MarkdownIt("commonmark", {"html": True})
    for text in [
        INJECTION,
        "1945. The year",
        "# not a heading",
        "- not a list",
        "*not emphasis* and _not_ either, [not](a link) ![no](image) `code` | pipe ~ & &amp;",
        "line one\nline two",
        "back\\slash",
    ]:
        html = md.render(markdown_text(text))
        assert html.startswith("<p>") and html.count("<p>") == 1, (text, html)
        assert _unescape(html[3:-5].replace("<br />\n", "\n")) == text


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&#39;", "'")
        .replace("&amp;", "&")
    )
