"""An edit recorded without a description is named by its fields and, for one photo, the photo."""

from __future__ import annotations

import pytest

from photoarchive.catalog import Catalog
from photoarchive.edits import apply_edit
from tests.conftest import add_record


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``)."""
    return backend_catalog


def test_an_edit_names_its_photo(catalog: Catalog) -> None:
    one, two = add_record(catalog, 1, "IMG_0012.JPG"), add_record(catalog, 2, "IMG_0013.JPG")
    assert apply_edit(catalog, [one], {"caption": "Fog"}).description == "Edit caption of IMG_0012.JPG"
    both = apply_edit(catalog, [one, two], {"credit": "SE", "caption": "Tank"})
    assert both.description == "Edit caption, credit of 2 photos"
