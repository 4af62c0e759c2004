"""``ChangeWatcher``: notices what other processes and windows committed to the open catalog.

The catalog may be changed while the window is open (``photoarchive edit`` from the command
line, a second window, an import's worker). Every ``INTERVAL_MS`` a timer on the GUI thread
asks the catalog (``catalog.changes``: one ``PRAGMA data_version`` while nothing happened; on a
PostgreSQL server the count of other curators' change notices, one round trip) and reports what
changed, so the window re-reads only that: another curator's edit shows within the interval.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from photoarchive.catalog import Catalog
from photoarchive.catalog.changes import Changes, changes_since, mark

INTERVAL_MS = 1500


class ChangeWatcher(QObject):
    """``changed(Changes)`` after another connection committed something."""

    changed = Signal(object)

    def __init__(self, catalog: Catalog, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self._mark = mark(catalog)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> Changes:
        changes = changes_since(self.catalog, self._mark)
        self._mark = changes.mark
        if changes.any:
            self.changed.emit(changes)
        return changes

    def stop(self) -> None:
        self.timer.stop()
