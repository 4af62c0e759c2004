"""Counts in the interface go through Qt's plural forms: "1 photo", "3 photos", never "1 photos"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from photoarchive import collections as collection_store
from photoarchive.catalog import Catalog
from photoarchive.ui.sources import BATCH, Source
from photoarchive.ui.tiles import TileLoader
from photoarchive.ui.translations import install_translations
from photoarchive.ui.widgets.map_panel import MapPanel
from tests.places.conftest import HEIGHT_171, add_photo
from tests.ui.conftest import ids_by_name


def test_the_english_plural_forms_are_installed_for_any_language(qapp) -> None:
    for locale in (QLocale(QLocale.Language.English), QLocale(QLocale.Language.Russian, QLocale.Country.Russia)):
        translators = install_translations(QApplication.instance(), locale)
        assert translators, locale.name()  # at least the English forms
        assert QCoreApplication.translate("PhotoGridModel", "x") == "x"  # untranslated text unchanged
        for translator in translators:
            QApplication.removeTranslator(translator)
    install_translations(QApplication.instance(), QLocale(QLocale.Language.English))


def test_map_panel_counts_one_photo(qtbot, catalog: Catalog, edits, tmp_path: Path) -> None:
    panel = MapPanel(catalog, edits=edits, tiles=TileLoader(tmp_path / "tiles", online=False))
    qtbot.addWidget(panel)
    panel.show_photos([add_photo(catalog, 0, gps=HEIGHT_171)])
    assert panel.summary.text() == "1 photo on the map"
    panel.show_photos([add_photo(catalog, n, gps=HEIGHT_171) for n in (1, 2)])
    assert panel.summary.text() == "2 photos on the map"


def test_window_texts_with_one_photo(qtbot, window) -> None:
    names = ids_by_name(window.catalog)
    window.bar.search.setText("Кокутан")
    qtbot.waitUntil(lambda: window.grid_model.rowCount() == 2, timeout=2000)
    window.bar.search.setText("SHU15_0153")
    qtbot.waitUntil(lambda: window.grid_model.rowCount() == 1, timeout=2000)
    assert window.bar.count.text() == "1 of 14"
    window.bar.search.clear()
    qtbot.waitUntil(lambda: window.grid_model.rowCount() == 14, timeout=2000)
    collection = window.collections.create("One photo")
    window.sources.select_source(Source("all"))
    window.select_photos([names["SHU15_0153.jpg"]])
    window.collections.add_to_target()
    assert window.statusBar().currentMessage() == "Added 1 photo to “One photo”."
    assert window.edits.stack.undoText() == "Add 1 photo to “One photo”"
    window.sources.select_source(Source("collection", collection.id))
    assert "1 photo ·" in window.banner.text()
    assert collection_store.get_collection(window.catalog, collection.id).photo_count == 1
    window.sources.select_source(Source(BATCH, window.catalog.batches()[0].id))
    assert window.bar.count.text() == "14 photos"


def test_no_count_is_left_unpluralised_in_the_ui_package() -> None:
    """A "{count} photos" in a tr() string reads "1 photos"; counts use %n and plural forms."""
    import re

    import photoarchive.ui

    folder = Path(photoarchive.ui.__file__).parent
    wrong = re.compile(r"\{(n|count|total|matched|done)\} (photos|files|folders|suggestions|places)")
    found = [
        f"{path.name}:{number}"
        for path in folder.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if wrong.search(line)
    ]
    assert not found


def test_every_count_has_its_english_forms() -> None:
    """A string with %n missing from photoarchive_en.ts shows "photo(s)": run
    resources/translations/update_translations.py after adding one."""
    import ast
    import xml.etree.ElementTree as ET

    import photoarchive.ui

    ui = Path(photoarchive.ui.__file__).parent
    ts = ui.parent / "resources" / "translations" / "photoarchive_en.ts"
    known = {m.findtext("source") for m in ET.parse(ts).getroot().iter("message")}
    in_code = {
        argument.value
        for path in ui.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        for argument in node.args
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str)
        if "%n" in argument.value or "%Ln" in argument.value
    }
    assert in_code and not in_code - known
