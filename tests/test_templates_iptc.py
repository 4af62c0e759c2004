"""Issue 16's fields in templates: structured values set by a template (with variables), the
variables of structures and persons shown in a caption template, and what a template refuses."""

from __future__ import annotations

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_fields
from photoarchive.edits import apply_edit
from photoarchive.errors import ValidationError
from photoarchive.metadata.variables import photo_variables, render
from photoarchive.model.curated import CuratedFields
from photoarchive.templates import apply_template, create_template
from tests.conftest import add_record


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``)."""
    return backend_catalog


def test_a_template_sets_structures_from_variables(catalog: Catalog) -> None:
    photo = add_record(catalog, 1, "IMG_0001.JPG")
    apply_edit(catalog, [photo], {"city": "Severo-Kurilsk", "country": "Russia"})
    create_template(
        catalog,
        "found",
        {
            "location_created": "city={city};country={country}",
            "artworks": ["title=Letter;source=Family archive, {city}", "title=Medal;creator=Mint A,Mint B"],
            "persons_shown": ["Ivanov"],
            "digital_source_type": "print",
        },
    )
    apply_template(catalog, "found", [photo])
    fields = load_fields(catalog, [photo])[photo]
    assert fields.location_created == {"city": "Severo-Kurilsk", "country": "Russia"}
    assert fields.artworks == [
        {"title": "Letter", "source": "Family archive, Severo-Kurilsk"},
        {"title": "Medal", "creator": ["Mint A", "Mint B"]},
    ]
    assert fields.persons_shown == ["Ivanov"]
    assert fields.digital_source_type == "http://cv.iptc.org/newscodes/digitalsourcetype/print"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"artworks": ["titel=Letter"]}, "no member 'titel'"),
        ({"location_created": ["city=A", "city=B"]}, "one structure"),
        ({"image_regions": ["x"]}, "kept as read"),
        ({"digital_source_type": "scan"}, "not one of"),
    ],
)
def test_a_template_refuses_what_it_cannot_set(catalog: Catalog, values: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        create_template(catalog, "bad", values)


def test_variables_of_the_new_fields() -> None:
    fields = CuratedFields(
        persons_shown=["Ivanov, Pyotr", "Sato"],
        location_created={"city": "Severo-Kurilsk", "country": "Russia", "gps_latitude": "50,40.5N"},
        artworks=[{"title": "Medal", "source": "Museum"}, {"title": "Letter"}],
        licensors=[{"name": "Museum", "url": "https://museum.example.org"}],
        image_regions=[{"Iptc4xmpExt:rId": "r1", "Iptc4xmpExt:Name": {"x-default": "Veteran"}}],
    )
    values = photo_variables(fields)
    text = render(
        "{persons_shown} | {location_created} | {location_created_city} | {artworks} | {licensors} | {image_regions}",
        values,
    )
    assert text == "Ivanov, Pyotr, Sato | Severo-Kurilsk, Russia | Severo-Kurilsk | Medal, Letter | Museum | Veteran"
    assert render("[taken at {location_created_sublocation}]", values) == ""
