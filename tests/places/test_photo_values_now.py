"""What a photo gets from a place, read from its position fields as they are when asked."""

from __future__ import annotations

from photoarchive.catalog import Catalog
from photoarchive.edits import apply_edit
from photoarchive.model.position import FROM_PLACE
from photoarchive.places import Gazetteer, assign_place, photo_values_now
from tests.places.conftest import HEIGHT_171, Shumshu, add_photo


def test_a_camera_position_is_kept_and_a_position_from_the_place_follows_the_place(
    catalog: Catalog, shumshu: Shumshu
) -> None:
    camera = add_photo(catalog, 1, gps=(50.70, 156.20))
    placed = add_photo(catalog, 2)
    assign_place(catalog, [placed], shumshu.height)  # positioned at Height 171, from the place
    gazetteer = Gazetteer.load(catalog)
    kept = photo_values_now(catalog, gazetteer, shumshu.cape, camera)
    assert kept["place_id"] == shumshu.cape.id and "latitude" not in kept and kept["city"] == "Shumshu"
    moved = photo_values_now(catalog, gazetteer, shumshu.cape, placed)
    assert (moved["latitude"], moved["longitude"], moved["gps_source"]) == (
        shumshu.cape.latitude,
        shumshu.cape.longitude,
        FROM_PLACE,
    )
    # Read when asked: once the curator types a position, the place no longer moves it.
    apply_edit(catalog, [placed], {"latitude": HEIGHT_171[0], "longitude": HEIGHT_171[1], "gps_source": "edited"})
    assert "latitude" not in photo_values_now(catalog, gazetteer, shumshu.cape, placed)
