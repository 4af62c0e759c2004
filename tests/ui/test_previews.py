"""The window's 1024 px previews, made in the background after an import (``ui.previews``)."""

from __future__ import annotations

import threading
from pathlib import Path

from photoarchive.catalog import Catalog
from photoarchive.ui import previews as previews_module
from photoarchive.ui.previews import PreviewBuilder
from tests.conftest import run_import, write_photos


def _imported(catalog: Catalog, folder: Path, count: int) -> list[int]:
    write_photos(folder, count)
    summary, _ = run_import(catalog, folder)
    assert summary.imported == count
    return sorted(p.id for p in catalog.list_photos())


def _preview(catalog: Catalog, photo_id: int) -> Path:
    return catalog.thumbnail_file(catalog.photo(photo_id), 1024)


def test_the_missing_previews_are_made_and_said_made(qtbot, tmp_path: Path, catalog: Catalog) -> None:
    ids = _imported(catalog, tmp_path / "card", 3)
    assert not any(_preview(catalog, i).exists() for i in ids)  # the import made the grid's alone
    builder = PreviewBuilder(catalog)
    made: list[int] = []
    builder.preview_made.connect(made.append)
    with qtbot.waitSignal(builder.idle, timeout=60_000):
        builder.start()
        assert builder.running()
    assert made == ids[::-1]  # the newest first
    assert all(_preview(catalog, i).is_file() for i in ids)
    assert not builder.label.isVisible() and not builder.running()
    made.clear()
    with qtbot.waitSignal(builder.idle, timeout=60_000):  # nothing left: nothing made again
        builder.start()
    assert made == []


def test_a_damaged_original_is_said_in_words(qtbot, tmp_path: Path, catalog: Catalog) -> None:
    ids = _imported(catalog, tmp_path / "card", 2)
    damaged = catalog.original_file(catalog.photo(ids[0]))
    damaged.write_bytes(damaged.read_bytes()[:1500])
    builder = PreviewBuilder(catalog)
    messages: list[str] = []
    builder.status_message.connect(messages.append)
    with qtbot.waitSignal(builder.idle, timeout=60_000):
        builder.start()
    [message] = messages
    assert message.startswith("Previews not made: 1 photo; the first: ")
    assert str(damaged) in message and "truncated" in message and "Traceback" not in message
    assert _preview(catalog, ids[1]).is_file() and not _preview(catalog, ids[0]).exists()


def test_closing_cancels_between_two_photos(qtbot, tmp_path: Path, catalog: Catalog, monkeypatch) -> None:
    ids = _imported(catalog, tmp_path / "card", 3)
    listed, go_on = threading.Event(), threading.Event()
    real = previews_module.missing_previews

    def missing_previews(opened: Catalog):  # the worker waits, once it has listed, for the close
        tasks = real(opened)
        listed.set()
        go_on.wait(10)
        return tasks

    monkeypatch.setattr(previews_module, "missing_previews", missing_previews)
    builder = PreviewBuilder(catalog)
    said: list[object] = []
    builder.preview_made.connect(said.append)
    builder.status_message.connect(said.append)
    builder.idle.connect(lambda: said.append("idle"))
    builder.start()
    worker = builder.worker
    assert worker is not None and listed.wait(10)
    builder.close()
    go_on.set()
    qtbot.waitUntil(lambda: worker.done, timeout=10_000)
    qtbot.wait(50)  # the worker's last signals, delivered
    assert not any(_preview(catalog, i).exists() for i in ids)  # stopped before the first photo
    assert said == []  # a closed window hears nothing
    builder.start()
    assert builder.worker is None  # and starts nothing more


def test_the_window_makes_them_after_an_import_and_when_it_opens(qtbot, tmp_path: Path, window) -> None:
    card = tmp_path / "card"
    write_photos(card, 2)
    dialog = window.archive.import_photos([card])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000):
        dialog.start_button.click()
    new = [p for p in window.catalog.list_photos() if p.source_path and Path(p.source_path).parent == card]
    assert len(new) == 2
    qtbot.waitUntil(lambda: all(window.catalog.thumbnail_file(p, 1024).is_file() for p in new), timeout=60_000)

    # A window opened on an archive whose last import made none (the command line's, without
    # --previews) makes them.
    from photoarchive.ui.main_window import MainWindow

    window.close()
    summary, _ = run_import(window.catalog, tmp_path / "later", *write_photos(tmp_path / "later", 1, start=7))
    [later] = [p for p in window.catalog.list_photos() if p.batch_id == summary.batch]
    assert not window.catalog.thumbnail_file(later, 1024).exists()
    second = MainWindow(window.catalog, window.settings, import_workers=1)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.previews.idle, timeout=60_000):
        second.show()
    assert window.catalog.thumbnail_file(later, 1024).is_file()
    second.close()


def test_a_preview_not_made_is_said_once_not_at_every_window(qtbot, tmp_path: Path, catalog: Catalog) -> None:
    ids = _imported(catalog, tmp_path / "card", 2)
    catalog.original_file(catalog.photo(ids[0])).write_bytes(b"not a photo")
    said: list[str] = []
    for _window in range(2):
        builder = PreviewBuilder(catalog)
        builder.status_message.connect(said.append)
        with qtbot.waitSignal(builder.idle, timeout=60_000):
            builder.start()
    assert len(said) == 1 and "Previews not made: 1 photo" in said[0]
    assert _preview(catalog, ids[1]).is_file() and not _preview(catalog, ids[0]).exists()
