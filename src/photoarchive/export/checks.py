"""What to say before a collection is exported: the photos whose credit would come out
blank or wrong, by the same rendering the export makes (``plan.plan_publication``).

``credit_problems(catalog, collection, options)`` lists, per photo in the collection's
order, why its credit needs attention first:

- it has neither a creator nor a credit line: nothing says whose it is;
- the credit burned into its pixels (``options.burn_credit``) would be empty, or only
  punctuation such as "©" alone, because the template's variables are empty on it: a mark
  that cannot be taken back once published;
- a package's CREDITS.txt would list nothing for it (no creator, credit, source or copyright).

Nothing is written: the window asks whether to export anyway, the command line prints it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from photoarchive.catalog import Catalog
from photoarchive.catalog.collections import CollectionRef, get_collection
from photoarchive.export.options import ExportOptions
from photoarchive.export.plan import plan_publication

NO_CREDIT = "no creator or credit line"
BLANK_BURN = "the credit burned into the image would be empty"
BARE_BURN = "the credit burned into the image would be “{text}” alone"
BLANK_CREDITS = "CREDITS.txt would list no credit for it"


@dataclass(frozen=True)
class CreditProblem:
    """One photo whose credit needs attention before it is exported, and why."""

    photo_id: int
    name: str
    reasons: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {"id": self.photo_id, "name": self.name, "reasons": list(self.reasons)}

    def __str__(self) -> str:
        return f"{self.name}: {'; '.join(self.reasons)}"


def credit_problems(catalog: Catalog, collection: CollectionRef, options: ExportOptions) -> list[CreditProblem]:
    """The photos of ``collection`` whose credit would come out blank or bare (see the module)."""
    resolved = options.resolved()
    publication = plan_publication(catalog, get_collection(catalog, collection), resolved)
    problems = []
    for item in publication.items:
        fields = item.fields
        reasons = []
        if not fields.creator.strip() and not fields.credit.strip():
            reasons.append(NO_CREDIT)
        if resolved.burn_credit:
            text = item.burn_text.strip()
            if not text:
                reasons.append(BLANK_BURN)
            elif not any(ch.isalnum() for ch in text):
                reasons.append(BARE_BURN.format(text=text))
        if resolved.format == "package" and not any(
            v.strip() for v in (fields.creator, fields.credit, fields.source, fields.copyright)
        ):
            reasons.append(BLANK_CREDITS)
        if reasons:
            problems.append(CreditProblem(item.photo.id, item.photo.original_name, reasons))
    return problems
