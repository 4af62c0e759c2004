"""Where a photo's position came from, and which positions say where it was taken.

A photo's position (``latitude``, ``longitude``, ``altitude``) has a source, ``gps_source``:

- ``camera``: the camera's GPS, read from the file at import;
- ``gpx``: matched from a GPS track by the capture time;
- ``edited``: typed by the curator;
- ``place``: the centre of the gazetteer place assigned to the photo, an estimate that may be
  kilometres off (Shumshu is 15 km across);
- ``location_shown``: the position of the place shown, as another tool wrote it into the
  file's XMP location shown (where the subject is, not where the camera stood).

EXIF GPS is read by every tool as the camera's position, where the photo was taken (the
Metadata Working Group's reading of it). So ``is_taken_at`` is the one rule both writers
follow (``photoarchive write`` and export): a camera, GPX or typed position is written as
EXIF GPS; a place's centre and a position of the place shown go only into the XMP location
shown. Every position goes into the location shown as well.

A position far from the photo's place: a page that says "Height 171, Shumshu, Russia" over
coordinates in Italy contradicts itself. The rule, stated once here (``is_far_from_place``),
is used by the assignment (``places.assign``, which warns) and by "Needs attention"
(``catalog.attention``): a position taken at (camera, GPX, typed) is far from its place when
its distance from the place's position is more than ``max(radius * 3, radius + 5 km)``, the
radius being the place's own (or its kind's default). Three radii allow for a place's radius
being a rough figure; the 5 km margin, for a small place (a bunker of 50 m) photographed
from a hill nearby.
"""

from __future__ import annotations

import math

CAMERA, GPX, EDITED = "camera", "gpx", "edited"
# A photo's position and where it came from (columns of the photo, as load_values reads them).
POSITION_FIELDS: tuple[str, ...] = ("latitude", "longitude", "altitude", "gps_source")
# Those and the photo's place: what assigning a place reads, and may change.
PLACED_FIELDS: tuple[str, ...] = (*POSITION_FIELDS, "place_id")
FROM_PLACE, FROM_LOCATION_SHOWN = "place", "location_shown"
NOT_TAKEN_AT = frozenset({FROM_PLACE, FROM_LOCATION_SHOWN})


def is_taken_at(gps_source: str | None) -> bool:
    """Whether a position of this source is where the photo was taken (EXIF GPS may say it).

    An unknown source (None: an archive from before sources were recorded, which the
    migration marks ``camera`` anyway) counts as taken at: it came from the file's EXIF.
    """
    return gps_source not in NOT_TAKEN_AT


FAR_FACTOR = 3.0
FAR_MARGIN_M = 5000.0
EARTH_RADIUS_M = 6_371_000.0


def distance_m(latitude: float, longitude: float, other_latitude: float, other_longitude: float) -> float:
    """The great-circle distance between two positions, in metres (haversine)."""
    phi1, phi2 = math.radians(latitude), math.radians(other_latitude)
    dphi = phi2 - phi1
    dlambda = math.radians(other_longitude - longitude)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def far_limit_m(radius: float | None) -> float:
    """How far from a place's position a photo taken there may be: max(radius * 3, radius + 5 km)."""
    radius = max(radius or 0.0, 0.0)
    return max(radius * FAR_FACTOR, radius + FAR_MARGIN_M)


def is_far_from_place(
    position: tuple[float, float] | None,
    gps_source: str | None,
    place_position: tuple[float, float] | None,
    radius: float | None,
) -> bool:
    """Whether a photo's position contradicts its place (see the module doc). A position
    taken from the place or the place shown is the place's own: never far."""
    if position is None or place_position is None or not is_taken_at(gps_source):
        return False
    return distance_m(*position, *place_position) > far_limit_m(radius)
