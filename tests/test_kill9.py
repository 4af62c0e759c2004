"""kill -9 of an import or an edit: no process outlives the killed one, nothing is left behind,
and running the same command again completes.

Only the main process is killed (as a user's ``kill -9 PID`` or the out-of-memory killer does),
not its process group: the pool's spawn workers and multiprocessing's resource tracker must
notice by themselves. Every process the command starts inherits a marker in its environment,
so the ones that outlive it are found in /proc whoever their parent has become.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.connection import transaction
from photoarchive.edits import history, load_values
from tests.conftest import write_photo
from tests.processes import Command, describe, kill_main

pytestmark = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc (Linux)")

PHOTOS = 40
EDITED = 2000


def _count(archive: Path, sql: str) -> int:
    """A count read without opening a Catalog (which would migrate or create), or -1 if not yet readable."""
    try:
        with sqlite3.connect(f"file:{archive / 'catalog.sqlite'}?mode=ro", uri=True, timeout=0.2) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.Error:
        return -1


def test_kill9_during_import_leaves_no_process_nothing_behind_and_a_rerun_completes(
    tmp_path: Path, commands: list[Command]
) -> None:
    card = tmp_path / "card"
    sources = [write_photo(card / f"IMG_{i:04d}.JPG", size=(320, 240), seed=i) for i in range(PHOTOS)]
    archive = tmp_path / "archive"
    command = Command(archive, "import", str(card), "--workers", "2")
    commands.append(command)
    process = command.start()
    deadline = time.monotonic() + 60
    while _count(archive, "SELECT count(*) FROM photos") < 3 and process.poll() is None:
        assert time.monotonic() < deadline, "the import recorded nothing within a minute"
        time.sleep(0.01)
    running = command.processes()
    kill_main(process)
    recorded = _count(archive, "SELECT count(*) FROM photos")
    assert 0 < recorded < PHOTOS, f"the import was not killed in the middle ({recorded} of {PHOTOS} recorded)"
    assert len(running) > 1, "the import had started no worker when it was killed"

    survivors = command.survivors()
    assert not survivors, f"processes outlived the killed import: {describe(survivors)}"

    rerun = Command(archive, "import", str(card), "--workers", "2", "--json")
    commands.append(rerun)
    done = rerun.run()
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["imported"] + result["duplicates"] == PHOTOS
    assert not rerun.survivors(), "processes outlived a completed import"

    with Catalog(archive) as catalog:
        photos = catalog.list_photos()
        assert len(photos) == PHOTOS  # every photo recorded once
        assert sorted(p.sha256 for p in photos) == sorted(hashlib.sha256(s.read_bytes()).hexdigest() for s in sources)
        incoming = catalog.paths.incoming
        assert not incoming.exists() or not any(incoming.iterdir()), "partial copies left in originals/.incoming"
        originals = catalog.paths.originals
        on_disk = {
            p.relative_to(originals).as_posix()
            for p in originals.rglob("*")
            if p.is_file() and incoming not in p.parents and p.suffix.lower() != ".xmp"
        }
        assert on_disk == {p.original_path for p in photos}, "an original on disk that the catalog does not know"
        for photo in photos:
            assert hashlib.sha256(catalog.original_file(photo).read_bytes()).hexdigest() == photo.sha256
        assert catalog.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _captions(catalog: Catalog) -> set[str]:
    return {values["caption"] for values in load_values(catalog, range(1, EDITED + 1), ["caption"]).values()}


def test_kill9_during_a_batch_edit_leaves_it_all_or_nothing(tmp_path: Path, commands: list[Command]) -> None:
    archive = tmp_path / "archive"
    with Catalog(archive) as catalog, transaction(catalog.conn):
        for i in range(1, EDITED + 1):
            catalog.add_photo(
                {
                    "sha256": f"{i:064x}",
                    "original_path": f"2015/2015-08-10/IMG_{i:04d}.JPG",
                    "original_name": f"IMG_{i:04d}.JPG",
                    "source_path": f"/card/IMG_{i:04d}.JPG",
                    "size": 100,
                    "format": "JPEG",
                    "imported_at": "2015-08-10T00:00:00+00:00",
                    "caption": "before",
                }
            )
    command = Command(archive, "edit", f"1-{EDITED}", "--caption", "after", "--add-keywords", "Shumshu,tank")
    commands.append(command)
    process = command.start()
    # Kill once the edit has held the catalog's write lock for a while: in its transaction.
    probe = sqlite3.connect(archive / "catalog.sqlite", timeout=0, isolation_level=None)
    locked_since = None
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            locked_since = None
        except sqlite3.OperationalError:
            locked_since = locked_since or time.monotonic()
            if time.monotonic() - locked_since > 0.02:
                break
        time.sleep(0.002)
    probe.close()
    kill_main(process)
    survivors = command.survivors()
    assert not survivors, f"processes outlived the killed edit: {describe(survivors)}"

    with Catalog(archive) as catalog:
        assert catalog.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        edits = history(catalog)
        captions = _captions(catalog)
        if edits:  # the kill came after the commit: all of the edit is there
            assert captions == {"after"}
            assert len(edits) == 1
            captions_changed = [c for c in edits[0].changes if c.field == "caption"]
            assert len(captions_changed) == EDITED
            assert {(c.old, c.new) for c in captions_changed} == {("before", "after")}
        else:  # none of it is
            assert captions == {"before"}
            assert catalog.conn.execute("SELECT count(*) FROM edit_changes").fetchone()[0] == 0
            assert {
                tuple(v["keywords"]) for v in load_values(catalog, range(1, EDITED + 1), ["keywords"]).values()
            } == {()}

    again = Command(archive, "edit", f"1-{EDITED}", "--caption", "after", "--add-keywords", "Shumshu,tank")
    commands.append(again)
    done = again.run()
    assert done.returncode == 0, done.stderr
    with Catalog(archive) as catalog:
        assert _captions(catalog) == {"after"}
        keywords = load_values(catalog, range(1, EDITED + 1), ["keywords"]).values()
        assert {tuple(v["keywords"]) for v in keywords} == {("Shumshu", "tank")}
        newest = history(catalog)[0]
        for change in newest.changes:  # the history's newest values are the catalog's
            current = load_values(catalog, [change.photo_id], [change.field])[change.photo_id][change.field]
            assert current == change.new
        assert catalog.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
