"""``model.structured``: the ``name=value;...`` syntax both ways, and the image regions' summary."""

from __future__ import annotations

from photoarchive.model.curated import FIELDS_BY_NAME
from photoarchive.model.structured import format_struct, parse_struct, region_summary

ARTWORKS = FIELDS_BY_NAME["artworks"]


def test_parse_and_format_round_trip_with_escapes() -> None:
    value = {"title": "A; B = C", "creator": ["Ivanov, P.", "Mint"], "source": "back\\slash"}
    text = format_struct(ARTWORKS, value)
    assert text == "title=A\\; B \\= C; creator=Ivanov\\, P., Mint; source=back\\\\slash"
    assert parse_struct(ARTWORKS, text) == value


def test_hyphens_name_members_and_a_list_member_takes_one_item() -> None:
    assert parse_struct(ARTWORKS, "source-inventory-number = KM-1 ; creator=Mint") == {
        "source_inventory_number": "KM-1",
        "creator": ["Mint"],
    }


def test_region_summary() -> None:
    region = {
        "Iptc4xmpExt:rId": "r1",
        "Iptc4xmpExt:Name": {"x-default": "Veteran"},
        "Iptc4xmpExt:RegionBoundary": {
            "Iptc4xmpExt:rbShape": "rectangle",
            "Iptc4xmpExt:rbUnit": "pixel",
            "Iptc4xmpExt:rbX": "10",
            "Iptc4xmpExt:rbY": "20",
            "Iptc4xmpExt:rbW": "30",
            "Iptc4xmpExt:rbH": "40",
        },
        "Iptc4xmpExt:rRole": [{"Iptc4xmpExt:Name": {"x-default": "subject area"}}],
    }
    assert region_summary(region) == 'r1 "Veteran": rectangle x=10 y=20 w=30 h=40 (pixel); roles: subject area'
