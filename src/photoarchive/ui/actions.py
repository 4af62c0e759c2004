"""Making the window's actions and laying out its menus.

The controllers make their actions with ``make_action`` and hand them out (``actions()``,
by name); ``menu_layout`` says where each goes and the window fills its menus with
``fill_menu``. A submenu goes in as its ``menuAction()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QObject
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


def menu_layout(
    archive: Mapping[str, QAction],
    editing: Mapping[str, QAction],
    viewing: Mapping[str, QAction],
    collections: Mapping[str, QAction],
    *,
    history: QAction,
    docks: Sequence[QAction],
    selection: Mapping[str, QAction] | None = None,
    culling: Mapping[str, QAction] | None = None,
) -> list[tuple[str, str, list[QAction | None]]]:
    """The window's menus: (key, title, items) each, from the actions of the controllers,
    the Undo History toggle and the docks' toggles; ``None`` is a separator. ``selection``
    (rating, label, flag, auto-advance) makes the Photo menu; ``culling`` (cull, compare)
    goes into View."""

    translate = QCoreApplication.translate  # the context in each call, for lupdate
    views: list[QAction | None] = [culling["cull"], culling["compare"], None] if culling else []
    photo: list[tuple[str, str, list[QAction | None]]] = []
    if selection:
        photo = [("photo", translate("MainWindow", "&Photo"), [
            selection["rating"], selection["label"], selection["flag"], None, selection["auto_advance"],
        ])]  # fmt: skip

    return [
        ("file", translate("MainWindow", "&File"), [
            archive["import"], archive["import_folder"], None,
            archive["new_archive"], archive["open_archive"], archive["sample"], None,
            archive["export"], None,
            archive["quit"],
        ]),
        ("edit", translate("MainWindow", "&Edit"), [
            editing["undo"], editing["redo"], history, None,
            viewing["select_all"], viewing["select_none"], None,
            editing["copy"], editing["paste"], editing["templates"], None,
            editing["edit_caption"], viewing["find"],
        ]),
        ("view", translate("MainWindow", "&View"), [
            viewing["preview"], *views, viewing["next"], viewing["previous"], None,
            viewing["all_photos"], viewing["attention"], viewing["sort"], None,
            viewing["larger"], viewing["smaller"], None,
            *docks,
        ]),
        *photo,
        ("collection", translate("MainWindow", "&Collection"), [
            collections["new"], collections["add_to"], collections["add_to_target"],
            collections["remove"], collections["earlier"], collections["later"], None,
            collections["rename"], collections["properties"], collections["delete"],
        ]),
        ("help", translate("MainWindow", "&Help"), [archive["about"], archive["about_qt"]]),
    ]  # fmt: skip
