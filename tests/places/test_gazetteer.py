"""The hierarchy, its mapping to IPTC location fields, and assigning places to photos."""

from __future__ import annotations

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_fields, load_values
from photoarchive.catalog.places import location_shown
from photoarchive.edits import history, revert_edit
from photoarchive.errors import NotFoundError, ValidationError
from photoarchive.model import Place, PlaceName
from photoarchive.places import Gazetteer, add_place, assign_place, edit_place, find_place, remove_place
from tests.places.conftest import HEIGHT_171, SHUMSHU, Shumshu, add_photo

LOCATION = ("sublocation", "city", "state", "country", "country_code")


def fields_of(catalog: Catalog, photo_id: int) -> tuple[str, ...]:
    f = load_fields(catalog, [photo_id])[photo_id]
    return tuple(getattr(f, name) for name in LOCATION)


def test_hierarchy_fills_every_location_field(catalog: Catalog, shumshu: Shumshu) -> None:
    gazetteer = Gazetteer.load(catalog)
    height = gazetteer.get(shumshu.height.id)
    assert gazetteer.path(height) == "Russia > Sakhalin Oblast > Kuril Islands > Shumshu > Height 171"
    assert gazetteer.location_fields(height) == {
        "sublocation": "Height 171",
        "city": "Shumshu",
        "state": "Sakhalin Oblast",
        "country": "Russia",
        "country_code": "RUS",
    }
    # A place directly on the island fills no Sublocation; the archipelago fills nothing by default.
    assert gazetteer.location_fields(gazetteer.get(shumshu.island.id))["sublocation"] == ""
    assert [p.name for p in gazetteer.children(shumshu.island.id)] == [
        "Cape Kokutan",
        "Height 171",
        "Soviet landing beach",
    ]


def test_field_mapping_is_stored_per_place(catalog: Catalog, shumshu: Shumshu) -> None:
    # The curator wants "Kuril Islands" as Province/State and the island as Sublocation.
    edit_place(catalog, shumshu.kurils.id, iptc_field="state")
    edit_place(catalog, shumshu.island.id, iptc_field="sublocation")
    gun = add_place(catalog, Place("Gun emplacement", kind="feature", parent_id=shumshu.cape.id))
    fields = Gazetteer.load(catalog).location_fields(Gazetteer.load(catalog).get(gun.id))
    assert fields["sublocation"] == "Gun emplacement, Cape Kokutan, Shumshu"
    assert fields["city"] == "" and fields["state"] == "Kuril Islands"
    with pytest.raises(ValidationError, match="IPTC field"):
        edit_place(catalog, shumshu.island.id, iptc_field="county")


def test_assign_fills_fields_and_gps_only_when_missing(catalog: Catalog, shumshu: Shumshu) -> None:
    bare = add_photo(catalog, 1)
    camera = add_photo(catalog, 2, gps=(50.7, 156.2))
    edit = assign_place(catalog, [bare, camera], "Высота 171", who="curator").edit
    assert edit.description == "Place 2 photos at Height 171" and edit.id > 0
    assert fields_of(catalog, bare) == ("Height 171", "Shumshu", "Sakhalin Oblast", "Russia", "RUS")
    positions = load_values(catalog, [bare, camera], ["latitude", "longitude", "gps_source", "place_id"])
    assert positions[bare] == {
        "latitude": HEIGHT_171[0],
        "longitude": HEIGHT_171[1],
        "gps_source": "place",
        "place_id": shumshu.height.id,
    }
    assert positions[camera]["gps_source"] == "camera" and positions[camera]["latitude"] == 50.7
    # Re-assigning moves a position that came from a place, never a camera's.
    assign_place(catalog, [bare, camera], shumshu.island.id)
    positions = load_values(catalog, [bare, camera], ["latitude", "gps_source"])
    assert positions[bare] == {"latitude": SHUMSHU[0], "gps_source": "place"}
    assert positions[camera] == {"latitude": 50.7, "gps_source": "camera"}
    assert fields_of(catalog, bare)[:2] == ("", "Shumshu")
    # Clearing the place clears the fields and the derived position.
    assign_place(catalog, [bare], None)
    assert fields_of(catalog, bare) == ("", "", "", "", "")
    assert load_values(catalog, [bare], ["latitude", "gps_source", "place_id"])[bare] == {
        "latitude": None,
        "gps_source": None,
        "place_id": None,
    }


def test_assign_is_one_undoable_edit(catalog: Catalog, shumshu: Shumshu) -> None:
    ids = [add_photo(catalog, n) for n in range(12)]
    edit = assign_place(catalog, ids, shumshu.beach).edit
    assert len(history(catalog)) == 1 and edit.photo_ids == ids
    revert_edit(catalog, edit.id)
    assert all(fields_of(catalog, i) == ("", "", "", "", "") for i in ids)
    assert load_values(catalog, ids[:1], ["place_id", "latitude"])[ids[0]] == {"place_id": None, "latitude": None}


def test_editing_a_place_updates_its_photos_and_those_inside(catalog: Catalog, shumshu: Shumshu) -> None:
    on_height = add_photo(catalog, 1)
    on_island = add_photo(catalog, 2)
    assign_place(catalog, [on_height], shumshu.height)
    assign_place(catalog, [on_island], shumshu.island)
    place, edit = edit_place(catalog, shumshu.island.id, name="Shumshu Island", latitude=50.77, longitude=156.31)
    assert place.name == "Shumshu Island" and edit.photo_ids == [on_height, on_island]
    assert fields_of(catalog, on_height)[1] == "Shumshu Island"
    # The island photo's position came from the island, so it follows; Height 171 has its own.
    assert load_values(catalog, [on_island], ["latitude"])[on_island]["latitude"] == 50.77
    assert load_values(catalog, [on_height], ["latitude"])[on_height]["latitude"] == HEIGHT_171[0]
    revert_edit(catalog, edit.id)
    assert fields_of(catalog, on_height)[1] == "Shumshu"
    # Moving a place moves its photos' fields too.
    japan = add_place(catalog, Place("Japan", kind="country"))
    edit_place(catalog, shumshu.kurils.id, parent_id=japan.id)
    assert fields_of(catalog, on_height)[2:] == ("", "Japan", "JPN")


def test_names_in_any_language_and_search(catalog: Catalog, shumshu: Shumshu) -> None:
    for name in ("占守島", "шумшу", "SHIMUSHU", "Shumshu", str(shumshu.island.id)):
        assert find_place(catalog, name).id == shumshu.island.id
    with pytest.raises(NotFoundError, match="did you mean 'Shumshu'"):
        find_place(catalog, "Shumsu")
    add_place(catalog, Place("Height 171", parent_id=shumshu.kurils.id))
    with pytest.raises(ValidationError, match=r"names 2 places.*Kuril Islands > Height 171"):
        find_place(catalog, "Height 171")
    photo = add_photo(catalog, 1)
    assign_place(catalog, [photo], shumshu.height.id)
    for query in ("Шумшу", "占守", "Сахалинская", "四嶺山", "Kuril"):
        assert catalog.photo_ids(search=query) == [photo], query
    # Renaming a place reindexes its photos.
    edit_place(catalog, shumshu.island.id, alt_names=[PlaceName("Сюмсю", "ru")])
    assert catalog.photo_ids(search="Сюмсю") == [photo] and catalog.photo_ids(search="占守島") == []


def test_location_shown_carries_names_and_identifiers(catalog: Catalog, shumshu: Shumshu) -> None:
    photo, other = add_photo(catalog, 1), add_photo(catalog, 2)
    assign_place(catalog, [photo], shumshu.island)
    shown = location_shown(catalog, photo)
    assert shown is not None and shown.place_id == shumshu.island.id
    assert shown.names == {"x-default": "Shumshu", "ru": "Шумшу", "ja": "占守島", "en": "Shimushu"}
    assert shown.identifiers == ["https://sws.geonames.org/2121215/", "http://www.wikidata.org/entity/Q1049609"]
    assert location_shown(catalog, other) is None


def test_bad_places_are_refused(catalog: Catalog, shumshu: Shumshu) -> None:
    cases = [
        (Place(""), "needs a name"),
        (Place("X", kind="volcano"), "kind 'volcano'"),
        (Place("X", latitude=95, longitude=1), "latitude 95"),
        (Place("X", latitude=50), "both latitude and longitude"),
        (Place("X", radius=-1), "radius"),
        (Place("X", alt_names=[PlaceName("Y", "Russian language")]), "language"),
        (Place("X", wikidata_id="1049609"), "Wikidata"),
        (Place("Atlantis", kind="country"), "ISO 3166"),
        (Place("X", country_code="XX"), "not an ISO 3166-1 country code"),
        (Place("X", parent_id=999), "no place with id 999"),
    ]
    for place, message in cases:
        with pytest.raises((ValidationError, NotFoundError), match=message):
            add_place(catalog, place)
    with pytest.raises(ValidationError, match="inside"):
        edit_place(catalog, shumshu.island.id, parent_id=shumshu.height.id)
    assert add_place(catalog, Place("Japan", kind="country", country_code="jp")).country_code == "JPN"
    assert add_place(catalog, Place("X", wikidata_id="https://www.wikidata.org/wiki/q42")).wikidata_id == "Q42"


def test_remove_place(catalog: Catalog, shumshu: Shumshu) -> None:
    photo = add_photo(catalog, 1)
    assign_place(catalog, [photo], shumshu.height)
    with pytest.raises(ValidationError, match="holds 1 photo"):
        remove_place(catalog, shumshu.height.id)
    with pytest.raises(ValidationError, match="holds 3 places"):
        remove_place(catalog, shumshu.island.id)
    remove_place(catalog, shumshu.island.id, force=True)
    gazetteer = Gazetteer.load(catalog)
    assert gazetteer.get(shumshu.height.id).parent_id == shumshu.kurils.id
    assert fields_of(catalog, photo) == ("Height 171", "", "Sakhalin Oblast", "Russia", "RUS")
    remove_place(catalog, shumshu.height.id, force=True)
    assert load_values(catalog, [photo], ["place_id"])[photo]["place_id"] == shumshu.kurils.id
    assert fields_of(catalog, photo) == ("", "", "Sakhalin Oblast", "Russia", "RUS")
