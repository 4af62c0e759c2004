"""CSV and GeoJSON: round trips between archives, and bad rows named by their line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_fields
from photoarchive.catalog.places import all_places
from photoarchive.errors import ValidationError
from photoarchive.places import Gazetteer, assign_place
from photoarchive.places.exchange import export_csv, export_geojson, import_places
from tests.places.conftest import Shumshu, add_photo


def _shape(catalog: Catalog) -> list[tuple]:
    """The gazetteer without its ids: each place with its path, so two archives compare."""
    gazetteer = Gazetteer.load(catalog)
    return sorted(
        (
            gazetteer.path(p),
            p.kind,
            p.latitude,
            p.longitude,
            p.radius,
            [(n.name, n.language) for n in p.alt_names],
            p.geonames_id,
            p.wikidata_id,
            p.country_code,
            p.iptc_field,
            p.notes,
        )
        for p in gazetteer
    )


@pytest.mark.parametrize("suffix", [".csv", ".geojson"])
def test_round_trip_into_another_archive(catalog: Catalog, shumshu: Shumshu, tmp_path: Path, suffix: str) -> None:
    from photoarchive.places import edit_place

    edit_place(catalog, shumshu.cape.id, notes='Japanese gun emplacement, "Type 96"\nsecond line, with <&>')
    edit_place(catalog, shumshu.kurils.id, iptc_field="state")
    path = tmp_path / f"places{suffix}"
    (export_csv if suffix == ".csv" else export_geojson)(catalog, path)
    with Catalog(tmp_path / "other") as other:
        report = import_places(other, path)
        assert len(report.added) == 7 and not report.unchanged
        assert _shape(other) == _shape(catalog)
        # Importing the same file again adds nothing.
        again = import_places(other, path)
        assert not again.added and len(again.unchanged) == 7
        assert len(all_places(other)) == 7


def test_geojson_is_standard(catalog: Catalog, shumshu: Shumshu, tmp_path: Path) -> None:
    export_geojson(catalog, tmp_path / "p.geojson")
    data = json.loads((tmp_path / "p.geojson").read_text(encoding="utf-8"))
    feature = next(f for f in data["features"] if f["properties"]["name"] == "Height 171")
    assert feature["geometry"] == {"type": "Point", "coordinates": [156.2547, 50.7153]}
    assert {"name": "Высота 171", "language": "ru"} in feature["properties"]["alt_names"]
    russia = next(f for f in data["features"] if f["properties"]["name"] == "Russia")
    assert russia["geometry"] is None and russia["properties"]["country_code"] == "RUS"


def test_csv_rows_may_hang_under_existing_places_in_any_order(
    catalog: Catalog, shumshu: Shumshu, tmp_path: Path
) -> None:
    path = tmp_path / "features.csv"
    path.write_text(
        "\ufeffname,kind,parent,latitude,longitude,alt_names\n"
        "Gun emplacement,feature,Cape Kokutan-2,50.67,156.14,ru:орудийный дот | ja:砲台\n"
        "Cape Kokutan-2,site,占守島,50.668,156.139,\n",
        encoding="utf-8",
    )
    report = import_places(catalog, path)
    gazetteer = Gazetteer.load(catalog)
    gun = gazetteer.find("砲台")
    assert [p.name for p in report.added] == ["Cape Kokutan-2", "Gun emplacement"]
    assert (
        gazetteer.path(gun) == "Russia > Sakhalin Oblast > Kuril Islands > Shumshu > Cape Kokutan-2 > Gun emplacement"
    )


def test_bad_rows_are_named_by_line_and_nothing_is_imported(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "name,kind,latitude,longitude,notes\n"
        "Good,feature,50,156,\n"
        '"Multi-line notes",feature,50,156,"one\ntwo"\n'
        "Too far north,feature,95,156,\n"
        ",feature,50,156,\n"
        "Volcano,volcano,,,\n"
        "Lonely latitude,feature,50,,\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as error:
        import_places(catalog, path)
    message = str(error.value)
    assert "4 bad rows" in message
    assert "bad.csv, line 5: latitude '95' is out of range" in message
    assert "bad.csv, line 6: no name" in message
    assert "bad.csv, line 7: kind 'volcano'" in message
    assert "bad.csv, line 8: give both latitude and longitude" in message
    assert all_places(catalog) == []


def test_bad_files(catalog: Catalog, tmp_path: Path) -> None:
    cases = {
        "cols.csv": ("name,colour\nX,red\n", "cols.csv, line 1: unknown column 'colour'"),
        "parent.csv": ("id,name,parent\n1,X,7\n", "parent.csv, line 2: parent 7 is no id of this file"),
        "loop.csv": ("id,name,parent\n1,A,2\n2,B,1\n", "inside itself"),
        "syntax.geojson": (
            '{"type": "FeatureCollection",\n "features": [\n}',
            "syntax.geojson, line 3: not valid JSON",
        ),
        "point.geojson": (
            '{"type": "FeatureCollection", "features": [\n'
            '  {"type": "Feature", "geometry": null, "properties": {"name": "A"}},\n'
            '  {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]},\n'
            '   "properties": {"name": "B"}}]}',
            "point.geojson, feature 2 (line 3): geometry must be a Point",
        ),
        "places.txt": ("name\nX\n", "give a .csv, .geojson or .json file"),
    }
    for name, (text, message) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
            import_places(catalog, tmp_path / name)
    assert all_places(catalog) == []


def test_update_refills_photos(catalog: Catalog, shumshu: Shumshu, tmp_path: Path) -> None:
    photo = add_photo(catalog, 1)
    assign_place(catalog, [photo], shumshu.height)
    path = tmp_path / "rename.csv"
    path.write_text("name,kind,parent,wikidata_id\nShumshu Island,island,Kuril Islands,Q1049609\n", encoding="utf-8")
    report = import_places(catalog, path)
    assert [p.name for p in report.unchanged] == ["Shumshu"]
    report = import_places(catalog, path, update=True)
    assert [p.name for p in report.updated] == ["Shumshu Island"]
    assert load_fields(catalog, [photo])[photo].city == "Shumshu Island"
