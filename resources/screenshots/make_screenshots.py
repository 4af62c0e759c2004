"""The README's screenshots, made offscreen from the sample archive.

Run from the checkout: ``python resources/screenshots/make_screenshots.py resources/screenshots``.
It builds the sample archive in a temporary folder, opens the main window at 1600x960 with
settings of its own (the first-run layout), and saves main-window.png (one photo with a
Russian caption), editor-several-photos.png (three photos: "multiple values"),
collection.png (the sample collection in its order), loupe.png and welcome.png.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from photoarchive.catalog import Catalog
from photoarchive.catalog import collections as cs
from photoarchive.sample import build_sample_archive
from photoarchive.ui.main_window import MainWindow
from photoarchive.ui.sources import COLLECTION, Source


def main() -> None:
    _app = QApplication([])  # kept alive for the whole run
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="photoarchive-screenshots-"))
    root = work / "Shumshu 2015 (sample)"
    if root.exists():
        shutil.rmtree(root)
    build_sample_archive(root)
    ini = work / "settings.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    cat = Catalog(root)
    w = MainWindow(cat, settings)
    w.resize(1600, 960)
    w.show()
    QTest.qWait(400)
    names = {p.original_name: p.id for p in cat.list_photos(order="imported")}

    def settle():
        for _ in range(30):
            QTest.qWait(30)

    # 1. main window, one photo with a Russian caption selected
    w.select_photos([names["SHU15_0107.jpg"]])
    settle()
    w.grab().save(str(out / "main-window.png"))
    # 2. several photos selected: mixed values
    w.select_photos([names["SHU15_0115.jpg"], names["SHU15_0116.jpg"], names["SHU15_0150.jpg"]])
    settle()
    w.editor.verticalScrollBar().setValue(0)
    settle()
    w.grab().save(str(out / "editor-several-photos.png"))
    # 3. a collection in its own order
    collection = cs.list_collections(cat)[0]
    w.sources.select_source(Source(COLLECTION, collection.id))
    settle()
    w.select_photos([names["SHU15_0102.jpg"]])
    settle()
    w.grab().save(str(out / "collection.png"))
    # 4. the loupe
    w.open_loupe(names["SHU15_0150.jpg"])
    w.loupe.resize(1100, 800)
    settle()
    w.loupe.grab().save(str(out / "loupe.png"))
    w.loupe.close()
    w.close()
    cat.close()
    # 5. the welcome panel of an empty archive
    empty = work / "New archive"
    if empty.exists():
        shutil.rmtree(empty)
    ini.unlink(missing_ok=True)
    cat2 = Catalog(empty)
    w2 = MainWindow(cat2, QSettings(str(ini), QSettings.Format.IniFormat))
    w2.resize(1300, 800)
    w2.show()
    settle()
    w2.grab().save(str(out / "welcome.png"))
    w2.close()
    cat2.close()
    shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
