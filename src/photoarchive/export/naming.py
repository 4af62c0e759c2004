"""Output file names from a naming template, safe on every operating system and on the web.

Names are built from captions, titles and places that curators type in any script, so
``safe_name`` turns any text into a name that Windows, macOS and Linux all accept and that a
web server serves as it is:

- Unicode letters stay (Cyrillic and Japanese names are fine on every current system), in
  NFC so that macOS and Linux agree on the bytes;
- path separators, the characters Windows forbids (``<>:"/\\|?*``), the ones that mean
  something in a URL (``#%&;+``), control and format characters (a right-to-left override
  can disguise an extension) become ``_``; runs of spaces and ``_`` collapse to one ``_``;
- leading and trailing dots, spaces, ``_`` and ``-`` are removed, so no name is ``..``, hidden,
  or ends in a dot (which Windows drops);
- Windows' reserved device names (``CON``, ``NUL``, ``COM1``..., also with an extension) get a
  ``_`` in front;
- the UTF-8 length is limited (cut at a character boundary), leaving room for a suffix and an
  extension within the 255 bytes file systems allow;
- ``NameAllocator`` makes names unique, comparing them case-insensitively as Windows and
  macOS do, by appending ``-2``, ``-3``...

Written by hand because no maintained library covers this set (``pathvalidate`` comes
closest, but keeps URL-significant characters and does not make names unique).
"""

from __future__ import annotations

import re
import unicodedata

from photoarchive.files import numbered_name, truncate_utf8

MAX_STEM_BYTES = 120
FALLBACK = "photo"

_FORBIDDEN = set('<>:"/\\|?*#%&;+{}') | {"\u2028", "\u2029"}
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{p}{n}" for p in ("COM", "LPT") for n in "0123456789¹²³"
}
_RUNS = re.compile(r"[\s_]+")


def safe_name(text: str, *, max_bytes: int = MAX_STEM_BYTES, fallback: str = FALLBACK) -> str:
    """A file name stem (no extension) made from ``text``; see the module docstring."""
    text = unicodedata.normalize("NFC", text)
    chars = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in _FORBIDDEN or category in ("Cc", "Cf", "Cs", "Co", "Cn") or (category.startswith("Z") and ch != " "):
            chars.append("_")
        else:
            chars.append(ch)
    name = _RUNS.sub("_", "".join(chars))
    name = truncate_utf8(name, max_bytes)
    name = name.strip(" ._-")
    if not name:
        name = fallback
    if name.split(".")[0].upper().rstrip() in _RESERVED:
        name = "_" + name
    return name


class NameAllocator:
    """Hands out unique names in one folder, case-insensitively, with ``-2``, ``-3``... suffixes."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def allocate(self, stem: str, extension: str = "") -> str:
        # ``files.numbered_name``, from -2: "tank", "tank-2" reads as the second tank.
        limit = MAX_STEM_BYTES + len(extension.encode("utf-8"))
        name, number = stem + extension, 1
        while self._key(name) in self._taken:
            number += 1
            name = numbered_name(stem, number, extension, max_bytes=limit)
        self._taken.add(self._key(name))
        return name

    def reserve(self, name: str) -> None:
        """Mark a name as taken (a fixed file of the format, such as ``index.html``)."""
        self._taken.add(self._key(name))

    @staticmethod
    def _key(name: str) -> str:
        return unicodedata.normalize("NFC", name).casefold()
