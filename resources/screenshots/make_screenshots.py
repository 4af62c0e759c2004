"""The README's screenshots, made offscreen from the sample archive.

Run from the checkout: ``python resources/screenshots/make_screenshots.py resources/screenshots``.
It builds the sample archive in a temporary folder, opens the main window at 1600x960 with
settings of its own (the first-run layout), and saves main-window.png (one photo with a
Russian caption), editor-several-photos.png (three photos: "multiple values"),
collection.png (the sample collection in its order), loupe.png, import.png (the summary of
an import with photos already in the archive and a damaged file) and welcome.png.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from photoarchive.catalog import Catalog
from photoarchive.catalog import collections as cs
from photoarchive.sample import build_sample_archive
from photoarchive.ui.app import configure
from photoarchive.ui.main_window import MainWindow
from photoarchive.ui.sources import COLLECTION, Source


def import_card(card: Path, archive: Path) -> Path:
    """A memory card's folder: three new photos (the sample's, cropped), two photos already
    in the archive, and a file cut short."""
    originals = sorted((archive / "originals").rglob("*.jpg"))
    card.mkdir(parents=True, exist_ok=True)
    for number, original in enumerate(originals[:3], 201):
        with Image.open(original) as image:
            exif = image.info.get("exif", b"")
            image.crop((40, 30, image.width - 40, image.height - 30)).save(
                card / f"SHU15_{number:04d}.jpg", quality=88, exif=exif
            )
    for original in originals[3:5]:
        shutil.copy(original, card / original.name)
    data = originals[5].read_bytes()
    (card / "SHU15_0299.jpg").write_bytes(data[: len(data) // 3])
    return card


def main() -> None:
    app = QApplication([])  # kept alive for the whole run
    configure(app)  # as the application starts: names, icon, translations (plural forms)
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
    # 5. the summary of an import: new photos, two already in the archive, a damaged file
    dialog = w.archive.import_photos([import_card(work / "card", root)])
    while not dialog.start_button.isEnabled():
        QTest.qWait(50)
    dialog.template.setCurrentIndex(dialog.template.count() - 1)
    dialog.start()
    while dialog.summary is None:
        QTest.qWait(50)
    settle()
    dialog.grab().save(str(out / "import.png"))
    dialog.close()
    w.close()
    cat.close()
    # 6. the welcome panel of an empty archive
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
