"""The IPTC and PLUS properties of issue 16 as curated fields (declared in ``model.curated``).

Text fields (``extended_description``, whose other languages are rows of ``translations``
like the caption's; ``digital_source_type``, ``model_release_status`` and
``property_release_status``, each a vocabulary's URI) are text, '' for none. ``persons_shown``
is a JSON list of names as ``keywords`` is. The structured fields are JSON: a structure
(``location_created``, ``creator_contact_info``) an object, '{}' for none; a list of
structures (``artworks``, ``contributors``, ``copyright_owners``, ``licensors``) and the
image regions kept as read (``image_regions``) an array, '[]' for none.
"""

from __future__ import annotations

NAME = "0016_iptc_properties"

SQL = """
ALTER TABLE photos ADD COLUMN extended_description TEXT NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN persons_shown TEXT NOT NULL DEFAULT '[]';
ALTER TABLE photos ADD COLUMN digital_source_type TEXT NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN artworks TEXT NOT NULL DEFAULT '[]';
ALTER TABLE photos ADD COLUMN image_regions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE photos ADD COLUMN creator_contact_info TEXT NOT NULL DEFAULT '{}';
ALTER TABLE photos ADD COLUMN contributors TEXT NOT NULL DEFAULT '[]';
ALTER TABLE photos ADD COLUMN copyright_owners TEXT NOT NULL DEFAULT '[]';
ALTER TABLE photos ADD COLUMN licensors TEXT NOT NULL DEFAULT '[]';
ALTER TABLE photos ADD COLUMN model_release_status TEXT NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN property_release_status TEXT NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN location_created TEXT NOT NULL DEFAULT '{}';
"""

POSTGRESQL = """
ALTER TABLE photos ADD COLUMN extended_description TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN persons_shown TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE photos ADD COLUMN digital_source_type TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN artworks TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE photos ADD COLUMN image_regions TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE photos ADD COLUMN creator_contact_info TEXT COLLATE "C" NOT NULL DEFAULT '{}';
ALTER TABLE photos ADD COLUMN contributors TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE photos ADD COLUMN copyright_owners TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE photos ADD COLUMN licensors TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE photos ADD COLUMN model_release_status TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN property_release_status TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE photos ADD COLUMN location_created TEXT COLLATE "C" NOT NULL DEFAULT '{}';
"""
