"""What every field editor shows alike: the "(multiple values)" placeholder of a selection
whose photos differ, and the red frame of a refused value (``field_editors`` and
``struct_editors`` both use them, and neither imports the other for them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

INVALID_FRAME = "1px solid #b00020"


def multiple_values_text() -> str:
    return QCoreApplication.translate("FieldEditors", "(multiple values)")
