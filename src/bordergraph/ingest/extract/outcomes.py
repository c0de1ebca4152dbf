"""Outcomes of events, in any language: what a meeting adopted, reviewed, signed, launched,
approved or completed, and the specific commitments it made. One reader for every language:
the verb-and-object frame (:mod:`.outcome_frames`), the clauses around it
(:mod:`.outcome_clauses`) and lists (:mod:`.outcome_lists`), each outcome attached to the
event of its clause or of its sentence's context. Vocabulary: ``data/lexicon/LANG/outcomes.yaml``.

>>> [(o.name, o.type, o.relation) for o in sentence_outcomes(
...     "The ESC adopted Action Plans to guide bilateral efforts.", [], 0, "en")]
[('Action Plans', 'ActionPlan', 'adopted')]
>>> [(o.name, o.type, o.relation) for o in sentence_outcomes(
...     "Las partes suscribieron hoy el Convenio de Aduanas Conjuntas.", [], 0, "es", main=0)]
[('Convenio de Aduanas Conjuntas', 'Agreement', 'signed')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...graph.iris import fold
from . import cached_re as re
from . import outcome_clauses as clauses
from .event_parts import facility
from .lexicon import alternation, load
from .outcome_frames import Candidate, frame_outcomes
from .outcome_lists import list_leads, outcome_type
from .sentences import Sentence
from .series import canonical, kind_of


@dataclass
class OutcomeFact:
    name: str
    type: str | None
    relation: str | None
    event: int | None
    sent: int
    series_key: str | None = None
    mention: bool = False  # "signed a declaration on ...": see outcome_frames.Candidate


@cache
def _lex(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "outcomes")


def sentence_outcomes(
    text: str,
    events,
    s: int,
    lang: str,
    lead: str | None = None,
    main: int | None = None,
    last: OutcomeFact | None = None,
) -> list[OutcomeFact]:  # type: ignore[no-untyped-def]
    """Outcomes stated in one sentence (or list item, with ``lead`` the sentence introducing
    its list); ``events`` is [(EventMention, event id)], ``main`` the event of the sentence's
    context and ``last`` the release's previous outcome ("The document creates ..." is about
    it)."""
    lex = _lex(lang)
    out: list[OutcomeFact] = []
    topic = last.event if last is not None and clauses.opens_with_document(text, lang) else None
    clause_end = lex.get("clause_end", r"[;]")

    def event_at(pos: int, end: int) -> int | None:
        """The event named after ``pos`` in its clause, else the last one before, else the
        sentence's context."""
        stop = re.search(clause_end, text[end:])
        hi = end + stop.start() if stop else len(text)
        after = [e for m, e in events if pos <= m.start < hi and not (m.ref or m.future)]
        before = [e for m, e in events if m.end <= pos]
        return after[0] if after else (before[-1] if before else main)

    def add(
        name: str | None,
        relation: str | None,
        pos: int,
        kind: str | None = None,
        event: int | None = None,
        mention: bool = False,
    ) -> None:
        if not name or len(name) < 3 or any(o.name == name and o.relation == relation for o in out):
            return  # "MOU" is the shortest name of an outcome
        at = text.find(name, pos)
        end = at + len(name) if at >= 0 else pos
        if event is None:
            event = topic if topic is not None else event_at(pos, end)
        kind = kind or outcome_type(name, relation, lang)
        out.append(OutcomeFact(name, kind, relation, event, s, mention=mention))

    frames = frame_outcomes(text, lang, lead)
    listed = bool(lead and re.search(alternation(lex.get("list_leads", [])), lead, re.I))
    if listed and not frames:  # "- crear un grupo de trabajo": the frame reads what it can
        clauses.verb_items(text, lead or "", lang, add)
        if out:
            return out
    clauses.earlier_clauses(text, lang, events, add)
    clauses.done_earlier(text, lang, events, add)
    clauses.completions(text, lang, add)
    for head, end in clauses.named_before(text, lang):
        event = event_at(end, end)
        out.append(OutcomeFact(head, head, "launched", event, s, series_key="@" + head))
    clauses.signed_participles(text, lang, add)
    if lex.get("undertakings_first"):
        clauses.undertakings(text, lang, add, out, listed)
    _add_frames(frames, lang, out, add)
    if out or lex.get("undertakings_first"):
        return out
    clauses.pledges(text, lang, add)
    clauses.undertakings(text, lang, add, out, listed)
    if listed and not out:
        clauses.continuing(text, lang, add)
    return out


def _add_frames(frames: list[Candidate], lang: str, out: list[OutcomeFact], add) -> None:  # type: ignore[no-untyped-def]
    """The language-neutral outcome frame (:mod:`.outcome_frames`): what it finds that the
    patterns above did not."""
    frame = _lex(lang).get("frame", {})
    refs = alternation(frame.get("event_refs", []), escape=False)
    breaks = alternation(frame.get("name_breaks", []), escape=False)
    for c in frames:
        if frame.get("event_refs") and re.match(refs, c.name, re.I):
            continue  # "los acuerdos de la XI Reunión": what an earlier event agreed, as a whole
        if frame.get("name_breaks"):  # "la construcción de X y se acordó ...": the next clause
            c.name = re.split(rf"\s+{breaks}\s", c.name)[0]
        key = fold(c.name)
        relation = "adopted" if c.kind == "Commitment" else c.relation
        relation = None if relation == "told_later" else relation
        if any(
            (key in fold(o.name) or fold(o.name) in key) and o.relation in (relation, None)
            for o in out
        ):
            continue  # told already (adopted at an earlier event, reviewed at this one: two)
        kind = frame_type(c, lang)
        if kind:
            for o in out:  # issued a joint statement, "Title": the title names it
                if c.kind and fold(o.name) == fold(c.kind):
                    out.remove(o)
                    break
            add(c.name, relation, c.pos, kind=kind, mention=c.mention)


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


def relation_updates(text: str, lang: str) -> list[tuple[str, str]]:
    """ "Drafted and approved jointly ..., the plan is ..." -> [("ActionPlan", "approved")]."""
    nouns = _lex(lang).get("definite_nouns", {})
    if not nouns:
        return []
    participles = _lex(lang).get("frame", {}).get("participles", {})
    det = alternation(_lex(lang).get("frame", {}).get("definite", []))
    out = []
    for m in re.finditer(
        rf"\b({alternation(list(participles))})\b[^.;]*?\b{det}\s+({alternation(list(nouns))})\b",
        text,
    ):
        out.append((str(nouns[m.group(2)]), participles[m.group(1).lower()]))
    return out


def collect(sents, body, es, lang: str) -> list[OutcomeFact]:  # type: ignore[no-untyped-def]
    """All outcomes of a release (``body``: the indices of its body sentences), one per name,
    relation and event; "the Framework" and "the plan" resolved to the names they stand for;
    what an opening opens is a completed infrastructure project."""
    out: list[OutcomeFact] = []
    leads = list_leads(sents)
    context = context_events(sents, es, leads)
    prefix = alternation(_lex(lang).get("shared_prefixes", []), escape=False)
    for i, s in enumerate(sents):
        if i not in body:
            continue
        last = out[-1] if out else None
        lead = s.lead or leads[i]
        for o in sentence_outcomes(s.text, es.at(i), i, lang, lead, context[i], last):
            if o.series_key and o.series_key.startswith("@"):  # "The Framework grew out of"
                full = _antecedent(sents[: i + 1], o.series_key[1:])
                if not full:
                    continue
                o.name, o.type, o.series_key = full, outcome_type(full, o.relation, lang), None
            # "U.S.-Mexico Action Plan" and "Action Plan (AP)" are one series with "Action Plan"
            bare = re.sub(rf"^{prefix}\s+|\s*\([A-Z]+\)$", "", o.name)
            o.series_key = o.series_key or canonical(bare, lang)
            if o.type is None or o.event is None:
                continue  # not a kind of outcome the schema knows, or of no event found
            o.event = _session_of(o.event, es, s.text)
            o.type = _subgroup(o, es.events[o.event], lang)
            out.append(o)
        for kind, relation in relation_updates(s.text, lang):
            for o in reversed(out):
                if o.type == kind and o.relation is None:
                    o.relation = relation
                    break
    main = es.events[es.main] if es.main is not None else None
    if main is not None and main.type == "Opening":
        place = main.location if main.location and facility(main.location, lang) else None
        fac = main.extra.get("facility") or place or _opened(sents, es, lang) or main.location
        if fac and not any(o.type == "InfrastructureProject" for o in out):
            out.insert(0, OutcomeFact(fac, "InfrastructureProject", "completed", es.main, 0))
    # "firmaron una declaración sobre ..." and "la Declaración sobre la Alianza ...": one
    named = {(o.type, o.relation, o.event) for o in out if not o.mention}
    out = [o for o in out if not (o.mention and (o.type, o.relation, o.event) in named)]
    unique: list[OutcomeFact] = []
    for o in out:
        if not any(_same(o, u) for u in unique):
            unique.append(o)
    return unique


def _opened(sents, es, lang: str) -> str | None:  # type: ignore[no-untyped-def]
    """The facility an opening opened: the first one named where the opening is told."""
    for (i, _), e in sorted(es.index.items()):
        if e == es.main:
            found = facility(sents[i].text, lang)
            if found:
                return found.group("fac")
    return None


def _session_of(event: int, es, text: str) -> int:  # type: ignore[no-untyped-def]
    """A signing held the same day as the session of a standing body (or round of a dialogue)
    the release reports is part of that session: what was signed there is its outcome. A
    visit's signing ceremony stays an event of its own."""
    main = es.events[es.main] if es.main is not None else None
    ev = es.events[event]
    if (
        main is not None
        and event != es.main
        and ev.type == "Signing"
        and main.type in ("Meeting", "Dialogue")
        and (ev.date == main.date or (ev.date is None and not _other_year(text, main.date)))
    ):
        return es.main
    return event


def _other_year(text: str, date: str | None) -> bool:
    """The sentence names a year other than that of ``date`` ("In 1983 they signed ...")."""
    years = set(re.findall(r"\b(?:19|20)\d\d\b", text))
    return bool(years - {(date or "")[:4]})


def _same(a: OutcomeFact, b: OutcomeFact) -> bool:
    """One fact: the same relation and name, or the same event and one name inside the other."""
    if a.relation != b.relation:
        return False
    ka, kb = fold(a.name), fold(b.name)
    if ka == kb:
        return True
    wa, wb = set(a.name.lower().split()), set(b.name.lower().split())
    return a.event == b.event and (ka in kb or kb in ka or wa <= wb or wb <= wa)


def context_events(sents, es, leads: list[str | None]) -> list[int | None]:  # type: ignore[no-untyped-def]
    """The event an outcome belongs to when its sentence names none: the last event named
    before it in its paragraph; for a list item, the one its lead names or, failing that, the
    last one named in the paragraph before the lead (the section the list closes); else the
    main event. An event of a month before the main one's is a backdrop, no context ("the
    priorities the leaders set when they met in Cancún last March. - A body was set up")."""
    out: list[int | None] = []
    main = es.events[es.main] if es.main is not None else None
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
            if not m.ref
            and not m.extra.get("backdrop")
            and not es.events[e].future
            and not _earlier(es.events[e], main)
        ]
        if named:
            last_in[s.para] = named[-1]
    return out


def _earlier(event, main) -> bool:  # type: ignore[no-untyped-def]
    """An event of an earlier month than the release's main one: a backdrop ("the priorities
    the leaders set when they met in Cancún last March"), not what the next sentences report."""
    if main is None or event is main or not event.date or not main.date:
        return False
    return event.date[:7] < main.date[:7]


def _subgroup(o: OutcomeFact, event, lang: str) -> str | None:  # type: ignore[no-untyped-def]
    """A working group a standing body sets up at its session is the body's subgroup
    (WorkingGroup); one set up by a summit or a meeting of its own is a Committee."""
    words = _lex(lang).get("subgroup_words", [])
    key = getattr(event, "series_key", None)
    if (
        words
        and o.type == "Committee"
        and key
        and kind_of(key, lang) == "committee"
        and re.search(rf"\b{alternation(words)}\b", o.name, re.I)
    ):
        return "WorkingGroup"
    return o.type


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
