"""Storage of field templates (migration 0005_templates)."""

from __future__ import annotations

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.templates import delete_template, find_template, list_templates, save_template
from photoarchive.errors import NotFoundError, ValidationError
from photoarchive.model import FieldTemplate


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``)."""
    return backend_catalog


def test_save_find_list_delete(catalog: Catalog) -> None:
    stored = save_template(
        catalog,
        FieldTemplate(
            "Shumshu 2015 expedition", {"creator": "Иван Петров", "keywords": ["Шумшу", "占守島"]}, ["{city}"]
        ),
    )
    assert stored.id > 0 and stored.created_at and stored.values["keywords"] == ["Шумшу", "占守島"]
    assert find_template(catalog, "shumshu 2015 EXPEDITION").id == stored.id  # any case
    assert find_template(catalog, stored.id).add_keywords == ["{city}"]
    assert find_template(catalog, str(stored.id)).name == "Shumshu 2015 expedition"
    save_template(catalog, FieldTemplate("Archive scans", {"source": "Archive"}))
    assert [t.name for t in list_templates(catalog)] == ["Archive scans", "Shumshu 2015 expedition"]

    stored.values["credit"] = "Экспедиция"
    assert save_template(catalog, stored).values["credit"] == "Экспедиция"
    with pytest.raises(ValidationError, match="already exists"):
        save_template(catalog, FieldTemplate("SHUMSHU 2015 expedition"))
    delete_template(catalog, stored.id)
    with pytest.raises(NotFoundError, match="no template named 'Shumshu 2015 expedition'"):
        find_template(catalog, "Shumshu 2015 expedition")
    with pytest.raises(NotFoundError):
        delete_template(catalog, stored.id)
