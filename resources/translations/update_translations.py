#!/usr/bin/env python3
"""Extract the interface's strings, keep the translations current and compile them.

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
3. each translation (``photoarchive_ru.ts``, ``photoarchive_ja.ts``: see ``LANGUAGES``) is
   merged by lupdate: new strings come in unfinished, the translations done are kept, and
   strings gone from the code are marked ``vanished`` (kept for Qt Linguist to reuse).
   lupdate would flatten the plural messages it cannot see as such (step 2), so their
   forms are read before the merge and put back after it; a new one gets as many empty
   forms as the language has (Russian three: "%n фотография", "%n фотографии",
   "%n фотографий"; Japanese one);
4. ``pyside6-lrelease`` compiles every ``.qm``, which ``ui/translations.py`` loads.

New strings are then translated in Qt Linguist (or in the ``.ts`` itself) and the script is
run again to compile them; ``tests/ui/test_translations.py`` fails while any is unfinished
or a ``.qm`` is older than its ``.ts``. A new language: add it to ``LANGUAGES`` and run.
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
# The translations kept current, with the number of plural forms of each language.
LANGUAGES = {"ru": 3, "ja": 1}


def english_forms(source: str) -> tuple[str, str]:
    """The singular and plural English text of a message with a count."""
    return ENDING.sub("", source), ENDING.sub(lambda m: m.group(1), source)


def sources() -> list[str]:
    return [str(p) for p in sorted([*SOURCES.rglob("*.py"), *MODEL.glob("*.py")])]


def write_ts(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree)
    with ts.open("wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
        handle.write(b"\n")


def compile_qm(ts: Path) -> None:
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def update_english() -> int:
    """photoarchive_en.ts: the English forms of the messages with a count (step 2)."""
    with tempfile.TemporaryDirectory() as work:
        extracted = Path(work) / "all.ts"
        subprocess.run(
            ["pyside6-lupdate", "-silent", *sources(), "-locations", "none", "-target-language", "en",
             "-ts", str(extracted)],
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
    write_ts(tree, ts)
    compile_qm(ts)
    return kept


def key(context: ET.Element, message: ET.Element) -> tuple[str, str, str]:
    return (context.findtext("name") or "", message.findtext("source") or "", message.findtext("comment") or "")


def plural_forms(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """The translations of the plural messages of ``ts``, before lupdate flattens them."""
    if not ts.exists():
        return {}
    found: dict[tuple[str, str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") == "yes" and translation is not None:
                found[key(context, message)] = translation
    return found


def update_language(language: str, forms: int) -> tuple[int, int]:
    """Merge the strings into ``photoarchive_<language>.ts`` (step 3); returns the number
    of messages and of those still unfinished."""
    ts = OUT / f"photoarchive_{language}.ts"
    before = plural_forms(ts)
    subprocess.run(
        ["pyside6-lupdate", "-silent", *sources(), "-locations", "none", "-target-language", language,
         "-ts", str(ts)],
        check=True,
    )  # fmt: skip
    tree = ET.parse(ts)
    total = unfinished = 0
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if COUNT.search(message.findtext("source") or ""):
                message.set("numerus", "yes")
                old = before.get(key(context, message))
                state = translation.get("type")
                translation.clear()
                if old is not None:
                    translation.extend(old.findall("numerusform")[:forms])
                    # lupdate's own verdict (vanished, obsolete) stands; else the one before
                    if state in ("vanished", "obsolete"):
                        translation.set("type", state)
                    elif old.get("type"):
                        translation.set("type", old.get("type") or "")
                else:
                    translation.set("type", "unfinished")
                while len(translation.findall("numerusform")) < forms:
                    ET.SubElement(translation, "numerusform").text = ""
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            total += 1
            unfinished += translation.get("type") == "unfinished"
    write_ts(tree, ts)
    compile_qm(ts)
    return total, unfinished


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    kept = update_english()
    print(f"{kept} messages with counts in photoarchive_en.ts")
    for language, forms in LANGUAGES.items():
        total, unfinished = update_language(language, forms)
        print(f"photoarchive_{language}.ts: {total} messages, {unfinished} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
