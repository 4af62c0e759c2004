"""Screenshots (and a demo) of the culling and compare views, from the sample archive.

Run from the checkout: ``python resources/screenshots/make_cull_screenshots.py OUT_DIR``.
It builds the sample archive in a temporary folder, adds a portrait photo stored on its
side with EXIF orientation 6 (the camera held upright: it must show upright) and the IPTC
reference photo from the test samples, and saves at 1366x768:

- cull-1366.png: the culling view, fitted, the photo rated, labelled and picked;
- cull-100-1366.png: the same photo at 100 % after a click on the tank;
- cull-portrait-1366.png: the portrait, upright;
- cull-sample-1366.png: the IPTC reference photo (a real photograph, tests/data/samples);
- compare-1366.png: four photos, the second focused;
- compare-100-1366.png: the four at 100 % at the same point (a click on one).

With ``--show`` (and a display) it opens the culling view full screen instead, printing the
edits its keys ask for; C opens the compare view over the photo shown and the next three.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

if "--show" not in sys.argv:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QEventLoop, QLocale, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from photoarchive.catalog import Catalog
from photoarchive.sample import build_sample_archive
from photoarchive.sample.images import draw_scene
from photoarchive.ui.culling import CullPhoto, cull_photos
from photoarchive.ui.widgets.compare_view import CompareView
from photoarchive.ui.widgets.cull_view import CullView

SAMPLES = Path(__file__).resolve().parents[2] / "tests" / "data" / "samples" / "metadata"
SIZE = (1366, 768)


def settle(view: CullView | CompareView) -> None:
    while view.cache.pending():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    QApplication.processEvents()


def portrait(folder: Path) -> CullPhoto:
    """A scene turned on its side in the file, EXIF orientation 6 saying to turn it back."""
    upright = draw_scene("memorial", 7).crop((300, 0, 1011, 1067))  # portrait, 711x1067
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # as a camera held upright stores it
    exif = Image.Exif()
    exif[0x0112] = 6
    path = folder / "PORTRAIT_0001.jpg"
    stored.save(path, "JPEG", quality=90, exif=exif)
    return CullPhoto(-1, path, path.name, None, width=upright.width, height=upright.height)


def photos(root: Path) -> list[CullPhoto]:
    with Catalog(root) as catalog:
        ids = [row[0] for row in catalog.conn.execute("SELECT id FROM photos ORDER BY captured_at, id")]
        result = cull_photos(catalog, ids)
    reference = SAMPLES / "IPTC-PhotometadataRef-Std2022.1.jpg"
    return [*result, portrait(root), CullPhoto(-2, reference, reference.name, None, width=2000, height=1000)]


def save(widget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def screenshots(out: Path, shown: list[CullPhoto]) -> None:
    view = CullView(shown, shown[3].id)
    view.resize(*SIZE)
    view.show()
    settle(view)
    current = [view.current_id()]
    view.set_value(current, "rating", 4)  # as the window does once the edit is made
    view.set_value(current, "label", "green")
    view.set_value(current, "flag", "pick")
    save(view, out / "cull-1366.png")
    rect = view.canvas.image_rect()
    QTest.mouseClick(
        view.canvas,
        Qt.MouseButton.LeftButton,
        pos=QPoint(int(rect.left() + rect.width() * 0.45), int(rect.top() + rect.height() * 0.62)),
    )
    save(view, out / "cull-100-1366.png")
    QTest.keyClick(view, Qt.Key.Key_Z)
    QTest.keyClick(view, Qt.Key.Key_End)  # the IPTC reference photo
    settle(view)
    save(view, out / "cull-sample-1366.png")
    QTest.keyClick(view, Qt.Key.Key_Left)  # the portrait
    settle(view)
    save(view, out / "cull-portrait-1366.png")
    view.close()

    compare = CompareView(shown[3:7])
    compare.resize(*SIZE)
    compare.show()
    settle(compare)
    compare.set_value([shown[3].id], "rating", 4)
    compare.set_value([shown[4].id], "rating", 2)
    compare.set_value([shown[4].id], "flag", "reject")
    compare.set_value([shown[5].id], "label", "red")
    QTest.keyClick(compare, Qt.Key.Key_Right)
    save(compare, out / "compare-1366.png")
    canvas = compare.panels[1].canvas
    rect = canvas.image_rect()
    QTest.mouseClick(
        canvas,
        Qt.MouseButton.LeftButton,
        pos=QPoint(int(rect.left() + rect.width() * 0.45), int(rect.top() + rect.height() * 0.62)),
    )
    save(compare, out / "compare-100-1366.png")
    compare.close()


def demo(app: QApplication, shown: list[CullPhoto]) -> None:
    """The culling view full screen; edits are made at once (the window would make them undoable)."""
    opened: list[CompareView] = []

    class Demo(CullView):
        def keyPressEvent(self, event: QKeyEvent) -> None:
            chosen = self.photos[self.position : self.position + 4]
            if event.key() != Qt.Key.Key_C or len(chosen) < 2:
                return super().keyPressEvent(event)
            compare = CompareView(chosen, cache=self.cache)  # one cache: what is decoded is shared
            compare.selection_edited.connect(edited)
            opened[:] = [compare]
            compare.showFullScreen()

    def edited(ids: list[int], field: str, value: object) -> None:
        print("edit", ids, field, repr(value))
        for view in (cull, *opened):
            view.set_value(ids, field, value)

    cull = Demo(shown)
    cull.selection_edited.connect(edited)
    cull.left.connect(lambda photo_id: print("left on", photo_id))
    cull.showFullScreen()
    app.exec()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "Shumshu sample"
        build_sample_archive(root, workers=1)
        shown = photos(root)
        if "--show" in sys.argv:
            demo(app, shown)
        else:
            out = Path(next(a for a in sys.argv[1:] if not a.startswith("--")))
            out.mkdir(parents=True, exist_ok=True)
            screenshots(out, shown)


if __name__ == "__main__":
    main()
