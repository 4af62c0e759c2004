"""The catalog's schema: a list of named migrations, applied in order, each in a transaction.

Each migration has a name that never changes once released; the catalog records which ones
ran in ``schema_migrations`` and mirrors their count in ``PRAGMA user_version``. Before any
migration runs on a catalog that already holds data, the catalog is backed up the way every
backup is taken (``catalog.backup.take_backup``: SQLite's online backup API, checked, renamed
into place) to ``backups/catalog-<time>-before-<migration>.sqlite`` beside it.

Migrations are the modules ``catalog/migrations/mNNNN_name.py``, applied in the order of
their names. Each has ``NAME`` and either ``SQL`` (a script) or ``apply(conn)``. To change
the schema, add a module; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from photoarchive.catalog.backup import take_backup
from photoarchive.catalog.connection import timestamp, transaction
from photoarchive.catalog.migrations import load_migration_modules
from photoarchive.errors import MigrationError


@dataclass(frozen=True)
class Migration:
    name: str
    apply: str | Callable[[sqlite3.Connection], None]


MIGRATIONS: list[Migration] = [
    Migration(module.NAME, getattr(module, "SQL", None) or module.apply) for module in load_migration_modules()
]


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY rowid")]


def pending_migrations(conn: sqlite3.Connection, migrations: list[Migration] | None = None) -> list[Migration]:
    done = set(applied_migrations(conn))
    return [m for m in (MIGRATIONS if migrations is None else migrations) if m.name not in done]


def migrate(conn: sqlite3.Connection, db_path: Path, migrations: list[Migration] | None = None) -> list[str]:
    """Apply every pending migration; return their names. Backs the catalog up first."""
    migrations = MIGRATIONS if migrations is None else migrations
    known = {m.name for m in migrations}
    unknown = [name for name in applied_migrations(conn) if name not in known]
    if unknown:
        raise MigrationError(
            f"{db_path}: the catalog was written by a newer version of Photo Archive "
            f"(unknown migrations: {', '.join(unknown)}); update the application to open it"
        )
    pending = pending_migrations(conn, migrations)
    if not pending:
        return []
    if applied_migrations(conn):
        take_backup(conn, Path(db_path).parent / "backups", f"before-{pending[0].name}")
    for migration in pending:
        try:
            with transaction(conn):
                if isinstance(migration.apply, str):
                    for statement in _statements(migration.apply):
                        conn.execute(statement)
                else:
                    migration.apply(conn)
                conn.execute(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                    (migration.name, timestamp()),
                )
                count = conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
                conn.execute(f"PRAGMA user_version = {int(count)}")
        except sqlite3.Error as error:
            raise MigrationError(
                f"{db_path}: migration {migration.name} failed ({error}); nothing was changed"
            ) from error
    return [m.name for m in pending]


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit on its own)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
