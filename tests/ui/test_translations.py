"""The Russian and Japanese translations of the window: complete, faithful to the source's
placeholders and accelerators, compiled, and loaded in the language chosen.

When a test here fails after a string changed in ``src/photoarchive/ui``: run
``python resources/translations/update_translations.py``, translate what it reports as
unfinished (Qt Linguist, or the ``.ts`` itself), and run it again to compile.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QMenu

from photoarchive.ui.translations import LANGUAGE, LANGUAGES, install_translations, interface_locale, language_menu

REPO = Path(__file__).resolve().parents[2]
FOLDER = REPO / "src" / "photoarchive" / "resources" / "translations"
# %1, %n, %Ln, %v, %m, %p (Qt's) and {name}, {date:%Y} (str.format's)
PLACEHOLDER = re.compile(r"%L?n|%\d|%[vmp]|\{[^{}]*\}")
ACCELERATOR = re.compile(r"&(?=[^&\s])")


def update_script() -> ModuleType:
    path = REPO / "resources" / "translations" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = update_script()
TRANSLATED = sorted(SCRIPT.LANGUAGES)  # ru, ja


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """The messages of a .ts that are in use (not vanished or obsolete), by context and source."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            found[(context.findtext("name") or "", message.findtext("source") or "")] = message
    return found


def forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


@pytest.fixture(scope="module")
def in_code(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """Every string of the code, as lupdate extracts it now."""
    lupdate = shutil.which("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate comes with PySide6"
    extracted = tmp_path_factory.mktemp("lupdate") / "all.ts"
    subprocess.run([lupdate, "-silent", *SCRIPT.sources(), "-locations", "none", "-ts", str(extracted)], check=True)
    return set(messages(extracted))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_of_the_code_is_translated(language: str, in_code: set[tuple[str, str]]) -> None:
    # translate() under another name (tr = QCoreApplication.translate) reads as tr(text, comment)
    assert not [source for context, source in in_code if not context or not source], "lupdate misread a call"
    known = messages(FOLDER / f"photoarchive_{language}.ts")
    assert not in_code - set(known), "not in the .ts: run update_translations.py"
    unfinished = [
        source
        for (context, source), message in known.items()
        if (context, source) in in_code
        if message.find("translation[@type='unfinished']") is not None or not all(forms(message))
    ]
    assert not unfinished


@pytest.mark.parametrize("language", TRANSLATED)
def test_counts_have_every_plural_form_of_the_language(language: str) -> None:
    for (_context, source), message in messages(FOLDER / f"photoarchive_{language}.ts").items():
        if SCRIPT.COUNT.search(source):
            assert message.get("numerus") == "yes", source
            assert len(forms(message)) == SCRIPT.LANGUAGES[language], source


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_placeholders_and_the_accelerator(language: str) -> None:
    wrong = []
    for (_context, source), message in messages(FOLDER / f"photoarchive_{language}.ts").items():
        if message.find("translation[@type='unfinished']") is not None:
            continue  # reported as unfinished above
        for text in forms(message):
            if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text)):
                wrong.append(f"placeholders: {source!r} -> {text!r}")
            if len(ACCELERATOR.findall(source)) != len(ACCELERATOR.findall(text)):
                wrong.append(f"accelerator: {source!r} -> {text!r}")
    assert not wrong


@pytest.mark.parametrize("language", ["en", *TRANSLATED])
def test_each_qm_is_compiled_from_its_ts(language: str, tmp_path: Path) -> None:
    ts = FOLDER / f"photoarchive_{language}.ts"
    fresh = tmp_path / "fresh.qm"
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), "stale .qm: run update_translations.py"


def test_the_language_follows_the_system_unless_one_is_chosen(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert interface_locale(settings) == QLocale.system()
    settings.setValue(LANGUAGE, "ja")
    assert interface_locale(settings).language() == QLocale.Language.Japanese
    settings.setValue(LANGUAGE, "xx")  # not one of ours: the system's
    assert interface_locale(settings) == QLocale.system()


def test_the_language_menu_remembers_the_choice_for_the_next_start(qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    said: list[str] = []
    menu = language_menu(settings, said.append, None)  # a menu of its own
    qtbot.addWidget(menu)
    choices = {action.data(): action for action in menu.actions() if action.isCheckable()}
    assert set(choices) == {"", *LANGUAGES} and choices[""].isChecked()
    choices["ru"].trigger()
    assert settings.value(LANGUAGE) == "ru" and said
    assert not choices[""].isChecked()
    again = language_menu(settings, said.append, None)
    qtbot.addWidget(again)
    assert [a.data() for a in again.actions() if a.isChecked()] == ["ru"]


def shown_texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator() and a.text()]


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_window_in_the_language(language: str, qtbot, sample_catalog, settings) -> None:
    """Menus translated, with one accelerator each and none twice in a menu; Qt's own buttons too."""
    from PySide6.QtWidgets import QDialogButtonBox

    from photoarchive.ui.main_window import MainWindow
    from photoarchive.ui.models.place_tree_model import kind_label

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app, QLocale(language))
    try:
        assert len(translators) == 3  # the English plural forms, ours, Qt's
        window = MainWindow(sample_catalog, settings, import_workers=1)
        qtbot.addWidget(window)
        english = {source for _context, source in messages(FOLDER / "photoarchive_ru.ts")}
        menus = [window.menuBar().actions()]
        menus += [menu.actions() for menu in window.menus.values()]
        menus += [a.menu().actions() for m in window.menus.values() for a in m.actions() if isinstance(a.menu(), QMenu)]
        untranslated, doubled = [], []
        for actions in menus:
            keys = []
            for action in actions:
                text = action.text()
                if action.isSeparator() or not text or text in LANGUAGES.values():
                    continue
                if text in english and text not in ("XMP", "GPX…"):
                    untranslated.append(text)
                keys += [m.group(1).lower() for m in re.finditer(r"&([^&\s])", text)]
            doubled += [k for k, n in Counter(keys).items() if n > 1]
        assert not untranslated and not doubled
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() not in ("Cancel", "&Cancel")
        assert QCoreApplication.translate("GridBar", "%Ln photo(s)", "", 5) != "5 photos"
        assert kind_label("island") != "island"  # a place's kind, a key in the catalog, shown translated
        window.close()
    finally:
        for translator in translators:  # the session's English forms stay (conftest)
            app.removeTranslator(translator)


def test_the_update_script_keeps_translations_and_their_plural_forms(tmp_path: Path, monkeypatch) -> None:
    """lupdate alone would flatten a count it cannot see (translate(context, text, "", n))
    to one form; the script puts the translated forms back, marks a string gone from the
    code as vanished, and gives a new count the language's three empty forms."""
    code = tmp_path / "ui"
    code.mkdir()
    (code / "panel.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def texts(n):\n"
        '    return [QCoreApplication.translate("Panel", "%n photo(s)", "", n),\n'
        '            QCoreApplication.translate("Panel", "Hello")]\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(SCRIPT, "SOURCES", code)
    monkeypatch.setattr(SCRIPT, "MODEL", tmp_path / "no-model")
    monkeypatch.setattr(SCRIPT, "OUT", tmp_path)
    assert SCRIPT.update_language("ru", 3) == (2, 2)
    ts = tmp_path / "photoarchive_ru.ts"
    tree = ET.parse(ts)  # translated, as in Qt Linguist
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type")
        if message.get("numerus") == "yes":
            for text, form in zip(["%n фотография", "X", "X"], translation.findall("numerusform"), strict=True):
                form.text = text
        else:
            translation.text = "Привет"
    tree.write(ts, encoding="utf-8")
    assert SCRIPT.update_language("ru", 3) == (2, 0)
    found = messages(ts)
    assert forms(found[("Panel", "%n photo(s)")]) == ["%n фотография", "X", "X"]
    assert forms(found[("Panel", "Hello")]) == ["Привет"]
    (code / "panel.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def texts(n):\n"
        '    return [QCoreApplication.translate("Panel", "%n file(s)", "", n)]\n',
        encoding="utf-8",
    )
    assert SCRIPT.update_language("ru", 3) == (1, 1)
    found = messages(ts)
    assert set(found) == {("Panel", "%n file(s)")} and forms(found[("Panel", "%n file(s)")]) == ["", "", ""]
    assert ts.read_text(encoding="utf-8").count('type="vanished"') == 2  # kept for Qt Linguist to reuse
    assert (tmp_path / "photoarchive_ru.qm").exists()
