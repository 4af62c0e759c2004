"""Fuzzing the import: a few hundred damaged copies of the real sample files (bytes flipped,
files cut short, bytes inserted; a fixed seed) in one run. No traceback, every file imported
or failed with a reason, nothing in the archive that the catalog does not know."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.verify import check_originals, untracked_originals
from photoarchive.cli import main
from photoarchive.ingest.scan import PHOTO_EXTENSIONS

SEED = 20240917
COUNT = 300


def mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    kind = rng.choice(["flip", "flip", "truncate", "insert", "mixed"])
    if kind in ("flip", "mixed"):
        for _ in range(rng.randint(1, 12)):
            # Mostly in the first 4 KB, where the metadata is, sometimes anywhere.
            at = rng.randrange(min(len(data), 4096) if rng.random() < 0.7 else len(data))
            data[at] ^= 1 << rng.randrange(8)
    if kind in ("truncate", "mixed"):
        del data[rng.randint(1, max(1, len(data) - 1)) :]
    if kind in ("insert", "mixed"):
        at = rng.randrange(len(data) + 1)
        data[at:at] = rng.randbytes(rng.randint(1, 64))
    return bytes(data)


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory, samples: Path) -> Path:
    rng = random.Random(SEED)
    originals = sorted(p for p in samples.rglob("*") if p.suffix.lower() in PHOTO_EXTENSIONS and p.stat().st_size)
    folder = tmp_path_factory.mktemp("fuzzed")
    for index in range(COUNT):
        source = originals[index % len(originals)]
        (folder / f"{index:04d}_{source.name}").write_bytes(mutate(source.read_bytes(), rng))
    return folder


def test_mutated_files_import_without_a_traceback_or_an_orphan(
    tmp_path: Path, fuzzed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "archive"
    started = time.monotonic()
    code = main(["--archive", str(archive), "import", str(fuzzed), "--json", "--workers", "2"])
    elapsed = time.monotonic() - started
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    result = json.loads(out)
    assert code in (0, 1)
    assert result["stopped"] is None
    assert len(result["files"]) == COUNT
    for entry in result["files"]:
        assert entry["outcome"] in ("imported", "duplicate", "failed"), entry
        if entry["outcome"] == "failed":
            assert entry["reason"], entry
            assert "unexpected error" not in entry["reason"], entry  # each failure is understood
        else:
            assert isinstance(entry["id"], int), entry
    imported = [f for f in result["files"] if f["outcome"] == "imported"]
    assert len(imported) == result["imported"] > COUNT // 4
    assert elapsed < 60, f"the fuzzed import took {elapsed:.0f} s"
    with Catalog(archive) as catalog:
        assert catalog.count_photos() == len(imported)
        assert [c for c in check_originals(catalog) if c.problem] == []
        assert list(untracked_originals(catalog)) == []
        assert not catalog.paths.incoming.exists() or list(catalog.paths.incoming.iterdir()) == []
    code = main(["--archive", str(archive), "check", "--json"])
    checked = json.loads(capsys.readouterr().out)
    assert checked["checked"] == len(imported) and checked["problems"] == []
