"""The lens and the exposure a photo was taken with (EXIF LensModel, ExposureTime, FNumber,
ISO, FocalLength), read at import for the editor's and the loupe's Info. Photos imported
before have none of them (NULL): the Info shows what is known."""

from __future__ import annotations

NAME = "0010_exposure"

SQL = """
ALTER TABLE photos ADD COLUMN lens TEXT;
-- as EXIF writes it, a fraction of a second or seconds: "1/250", "2"
ALTER TABLE photos ADD COLUMN exposure_time TEXT;
ALTER TABLE photos ADD COLUMN f_number REAL;
ALTER TABLE photos ADD COLUMN iso INTEGER;
-- in millimetres, the lens's (not the 35 mm equivalent)
ALTER TABLE photos ADD COLUMN focal_length REAL;
"""

POSTGRESQL = """
ALTER TABLE photos ADD COLUMN lens TEXT COLLATE "C";
ALTER TABLE photos ADD COLUMN exposure_time TEXT COLLATE "C";
ALTER TABLE photos ADD COLUMN f_number DOUBLE PRECISION;
ALTER TABLE photos ADD COLUMN iso BIGINT;
ALTER TABLE photos ADD COLUMN focal_length DOUBLE PRECISION;
"""
