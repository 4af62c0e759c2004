"""The work for one file, in this process: a file read whole is hashed once and decoded from
memory; a file streamed (too large to hold) is hashed as it is copied, and a change is caught."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from photoarchive.catalog import Catalog
from photoarchive.errors import ImageError
from photoarchive.ingest import worker
from tests.conftest import digest, write_photo


class _CountingHashlib:
    """``hashlib`` for the worker module, counting the bytes it hashes."""

    def __init__(self) -> None:
        self.hashed = 0

    def sha256(self, data: bytes = b"") -> Any:
        counter = self

        class Counted:
            def __init__(self) -> None:
                self._hash = hashlib.sha256()
                self.update(data)

            def update(self, chunk: bytes) -> None:
                counter.hashed += len(chunk)
                self._hash.update(chunk)

            def hexdigest(self) -> str:
                return self._hash.hexdigest()

        return Counted()


def test_a_file_read_whole_is_hashed_once_and_its_thumbnails_are_decoded_from_memory(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker, "_catalog", None)
    source = write_photo(tmp_path / "IMG_0001.JPG", seed=1)
    counting = _CountingHashlib()
    monkeypatch.setattr(worker, "hashlib", counting)
    decoded_from = []
    real_make = worker.make_thumbnails

    def make_thumbnails(pixels: Any, *args: Any, **kwargs: Any) -> tuple[int, int]:
        decoded_from.append(pixels)
        return real_make(pixels, *args, **kwargs)

    monkeypatch.setattr(worker, "make_thumbnails", make_thumbnails)
    result = worker.process_file(str(source), str(catalog.paths.root), worker.today())
    assert result.status == "imported", result.error
    assert counting.hashed == source.stat().st_size  # not again as it is copied
    assert decoded_from == [source.read_bytes()]  # the bytes in memory, not the file read again
    copy = catalog.paths.original(str(result.relative_path))
    assert digest(copy) == digest(source) == result.sha256  # verified after the copy all the same
    assert catalog.paths.thumbnail(str(result.sha256), 256).is_file()
    assert not catalog.paths.thumbnail(str(result.sha256), 1024).exists()  # made after the import


def test_a_streamed_file_that_changes_while_it_is_copied_is_not_imported(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker, "_catalog", None)
    monkeypatch.setattr(worker, "IN_MEMORY_LIMIT", 0)  # streamed, as a file too large to hold
    source = write_photo(tmp_path / "IMG_0001.JPG", seed=1)
    real_copy = worker._copy

    def copy_while_changing(path: Path, data: bytes | None, target: Path) -> str | None:
        assert data is None
        with path.open("ab") as handle:  # written to by another program meanwhile
            handle.write(b"\0" * 10)
        return real_copy(path, data, target)

    monkeypatch.setattr(worker, "_copy", copy_while_changing)
    result = worker.process_file(str(source), str(catalog.paths.root), worker.today())
    assert result.status == "failed"
    assert result.error is not None and "changed while it was being imported" in result.error
    assert not any(p.is_file() for p in catalog.paths.originals.rglob("*"))


def _placed_while_decoding(monkeypatch: pytest.MonkeyPatch, decode_error: Exception | None = None) -> list[bool]:
    """Patch the worker so that its thumbnails' decode notes whether the copy's placing (link,
    folder fsync, verification: ``_store``) finished while it waited (up to 20 s, a guard
    against waiting forever: without the overlap it never comes), then decodes or raises."""
    placed = threading.Event()
    seen: list[bool] = []
    real_store, real_make = worker._store, worker.make_thumbnails

    def store(*args: Any) -> tuple[str, bool]:
        try:
            return real_store(*args)
        finally:
            placed.set()

    def make_thumbnails(*args: Any, **kwargs: Any) -> tuple[int, int]:
        seen.append(placed.wait(20))
        if decode_error is not None:
            raise decode_error
        return real_make(*args, **kwargs)

    monkeypatch.setattr(worker, "_store", store)
    monkeypatch.setattr(worker, "make_thumbnails", make_thumbnails)
    return seen


def test_the_copy_is_placed_and_verified_on_its_thread_while_the_thumbnails_are_decoded(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker, "_catalog", None)
    source = write_photo(tmp_path / "IMG_0001.JPG", seed=1)
    seen = _placed_while_decoding(monkeypatch)
    result = worker.process_file(str(source), str(catalog.paths.root), worker.today())
    assert seen == [True]
    assert result.status == "imported", result.error
    assert digest(catalog.paths.original(str(result.relative_path))) == digest(source)
    assert not any(catalog.paths.incoming.iterdir())  # the temporary copy gone


def test_a_copy_placed_while_the_pixels_failed_to_decode_is_removed(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker, "_catalog", None)
    source = write_photo(tmp_path / "IMG_0001.JPG", seed=1)
    seen = _placed_while_decoding(monkeypatch, ImageError("the image data is truncated"))
    result = worker.process_file(str(source), str(catalog.paths.root), worker.today())
    assert seen == [True]  # it was in originals/ meanwhile
    assert result.status == "failed" and result.error == "the image data is truncated"
    assert not [p for p in catalog.paths.originals.rglob("*") if p.is_file()]
    assert not any(catalog.paths.incoming.iterdir())


@pytest.mark.parametrize("damaged", [False, True], ids=["sound", "damaged on the way to the disk"])
def test_a_copy_of_a_file_read_whole_is_verified_against_its_bytes(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, damaged: bool
) -> None:
    """Read back and compared with the bytes that were hashed (not hashed a second time); a
    copy that differs by one byte is removed and the file is not imported."""
    monkeypatch.setattr(worker, "_catalog", None)
    source = write_photo(tmp_path / "IMG_0001.JPG", seed=1)
    hashed_files: list[Path] = []
    real_hash, real_copy = worker.sha256_file, worker._copy

    def sha256_file(path: Path) -> str:
        hashed_files.append(path)
        return real_hash(path)

    monkeypatch.setattr(worker, "sha256_file", sha256_file)

    def copy(source: Path, data: bytes | None, target: Path) -> str | None:
        assert data is not None
        if damaged:  # one bit flipped by the disk: the same length, another byte in the middle
            middle = len(data) // 2
            data = data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :]
        return real_copy(source, data, target)

    monkeypatch.setattr(worker, "_copy", copy)
    result = worker.process_file(str(source), str(catalog.paths.root), worker.today())
    assert hashed_files == []
    if damaged:
        assert result.status == "failed", result
        assert result.error == "the copy in the archive does not match the original (disk error?)"
        assert not [p for p in catalog.paths.originals.rglob("*") if p.is_file()]
    else:
        assert result.status == "imported", result.error
        assert digest(catalog.paths.original(str(result.relative_path))) == digest(source)


def test_a_jpeg_is_opened_by_pillow_once_and_another_format_is_asked_its_format(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker, "_catalog", None)
    jpeg = write_photo(tmp_path / "IMG_0001.JPG", seed=1)
    png = tmp_path / "IMG_0002.PNG"
    with Image.open(write_photo(tmp_path / "other.jpg", seed=2)) as image:
        image.save(png, "PNG")
    asked: list[str] = []
    real_format = worker._pixel_format

    def pixel_format(source: Path) -> str:
        asked.append(source.name)
        return real_format(source)

    monkeypatch.setattr(worker, "_pixel_format", pixel_format)
    results = [worker.process_file(str(p), str(catalog.paths.root), worker.today()) for p in (jpeg, png)]
    assert [(r.status, r.values.get("format")) for r in results] == [("imported", "JPEG"), ("imported", "PNG")]
    assert asked == ["IMG_0002.PNG"]  # the JPEG's signature says what it is; make_thumbnails opens it


def test_a_file_with_a_jpeg_signature_that_pillow_cannot_open_fails_with_its_reason(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker, "_catalog", None)
    broken = tmp_path / "IMG_0003.JPG"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 200)
    result = worker.process_file(str(broken), str(catalog.paths.root), worker.today())
    assert result.status == "failed" and result.error and str(tmp_path) not in result.error
    assert not [p for p in catalog.paths.originals.rglob("*") if p.is_file()]
