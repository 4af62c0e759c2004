"""The places panel: browse and edit the gazetteer, give the selected photos a place.

Its dependencies come in through the constructor: the catalog, ``edits`` (the window's
``PhotoEdits``, which records every change as a step of the one undo stack), and
``selected_ids`` (a function giving the selected photo ids). Assigning a place is one
undoable edit; editing a place re-fills its photos and those of the places inside it, and is
one undo step too, checked like the others for changes made elsewhere before it is undone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from photoarchive.catalog import Catalog
from photoarchive.catalog import places as place_store
from photoarchive.errors import PhotoArchiveError
from photoarchive.model.place import Place
from photoarchive.places import Gazetteer, add_place, photo_values_now, remove_place
from photoarchive.places.exchange import export_csv, export_geojson, import_places
from photoarchive.places.suggest import CityIndex
from photoarchive.ui.dialogs.places_dialogs import GeotagDialog, SuggestionsDialog
from photoarchive.ui.models.place_tree_model import Column, PlaceTreeModel
from photoarchive.ui.undo import PhotoEdits
from photoarchive.ui.widgets.flow_layout import FlowLayout
from photoarchive.ui.widgets.place_editor import PlaceEditor

PLACE_COLUMN = 300  # the narrowest the tree or the form is side by side


class PlacesPanel(QWidget):
    """The gazetteer as a tree, a form for the current place, and the actions on places."""

    places_changed = Signal()  # the gazetteer changed (the map and the sources re-read it)
    photos_changed = Signal(list)  # photos whose fields changed through this panel
    photos_requested = Signal(list)  # double-click on a place: select its photos
    failed = Signal(str)  # something to tell the curator

    def __init__(
        self,
        catalog: Catalog,
        *,
        edits: PhotoEdits,
        selected_ids: Callable[[], list[int]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.edits = edits
        self.selected_ids = selected_ids or (lambda: [])
        self.gazetteer = Gazetteer([])
        self.model = PlaceTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (Column.KIND, Column.FIELD, Column.PHOTOS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Find a place (any language)"))
        self.filter.setClearButtonEnabled(True)
        self.editor = PlaceEditor(self)

        bar = FlowLayout()  # the buttons wrap in a narrow panel instead of being cut
        self.buttons: dict[str, QToolButton] = {}
        for key, text, tip, slot in (
            ("add", self.tr("Add"), self.tr("Add a place inside the current one"), self.add_place),
            ("remove", self.tr("Remove"), self.tr("Remove the current place"), self.remove_current),
            ("assign", self.tr("Assign"), self.tr("Give the selected photos the current place"), self.assign_current),
            ("clear", self.tr("Clear"), self.tr("Take the place off the selected photos"), self.clear_selected),
            ("import", self.tr("Import…"), self.tr("Import places from CSV or GeoJSON"), self._ask_import),
            ("export", self.tr("Export…"), self.tr("Export the gazetteer as CSV or GeoJSON"), self._ask_export),
            ("suggest", self.tr("Suggest…"), self.tr("Suggest places for photos with GPS"), self.open_suggestions),
            ("gpx", self.tr("GPX…"), self.tr("Give the selected photos GPS from a GPX track"), self.open_geotag),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button

        # The tree over the form in a tall panel, beside it in a wide one (a panel under the
        # grid); the form scrolls on its own, never the tree.
        self.tree.setMinimumHeight(self.tree.fontMetrics().height() * 8)
        self.form_area = form = QScrollArea(self)
        form.setWidgetResizable(True)
        form.setFrameShape(QFrame.Shape.NoFrame)
        form.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form.setWidget(self.editor)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.tree)
        splitter.addWidget(form)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.filter)
        layout.addWidget(splitter, 1)

        self.filter.textChanged.connect(self._filter)
        self.tree.selectionModel().currentChanged.connect(lambda current, _old: self._show(current))
        self.tree.doubleClicked.connect(self._request_photos)
        self.editor.save_requested.connect(self.save_current)
        self.editor.revert_requested.connect(lambda: self._show(self.tree.currentIndex()))
        edits.places_changed.connect(self._places_edited)
        self.reload()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Tree and form side by side when the panel is wide (under the grid), else one over
        the other (in a side column)."""
        super().resizeEvent(event)
        size = event.size()
        wide = size.width() >= 2 * PLACE_COLUMN
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        # Beside the tree, the form keeps the width it needs whole with its vertical scroll
        # bar shown (the bar may come and go as places are selected; without the reserve the
        # form's right edge would be cut by the bar's width).
        bar = self.form_area.verticalScrollBar().sizeHint().width()
        need = self.editor.minimumSizeHint().width() + bar + 4
        self.form_area.setMinimumWidth(need if wide else 0)
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            if wide:  # the form as narrow as it can be whole, the tree the rest
                form_width = min(max(need, size.width() * 3 // 8), size.width() - PLACE_COLUMN)
                self.splitter.setSizes([size.width() - form_width, form_width])

    # -- state ------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Re-read the gazetteer, keeping (or moving to) a current place."""
        current = select if select is not None else self.current_place_id()
        self.gazetteer = Gazetteer.load(self.catalog)
        self.model.set_places(self.gazetteer, place_store.photo_counts(self.catalog))
        self.tree.expandAll()
        if current is not None and current in self.gazetteer.places:
            self.select_place(current)
        else:
            self._show(QModelIndex())

    def current_place_id(self) -> int | None:
        place = self.model.place(self.tree.currentIndex())
        return None if place is None else place.id

    def select_place(self, place_id: int) -> None:
        index = self.model.index_of(place_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
            self._show(index)

    def _show(self, index: QModelIndex) -> None:
        place = self.model.place(index)
        self.editor.set_place(place, self.gazetteer)
        for key in ("remove", "assign"):
            self.buttons[key].setEnabled(place is not None)

    def _filter(self, text: str) -> None:
        current = self.current_place_id()
        self.model.set_filter(text)
        self.tree.expandAll()
        if current is not None:
            self.select_place(current)

    # -- actions ----------------------------------------------------------------------------

    def add_place(self, name: str = "") -> Place | None:
        """Add a place inside the current one (a "feature"), or at the top level when none is current."""
        parent = self.current_place_id()
        kind = "feature" if parent is not None else "other"  # a country needs its code: the curator sets the kind
        try:
            place = add_place(self.catalog, Place(name or self.tr("New place"), kind=kind, parent_id=parent))
        except PhotoArchiveError as error:
            self.failed.emit(str(error))
            return None
        self.reload(select=place.id)
        self.editor.name.setFocus()
        self.editor.name.selectAll()
        self.places_changed.emit()
        return place

    def save_current(self) -> bool:
        """Store the form's values; the place's photos are re-filled, as one undo step."""
        place = self.editor.place
        if place is None:
            return False
        new = self.editor.values()
        try:  # the tree and the map follow through edits.places_changed
            edit = self.edits.edit_place(place.id, new, self.tr("Edit place {name}").format(name=new["name"]))
        except PhotoArchiveError as error:
            self.failed.emit(str(error))
            return False
        if edit.photo_ids:
            self.photos_changed.emit(edit.photo_ids)
        return True

    def _places_edited(self) -> None:
        """A place was edited, or its edit undone or redone: show the gazetteer as it is now."""
        self.reload()
        self.places_changed.emit()

    def remove_current(self, *, confirm: bool = True) -> bool:
        place_id = self.current_place_id()
        if place_id is None:
            return False
        place = self.gazetteer.get(place_id)
        holds = self.gazetteer.children(place_id) or place_store.photo_ids_at(self.catalog, [place_id])
        if holds and confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Remove place"),
                self.tr("{name} holds places or photos. Remove it and move them to the place it is in?").format(
                    name=place.name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            edit = remove_place(self.catalog, place_id, force=True)
        except PhotoArchiveError as error:
            self.failed.emit(str(error))
            return False
        self.reload(select=place.parent_id)
        self.places_changed.emit()
        if edit.photo_ids:
            self.photos_changed.emit(edit.photo_ids)
        return True

    def assign_current(self) -> None:
        place_id = self.current_place_id()
        if place_id is not None:
            self.assign(self.selected_ids(), place_id)

    def clear_selected(self) -> None:
        self.assign(self.selected_ids(), None)

    def assign(self, photo_ids: list[int], place_id: int | None) -> None:
        """Give photos a place (None: none) as one undoable edit."""
        if not photo_ids:
            self.failed.emit(self.tr("Select some photos first."))
            return
        gazetteer = Gazetteer.load(self.catalog)
        place = None if place_id is None else gazetteer.get(place_id)
        count = len(photo_ids)
        if place is None:
            text = self.tr("Clear the place of %n photo(s)", "", count)
        else:
            text = self.tr("Place %n photo(s) at {name}", "", count).format(name=place.name)
        try:
            edit = self.edits.apply(photo_ids, lambda pid: photo_values_now(self.catalog, gazetteer, place, pid), text)
        except PhotoArchiveError as error:
            self.failed.emit(str(error))
            return
        self.reload()
        if edit.photo_ids:
            self.photos_changed.emit(edit.photo_ids)

    def import_file(self, path: Path | str) -> None:
        try:
            report = import_places(self.catalog, path)
        except PhotoArchiveError as error:
            self.failed.emit(str(error))
            return
        self.reload()
        self.places_changed.emit()
        self.failed.emit(
            self.tr("{added} places added, {kept} already there").format(
                added=len(report.added), kept=len(report.unchanged)
            )
        )

    def export_file(self, path: Path | str) -> int:
        path = Path(path)
        writer = export_csv if path.suffix.lower() == ".csv" else export_geojson
        try:
            return writer(self.catalog, path)
        except OSError as error:
            self.failed.emit(self.tr("Cannot write {path}: {reason}").format(path=path, reason=error.strerror))
            return 0

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import places"), "", self.tr("Places (*.csv *.geojson *.json)")
        )
        if path:
            self.import_file(path)

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export places"), "places.geojson", self.tr("GeoJSON (*.geojson);;CSV (*.csv)")
        )
        if path:
            self.export_file(path)

    def open_suggestions(self, *, cities: CityIndex | None = None) -> SuggestionsDialog:
        """Suggestions for the selected photos, or for every photo with GPS and no place."""
        dialog = SuggestionsDialog(self.catalog, self.edits, self.selected_ids() or None, cities=cities, parent=self)
        dialog.photos_changed.connect(self._changed_elsewhere)
        dialog.show()
        return dialog

    def open_geotag(self) -> GeotagDialog | None:
        ids = self.selected_ids()
        if not ids:
            self.failed.emit(self.tr("Select the photos to geotag first."))
            return None
        dialog = GeotagDialog(self.catalog, self.edits, ids, parent=self)
        dialog.photos_changed.connect(self._changed_elsewhere)
        dialog.show()
        return dialog

    def _changed_elsewhere(self, photo_ids: list[int]) -> None:
        self.reload()
        self.places_changed.emit()
        self.photos_changed.emit(photo_ids)

    def _request_photos(self, index: QModelIndex) -> None:
        place = self.model.place(index)
        if place is not None:
            ids = place_store.photo_ids_at(self.catalog, [p.id for p in [place, *self.gazetteer.descendants(place.id)]])
            self.photos_requested.emit(ids)
