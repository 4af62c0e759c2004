"""Photo Archive: import, caption, credit, place and publish expedition photographs."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Photo Archive"
