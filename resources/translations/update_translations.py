#!/usr/bin/env python3
"""Extract the interface's strings and build the English plural forms.

Run from the checkout after changing strings in ``src/photoarchive/ui``::

    python resources/translations/update_translations.py

1. ``pyside6-lupdate`` reads ``src/photoarchive/ui``, and the labels and group titles of the
   curated fields that ``src/photoarchive/model`` marks with ``QT_TRANSLATE_NOOP``, into
   ``photoarchive_en.ts`` (package data, ``src/photoarchive/resources/translations``);
2. every message with a count (``%n`` or ``%Ln``) is made a plural message, with its English
   forms written out ("%n photo(s)" becomes "%n photo" and "%n photos"); the others are
   dropped, since English is the source language. lupdate does not see the count of a
   ``QCoreApplication.translate(context, text, "", n)`` call in Python, hence this step.
   Only nouns take "(s)": phrase a count so that no verb has to agree with it ("Needs
   attention: %n photo(s)"), and give ``translate`` a plain name as its count (lupdate
   misses a string whose count is a call such as ``len(ids)``);
3. ``pyside6-lrelease`` compiles ``photoarchive_en.qm``, which ``ui/translations.py`` loads.

A translator starts a language with ``pyside6-lupdate src/photoarchive/ui src/photoarchive/model
-ts src/photoarchive/resources/translations/photoarchive_ru.ts -target-language ru`` and Qt
Linguist; ``pyside6-lrelease`` makes its ``.qm``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / "src" / "photoarchive" / "ui"
MODEL = REPO / "src" / "photoarchive" / "model"  # the curated fields' labels (QT_TRANSLATE_NOOP)
OUT = REPO / "src" / "photoarchive" / "resources" / "translations"
COUNT = re.compile(r"%L?n")
# "(s)" after a word is its English plural ending; "(es)" likewise.
ENDING = re.compile(r"\((e?s)\)")


def english_forms(source: str) -> tuple[str, str]:
    """The singular and plural English text of a message with a count."""
    return ENDING.sub("", source), ENDING.sub(lambda m: m.group(1), source)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        extracted = Path(work) / "all.ts"
        subprocess.run(
            ["pyside6-lupdate", *map(str, sorted([*SOURCES.rglob("*.py"), *MODEL.glob("*.py")])), "-locations", "none",
             "-target-language", "en", "-ts", str(extracted)],
            check=True,
        )  # fmt: skip
        tree = ET.parse(extracted)
    root = tree.getroot()
    kept = 0
    for context in list(root.iter("context")):
        for message in list(context.iter("message")):
            source = message.findtext("source") or ""
            if not COUNT.search(source):
                context.remove(message)
                continue
            message.set("numerus", "yes")
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.clear()
            for form in english_forms(source):
                ET.SubElement(translation, "numerusform").text = form
            kept += 1
        if context.find("message") is None:
            root.remove(context)
    ts = OUT / "photoarchive_en.ts"
    ET.indent(tree)
    with ts.open("wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
        handle.write(b"\n")
    subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    print(f"{kept} messages with counts in {ts.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
