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

from photoarchive.metadata.variables import Template

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
    name = _truncate_utf8(name, max_bytes)
    name = name.strip(" ._-")
    if not name:
        name = fallback
    if name.split(".")[0].upper().rstrip() in _RESERVED:
        name = "_" + name
    return name


def _truncate_utf8(text: str, max_bytes: int) -> str:
    data = text.encode("utf-8")
    if len(data) <= max_bytes:
        return text
    return data[:max_bytes].decode("utf-8", errors="ignore")


class NameAllocator:
    """Hands out unique names in one folder, case-insensitively, with ``-2``, ``-3``... suffixes."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def allocate(self, stem: str, extension: str = "") -> str:
        candidate, number = stem, 1
        while self._key(candidate + extension) in self._taken:
            number += 1
            suffix = f"-{number}"
            candidate = _truncate_utf8(stem, MAX_STEM_BYTES - len(suffix)).rstrip(" ._-") + suffix
        self._taken.add(self._key(candidate + extension))
        return candidate + extension

    def reserve(self, name: str) -> None:
        """Mark a name as taken (a fixed file of the format, such as ``index.html``)."""
        self._taken.add(self._key(name))

    @staticmethod
    def _key(name: str) -> str:
        return unicodedata.normalize("NFC", name).casefold()


def name_stem(template: Template, values: dict[str, object]) -> str:
    """The safe stem for one photo: the template filled in, then made safe."""
    return safe_name(template.render(values))
