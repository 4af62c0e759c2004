"""The catalog's migrations, one module each, named ``mNNNN_what.py`` and applied in that order."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def load_migration_modules() -> list[ModuleType]:
    names = sorted(info.name for info in pkgutil.iter_modules(__path__) if info.name.startswith("m"))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]
