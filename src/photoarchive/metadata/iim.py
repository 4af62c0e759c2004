"""Text in IPTC IIM: character sets (dataset 1:90) and byte limits.

IIM stores bytes; dataset 1:90 names their character set with an ISO 2022 escape sequence,
``ESC % G`` for UTF-8, which is all we write. Files written before UTF-8 became usual
(Photoshop, FotoStation, newspaper systems of the 1990s and 2000s) carry no marker and hold
whatever code page the writer's computer used: Windows-1252 (Latin-1) on Western systems,
Windows-1251 on Russian ones. Without a marker we take UTF-8 when the bytes decode as UTF-8
(ASCII is a subset; legacy text almost never happens to be valid UTF-8, as Photini and
digiKam also reason) and a legacy code page otherwise: the one the curator named, or the one
``guess_legacy`` finds most plausible.

The guess is a rule that can be explained: each candidate decoding is split into words, and
a word is implausible when it mixes Latin and Cyrillic letters ("Jьrgen" is "Jürgen" read as
Cyrillic), when a symbol sits between its letters ("ñ÷àñòüå"), or when it is a Latin word
made mostly of accented letters ("Ïîäáèòûé" is Cyrillic read as Western). The decoding with
the fewest implausible words wins; bytes a code page leaves undefined rule it out.

Text that no candidate decodes is salvaged with replacement characters, and the caller says
so in a warning: a damaged value never stops an import, and no undecodable byte (a Python
surrogate) goes on to SQLite or exiv2.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# 1:90 = ESC % G: the IIM text is UTF-8 (what we always write).
UTF8_MARKER = b"\x1b%G"
# ISO 2022 designations met in IIM files (IIM 4.2 appendix C and what Photini recognises).
_MARKERS: dict[bytes, str] = {
    UTF8_MARKER: "utf-8",
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


# The legacy code pages we tell apart: Russian (Cyrillic) and Western European; when both read
# the bytes equally well, the first (the project's long-standing default) is taken.
LEGACY_CANDIDATES = ("cp1251", "cp1252")


@dataclass(frozen=True)
class Decoded:
    text: str
    legacy: bool = False  # the bytes were not UTF-8 (nor in a marked character set)
    salvaged: bool = False  # some bytes could not be decoded: replacement characters stand for them


def is_utf8(raw: bytes) -> bool:
    try:
        bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_value(raw: bytes, charset: str | None, legacy: str) -> Decoded:
    """Decode one value: in its marked character set, else UTF-8, else the legacy code page."""
    raw = bytes(raw).rstrip(b"\x00")
    if charset and charset != "utf-8":
        try:
            return Decoded(raw.decode(charset))
        except UnicodeDecodeError:
            return Decoded(raw.decode(charset, errors="replace"), salvaged=True)
    try:
        return Decoded(raw.decode("utf-8"))
    except UnicodeDecodeError:
        # Not UTF-8, even where a marker says so (some tools wrote the marker over legacy
        # text): the legacy code page is a better guess than replacement characters.
        pass
    try:
        return Decoded(raw.decode(legacy), legacy=True)
    except UnicodeDecodeError:
        return Decoded(raw.decode(legacy, errors="replace"), legacy=True, salvaged=True)


def decode(raw: bytes, charset: str | None, legacy: str) -> tuple[str, bool]:
    """Decode one IIM value; returns (text, True when it needed the legacy code page)."""
    decoded = decode_value(raw, charset, legacy)
    return decoded.text, decoded.legacy


def guess_legacy(values: Iterable[bytes], candidates: Iterable[str] = LEGACY_CANDIDATES) -> str:
    """The legacy code page that reads these (non-UTF-8) values most plausibly; see the module."""
    data = [bytes(v) for v in values]
    best, best_score = "", float("inf")
    for candidate in candidates:
        score = 0
        for raw in data:
            try:
                text = raw.decode(candidate)
            except UnicodeDecodeError:
                score += 1000  # a byte this code page does not define: not what the writer used
                text = raw.decode(candidate, errors="replace")
            score += implausible_words(text)
        if score < best_score:
            best, best_score = candidate, score
    return best


def implausible_words(text: str) -> int:
    """A count of the words of ``text`` that no writer would have written (see the module);
    a word mixing scripts counts twice."""
    count = 0
    for word in text.split():
        latin = cyrillic = accented = symbols = 0
        letters_seen = False
        pending_symbol = False
        for char in word:
            if char.isalpha():
                if "\u0400" <= char <= "\u04ff":
                    cyrillic += 1
                elif char.isascii():
                    latin += 1
                elif "\u00c0" <= char <= "\u024f":
                    latin += 1
                    accented += 1
                if pending_symbol:
                    symbols += 1
                letters_seen, pending_symbol = True, False
            elif letters_seen and not char.isascii() and unicodedata.category(char)[0] in "SP":
                if unicodedata.category(char) not in ("Pd", "Pf", "Pi", "Po") or char in "\u00b7\u00bf\u00a1":
                    pending_symbol = True
            else:
                pending_symbol = False
        if latin and cyrillic:
            count += 2  # the surest sign of a wrong guess
        if symbols:
            count += 1
        if latin >= 2 and accented * 2 > latin:
            count += 1
    return count


def is_truncation(iim_value: str, full_value: str, max_bytes: int) -> bool:
    """True when ``iim_value`` is ``full_value`` cut at the IIM byte limit (MWG: IIM loses).

    The cut falls between characters, so it may stop up to three bytes short of the limit.
    """
    if not iim_value or len(full_value) <= len(iim_value) or not full_value.startswith(iim_value):
        return False
    size = len(iim_value.encode("utf-8"))
    return max_bytes - 3 <= size <= max_bytes < len(full_value.encode("utf-8"))
