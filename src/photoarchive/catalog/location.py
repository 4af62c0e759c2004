"""Where an archive's catalog lives: its ``catalog.sqlite``, or a database on a PostgreSQL server.

A URL given by the caller (``--catalog``, ``$PHOTOARCHIVE_CATALOG``: the caller decides) comes
first; then the archive folder's ``catalog.url``, which a team's shared folder holds so that
every curator who opens it reaches the same server; else the folder's ``catalog.sqlite``.
A URL never carries a password, neither in ``catalog.url`` nor in what is shown: libpq reads
``~/.pgpass`` or ``$PGPASSWORD``. ``shown()`` is the location for messages and title bars.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from photoarchive.errors import CatalogError
from photoarchive.files import atomic_write

Dialect = Literal["sqlite", "postgresql"]

URL_FILE = "catalog.url"
SCHEMES = ("postgresql", "postgres")
# The catalog's URL when the command line gives none: the window and the command line read it.
ENVIRONMENT_VARIABLE = "PHOTOARCHIVE_CATALOG"


@dataclass(frozen=True)
class CatalogLocation:
    """The archive's SQLite file (``path``) and, when the catalog is on a server, its ``url``."""

    path: Path
    url: str | None = None

    @property
    def dialect(self) -> Dialect:
        return "sqlite" if self.url is None else "postgresql"

    def shown(self) -> str:
        """The location without any password, for messages, logs and the title bar."""
        return str(self.path) if self.url is None else without_password(self.url)


def resolve(root: Path, url: str | None = None) -> CatalogLocation:
    """The catalog of the archive at ``root``: ``url`` when given, else the one in
    ``root/catalog.url``, else ``root/catalog.sqlite``."""
    path = root / "catalog.sqlite"
    if url is None:
        url = read_url_file(root / URL_FILE)
    if url is None:
        return CatalogLocation(path)
    check_url(url)
    return CatalogLocation(path, url)


def from_environment() -> str | None:
    """The catalog's URL in ``$PHOTOARCHIVE_CATALOG``; None when it is unset or empty (the
    archive's own catalog then: its ``catalog.url``, else its ``catalog.sqlite``)."""
    return os.environ.get(ENVIRONMENT_VARIABLE, "").strip() or None


def read_url_file(file: Path) -> str | None:
    """The URL in ``file`` (its first line that is neither empty nor a ``#`` comment); None
    when there is no such file."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError(f"{file}: cannot read the catalog's address ({error})") from error
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                check_url(line)
            except CatalogError as error:
                raise CatalogError(f"{file}: {error}") from None
            return line
    raise CatalogError(f"{file}: holds no catalog address (a line such as postgresql://host/database)")


def remember(root: Path, url: str) -> None:
    """Write ``url`` as the archive's ``catalog.url``, so that whoever opens the folder reaches it."""
    check_url(url)
    content = (
        "# The catalog of this archive is on a PostgreSQL server (Photo Archive reads this line).\n"
        "# Passwords go in ~/.pgpass or PGPASSWORD, never here.\n"
        f"{url}\n"
    )
    try:
        atomic_write(root / URL_FILE, content.encode("utf-8"))
    except OSError as error:
        raise CatalogError(f"{root / URL_FILE}: cannot write the catalog's address ({error})") from error


def check_url(url: str) -> None:
    """Raise ``CatalogError`` unless ``url`` is a PostgreSQL URL without a password."""
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise CatalogError(f"not a PostgreSQL address: {without_password(url)!r} (postgresql://host/database)")
    if has_password(url):
        raise CatalogError(
            f"the catalog's address {without_password(url)} holds a password; put it in ~/.pgpass"
            " or PGPASSWORD instead, where only you can read it"
        )


def has_password(url: str) -> bool:
    """Whether ``url`` holds a password (``user:password@`` or ``?password=``)."""
    try:
        parts = urlsplit(url)
        return parts.password is not None or any(key == "password" for key, _ in parse_qsl(parts.query))
    except ValueError:  # not parseable (a bad port)
        return False


def without_password(url: str) -> str:
    """``url`` with any password (``user:password@`` or ``?password=``) taken out."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if parts.password is not None:
            credentials, _, host = netloc.rpartition("@")
            netloc = f"{credentials.partition(':')[0]}@{host}"
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "password"])
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    except ValueError:  # not parseable (a bad port): show nothing of it rather than a password
        return "(an address that cannot be read)"
