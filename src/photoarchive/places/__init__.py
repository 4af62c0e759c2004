"""Places: the gazetteer of named places, GPS from places and GPX tracks, place suggestions.

Everything here works on a ``Catalog`` and changes photos only through
``photoarchive.edits.apply_edit``, so each change is validated, recorded and undoable.
"""

from __future__ import annotations

from photoarchive.places.assign import (
    Assignment,
    FarPhoto,
    add_place,
    assign_place,
    assign_places,
    describe_assignment,
    describe_far,
    edit_place,
    far_from_place,
    find_place,
    photo_values,
    photo_values_now,
    place_values,
    refresh_photos,
    remove_place,
)
from photoarchive.places.gazetteer import Gazetteer, clean_place

__all__ = [
    "Assignment",
    "FarPhoto",
    "Gazetteer",
    "add_place",
    "assign_place",
    "assign_places",
    "clean_place",
    "describe_assignment",
    "describe_far",
    "edit_place",
    "far_from_place",
    "find_place",
    "photo_values",
    "photo_values_now",
    "place_values",
    "refresh_photos",
    "remove_place",
]
