"""Collections in the catalog: fields, names, ordered membership, errors."""

from __future__ import annotations

import pytest

from photoarchive.catalog import Catalog
from photoarchive.collections import (
    add_photos,
    collection_photo_ids,
    collections_containing,
    create_collection,
    delete_collection,
    edit_collection,
    get_collection,
    list_collections,
    move_photo,
    remove_photos,
    rename_collection,
    reorder_photos,
)
from photoarchive.errors import NotFoundError, ValidationError
from photoarchive.model import Category


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``)."""
    return backend_catalog


def _photos(catalog: Catalog, count: int) -> list[int]:
    return [
        catalog.add_photo(
            {
                "sha256": f"{i:064x}",
                "original_path": f"2015/2015-08-10/IMG_{i:04d}.JPG",
                "original_name": f"IMG_{i:04d}.JPG",
                "source_path": f"/card/IMG_{i:04d}.JPG",
                "size": 100,
                "format": "JPEG",
                "width": 640,
                "height": 480,
                "imported_at": "2015-08-10T00:00:00+00:00",
            }
        )
        for i in range(1, count + 1)
    ]


def test_create_get_edit_rename_delete(catalog: Catalog) -> None:
    created = create_collection(
        catalog,
        "  shumshu-1945 ",
        title="Шумшу, август 1945 — 占守島",
        introduction="First paragraph.\n\nSecond *paragraph*.",
        source="Search expedition «Шумшу-2015»",
        categories=[("Timeline", "August 1945"), Category("Nations", "USSR, Japan")],
        caption_template="{caption} [Credit photo: {creator} - {source}]",
    )
    assert created.name == "shumshu-1945" and created.photo_count == 0
    assert created.categories == [Category("Timeline", "August 1945"), Category("Nations", "USSR, Japan")]
    assert get_collection(catalog, "shumshu-1945") == get_collection(catalog, created.id) == created

    edited = edit_collection(catalog, "shumshu-1945", title="Shumshu", categories=[("Place", "Height 171")])
    assert edited.title == "Shumshu" and edited.categories == [Category("Place", "Height 171")]
    assert edited.introduction == created.introduction  # untouched fields stay

    renamed = rename_collection(catalog, created.id, "shumshu")
    assert renamed.name == "shumshu" and renamed.id == created.id
    with pytest.raises(NotFoundError):
        get_collection(catalog, "shumshu-1945")

    create_collection(catalog, "other")
    assert [c.name for c in list_collections(catalog)] == ["shumshu", "other"]
    delete_collection(catalog, "shumshu")
    assert [c.name for c in list_collections(catalog)] == ["other"]
    with pytest.raises(NotFoundError):
        delete_collection(catalog, "shumshu")


def test_names_are_unique_and_validated(catalog: Catalog) -> None:
    create_collection(catalog, "Shumshu")
    with pytest.raises(ValidationError, match="already exists") as caught:
        create_collection(catalog, "shumshu")  # case does not make a different handle
    assert caught.value.field == "name"
    other = create_collection(catalog, "other")
    with pytest.raises(ValidationError, match="already exists"):
        rename_collection(catalog, other.id, "SHUMSHU")
    rename_collection(catalog, "Shumshu", "shumshu")  # a collection may change its own case
    for bad in ("", "   ", "a\nb", "tab\there", "x" * 101):
        with pytest.raises(ValidationError):
            create_collection(catalog, bad)
    with pytest.raises(ValidationError) as caught:
        create_collection(catalog, "c", title="bell\x07")
    assert caught.value.field == "title"
    with pytest.raises(ValidationError):
        create_collection(catalog, "c", categories=[("", "no label")])
    with pytest.raises(ValidationError):
        edit_collection(catalog, "other", colour="red")
    with pytest.raises(ValidationError, match="unknown variable") as caught:
        edit_collection(catalog, "other", caption_template="{caption} by {photographer}")
    assert caught.value.field == "caption_template"
    assert [c.name for c in list_collections(catalog)] == ["shumshu", "other"]  # nothing half-made


def test_ordered_membership(catalog: Catalog) -> None:
    a, b, c, d, e = _photos(catalog, 5)
    create_collection(catalog, "book")
    assert add_photos(catalog, "book", [c, a, b]) == [c, a, b]
    assert add_photos(catalog, "book", [a, d]) == [d]  # a member is not added twice
    assert collection_photo_ids(catalog, "book") == [c, a, b, d]
    assert add_photos(catalog, "book", [e], at=1) == [e]
    assert collection_photo_ids(catalog, "book") == [c, e, a, b, d]
    assert get_collection(catalog, "book").photo_count == 5

    assert move_photo(catalog, "book", d, 0) == [d, c, e, a, b]
    assert move_photo(catalog, "book", d, 4) == [c, e, a, b, d]
    with pytest.raises(ValidationError):
        move_photo(catalog, "book", d, 5)
    with pytest.raises(NotFoundError):
        move_photo(catalog, "book", 999, 0)

    reorder_photos(catalog, "book", [b, d, a, c, e])
    assert collection_photo_ids(catalog, "book") == [b, d, a, c, e]
    for bad in ([b, d, a, c], [b, d, a, c, e, e], [b, d, a, c, 999]):
        with pytest.raises(ValidationError):
            reorder_photos(catalog, "book", bad)
    assert collection_photo_ids(catalog, "book") == [b, d, a, c, e]

    assert remove_photos(catalog, "book", [a, 999]) == [a]
    assert collection_photo_ids(catalog, "book") == [b, d, c, e]
    assert catalog.photo(a).id == a  # the photo stays in the archive
    positions = [r[0] for r in catalog.conn.execute("SELECT position FROM collection_photos ORDER BY position")]
    assert positions == [0, 1, 2, 3]


def test_unknown_photos_add_nothing(catalog: Catalog) -> None:
    (a,) = _photos(catalog, 1)
    create_collection(catalog, "book")
    with pytest.raises(NotFoundError, match="998"):
        add_photos(catalog, "book", [a, 998])
    assert collection_photo_ids(catalog, "book") == []
    with pytest.raises(NotFoundError):
        add_photos(catalog, "nope", [a])


def test_photo_in_many_collections_and_deletion(catalog: Catalog) -> None:
    a, b = _photos(catalog, 2)
    first = create_collection(catalog, "first")
    second = create_collection(catalog, "second")
    add_photos(catalog, first.id, [a, b])
    add_photos(catalog, second.id, [b])
    assert [c.name for c in collections_containing(catalog, b)] == ["first", "second"]
    assert [c.name for c in collections_containing(catalog, a)] == ["first"]
    delete_collection(catalog, first.id)
    assert [c.name for c in collections_containing(catalog, b)] == ["second"]
    assert catalog.count_photos() == 2
    assert catalog.conn.execute("SELECT count(*) FROM collection_photos").fetchone()[0] == 1
    catalog.conn.execute("DELETE FROM photos WHERE id = ?", (b,))  # a photo leaving the archive
    assert collection_photo_ids(catalog, "second") == []
