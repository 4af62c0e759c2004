"""Geotagging photos from a GPX track: match capture times to track times, propose, apply.

A camera's clock is rarely right and rarely knows its time zone. The curator gives:

- ``offset``: seconds to add to the camera's time to get the true time (a camera 2 minutes
  slow needs ``+120``), as ExifTool's Geosync does;
- ``timezone``: the zone the camera clock was set to (``Asia/Kamchatka``, ``+12:00``), used for
  capture times recorded without an offset; a time with its own offset keeps it.

GPX times are UTC. A photo taken between two track points gets the position interpolated
linearly in time between them (gpxpy reads the file but does not interpolate: its
``get_location_at`` returns the next point). Photos before or after the track, in a gap
longer than ``max_gap`` between two points (the logger was off), or without a capture time
are reported with their status and no position: they are never guessed. ``match_photos``
only proposes; ``apply_proposals`` writes the matched ones as one edit (``gps_source='gpx'``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import gpxpy
import gpxpy.gpx

from photoarchive.catalog import Catalog
from photoarchive.edits import Edit, apply_edit
from photoarchive.errors import ValidationError
from photoarchive.model import Photo

DEFAULT_MAX_GAP = 600.0  # seconds between two track points beyond which we do not interpolate

MATCHED, BEFORE, AFTER, GAP, NO_TIME, NO_ZONE = "matched", "before track", "after track", "gap", "no time", "no zone"


@dataclass(frozen=True)
class TrackPoint:
    time: datetime  # aware, UTC
    latitude: float
    longitude: float
    elevation: float | None = None


@dataclass
class Track:
    """The timed points of a GPX file, in time order, from every track and segment."""

    name: str
    points: list[TrackPoint]

    @property
    def start(self) -> datetime:
        return self.points[0].time

    @property
    def end(self) -> datetime:
        return self.points[-1].time


@dataclass
class Proposal:
    """Where a photo was, according to the track (or why the track cannot say)."""

    photo_id: int
    captured_at: str | None
    time: datetime | None  # the corrected capture time, UTC
    status: str
    latitude: float | None = None
    longitude: float | None = None
    altitude: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "photo": self.photo_id,
            "captured_at": self.captured_at,
            "time_utc": self.time.isoformat() if self.time else None,
            "status": self.status,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "altitude": self.altitude,
        }


def load_track(path: Path | str) -> Track:
    """Read a GPX file's track points that have times (routes and waypoints carry none)."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as source:
            gpx = gpxpy.parse(source)
    except OSError as error:
        raise ValidationError(f"{path}: cannot read ({error.strerror})", field="gpx") from error
    except (gpxpy.gpx.GPXException, ValueError) as error:
        raise ValidationError(f"{path}: not a GPX file ({error})", field="gpx") from error
    points = [
        TrackPoint(_utc(p.time), p.latitude, p.longitude, p.elevation)
        for track in gpx.tracks
        for segment in track.segments
        for p in segment.points
        if p.time is not None
    ]
    if not points:
        raise ValidationError(f"{path}: no track points with times", field="gpx")
    points.sort(key=lambda p: p.time)
    name = next((t.name for t in gpx.tracks if t.name), None) or gpx.name or path.stem
    return Track(name, points)


def parse_timezone(text: str | None) -> tzinfo | None:
    """A zone name (``Asia/Kamchatka``), ``UTC``, or a fixed offset (``+12:00``, ``-0330``)."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    match = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", text)
    if match:
        sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
        if hours > 14 or minutes > 59:
            raise ValidationError(f"time zone {text!r}: offset out of range", field="timezone")
        delta = timedelta(hours=hours, minutes=minutes)
        return timezone(-delta if sign == "-" else delta)
    if text.upper() in ("UTC", "Z", "GMT"):
        return UTC
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"time zone {text!r} is not a zone name (Asia/Kamchatka) or an offset (+12:00)", field="timezone"
        ) from None


def corrected_time(captured_at: str | None, offset: float = 0.0, zone: tzinfo | None = None) -> datetime | None:
    """The true UTC time of a capture time, or None when it is unknown or has no zone."""
    if not captured_at:
        return None
    when = datetime.fromisoformat(captured_at)
    if when.tzinfo is None:
        if zone is None:
            return None
        when = when.replace(tzinfo=zone)
    return (when + timedelta(seconds=offset)).astimezone(UTC)


def match_photos(
    track: Track,
    photos: Sequence[Photo],
    *,
    offset: float = 0.0,
    zone: tzinfo | str | None = None,
    max_gap: float = DEFAULT_MAX_GAP,
) -> list[Proposal]:
    """A proposal for each photo, in the order given; nothing is changed."""
    zone = parse_timezone(zone) if isinstance(zone, str) else zone
    times = [p.time for p in track.points]
    proposals = []
    for photo in photos:
        when = corrected_time(photo.captured_at, offset, zone)
        if when is None:
            status = NO_TIME if not photo.captured_at else NO_ZONE
            proposals.append(Proposal(photo.id, photo.captured_at, None, status))
            continue
        proposals.append(_locate(track, times, photo, when, max_gap))
    return proposals


def _locate(track: Track, times: list[datetime], photo: Photo, when: datetime, max_gap: float) -> Proposal:
    proposal = Proposal(photo.id, photo.captured_at, when, MATCHED)
    if when < track.start:
        proposal.status = BEFORE
        return proposal
    if when > track.end:
        proposal.status = AFTER
        return proposal
    index = bisect.bisect_left(times, when)
    after = track.points[index]
    if after.time == when:
        point = after
    else:
        before = track.points[index - 1]
        span = (after.time - before.time).total_seconds()
        if span > max_gap:
            proposal.status = GAP
            return proposal
        point = _interpolate(before, after, (when - before.time).total_seconds() / span)
    proposal.latitude, proposal.longitude, proposal.altitude = point.latitude, point.longitude, point.elevation
    return proposal


def _interpolate(a: TrackPoint, b: TrackPoint, fraction: float) -> TrackPoint:
    # Linear in degrees: track points are seconds apart, so the arc between them is straight
    # enough; longitude takes the short way across the antimeridian.
    delta_lon = (b.longitude - a.longitude + 540.0) % 360.0 - 180.0
    longitude = (a.longitude + delta_lon * fraction + 540.0) % 360.0 - 180.0
    elevation = None
    if a.elevation is not None and b.elevation is not None:
        elevation = a.elevation + (b.elevation - a.elevation) * fraction
    return TrackPoint(a.time, a.latitude + (b.latitude - a.latitude) * fraction, longitude, elevation)


def proposal_values(proposals: Sequence[Proposal]) -> dict[int, dict[str, Any]]:
    """The field values of the matched proposals, by photo id (``gps_source='gpx'``)."""
    return {
        p.photo_id: {
            "latitude": round(p.latitude, 7),
            "longitude": round(p.longitude, 7),
            "altitude": None if p.altitude is None else round(p.altitude, 2),
            "gps_source": "gpx",
        }
        for p in proposals
        if p.status == MATCHED and p.latitude is not None and p.longitude is not None  # a match has both
    }


def apply_proposals(catalog: Catalog, proposals: Sequence[Proposal], *, who: str | None = None) -> Edit:
    """Write the matched positions as one edit; the others are left alone."""
    values = proposal_values(proposals)
    return apply_edit(catalog, list(values), values.__getitem__, description=describe(len(values)), who=who)


def describe(count: int) -> str:
    return f"Geotag {count} photo{'s' if count != 1 else ''} from a GPX track"


def _utc(when: datetime) -> datetime:
    # GPX times are UTC by the schema; gpxpy leaves them naive when the file omits the "Z".
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
