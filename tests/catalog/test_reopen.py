"""``Catalog.reopen``: a worker thread's own connection to the same catalog, wherever the window
opened it from (the folder's catalog.sqlite or catalog.url, or a URL given by the caller)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from tests.places.conftest import add_photo


def test_reopen_reaches_the_catalog_of_a_url_given_by_the_caller(tmp_path: Path, pg_url: str) -> None:
    root = tmp_path / "shared folder"  # no catalog.url in it: the URL came from --catalog or the dialog
    with Catalog(root, url=pg_url) as catalog:
        add_photo(catalog, 1)
        catalog.curator = "Anna"
        found: list[object] = []

        def worker() -> None:  # as a pool thread does: its own connection, on its thread
            with catalog.reopen() as again:
                found.extend([again.location, again.count_photos(), again.curator])

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
    assert found == [catalog.location, 1, "Anna"]
    assert not (root / "catalog.sqlite").exists()
    assert not (root / "catalog.url").exists()


def test_reopen_of_an_archive_folder_opens_its_catalog_sqlite(tmp_path: Path) -> None:
    with Catalog(tmp_path / "archive") as catalog:
        add_photo(catalog, 1)
        with catalog.reopen() as again:
            assert again.location == catalog.location
            assert again.location.url is None
            assert again.count_photos() == 1
            assert again.conn is not catalog.conn


def test_reopen_creates_no_new_catalog_where_the_archive_was(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "archive")
    catalog.close()
    (tmp_path / "archive" / "catalog.sqlite").unlink()  # moved away while the window was open
    with pytest.raises(Exception, match=r"no catalog\.sqlite"):
        catalog.reopen()
    assert not (tmp_path / "archive" / "catalog.sqlite").exists()
