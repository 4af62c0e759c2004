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
"""

from __future__ import annotations

CAMERA, GPX, EDITED = "camera", "gpx", "edited"
FROM_PLACE, FROM_LOCATION_SHOWN = "place", "location_shown"
NOT_TAKEN_AT = frozenset({FROM_PLACE, FROM_LOCATION_SHOWN})


def is_taken_at(gps_source: str | None) -> bool:
    """Whether a position of this source is where the photo was taken (EXIF GPS may say it).

    An unknown source (None: an archive from before sources were recorded, which the
    migration marks ``camera`` anyway) counts as taken at: it came from the file's EXIF.
    """
    return gps_source not in NOT_TAKEN_AT
