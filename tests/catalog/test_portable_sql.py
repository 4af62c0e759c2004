"""The catalog's SQL that SQLite and PostgreSQL write differently gives the same answers on both
(issue 15): names found and sorted without regard to the case of A-Z, list values read out of
JSON, counts summed, upserts, the columns of a table, the catalog's soundness."""

from __future__ import annotations

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog import places as store
from photoarchive.catalog.catalog import order_by, photo_columns
from photoarchive.catalog.cells import grid_cells, view_cells
from photoarchive.catalog.collections import collection_id, set_translations
from photoarchive.catalog.connection import dialect
from photoarchive.catalog.curated import (
    keyword_path_counts,
    keywords_in_use,
    persons_in_use,
    photo_ids_with_keyword_path,
)
from photoarchive.catalog.export_settings import load_export_settings, save_export_settings
from photoarchive.catalog.translations import languages, set_languages
from photoarchive.collections import create_collection, get_collection
from photoarchive.edits import apply_edit
from photoarchive.errors import ValidationError
from photoarchive.model import Place
from tests.conftest import add_record


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``)."""
    return backend_catalog


def test_values_in_use_each_once_sorted_folding_only_a_to_z(catalog: Catalog) -> None:
    a, b = add_record(catalog, 1, "a.jpg"), add_record(catalog, 2, "b.jpg")
    apply_edit(catalog, [a], {"keywords": ["banana", "Zulu", "Éclair"], "persons_shown": ["Ivanov", "anna"]})
    apply_edit(catalog, [b], {"keywords": ["zebra", "Apple", "banana"], "persons_shown": ["anna"]})
    # NOCASE folds A-Z only: É sorts after every letter of the English alphabet, on both
    assert keywords_in_use(catalog) == ["Apple", "banana", "zebra", "Zulu", "Éclair"]
    assert persons_in_use(catalog) == ["anna", "Ivanov"]


def test_hierarchical_keywords_counted_and_found_by_path(catalog: Catalog) -> None:
    a, b = add_record(catalog, 1, "a.jpg"), add_record(catalog, 2, "b.jpg")
    apply_edit(catalog, [a], {"hierarchical_keywords": ["Places|Russia|Shumshu", "Places|Russia|Paramushir"]})
    apply_edit(catalog, [b], {"hierarchical_keywords": ["Places|Japan"]})
    counts = keyword_path_counts(catalog)
    assert counts[("Places",)] == 2 and counts[("Places", "Russia")] == 1
    assert counts[("Places", "Russia", "Shumshu")] == 1
    assert photo_ids_with_keyword_path(catalog, ("Places", "Russia")) == {a}
    assert photo_ids_with_keyword_path(catalog, ("places", "japan")) == set()  # levels compare exactly
    assert photo_ids_with_keyword_path(catalog, ("Places",)) == {a, b}


def test_a_collection_is_found_by_its_name_in_any_case_and_names_stay_unique(catalog: Catalog) -> None:
    created = create_collection(catalog, "Shumshu 2015")
    assert collection_id(catalog, "SHUMSHU 2015") == created.id
    assert get_collection(catalog, "shumshu 2015").name == "Shumshu 2015"
    with pytest.raises(ValidationError, match="already exists"):
        create_collection(catalog, "shumshu 2015")


def test_a_language_set_twice_keeps_the_last_value(catalog: Catalog) -> None:
    created = create_collection(catalog, "Shumshu 2015")
    set_translations(catalog, created.id, "ru", {"title": "Шумшу"})
    set_translations(catalog, created.id, "ru", {"title": "Остров Шумшу"})
    assert get_collection(catalog, created.id).translations == {"ru": {"title": "Остров Шумшу"}}
    set_languages(catalog, ["en", "ru"])
    set_languages(catalog, ["ru", "en", "ru"])
    assert languages(catalog) == ["ru", "en"]


def test_photo_counts_within_places_are_integers(catalog: Catalog) -> None:
    island = store.insert_place(catalog, Place("Shumshu", kind="island"))
    height = store.insert_place(catalog, Place("Height 171", parent_id=island))
    photos = [add_record(catalog, n, f"{n}.jpg") for n in (1, 2, 3)]
    apply_edit(catalog, photos[:2], {"place_id": height})
    apply_edit(catalog, photos[2:], {"place_id": island})
    within = store.photo_counts_within(catalog)
    assert within == {height: 2, island: 3}
    assert all(type(count) is int for count in within.values())  # a server's sum is a numeric
    assert store.descendant_ids(catalog, island) == [island, height]


def test_columns_name_order_and_soundness(catalog: Catalog) -> None:
    assert {"id", "original_name", "place_id", "keywords"} <= photo_columns(catalog.conn)
    name_order = order_by(dialect(catalog.conn), "name")
    assert name_order.endswith(", p.id") and "original_name" in name_order
    names = ["b.jpg", "A.jpg", "c.jpg", "É.jpg", "a2.jpg"]
    for n, name in enumerate(names, start=1):
        add_record(catalog, n, name)
    listed = [r[0] for r in catalog.conn.execute(f"SELECT p.original_name FROM photos p ORDER BY {name_order}")]
    assert listed == ["A.jpg", "a2.jpg", "b.jpg", "c.jpg", "É.jpg"]
    assert catalog.integrity_problems() == []


def test_export_options_saved_twice_keep_the_last_and_cells_read_a_page(catalog: Catalog) -> None:
    created = create_collection(catalog, "Shumshu 2015")
    assert load_export_settings(catalog, created.id) is None
    save_export_settings(catalog, created.id, {"size": 2048, "title": "Шумшу"})
    save_export_settings(catalog, created.id, {"size": 1024})
    assert load_export_settings(catalog, created.id) == {"size": 1024}
    a, b = add_record(catalog, 1, "a.jpg"), add_record(catalog, 2, "b.jpg")
    apply_edit(catalog, [a], {"rating": 4, "label": "red", "caption": "Tank"})
    cells = grid_cells(catalog, [b, a, 999])
    assert set(cells) == {a, b}
    assert cells[a][1] == "a.jpg" and cells[a][4:] == ("Tank", "", 4, "red", "")
    assert cells[b][4:] == ("", "", None, "", "")
    assert view_cells(catalog, [a])[a][7:] == (4, "red", "")


def test_import_batches_and_photos_read_back(catalog: Catalog) -> None:
    first = catalog.start_batch(["/card/DCIM", "/карта"])
    second = catalog.start_batch(["/card2"])
    a = add_record(catalog, 1, "a.jpg")
    catalog.add_failure(first, "/card/DCIM/bad.jpg", "not an image")
    catalog.finish_batch(first, imported=1, duplicates=0, failed=1, status="completed")
    catalog.mark_interrupted_batches()
    done, cut = catalog.batch(first), catalog.batch(second)
    assert (done.status, done.imported, done.failed, done.sources) == ("completed", 1, 1, ["/card/DCIM", "/карта"])
    assert [(f.path, f.error) for f in done.failures] == [("/card/DCIM/bad.jpg", "not an image")]
    assert (cut.status, cut.imported) == ("interrupted", 0)
    assert [b.id for b in catalog.batches()] == [second, first]
    assert catalog.count_photos() == 1 and catalog.id_for_hash(f"{1:064x}") == a
    assert [p.original_name for p in catalog.photos([a])] == ["a.jpg"]
    assert [row[0] for row in catalog.iter_photo_files()] == [a]
