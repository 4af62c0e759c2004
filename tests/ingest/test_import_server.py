"""``photoarchive import`` into a catalog on a PostgreSQL server (issue 15): as a process, with
``--catalog URL`` and with the archive folder's ``catalog.url``; two imports at once into one
catalog; the import lock on the server; the workers' connection and their temporary names."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.location import ENVIRONMENT_VARIABLE, remember
from photoarchive.catalog.verify import sha256_file
from photoarchive.errors import IngestError
from photoarchive.ingest import ImportJob, worker
from photoarchive.ingest.session import SERVER_IMPORT_LOCK
from tests.conftest import add_original, write_photo, write_photos

# Samples with camera, GPS, IPTC and XMP metadata (and a sidecar), and a camera RAW file.
SAMPLE_NAMES = ("Canon.jpg", "GPS.jpg", "IPTC.jpg", "XMP.jpg", "Nikon.nef", "pillow_hopper.webp")
# What differs between two archives holding the same photos: where they are, when recorded.
PLACES = {"original_path", "thumbnail_small", "thumbnail_large", "imported_at"}


def photoarchive(archive: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A photoarchive command as a process, with no catalog URL from this test's environment."""
    env = {k: v for k, v in os.environ.items() if k != ENVIRONMENT_VARIABLE}
    return subprocess.run(
        [sys.executable, "-m", "photoarchive", "--archive", str(archive), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def shown(archive: Path, photo_id: int, *options: str) -> dict[str, object]:
    done = photoarchive(archive, *options, "show", "--json", str(photo_id))
    assert done.returncode == 0, done.stderr
    return {k: v for k, v in json.loads(done.stdout).items() if k not in PLACES}


def imported(archive: Path, *args: str) -> dict[str, object]:
    done = photoarchive(archive, *args, "--json")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    summary: dict[str, object] = json.loads(done.stdout)
    return summary


@pytest.mark.postgresql
@pytest.mark.parametrize("how", ["option", "catalog.url"])
def test_import_as_a_process_into_a_server_catalog(samples: Path, tmp_path: Path, pg_url: str, how: str) -> None:
    files = [str(samples / "metadata" / name) for name in SAMPLE_NAMES]
    reference = tmp_path / "on-sqlite"
    expected = imported(reference, "import", *files)
    archive = tmp_path / "on-the-server"
    if how == "option":
        options: tuple[str, ...] = ("--catalog", pg_url)
    else:
        archive.mkdir()
        remember(archive, pg_url)
        options = ()
    summary = imported(archive, *options, "import", *files)
    assert (summary["imported"], summary["duplicates"], summary["failed"]) == (len(files), 0, [])
    assert summary["photos"] == expected["photos"]
    assert not (archive / "catalog.sqlite").exists()  # the catalog is the server's
    assert not (archive / ".import.lock").exists()  # the server's lock, not a file's
    for photo_id in summary["photos"]:  # type: ignore[attr-defined]  # a JSON list
        on_server = shown(archive, photo_id, *options)
        assert on_server == shown(reference, photo_id)  # the same metadata as on SQLite
    by_name = {shown(archive, i, *options)["original_name"]: i for i in summary["photos"]}  # type: ignore[attr-defined]
    assert shown(archive, by_name["Canon.jpg"], *options)["camera_make"] == "Canon"
    assert shown(archive, by_name["GPS.jpg"], *options)["latitude"] == pytest.approx(54.98966, abs=1e-4)
    assert shown(archive, by_name["IPTC.jpg"], *options)["caption"]
    again = imported(archive, *options, "import", *files)  # the workers see the server's photos
    assert (again["imported"], again["duplicates"]) == (0, len(files))
    assert len([p for p in (archive / "originals").rglob("*") if p.is_file() and p.suffix != ".xmp"]) == len(files)


@pytest.mark.postgresql
def test_two_imports_at_once_into_one_server_catalog_both_land_whole(tmp_path: Path, pg_url: str) -> None:
    """Two curators (two processes here) import into the same shared folder and catalog at once:
    the second waits for the first, and every photo of both is recorded, once."""
    first = write_photos(tmp_path / "card1", 8)
    second = write_photos(tmp_path / "card2", 8, start=8)
    shutil.copy(first[0], tmp_path / "card2" / "IMG_0000.JPG")  # one photo on both cards
    archive = tmp_path / "shared"
    archive.mkdir()
    remember(archive, pg_url)
    env = {k: v for k, v in os.environ.items() if k != ENVIRONMENT_VARIABLE}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "photoarchive", "--archive", str(archive), "import", str(card), "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for card in (tmp_path / "card1", tmp_path / "card2")
    ]
    outputs = [run.communicate(timeout=180) for run in runs]
    for run, (_, stderr) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, stderr
        assert "Traceback" not in stderr
    summaries = [json.loads(stdout) for stdout, _ in outputs]
    assert [s["imported"] + s["duplicates"] for s in summaries] == [8, 9]  # every file has its outcome
    assert sum(s["imported"] for s in summaries) == 16 and sum(s["duplicates"] for s in summaries) == 1
    assert all(s["failed"] == [] and s["stopped"] is None for s in summaries)
    with Catalog(archive) as catalog:
        photos = catalog.list_photos()
        assert sorted(p.original_name for p in photos) == sorted(p.name for p in [*first, *second])
        for photo in photos:  # each original whole, at its recorded place
            assert sha256_file(catalog.original_file(photo)) == photo.sha256
        on_disk = {p.relative_to(catalog.paths.originals).as_posix() for p in catalog.paths.originals.rglob("*.JPG")}
        assert on_disk == {p.original_path for p in photos}
        assert [catalog.batch(s["batch"]).status for s in summaries] == ["completed", "completed"]
        assert not any(catalog.paths.incoming.iterdir())


@pytest.mark.postgresql
def test_an_import_waits_for_the_server_import_lock(tmp_path: Path, pg_url: str) -> None:
    """Another curator's import (its lock, taken here) makes this one wait, then run whole."""
    import psycopg

    from photoarchive.catalog.pg import LOCK_NAMESPACE

    write_photos(tmp_path / "card", 2)
    archive = tmp_path / "archive"
    archive.mkdir()
    remember(archive, pg_url)
    with Catalog(archive) as catalog, psycopg.connect(pg_url, autocommit=True) as other:
        other.execute("SELECT pg_advisory_lock(%s, %s)", (LOCK_NAMESPACE, SERVER_IMPORT_LOCK))
        told: list[str] = []

        def waiting(message: str) -> None:
            told.append(message)
            assert catalog.count_photos() == 0 and catalog.batches() == []  # nothing started yet
            other.execute("SELECT pg_advisory_unlock(%s, %s)", (LOCK_NAMESPACE, SERVER_IMPORT_LOCK))

        job = ImportJob(catalog, [tmp_path / "card"], workers=2, on_waiting=waiting)
        assert len(list(job.run())) == 2
        assert job.summary is not None and job.summary.imported == 2
        assert len(told) == 1 and "another import" in told[0]
        # Released at the end: the other curator takes it at once.
        assert other.execute("SELECT pg_try_advisory_lock(%s, %s)", (LOCK_NAMESPACE, SERVER_IMPORT_LOCK)).fetchone()[0]
        # Cancel while waiting ends the wait, nothing done.
        write_photos(tmp_path / "card2", 1, start=5)
        job = ImportJob(catalog, [tmp_path / "card2"], workers=2)
        with pytest.raises(IngestError, match="cancelled while waiting"):
            list(job.run(lambda: True))
        assert catalog.count_photos() == 2 and len(catalog.batches()) == 1


@pytest.mark.postgresql
def test_the_command_line_s_import_names_the_curator_whose_import_it_waits_for(tmp_path: Path, pg_url: str) -> None:
    """As the window's import dialog does (``pg.lock_holder``): "waiting: another import ... is
    running (Boris...)"; the import then runs whole once Boris's ends."""
    import psycopg

    from photoarchive.catalog.pg import LOCK_NAMESPACE

    write_photos(tmp_path / "card", 2)
    archive = tmp_path / "archive"
    archive.mkdir()
    remember(archive, pg_url)
    Catalog(archive).close()  # the catalog made on the server before the import is timed
    env = {k: v for k, v in os.environ.items() if k != ENVIRONMENT_VARIABLE}
    with psycopg.connect(pg_url, autocommit=True, application_name="photoarchive:Boris") as other:
        other.execute("SELECT pg_advisory_lock(%s, %s)", (LOCK_NAMESPACE, SERVER_IMPORT_LOCK))
        command = [sys.executable, "-m", "photoarchive", "--archive", str(archive), "import", str(tmp_path / "card")]
        with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
            assert process.stderr is not None
            line = process.stderr.readline()  # said as soon as it waits (no bar: not a terminal)
            other.execute("SELECT pg_advisory_unlock(%s, %s)", (LOCK_NAMESPACE, SERVER_IMPORT_LOCK))
            out, rest = process.communicate(timeout=180)
    assert line.startswith("waiting: another import into the catalog"), line + rest
    assert "is running (Boris" in line and "on this computer or another" not in line
    assert process.returncode == 0, rest
    assert "2 imported" in out


@pytest.mark.postgresql
def test_an_import_that_cannot_ask_who_holds_the_lock_says_it_waits_all_the_same(
    tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg

    from photoarchive.catalog import pg
    from photoarchive.catalog.pg import LOCK_NAMESPACE

    def refused(conn: object, which: int) -> str:
        raise psycopg.errors.InsufficientPrivilege("permission denied for view pg_locks")

    monkeypatch.setattr(pg, "lock_holder", refused)
    write_photos(tmp_path / "card", 1)
    with Catalog(tmp_path / "archive", url=pg_url) as catalog, psycopg.connect(pg_url, autocommit=True) as other:
        other.execute("SELECT pg_advisory_lock(%s, %s)", (LOCK_NAMESPACE, SERVER_IMPORT_LOCK))
        told: list[str] = []

        def waiting(message: str) -> None:
            told.append(message)
            other.execute("SELECT pg_advisory_unlock(%s, %s)", (LOCK_NAMESPACE, SERVER_IMPORT_LOCK))

        job = ImportJob(catalog, [tmp_path / "card"], workers=1, on_waiting=waiting)
        list(job.run())
        assert job.summary is not None and job.summary.imported == 1
    assert len(told) == 1 and "is running (on this computer or another)" in told[0]


@pytest.mark.postgresql
def test_the_windows_import_reaches_a_server_given_by_url(tmp_path: Path, pg_url: str, qapp: object) -> None:
    """The window's import (``ui.workers.import_job``, on a catalog opened again on its thread)
    into a server named by the Open Archive dialog or ``$PHOTOARCHIVE_CATALOG``, not the folder."""
    from photoarchive.ui.workers import import_job

    write_photos(tmp_path / "card", 3)
    with Catalog(tmp_path / "archive", url=pg_url) as catalog:
        assert not (tmp_path / "archive" / "catalog.url").exists()
        job = import_job(catalog, [tmp_path / "card"], workers=2)
        finished: list[object] = []
        failed: list[str] = []
        job.signals.finished.connect(finished.append)
        job.signals.failed.connect(failed.append)
        job.run()  # here, not on a pool thread: the same code
        assert failed == []
        (summary,) = finished
        assert (summary.imported, summary.failed) == (3, [])  # type: ignore[attr-defined]
        assert catalog.count_photos() == 3
    assert not (tmp_path / "archive" / "catalog.sqlite").exists()


@pytest.mark.postgresql
def test_a_rebuild_on_a_server_reports_a_copy_of_a_recorded_original(tmp_path: Path, pg_url: str) -> None:
    """Rebuilt from the sidecars into a server's catalog, an original whose bytes are recorded
    at another path already is listed as not recorded again (the server's IntegrityError),
    and the rebuild goes on."""
    from photoarchive.catalog.sidecars import mirror_path
    from photoarchive.recovery import rebuild_from_sidecars

    write_photos(tmp_path / "card", 2)
    archive = tmp_path / "archive"
    with Catalog(archive) as catalog:
        job = ImportJob(catalog, [tmp_path / "card"], workers=1)
        list(job.run())
        photo = catalog.list_photos()[0]
        copy = f"{photo.original_path}.copy.JPG"
        shutil.copy(catalog.original_file(photo), catalog.paths.original(copy))
        shutil.copy(mirror_path(catalog.paths, photo.original_path), mirror_path(catalog.paths, copy))
    (archive / "catalog.sqlite").unlink()
    remember(archive, pg_url)
    result = rebuild_from_sidecars(archive)
    assert len(result.readded) == 2
    assert [(Path(path).name, "cannot be recorded again" in reason) for path, reason in result.unrecovered] == [
        (Path(copy).name, True)
    ]
    with Catalog(archive) as catalog:
        assert catalog.location.url == pg_url and catalog.count_photos() == 2


def test_an_import_into_an_sqlite_catalog_is_refused_while_another_runs(tmp_path: Path) -> None:
    """The SQLite catalog keeps its lock on ARCHIVE/.import.lock: a second import is refused."""
    import fcntl

    write_photos(tmp_path / "card", 1)
    with Catalog(tmp_path / "archive") as catalog, open(catalog.paths.import_lock, "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(IngestError, match="another import is running in this archive"):
            list(ImportJob(catalog, [tmp_path / "card"], workers=1).run())
        assert catalog.batches() == []


def test_the_worker_reads_the_catalog_of_the_archive_it_is_given(tmp_path: Path) -> None:
    """A worker's connection is to the catalog of the file's archive (and server): one process
    working for two archives in turn (the window opens another) does not read the first's."""
    source = write_photo(tmp_path / "IMG_0001.JPG", seed=1)
    with Catalog(tmp_path / "a") as first, Catalog(tmp_path / "b") as second:
        add_original(first, source)
        assert worker.process_file(str(source), str(first.paths.root), worker.today()).status == "duplicate"
        result = worker.process_file(str(source), str(second.paths.root), worker.today())
        assert result.status == "imported", result.error


def test_temporary_copies_carry_the_host_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two computers importing into one shared folder never write the same temporary name."""
    source = write_photo(tmp_path / "IMG_0001.JPG", seed=1)
    written: list[str] = []
    copy = worker._copy

    def recording(source: Path, data: bytes | None, target: Path) -> str | None:
        written.append(target.name)
        return copy(source, data, target)

    monkeypatch.setattr(worker, "_copy", recording)
    with Catalog(tmp_path / "archive") as catalog:
        assert worker.process_file(str(source), str(catalog.paths.root), worker.today()).status == "imported"
    assert len(written) == 1 and written[0].startswith(f"{worker._host_name()}-") and written[0].endswith(".part")
    monkeypatch.setattr(socket, "gethostname", lambda: "Büro PC.local")
    assert worker._host_name() == "B-ro-PC-local"
    monkeypatch.setattr(socket, "gethostname", lambda: "")
    assert worker._host_name() == "host"
