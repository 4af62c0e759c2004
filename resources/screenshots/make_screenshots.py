"""The README's screenshots, made offscreen from the sample archive.

Run from the checkout: ``python resources/screenshots/make_screenshots.py resources/screenshots``.
It builds the sample archive in a temporary folder and, for a 1366x768 laptop and a
1920x1080 screen (the window at the screen's available size, with settings of its own: the
first-run layout), saves NAME-1366.png and NAME-1920.png for: main-window (one photo with a
Japanese caption), editor-several-photos (three photos: "multiple values"), collection (the
sample collection in its order), places (the place hierarchy in the sources and the Places
tab), map (the offline world map around Shumshu), loupe (with its Info panel, key I) and
welcome (an empty archive); and once import.png (the summary of an import with photos
already in the archive and a damaged file), export.png (the export dialog of the collection)
and template-preview.png (what a template would change on three photos); and at 1366 the
window in Russian and in Japanese (main-window-ru-1366.png, main-window-ja-1366.png: the
photo with the Japanese caption) with a dialog each (export-ru.png, export-ja.png). The PNGs
are reduced to 256 colours so that they stay small in the repository.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QLocale, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from photoarchive.catalog import Catalog
from photoarchive.catalog import collections as cs
from photoarchive.sample import build_sample_archive
from photoarchive.templates import template_preview
from photoarchive.ui.app import configure
from photoarchive.ui.dialogs.template_preview_dialog import TemplatePreviewDialog
from photoarchive.ui.main_window import MainWindow
from photoarchive.ui.sources import ALL_PHOTOS, COLLECTION, PLACE, Source
from photoarchive.ui.translations import install_translations


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


# The window's size on each screen: the available area, less a panel and the title bar.
SCREENS = {1366: (1366, 728), 1920: (1920, 1040)}


def save(widget, path: Path) -> None:
    """The widget's picture, in 256 colours (the app's flat colours and text survive it)."""
    image = widget.grab().toImage()
    data = QBuffer()
    data.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(data, "PNG")
    with Image.open(io.BytesIO(bytes(data.data()))) as shot:
        shot.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def settle() -> None:
    for _ in range(30):
        QTest.qWait(30)


def window_shots(root: Path, work: Path, out: Path, width: int, card: Path | None) -> None:
    """The main window's screenshots at one screen size (and the import summary if ``card``)."""
    ini = work / f"settings-{width}.ini"
    ini.unlink(missing_ok=True)
    cat = Catalog(root)
    w = MainWindow(cat, QSettings(str(ini), QSettings.Format.IniFormat))
    w.resize(*SCREENS[width])
    w.show()
    settle()
    names = {p.original_name: p.id for p in cat.list_photos(order="imported")}
    # one photo with a caption in Japanese selected
    w.select_photos([names["SHU15_0130.jpg"]])
    settle()
    save(w, out / f"main-window-{width}.png")
    # the offline world map around Shumshu (the Map tab, zoomed out from the photo)
    w.docks.panels[0].raise_()
    w.map_panel.canvas.center_on(50.3, 156.0, 6)
    settle()
    save(w, out / f"map-{width}.png")
    # several photos selected: mixed values
    w.select_photos([names["SHU15_0115.jpg"], names["SHU15_0116.jpg"], names["SHU15_0150.jpg"]])
    settle()
    w.editor.verticalScrollBar().setValue(0)
    settle()
    save(w, out / f"editor-several-photos-{width}.png")
    # the place hierarchy: in the sources (with counts) and the Places tab
    w.docks.panels[1].raise_()
    height = next(p.id for p in w.places_panel.gazetteer.places.values() if p.name == "Height 171")
    w.sources.select_source(Source(PLACE, height))
    settle()
    w.select_photos([names["SHU15_0134.jpg"]])
    w.places_panel.select_place(height)
    w.sources.verticalScrollBar().setValue(w.sources.verticalScrollBar().maximum())
    settle()
    save(w, out / f"places-{width}.png")
    w.docks.panels[0].raise_()
    w.sources.select_source(ALL_PHOTOS)
    # a collection in its own order
    collection = cs.list_collections(cat)[0]
    w.sources.select_source(Source(COLLECTION, collection.id))
    settle()
    w.select_photos([names["SHU15_0102.jpg"]])
    settle()
    save(w, out / f"collection-{width}.png")
    if card is not None:  # the dialogs once: their size is not the screen's
        # the export dialog of the collection (the settings of its last export)
        export = w.archive.export_collection()
        if export is not None:
            settle()
            save(export, out / "export.png")
            export.close()
        # the preview of a template on three photos, one credited to someone else, before
        # it is applied (the credit typed is undone after)
        three = [names["SHU15_0115.jpg"], names["SHU15_0116.jpg"], names["SHU15_0150.jpg"]]
        w.edits.apply(three[:1], {"creator": "A. Petrov", "source": ""}, "screenshot")
        preview = TemplatePreviewDialog(template_preview(cat, "Sample Expedition 2015", three), w)
        preview.show()
        settle()
        save(preview, out / "template-preview.png")
        preview.close()
        w.edits.stack.undo()
    # the loupe with its Info panel
    w.open_loupe(names["SHU15_0150.jpg"])
    w.loupe.resize(*SCREENS[width])
    w.loupe.toggle_facts()
    settle()
    save(w.loupe, out / f"loupe-{width}.png")
    w.loupe.close()
    if card is not None:
        # the summary of an import: new photos, two already in the archive, a damaged file
        dialog = w.archive.import_photos([card])
        while not dialog.start_button.isEnabled():
            QTest.qWait(50)
        dialog.template.setCurrentIndex(dialog.template.count() - 1)
        dialog.start()
        while dialog.summary is None:
            QTest.qWait(50)
        settle()
        save(dialog, out / "import.png")
        dialog.close()
    w.close()
    cat.close()


def welcome_shot(work: Path, out: Path, width: int) -> None:
    """The welcome panel of an empty archive."""
    empty = work / f"New archive {width}"
    ini = work / f"welcome-{width}.ini"
    cat = Catalog(empty)
    w = MainWindow(cat, QSettings(str(ini), QSettings.Format.IniFormat))
    w.resize(*SCREENS[width])
    w.show()
    settle()
    save(w, out / f"welcome-{width}.png")
    w.close()
    cat.close()


def language_shots(root: Path, work: Path, out: Path, language: str) -> None:
    """The window at 1366 in ``language`` (as View > Language or the system would show it),
    with the photo captioned in Japanese selected, and the collection's export dialog."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app, QLocale(language))
    QLocale.setDefault(QLocale(language))
    ini = work / f"settings-{language}.ini"
    cat = Catalog(root)
    w = MainWindow(cat, QSettings(str(ini), QSettings.Format.IniFormat))
    w.resize(*SCREENS[1366])
    w.show()
    settle()
    names = {p.original_name: p.id for p in cat.list_photos(order="imported")}
    w.select_photos([names["SHU15_0130.jpg"]])
    settle()
    save(w, out / f"main-window-{language}-1366.png")
    w.sources.select_source(Source(COLLECTION, cs.list_collections(cat)[0].id))
    settle()
    export = w.archive.export_collection()
    if export is not None:
        settle()
        save(export, out / f"export-{language}.png")
        export.close()
    w.close()
    cat.close()
    for translator in translators:
        app.removeTranslator(translator)
    configure(app)  # the language of the other screenshots again


def main() -> None:
    app = QApplication([])  # kept alive for the whole run
    configure(app)  # as the application starts: names, icon, translations (plural forms)
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="photoarchive-screenshots-"))
    root = work / "Shumshu 2015 (sample)"
    build_sample_archive(root)
    card = import_card(work / "card", root)
    window_shots(root, work, out, 1920, None)
    welcome_shot(work, out, 1920)
    for language in ("ru", "ja"):
        language_shots(root, work, out, language)
    window_shots(root, work, out, 1366, card)  # the import last: its photos join the archive
    welcome_shot(work, out, 1366)
    shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
