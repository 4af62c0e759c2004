"""Plain dataclasses of the domain: photos, their curated fields, import batches.

Nothing here imports anything else of the package; every layer may import the model.
"""

from __future__ import annotations

from photoarchive.model.batch import ImportBatch, ImportFailure
from photoarchive.model.collection import Category, Collection
from photoarchive.model.curated import CURATED_FIELD_NAMES, CuratedFields
from photoarchive.model.photo import Photo, TechnicalMetadata
from photoarchive.model.place import LocationShown, Place, PlaceName
from photoarchive.model.template import FieldTemplate

__all__ = [
    "CURATED_FIELD_NAMES",
    "Category",
    "Collection",
    "CuratedFields",
    "FieldTemplate",
    "ImportBatch",
    "ImportFailure",
    "LocationShown",
    "Photo",
    "Place",
    "PlaceName",
    "TechnicalMetadata",
]
