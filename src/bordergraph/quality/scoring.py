"""Score extracted records against gold files, per "Scoring" in GOLD_SCHEMA.md.

Every atomic fact has a *kind* (see :mod:`.tally` for the table of kinds).

A field counts only when non-null; fields the schema does not list (event ``end_date``,
organization and port ``country``, port ``event``) are not scored. Gold null but predicted
filled is a false positive, the reverse a false negative, a wrong value both.

Pairing, one to one with the best-scoring pairs first: events by name (content words in any
order), by equal date and type, or by equal series and ordinal, never when their dates
disagree on the month; people, organizations and series by name; ports by name with
compatible country; outcomes by name at the same (paired) event, since an outcome is what
that event adopted, signed or reviewed.

Facts of an entity that was not found are all missed: its fields, its roles and its links; a
role, link or outcome on an unpaired event is missed too (and a predicted one is false).

A post written together with its organization ("head of the SAT") matches the same post
split into post ("head") and organization ("SAT"), either way round, and the organization is
then not counted. Precision with nothing predicted, and recall with nothing in gold, are 1.0.

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
from typing import Any

from .names import name_score, names_match, within
from .tally import CATEGORIES, ERRORS, FIELDS, KINDS, Counts, Fact, Mismatch, Row, Tally

_UNPAIRED = "<unpaired event>"


# -- pairing --------------------------------------------------------------------------------

def _items(record: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return [x for x in record.get(key) or [] if isinstance(x, dict)]


def _pair(preds: list[dict], golds: list[dict],
          score: Callable[[dict, dict], float]) -> dict[int, int]:
    """Greedy one-to-one pairing (predicted -> gold index), best score first, ties by position."""
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


def _dates_agree(a: Any, b: Any) -> bool:
    """Two ISO dates could be one event's: equal down to the month where both say it.

    >>> _dates_agree("2021-12-02", "2021-12-03"), _dates_agree("2021-11", "2021-12-02")
    (True, False)
    """
    if not a or not b:
        return True
    n = min(len(str(a)), len(str(b)), 7)
    return str(a)[:n] == str(b)[:n]


def _event_score(p: dict, g: dict) -> float:
    if not _dates_agree(p.get("date"), g.get("date")):
        return 0.0  # months apart: another session, whatever its name
    by_name = name_score(p.get("name") or "", g.get("name") or "", ordered=False)
    by_date = bool(p.get("date") and p.get("type")) and _agree(p, g, ("date", "type")) == 2
    by_ordinal = p.get("ordinal") is not None and p.get("ordinal") == g.get("ordinal") \
        and names_match(p.get("series"), g.get("series"))
    if not (by_name or by_date or by_ordinal):
        return 0.0
    return 2 * by_name + by_date + by_ordinal + 0.1 * _agree(p, g, ("date", "type", "mode"))


def _gold_event(item: dict, emap: dict[Any, Any] | None) -> Any:
    """The gold key of an item's event: predicted keys go through the event pairing."""
    event = item.get("event")  # an unpaired one stays itself, and equals no gold key
    return emap.get(event, (_UNPAIRED, event)) if emap is not None and event is not None \
        else event


def _entity_score(cat: str, emap: dict[Any, Any]) -> Callable[[dict, dict], float]:
    def score(p: dict, g: dict) -> float:
        s = name_score(p.get("name") or "", g.get("name") or "", cat == "person")
        if s == 0 or (cat == "port" and None not in (p.get("country"), g.get("country"))
                      and p["country"] != g["country"]):
            return 0.0
        if cat == "outcome" and _gold_event(p, emap) != g.get("event"):
            return 0.0  # the same name at another event is another outcome
        if cat == "port" and p.get("event") and _gold_event(p, emap) == g.get("event"):
            s += 1  # the same port at the same event is the better pair
        return s + 0.1 * _agree(p, g, ("country", "post", "type", "relation", "established"))
    return score


# -- facts ----------------------------------------------------------------------------------

def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _show(cat: str, name: str, item: dict, events: dict[Any, Any]) -> str | None:
    """A field's value as the diff shows it; an outcome's relation names its event."""
    value = item.get(name)
    if cat == "outcome" and name == "relation" and value is not None and item.get("event"):
        return f"{value} at {events.get(item['event'], item['event'])}"
    return _text(value)


def _joined(person: dict) -> str:
    return " ".join(x for x in (person.get("post"), person.get("organization")) if x)


def _org_inside_post(p: dict, g: dict) -> bool:
    """One side gives the organization apart, the other only inside its post: not counted."""
    po, go = p.get("organization"), g.get("organization")
    return (go is not None and po is None and within(go, p.get("post"))) or \
        (po is not None and go is None and within(po, g.get("post")))


def _same(cat: str, name: str, p: dict, g: dict, emap: dict[Any, Any]) -> bool:
    pv, gv = p.get(name), g.get(name)
    if cat == "outcome" and name == "relation":  # the pairing made the events agree
        return pv == gv and _gold_event(p, emap) == g.get("event")
    how = FIELDS[cat][1][name]
    if how == "exact":
        return bool(pv == gv)
    if cat == "person" and name == "post" and names_match(_joined(p), _joined(g)):
        return True  # "head of the SAT" is post "head" + organization "SAT"
    return names_match(str(pv), str(gv), ordered=how != "place")  # "Otay Mesa, San Diego"


def _entities(cat: str, pred: list[dict], gold: list[dict], pairs: dict[int, int],
              emap: dict[Any, Any], pnames: dict[Any, Any], gnames: dict[Any, Any]
              ) -> Iterator[Fact]:
    """Facts of the paired and missed gold entities (gold order), then of spurious ones."""
    fields = FIELDS[cat][1]
    by_gold = {j: i for i, j in pairs.items()}
    for j, g in enumerate(gold):
        gname = g.get("name") or g.get("key") or "?"
        if j not in by_gold:
            yield Fact(cat, "fn", gname, gname)
            yield from (Fact(f"{cat}.{f}", "fn", gname, v) for f in fields
                        if (v := _show(cat, f, g, gnames)) is not None)
            continue
        p = pred[by_gold[j]]
        yield Fact(cat, "tp", gname, gname, p.get("name"))
        for f in fields:
            if cat == "person" and f == "organization" and _org_inside_post(p, g):
                continue
            gv, pv = _show(cat, f, g, gnames), _show(cat, f, p, pnames)
            if gv is not None and pv is not None and _same(cat, f, p, g, emap):
                yield Fact(f"{cat}.{f}", "tp", gname, gv, pv)
                continue
            if pv is not None:
                yield Fact(f"{cat}.{f}", "fp", gname, gv, pv)
            if gv is not None:
                yield Fact(f"{cat}.{f}", "fn", gname, gv, pv)
    for i, p in enumerate(pred):
        if i not in pairs:
            pname = p.get("name") or p.get("key") or "?"
            yield Fact(cat, "fp", pname, None, pname)
            yield from (Fact(f"{cat}.{f}", "fp", pname, None, v) for f in fields
                        if (v := _show(cat, f, p, pnames)) is not None)


_Said = tuple[tuple[Any, ...], str, str]  # (key in gold terms, subject, value shown)


def _once(said: list[_Said]) -> list[_Said]:
    """Every atomic fact counts once: a role or link stated twice is one fact."""
    first: dict[tuple[Any, ...], _Said] = {}
    for item in said:
        first.setdefault(item[0], item)
    return list(first.values())


def _consume(kind: str, preds: list[_Said], golds: list[_Said]) -> Iterator[Fact]:
    """Match predicted facts (keys already in gold terms) against the gold facts."""
    preds, golds = _once(preds), _once(golds)
    left = Counter(key for key, *_ in golds)
    shown = {key: value for key, _, value in golds}
    found: Counter[tuple[Any, ...]] = Counter()
    for key, subject, value in preds:
        if left[key] > 0:
            left[key] -= 1
            found[key] += 1
            yield Fact(kind, "tp", subject, shown[key], value)
        else:
            yield Fact(kind, "fp", subject, None, value)
    for key, subject, value in golds:
        if found[key] > 0:
            found[key] -= 1
        else:
            yield Fact(kind, "fn", subject, value)


def _roles(person: dict | None, emap: dict[Any, Any] | None, names: dict[Any, Any],
           subject: str | None = None) -> list[_Said]:
    """A person's (event, role) facts; ``emap`` turns predicted event keys into gold keys."""
    person = person or {}
    return [((_gold_event(r, emap), r.get("role")), subject or person.get("name") or "?",
             f"{r.get('role')} at {names.get(r.get('event'), r.get('event'))}")
            for r in _items(person, "roles")]


def _links(record: dict, emap: dict[Any, Any] | None, names: dict[Any, Any]) -> list[_Said]:
    out = []
    for x in _items(record, "event_links"):
        ends = [{"event": x.get("from")}, {"event": x.get("to")}]
        a, b = (names.get(e["event"], e["event"]) for e in ends)
        out.append(((_gold_event(ends[0], emap), x.get("relation"), _gold_event(ends[1], emap)),
                    str(a), f"{x.get('relation')} {b}"))
    return out


def facts(predicted: dict[str, Any], gold: dict[str, Any]) -> Iterator[Fact]:
    """Every atomic fact of ``predicted`` and ``gold`` (GOLD_SCHEMA JSON) with its verdict.

    >>> [f.what for f in facts({"events": [{"key": "a", "name": "HLED"}]},
    ...                        {"events": [{"key": "e1", "name": "HLED", "mode": "virtual"}]})]
    ['HLED', "HLED: gold 'virtual'"]
    """
    pe, ge = _items(predicted, "events"), _items(gold, "events")
    ev_pairs = _pair(pe, ge, _event_score)
    emap = {pe[i].get("key"): ge[j].get("key") for i, j in ev_pairs.items()}
    pnames = {e.get("key"): e.get("name") for e in pe}
    gnames = {e.get("key"): e.get("name") for e in ge}
    yield from _entities("event", pe, ge, ev_pairs, emap, pnames, gnames)
    pp, gp = _items(predicted, "people"), _items(gold, "people")
    person_pairs = _pair(pp, gp, _entity_score("person", emap))
    yield from _entities("person", pp, gp, person_pairs, emap, pnames, gnames)
    for cat, (key, _) in FIELDS.items():
        if cat not in ("event", "person"):
            p, g = _items(predicted, key), _items(gold, key)
            pairs = _pair(p, g, _entity_score(cat, emap))
            yield from _entities(cat, p, g, pairs, emap, pnames, gnames)
    by_gold = {j: i for i, j in person_pairs.items()}  # roles follow both pairings
    for j, person in enumerate(gp):
        mine = pp[by_gold[j]] if j in by_gold else None  # listed under the gold's name
        yield from _consume("role", _roles(mine, emap, pnames, person.get("name")),
                            _roles(person, None, gnames))
    for i, person in enumerate(pp):
        if i not in person_pairs:
            yield from _consume("role", _roles(person, emap, pnames), [])
    yield from _consume("event_link", _links(predicted, emap, pnames), _links(gold, None, gnames))


def score_record(predicted: dict[str, Any], gold: dict[str, Any]) -> Counts:
    """Count true/false positives and misses of ``predicted`` against ``gold`` (both JSON).

    >>> g = {"events": [{"key": "e1", "name": "HLED", "date": "2021-09-09"}]}
    >>> score_record(g, g).micro
    Tally(tp=2, fp=0, fn=0)
    """
    return Counts.of(facts(predicted, gold))


def mismatches(predicted: dict[str, Any], gold: dict[str, Any]) -> list[str]:
    """Every false positive and miss as one readable line, for debugging an extractor.

    >>> mismatches({"people": [{"name": "Serena Hoy", "country": "MX"}]},
    ...            {"people": [{"name": "Serena Hoy", "country": "US"}]})
    ["FP person.country: Serena Hoy: gold 'US', predicted 'MX'", "FN person.country: Serena Hoy: gold 'US', predicted 'MX'"]
    """  # noqa: E501
    return [f"{f.verdict.upper()} {f.kind}: {f.what}" for f in facts(predicted, gold)
            if f.verdict != "tp"]


# -- a whole directory -----------------------------------------------------------------------

@dataclass
class Report:
    """Facts and counts per release (keyed by gold id) with each release's gold language."""

    releases: dict[str, Counts] = field(default_factory=dict)
    languages: dict[str, str | None] = field(default_factory=dict)
    facts: dict[str, list[Fact]] = field(default_factory=dict)

    def add(self, release: str, language: str | None, found: Iterable[Fact]) -> None:
        """Record one release's scored facts."""
        self.facts[release] = list(found)
        self.releases[release] = Counts.of(self.facts[release])
        self.languages[release] = language

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
            part = out.setdefault(lang, Report())
            part.releases[rid], part.languages[rid] = counts, lang
            if rid in self.facts:
                part.facts[rid] = self.facts[rid]
        return dict(sorted(out.items()))

    def mismatches(self) -> list[Mismatch]:
        """Every missed and every spurious fact, release by release, in the gold's order.

        A wrong value is both, so it gives two rows (each with both values); the rows of a
        release add up to its ``fn + fp``.
        """
        return [Mismatch(rid, self.languages.get(rid), f.category, f.kind, ERRORS[f.verdict],
                         f.subject, f.gold, f.predicted)
                for rid, found in self.facts.items() for f in found if f.verdict != "tp"]

    def diff(self) -> Any:
        """The mismatches as a pandas DataFrame, one row each (columns of :class:`Mismatch`).

        >>> corpus = Path(__file__).parents[3] / "data" / "releases"
        >>> def forget_nichols(path):  # the gold itself, one person short
        ...     record = json.loads(path.with_name(path.stem + ".gold.json").read_text("utf-8"))
        ...     if record["id"] == "esc-13-plenary-2021":
        ...         record["people"] = record["people"][1:]
        ...     return record
        >>> diff = evaluate(corpus, forget_nichols).diff()
        >>> diff.shape, diff.loc[0, "release"]
        ((6, 8), 'esc-13-plenary-2021')
        >>> rows = diff[["kind", "error", "gold"]].head(3).values.tolist()
        >>> rows  # doctest: +NORMALIZE_WHITESPACE
        [['person', 'missed', 'Brian A. Nichols'],
         ['person.post', 'missed', 'Assistant Secretary for Western Hemisphere Affairs'],
         ['person.organization', 'missed', 'U.S. Department of State']]
        """
        import pandas as pd

        return pd.DataFrame(self.mismatches(), columns=list(Mismatch._fields), dtype=object)

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
    >>> report.total.micro.f1, sorted(report.by_language()), report.mismatches()
    (1.0, ['en', 'es'], [])
    """
    report = Report()
    for path, gold_path in gold_files(directory):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        rid = str(gold.get("id") or path.stem)
        rid = rid if rid not in report.releases else str(path)
        report.add(rid, (gold.get("source") or {}).get("language"), facts(predict(path), gold))
    return report


__all__ = ["CATEGORIES", "ERRORS", "FIELDS", "KINDS", "Counts", "Fact", "Mismatch", "Report",
           "Row", "Tally", "evaluate", "facts", "gold_files", "mismatches", "name_score",
           "names_match", "score_record"]
