"""The gallery in a real browser: headless Chromium from file://, watched over the DevTools pipe.

Runs in CI (``.ci/run`` installs Debian's chromium). Skipped only on a developer machine
without /usr/bin/chromium; with CI=true a missing browser fails the test instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.export import ExportJob, ExportOptions
from tests.export.cdp import CHROMIUM, Chromium
from tests.export.conftest import CAPTIONS, INJECTION

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    if not Path(CHROMIUM).is_file():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed")
    with Chromium(tmp_path_factory.mktemp("chromium-profile")) as chromium:
        yield chromium


@pytest.mark.sqlite_only(
    "what Chromium makes of the gallery's pages (seconds a run); the pages' contents, read from the"
    " catalog, are checked on both backends by test_gallery.py"
)
def test_gallery_in_chromium(browser: Chromium, shumshu: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "gallery"
    job = ExportJob(shumshu, "shumshu", ExportOptions(format="gallery", target=target, burn_credit="© {creator}"))
    list(job.run())
    assert job.summary and job.summary.ok
    folder_url = target.as_uri() + "/"

    index_url = folder_url + "index.html"
    session = browser.open(index_url)
    index = browser.report(session, index_url)
    _check_page(index, folder_url, expected_images=15)
    assert "Shumshu, August 1945 — Шумшу — 占守島" in index.text
    assert "В 2015 году поисковая экспедиция вернулась на остров." in index.text
    assert "<script>alert('intro')</script>" in index.text  # the intro's raw HTML shows as text
    assert "Timeline" in index.text and "USSR, Japan" in index.text
    for caption in CAPTIONS:
        assert caption[:20] in index.text

    # Every photo page: one large image loaded, caption as text, nothing from elsewhere.
    pages = sorted((target / "photos").glob("*.html"))
    assert len(pages) == 15
    texts = []
    for page in pages:
        url = page.as_uri()
        browser.navigate(session, url)
        report = browser.report(session, url)
        _check_page(report, folder_url, expected_images=1)
        texts.append(report.text)
    assert any(INJECTION in text for text in texts)  # shown as text, not run
    assert any("占守島、四嶺山の麓に残る九七式軽戦車の残骸" in text for text in texts)
    assert any("Обломки японского танка Тип 97 у высоты 171" in text for text in texts)

    # The keyboard viewer: → goes to the next photo, Esc back to the index.
    browser.navigate(session, pages[0].as_uri())
    _press(browser, session, "ArrowRight", 39)
    browser.wait_for("Page.loadEventFired", session=session)
    assert browser.evaluate(session, "location.href") == pages[1].as_uri()
    _press(browser, session, "Escape", 27)
    browser.wait_for("Page.loadEventFired", session=session)
    assert browser.evaluate(session, "location.href") == index_url


def _check_page(report, folder_url: str, expected_images: int) -> None:
    assert report.errors == [], report.errors
    assert report.failed == [], report.failed
    outside = [url for url in report.requests if not url.startswith(folder_url)]
    assert outside == [], f"requests leaving the gallery folder: {outside}"
    assert len(report.images) == expected_images
    broken = [i for i in report.images if not (i["complete"] and i["width"] > 0)]
    assert broken == [], broken
    assert all(i["src"].startswith(folder_url) for i in report.images)
    # The injected caption is escaped: the only scripts are the viewer and JSON-LD.
    assert "<script>alert" not in report.html


def _press(browser: Chromium, session: str, key: str, code: int) -> None:
    for kind in ("rawKeyDown", "keyUp"):
        browser.send(
            "Input.dispatchKeyEvent",
            {"type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code},
            session=session,
        )
