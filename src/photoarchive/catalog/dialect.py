"""The few pieces of SQL that SQLite and PostgreSQL write differently, one function each.

The catalog's SQL is written once where the two agree (``RETURNING``, ``ON CONFLICT``, row
values, ``TRUE``/``FALSE``); where they do not, a query takes its fragment from here for the
connection's dialect (``connection.dialect(conn)``), so that each difference is stated once
and the SQLite text stays as it was. Each fragment means the same on both (tests run each on
both and compare).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from photoarchive.catalog.location import Dialect

if TYPE_CHECKING:
    from photoarchive.catalog.connection import Connection

# SQLite's NOCASE folds A-Z only; on PostgreSQL the same fold, as a function an index can use
# (unique names and name order then agree on both). Created with the schema on PostgreSQL.
NOCASE_FUNCTION = """
CREATE OR REPLACE FUNCTION photoarchive_nocase(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN translate($1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
"""


def nocase(dialect: Dialect, expression: str) -> str:
    """``expression`` compared and ordered without regard to the case of A-Z. In a comparison,
    both sides take it (``nocase(d, 'name') = nocase(d, '?')``): SQLite's collation applies to
    both sides of ``=``, PostgreSQL's function only to its argument."""
    return f"{expression} COLLATE NOCASE" if dialect == "sqlite" else f"photoarchive_nocase({expression})"


def by_code_point(dialect: Dialect, expression: str) -> str:
    """Text ``expression`` compared and ordered by code point, whatever its column's collation."""
    return f"{expression} COLLATE BINARY" if dialect == "sqlite" else f'{expression} COLLATE "C"'


def like_nocase(dialect: Dialect) -> str:
    """The LIKE that ignores case (SQLite's LIKE ignores the case of A-Z; PostgreSQL's ILIKE
    that of every letter of its character type)."""
    return "LIKE" if dialect == "sqlite" else "ILIKE"


def concat_agg(dialect: Dialect, expression: str) -> str:
    """The non-null values of ``expression`` in a group, joined by spaces."""
    return f"group_concat({expression}, ' ')" if dialect == "sqlite" else f"string_agg({expression}, ' ')"


def position(dialect: Dialect, needle: str, haystack: str) -> str:
    """Where ``needle`` first starts in ``haystack``, from 1; 0 when it is not there."""
    return f"instr({haystack}, {needle})" if dialect == "sqlite" else f"strpos({haystack}, {needle})"


def has_any_of(dialect: Dialect, expression: str, characters: str) -> str:
    """``expression`` holds one of ``characters`` (a bracket expression's content: ``a-z``)."""
    if "'" in characters or "]" in characters:
        raise ValueError(f"characters must not hold a quote or a bracket: {characters!r}")
    return f"{expression} GLOB '*[{characters}]*'" if dialect == "sqlite" else f"{expression} ~ '[{characters}]'"


def json_values(dialect: Dialect, expression: str, alias: str) -> str:
    """A FROM item whose rows are the elements of the JSON list of text in ``expression``,
    as ``alias.value``."""
    if dialect == "sqlite":
        return f"json_each({expression}) AS {alias}"
    return f"jsonb_array_elements_text(({expression})::jsonb) AS {alias}(value)"


def begin_snapshot(dialect: Dialect) -> str:
    """The statement that opens a read transaction seeing one snapshot for all its reads and
    taking no write lock (SQLite: a deferred transaction; a server: repeatable read, read only)."""
    return "BEGIN" if dialect == "sqlite" else "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"


def no_index(dialect: Dialect, column: str) -> str:
    """``column``, telling SQLite's planner not to use an index on it (PostgreSQL's planner
    takes no such hint)."""
    return f"+{column}" if dialect == "sqlite" else column


def table_columns(conn: Connection, dialect: Dialect, table: str) -> list[str]:
    """The names of ``table``'s columns, in their order."""
    if dialect == "sqlite":
        return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    return [
        row[0]
        for row in conn.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
    ]
