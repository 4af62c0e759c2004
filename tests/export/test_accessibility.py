"""Every page kind of the gallery and the post, in English, Russian and Japanese, checked with
axe-core's WCAG 2 A and AA rules in headless Chromium; and each language's captions and
fallbacks as the browser shows them.

axe-core is vendored (tests/data/axe-core, MPL-2.0, PROVENANCE.md gives its version and
hash): the tests never fetch anything. It is evaluated in the page over the DevTools pipe,
which the pages' Content-Security-Policy does not govern.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from photoarchive.catalog import Catalog
from photoarchive.export import ExportJob, ExportOptions
from tests.export.cdp import CHROMIUM, Chromium
from tests.export.conftest import JA_ONE, RU_ALT, RU_ONE, RU_TWO, SharedArchives, build_languages_archive
from tests.postgres import Backend

pytestmark = pytest.mark.slow

AXE = Path(__file__).parent.parent / "data" / "axe-core" / "axe.min.js"
LANGUAGES = ("en", "ru", "ja")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    if not Path(CHROMIUM).is_file():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed")
    with Chromium(tmp_path_factory.mktemp("chromium-profile")) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def exports(shared_archives: SharedArchives, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The collection as a gallery and as a post, each in en, ru and ja (a folder each). From the
    archive's SQLite catalog alone: these tests check what the browser makes of the pages;
    the same exports' texts and fallbacks, read from the catalog, are checked on both backends
    by test_languages.py."""
    root = tmp_path_factory.mktemp("accessible")
    archive, _ = shared_archives.get(Backend("sqlite"), "languages", build_languages_archive)
    with Catalog(archive) as catalog:
        for kind in ("gallery", "post"):
            job = ExportJob(catalog, "shumshu", ExportOptions(kind, root / kind, languages=LANGUAGES, workers=0))
            list(job.run())
            assert job.summary is not None and job.summary.ok
    return {"gallery": root / "gallery", "post": root / "post"}


# Best-practice rules beyond WCAG's that a gallery must pass too: a page with no level-one
# heading (the default theme's untitled photo pages had none), no main landmark, or content
# outside every landmark is harder to move through with a screen reader.
STRUCTURE_RULES = ["page-has-heading-one", "landmark-one-main", "region", "heading-order", "landmark-unique"]


def axe_violations(browser: Chromium, session: str) -> list[dict[str, Any]]:
    """axe-core's WCAG 2 A and AA violations, and those of STRUCTURE_RULES, on the page loaded in ``session``."""
    browser.evaluate(session, AXE.read_text(encoding="utf-8") + "\n;0")
    found = []
    for run_only in ({"type": "tag", "values": ["wcag2a", "wcag2aa"]}, {"type": "rule", "values": STRUCTURE_RULES}):
        found += browser.evaluate(
            session,
            f"""axe.run(document, {{runOnly: {json.dumps(run_only)}, resultTypes: ['violations']}})
                .then(r => r.violations.map(v => ({{id: v.id, help: v.help, nodes: v.nodes.map(n => n.html)}})))""",
        )
    return found


def test_the_check_finds_what_it_should(browser: Chromium, tmp_path: Path) -> None:
    """A page with an image without alt text, no lang, no heading and no landmark fails it."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><title>x</title><body><img src="x.png"><p>text</p></body></html>')
    session = browser.open(page.as_uri())
    found = {v["id"] for v in axe_violations(browser, session)}
    assert {"image-alt", "html-has-lang", "page-has-heading-one", "landmark-one-main", "region"} <= found


def test_axe_core_is_the_vendored_release() -> None:
    provenance = (AXE.parent / "PROVENANCE.md").read_text(encoding="utf-8")
    import hashlib

    assert hashlib.sha256(AXE.read_bytes()).hexdigest() in provenance
    assert AXE.read_text(encoding="utf-8").startswith("/*! axe v4.14.1")


def test_every_page_in_every_language_passes_axe(browser: Chromium, exports: dict[str, Path]) -> None:
    pages = [exports["gallery"] / "index.html", exports["post"] / "index.html"]
    for language in LANGUAGES:
        gallery = exports["gallery"] / language
        pages += [gallery / "index.html", *sorted((gallery / "photos").glob("*.html"))]
        pages.append(exports["post"] / language / "preview.html")
    session = browser.open("about:blank")
    problems = {}
    for page in pages:
        browser.navigate(session, page.as_uri())
        violations = axe_violations(browser, session)
        if violations:
            problems[str(page.relative_to(page.parents[2]))] = violations
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)
    assert len(pages) == 2 + 3 * 6  # the checks ran on every page


def test_each_language_shows_its_captions_and_the_fallbacks(browser: Chromium, exports: dict[str, Path]) -> None:
    session = browser.open("about:blank")

    def dom(path: Path) -> dict[str, Any]:
        browser.navigate(session, path.as_uri())
        return browser.evaluate(
            session,
            """({lang: document.documentElement.lang,
                text: document.body.innerText,
                figures: [...document.querySelectorAll('.grid figure')].map(f => ({
                    alt: f.querySelector('img').alt,
                    altLang: f.querySelector('img').closest('[lang]').lang,
                    caption: f.querySelector('figcaption') ? f.querySelector('figcaption').innerText : '',
                    captionLang: f.querySelector('figcaption') ? f.querySelector('figcaption').closest('[lang]').lang : ''})),
                alternates: [...document.querySelectorAll('link[rel=alternate]')].map(l => [l.hreflang, l.href])})""",
        )

    russian = dom(exports["gallery"] / "ru" / "index.html")
    assert russian["lang"] == "ru" and "Шумшу, август 1945" in russian["text"]
    figures = russian["figures"]
    assert [f["caption"] for f in figures[:2]] == [RU_ONE, RU_TWO]
    assert (figures[0]["alt"], figures[1]["alt"]) == (RU_ONE, RU_ALT)
    assert figures[0]["captionLang"] == "ru" and figures[2]["captionLang"] == "en"  # the fallback, marked
    assert figures[3]["alt"] == "Фотография 4" and figures[3]["caption"] == ""  # not its title
    english = dom(exports["gallery"] / "en" / "index.html")
    assert english["lang"] == "en" and figures[0]["caption"] not in english["text"]
    assert english["figures"][0]["caption"].startswith("Wreck of a Japanese light tank")
    assert english["figures"][1]["caption"] == "Обломки японского танка Тип 97 у высоты 171"  # the fixture's x-default
    assert {"en", "ru", "ja", "x-default"} == {hreflang for hreflang, _ in english["alternates"]}
    japanese = dom(exports["gallery"] / "ja" / "index.html")
    assert japanese["figures"][0]["caption"] == JA_ONE and japanese["figures"][1]["captionLang"] == "en"
