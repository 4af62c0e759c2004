"""``SourcesPanel``: the tree on the left (library, import batches, collections, keywords,
places). Selecting an entry shows its photos; photos dropped on a collection are added to it;
the context menu of a collection offers the window's collection actions."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView, QWidget

from photoarchive.ui.models.sources_model import SourcesModel
from photoarchive.ui.sources import ALL_PHOTOS, Source, SourceCounts, source_counts


class SourcesPanel(QTreeView):
    """The sources tree; ``source_selected`` when the curator picks an entry."""

    source_selected = Signal(object)

    def __init__(self, model: SourcesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sources_model = model
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.collection_actions: list[QAction | None] = []
        self.expandAll()
        model.rowsInserted.connect(lambda *_: self.expandAll())
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.select_source(ALL_PHOTOS)

    def current_source(self) -> Source:
        source = self.sources_model.source_at(self.currentIndex())
        return source if source is not None else ALL_PHOTOS

    def select_source(self, source: Source) -> bool:
        index = self.sources_model.index_of(source)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        return True

    def reload(self, counts: SourceCounts | None = None, *, lists: bool = True, recount: bool = True) -> None:
        """Re-read the sources, keeping the current one selected when it still exists: the
        lists (batches, collections) unless ``lists`` is false, then the counts, keywords and
        places given (counted in the background), else counted now unless ``recount`` is false."""
        current = self.current_source()
        self.blockSignals(True)
        if lists:
            self.sources_model.reload_lists()
        if counts is not None or recount:
            self.sources_model.apply_counts(counts if counts is not None else source_counts(self.sources_model.catalog))
        self.expandAll()
        found = self.select_source(current)
        self.blockSignals(False)
        if not found:
            self.select_source(ALL_PHOTOS)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source = self.sources_model.source_at(current)
        if source is not None:
            self.source_selected.emit(source)

    def _context_menu(self, position: QPoint) -> None:
        if not self.collection_actions:
            return
        menu = QMenu(self)
        for action in self.collection_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.viewport().mapToGlobal(position))
