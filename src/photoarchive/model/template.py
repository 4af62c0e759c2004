"""A field template (preset): named field values that a curator applies to many photos at once.

"Shumshu 2015 expedition" sets the creator, credit, copyright, usage terms, event and job id of
every photo of the expedition in one step. Values may hold variables filled per photo
(``{creator}``, ``{date:%Y}``, ``{filename}``, ``{sequence}``, ``{city}``, any curated field;
see ``photoarchive.metadata.variables`` for the syntax). Templates are stored in the catalog
(``photoarchive.catalog.templates``) and applied by ``photoarchive.templates``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FieldTemplate:
    """Named field values to set on photos.

    ``values`` maps curated field names to the value to set: text (which may hold variables;
    empty text clears the field) or, for ``keywords`` and ``hierarchical_keywords``, a list of
    such texts. ``add_keywords`` and ``remove_keywords`` change the keywords a photo already
    has instead of replacing them. ``modes`` says how a field is set, by field name:
    ``"fill"`` only when the photo's field is empty, ``"append"`` (list fields) adding to the
    photo's items; a field not in it is replaced. ``id`` is 0 until the template is stored.
    """

    name: str
    values: dict[str, str | list[str]] = field(default_factory=dict)
    add_keywords: list[str] = field(default_factory=list)
    remove_keywords: list[str] = field(default_factory=list)
    description: str = ""
    modes: dict[str, str] = field(default_factory=dict)
    id: int = 0
    created_at: str = ""
    updated_at: str = ""

    def as_dict(self) -> dict[str, object]:
        """The template as ``template show --json`` prints it."""
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "values": {k: (list(v) if isinstance(v, list) else v) for k, v in self.values.items()},
            "add_keywords": list(self.add_keywords),
            "remove_keywords": list(self.remove_keywords),
            "modes": dict(self.modes),
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }
