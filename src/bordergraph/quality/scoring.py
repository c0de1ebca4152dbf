"""Score extracted records against gold files, per "Scoring" in GOLD_SCHEMA.md.

Every atomic fact has a *kind*; its *category* is the part before the dot.

============  ==================================================================
category      kinds counted (one fact each)
============  ==================================================================
event         ``event`` itself; ``event.date``, ``.type``, ``.ordinal``, ``.mode``,
              ``.location``, ``.series``
person        ``person``; ``person.post``, ``.organization``, ``.country``
organization  ``organization``
port          ``port``
outcome       ``outcome``; ``outcome.type``, ``outcome.relation`` (the pair (event,
              relation): the graph states it as ``event bg:adopted outcome``)
series        ``series``; ``series.established``, ``series.administrations_spanned``
role          ``role``: one per (person, event, role)
event_link    ``event_link``: one per (from, relation, to)
============  ==================================================================

A field counts only when non-null; fields the schema does not list (event ``end_date``,
organization and port ``country``, port ``event``) are not scored. Gold null but predicted
filled is a false positive, the reverse a false negative, a wrong value both; every fact of
an unpaired gold entity is missed, every fact of an unpaired predicted one is false.

Pairing, one to one with the best-scoring pairs first: events by name, by equal date and
type, or by equal series and ordinal; people, organizations, series and outcomes by name
(outcomes prefer the same event: one name can be adopted at one event, reviewed at
another); ports by name with compatible country. Roles and links follow the event pairing.
Precision with nothing predicted, and recall with nothing in gold, are 1.0.

>>> gold = {"people": [{"name": "Brian A. Nichols", "country": "US", "roles": []}]}
>>> score_record({"people": [{"name": "Nichols", "country": "MX"}]}, gold).category("person")
Tally(tp=1, fp=1, fn=1)
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from bordergraph.quality.names import name_score, names_match

# Scored fields per category: gold JSON list, then field -> how values compare.
FIELDS: dict[str, tuple[str, dict[str, str]]] = {
    "event": ("events", {"date": "exact", "type": "exact", "ordinal": "exact", "mode": "exact",
                         "location": "name", "series": "name"}),
    "person": ("people", {"post": "name", "organization": "name", "country": "exact"}),
    "organization": ("organizations", {}),
    "port": ("ports_of_entry", {}),
    "outcome": ("outcomes", {"type": "exact", "relation": "exact"}),
    "series": ("series", {"established": "exact", "administrations_spanned": "exact"}),
}
CATEGORIES = (*FIELDS, "role", "event_link")
KINDS = tuple(k for c in CATEGORIES for k in (c, *(f"{c}.{f}" for f in FIELDS.get(c, ("", {}))[1])))
_UNPAIRED = "<unpaired event>"


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
    kind: str  # "person.post"
    verdict: str  # "tp", "fp" or "fn"
    what: str  # readable statement of the fact


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


def _items(record: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return [x for x in record.get(key) or [] if isinstance(x, dict)]


def _pair(preds: list[dict], golds: list[dict],
          score: Callable[[dict, dict], float]) -> dict[int, int]:
    """Greedy one-to-one pairing, best score first; ties broken by position."""
    cands = sorted((-s, j, i) for i, p in enumerate(preds) for j, g in enumerate(golds)
                   if (s := score(p, g)) > 0)
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, j, i in cands:
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def _agree(p: dict, g: dict, fields: Iterable[str]) -> int:
    return sum(p.get(f) is not None and p.get(f) == g.get(f) for f in fields)


def _event_score(p: dict, g: dict) -> float:
    by_name = name_score(p.get("name") or "", g.get("name") or "")
    by_date = bool(p.get("date") and p.get("type")) and _agree(p, g, ("date", "type")) == 2
    by_ordinal = p.get("ordinal") is not None and p.get("ordinal") == g.get("ordinal") \
        and names_match(p.get("series"), g.get("series"))
    if not (by_name or by_date or by_ordinal):
        return 0.0
    return 2 * by_name + by_date + by_ordinal + 0.1 * _agree(p, g, ("date", "type", "mode"))


def _entity_score(cat: str, emap: dict[Any, Any]) -> Callable[[dict, dict], float]:
    def score(p: dict, g: dict) -> float:
        s = name_score(p.get("name") or "", g.get("name") or "", cat == "person")
        if s == 0 or (cat == "port" and None not in (p.get("country"), g.get("country"))
                      and p["country"] != g["country"]):
            return 0.0
        if cat in ("outcome", "port") and p.get("event") and emap.get(p["event"]) == g.get("event"):
            s += 1  # the same name at the same event is the better pair
        return s + 0.1 * _agree(p, g, ("country", "post", "type", "relation", "established"))
    return score


def _value(cat: str, name: str, item: dict, emap: dict[Any, Any] | None) -> Any:
    value = item.get(name)
    if cat == "outcome" and name == "relation" and value is not None:
        event = item.get("event")  # predicted keys translate into gold keys
        return (emap.get(event, _UNPAIRED) if emap is not None and event else event, value)
    return value


def _show(value: Any, events: dict[Any, Any]) -> str:
    if isinstance(value, tuple):  # an outcome relation: (gold event key, relation)
        return f"{value[1]!r} at {events.get(value[0], value[0])!r}"
    return repr(value)


def _entities(cat: str, pred: list[dict], gold: list[dict], pairs: dict[int, int],
              emap: dict[Any, Any], events: dict[Any, Any]) -> Iterator[Fact]:
    fields = FIELDS[cat][1]
    for i, p in enumerate(pred):
        label = p.get("name") or p.get("key") or "?"
        if i not in pairs:
            yield Fact(cat, "fp", label)
            yield from (Fact(f"{cat}.{f}", "fp", f"{label}: {_show(v, events)}") for f in fields
                        if (v := _value(cat, f, p, emap)) is not None)
            continue
        g = gold[pairs[i]]
        yield Fact(cat, "tp", g.get("name") or label)
        for f, how in fields.items():
            pv, gv = _value(cat, f, p, emap), _value(cat, f, g, None)
            same = names_match(str(pv), str(gv)) if how == "name" else pv == gv
            kind = f"{cat}.{f}"
            what = f"{g.get('name')}: gold {_show(gv, events)}, predicted {_show(pv, events)}"
            if pv is not None and gv is not None and same:
                yield Fact(kind, "tp", what)
            else:
                yield from [Fact(kind, "fp", what)] if pv is not None else []
                yield from [Fact(kind, "fn", what)] if gv is not None else []
    for j in sorted(set(range(len(gold))) - set(pairs.values())):
        g = gold[j]
        yield Fact(cat, "fn", g.get("name") or "?")
        yield from (Fact(f"{cat}.{f}", "fn", f"{g.get('name')}: {_show(v, events)}")
                    for f in fields if (v := _value(cat, f, g, None)) is not None)


def _consume(kind: str, preds: Iterable[tuple[tuple, str]], golds: Iterable[tuple[tuple, str]]
             ) -> Iterator[Fact]:
    """Match predicted facts (already in gold keys) against a multiset of gold facts."""
    left = Counter(key for key, _ in golds)
    labels = dict(golds)
    for key, what in preds:
        if left[key] > 0:
            left[key] -= 1
            yield Fact(kind, "tp", what)
        else:
            yield Fact(kind, "fp", what)
    for key, n in left.items():
        yield from [Fact(kind, "fn", labels[key])] * n


def _roles(person: dict | None, emap: dict[Any, Any] | None, names: dict[Any, Any]
           ) -> list[tuple[tuple, str]]:
    """A person's (event, role) facts; ``emap`` turns predicted event keys into gold keys."""
    out = []
    for r in _items(person or {}, "roles"):
        event, role = r.get("event"), r.get("role")
        key = (emap.get(event, _UNPAIRED) if emap is not None else event, role)
        out.append((key, f"{(person or {}).get('name')} / {role} / {names.get(event)}"))
    return out


def _links(record: dict, emap: dict[Any, Any] | None, names: dict[Any, Any]
           ) -> list[tuple[tuple, str]]:
    out = []
    for x in _items(record, "event_links"):
        ends = (x.get("from"), x.get("to"))
        keys = [emap.get(e, _UNPAIRED) for e in ends] if emap is not None else ends
        out.append(((keys[0], x.get("relation"), keys[1]),
                    f"{names.get(ends[0])} {x.get('relation')} {names.get(ends[1])}"))
    return out


def _facts(pred: dict[str, Any], gold: dict[str, Any]) -> Iterator[Fact]:
    pe, ge = _items(pred, "events"), _items(gold, "events")
    ev_pairs = _pair(pe, ge, _event_score)
    emap = {pe[i].get("key"): ge[j].get("key") for i, j in ev_pairs.items()}
    pnames = {e.get("key"): e.get("name") for e in pe}
    gnames = {e.get("key"): e.get("name") for e in ge}
    yield from _entities("event", pe, ge, ev_pairs, emap, gnames)
    pp, gp = _items(pred, "people"), _items(gold, "people")
    person_pairs = _pair(pp, gp, _entity_score("person", emap))
    yield from _entities("person", pp, gp, person_pairs, emap, gnames)
    for cat, (key, _) in FIELDS.items():
        if cat not in ("event", "person"):
            p, g = _items(pred, key), _items(gold, key)
            yield from _entities(cat, p, g, _pair(p, g, _entity_score(cat, emap)), emap, gnames)
    for i, person in enumerate(pp):  # roles follow the person and the event pairing
        paired = gp[person_pairs[i]] if i in person_pairs else None
        yield from _consume("role", _roles(person, emap, pnames), _roles(paired, None, gnames))
    for j in sorted(set(range(len(gp))) - set(person_pairs.values())):
        yield from _consume("role", [], _roles(gp[j], None, gnames))
    yield from _consume("event_link", _links(pred, emap, pnames), _links(gold, None, gnames))


def score_record(predicted: dict[str, Any], gold: dict[str, Any]) -> Counts:
    """Count true/false positives and misses of ``predicted`` against ``gold`` (both JSON).

    >>> g = {"events": [{"key": "e1", "name": "HLED", "date": "2021-09-09"}]}
    >>> score_record(g, g).micro
    Tally(tp=2, fp=0, fn=0)
    """
    return Counts.of(_facts(predicted, gold))


def mismatches(predicted: dict[str, Any], gold: dict[str, Any]) -> list[str]:
    """Every false positive and miss as one readable line, for debugging an extractor.

    >>> mismatches({"people": [{"name": "Serena Hoy", "country": "MX"}]},
    ...            {"people": [{"name": "Serena Hoy", "country": "US"}]})[0]
    "FP person.country: Serena Hoy: gold 'US', predicted 'MX'"
    """
    return [f"{f.verdict.upper()} {f.kind}: {f.what}" for f in _facts(predicted, gold)
            if f.verdict != "tp"]


@dataclass
class Report:
    """Counts per release (keyed by gold id) with each release's gold language."""

    releases: dict[str, Counts] = field(default_factory=dict)
    languages: dict[str, str | None] = field(default_factory=dict)

    @property
    def total(self) -> Counts:
        return sum(self.releases.values(), Counts.of([]))

    def table(self, detail: bool = False) -> list[Row]:
        return self.total.table(detail)

    def by_language(self) -> dict[str, Report]:
        """One report per gold ``source.language`` ("en", "es"; "?" when missing)."""
        out: dict[str, Report] = {}
        for rid, counts in self.releases.items():
            lang = self.languages.get(rid) or "?"
            out.setdefault(lang, Report()).releases[rid] = counts
            out[lang].languages[rid] = lang
        return dict(sorted(out.items()))

    def to_json(self) -> dict[str, Any]:
        return {
            "total": [r._asdict() for r in self.table()],
            "by_language": {k: [r._asdict() for r in v.table()]
                            for k, v in self.by_language().items()},
            "releases": {rid: {"language": self.languages.get(rid), "counts": c.to_json()}
                         for rid, c in self.releases.items()},
        }


def gold_files(directory: Path) -> list[tuple[Path, Path]]:
    """(release, gold) pairs under ``directory``: each .txt/.html with NAME.gold.json beside."""
    found = (p for p in sorted(Path(directory).rglob("*")) if p.suffix in (".txt", ".html"))
    return [(p, g) for p in found if (g := p.with_name(p.stem + ".gold.json")).is_file()]


def evaluate(directory: Path, predict: Callable[[Path], dict[str, Any]]) -> Report:
    """Score ``predict(path)`` against the gold file of every release under ``directory``.

    >>> corpus = Path(__file__).parents[3] / "data" / "releases"  # the repository's corpus
    >>> report = evaluate(corpus, lambda p: json.loads(
    ...     p.with_name(p.stem + ".gold.json").read_text("utf-8")))
    >>> report.total.micro.f1, sorted(report.by_language())
    (1.0, ['en', 'es'])
    """
    report = Report()
    for path, gold_path in gold_files(directory):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        rid = str(gold.get("id") or path.stem)
        rid = rid if rid not in report.releases else str(path)
        report.releases[rid] = score_record(predict(path), gold)
        report.languages[rid] = (gold.get("source") or {}).get("language")
    return report


__all__ = ["CATEGORIES", "FIELDS", "KINDS", "Counts", "Fact", "Report", "Row",
           "Tally", "evaluate", "gold_files", "mismatches", "name_score", "names_match",
           "score_record"]
