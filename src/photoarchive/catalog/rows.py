"""Rows to dataclasses: one mapper for every table whose columns are named like the fields."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import fields
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


def from_row(cls: type[T], row: Any, *, json_columns: Collection[str] = (), **given: Any) -> T:
    """An instance of the dataclass ``cls`` from the columns of ``row`` named like its fields.

    The ``json_columns`` are decoded from JSON; fields in ``given`` take the value given (a
    value read elsewhere, or one stored differently); fields the row lacks keep their default.
    """
    # One pass over the row (a Row looks a name up by scanning its columns), and the fields
    # named once per class: a listing maps hundreds of thousands of rows.
    data = dict(zip(row.keys(), row, strict=True))
    values = {
        name: json.loads(data[name]) if name in json_columns else data[name]
        for name in _field_names(cls)
        if name in data and name not in given
    }
    return cls(**values, **given)


@cache
def _field_names(cls: type[DataclassInstance]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))
