"""What cards and disks do to an import: symbolic-link loops, 255-byte names, a huge file
that is no image, results that finish out of order, a full disk. Each is one file's outcome
with its reason; the rest import; nothing is left in the archive that the catalog does not know."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.verify import check_originals, untracked_originals
from photoarchive.cli import main
from photoarchive.ingest import ImportJob, worker
from photoarchive.ingest.session import ImportSummary
from tests.conftest import write_photo, write_photos


def run(catalog: Catalog, *paths: Path, job_class: type[ImportJob] = ImportJob) -> tuple[ImportSummary, list]:
    job = job_class(catalog, list(paths), workers=2)
    progress = list(job.run())
    assert job.summary is not None
    return job.summary, progress


def assert_consistent(catalog: Catalog) -> None:
    """Every original is in the catalog and unchanged; nothing is left in .incoming."""
    assert [c.problem for c in check_originals(catalog) if c.problem] == []
    assert list(untracked_originals(catalog)) == []
    assert not catalog.paths.incoming.exists() or list(catalog.paths.incoming.iterdir()) == []


def outcomes(summary: ImportSummary) -> dict[str, tuple[str, str | None]]:
    return {Path(f.path).name: (f.outcome, f.reason) for f in summary.files}


def test_symbolic_link_loops_are_failed_files_and_the_rest_import(tmp_path: Path, catalog: Catalog) -> None:
    card = tmp_path / "card"
    write_photos(card, 2)
    (card / "self.jpg").symlink_to("self.jpg")
    (card / "sub").mkdir()
    (card / "sub" / "ping").symlink_to("pong")
    (card / "sub" / "pong").symlink_to("ping")
    write_photo(card / "sub" / "IMG_0100.JPG", seed=100)
    summary, _ = run(catalog, card, card / "sub" / "ping")
    found = outcomes(summary)
    assert summary.imported == 3
    assert found["self.jpg"][0] == found["ping"][0] == found["pong"][0] == "failed"
    assert "loop of symbolic links" in found["self.jpg"][1]
    assert "loop of symbolic links" in found["ping"][1]
    assert_consistent(catalog)


def test_a_255_byte_name_imports_and_a_second_one_is_numbered_within_the_limit(
    tmp_path: Path, catalog: Catalog
) -> None:
    long_name = "ü" * 125 + "x.jpg"  # 255 bytes in UTF-8: no room for ".xmp" or "-1"
    assert len(long_name.encode()) == 255
    first = write_photo(tmp_path / "card" / "a" / long_name, seed=1)
    second = write_photo(tmp_path / "card" / "b" / long_name, seed=2)  # same day: same folder in the archive
    write_photo(tmp_path / "card" / "c" / "IMG_0001.JPG", seed=3)
    summary, _ = run(catalog, tmp_path / "card")
    assert summary.failed == [] and summary.imported == 3
    photos = {Path(p.source_path).parent.name: p for p in catalog.list_photos()}
    # The two run in parallel: either may take the name first, the other is numbered.
    names = sorted((Path(photos[k].original_path).name for k in "ab"), key=len)
    assert names[0] == long_name or names[1] == long_name
    numbered = next(n for n in names if n != long_name)
    assert numbered.endswith("-1.jpg") and len(numbered.encode()) <= 255
    assert catalog.original_file(photos["a"]).read_bytes() == first.read_bytes()
    assert catalog.original_file(photos["b"]).read_bytes() == second.read_bytes()
    assert_consistent(catalog)


def _bytes_on_disk(folder: Path) -> int:
    return sum(p.lstat().st_blocks * 512 for p in folder.rglob("*"))


def test_a_huge_file_that_is_no_image_is_refused_before_it_is_copied(tmp_path: Path, catalog: Catalog) -> None:
    card = tmp_path / "card"
    card.mkdir()
    huge = card / "VIDEO.jpg"
    with huge.open("wb") as handle:  # sparse: 3 GB that take no room
        handle.write(b"\x00\x00\x00\x18ftypmp42")
        handle.truncate(3 << 30)
    write_photo(card / "IMG_0001.JPG", seed=1)
    before = _bytes_on_disk(catalog.paths.root)
    started = time.monotonic()
    summary, _ = run(catalog, card)
    assert time.monotonic() - started < 20  # reading 3 GB would take far longer
    found = outcomes(summary)
    assert found["VIDEO.jpg"][0] == "failed" and "not an image" in found["VIDEO.jpg"][1]
    assert found["IMG_0001.JPG"][0] == "imported"
    assert _bytes_on_disk(catalog.paths.root) - before < 5 << 20  # one small photo, its thumbnails, the catalog
    assert_consistent(catalog)


class _OutOfOrderJob(ImportJob):
    """The pool's results in the reverse of the order the files were given (workers finish
    in any order): processed here, in this process, then handed over last first."""

    def _results(self, files: list[str], cancelled) -> Iterator[list[worker.FileResult]]:
        results = [
            worker.process_file(f, archive_root=str(self.catalog.paths.root), import_date=worker.today()) for f in files
        ]
        yield from ([result] for result in reversed(results))


def test_photos_are_numbered_in_the_order_of_the_files_and_each_file_says_what_it_became(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker, "_catalog", None)  # the worker's read-only catalog, of this archive
    first = write_photos(tmp_path / "old", 1)[0]
    run(catalog, first)  # photo 1
    card = tmp_path / "card"
    paths = write_photos(card / "b", 3, start=10) + write_photos(card / "a", 2, start=20)
    shutil.copy(first, card / "a" / "copy_of_old.JPG")
    (card / "a" / "notes.txt").write_text("not a photo")
    monkeypatch.setattr(worker, "_catalog", None)
    summary, progress = run(catalog, card / "b", card / "a", job_class=_OutOfOrderJob)
    files = [(str(Path(f.path).relative_to(card)), f.outcome, f.id) for f in summary.files]
    assert files == [
        ("b/IMG_0010.JPG", "imported", 2),
        ("b/IMG_0011.JPG", "imported", 3),
        ("b/IMG_0012.JPG", "imported", 4),
        ("a/IMG_0020.JPG", "imported", 5),
        ("a/IMG_0021.JPG", "imported", 6),
        ("a/copy_of_old.JPG", "duplicate", 1),  # the photo that holds these bytes
        ("a/notes.txt", "failed", None),
    ]
    assert summary.files[-1].reason.startswith("not a supported photo format")
    assert summary.photos == [2, 3, 4, 5, 6]
    assert [p.done for p in progress] == list(range(1, 8))
    photos = catalog.photos(summary.photos)
    assert [Path(p.source_path).name for p in photos] == [p.name for p in paths]
    data = summary.as_json()
    assert data["files"][5] == {
        "path": str(card / "a" / "copy_of_old.JPG"),
        "id": 1,
        "outcome": "duplicate",
        "reason": None,
    }
    assert {"batch", "imported", "duplicates", "failed", "photos"} <= set(data)


def test_import_json_lists_each_file_in_the_order_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = tmp_path / "card"
    write_photos(card, 4)
    (card / "readme.txt").write_text("x")
    code = main(["--archive", str(tmp_path / "archive"), "import", str(card), "--json", "--workers", "2"])
    result = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [Path(f["path"]).name for f in result["files"]] == [
        "IMG_0000.JPG", "IMG_0001.JPG", "IMG_0002.JPG", "IMG_0003.JPG", "readme.txt",
    ]  # fmt: skip
    assert [f["id"] for f in result["files"]] == [1, 2, 3, 4, None] and result["photos"] == [1, 2, 3, 4]
    assert result["files"][4]["outcome"] == "failed" and "not a supported" in result["files"][4]["reason"]


def test_a_full_disk_while_recording_stops_cleanly_and_orphans_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    card = tmp_path / "card"
    write_photos(card, 6)
    archive = tmp_path / "archive"
    real_add = Catalog.add_photo
    calls = []

    def add_photo(self: Catalog, values: dict[str, object]) -> int:
        calls.append(values["original_path"])
        # The disk fills up at the third photo (by name: photos handed over together are
        # recorded again one at a time after a failure).
        if values["original_name"] not in ("IMG_0000.JPG", "IMG_0001.JPG"):
            raise sqlite3.OperationalError("database or disk is full")
        return real_add(self, values)

    monkeypatch.setattr(Catalog, "add_photo", add_photo)
    code = main(["--archive", str(archive), "import", str(card), "--json", "--workers", "2"])
    out, err = capsys.readouterr()
    result = json.loads(out)  # the JSON is printed, with what was done
    assert code == 1
    assert "the disk holding the archive is full" in err and "Traceback" not in err
    assert result["imported"] == 2 and result["photos"] == [1, 2]
    assert "disk holding the archive is full" in result["stopped"]
    assert [f["outcome"] for f in result["files"]] == ["imported", "imported"] + ["failed"] * 4
    assert all("disk holding the archive is full" in f["reason"] for f in result["files"][2:])
    assert len(result["files"]) == 6  # every file is reported
    monkeypatch.setattr(Catalog, "add_photo", real_add)
    with Catalog(archive) as catalog:
        assert catalog.count_photos() == 2
        assert_consistent(catalog)  # the copy that could not be recorded was removed
    # Once there is room again, the same import completes.
    code = main(["--archive", str(archive), "import", str(card), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["imported"] == 4 and result["duplicates"] == 2


class _TogetherJob(ImportJob):
    """The pool's results all handed over at once (they came back while the last batch was
    being recorded), last first: processed here, in this process."""

    def _results(self, files: list[str], cancelled) -> Iterator[list[worker.FileResult]]:
        root = str(self.catalog.paths.root)
        yield [worker.process_file(f, archive_root=root, import_date=worker.today()) for f in reversed(files)]


def test_results_that_came_back_together_are_recorded_in_one_commit_with_one_folder_fsync(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from photoarchive.catalog import sidecars

    monkeypatch.setattr(worker, "_catalog", None)
    write_photos(tmp_path / "card", 4)
    commits, written, synced = [], [], []
    real_write, real_sync = sidecars.write_sidecars, sidecars.fsync_dir
    monkeypatch.setattr(sidecars, "write_sidecars", lambda c, ids: written.append(list(ids)) or real_write(c, ids))
    monkeypatch.setattr(sidecars, "fsync_dir", lambda folder: synced.append(folder) or real_sync(folder))
    catalog.conn.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
    summary, progress = run(catalog, tmp_path / "card", job_class=_TogetherJob)
    catalog.conn.set_trace_callback(None)
    assert summary.photos == [1, 2, 3, 4] and [p.photo_id for p in progress] == [1, 2, 3, 4]
    assert [Path(f.path).name for f in summary.files] == [f"IMG_{i:04d}.JPG" for i in range(4)]
    assert written == [[1, 2, 3, 4]] and len(synced) == 1  # one sidecar folder (one capture day)

    class OneAtATimeJob(ImportJob):
        def _results(self, files: list[str], cancelled) -> Iterator[list[worker.FileResult]]:
            root = str(self.catalog.paths.root)
            yield from ([worker.process_file(f, archive_root=root, import_date=worker.today())] for f in files)

    with Catalog(tmp_path / "alone") as alone:  # the same files handed over one at a time
        monkeypatch.setattr(worker, "_catalog", None)
        one_by_one: list[str] = []
        alone.conn.set_trace_callback(lambda sql: one_by_one.append(sql) if sql == "COMMIT" else None)
        run(alone, tmp_path / "card", job_class=OneAtATimeJob)
        alone.conn.set_trace_callback(None)
    assert len(one_by_one) - len(commits) == 3  # four photos in one commit instead of four
    assert len(written) == 5 and len(synced) == 5
    assert all(catalog.paths.original(p.original_path + ".xmp").is_file() for p in catalog.photos([1, 2, 3, 4]))
    assert_consistent(catalog)


def test_a_catalog_failure_among_results_recorded_together_records_them_one_at_a_time(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The transaction of the batch is rolled back whole and its results are recorded again one
    at a time, as if they had come back one by one: the photo that cannot be recorded fails
    with the reason and stops the run, those already back are recorded, and no copy is left
    that the catalog does not know."""
    monkeypatch.setattr(worker, "_catalog", None)
    write_photos(tmp_path / "card", 4)
    real_add = Catalog.add_photo

    def add_photo(self: Catalog, values: dict[str, object]) -> int:
        if values["original_name"] == "IMG_0002.JPG":
            raise sqlite3.OperationalError("database or disk is full")
        return real_add(self, values)

    monkeypatch.setattr(Catalog, "add_photo", add_photo)
    summary, progress = run(catalog, tmp_path / "card", job_class=_TogetherJob)
    monkeypatch.setattr(Catalog, "add_photo", real_add)
    assert [f.outcome for f in summary.files] == ["imported", "imported", "failed", "imported"]
    assert "the photo was not recorded" in (summary.files[2].reason or "")
    assert summary.photos == [1, 2, 3] and summary.imported == 3 and len(summary.failed) == 1
    assert summary.stopped is not None and "full" in summary.stopped
    assert [p.outcome for p in progress] == ["imported", "imported", "failed", "imported"]
    assert catalog.count_photos() == 3 and len(summary.warnings) == 0
    assert_consistent(catalog)


def test_a_full_disk_while_copying_stops_the_run(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC in a worker (the copy, a thumbnail): the file fails with the reason and the run stops."""
    monkeypatch.setattr(worker, "_catalog", None)

    class FullDiskJob(_OutOfOrderJob):
        def _results(self, files, cancelled):
            for index, source in enumerate(files):
                if index == 1:
                    error = OSError(28, "No space left on device")
                    yield [worker._failure(source, error)]
                elif not self.summary.stopped:
                    yield [worker.process_file(source, str(self.catalog.paths.root), worker.today())]

    write_photos(tmp_path / "card", 4)
    summary, _ = run(catalog, tmp_path / "card", job_class=FullDiskJob)
    assert [f.outcome for f in summary.files] == ["imported", "failed", "failed", "failed"]
    assert summary.files[1].reason.startswith("the disk holding the archive is full")
    assert all("import stopped" in f.reason for f in summary.files[2:])
    assert catalog.batch(summary.batch).status == "interrupted"
    assert_consistent(catalog)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs, where mounting is permitted (root on Linux); skipped elsewhere."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    if os.name != "posix" or shutil.which("mount") is None:
        pytest.skip("no mount here")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)], capture_output=True, timeout=30
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode(errors='replace').strip()})")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, timeout=30)


def test_a_really_full_disk(tmp_path: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = tmp_path / "card"
    for index in range(12):  # noise compresses badly: ~350 KB a photo, 4 MB in all
        from PIL import Image

        card.mkdir(exist_ok=True)
        Image.effect_noise((700, 500), 90 + index).convert("RGB").save(card / f"IMG_{index:04d}.JPG", quality=95)
    archive = small_disk / "archive"
    code = main(["--archive", str(archive), "import", str(card), "--json", "--workers", "2"])
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert code == 1 and "Traceback" not in err
    assert "disk holding the archive is full" in err
    assert len(result["files"]) == 12
    assert 0 < result["imported"] < 12
    assert all(f["reason"] for f in result["files"] if f["outcome"] == "failed")
    with Catalog(archive) as catalog:
        assert catalog.count_photos() == result["imported"]
        assert_consistent(catalog)
