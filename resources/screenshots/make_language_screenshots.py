"""Screenshots of the editor translating (issue 14), from the sample archive.

Run from the checkout: ``python resources/screenshots/make_language_screenshots.py OUT_DIR``.
It builds the sample archive in a temporary folder, makes its languages en (the default),
ru and ja, gives the photo of a Japanese tank its headline and caption in Russian and
Japanese (and another photo a different Russian caption), and saves, with the window at
1366x728 (a 1366x768 laptop's available area):

- editor-languages-1366.png: the caption typed in Russian beside the English, read-only;
- editor-languages-ru-1366.png: the window in Russian, the same photo in Japanese beside
  the English;
- editor-languages-ja-1366.png: the window in Japanese, two photos selected in Russian
  beside the English ("multiple values" where they differ).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QLocale, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from photoarchive.catalog import Catalog
from photoarchive.edits import apply_edit, set_archive_languages
from photoarchive.sample import build_sample_archive
from photoarchive.ui.app import configure
from photoarchive.ui.main_window import MainWindow
from photoarchive.ui.translations import install_translations

SIZE = (1366, 728)
TANK = {
    "headline[ru]": "Остов японского лёгкого танка",
    "caption[ru]": "Остов японского лёгкого танка под высотой 171. Танки 11-го танкового полка контратаковали "
    "здесь советский десант 18 августа 1945 года.",
    "headline[ja]": "日本軍軽戦車の残骸",
    "caption[ja]": "171高地の麓に残る日本軍軽戦車の残骸。1945年8月18日、戦車第11連隊の戦車がここでソ連軍上陸部隊に反撃した。",
}
BUNKER = {"caption[ru]": "Японский дот на мысе Кокутан, обращённый к Первому Курильскому проливу."}


def settle() -> None:
    for _ in range(60):
        QTest.qWait(30)


def save(widget, path: Path) -> None:
    """The widget's picture in 256 colours, as make_screenshots.py saves the README's."""
    image = widget.grab().toImage()
    data = QBuffer()
    data.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(data, "PNG")
    with Image.open(io.BytesIO(bytes(data.data()))) as picture:
        picture.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(path)


def shot(root: Path, work: Path, path: Path, names: list[str], language: str, beside: str, ui: str = "") -> None:
    """The window with ``names`` selected, the editor in ``language`` beside ``beside``."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app, QLocale(ui)) if ui else []
    if ui:
        QLocale.setDefault(QLocale(ui))
    catalog = Catalog(root)
    window = MainWindow(catalog, QSettings(str(work / f"settings-{path.stem}.ini"), QSettings.Format.IniFormat))
    window.resize(*SIZE)
    window.show()
    settle()
    ids = {p.original_name: p.id for p in catalog.list_photos(order="imported")}
    window.select_photos([ids[name] for name in names])
    settle()
    switch = window.editor.languages.switch
    switch.buttons[language].click()
    switch.side_by_side.click()
    switch.beside_box.setCurrentIndex(switch.beside_box.findData(beside))
    switch.beside_box.activated.emit(switch.beside_box.currentIndex())
    window.editor.verticalScrollBar().setValue(0)
    settle()
    save(window, path)
    window.close()
    catalog.close()
    for translator in translators:
        app.removeTranslator(translator)
    if ui:
        configure(app)


def main() -> None:
    app = QApplication([])
    configure(app)
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        root = work / "Shumshu 2015 (sample)"
        build_sample_archive(root, workers=1)
        with Catalog(root) as catalog:
            set_archive_languages(catalog, ["en", "ru", "ja"])
            ids = {p.original_name: p.id for p in catalog.list_photos(order="imported")}
            apply_edit(catalog, [ids["SHU15_0115.jpg"]], TANK, description="Russian and Japanese")
            apply_edit(catalog, [ids["SHU15_0107.jpg"]], BUNKER, description="Russian")
        shot(root, work, out / "editor-languages-1366.png", ["SHU15_0115.jpg"], "ru", "en")
        shot(root, work, out / "editor-languages-ru-1366.png", ["SHU15_0115.jpg"], "ja", "en", ui="ru")
        shot(root, work, out / "editor-languages-ja-1366.png", ["SHU15_0115.jpg", "SHU15_0107.jpg"], "ru", "en", "ja")
    del app


if __name__ == "__main__":
    main()
