"""A guard against a reference-counting bug of PySide6 6.12.0 on Python 3.11.

PySide6 6.12.0 returns ``None`` (and ``True``/``False``) to Python from many calls without
taking a reference: every ``QCoreApplication.processEvents()``, every slot called through a
signal, every ``QModelIndex.data()`` that has no value drops one reference to ``None``. On
Python 3.12 and later these objects are immortal and nothing happens; on 3.11 their count
reaches zero after some thousands of calls and Python aborts ("none_dealloc: deallocating
None"). PySide6 6.11 does not have the bug: the project should not install 6.12.0 on 3.11.

Until then, ``protect_singletons()`` gives ``None``, ``True`` and ``False`` a reference count so
large that no session can exhaust it, which is what Python 3.12 does for every singleton.
It does nothing where it is not needed.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

AFFECTED = PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12)
_MARGIN = 1 << 40


def protect_singletons() -> bool:
    """Pin ``None``, ``True`` and ``False`` on an affected PySide6 and Python; True if it did."""
    if not AFFECTED or getattr(protect_singletons, "done", False):
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _MARGIN
    protect_singletons.done = True  # type: ignore[attr-defined]
    return True
