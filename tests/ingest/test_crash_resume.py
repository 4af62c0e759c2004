"""A kill in the middle of an import, then a re-run, leaves a complete, consistent archive."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from photoarchive.catalog import Catalog
from tests.conftest import write_photos


def test_kill_then_rerun_completes(tmp_path: Path) -> None:
    sources = write_photos(tmp_path / "card", 30)
    archive = tmp_path / "archive"
    command = [
        sys.executable,
        "-m",
        "photoarchive",
        "--archive",
        str(archive),
        "import",
        str(tmp_path / "card"),
        "--workers",
        "2",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    catalog_file = archive / "catalog.sqlite"
    while time.monotonic() < deadline:  # wait until some photos are recorded, then kill it hard
        if catalog_file.exists():
            try:
                with Catalog(archive) as catalog:
                    if catalog.count_photos() >= 5:
                        break
            except Exception:
                pass
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    with Catalog(archive) as catalog:
        assert 0 < catalog.count_photos() < 30, "the import was not killed in the middle"

    rerun = subprocess.run([*command, "--json"], capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    result = json.loads(rerun.stdout)
    with Catalog(archive) as catalog:
        photos = catalog.list_photos()
        assert len(photos) == 30
        assert result["imported"] + result["duplicates"] == 30
        recorded = {p.original_path for p in photos}
        on_disk = {
            p.relative_to(catalog.paths.originals).as_posix()
            for p in catalog.paths.originals.rglob("*")
            if p.is_file() and p.suffix != ".xmp"  # the sidecars that mirror the catalog
        }
        assert on_disk == recorded  # no orphan copies, no missing originals
        for photo in photos:
            assert hashlib.sha256(catalog.original_file(photo).read_bytes()).hexdigest() == photo.sha256
        assert {p.sha256 for p in photos} == {hashlib.sha256(s.read_bytes()).hexdigest() for s in sources}
        statuses = [b.status for b in catalog.batches()]
        assert statuses == ["completed", "interrupted"]
    check = subprocess.run(
        [sys.executable, "-m", "photoarchive", "--archive", str(archive), "check"], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout
