"""Outcomes of events: what a meeting adopted, reviewed, signed, launched, approved or completed,
and the specific commitments it made. Vocabulary: ``data/lexicon/LANG/outcomes.yaml``.

>>> [(o.name, o.type, o.relation) for o in sentence_outcomes(
...     "The ESC adopted Action Plans to guide bilateral efforts.", [], 0, "en")]
[('Action Plans', 'ActionPlan', 'adopted')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ...graph.iris import fold
from . import cached_re as re
from .lexicon import alternation, load
from .outcome_frames import Candidate, frame_outcomes, list_leads
from .sentences import Sentence
from .series import canonical, kind_of

_CAPW = r"(?:[A-Z0-9][\w’'.$-]*)"
_CAPNP = (
    rf"{_CAPW}(?:(?:\s+(?:of|for|on|and|to)\s+(?:the\s+)?|,\s+(?:and\s+)?(?=[A-Z])|\s+|-)"
    rf"{_CAPW})*(?:\s+\([A-Z]{{2,10}}\))?"
)
# What the two noun-phrase-first patterns below need besides the noun phrase. Trying a noun
# phrase at every capital letter is slow, and most sentences lack these words altogether.
_ISSUED_AT = re.compile(r"(?:issued|adopted|signed|approved|launched)\s+(?:at|during)\b")
_WHICH = re.compile(r"which")
_PLEDGE = re.compile(r"pledge of")


def _finditer_if(needed: re.Pattern[str], pattern: str, text: str) -> Iterator[re.Match[str]]:
    """``re.finditer(pattern, text)``, skipped when ``text`` lacks what every match of
    ``pattern`` contains (``needed``): same matches, without the slow scan where none can be."""
    return re.finditer(pattern, text) if needed.search(text) else iter(())


@dataclass
class OutcomeFact:
    name: str
    type: str | None
    relation: str | None
    event: int | None
    sent: int
    series_key: str | None = None


@cache
def _lex(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "outcomes")


def outcome_type(name: str, relation: str | None, lang: str) -> str | None:
    """The outcome type by the words of its name; a body is a Committee only when created."""
    for entry in _lex(lang).get("types", []):
        if re.search(rf"\b{alternation(entry['words'])}\b", name, re.I):
            kind = entry["type"]
            if kind in ("Committee", "WorkingGroup") and relation != "launched":
                return "Commitment"
            return str(kind)
    return None


def _np(text: str, lang: str) -> str | None:
    """The noun phrase at the start of ``text``: a capitalised name, else a short lower-case
    phrase with an outcome head word ("joint statement")."""
    lex = _lex(lang)
    text = re.sub(r"^(?:an?|the|their|its)\s+", "", text.lstrip())
    adjectives = alternation(lex.get("name_adjectives", []))
    m = re.match(rf"(?:{adjectives}\s+)?(?P<cap>{_CAPNP})", text)
    if m and m.group("cap")[:1].isupper():
        return m.group(0).rstrip(",. ")
    heads = alternation(lex.get("lowercase_heads", []))
    m = re.match(rf"[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,3}}?\s+{heads}\b", text)
    return m.group(0) if m else None


def _upto(text: str) -> str:
    """A commitment's object: up to a clause break (", aligning", ", backed", ";", ".")."""
    m = re.search(
        r",\s+(?:\w+ing|\w+ed|which|in which|including|and by|while)\b|[;:\"“”]|\.\s|\.$", text
    )
    return (text[: m.start()] if m else text).strip(" ,.")


def _concrete(phrase: str, lang: str) -> bool:
    lex = _lex(lang)
    if re.search(lex.get("amount", r"\$"), phrase) or re.search(r"\d", phrase):
        return True
    # a proper noun inside (a place, a programme), not a nationality adjective ("North American"),
    # unless the undertaking is a general one ("meet again in Washington", "keep working with
    # Mexico": a promise to keep cooperating is no outcome)
    general = alternation(lex.get("general_verbs", []))
    if not (general and re.match(rf"(?:{general})\b", phrase, re.I)):
        for run in re.findall(r"(?<=\s)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*", phrase):
            if not re.search(r"(?:an|ian|ese|ish)$", run):
                return True
    return bool(re.search(rf"\b{alternation(lex.get('commitment_concrete', []))}\b", phrase, re.I))


def sentence_outcomes(
    text: str, events, s: int, lang: str, lead: str | None = None, main: int | None = None
) -> list[OutcomeFact]:  # type: ignore[no-untyped-def]
    """Outcomes stated in one sentence; ``events`` is [(EventMention, event id)]."""
    lex = _lex(lang)
    out: list[OutcomeFact] = []

    def event_at(pos: int) -> int | None:
        clause_end = re.search(r"[;]|,\s+(?:which|when)\b", text[pos:])
        hi = pos + clause_end.start() if clause_end else len(text)
        after = [e for m, e in events if pos <= m.start < hi]
        before = [e for m, e in events if m.end <= pos]
        return after[0] if after else (before[-1] if before else main)

    def add(
        name: str | None,
        relation: str | None,
        pos: int,
        kind: str | None = None,
        event: int | None = None,
    ) -> None:
        if not name or len(name) < 4:
            return
        out.append(
            OutcomeFact(
                name,
                kind or outcome_type(name, relation, lang),
                relation,
                event if event is not None else event_at(pos),
                s,
            )
        )

    # "the Framework ..., which the two governments adopted when the HLSD was inaugurated"
    for m in _finditer_if(
        _WHICH,
        rf"(?P<np>{_CAPNP}),\s+which\s+(?:[\w-]+\s+){{0,4}}?(?P<v>adopted|agreed|signed|"
        rf"approved|launched|issued|formed|created|established)\b",
        text,
    ):
        later = [e for em, e in events if em.start > m.end()]
        if later:
            add(_trim(m.group("np")), _rel(m.group("v"), lang), m.end(), event=later[0])
    for relation, verbs in {}.items():
        for m in re.finditer(rf"\b(?:{alternation(verbs, escape=False)})\s+", text):
            if re.search(r"\bto\s+$", text[: m.start()]) and relation != "launched":
                continue
            add(_np(text[m.end() :], lang), relation, m.end())
    for m in [] and _finditer_if(
        _ISSUED_AT,
        rf"(?P<np>{_CAPNP}|joint statement|joint declaration)\s+(?:was\s+|were\s+)?"
        rf"(?P<v>issued|adopted|signed|approved|launched)\s+(?:at|during)\b",
        text,
    ):
        add(_trim(m.group("np")), _rel(m.group("v"), lang), m.end())
    completion = alternation(lex.get("completion_words", []))
    for m in re.finditer(rf"(?i)\b{completion} of\s+(?:the\s+)?(?P<np>[^,;.]+)", text):
        review = re.search(alternation(lex["relations"]["reviewed"]), text[: m.start()])
        add(
            m.group("np").strip(),
            "reviewed" if review else "completed",
            m.start(),
            kind="InfrastructureProject",
        )
    for m in re.finditer(rf"\b{alternation(lex.get('present_verbs', []))}\s+", text):
        add(_np(text[m.end() :], lang), None, m.start())
    heads = alternation(lex.get("definite_heads", []))
    origins = alternation(lex.get("origin_verbs", []))
    for m in re.finditer(rf"\b(?:The|the)\s+(?P<head>{heads})\s+(?P<v>{origins})\b", text):
        out.append(
            OutcomeFact(
                m.group("head"),
                m.group("head"),
                "launched",
                event_at(m.end()),
                s,
                series_key="@" + m.group("head"),
            )
        )
    _add_frames(text, lang, lead, out, add)
    if out:
        return out
    listed = lead is not None and re.search(alternation(lex.get("list_leads", [])), lead, re.I)
    for m in _finditer_if(
        _PLEDGE, rf"(?P<adj>\b[A-Z][a-z]+\s+)?pledge of\s+(?P<amt>{lex['amount']})", text
    ):
        add(
            f"{(m.group('adj') or '').strip()} pledge of {m.group('amt')}".strip(),
            "adopted",
            m.start(),
            kind="Commitment",
        )
    verbs = [v for v in lex.get("commitment_verbs", []) if listed or v != "will"]
    for m in re.finditer(rf"\b(?:{alternation(verbs, escape=False)})\s+", text):
        obj = _upto(text[m.end() :])
        obj = re.sub(r"^(?:to|a|an|the)\s+", "", obj)
        if obj and _concrete(obj, lang) and not any(o.name in obj or obj in o.name for o in out):
            add(obj, "adopted", m.start(), kind="Commitment")
    if listed and not out:
        m = re.match(rf"[-•*·–\s]*(?:The\s+)?(?P<np>{_CAPNP})\s+will continue\b", text)
        if m:
            add(m.group("np"), "adopted", m.end(), kind="Commitment")
    return out


def _add_frames(text: str, lang: str, lead: str | None, out: list[OutcomeFact], add) -> None:  # type: ignore[no-untyped-def]
    """The language-neutral outcome frame (:mod:`.outcome_frames`): what it finds that the
    patterns above did not."""
    for c in frame_outcomes(text, lang, lead):
        key = fold(c.name)
        if any(key in fold(o.name) or fold(o.name) in key for o in out):
            continue
        kind = frame_type(c, lang)
        if kind:
            for o in out:  # issued a joint statement, "Title": the title names it
                if c.kind and fold(o.name) == fold(c.kind):
                    out.remove(o)
                    break
            add(c.name, "adopted" if c.kind == "Commitment" else c.relation, c.pos, kind=kind)


def frame_type(c: Candidate, lang: str) -> str | None:
    """The schema type of a frame's outcome: by its name, else by the head of its apposition
    ("Mission Firewall, a joint initiative")."""
    if c.kind == "Commitment":
        kind = outcome_type(c.name, c.relation, lang)
        return "Committee" if kind == "Committee" and c.relation == "launched" else "Commitment"
    kind = outcome_type(c.name, c.relation, lang)
    if kind is None and c.kind:
        kind = outcome_type(c.kind, c.relation, lang)
    return kind


def _trim(np: str) -> str:
    return re.sub(r"^(?:In|The|A|An)\s+", "", np)


def _rel(verb: str, lang: str) -> str | None:
    for relation, words in _lex(lang).get("relations", {}).items():
        if verb.lower() in words:
            return str(relation)
    return None


def relation_updates(text: str, lang: str) -> list[tuple[str, str]]:
    """ "Drafted and approved jointly ..., the plan is ..." -> [("ActionPlan", "approved")]."""
    nouns = _lex(lang).get("definite_nouns", {})
    if not nouns:
        return []
    out = []
    for m in re.finditer(
        rf"\b(approved|adopted|signed|ratified)\b[^.;]*?\bthe ({alternation(list(nouns))})\b",
        text,
    ):
        out.append((str(nouns[m.group(2)]), _rel(m.group(1), lang) or m.group(1)))
    return out


def collect(sents, body, es, lang: str) -> list[OutcomeFact]:  # type: ignore[no-untyped-def]
    """All outcomes of a release, one per name, relation and event; "the Framework" and "the
    plan" resolved to the names they stand for."""
    out: list[OutcomeFact] = []
    leads = list_leads(sents)
    context = context_events(sents, es, leads)
    for i, s in enumerate(sents):
        if s not in body:
            continue
        found = sentence_outcomes(s.text, es.at(i), i, lang, s.lead or leads[i], context[i])
        for o in found:
            if o.series_key and o.series_key.startswith("@"):  # "The Framework grew out of"
                full = _antecedent(sents[: i + 1], o.series_key[1:])
                if not full:
                    continue
                o.name, o.type, o.series_key = full, outcome_type(full, o.relation, lang), None
            o.series_key = o.series_key or canonical(
                re.sub(
                    r"^(?:U\.S\.[-–]Mexico|Mexico[-–]U\.S\.)\s+"
                    r"|\s*\([A-Z]+\)$",
                    "",
                    o.name,
                ),
                lang,
            )
            if o.type is None or o.event is None:
                continue  # not a kind of outcome the schema knows, or of no event found
            o.type = _subgroup(o, es.events[o.event], lang)
            out.append(o)
        for kind, relation in relation_updates(s.text, lang):
            for o in reversed(out):
                if o.type == kind and o.relation is None:
                    o.relation = relation
                    break
    if es.main is not None and es.events[es.main].type == "Opening":
        fac = es.events[es.main].location
        if fac and not any(o.type == "InfrastructureProject" for o in out):
            out.append(OutcomeFact(fac, "InfrastructureProject", "completed", es.main, 0))
    seen, unique = set(), []
    for o in out:
        key = (re.sub(r"\W+", " ", o.name.lower()).strip(), o.relation, o.event)
        if key not in seen and not any(_within(o, u) for u in unique):
            seen.add(key)
            unique.append(o)
    return unique


def context_events(sents, es, leads: list[str | None]) -> list[int | None]:  # type: ignore[no-untyped-def]
    """The event an outcome belongs to when its sentence names none: the last event named
    before it in its paragraph; for a list item, the one its lead names or, failing that, the
    last one named in the paragraph before the lead (the section the list closes); else the
    main event."""
    out: list[int | None] = []
    last_in: dict[int, int] = {}  # paragraph -> last event named in it so far
    lead_event: int | None = None
    for i, s in enumerate(sents):
        if leads[i] is None:
            lead_event = None
        elif lead_event is None and i > 0 and leads[i - 1] is None:  # first item: its lead
            lead_para = sents[i - 1].para
            lead_event = last_in.get(lead_para, last_in.get(lead_para - 1))
        here = last_in.get(s.para)
        out.append(
            lead_event
            if leads[i] is not None and lead_event is not None
            else here
            if here is not None
            else es.main
        )
        named = [
            e
            for m, e in sorted(es.at(i), key=lambda x: x[0].start)
            if not m.ref and not m.extra.get("backdrop") and not es.events[e].future
        ]
        if named:
            last_in[s.para] = named[-1]
    return out


def _subgroup(o: OutcomeFact, event, lang: str) -> str | None:  # type: ignore[no-untyped-def]
    """A working group a standing body sets up at its session is the body's subgroup
    (WorkingGroup); one set up by a summit or a meeting of its own is a Committee."""
    words = _lex(lang).get("subgroup_words", [])
    key = getattr(event, "series_key", None)
    if (
        o.type == "Committee"
        and key
        and kind_of(key, lang) == "committee"
        and re.search(rf"\b{alternation(words)}\b", o.name, re.I)
    ):
        return "WorkingGroup"
    return o.type


def _within(a: OutcomeFact, b: OutcomeFact) -> bool:
    wa, wb = set(a.name.lower().split()), set(b.name.lower().split())
    return a.event == b.event and a.relation == b.relation and (wa <= wb or wb <= wa)


def _antecedent(sents: list[Sentence], head: str) -> str | None:
    """The last capitalised name ending in ``head`` ("Bicentennial Framework for Security ...")."""
    pat = re.compile(
        rf"((?:[A-Z][\w.-]*\s+)+{head}(?:\s+(?:for|on|of)\s+[A-Z][\w-]*"
        rf"(?:(?:,\s+|\s+and\s+|\s+)[A-Z][\w-]*)*)?)"
    )
    for s in reversed(sents):
        found = [m.group(1) for m in pat.finditer(s.text) if not m.group(1).startswith("The ")]
        if found:
            return found[-1]
    return None
