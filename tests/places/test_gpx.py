"""GPX geotagging: time offsets, time zones, interpolation, photos outside the track."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_values
from photoarchive.edits import history
from photoarchive.errors import ValidationError
from photoarchive.places.gpx import (
    AFTER,
    BEFORE,
    GAP,
    MATCHED,
    NO_TIME,
    NO_ZONE,
    apply_proposals,
    corrected_time,
    load_track,
    match_photos,
    parse_timezone,
)
from tests.places.conftest import START, add_photo, write_gpx


@pytest.fixture
def track(tmp_path: Path):
    return load_track(write_gpx(tmp_path / "walk.gpx"))


def test_interpolates_between_points_in_the_chosen_zone(catalog: Catalog, track) -> None:
    # Naive camera time 09:02:30 in Kamchatka = 21:02:30 UTC: halfway between points 2 and 3.
    photo = catalog.photo(add_photo(catalog, 1, captured_at="2015-08-11T09:02:30"))
    (proposal,) = match_photos(track, [photo], zone="Asia/Kamchatka")
    assert proposal.status == MATCHED and proposal.time == START + timedelta(minutes=2, seconds=30)
    assert proposal.latitude == pytest.approx(50.7025) and proposal.longitude == pytest.approx(156.205)
    assert proposal.altitude == pytest.approx(22.5)
    # The same time as a fixed offset, and a time with its own offset needing no zone.
    assert match_photos(track, [photo], zone="+12:00")[0].latitude == pytest.approx(50.7025)
    own = catalog.photo(add_photo(catalog, 2, captured_at="2015-08-11T09:02:30+12:00"))
    assert match_photos(track, [own])[0].latitude == pytest.approx(50.7025)


def test_camera_clock_offset(catalog: Catalog, track) -> None:
    # The camera was 2 minutes slow: it said 09:01:00 when it was 09:03:00.
    photo = catalog.photo(add_photo(catalog, 1, captured_at="2015-08-11T09:01:00+12:00"))
    (proposal,) = match_photos(track, [photo], offset=120)
    assert proposal.latitude == pytest.approx(50.703) and proposal.longitude == pytest.approx(156.206)
    assert match_photos(track, [photo], offset=-3600)[0].status == BEFORE


def test_photos_outside_the_track_are_reported_not_guessed(catalog: Catalog, track) -> None:
    times = {
        "2015-08-11T08:59:59+12:00": BEFORE,
        "2015-08-11T09:30:00+12:00": GAP,  # the logger was off
        "2015-08-11T09:10:00+12:00": MATCHED,  # exactly the last point before the gap
        "2015-08-11T10:10:30+12:00": MATCHED,
        "2015-08-11T10:12:00+12:00": AFTER,
        "2015-08-11T09:05:00": NO_ZONE,
        None: NO_TIME,
    }
    photos = catalog.photos([add_photo(catalog, n, captured_at=t) for n, t in enumerate(times)])
    proposals = match_photos(track, photos)
    assert [p.status for p in proposals] == list(times.values())
    assert all(p.latitude is None for p in proposals if p.status != MATCHED)
    assert proposals[2].latitude == pytest.approx(50.71)


def test_apply_writes_matched_positions_as_one_edit(catalog: Catalog, track) -> None:
    ids = [add_photo(catalog, n, captured_at=f"2015-08-11T09:0{n}:30") for n in range(3)]
    ids.append(add_photo(catalog, 9, captured_at="2015-08-11T08:00:00"))
    proposals = match_photos(track, catalog.photos(ids), zone=parse_timezone("Asia/Kamchatka"))
    edit = apply_proposals(catalog, proposals)
    assert edit.photo_ids == ids[:3] and len(history(catalog)) == 1
    values = load_values(catalog, ids, ["latitude", "longitude", "altitude", "gps_source"])
    assert values[ids[0]] == {"latitude": 50.7005, "longitude": 156.201, "altitude": 20.5, "gps_source": "gpx"}
    assert values[ids[3]]["latitude"] is None


def test_time_zones_and_bad_files(tmp_path: Path) -> None:
    assert corrected_time("2015-08-11T09:00:00", 0, parse_timezone("UTC+12")) == START
    assert corrected_time("2015-08-11T09:00:00", 0, parse_timezone("-03:30")) == datetime(
        2015, 8, 11, 12, 30, tzinfo=UTC
    )
    with pytest.raises(ValidationError, match="not a zone name"):
        parse_timezone("Mars/Olympus")
    (tmp_path / "empty.gpx").write_text('<gpx version="1.1" creator="t"><wpt lat="1" lon="2"/></gpx>', encoding="utf-8")
    with pytest.raises(ValidationError, match="no track points with times"):
        load_track(tmp_path / "empty.gpx")
    (tmp_path / "junk.gpx").write_text("not xml at all", encoding="utf-8")
    with pytest.raises(ValidationError, match="not a GPX file"):
        load_track(tmp_path / "junk.gpx")
