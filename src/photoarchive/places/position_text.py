"""A position typed by a curator, read as latitude and longitude; and a position written back.

Accepted, with any spacing:

- decimal degrees: ``50.7153, 156.2547``, ``50.7153 156.2547``, ``50.7153;156.2547``,
  ``-33.8688 151.2093``, ``50.7153N 156.2547E``;
- a comma as the decimal mark, as Russian (and most European) users type it:
  ``50,7153 156,2547`` or ``50,7153; 156,2547``. The rule that keeps this unambiguous: a comma
  followed by a space, or a semicolon, separates the two numbers; otherwise whitespace does,
  and then a comma between digits is a decimal mark. ``50.7153,156.2547`` (one comma, dots as
  decimal marks) is two numbers; ``50,7153,156,2547`` is refused as ambiguous;
- degrees, minutes and seconds: ``50°42'55"N 156°15'17"E``, ``50° 42′ 55″ N, 156° 15′ 17″ E``,
  ``N 50°42.917' E 156°15.283'``, ``50°42'55"S`` (south and west are negative), and the
  Russian abbreviations ``с. ш.``, ``ю. ш.``, ``в. д.``, ``з. д.``.

Latitude comes first, unless the hemisphere letters say otherwise (``156°E 50°N``).
``parse_position`` returns ``(latitude, longitude)`` or raises ``ValidationError`` naming
the field ``position``; empty text is ``None`` (no position). Pure: no catalog, no Qt.
"""

from __future__ import annotations

import re

from photoarchive.errors import ValidationError

FIELD = "position"
DECIMALS = 6  # about 0.1 m: more than any camera's GPS knows

_QUOTES = {"′": "'", "’": "'", "‘": "'", "´": "'", "`": "'", "″": '"', "“": '"', "”": '"', "º": "°", "˚": "°"}
_RUSSIAN = (
    (re.compile(r"с\.?\s*ш\.?", re.I), "N"),
    (re.compile(r"ю\.?\s*ш\.?", re.I), "S"),
    (re.compile(r"в\.?\s*д\.?", re.I), "E"),
    (re.compile(r"з\.?\s*д\.?", re.I), "W"),
)
_NUMBER = r"\d+(?:\.\d+)?"
_COORDINATE = (
    rf"(?P<pre{{n}}>[NSEW])?\s*(?P<sign{{n}}>[+-])?\s*(?P<deg{{n}}>{_NUMBER})\s*°?\s*"
    rf"(?:(?P<min{{n}}>{_NUMBER})\s*'\s*)?(?:(?P<sec{{n}}>{_NUMBER})\s*\"\s*)?(?P<post{{n}}>[NSEW](?![A-Z]))?"
)
_TWO = re.compile(rf"^\s*{_COORDINATE.format(n=1)}\s*{_COORDINATE.format(n=2)}\s*$", re.I)


def parse_position(text: str) -> tuple[float, float] | None:
    """The ``(latitude, longitude)`` a curator typed (see the module doc); None for no text."""
    typed = text.strip()
    if not typed:
        return None
    for old, new in _QUOTES.items():
        typed = typed.replace(old, new)
    typed = typed.replace("''", '"')
    for pattern, letter in _RUSSIAN:
        typed = pattern.sub(letter, typed)
    if re.search(r"[°'\"A-Za-z]", typed):
        latitude, longitude = _degrees(typed, text)
    else:
        latitude, longitude = _decimal(typed, text)
    if not -90 <= latitude <= 90:
        raise ValidationError(f"latitude {latitude:g} is not between -90 and 90 (is it the longitude?)", field=FIELD)
    if not -180 <= longitude <= 180:
        raise ValidationError(f"longitude {longitude:g} is not between -180 and 180", field=FIELD)
    return round(latitude, DECIMALS), round(longitude, DECIMALS)


def format_position(latitude: float | None, longitude: float | None) -> str:
    """A position as the field shows it (``50.7153, 156.2547``), read back by ``parse_position``."""
    if latitude is None or longitude is None:
        return ""
    return f"{_short(latitude)}, {_short(longitude)}"


def _short(value: float) -> str:
    return f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")


def _unreadable(text: str) -> ValidationError:
    return ValidationError(
        f"{text.strip()!r} is not a position: type latitude and longitude, such as 50.7153, 156.2547 "
        "or 50°42'55\"N 156°15'17\"E",
        field=FIELD,
    )


def _decimal(typed: str, text: str) -> tuple[float, float]:
    if ";" in typed or re.search(r",\s", typed):
        parts = re.split(r"\s*;\s*|,\s+", typed)
    elif re.search(r"\s", typed):
        parts = typed.split()
    elif typed.count(",") == 1 and "." in typed:
        parts = typed.split(",")
    else:
        parts = [typed]
    if len(parts) != 2:
        raise _unreadable(text)
    try:
        latitude, longitude = (float(part.replace(",", ".")) for part in parts)
    except ValueError:
        raise _unreadable(text) from None
    return latitude, longitude


def _degrees(typed: str, text: str) -> tuple[float, float]:
    # A comma between digits is a decimal mark; any other comma, or a semicolon, separates.
    typed = re.sub(r"(?<=\d),(?=\d)", ".", typed)
    typed = re.sub(r"[,;]", " ", typed)
    match = _TWO.match(typed)
    if match is None:
        raise _unreadable(text)
    letters = {key: (match[key] or "").upper() for key in ("pre1", "post1", "pre2", "post2")}
    if letters["pre1"] and letters["post1"] and not letters["pre2"]:  # "N 50 E 156": E begins the second
        letters["pre2"], letters["post1"] = letters["post1"], ""
    first, first_axis = _coordinate(match, 1, letters["pre1"], letters["post1"], text)
    second, second_axis = _coordinate(match, 2, letters["pre2"], letters["post2"], text)
    if first_axis == "lon" or second_axis == "lat":
        if first_axis == "lat" or second_axis == "lon":
            raise _unreadable(text)  # two latitudes, or two longitudes
        first, second = second, first
    return first, second


def _coordinate(match: re.Match[str], n: int, pre: str, post: str, text: str) -> tuple[float, str | None]:
    """One coordinate of the match, signed, and which axis its letter says (None: no letter)."""
    if pre and post:
        raise _unreadable(text)
    letter = pre or post
    minutes = float(match[f"min{n}"] or 0)
    seconds = float(match[f"sec{n}"] or 0)
    if minutes >= 60 or seconds >= 60:
        raise ValidationError(f"{text.strip()!r}: minutes and seconds go up to 59", field=FIELD)
    value = float(match[f"deg{n}"]) + minutes / 60 + seconds / 3600
    if match[f"sign{n}"] == "-":
        value = -value
    if letter in ("S", "W"):
        value = -abs(value)
    axis = {"N": "lat", "S": "lat", "E": "lon", "W": "lon"}.get(letter)
    return value, axis
