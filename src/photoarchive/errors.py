"""Typed errors raised by the core.

The core never prints or exits: it raises one of these, and the GUI or the command line
decides how to show it. Every message is written for a curator, not a programmer: it says
what was wrong and where (a file, a field, a line).
"""

from __future__ import annotations


def first_line(error: BaseException) -> str:
    """The first line of an error's message (a server's or a library's own), or the error's type
    when it has none: what a one-line message quotes of an error it reports."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


class PhotoArchiveError(Exception):
    """Base class of every error the core raises on purpose."""


class CatalogError(PhotoArchiveError):
    """The catalog cannot be opened, migrated or written."""


class MigrationError(CatalogError):
    """A schema migration failed; the catalog was left as it was before it."""


class CatalogMissingError(CatalogError):
    """An archive's originals or backups are there but its catalog is not: a new, empty catalog
    would hide every caption, place and collection, so none is made (restore one instead)."""


class NotFoundError(PhotoArchiveError):
    """A photo, collection, place or template that was asked for does not exist."""


class StaleEditError(PhotoArchiveError):
    """An edit was not undone (or redone) because the values it would overwrite were changed
    after it (by a later edit, another window or another process); nothing was changed.
    ``changes`` are the edit's changes whose field holds another value now."""

    def __init__(self, message: str, edit_id: int, changes: list) -> None:
        super().__init__(message)
        self.edit_id = edit_id
        self.changes = changes


class ValidationError(PhotoArchiveError):
    """A value given by the user is not acceptable; the message names the field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ImageError(PhotoArchiveError):
    """A file cannot be used as a photo: not an image, truncated, corrupt, or too large."""


class MetadataReadError(PhotoArchiveError):
    """Embedded EXIF, IPTC or XMP metadata cannot be read."""


class MetadataWriteError(PhotoArchiveError):
    """Metadata could not be written, or did not survive being read back."""


class IngestError(PhotoArchiveError):
    """An import could not start or could not store a file."""


class ExportError(PhotoArchiveError):
    """An export could not be written."""


class CancelledError(PhotoArchiveError):
    """Long work was cancelled by the user; nothing half-done was kept."""
