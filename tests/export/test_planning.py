"""A publication is planned from one reading of the catalog, however many languages it has:
photos, fields, places and the default language are read once and each language is made from
them (``plan.read_publication``), on both backends."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from photoarchive.catalog import Catalog
from photoarchive.export import ExportJob, ExportOptions
from tests.export.conftest import RU_ONE, exiftool, needs_exiftool


@contextmanager
def statements(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every SQL statement the catalog's connection runs in the block, as sent."""
    seen: list[str] = []
    conn = catalog.conn
    if isinstance(conn, sqlite3.Connection):
        conn.set_trace_callback(seen.append)
        try:
            yield seen
        finally:
            conn.set_trace_callback(None)
        return
    kind = type(conn)  # PostgreSQL: the connection's own methods, counted for this connection
    for name in ("execute", "executemany"):
        sent = getattr(kind, name)

        def counted(self: Any, sql: str, *args: Any, _sent: Any = sent, **kwargs: Any) -> Any:
            if self is conn:
                seen.append(sql)
            return _sent(self, sql, *args, **kwargs)

        monkeypatch.setattr(kind, name, counted)
    yield seen
    monkeypatch.undo()


def _export(catalog: Catalog, target: Path, languages: tuple[str, ...]) -> None:
    job = ExportJob(catalog, "shumshu", ExportOptions("post", target, languages=languages, workers=0))
    list(job.run())
    assert job.summary is not None and job.summary.ok and job.summary.languages == list(languages)


def test_three_languages_read_the_catalog_as_often_as_one(
    languages_archive: tuple[Path, list[int]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Catalog(languages_archive[0]) as catalog:
        with statements(catalog, monkeypatch) as one:
            _export(catalog, tmp_path / "one", ("ru",))
        with statements(catalog, monkeypatch) as three:
            _export(catalog, tmp_path / "three", ("en", "ru", "ja"))
    assert one, "no statement was seen (the count would prove nothing)"
    assert any("photos" in sql for sql in one)
    assert len(three) == len(one), "\n".join(three)
    # And each language still has its own texts.
    assert RU_ONE in (tmp_path / "three" / "ru" / "post.html").read_text(encoding="utf-8")
    assert RU_ONE not in (tmp_path / "three" / "en" / "post.html").read_text(encoding="utf-8")


@needs_exiftool
def test_each_language_of_one_reading_keeps_its_own_texts_with_only_language(
    languages_archive: tuple[Path, list[int]], tmp_path: Path
) -> None:
    """``--only-language`` trims each language's copy of the fields, never the reading the other
    languages are made from: the Russian package still has its Russian caption after the English."""
    with Catalog(languages_archive[0]) as catalog:
        options = ExportOptions("package", tmp_path / "p", languages=("en", "ru"), only_language=True, workers=0)
        job = ExportJob(catalog, "shumshu", options)
        list(job.run())
    assert job.summary is not None and job.summary.ok
    for language, expected in (("en", "Wreck of a Japanese light tank"), ("ru", RU_ONE)):
        tags = exiftool(tmp_path / "p" / language, "-XMP-dc:Description", "-XMP-dc:Description-ru")
        first = next(v for k, v in tags.items() if k.startswith("20150810_001"))
        assert first["XMP-dc:Description"].startswith(expected), (language, first)
        assert ("XMP-dc:Description-ru" in first) == (language == "ru"), (language, first)
