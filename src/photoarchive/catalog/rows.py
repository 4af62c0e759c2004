"""Rows to dataclasses: one mapper for every table whose columns are named like the fields."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


def from_row(cls: type[T], row: sqlite3.Row, *, json_columns: Collection[str] = (), **given: Any) -> T:
    """An instance of the dataclass ``cls`` from the columns of ``row`` named like its fields.

    The ``json_columns`` are decoded from JSON; fields in ``given`` take the value given (a
    value read elsewhere, or one stored differently); fields the row lacks keep their default.
    """
    columns = set(row.keys())
    values = {
        f.name: json.loads(row[f.name]) if f.name in json_columns else row[f.name]
        for f in fields(cls)
        if f.name in columns and f.name not in given
    }
    return cls(**values, **given)
