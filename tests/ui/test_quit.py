"""Closing the window while an import or an export runs: the curator is asked; cancelling
stops the work cleanly (what was imported stays, recorded; an incomplete export leaves
nothing), the catalog is closed only after the worker has reported, and the window goes."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from photoarchive.catalog import Catalog
from photoarchive.catalog.collections import get_collection
from photoarchive.ui import workers
from photoarchive.ui.dialogs import export_dialog, import_dialog
from photoarchive.ui.main_window import MainWindow
from photoarchive.ui.questions import Question
from photoarchive.ui.sources import COLLECTION, Source
from tests.conftest import write_photos


class Answers:
    """The window's question hook: records each question and gives the answer set."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[Question] = []

    def __call__(self, _parent, question: Question) -> bool:
        self.asked.append(question)
        return self.answer


class Gate:
    """Holds a worker at its first progress report (on the worker's thread) until opened, so
    the window is closed while the work is surely running, however fast it is."""

    def __init__(self) -> None:
        self.reached, self.open = threading.Event(), threading.Event()

    def hold(self, worker: workers.Worker) -> workers.Worker:
        worker.signals.progress.connect(self._wait, Qt.ConnectionType.DirectConnection)
        return worker

    def _wait(self, _progress) -> None:
        self.reached.set()
        self.open.wait(60)


def originals_on_disk(root: Path) -> set[str]:
    originals = root / "originals"
    return {
        p.relative_to(originals).as_posix()
        for p in originals.rglob("*")
        if p.is_file() and ".incoming" not in p.relative_to(originals).parts
    }


def start_import(qtbot, monkeypatch, tmp_path: Path, answer: bool, count: int = 30):
    card = tmp_path / "card"
    write_photos(card, count)
    gate = Gate()
    real = import_dialog.import_job
    monkeypatch.setattr(import_dialog, "import_job", lambda *a, **k: gate.hold(real(*a, **k)))
    catalog = Catalog(tmp_path / "archive")
    answers = Answers(answer)
    window = MainWindow(catalog, owns_catalog=True, import_workers=1, ask=answers)
    qtbot.addWidget(window)
    window.show()
    dialog = window.archive.import_photos([card])
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=10_000)
    dialog.start_button.click()
    assert gate.reached.wait(30)
    return window, dialog, gate, answers, catalog


def test_quitting_during_an_import_asks_then_cancels_it_and_closes(qtbot, tmp_path: Path, monkeypatch) -> None:
    window, dialog, gate, answers, catalog = start_import(qtbot, monkeypatch, tmp_path, answer=True)
    worker = dialog.worker
    assert not window.close()  # asked, the import is cancelled: the window waits for it
    assert [q.action for q in answers.asked] == ["Cancel the Import and Quit"]
    assert answers.asked[0].alternative == "Keep Importing"
    assert worker.is_cancelled() and window.isVisible() and not dialog.isVisible()
    assert not window.close()  # closing again meanwhile asks nothing more
    assert len(answers.asked) == 1
    gate.open.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
    assert worker.done and not dialog.isVisible()  # no summary pops up after the window
    with pytest.raises(Exception, match="closed database"):
        catalog.count_photos()  # the window closed its catalog, after the import had stopped
    assert dialog.summary is not None and dialog.summary.cancelled
    assert dialog.summary.imported < 30
    with Catalog(tmp_path / "archive") as reopened:
        assert reopened.batch(dialog.summary.batch).status == "cancelled"
        recorded = {p.original_path for p in reopened.list_photos(order="imported")}
        assert len(recorded) == dialog.summary.imported
    on_disk = originals_on_disk(tmp_path / "archive")
    sidecars = {f"{path}.xmp" for path in recorded}  # the curated fields' mirror beside each original
    assert on_disk - sidecars == recorded  # no original the catalog does not know


def test_keep_importing_leaves_the_window_open_and_the_import_running(qtbot, tmp_path: Path, monkeypatch) -> None:
    window, dialog, gate, answers, catalog = start_import(qtbot, monkeypatch, tmp_path, answer=False, count=4)
    assert not window.close()
    assert len(answers.asked) == 1 and window.isVisible()
    assert not dialog.worker.is_cancelled()
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000):
        gate.open.set()
    assert dialog.summary.imported == 4 and not dialog.summary.cancelled
    assert window.close()  # nothing runs now: no question
    assert len(answers.asked) == 1
    with pytest.raises(Exception, match="closed database"):
        catalog.count_photos()


def test_quitting_during_an_export_asks_then_cancels_it(qtbot, tmp_path: Path, monkeypatch) -> None:
    from tests.export.conftest import build_archive

    build_archive(tmp_path / "a", count=3)
    gate = Gate()
    real = export_dialog._export_job
    monkeypatch.setattr(export_dialog, "_export_job", lambda *a, **k: gate.hold(real(*a, **k)))
    catalog = Catalog(tmp_path / "a" / "archive")
    answers = Answers(True)
    window = MainWindow(catalog, owns_catalog=True, ask=answers)
    qtbot.addWidget(window)
    window.show()
    window.show_source(Source(COLLECTION, get_collection(catalog, "shumshu").id))
    dialog = window.archive.export_collection()
    dialog.workers = 0
    target = tmp_path / "out" / "gallery"
    dialog.target.setText(str(target))
    dialog.export_button.click()
    assert gate.reached.wait(30)
    assert not window.close()
    assert [q.action for q in answers.asked] == ["Cancel the Export and Quit"]
    assert answers.asked[0].alternative == "Keep Exporting"
    gate.open.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
    assert dialog.summary is None or dialog.summary.cancelled
    assert not target.exists()
    assert not [p for p in (tmp_path / "out").glob("*")]  # nothing of the export kept
