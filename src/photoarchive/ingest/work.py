"""The work for one file of an import, as the pool is given it: named here, imported where it runs.

See ``task``: the process that starts an import imports ``worker`` (Pillow, libvips, exiv2)
only to fork its workers from itself; otherwise they have it from their fork server.
"""

from __future__ import annotations

from photoarchive.ingest.task import FileResult


def import_file(
    source: str,
    archive_root: str,
    import_date: str,
    legacy_charset: str | None = None,
    catalog_url: str | None = None,
) -> FileResult:
    """``worker.process_file``, imported in the process that runs it."""
    from photoarchive.ingest import worker

    return worker.process_file(source, archive_root, import_date, legacy_charset, catalog_url)
