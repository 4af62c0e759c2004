"""Fixtures for the places tests: photos recorded directly in the catalog, the Shumshu gazetteer, a GPX walk
and a small index of cities."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.model import Place, PlaceName
from photoarchive.places import add_place
from photoarchive.places.suggest import City, CityIndex


@pytest.fixture
def catalog(backend_catalog: Catalog) -> Catalog:
    """Each test runs on SQLite and on PostgreSQL (``backend_catalog``)."""
    return backend_catalog


CITIES = CityIndex(
    [
        City("2122850", "Kasivobara", 50.67328, 156.12371, "RU", 2422),
        City("2121385", "Petropavlovsk-Kamchatsky", 53.04444, 158.65076, "RU", 187282),
        City("2128295", "Sapporo", 43.06667, 141.35, "JP", 1883027),
        City("2078025", "Adamstown", -25.06597, -130.10147, "PN", 0),
        City("4036284", "Apia", -13.83333, -171.76666, "WS", 40407),
    ]
)

# A walk on Shumshu on 2015-08-10 from 21:00 UTC (09:00 the next morning, Kamchatka time, UTC+12):
# one point a minute going north-east, then the logger is off for an hour, then two more points.
START = datetime(2015, 8, 10, 21, 0, tzinfo=UTC)


def write_gpx(path: Path) -> Path:
    points = [(START + timedelta(minutes=i), 50.70 + i * 0.001, 156.20 + i * 0.002, 20.0 + i) for i in range(11)]
    later = START + timedelta(minutes=70)
    points += [(later, 50.80, 156.40, 5.0), (later + timedelta(minutes=1), 50.801, 156.401, 6.0)]
    trkpts = "\n".join(
        f'<trkpt lat="{lat}" lon="{lon}"><ele>{ele}</ele><time>{t:%Y-%m-%dT%H:%M:%SZ}</time></trkpt>'
        for t, lat, lon, ele in points
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">\n'
        f"<trk><name>Shumshu walk</name><trkseg>\n{trkpts}\n</trkseg></trk></gpx>\n",
        encoding="utf-8",
    )
    return path


def add_photo(
    catalog: Catalog,
    n: int,
    *,
    captured_at: str | None = "2015-08-10T09:00:00",
    gps: tuple[float, float] | None = None,
) -> int:
    """A photo row without a file behind it (the places code never opens originals)."""
    values: dict[str, object] = {
        "sha256": f"{n:064x}",
        "original_path": f"2015/IMG_{n:04d}.JPG",
        "original_name": f"IMG_{n:04d}.JPG",
        "source_path": f"/card/IMG_{n:04d}.JPG",
        "size": 1000 + n,
        "format": "JPEG",
        "captured_at": captured_at,
        "imported_at": "2015-09-01T00:00:00+00:00",
    }
    if gps is not None:
        values.update(latitude=gps[0], longitude=gps[1], gps_source="camera")
    return catalog.add_photo(values)


@dataclass
class Shumshu:
    russia: Place
    oblast: Place
    kurils: Place
    island: Place
    height: Place
    cape: Place
    beach: Place


HEIGHT_171 = (50.7153, 156.2547)
CAPE_KOKUTAN = (50.6681, 156.1394)
LANDING_BEACH = (50.8567, 156.4364)
SHUMSHU = (50.7686, 156.3000)


def build_shumshu(catalog: Catalog) -> Shumshu:
    russia = add_place(
        catalog, Place("Russia", kind="country", alt_names=[PlaceName("Россия", "ru"), PlaceName("ロシア", "ja")])
    )
    oblast = add_place(
        catalog,
        Place(
            "Sakhalin Oblast",
            kind="region",
            parent_id=russia.id,
            alt_names=[PlaceName("Сахалинская область", "ru"), PlaceName("サハリン州", "ja")],
        ),
    )
    kurils = add_place(
        catalog,
        Place(
            "Kuril Islands",
            kind="archipelago",
            parent_id=oblast.id,
            alt_names=[PlaceName("Курильские острова", "ru"), PlaceName("千島列島", "ja")],
        ),
    )
    island = add_place(
        catalog,
        Place(
            "Shumshu",
            kind="island",
            parent_id=kurils.id,
            latitude=SHUMSHU[0],
            longitude=SHUMSHU[1],
            radius=15000,
            alt_names=[PlaceName("Шумшу", "ru"), PlaceName("占守島", "ja"), PlaceName("Shimushu", "en")],
            geonames_id="2121215",
            wikidata_id="Q1049609",
        ),
    )
    height = add_place(
        catalog,
        Place(
            "Height 171",
            parent_id=island.id,
            latitude=HEIGHT_171[0],
            longitude=HEIGHT_171[1],
            radius=400,
            alt_names=[PlaceName("Высота 171", "ru"), PlaceName("四嶺山", "ja")],
        ),
    )
    cape = add_place(
        catalog,
        Place(
            "Cape Kokutan",
            parent_id=island.id,
            latitude=CAPE_KOKUTAN[0],
            longitude=CAPE_KOKUTAN[1],
            radius=500,
            alt_names=[PlaceName("мыс Кокутан", "ru"), PlaceName("国端崎", "ja")],
        ),
    )
    beach = add_place(
        catalog,
        Place(
            "Soviet landing beach",
            kind="site",
            parent_id=island.id,
            latitude=LANDING_BEACH[0],
            longitude=LANDING_BEACH[1],
            radius=800,
            alt_names=[PlaceName("место высадки советского десанта", "ru"), PlaceName("ソ連軍上陸地点", "ja")],
        ),
    )
    return Shumshu(russia, oblast, kurils, island, height, cape, beach)


@pytest.fixture
def shumshu(catalog: Catalog) -> Shumshu:
    return build_shumshu(catalog)
