"""``AttentionNotice``: why the selected photo is in "Needs attention", above the editor.

A photo needs attention when it has no caption, no creator or credit, no copyright notice,
when the standards of its file (EXIF, IPTC IIM, XMP) disagreed on a field at import, or when
it holds a value that does not validate (an import keeps what a file held, with a warning,
and write and export leave that value out until it is corrected). The
notice names what is missing, and for each disagreement shows every standard's value with a
link that keeps it: the curator settles it in one click (an undoable edit; setting a field
settles its disagreement, as typing in it does).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from photoarchive.metadata.validate import invalid_fields
from photoarchive.model import CURATED_FIELD_NAMES

# What the notice needs to read for each photo: every curated field, for the values that do
# not validate (the rule of catalog.curated.needing_attention).
ATTENTION_FIELDS = [*CURATED_FIELD_NAMES, "conflicts"]
SHOWN_CHARS = 80


def needs_attention(values: Mapping[str, Any]) -> bool:
    """The rule of the catalog's "Needs attention" list, on one photo's values."""
    return bool(
        not values["caption"]
        or not (values["creator"] or values["credit"])
        or not values["copyright"]
        or values["conflicts"]
        or invalid_fields(values)
    )


class AttentionNotice(QLabel):
    """Hidden unless a selected photo needs attention; ``settle_requested(field, value)``
    when the curator picks one standard's value of a disagreement."""

    settle_requested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setMargin(6)
        self.setStyleSheet("QLabel { background: #fff4d6; color: #3d2c00; border: 1px solid #e0c070; }")
        self.linkActivated.connect(self._link)
        self._choices: list[tuple[str, Any]] = []
        self.hide()

    def show_for(self, values: Mapping[int, Mapping[str, Any]], ids: Sequence[int], labels: Mapping[str, str]) -> None:
        """Explain one photo in detail; for several, how many need attention."""
        self._choices = []
        needing = [pid for pid in ids if pid in values and needs_attention(values[pid])]
        if not needing:
            self.hide()
            return
        if len(ids) > 1:
            self.setText(
                self.tr("Needs attention: %n of the selected photos. Select one to see why.", "", len(needing))
            )
            self.show()
            return
        photo = values[needing[0]]
        missing = []
        if not photo["caption"]:
            missing.append(self.tr("no caption"))
        if not (photo["creator"] or photo["credit"]):
            missing.append(self.tr("no creator or credit line"))
        if not photo["copyright"]:
            missing.append(self.tr("no copyright notice"))
        for name in invalid_fields(photo):
            label = labels.get(name, name.replace("_", " ")).lower()
            missing.append(self.tr("a value that does not validate: {field}").format(field=label))
        parts = (
            [f"<b>{html.escape(self.tr('Needs attention:'))}</b> {html.escape(', '.join(missing))}"] if missing else []
        )
        if not missing:
            parts.append(f"<b>{html.escape(self.tr('Needs attention.'))}</b>")
        for conflict in photo["conflicts"]:
            parts.append(self._conflict_html(conflict, labels))
        self.setText("<br>".join(parts))
        self.show()

    def _conflict_html(self, conflict: Mapping[str, Any], labels: Mapping[str, str]) -> str:
        field = str(conflict.get("field", ""))
        label = labels.get(field, field.replace("_", " "))
        values: Mapping[str, Any] = conflict.get("values", {})
        lines = [html.escape(self.tr("The file's standards disagreed on {field}:").format(field=label.lower()))]
        for standard, value in values.items():
            shown = "; ".join(value) if isinstance(value, list) else str(value)
            if len(shown) > SHOWN_CHARS:
                shown = shown[: SHOWN_CHARS - 1] + "…"
            text = f"&nbsp;&nbsp;{html.escape(self._standard_name(standard))}: “{html.escape(shown)}”"
            kept = standard == conflict.get("chosen")
            if kept:
                text += " " + html.escape(self.tr("(kept)"))
            self._choices.append((field, value))
            link = html.escape(self.tr("that is right") if kept else self.tr("use this one"))
            text += f" — <a href='settle:{len(self._choices) - 1}'>{link}</a>"
            lines.append(text)
        return "<br>".join(lines)

    def _standard_name(self, standard: str) -> str:
        """The names curators know the metadata standards by."""
        names = {
            "exif": self.tr("EXIF"),
            "iim": self.tr("IPTC IIM"),
            "xmp": self.tr("XMP"),
            "sidecar": self.tr("XMP sidecar"),
        }
        return names.get(standard, standard)

    def _link(self, link: str) -> None:
        if link.startswith("settle:"):
            field, value = self._choices[int(link.split(":", 1)[1])]
            self.settle_requested.emit(field, value)
