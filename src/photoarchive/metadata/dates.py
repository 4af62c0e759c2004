"""Dates as the curated fields hold them (ISO 8601 text) and as EXIF, IIM and XMP store them.

The model keeps ``date_created`` as ISO 8601 text of the precision the curator knows: a year
(``1945``), a month (``1945-08``), a day (``1945-08-18``) or a date-time, with its UTC offset
when known (``2015-08-18T10:31:05+11:00``) and without one for the local time of a camera.
Each standard can hold only part of that, so the conversions below say what each keeps:

- EXIF DateTimeOriginal needs a full date and time; the fraction of a second goes to
  SubSecTimeOriginal and the offset to OffsetTimeOriginal.
- IIM 2:55 takes a date, with ``00`` for an unknown month or day (as IIM 4.2 says); 2:60
  takes a time only together with its offset, so a local time without one is left out.
- XMP photoshop:DateCreated takes any of the ISO forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

_ISO = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?"
    r"(?P<offset>Z|[+-]\d{2}:?\d{2})?)?)?)?"
)


@dataclass(frozen=True)
class IsoDate:
    """An ISO 8601 date of any precision, split into the parts the standards store."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    fraction: str = ""  # digits after the decimal point, as written
    offset: str = ""  # "+HH:MM", or "" when unknown

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    def date_text(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def time_text(self) -> str:
        """``HH:MM:SS`` with the fraction, without the offset; empty without a time."""
        if self.hour is None:
            return ""
        text = f"{self.hour:02d}:{self.minute:02d}:{self.second or 0:02d}"
        return f"{text}.{self.fraction}" if self.fraction else text

    def iso(self) -> str:
        if not self.has_time:
            return self.date_text()
        return f"{self.date_text()}T{self.time_text()}{self.offset}"

    def start(self) -> datetime:
        """The earliest moment the value can mean, for ordering the ends of a range."""
        return datetime(self.year, self.month or 1, self.day or 1, self.hour or 0, self.minute or 0, self.second or 0)


def parse_iso(text: str) -> IsoDate:
    """Parse ISO 8601 text of any precision; ``ValueError`` when it is not a real date."""
    match = _ISO.fullmatch(text.strip())
    if not match:
        raise ValueError(f"not an ISO 8601 date: {text!r}")
    g = match.groupdict()
    parsed = IsoDate(
        year=int(g["year"]),
        month=int(g["month"]) if g["month"] else None,
        day=int(g["day"]) if g["day"] else None,
        hour=int(g["hour"]) if g["hour"] else None,
        minute=int(g["minute"]) if g["minute"] else None,
        second=int(g["second"]) if g["second"] else None,
        fraction=g["fraction"] or "",
        offset=_normalize_offset(g["offset"] or ""),
    )
    # Let the standard library check the calendar (month 13, 31 February, hour 25).
    if parsed.has_time:
        datetime(
            parsed.year, parsed.month or 1, parsed.day or 1, parsed.hour or 0, parsed.minute or 0, parsed.second or 0
        )
    else:
        date(parsed.year, parsed.month or 1, parsed.day or 1)
    if parsed.offset:
        hours, minutes = int(parsed.offset[1:3]), int(parsed.offset[4:6])
        if hours > 14 or minutes > 59:
            raise ValueError(f"UTC offset out of range: {parsed.offset}")
    return parsed


def _normalize_offset(offset: str) -> str:
    if not offset:
        return ""
    if offset == "Z":
        return "+00:00"
    return offset if ":" in offset else f"{offset[:3]}:{offset[3:]}"


def normalize(text: str) -> str:
    """The canonical ISO form of a date the curator typed: seconds filled in, ``Z`` as +00:00."""
    parsed = parse_iso(text)
    if parsed.has_time and parsed.second is None:
        parsed = IsoDate(**{**parsed.__dict__, "second": 0})
    return parsed.iso()


def to_exif(text: str) -> tuple[str, str, str] | None:
    """(DateTimeOriginal, SubSecTimeOriginal, OffsetTimeOriginal), or None without a time."""
    parsed = parse_iso(text)
    if not parsed.has_time or parsed.day is None:
        return None
    stamp = (
        f"{parsed.year:04d}:{parsed.month:02d}:{parsed.day:02d} "
        f"{parsed.hour:02d}:{parsed.minute:02d}:{parsed.second or 0:02d}"
    )
    return stamp, parsed.fraction, parsed.offset


def from_exif(stamp: str, subsec: str = "", offset: str = "") -> str:
    """ISO text from EXIF's ``YYYY:MM:DD HH:MM:SS``; empty for the blank stamps cameras write."""
    stamp = stamp.strip().rstrip("\x00")
    match = re.fullmatch(r"(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})", stamp)
    if not match or match.group(1) == "0000":
        return ""
    y, mo, d, h, mi, s = match.groups()
    subsec = subsec.strip().rstrip("\x00")
    text = f"{y}-{mo}-{d}T{h}:{mi}:{s}" + (f".{subsec}" if subsec.isdigit() else "")
    offset = offset.strip().rstrip("\x00")
    if re.fullmatch(r"[+-]\d{2}:\d{2}", offset):
        text += offset
    try:
        return parse_iso(text).iso()
    except ValueError:
        return ""


def to_iim(text: str) -> tuple[str, str]:
    """(2:55 as exiv2 takes it ``YYYY-MM-DD``, 2:60 ``HH:MM:SS+HH:MM`` or empty)."""
    parsed = parse_iso(text)
    day = f"{parsed.year:04d}-{parsed.month or 0:02d}-{parsed.day or 0:02d}"
    if parsed.has_time and parsed.offset and parsed.day is not None:
        return day, f"{parsed.hour:02d}:{parsed.minute:02d}:{parsed.second or 0:02d}{parsed.offset}"
    return day, ""


def from_iim(day: str, time: str = "") -> str:
    """ISO text from exiv2's rendering of IIM 2:55 (``YYYY-MM-DD``) and 2:60."""
    match = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", day.strip())
    if not match or match.group(1) == "0000":
        return ""
    y, mo, d = match.groups()
    if mo == "00":
        return y
    if d == "00":
        return f"{y}-{mo}"
    text = f"{y}-{mo}-{d}"
    tm = re.fullmatch(r"(\d{2}):?(\d{2}):?(\d{2})([+-]\d{2}:?\d{2})?", time.strip())
    if tm:
        text += f"T{tm.group(1)}:{tm.group(2)}:{tm.group(3)}{_normalize_offset(tm.group(4) or '')}"
    try:
        return parse_iso(text).iso()
    except ValueError:
        return ""


def from_xmp(text: str) -> str:
    """ISO text from an XMP date, which is ISO 8601 already but may be sloppy."""
    try:
        return parse_iso(text).iso()
    except ValueError:
        return ""


def compatible(a: str, b: str) -> bool:
    """True when two dates agree as far as the less precise of them goes.

    IIM without a time and EXIF without an offset hold less than XMP; that is not a conflict.
    """
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter) or (
        # A local time equals the same time with an offset as far as it goes.
        len(shorter) >= 19 and longer[:19] == shorter[:19] and not re.search(r"[+-]\d\d:\d\d$", shorter)
    )


def borrow_offset(local: str, other: str) -> str:
    """``local`` with the UTC offset of ``other`` when both name the same second and only
    ``other`` has an offset.

    Files whose EXIF is older than 2.31 cannot hold OffsetTimeOriginal; the writer then keeps
    the offset in IIM and XMP only, and this gives it back to the EXIF date-time on reading.
    """
    has_offset = re.compile(r"[+-]\d{2}:\d{2}$")
    if len(local) >= 19 and local[:19] == other[:19] and not has_offset.search(local):
        match = has_offset.search(other)
        if match:
            return local + match.group(0)
    return local
