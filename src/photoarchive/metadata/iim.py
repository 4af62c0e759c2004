"""Text in IPTC IIM: character sets (dataset 1:90) and byte limits.

IIM stores bytes; dataset 1:90 names their character set with an ISO 2022 escape sequence,
``ESC % G`` for UTF-8, which is all we write. Files written before UTF-8 became usual
(Photoshop, FotoStation, newspaper systems of the 1990s and 2000s) carry no marker and hold
whatever code page the writer's computer used: Windows-1251 on Russian systems, which is why
the legacy code page is a parameter. Without a marker we take UTF-8 when the bytes decode as
UTF-8 (ASCII is a subset; legacy Cyrillic text almost never happens to be valid UTF-8) and
the legacy code page otherwise, as Photini and digiKam do.
"""

from __future__ import annotations

import codecs

# ISO 2022 designations met in IIM files (IIM 4.2 appendix C and what Photini recognises).
_MARKERS: dict[bytes, str] = {
    b"\x1b%G": "utf-8",
    b"\x1b(B": "ascii",
    b"\x1b-A": "iso8859-1",
    b"\x1b.A": "iso8859-1",
    b"\x1b-B": "iso8859-2",
    b"\x1b-C": "iso8859-3",
    b"\x1b-D": "iso8859-4",
    b"\x1b-L": "iso8859-5",
    b"\x1b-G": "iso8859-6",
    b"\x1b-F": "iso8859-7",
    b"\x1b-H": "iso8859-8",
    b"\x1b-M": "iso8859-9",
}


def charset_of_marker(marker: bytes | None) -> str | None:
    """The Python codec that a 1:90 value names; None when absent or not recognised."""
    if not marker:
        return None
    return _MARKERS.get(bytes(marker).rstrip(b"\x00"))


def check_codec(name: str) -> str:
    """The canonical name of a codec, or ``LookupError`` for a code page Python lacks."""
    return codecs.lookup(name).name


def decode(raw: bytes, charset: str | None, legacy: str) -> tuple[str, bool]:
    """Decode one IIM value; returns (text, True when it needed the legacy code page)."""
    raw = bytes(raw).rstrip(b"\x00")
    if charset and charset != "utf-8":
        return raw.decode(charset, errors="replace"), False
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        # Not UTF-8, even where a marker says so (some tools wrote the marker over legacy
        # text): the legacy code page is a better guess than replacement characters.
        return raw.decode(legacy, errors="replace"), True


def truncate_utf8(text: str, max_bytes: int) -> str:
    """The longest prefix of ``text`` whose UTF-8 form fits ``max_bytes``, cut between characters."""
    data = text.encode("utf-8")
    if len(data) <= max_bytes:
        return text
    # Decoding with "ignore" drops the partial sequence at the cut, never a whole character.
    return data[:max_bytes].decode("utf-8", errors="ignore")


def is_truncation(iim_value: str, full_value: str, max_bytes: int) -> bool:
    """True when ``iim_value`` is ``full_value`` cut at the IIM byte limit (MWG: IIM loses).

    The cut falls between characters, so it may stop up to three bytes short of the limit.
    """
    if not iim_value or len(full_value) <= len(iim_value) or not full_value.startswith(iim_value):
        return False
    size = len(iim_value.encode("utf-8"))
    return max_bytes - 3 <= size <= max_bytes < len(full_value.encode("utf-8"))
