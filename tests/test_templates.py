"""Field templates applied to photos, with per-photo variables (photoarchive.templates)."""

from __future__ import annotations

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_fields
from photoarchive.edits import apply_edit, history, revert_edit
from photoarchive.errors import NotFoundError, ValidationError
from photoarchive.templates import (
    apply_template,
    change_template,
    create_template,
    list_templates,
    remove_template,
    template_values,
)
from tests.conftest import add_record


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``)."""
    return backend_catalog


EXPEDITION = {
    "creator": "Иван Петров",
    "credit": "Shumshu 2015 search expedition",
    "copyright": "© {date:%Y} {creator}",
    "usage_terms": "CC BY-SA 4.0",
    "event": "Поисковая экспедиция «Шумшу-2015»",
    "job_id": "SH2015-{sequence:03}-{filename}",
}


def test_apply_with_variables_is_one_edit(catalog: Catalog) -> None:
    a, b = add_record(catalog, 10, "IMG_0010.JPG"), add_record(catalog, 11, "IMG_0011.JPG")
    apply_edit(catalog, [b], {"city": "Шумшу", "caption": "Танк", "keywords": ["old"]})
    create_template(
        catalog, "Shumshu 2015", {**EXPEDITION, "caption": "{caption}{?city} ({city}){/city}"}, add_keywords=["{city}"]
    )
    edit = apply_template(catalog, "shumshu 2015", [b, a])  # {sequence} follows the order given
    assert edit.id and edit.description == "Template 'Shumshu 2015' on 2 photos" and len(history(catalog)) == 2
    fields = load_fields(catalog, [a, b])
    assert fields[b].job_id == "SH2015-001-IMG_0011" and fields[a].job_id == "SH2015-002-IMG_0010"
    assert fields[a].copyright == "© 2015 Иван Петров"  # {creator} is the template's value
    assert fields[b].caption == "Танк (Шумшу)" and fields[a].caption == ""  # its own field: the photo's value
    assert fields[b].keywords == ["old", "Шумшу"] and fields[a].keywords == []
    revert_edit(catalog, edit.id)
    assert load_fields(catalog, [a])[a].creator == ""


def test_errors_are_found_when_the_template_is_made(catalog: Catalog) -> None:
    with pytest.raises(ValidationError, match=r"copyright: unknown variable \{year\}"):
        create_template(catalog, "bad", {"copyright": "© {year}"})
    with pytest.raises(ValidationError, match=r"add_keywords: unknown variable \{place\}"):
        create_template(catalog, "bad", {}, add_keywords=["{place}"])
    with pytest.raises(ValidationError, match="Country code: 'XX'"):
        create_template(catalog, "bad", {"country_code": "XX"})
    with pytest.raises(ValidationError, match="circle"):
        create_template(catalog, "bad", {"title": "{headline}", "headline": "{title}"})
    with pytest.raises(ValidationError, match="unknown field 'colour'"):
        create_template(catalog, "bad", {"colour": "red"})
    with pytest.raises(ValidationError, match="a template needs a name"):
        create_template(catalog, "  ", {"credit": "x"})
    assert list_templates(catalog) == []
    assert create_template(catalog, "codes", {"country_code": "ru"}).values == {"country_code": "RUS"}


def test_a_rendered_value_that_is_invalid_changes_no_photo(catalog: Catalog) -> None:
    a, b = add_record(catalog, 1, "a.jpg"), add_record(catalog, 2, "b.jpg")
    apply_edit(catalog, [b], {"caption": "x" * 40_000})
    create_template(catalog, "double", {"caption": "{caption}{caption}"})  # 80 KB for b
    with pytest.raises(ValidationError, match="longer than 64 KB"):
        apply_template(catalog, "double", [a, b])
    assert len(history(catalog)) == 1


def test_change_and_remove(catalog: Catalog) -> None:
    a = add_record(catalog, 1, "a.jpg")
    create_template(catalog, "t", {"credit": "A", "source": "S"})
    changed = change_template(catalog, "t", name="t2", values={"credit": "B"}, unset=["source"])
    assert changed.name == "t2" and changed.values == {"credit": "B"}
    assert template_values(catalog, changed, [a]) == {a: {"credit": "B"}}
    remove_template(catalog, "t2")
    with pytest.raises(NotFoundError):
        apply_template(catalog, "t2", [a])
