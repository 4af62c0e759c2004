"""Publication per language (issue 14): ``export --lang ru`` and ``--lang en,ru``, the fallbacks
to x-default and their count, the theme's words, place names, links between the languages,
and the package's embedded x-default."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.export_settings import load_export_settings
from photoarchive.export import ExportJob, ExportOptions
from photoarchive.export.languages import load_messages
from tests.export.conftest import JA_ONE, RU_ALT, RU_ONE, copy_archive, exiftool, needs_exiftool
from tests.export.conftest import run_cli as run
from tests.postgres import Backend


@pytest.fixture
def catalog(languages_archive: tuple[Path, list[int]]):
    with Catalog(languages_archive[0]) as opened:
        yield opened


def test_a_russian_gallery_with_fallbacks_counted(catalog: Catalog, tmp_path: Path) -> None:
    job = ExportJob(catalog, "shumshu", ExportOptions("gallery", tmp_path / "ru", languages=("RU",), workers=0))
    list(job.run())
    summary = job.summary
    assert summary is not None and summary.ok and summary.languages == ["ru"]
    # Photos 3 and 4 have no Russian text and show the English; 1 and 2 have theirs for every field they have.
    assert summary.fallbacks == {"ru": 2} and summary.as_json()["fallbacks"] == {"ru": 2}
    assert summary.collection_fallbacks == {"ru": []}  # the gallery does not use the caption template
    index = (tmp_path / "ru" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ru">' in index and "<h1>Шумшу, август 1945</h1>" in index
    assert "Введение <strong>по-русски</strong>" in index
    assert f'alt="{RU_ONE}"' in index and f'alt="{RU_ALT}"' in index  # the language's alt text, then caption
    # A caption shown in the default language says so (WCAG 3.1.2).
    assert '<figcaption lang="en">占守島、四嶺山' in index  # the fixture's x-default text for photo 3
    pages = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "ru" / "photos").glob("*.html")}
    first = pages["001_Заголовок.html"]
    assert "<h1>Заголовок</h1>" in first and RU_ONE in first
    assert "<dt>Место</dt><dd>Шумшу, Россия" in first and "с. ш." in first  # gazetteer names, theme words
    assert "Следующая" in first and 'aria-label="Фотографии"' in first and "Next" not in first
    # The photo with only a title: its alt is not the title, and its page has a level-one heading.
    last = next(text for name, text in pages.items() if name.startswith("004"))
    assert 'alt="Фотография 4"' in last and 'alt="Only a title"' not in last
    assert "<h1" in last
    untitled = next(text for name, text in pages.items() if name.startswith("003"))
    assert "<h1>Фотография 3 из 4</h1>" in untitled
    # Remembered for the next export.
    remembered = load_export_settings(catalog, job.collection.id)
    assert remembered is not None and remembered["languages"] == ["ru"]


def test_the_default_language_is_todays_gallery(catalog: Catalog, tmp_path: Path) -> None:
    job = ExportJob(catalog, "shumshu", ExportOptions("gallery", tmp_path / "g", workers=0))
    list(job.run())
    assert job.summary is not None and job.summary.fallbacks == {} and job.summary.languages == ["en"]
    index = (tmp_path / "g" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index and 'hreflang="' not in index and "Шумшу, август" not in index


def test_several_languages_a_folder_each_linked_together(catalog: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "multi"
    job = ExportJob(catalog, "shumshu", ExportOptions("gallery", target, languages=("en", "ru", "ja"), workers=0))
    list(job.run())
    assert job.summary is not None and job.summary.ok and job.summary.exported == 4
    assert job.summary.fallbacks == {"en": 0, "ru": 2, "ja": 3}
    assert sorted(p.name for p in target.iterdir() if not p.name.startswith(".")) == ["en", "index.html", "ja", "ru"]
    top = (target / "index.html").read_text(encoding="utf-8")
    assert 'href="ru/index.html"' in top and ">Русский</a> — Шумшу, август 1945" in top and ">日本語</a>" in top
    for language in ("en", "ru", "ja"):
        for page in (target / language).rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            assert f'<html lang="{language}">' in html
            links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
            assert set(links) == {"en", "ru", "ja", "x-default"}, page
            for href in links.values():  # every link leads to a page that exists
                from urllib.parse import unquote

                assert (page.parent / unquote(href)).resolve().is_file(), (page, href)
            assert 'aria-current="page" lang="' + language in html
    japanese = (target / "ja" / "photos" / "001_表題.html").read_text(encoding="utf-8")
    assert JA_ONE in japanese and "<h1>表題</h1>" in japanese and "次へ" in japanese
    assert "<dt>場所</dt><dd>占守島、Russia · 北緯50.75123°、東経156.32123°" in japanese  # no Japanese name for Russia


def test_the_post_in_russian_and_its_fallback_report(
    languages_archive: tuple[Path, list[int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = ["--archive", str(languages_archive[0])]
    code, out, err = run(
        capsys, *archive, "export", "shumshu", "--format", "post", "--to", str(tmp_path / "p"), "--lang", "ru",
        "--workers", "0",
    )  # fmt: skip
    assert code == 0, err
    assert "ru: 2 of 4 photos and the collection's caption template lacked some text in this language" in out
    fragment = (tmp_path / "p" / "post.html").read_text(encoding="utf-8")
    assert fragment.startswith('<article class="photo-archive-post" lang="ru">') and RU_ONE in fragment
    assert "[Credit photo:" in fragment  # the collection's caption template, x-default's
    assert "Введение" in (tmp_path / "p" / "post.md").read_text(encoding="utf-8")
    code, _, err = run(capsys, *archive, "export", "shumshu", "--format", "post", "--to", str(tmp_path / "q"),
                       "--lang", "klingon")  # fmt: skip
    assert code == 2 and "language" in err and "Traceback" not in err


@needs_exiftool
def test_the_package_embeds_the_language_published_as_x_default(
    languages_archive: tuple[Path, list[int]], tmp_path: Path, backend: Backend
) -> None:
    root = copy_archive(languages_archive[0], tmp_path / "copy", backend)
    with Catalog(root) as catalog:
        for name, extra in (("all", {}), ("only", {"only_language": True})):
            options = ExportOptions("package", tmp_path / name, languages=("ru",), workers=0, **extra)
            job = ExportJob(catalog, "shumshu", options)
            list(job.run())
            assert job.summary is not None and job.summary.ok
    tags = exiftool(
        tmp_path / "all",
        "-XMP-dc:Description",
        "-XMP-dc:Description-ru",
        "-XMP-dc:Description-en",
        "-XMP-dc:Description-ja",
    )
    first = next(v for k, v in tags.items() if k.startswith("20150810_001"))
    assert first["XMP-dc:Description"] == RU_ONE  # x-default: the language published
    assert first["XMP-dc:Description-ru"] == RU_ONE and first["XMP-dc:Description-ja"] == JA_ONE
    assert first["XMP-dc:Description-en"].startswith("Wreck of a Japanese light tank")  # kept
    only = exiftool(tmp_path / "only", "-XMP-dc:Description", "-XMP-dc:Description-ja", "-XMP-dc:Description-en")
    first = next(v for k, v in only.items() if k.startswith("20150810_001"))
    assert first["XMP-dc:Description"] == RU_ONE
    assert "XMP-dc:Description-ja" not in first and "XMP-dc:Description-en" not in first
    manifest = json.loads((tmp_path / "all" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["language"] == "ru" and manifest["fallbacks"] == 2


def test_a_themes_messages_replace_the_defaults_one_by_one(tmp_path: Path) -> None:
    (tmp_path / "messages.json").write_text(json.dumps({"ru": {"Next": "Дальше"}}), encoding="utf-8")
    words = load_messages(tmp_path, "ru")
    assert words("Next") == "Дальше" and words("Previous") == "Предыдущая" and words.name == "Русский"
    assert words("Photo {n}", n=2) == "Фотография 2" and load_messages(None, "de")("Next") == "Next"
    assert load_messages(None, "pt-BR").name == "pt-BR"


def test_an_extended_description_is_linked_to_its_image(
    languages_archive: tuple[Path, list[int]], tmp_path: Path, backend: Backend
) -> None:
    """Issue 16's field: the pages give it its place, described-by the image."""
    from photoarchive.cli import main

    archive = copy_archive(languages_archive[0], tmp_path / "archive", backend)
    first = str(languages_archive[1][0])  # the photo titled Заголовок in Russian
    assert main(["--archive", str(archive), "edit", first, "--lang", "ru", "--extended-description", "Long text"]) == 0
    with Catalog(archive) as catalog:
        for kind in ("gallery", "post"):
            job = ExportJob(catalog, "shumshu", ExportOptions(kind, tmp_path / kind, languages=("ru",), workers=0))
            list(job.run())
    page = (tmp_path / "gallery" / "photos" / "001_Заголовок.html").read_text(encoding="utf-8")
    assert 'aria-describedby="description"' in page and '<div class="description" id="description"><p>Long text' in page
    other = (tmp_path / "gallery" / "photos" / "002.html").read_text(encoding="utf-8")
    assert "aria-describedby" not in other and "description" not in other.split("<main>")[1]
    post = (tmp_path / "post" / "post.html").read_text(encoding="utf-8")
    assert post.count("aria-describedby") == 1 and 'id="description-1"' in post
