"""Printing results: JSON for scripts, short aligned lines for people."""

from __future__ import annotations

import json
import sys
from typing import Any


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_fields(fields: dict[str, Any]) -> None:
    width = max((len(k) for k in fields), default=0)
    for key, value in fields.items():
        if value in (None, "", [], {}):
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        print(f"{key:<{width}}  {value}")


def n_photos(count: int) -> str:
    """A count of photos in the command line's English: "1 photo", "3 photos"."""
    return f"{count} photo{'' if count == 1 else 's'}"


def warn(message: str) -> None:
    print(message, file=sys.stderr)
