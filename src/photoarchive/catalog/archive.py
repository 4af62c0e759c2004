"""Where an archive lives: one folder with ``catalog.sqlite``, ``originals/``, ``cache/`` and ``backups/``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ENVIRONMENT_VARIABLE = "PHOTOARCHIVE_ARCHIVE"


@dataclass(frozen=True)
class ArchivePaths:
    """The paths inside one archive folder."""

    root: Path

    @property
    def catalog(self) -> Path:
        return self.root / "catalog.sqlite"

    @property
    def catalog_url(self) -> Path:
        """When the catalog is on a PostgreSQL server: its address (``catalog.location``)."""
        return self.root / "catalog.url"

    @property
    def originals(self) -> Path:
        return self.root / "originals"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def backups(self) -> Path:
        """Copies of the catalog (``photoarchive.catalog.backup``)."""
        return self.root / "backups"

    @property
    def incoming(self) -> Path:
        """Temporary copies being written during an import; emptied when an import starts."""
        return self.originals / ".incoming"

    @property
    def import_lock(self) -> Path:
        """One import at a time into an SQLite catalog (a lock on this file); a catalog on a
        server uses the database's own lock instead (``ingest.session._archive_lock``)."""
        return self.root / ".import.lock"

    def thumbnail(self, sha256: str, size: int) -> Path:
        # One join of three parts parses once (three joins parse three times: 10 µs a path,
        # and the culling view makes one for each of 100,000 photos).
        return self.cache.joinpath("thumbnails", sha256[:2], f"{sha256}-{size}.jpg")

    def original(self, relative_path: str) -> Path:
        return self.originals / relative_path

    @property
    def name(self) -> str:
        return self.root.name

    def ensure(self) -> None:
        for folder in (self.root, self.originals, self.cache):
            folder.mkdir(parents=True, exist_ok=True)


def default_archive_dir() -> Path:
    """``$PHOTOARCHIVE_ARCHIVE``; else ``./archive`` of a source checkout; else the user's data folder."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    if configured:
        return Path(configured).expanduser()
    checkout = Path(__file__).resolve().parents[3]
    if (checkout / "pyproject.toml").is_file() and (checkout / "main.py").is_file():
        return checkout / "archive"
    return platformdirs.user_data_path("photoarchive", appauthor=False) / "archive"
