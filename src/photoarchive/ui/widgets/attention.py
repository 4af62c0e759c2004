"""``AttentionNotice``: why the selected photo is in "Needs attention", above the editor.

The rules are the catalog's (``catalog.attention``); this shows them. The notice names what
is missing, and for each disagreement of the file's standards shows every standard's value
with a link that keeps it: the curator settles it in one click (an undoable edit; setting a
field settles its disagreement, as typing in it does). A photo whose position is far from its
place (its GPS says elsewhere) gets a link that gives it the place's position instead, also
for a selection of several.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from photoarchive.catalog.attention import ATTENTION_FIELDS, PLACE_REACH, reasons
from photoarchive.model.position import distance_m

__all__ = ["ATTENTION_FIELDS", "AttentionNotice"]

SHOWN_CHARS = 80


class AttentionNotice(QLabel):
    """Hidden unless a selected photo needs attention; ``settle_requested(field, value)``
    when the curator picks one standard's value of a disagreement;
    ``position_from_place_requested(ids)`` to give photos far from their place its position."""

    settle_requested = Signal(str, object)
    position_from_place_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setMargin(6)
        self.setStyleSheet("QLabel { background: #fff4d6; color: #3d2c00; border: 1px solid #e0c070; }")
        self.linkActivated.connect(self._link)
        self._choices: list[tuple[str, Any]] = []
        self._far: list[int] = []
        self.hide()

    def show_for(self, values: Mapping[int, Mapping[str, Any]], ids: Sequence[int], labels: Mapping[str, str]) -> None:
        """Explain one photo in detail; for several, how many need attention."""
        self._choices = []
        found = {pid: reasons(values[pid]) for pid in ids if pid in values}
        needing = [pid for pid, broken in found.items() if broken]
        self._far = [pid for pid in needing if any(rule.key == "far from place" for rule, _ in found[pid])]
        if not needing:
            self.hide()
            return
        if len(ids) > 1:
            text = html.escape(
                self.tr("Needs attention: %n of the selected photos. Select one to see why.", "", len(needing))
            )
            if self._far:
                text += "<br>" + html.escape(
                    self.tr("With a position far from their place: %n photo(s).", "", len(self._far))
                )
                text += " " + self._far_link()
            self.setText(text)
            self.show()
            return
        photo = values[needing[0]]
        missing = []
        for rule, fields in reasons(photo):
            if rule.key == "conflicts":  # shown with their values below
                continue
            text = self.reason_texts()[rule.key]
            if rule.key == "far from place":
                text = text.format(distance=self._distance(photo))
            if rule.key == "caption language":  # languages, named as they are ("Russian (ru)")
                missing += [text.format(field=labels.get(f, f)) for f in fields]
            elif "{field}" in text:
                missing += [text.format(field=labels.get(f, f.replace("_", " ")).lower()) for f in fields]
            else:
                missing.append(text)
        parts = (
            [f"<b>{html.escape(self.tr('Needs attention:'))}</b> {html.escape(', '.join(missing))}"] if missing else []
        )
        if not missing:
            parts.append(f"<b>{html.escape(self.tr('Needs attention.'))}</b>")
        if self._far:
            parts.append(self._far_link())
        for conflict in photo["conflicts"]:
            parts.append(self._conflict_html(conflict, labels))
        self.setText("<br>".join(parts))
        self.show()

    def reason_texts(self) -> dict[str, str]:
        """What the curator is told for each rule of ``catalog.attention.RULES``, by its key
        (``{field}`` names a field the rule names); disagreements are shown with their values."""
        return {
            "caption": self.tr("no caption"),
            "caption language": self.tr("no caption in {field}"),
            "creator or credit": self.tr("no creator or credit line"),
            "copyright": self.tr("no copyright notice"),
            "invalid": self.tr("a value that does not validate: {field}"),
            "far from place": self.tr(
                "a position {distance} from its place (a published page would name the place over another spot)"
            ),
        }

    def _distance(self, photo: Mapping[str, Any]) -> str:
        reach = photo.get(PLACE_REACH)
        if reach is None or photo.get("latitude") is None or photo.get("longitude") is None:
            return ""
        kilometres = distance_m(photo["latitude"], photo["longitude"], reach[0], reach[1]) / 1000
        return self.tr("{km} km").format(km=f"{kilometres:,.0f}")

    def _far_link(self) -> str:
        return f"<a href='place-position'>{html.escape(self.tr('Use the place’s position instead'))}</a>"

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
        if link == "place-position":
            self.position_from_place_requested.emit(list(self._far))
        elif link.startswith("settle:"):
            field, value = self._choices[int(link.split(":", 1)[1])]
            self.settle_requested.emit(field, value)
