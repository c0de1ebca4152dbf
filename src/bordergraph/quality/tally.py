"""The records of a score: scored fields and fact kinds, tallies, facts, rows and counts.

Every atomic fact has a *kind*; its *category* is the part before the dot.

============  ==================================================================
category      kinds counted (one fact each)
============  ==================================================================
event         ``event`` itself; ``event.date``, ``.type``, ``.ordinal``, ``.mode``,
              ``.location``, ``.series``
person        ``person``; ``person.post``, ``.organization``, ``.country``
organization  ``organization``
port          ``port``
outcome       ``outcome``; ``outcome.type``, ``outcome.relation``
series        ``series``; ``series.established``, ``series.administrations_spanned``
role          ``role``: one per (person, event, role)
event_link    ``event_link``: one per (from, relation, to)
============  ==================================================================

>>> Counts.of([Fact("person", "tp", "Nichols"), Fact("person.country", "fn", "Nichols")]).micro
Tally(tp=1, fp=0, fn=1)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

# Scored fields per category: gold JSON list, then field -> how values compare ("exact";
# "name": names_match; "place": names_match with the words in any order).
FIELDS: dict[str, tuple[str, dict[str, str]]] = {
    "event": ("events", {"date": "exact", "type": "exact", "ordinal": "exact", "mode": "exact",
                         "location": "place", "series": "name"}),
    "person": ("people", {"post": "name", "organization": "name", "country": "exact"}),
    "organization": ("organizations", {}),
    "port": ("ports_of_entry", {}),
    "outcome": ("outcomes", {"type": "exact", "relation": "exact"}),
    "series": ("series", {"established": "exact", "administrations_spanned": "exact"}),
}
CATEGORIES = (*FIELDS, "role", "event_link")
KINDS = tuple(k for c in CATEGORIES for k in (c, *(f"{c}.{f}" for f in FIELDS.get(c, ("", {}))[1])))
ERRORS = {"fn": "missed", "fp": "spurious"}  # verdict -> what the diff calls it


class Tally(NamedTuple):
    """True positives, false positives, misses; ``+`` adds them up (not tuple concatenation).

    >>> Tally(3, 1, 0) + Tally(1, 0, 2)
    Tally(tp=4, fp=1, fn=2)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: tuple[int, ...]) -> Tally:  # type: ignore[override]
        return Tally(*(x + y for x, y in zip(self, other, strict=True)))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Row(NamedTuple):
    """One line of the score table: a category (or kind, or "micro") with its P/R/F1."""

    category: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


class Fact(NamedTuple):
    """One atomic fact and its verdict: "tp", "fp" (spurious) or "fn" (missed).

    ``subject`` names what the fact is about (the entity, the person of a role, the first
    event of a link); ``gold`` and ``predicted`` are the values each side gives, as text
    (None when that side has none).
    """

    kind: str  # "person.post"
    verdict: str
    subject: str
    gold: str | None = None
    predicted: str | None = None

    @property
    def category(self) -> str:
        return self.kind.split(".")[0]

    @property
    def what(self) -> str:
        """The fact in one readable line, e.g. ``Serena Hoy: gold 'US', predicted 'MX'``."""
        if "." in self.kind:
            sides = [f"{k} {v!r}" for k, v in (("gold", self.gold), ("predicted", self.predicted))
                     if v is not None]
            return f"{self.subject}: {', '.join(sides)}"
        value = self.predicted if self.verdict == "fp" else self.gold
        return str(value) if self.kind in FIELDS else f"{self.subject}: {value}"


class Mismatch(NamedTuple):
    """One row of the diff: a fact of one release that was missed or is spurious."""

    release: str
    language: str | None
    category: str
    kind: str
    error: str  # "missed" (in gold, not found) or "spurious" (predicted, not in gold)
    subject: str
    gold: str | None
    predicted: str | None


@dataclass
class Counts:
    """tp/fp/fn per fact kind; ``category()`` sums a category, ``micro`` all facts."""

    kinds: dict[str, Tally] = field(default_factory=dict)

    @classmethod
    def of(cls, facts: Iterable[Fact]) -> Counts:
        kinds = {k: Tally() for k in KINDS}
        for f in facts:
            kinds[f.kind] += Tally(f.verdict == "tp", f.verdict == "fp", f.verdict == "fn")
        return cls(kinds)

    def __add__(self, other: Counts) -> Counts:
        keys = dict.fromkeys([*self.kinds, *other.kinds])
        return Counts({k: self.kinds.get(k, Tally()) + other.kinds.get(k, Tally()) for k in keys})

    def category(self, name: str) -> Tally:
        return sum((t for k, t in self.kinds.items() if k.split(".")[0] == name), Tally())

    @property
    def micro(self) -> Tally:
        return sum(self.kinds.values(), Tally())

    def table(self, detail: bool = False) -> list[Row]:
        """Rows per category (per kind with ``detail``) and a last ``micro`` row."""
        names = KINDS if detail else CATEGORIES
        tallies = [self.kinds.get(n, Tally()) if detail else self.category(n) for n in names]
        return [Row(n, *t, t.precision, t.recall, t.f1)
                for n, t in zip([*names, "micro"], [*tallies, self.micro], strict=True)]

    def to_json(self) -> dict[str, dict[str, int]]:
        return {k: t._asdict() for k, t in self.kinds.items()}


__all__ = ["CATEGORIES", "ERRORS", "FIELDS", "KINDS", "Counts", "Fact", "Mismatch", "Row", "Tally"]
