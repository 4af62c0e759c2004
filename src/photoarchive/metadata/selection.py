"""Rating, colour label and flag in XMP, as Lightroom, Bridge, digiKam and Photo Mechanic write them.

The fields are declared in ``model.curated`` (their tags and, for the choices, each tool's
code); this module holds the rules that tie the tags together, which a one-tag-per-field
table cannot say:

- ``xmp:Rating`` holds the stars (0-5); a reject is ``xmp:Rating`` -1, as Bridge writes it
  (and Lightroom reads it). Writing a reject keeps the photo's stars in our own namespace
  (``photoarchive:Rating``), so that reading our file back loses nothing; other tools see -1.
- The flag is also ``digiKam:PickLabel`` (1 rejected, 3 accepted; 2 "pending" reads as no
  flag). Reading, a PickLabel of 1 or 3 decides the flag; without one, ``xmp:Rating`` -1
  is a reject.
- The colour label is ``xmp:Label`` with the English name Lightroom writes ("Red"; Bridge's
  default names "Select", "Second", "Approved", "Review", "To Do" are read as the same
  colours; case is ignored), then ``digiKam:ColorLabel``, then Photo Mechanic's
  ``photomechanic:ColorClass`` (its numbered classes by their default colours). Writing
  sets all three. A label text that names none of the five colours (a renamed Lightroom
  label set, an orange digiKam label) is not kept: the catalog has the five colours only;
  ``read_values`` reports it so that the reader can warn.

Values come out as the reader's raw values (text), shaped by ``read.model_value``.
"""

from __future__ import annotations

import math

import exiv2

from photoarchive.metadata import exiv2io
from photoarchive.metadata.fields import XmpType
from photoarchive.model.curated import (
    DIGIKAM_PICK,
    FIELDS_BY_NAME,
    PM_COLOR_CLASS,
    REJECTED_RATING,
    CuratedFields,
)

RATING, LABEL, FLAG = (FIELDS_BY_NAME[name] for name in ("rating", "label", "flag"))
REJECT_RATING = "-1"  # xmp:Rating of a reject (Bridge)
PICK, REJECT = "pick", "reject"
PM_PREFS = PM_COLOR_CLASS.rsplit(".", 1)[0] + ".Prefs"


def _text(xmp: exiv2.XmpData, key: str) -> str:
    value = exiv2io.xmp_get(xmp, key)
    if isinstance(value, list):
        value = value[0] if value else None
    return (value or "").strip()


def _stars(text: str) -> int | None:
    """xmp:Rating is an XMP Real: "3", "3.0"; None when it is no number."""
    try:
        number = float(text)
    except ValueError:
        return None
    return round(number) if math.isfinite(number) else None


def read_values(xmp: exiv2.XmpData) -> tuple[dict[str, str], list[str]]:
    """The rating, label and flag one XMP packet holds (only those it holds, as text), and
    warnings for values that cannot be kept."""
    values: dict[str, str] = {}
    warnings: list[str] = []
    low, high = RATING.limits or (0, 5)

    rating_text = _text(xmp, RATING.xmp.key)
    stars = _stars(rating_text) if rating_text else None
    rejected_by_rating = stars is not None and stars < 0
    if rejected_by_rating:
        stars = _stars(_text(xmp, REJECTED_RATING))
    if stars is not None and low <= stars <= high:
        values["rating"] = str(stars)
    elif rating_text and not rejected_by_rating:
        warnings.append(f"xmp:Rating {rating_text!r} is not a rating of {low} to {high}; not kept")

    pick = _text(xmp, DIGIKAM_PICK)
    flags = {c.code(DIGIKAM_PICK): c.value for c in FLAG.choices}
    if pick in flags:
        values["flag"] = flags[pick]
    elif rejected_by_rating:
        values["flag"] = REJECT

    label = _label(xmp, warnings)
    if label:
        values["label"] = label
    return values, warnings


def _label(xmp: exiv2.XmpData, warnings: list[str]) -> str:
    name = _text(xmp, LABEL.xmp.key)
    if name:
        chosen = LABEL.choice_named(name)
        if chosen is not None:
            return chosen.value
        warnings.append(f"xmp:Label {name!r} is none of {', '.join(c.label for c in LABEL.choices)}; not kept")
        return ""
    for key in LABEL.also:
        code = _text(xmp, key) or (_prefs_color_class(xmp) if key == PM_COLOR_CLASS else "")
        if code:
            found = next((c.value for c in LABEL.choices if c.code(key) == code), "")
            if not found and code != "0":
                warnings.append(f"{key.split('.', 1)[1]} {code!r} has no colour label of ours; not kept")
            return found
    return ""


def _prefs_color_class(xmp: exiv2.XmpData) -> str:
    """The colour class in Photo Mechanic's ``Prefs`` ("Tagged:0, ColorClass:3, Rating:0,
    FrameNum:-00001", or "0:3:0:-00001" as older versions wrote it), which it writes beside or
    instead of ``ColorClass``."""
    prefs = _text(xmp, PM_PREFS)
    parts = [p.strip().rpartition(":")[2].strip() for p in prefs.split(",")] if "," in prefs else prefs.split(":")
    return parts[1].strip() if len(parts) >= 2 else ""


def apply_values(xmp: exiv2.XmpData, fields: CuratedFields) -> None:
    """Set the selection tags in ``xmp`` to what ``fields`` holds (and remove the others)."""
    for key in (RATING.xmp.key, *RATING.also, LABEL.xmp.key, *LABEL.also, FLAG.xmp.key, *FLAG.also):
        exiv2io.xmp_delete(xmp, key)
    rating, label, flag = fields.rating, fields.label, fields.flag
    if flag == REJECT:
        exiv2io.xmp_set(xmp, RATING.xmp.key, XmpType.INTEGER, REJECT_RATING)
        if rating is not None:
            exiv2io.xmp_set(xmp, REJECTED_RATING, XmpType.INTEGER, str(rating))
    elif rating is not None:
        exiv2io.xmp_set(xmp, RATING.xmp.key, XmpType.INTEGER, str(rating))
    chosen = LABEL.choice(label)
    if chosen is not None:
        exiv2io.xmp_set(xmp, LABEL.xmp.key, XmpType.TEXT, chosen.label)
        for key, code in chosen.codes:
            exiv2io.xmp_set(xmp, key, XmpType.INTEGER, code)
    picked = FLAG.choice(flag)
    if picked is not None:
        for key, code in picked.codes:
            exiv2io.xmp_set(xmp, key, XmpType.INTEGER, code)
