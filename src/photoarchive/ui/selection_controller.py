"""The Photo menu's selection keys: rating, colour label and flag of the grid's selected photos.

The keys are those Photo Mechanic and Lightroom users know: 0-5 rate (0: no stars, a rating
of 0 as Lightroom writes it; "Not Rated" in the menu takes the rating off), 6-9 colour labels
(6 red, 7 yellow, 8 green, 9 blue, as Lightroom; purple and no label from the menu), P pick,
X reject, U unflag. A label key on photos that all have that label takes it off, as in
Lightroom and in the culling view. One key press over N photos is one undo step
(``PhotoEdits.apply``), and with Auto-Advance on (remembered in the settings) the photo after
the selection is selected next.

The keys are shortcuts of the grid only (``Qt.WidgetShortcut``): typed in the editor or the
search box, a 3 is a 3. The culling and compare views read the same keys themselves and ask
for the same edit (``edit``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from photoarchive.catalog import Catalog
from photoarchive.catalog.curated import load_values
from photoarchive.errors import PhotoArchiveError
from photoarchive.metadata.fields import FIELDS_BY_NAME
from photoarchive.model.fields import TRANSLATION_CONTEXT
from photoarchive.ui.actions import make_action
from photoarchive.ui.culling import choice_name
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.photo_grid import PhotoGrid

AUTO_ADVANCE_SETTING = "culling/auto_advance"
# The keys of the labels, as Lightroom's (purple has none there either).
LABEL_KEYS = {"red": "6", "yellow": "7", "green": "8", "blue": "9", "purple": None}


class SelectionController(QObject):
    """Rating, label and flag actions on the grid's selection (``actions()``; the submenus
    ``rating``, ``label`` and ``flag``, the checkable ``auto_advance``).

    ``status_message(text)``: why nothing was done (no photo selected, a value refused).
    """

    status_message = Signal(str)

    def __init__(
        self,
        catalog: Catalog,
        edits: PhotoEdits,
        grid: PhotoGrid,
        settings: QSettings,
        flush: Callable[[], None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        """``flush`` saves what is being typed in the editor before the selection changes."""
        super().__init__(parent)
        self.catalog = catalog
        self.edits = edits
        self.grid = grid
        self.settings = settings
        self.flush = flush
        self._actions: dict[str, QAction] = {}

        self.rating_menu = QMenu(self.tr("&Rating"), parent)
        self._add(self.rating_menu, "rating_none", self.tr("&Not Rated"), "rating", None)
        for stars in range(6):
            text = self.tr("No Stars") if stars == 0 else self.tr("%n Star(s)", "", stars)
            self._add(self.rating_menu, f"rating_{stars}", text, "rating", stars, str(stars))

        self.label_menu = QMenu(self.tr("Colour &Label"), parent)
        for label, key in LABEL_KEYS.items():
            self._add(self.label_menu, f"label_{label}", choice_name("label", label), "label", label, key)
        self.label_menu.addSeparator()
        self._add(self.label_menu, "label_none", self.tr("No Label"), "label", "")

        self.flag_menu = QMenu(self.tr("&Flag"), parent)
        self._add(self.flag_menu, "pick", self.tr("&Pick"), "flag", "pick", "P")
        self._add(self.flag_menu, "reject", self.tr("&Reject"), "flag", "reject", "X")
        self._add(self.flag_menu, "unflag", self.tr("&Unflag"), "flag", "", "U")

        auto = self.auto_advance = QAction(self.tr("&Auto-Advance"), self)
        auto.setCheckable(True)
        auto.setChecked(_true(settings.value(AUTO_ADVANCE_SETTING, False)))
        auto.setStatusTip(self.tr("After a rating, label or flag, select the next photo"))
        auto.toggled.connect(lambda on: self.settings.setValue(AUTO_ADVANCE_SETTING, on))
        self._actions.update(
            rating=self.rating_menu.menuAction(),
            label=self.label_menu.menuAction(),
            flag=self.flag_menu.menuAction(),
            auto_advance=auto,
        )

    def _add(self, menu: QMenu, name: str, text: str, field: str, value: Any, key: str | None = None) -> None:
        action = make_action(self, text, lambda: self.key_pressed(field, value), key)
        # The grid's keys only: in a text field a digit or a letter is typed.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.grid.addAction(action)
        menu.addAction(action)
        self._actions[name] = action

    def actions(self) -> dict[str, QAction]:
        """The actions by name, for the window's menus (``rating``, ``label`` and ``flag``
        open submenus)."""
        return dict(self._actions)

    # -- editing ----------------------------------------------------------------------------

    def key_pressed(self, field: str, value: Any) -> None:
        """A key (or its menu item) on the grid's selection: the edit, then auto-advance."""
        ids = self.grid.selected_ids()
        if not ids:
            self.status_message.emit(self.tr("Select the photos to rate, label or flag first."))
            return
        if field == "label" and value and self._all_labelled(ids, value):
            value = ""  # as Lightroom: the label key of photos all so labelled takes it off
        if self.edit(ids, field, value) and self.auto_advance.isChecked():
            self.advance(ids)

    def edit(self, photo_ids: Sequence[int], field: str, value: Any) -> bool:
        """Set one selection field of these photos as one undo step; False (and a status
        message) when it was refused. The culling and compare views' edits come here too."""
        ids = list(photo_ids)
        if not ids:
            return False
        self.flush()
        what = QCoreApplication.translate(TRANSLATION_CONTEXT, FIELDS_BY_NAME[field].label)  # as the editor says it
        try:
            self.edits.apply(ids, {field: value}, self.edits.describe(what, ids))
        except PhotoArchiveError as error:
            self.status_message.emit(str(error))
            return False
        return True

    def advance(self, edited: Sequence[int]) -> None:
        """Select the photo after the edited ones (after the last of them in the grid)."""
        model = self.grid.grid_model
        rows = [r for r in (model.row_of(pid) for pid in edited) if r is not None]
        if rows and max(rows) + 1 < model.rowCount():
            self.grid.select_ids([model.id_at(max(rows) + 1)])

    def _all_labelled(self, ids: list[int], label: str) -> bool:
        values = load_values(self.catalog, ids, ["label"])
        return all((values.get(pid, {}).get("label") or "") == label for pid in ids)


def _true(value: object) -> bool:
    """A boolean read back from QSettings (an ini file gives 'true' and 'false' as text)."""
    return value is True or str(value).lower() in ("true", "1")
