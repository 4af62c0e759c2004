"""An import batch: one run of the importer over some files and folders."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportFailure:
    """A file that could not be imported, with a one-line reason a curator can act on."""

    path: str
    error: str


@dataclass
class ImportBatch:
    id: int
    started_at: str
    finished_at: str | None
    sources: list[str]
    imported: int = 0
    duplicates: int = 0
    failed: int = 0
    status: str = "running"  # running, completed, cancelled, interrupted
    failures: list[ImportFailure] = field(default_factory=list)
