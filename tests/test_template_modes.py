"""A template sets each field by its mode: replace (the default), fill only where empty, or
append (list fields); the preview shows each field before and after, and the photos changed."""

from __future__ import annotations

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_fields
from photoarchive.edits import apply_edit
from photoarchive.errors import ValidationError
from photoarchive.templates import (
    apply_template,
    change_template,
    create_template,
    find_template,
    template_preview,
)
from tests.conftest import add_record


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``)."""
    return backend_catalog


def test_fill_keeps_a_typed_creator_and_append_keeps_keywords(catalog: Catalog) -> None:
    typed, empty = add_record(catalog, 1, "IMG_0001.JPG"), add_record(catalog, 2, "IMG_0002.JPG")
    apply_edit(catalog, [typed], {"creator": "Anna Sidorova", "keywords": ["tank"]})
    create_template(
        catalog,
        "Expedition",
        {"creator": "Ivan Petrov", "copyright": "© {creator}", "keywords": ["Shumshu", "tank"], "credit": "SE"},
        modes={"creator": "fill", "keywords": "append", "credit": "replace"},
    )
    template = find_template(catalog, "Expedition")
    assert template.modes == {"creator": "fill", "keywords": "append"}  # replace is the default, not stored
    apply_template(catalog, template, [typed, empty])
    fields = load_fields(catalog, [typed, empty])
    assert fields[typed].creator == "Anna Sidorova" and fields[empty].creator == "Ivan Petrov"
    assert fields[typed].copyright == "© Anna Sidorova"  # a later field sees the photo's own value
    assert fields[typed].keywords == ["tank", "Shumshu"] and fields[empty].keywords == ["Shumshu", "tank"]
    assert fields[typed].credit == fields[empty].credit == "SE"


def test_modes_are_checked_and_changed(catalog: Catalog) -> None:
    with pytest.raises(ValidationError) as error:
        create_template(catalog, "T", {"creator": "A"}, modes={"creator": "append"})
    assert error.value.field == "creator" and "append takes list fields" in str(error.value)
    with pytest.raises(ValidationError) as error:
        create_template(catalog, "T", {"creator": "A"}, modes={"credit": "fill"})
    assert error.value.field == "credit"
    create_template(catalog, "T", {"creator": "A", "credit": "B"}, modes={"creator": "fill"})
    assert change_template(catalog, "T", modes={"credit": "fill"}).modes == {"creator": "fill", "credit": "fill"}
    assert change_template(catalog, "T", modes={"creator": "replace"}).modes == {"credit": "fill"}
    assert change_template(catalog, "T", unset=["credit"]).modes == {}


def test_preview_lists_each_field_before_and_after(catalog: Catalog) -> None:
    ids = [add_record(catalog, n, f"IMG_{n:04d}.JPG") for n in range(3)]
    apply_edit(catalog, [ids[0]], {"creator": "Anna"})
    apply_edit(catalog, ids[1:], {"credit": "SE"})
    create_template(catalog, "T", {"creator": "Ivan", "credit": "SE", "country_code": "ru"}, modes={"creator": "fill"})
    preview = template_preview(catalog, "T", ids)
    rows = {p.field: p for p in preview.fields}
    assert list(rows) == ["creator", "credit", "country_code"]  # the declaration's order
    assert rows["creator"].before == ["Anna", ""] and rows["creator"].after == ["Anna", "Ivan"]
    assert rows["creator"].changed == 2
    assert rows["credit"].before == ["", "SE"] and rows["credit"].after == ["SE"] and rows["credit"].changed == 1
    assert rows["country_code"].after == ["RUS"]  # normalised as applying it would
    assert preview.photo_count == 3 and preview.changed_photos == 3
    assert load_fields(catalog, ids)[ids[1]].creator == ""  # nothing changed
