"""Shared test fixtures. Qt runs offscreen; sample files are in tests/data/samples (see its PROVENANCE.md)."""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from photoarchive.catalog import Catalog
    from tests.postgres import Backend
    from tests.processes import Command

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the developer's own settings (their curator's name would be in every edit's history):
# an empty folder of the session's (photoarchive.user_settings); subprocesses inherit it.
# Removed when the session ends (each run left one behind). A test's subprocess importing this
# module (a script importing a conftest's helpers, often killed -9) keeps the session's.
_SESSION = "PHOTOARCHIVE_TEST_SESSION_SETTINGS"
if not os.environ.get(_SESSION) or os.environ.get("PHOTOARCHIVE_USER_SETTINGS") != os.environ[_SESSION]:
    _USER_SETTINGS = tempfile.mkdtemp(prefix="photoarchive-user-")
    atexit.register(shutil.rmtree, _USER_SETTINGS, ignore_errors=True)
    os.environ["PHOTOARCHIVE_USER_SETTINGS"] = os.environ[_SESSION] = str(Path(_USER_SETTINGS) / "settings.json")

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "tests" / "data" / "samples"

# The PostgreSQL server of $PHOTOARCHIVE_TEST_PG, when there is one (the backend fixture below).
pytest_plugins = ["tests.postgres"]


@pytest.fixture(scope="session")
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.fail(f"sample files not found at {SAMPLES} (they are part of the repository: is the checkout complete?)")
    return SAMPLES


def write_photo(
    path: Path,
    *,
    size: tuple[int, int] = (640, 480),
    when: datetime | None = datetime(2015, 8, 10, 9, 0, 0),
    seed: int = 0,
    orientation: int = 1,
    gps: tuple[float, float] | None = None,
    make: str = "Canon",
    model: str = "Canon EOS 5D Mark III",
) -> Path:
    """A small camera-like JPEG with EXIF (date, camera, orientation, GPS), distinct per seed."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, ((seed * 53) % 256, (seed * 97) % 256, (seed * 31) % 256))
    draw = ImageDraw.Draw(image)
    draw.rectangle((seed % size[0], 0, size[0] // 2, size[1] // 3), fill=(255, 255 - seed % 256, 0))
    draw.text((10, 10), f"photo {seed}", fill=(0, 0, 0))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = make, model, orientation
    if when is not None:
        exif.get_ifd(0x8769)[0x9003] = when.strftime("%Y:%m:%d %H:%M:%S")
    if gps is not None:
        gps_ifd = exif.get_ifd(0x8825)
        gps_ifd[0x0000] = b"\x02\x03\x00\x00"
        gps_ifd[0x0001], gps_ifd[0x0002] = ("N" if gps[0] >= 0 else "S"), _dms(gps[0])
        gps_ifd[0x0003], gps_ifd[0x0004] = ("E" if gps[1] >= 0 else "W"), _dms(gps[1])
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=90, exif=exif)
    return path


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    return (float(degrees), float(minutes), round(((value - degrees) * 60 - minutes) * 60, 4))


def write_photos(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    base = datetime(2015, 8, 10, 9, 0, 0)
    return [
        write_photo(folder / f"IMG_{i:04d}.JPG", seed=i, when=base + timedelta(minutes=17 * i))
        for i in range(start, start + count)
    ]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def backend(request: pytest.FixtureRequest) -> Backend:
    """Where the test's catalogs are: SQLite, then the PostgreSQL test server (skipped without
    one, failed without one under CI=true). ``backend.archive(root)`` makes ``root`` an archive
    folder whose catalog is on it."""
    from tests.postgres import make_backend

    marker = request.node.get_closest_marker("sqlite_only")
    if marker is not None and request.param != "sqlite":
        pytest.skip(f"SQLite only: {marker.args[0] if marker.args else 'no reason given'}")
    return make_backend(request)


@pytest.fixture
def catalog(tmp_path: Path):
    from photoarchive.catalog import Catalog

    with Catalog(tmp_path / "archive") as opened:
        yield opened


@pytest.fixture
def backend_catalog(backend: Backend, tmp_path: Path) -> Iterator[Catalog]:
    """A new catalog on each backend (``backend``): a test module whose tests run on both
    overrides its ``catalog`` fixture with this one."""
    from photoarchive.catalog import Catalog

    with Catalog(backend.archive(tmp_path / "archive")) as opened:
        yield opened


def add_original(catalog: Catalog, source: Path, *, name: str | None = None, fmt: str = "JPEG") -> int:
    """Record ``source`` as a photo with its original in originals/, without an import run."""
    data = source.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    relative = f"2015/{sha256[:8]}/{name or source.name}"  # names may repeat, as in originals/
    target = catalog.paths.original(relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return catalog.add_photo(
        {
            "sha256": sha256,
            "original_path": relative,
            "original_name": name or source.name,
            "source_path": str(source.resolve()),
            "size": len(data),
            "format": fmt,
            "captured_at": "2015-08-10T09:00:00",
            "imported_at": "2026-01-01T00:00:00+00:00",
            "embedded": {},
        }
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_record(catalog: Catalog, n: int, name: str, embedded: dict | None = None) -> int:
    """A photo row named ``name``, captured on 2015-08-``n``, with no file behind it."""
    return catalog.add_photo(
        {
            "sha256": f"{n:064x}",
            "original_path": f"2015/2015-08-10/{name}",
            "original_name": name,
            "source_path": f"/src/{name}",
            "size": 1,
            "format": "JPEG",
            "imported_at": "2026-01-01T00:00:00+00:00",
            "captured_at": f"2015-08-{n:02d}T10:00:00",
            "embedded": embedded or {},
        }
    )


def run_import(catalog: Catalog, *paths: Path, cancel_after: int | None = None):
    """Import ``paths`` with two workers, cancelling after ``cancel_after`` progress events; (summary, events)."""
    from photoarchive.ingest import ImportJob

    job = ImportJob(catalog, list(paths), workers=2)
    seen = 0

    def cancelled() -> bool:
        return cancel_after is not None and seen >= cancel_after

    progress = []
    for event in job.run(cancelled):
        seen += 1
        progress.append(event)
    return job.summary, progress


@pytest.fixture
def commands() -> Iterator[list[Command]]:
    """Marked commands a test starts; whatever of theirs is still alive at the end is killed."""
    made: list[Command] = []
    yield made
    for command in made:
        command.kill_all()
