"""The sample archive builder (core, no Qt) and ``photoarchive sample-archive``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.catalog.attention import needing_attention
from photoarchive.catalog.curated import load_values
from photoarchive.cli import main as cli
from photoarchive.errors import ValidationError
from photoarchive.sample import SampleArchiveJob, content


def test_command_builds_the_sample_archive(tmp_path: Path, capsys) -> None:
    root = tmp_path / "sample"
    assert cli(["sample-archive", str(root), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["photos"] == len(content.PHOTOS) and summary["template"] == content.TEMPLATE_NAME
    with Catalog(root) as catalog:
        photos = catalog.list_photos(order="captured")
        assert [p.original_name for p in photos] == sorted(p.name for p in content.PHOTOS)
        first = photos[0]
        assert first.captured_at == "2015-08-11T07:40:00+12:00"
        assert 50.6 < first.latitude < 50.9 and 156.1 < first.longitude < 156.5  # on Shumshu
        values = load_values(catalog, [p.id for p in photos], ["caption", "credit", "creator", "country_code"])
        captions = " ".join(v["caption"] for v in values.values())
        assert "Cape Kokutan" in captions and "Кокутан" in captions and "竹田浜" in captions
        credits = {v["credit"] for v in values.values()} | {v["creator"] for v in values.values()}
        assert credits == {"Sample Expedition", ""}  # never a real photographer's name
        assert {v["country_code"] for v in values.values()} == {"RUS"}  # from the places
        assert len(needing_attention(catalog)) == 2
        collection = collection_store.get_collection(catalog, content.COLLECTION_NAME)
        order = collection_store.collection_photo_ids(catalog, collection.id)
        names = {p.id: p.original_name for p in photos}
        assert [names[i] for i in order] == content.COLLECTION_ORDER
        assert "18 August 1945" in collection.introduction
        assert collection.caption_template == "{caption} [Credit photo: {creator} - {source}]"
        assert catalog.paths.thumbnail(first.sha256, 256).is_file()


def test_the_command_builds_it_in_the_catalog_given(tmp_path: Path, capsys, backend) -> None:
    """``--catalog URL`` puts the sample's catalog on that server, as it does for every command."""
    root = tmp_path / "sample"
    given = ["--catalog", backend.url] if backend.url else []
    assert cli(["sample-archive", str(root), *given, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["photos"] == len(content.PHOTOS)
    with Catalog(root, url=backend.url, create=False) as catalog:
        assert catalog.count_photos() == len(content.PHOTOS)
    assert (root / "catalog.sqlite").exists() == (backend.url is None)


def test_the_sample_goes_only_into_an_empty_archive(tmp_path: Path) -> None:
    from tests.conftest import write_photos

    with Catalog(tmp_path / "busy") as catalog:
        from photoarchive.ingest import ImportJob

        for _ in ImportJob(catalog, write_photos(tmp_path / "in", 1), workers=1).run():
            pass
        with pytest.raises(ValidationError, match="empty archive"):
            list(SampleArchiveJob(catalog).run())
