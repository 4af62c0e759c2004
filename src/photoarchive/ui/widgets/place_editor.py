"""``PlaceEditor``: the form for one place of the gazetteer.

It shows a ``Place`` and gives back the values typed (``values()``, a dict of Place
attributes); checking them is the core's job (``clean_place``), so a bad value comes back as
a ``ValidationError`` naming the field, which the panel shows.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photoarchive.model.curated import FIELDS_BY_NAME
from photoarchive.model.fields import TRANSLATION_CONTEXT
from photoarchive.model.place import DEFAULT_FIELD_BY_KIND, IPTC_FIELD_CHOICES, PLACE_KINDS, Place, PlaceName
from photoarchive.places.gazetteer import Gazetteer
from photoarchive.ui.models.place_tree_model import kind_label

# Marked for lupdate here, translated where shown (a string in a table is invisible to tr()).
NO_FIELD = QT_TRANSLATE_NOOP("PlaceEditor", "no field")


def field_label(choice: str) -> str:
    """The location field a place fills, in the curator's language: the field's label as
    declared (``model.curated``, translated in its context), as the metadata editor shows it;
    or "no field"."""
    if choice in FIELDS_BY_NAME:
        return QCoreApplication.translate(TRANSLATION_CONTEXT, FIELDS_BY_NAME[choice].label)
    return QCoreApplication.translate("PlaceEditor", str(NO_FIELD))


def number_text(value: float | None) -> str:
    """A stored number as it was typed: every digit it has (the shortest text that reads back
    as the same float), never in exponent form: with fewer digits (``:g`` keeps six) a place
    saved again would move (longitude 156.2547 would become 156.255)."""
    if value is None:
        return ""
    text = format(Decimal(repr(float(value))), "f")
    return text.removesuffix(".0") if text.endswith(".0") else text


class PlaceEditor(QWidget):
    """Name, kind, parent, coordinates, other names, identifiers, field mapping and notes."""

    save_requested = Signal()
    revert_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.place: Place | None = None
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        for kind in PLACE_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.parent_place = QComboBox(self)
        self.latitude = QLineEdit(self)
        self.longitude = QLineEdit(self)
        self.radius = QLineEdit(self)
        for edit, hint in ((self.latitude, "50.7153"), (self.longitude, "156.2547"), (self.radius, self.tr("metres"))):
            edit.setPlaceholderText(hint)
        self.alt_names = QPlainTextEdit(self)
        self.alt_names.setPlaceholderText(self.tr("one per line: ru: Шумшу"))
        self.alt_names.setMaximumHeight(80)
        self.geonames = QLineEdit(self)
        self.wikidata = QLineEdit(self)
        self.country_code = QLineEdit(self)
        self.country_code.setPlaceholderText(self.tr("ISO 3166 code, e.g. RUS"))
        self.field = QComboBox(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(60)
        self.kind.currentIndexChanged.connect(lambda _i: self._fill_field_choices(str(self.kind.currentData())))

        position = QHBoxLayout()
        position.addWidget(self.latitude)
        position.addWidget(self.longitude)
        position.addWidget(self.radius)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Inside"), self.parent_place)
        form.addRow(self.tr("Lat, lon, ±m"), position)
        form.addRow(self.tr("Other names"), self.alt_names)
        form.addRow(self.tr("GeoNames id"), self.geonames)
        form.addRow(self.tr("Wikidata id"), self.wikidata)
        form.addRow(self.tr("Country code"), self.country_code)
        form.addRow(self.tr("Fills IPTC"), self.field)
        form.addRow(self.tr("Notes"), self.notes)
        self.save = QPushButton(self.tr("Save place"), self)
        self.revert = QPushButton(self.tr("Revert"), self)
        self.save.clicked.connect(self.save_requested)
        self.revert.clicked.connect(self.revert_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.set_place(None, Gazetteer([]))

    def set_place(self, place: Place | None, gazetteer: Gazetteer) -> None:
        self.place = place
        self.setEnabled(place is not None)
        place = place or Place("")
        self.name.setText(place.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(place.kind)))
        self._fill_field_choices(place.kind)
        self.field.setCurrentIndex(max(0, self.field.findData(place.iptc_field)))
        self.parent_place.clear()
        self.parent_place.addItem(self.tr("(top level)"), None)
        inside = {p.id for p in gazetteer.descendants(place.id)} | {place.id} if place.id else set()
        for other in sorted(gazetteer, key=gazetteer.path):
            if other.id not in inside:
                self.parent_place.addItem(gazetteer.path(other), other.id)
        self.parent_place.setCurrentIndex(max(0, self.parent_place.findData(place.parent_id)))
        self.latitude.setText(number_text(place.latitude))
        self.longitude.setText(number_text(place.longitude))
        self.radius.setText(number_text(place.radius))
        self.alt_names.setPlainText(
            "\n".join(f"{n.language}: {n.name}" if n.language else n.name for n in place.alt_names)
        )
        self.geonames.setText(place.geonames_id)
        self.wikidata.setText(place.wikidata_id)
        self.country_code.setText(place.country_code)
        self.notes.setPlainText(place.notes)

    def values(self) -> dict[str, Any]:
        """The typed values as Place attributes (numbers left as text for the core to check)."""
        names = []
        for line in self.alt_names.toPlainText().splitlines():
            language, colon, name = line.partition(":")
            if colon and 2 <= len(language.strip()) <= 8 and " " not in language.strip():
                names.append(PlaceName(name.strip(), language.strip()))
            elif line.strip():
                names.append(PlaceName(line.strip()))
        return {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "parent_id": self.parent_place.currentData(),
            "latitude": self.latitude.text().strip() or None,
            "longitude": self.longitude.text().strip() or None,
            "radius": self.radius.text().strip() or None,
            "alt_names": names,
            "geonames_id": self.geonames.text(),
            "wikidata_id": self.wikidata.text(),
            "country_code": self.country_code.text(),
            "iptc_field": self.field.currentData() or "",
            "notes": self.notes.toPlainText(),
        }

    def _fill_field_choices(self, kind: str) -> None:
        current = self.field.currentData()
        self.field.blockSignals(True)
        self.field.clear()
        default = field_label(DEFAULT_FIELD_BY_KIND.get(kind, "none"))
        self.field.addItem(self.tr("By kind ({field})").format(field=default), "")
        for choice in IPTC_FIELD_CHOICES:
            self.field.addItem(field_label(choice), choice)
        self.field.setCurrentIndex(max(0, self.field.findData(current)))
        self.field.blockSignals(False)
