"""Each SQL fragment of catalog.dialect gives the same answer on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from photoarchive.catalog import dialect as fragments
from photoarchive.catalog.connection import dialect, transaction
from tests.postgres import Backend


@pytest.fixture
def conn(backend: Backend, tmp_path: Path):
    opened = backend.connect(backend.archive(tmp_path / "archive"))
    name = dialect(opened)
    with transaction(opened):
        if name == "postgresql":
            opened.execute(fragments.NOCASE_FUNCTION)
        opened.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, name TEXT NOT NULL, keywords TEXT)")
        opened.executemany(
            "INSERT INTO notes (id, name, keywords) VALUES (?, ?, ?)",
            [
                (1, "Shumshu", json.dumps(["beach", "fog"])),
                (2, "shumshu", json.dumps(["tank"])),
                (3, "Байкал", json.dumps(["лёд", "Байкал"])),
                (4, "富士山", None),
                (5, "Zeta", json.dumps([])),
            ],
        )
    yield opened
    opened.close()


def ids(conn, sql: str, parameters: tuple = ()) -> list:
    return [tuple(row) for row in conn.execute(sql, parameters)]


def test_nocase_folds_a_to_z_only_and_orders_alike(conn) -> None:
    d = dialect(conn)
    assert ids(
        conn,
        f"SELECT id FROM notes WHERE {fragments.nocase(d, 'name')} = {fragments.nocase(d, '?')} ORDER BY id",
        ("SHUMSHU",),
    ) == [
        (1,),
        (2,),
    ]
    assert (
        ids(conn, f"SELECT id FROM notes WHERE {fragments.nocase(d, 'name')} = {fragments.nocase(d, '?')}", ("байкал",))
        == []
    )
    assert ids(conn, f"SELECT id FROM notes ORDER BY {fragments.nocase(d, 'name')}, id") == [
        (1,),
        (2,),
        (5,),
        (3,),
        (4,),
    ]


def test_like_nocase_ignores_the_case_of_latin_letters(conn) -> None:
    like = fragments.like_nocase(dialect(conn))
    assert ids(conn, f"SELECT id FROM notes WHERE name {like} ? ORDER BY id", ("%HUMS%",)) == [(1,), (2,)]


def test_concat_agg_position_and_no_index(conn) -> None:
    d = dialect(conn)
    joined = conn.execute(
        f"SELECT {fragments.concat_agg(d, 'name')} FROM (SELECT name FROM notes WHERE id < 3 ORDER BY id) AS n"
    ).fetchone()[0]
    assert sorted(joined.split(" ")) == ["Shumshu", "shumshu"]
    assert ids(conn, f"SELECT id, {fragments.position(d, '?', 'name')} FROM notes WHERE id IN (1, 3)", ("shu",)) == [
        (1, 5),
        (3, 0),
    ]
    assert ids(conn, f"SELECT id FROM notes WHERE {fragments.no_index(d, 'id')} = ?", (4,)) == [(4,)]


def test_has_any_of_and_json_values(conn) -> None:
    d = dialect(conn)
    assert ids(conn, f"SELECT id FROM notes WHERE {fragments.has_any_of(d, 'name', 'A-Z')} ORDER BY id") == [
        (1,),
        (5,),
    ]
    with pytest.raises(ValueError):
        fragments.has_any_of(d, "name", "']")
    values = fragments.json_values(d, "n.keywords", "k")
    assert ids(conn, f"SELECT n.id, k.value FROM notes n, {values} WHERE n.id IN (1, 3) ORDER BY n.id, k.value") == [
        (1, "beach"),
        (1, "fog"),
        (3, "Байкал"),
        (3, "лёд"),
    ]


def test_table_columns(conn) -> None:
    assert fragments.table_columns(conn, dialect(conn), "notes") == ["id", "name", "keywords"]
    assert fragments.table_columns(conn, dialect(conn), "absent") == []
