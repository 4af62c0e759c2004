"""Making the window's actions and putting them into menus.

The controllers make their actions with ``make_action`` and hand them out (``actions()``);
the window lays them out with ``fill_menu``. A submenu goes in as its ``menuAction()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

# One key, or several: a string ("Ctrl+B") or a standard key of the platform.
Key = str | QKeySequence.StandardKey
Shortcut = Key | list[Key] | None


def make_action(
    parent: QObject, text: str, slot: Callable[[], object], shortcut: Shortcut = None, *, tip: str = ""
) -> QAction:
    """An action that calls ``slot`` without arguments when triggered."""
    action = QAction(text, parent)
    if shortcut is not None:
        keys = shortcut if isinstance(shortcut, list) else [shortcut]
        sequences: list[QKeySequence] = []
        for key in keys:  # a standard key may stand for several sequences, or none here
            found = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
            sequences += [k for k in found if not k.isEmpty() and k not in sequences]
        action.setShortcuts(sequences)
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def fill_menu(menu: QMenu, items: Iterable[QAction | None]) -> None:
    """Add the actions in order; ``None`` is a separator."""
    for item in items:
        if item is None:
            menu.addSeparator()
        else:
            menu.addAction(item)
