"""What the filter bar above the grid asks for, as plain data, and its filter string.

The bar's state IS a filter string in the one grammar of ``photoarchive.filters`` (the command
line's ``list --filter`` and smart collections read the same text): ``FilterState.text()``
writes it, ``FilterState.read(text)`` reads it back (what the controls cannot show is kept as
written, in ``extra``). No Qt here, so each control's string is tested on its own.

The grammar has no OR; labels chosen together are written as the other labels left out
(red and yellow: ``-label:green -label:blue -label:purple -label:none``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from photoarchive.filters import LABELS, Term, parse

HAS_CHOICES = ("caption", "credit", "place", "gps")  # the bar's has / lacks / either controls
FLAG_CHOICES = ("pick", "reject", "none")
HIDE_REJECTS = "-flag:reject"


@dataclass(frozen=True)
class FilterState:
    """``rating``: at least this many stars (0: any); ``labels``: any of these colours (empty:
    any); ``flag``: '' any, or pick, reject, none; ``has``: name -> True (has) or False
    (lacks), absent for either; ``date_from``/``date_to``: a day, month or year (capture
    date); ``camera``, ``keyword``, ``place``: text; ``hide_rejects``; ``extra``: tokens of a
    filter the controls do not show, kept as written."""

    rating: int = 0
    labels: frozenset[str] = frozenset()
    flag: str = ""
    has: tuple[tuple[str, bool], ...] = ()
    date_from: str = ""
    date_to: str = ""
    camera: str = ""
    keyword: str = ""
    place: str = ""
    hide_rejects: bool = False
    extra: str = ""

    def with_has(self, name: str, value: bool | None) -> FilterState:
        has = {k: v for k, v in self.has if k != name}
        if value is not None:
            has[name] = value
        return replace(self, has=tuple((k, has[k]) for k in HAS_CHOICES if k in has))

    def has_value(self, name: str) -> bool | None:
        return dict(self.has).get(name)

    @property
    def rejects_hidden(self) -> bool:
        """Whether ``-flag:reject`` is part of the filter (a flag chosen says it already)."""
        return self.hide_rejects and not self.flag

    def text(self) -> str:
        """The filter string (empty when the bar asks for nothing)."""
        tokens: list[str] = []
        if self.rating:
            tokens.append(f"rating>={self.rating}")
        labels = [label for label in LABELS if label in self.labels]
        if len(labels) == 1:
            tokens.append(f"label:{labels[0]}")
        elif 1 < len(labels) < len(LABELS):
            tokens += [f"-label:{label}" for label in LABELS if label not in self.labels] + ["-label:none"]
        elif len(labels) == len(LABELS):
            tokens.append("-label:none")
        if self.flag:
            tokens.append(f"flag:{self.flag}")
        elif self.hide_rejects:
            tokens.append(HIDE_REJECTS)
        tokens += [f"{'' if value else '-'}has:{name}" for name, value in self.has]
        start, stop = _clean(self.date_from), _clean(self.date_to)
        if start or stop:
            tokens.append(f"date:{start}" if start and start == stop else f"date:{start}..{stop}")
        for name in ("camera", "keyword", "place"):
            value = _clean(getattr(self, name))
            if value:
                tokens.append(f'{name}:"{value}"' if any(c.isspace() for c in value) else f"{name}:{value}")
        if self.extra.strip():
            tokens.append(self.extra.strip())
        return " ".join(tokens)

    @classmethod
    def read(cls, text: str) -> FilterState:
        """The state whose ``text()`` selects what ``text`` does (raises FilterSyntaxError)."""
        terms = parse(text)
        state = cls()
        extra: list[str] = []
        left_out: set[str] = set()
        for term in terms:
            box = [state]
            if not _take(term, box, left_out):
                extra.append(term.token)
            state = box[0]
        if left_out:
            chosen = frozenset(LABELS) - left_out
            if "none" in left_out and not state.labels and chosen:
                state = replace(state, labels=chosen)
            else:
                extra += [f"-label:{label}" for label in (*LABELS, "none") if label in left_out]
        return replace(state, extra=" ".join(extra))


def _take(term: Term, box: list[FilterState], left_out: set[str]) -> bool:
    """Put one term into the state in ``box`` if a control shows it; False when none does."""
    state = box[0]
    body = term.token[1:] if term.negated else term.token
    if term.field == "rating" and not term.negated and body.startswith("rating>=") and not state.rating:
        box[0] = replace(state, rating=int(body.removeprefix("rating>=")))
    elif term.field == "label" and not term.negated and term.value and not state.labels:
        box[0] = replace(state, labels=frozenset({str(term.value)}))
    elif term.field == "label" and term.negated:
        left_out.add(str(term.value) or "none")
    elif term.field == "flag" and term.negated and term.value == "reject" and not state.flag:
        box[0] = replace(state, hide_rejects=True)
    elif term.field == "flag" and not term.negated and not state.flag:
        box[0] = replace(state, flag=str(term.value) or "none")
    elif term.field == "has" and term.value in HAS_CHOICES and state.has_value(str(term.value)) is None:
        box[0] = state.with_has(str(term.value), not term.negated)
    elif term.field == "date" and not term.negated and not (state.date_from or state.date_to):
        start, _dots, stop = body.removeprefix("date:").replace('"', "").partition("..")
        box[0] = replace(state, date_from=start, date_to=stop if _dots else start)
    elif term.field == "camera" and not term.negated and not state.camera:
        box[0] = replace(state, camera=str(term.value))
    elif term.field == "keyword" and not term.negated and not state.keyword:
        box[0] = replace(state, keyword=str(term.value))
    elif term.field == "place" and not term.negated and not state.place:
        box[0] = replace(state, place=str(term.value))
    else:
        return False
    return True


def _clean(value: str) -> str:
    """A control's text as a filter value: quotes cannot be written inside one."""
    return value.replace('"', "").strip()


def combined(*parts: str) -> str:
    """Filters written side by side: every token of each must hold."""
    return " ".join(p.strip() for p in parts if p.strip())
