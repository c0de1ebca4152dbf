"""Roles of people at events, read from the verbs around their mentions.

``data/lexicon/LANG/roles.yaml`` lists the cues: "led the U.S. delegation" (delegation_head of
the persons before it), "was headed by" (the persons after it), "co-hosted ... with X", "hosted",
"welcomed", "at the invitation of", "co-chaired", "joined", "among them", "which included", and
speech verbs ("said", "noted", "described") that make a person a speaker. A participant role is
dropped where the person has a stronger role (host, co-host, chair, head) at the same event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import alternation, could_match, load
from .text import country_of, country_words

_BOUNDARY = re.compile(r";|,\s+(?:which|who|where|while)\b|\bwhen\b")
STRONG = {"host", "co_host", "chair", "delegation_head", "signatory"}


@cache
def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A cue pattern compiled once (the cues are few; the sentences many)."""
    return re.compile(pattern, flags)


@dataclass(frozen=True)
class RoleFact:
    person: int
    event: int
    role: str
    sent: int


@cache
def _lex(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "roles")


_ROLES = ("delegation_head", "co_host", "chair", "host", "signatory")


@cache
def _cue_patterns(lang: str) -> tuple[str, ...]:
    """Every cue sentence_roles scans for: role subject/by/with cues, participant cues."""
    lex = _lex(lang)
    groups = [lex.get(role, {}) for role in _ROLES] + [lex.get("participant", {})]
    kinds = ("subject", "by", "with", "object", "list", "all_after")
    return (*(p for g in groups for kind in kinds for p in g.get(kind, [])), r"welcomed")


def _relative_start(text: str, lo: int, pos: int) -> int | None:
    """Where a relative clause (", who ...", ", quien ...") that holds ``pos`` opens."""
    found = list(re.finditer(r",\s+(?:who|quien|quienes|que)\b", text[:pos]))
    return found[-1].start() if found else None


def _clause_start(text: str, pos: int) -> int:
    starts = [m.end() for m in _BOUNDARY.finditer(text[:pos])]
    rel = re.search(r",\s+which\b", text[:pos])
    return max(starts + ([rel.start() + 1] if rel else []) + [0])


def _clause_end(text: str, pos: int) -> int:
    m = _BOUNDARY.search(text, pos)
    return m.start() if m else len(text)


def sentence_roles(
    s: int,
    text: str,
    people,
    events,
    main: int | None,
    lead: bool,
    lang: str,
    countries: dict[int, str],
    antecedents: tuple[int, ...] = (),
) -> list[RoleFact]:  # type: ignore[no-untyped-def]
    """Roles stated in one sentence. ``people``: [(Mention, person id)]; ``events``:
    [(EventMention, event id)] of the sentence; ``countries`` collects delegation sides;
    ``antecedents``: the people a collective subject with no one named before it in the
    sentence stands for ("The two governors signed ..." after a sentence naming both)."""
    collective = _collective(lang)
    if not antecedents or collective is None or not collective.search(text):
        antecedents = ()
    if not people and not antecedents:
        return []  # roles are of named people
    lex = _lex(lang)
    out: list[RoleFact] = []
    bilateral = {cid for m, _ in events if m.persons for cid in m.persons}
    own = [e for m, e in events if not m.persons]

    def event_near(pos: int, prefer_before: bool = False) -> int | None:
        before = [(m.end, e) for m, e in events if m.end <= pos and len(m.persons) < 2]
        after = [(m.start, e) for m, e in events if m.start >= pos and len(m.persons) < 2]
        if prefer_before and before:
            return before[-1][1]
        if after and after[0][0] < _clause_end(text, pos):
            return after[0][1]
        return own[0] if own else main

    def told_by(pos: int) -> int | None:
        """The meeting the cue's own verb tells ("A received B": A hosts that meeting)."""
        return next((e for em, e in events if em.extra.get("verb") and em.start == pos), None)

    def add(cid: int, e: int | None, role: str) -> None:
        if cid >= 0 and e is not None:
            out.append(RoleFact(cid, e, role, s))

    def before(pos: int) -> list[int]:
        lo = _clause_start(text, pos)
        found = [cid for pm, cid in people if lo <= pm.start and pm.end <= pos]
        if not found:
            rel = _relative_start(text, lo, pos)
            if rel is not None:  # "X, <post>, who headed the side": the antecedent
                prior = [(pm, cid) for pm, cid in people if pm.end <= rel]
                if prior:
                    found = [prior[-1][1]]
        if not found and collective is not None and (group := collective.search(text[lo:pos])):
            # "..., where the three leaders signed": everyone named before it
            found = [cid for pm, cid in people if pm.end <= pos]
            if not found and antecedents:
                found = list(antecedents[: _group_size(group.group(0), lang)])
        group = collective.search(text[lo:pos]) if collective is not None else None
        size = _group_size(group.group(0), lang) if group else None
        if group and size and len(found) < size and not text[lo + group.end() : pos].strip():
            # "At a meeting with B, the two secretaries signed": B and the one named before
            more = [c for c in antecedents if c not in found]
            found = (found + more)[:size] if len(found) + len(more) >= size else found
        if not found:
            colon = text.find(":", pos, _clause_end(text, pos))
            if colon >= 0:  # "who led their delegation: A; B; and C"
                found = [cid for pm, cid in people if pm.start > colon]
        return found

    def after(pos: int, until: int | None = None) -> list[int]:
        hi = until if until is not None else _clause_end(text, pos)
        return [cid for pm, cid in people if pos <= pm.start < hi]

    # One scan for any cue first: most sentences hold none, and then none of the cue loops
    # below (each only adds word boundaries to its cue) could match.
    lists = lex.get("participant", {}).get("list", [])
    if not could_match(_cue_patterns(lang), text) and not could_match(lists, text, re.I):
        lex = {**lex, "participant": {}, **{role: {} for role in _ROLES}}
    for role in _ROLES:
        cues = lex.get(role, {})
        for pat in cues.get("subject", []):
            for m in _rx(rf"(?<![\w-]){pat}\b").finditer(text):
                relative = role == "chair" and re.search(r",\s+which\b", text[: m.start()])
                e = told_by(m.start())
                if e is None:
                    e = event_near(m.end(), prefer_before=bool(relative))
                if role == "signatory" and not events and main is None:
                    continue
                for cid in before(m.start()):
                    add(cid, e, role)
                    _side(m.group(0), cid, countries, lang)
        for pat in cues.get("by", []):
            for m in _rx(rf"\b{pat}\b").finditer(text):
                if role == "signatory" and not events and not (lead and main is not None):
                    continue  # "was signed here today by A and B" in the lead: the release's event
                stop = re.search(
                    alternation(lex["participant"].get("after_heads", [])), text[m.end() :]
                )
                hi = m.end() + stop.start() if stop else _clause_end(text, m.end())
                e = told_by(m.start()) if role == "host" else None
                if e is None:
                    e = (
                        event_near(m.start(), prefer_before=True)
                        if role == "host"
                        else event_near(0)
                    )
                named = after(m.end(), hi)
                if not named and antecedents and collective.match(text, m.end() + 1):
                    named = list(antecedents)  # "was co-chaired by the two secretaries"
                for cid in named:
                    add(cid, e, role)
                    _side(text[max(0, m.start() - 30) : m.end()], cid, countries, lang)
                if stop and role == "delegation_head":
                    for cid in after(hi, len(text)):
                        add(cid, e, "participant")
                        _side(text[max(0, m.start() - 30) : m.end()], cid, countries, lang)
        for pat in cues.get("all_after", []):
            for m in _rx(rf"\b{pat}\b").finditer(text):
                for cid in after(m.end()):
                    add(cid, event_near(m.start(), prefer_before=True), role)
        for pat in cues.get("with", []):
            for m in _rx(rf"\b{pat}").finditer(text):
                for cid in after(m.end()):
                    add(cid, event_near(m.end()), role)
        if role == "host":
            for m in _rx(r"\bwelcomed\b").finditer(text):
                for cid in after(m.end()):
                    add(cid, event_near(m.end()), "participant")
    out += label_roles(s, text, people, own[0] if own else main, lang)
    part = lex.get("participant", {})
    for pat in part.get("object", []) + lists:  # a list opener may start its sentence
        for m in _rx(rf"\b{pat}\b", re.I if pat in lists else 0).finditer(text):
            heads = [f for f in out if f.role == "delegation_head"]
            earlier = [e for em, e in events if em.end <= m.start() and len(em.persons) < 2]
            whole = pat.startswith("among") or pat in lists
            for cid in after(m.end(), len(text) if whole else None):
                add(cid, earlier[-1] if earlier else main, "participant")
                if heads:
                    _copy_side(heads[0].person, cid, countries)
    for pat in part.get("subject", []):
        for m in _rx(rf"\b{pat}\b").finditer(text):
            for cid in before(m.start()):
                if cid not in bilateral:
                    add(cid, event_near(m.end()), "participant")
    for m, e in events:
        for cid in m.persons:
            add(cid, e, "participant")
    default = main if lead else (own[0] if own else None)
    for pm, cid in people:
        if cid not in bilateral and default is not None and not m_inside(pm, events):
            add(cid, default, "participant")
    speak = alternation(lex.get("speaker", {}).get("verbs", []))
    for pat in lex.get("speaker", {}).get("openers", []):
        for m in _rx(pat).finditer(text):
            first = [cid for pm, cid in people if m.end() <= pm.start < m.end() + 60]
            if first:
                add(first[0], main, "speaker")
    for pm, cid in people:
        if re.search(rf"[”\"’']\s*,?\s*{speak}\s+$", text[: pm.start]):
            add(cid, main, "speaker")  # "“...,” said Director Flores."
        tail = text[pm.end : pm.end + 260]
        # "X said", "X, <post>, said", "X, who leads ..., said", "X put the cost at ... and said"
        if _rx(
            rf"\s*(?:,[^,;.]{{0,120}},\s*|,\s*)?(?:[^,;.]{{0,120}}?\s+{_and(lang)}\s+)?"
            rf"(?:{_adverbs(lang)}\s+)?{speak}\b"
        ).match(tail) or (
            text.rstrip().endswith(text[pm.start : pm.end])
            and text[: pm.start].rstrip().endswith(":")
        ):
            add(cid, main, "speaker")
    return out


def paragraph_events(sents, es) -> list[int | None]:  # type: ignore[no-untyped-def]
    """Per sentence, the event a sentence without one of its own speaks of: the last event
    named earlier in its paragraph, else the release's main event."""
    by_sent: dict[int, list[int]] = {}
    # in the order the sentence names them (a list may put its main event first)
    order = sorted(es.index.items(), key=lambda kv: (kv[0][0], es._mentions[kv[0]].start))
    for (s, _), e in order:
        m = es._mentions.get((s, _))
        if m is not None and not m.persons and not m.extra.get("backdrop") and not m.future:
            by_sent.setdefault(s, []).append(e)  # a session still to come is no one's context
    out: list[int | None] = []
    last: int | None = None
    para = None
    for i, s in enumerate(sents):
        if s.para != para:
            para, last = s.para, None
        out.append(last if last is not None else es.main)
        if by_sent.get(i):
            last = by_sent[i][-1]
    return out


def list_roles(sents, body, mentions, pids, es, lang: str, people=None) -> list[RoleFact]:  # type: ignore[no-untyped-def]
    """A list announced by a sentence ending in ":" ("The U.S. delegation included:",
    "Por la parte estadounidense asistieron:") makes every person of the bulleted lines that
    follow a participant of the intro's event (else the main event), and of the side the intro
    names. ``body``: indices or sentences of the release body; ``es``: the event set."""
    intro = [re.compile(p, re.I) for p in _lex(lang).get("list_intro", [])]
    sides = [re.compile(p) for p in _lex(lang).get("side", [])]
    out: list[RoleFact] = []
    if not intro:
        return out
    for i, s in enumerate(sents):
        if not s.text.rstrip().endswith(":") or not any(r.search(s.text) for r in intro):
            continue
        own = [e for m, e in es.at(i) if not m.persons]
        event = own[0] if own else es.main
        side = next((m.group("c") for r in sides for m in [r.search(s.text)] if m), None)
        code = country_of(side, lang) if side else None
        for j in range(i + 1, len(sents)):
            if not sents[j].bullet or not (j in body or sents[j] in body):
                break
            for k, cid in enumerate(pids[j]):
                if cid < 0 or mentions[j][k].kind == "anaphor":
                    continue
                if event is not None:
                    out.append(RoleFact(cid, event, "participant", j))
                if code and people is not None and people[cid].country is None:
                    people[cid].country = code
    return out


def label_roles(s: int, text: str, people, event: int | None, lang: str) -> list[RoleFact]:  # type: ignore[no-untyped-def]
    """A line opened by a role label ("Host: A, post.", "Participantes: A; B"): the role of
    every person after the label, at ``event``."""
    pattern = _label(lang)
    label = pattern.match(text) if pattern is not None else None
    if label is None or event is None:
        return []
    labels = {k.lower(): r for k, r in _lex(lang).get("labels", {}).items()}
    role = labels[label.group(1).lower()]
    return [
        RoleFact(cid, event, role, s) for pm, cid in people if pm.start >= label.end() and cid >= 0
    ]


def _group_size(words: str, lang: str) -> int | None:
    """ "the two governors": 2; "the governors": as many as were named (``group_numbers``)."""
    numbers = load(lang, "events").get("group_numbers", {})
    return next((n for w, n in numbers.items() if re.search(rf"\b{w}\b", words, re.I)), None)


@cache
def _adverbs(lang: str) -> str:
    """Words between a speaker and the verb ("X also addressed", "X later told")."""
    return alternation(_lex(lang).get("speaker", {}).get("adverbs", []) or ["(?!)"], escape=False)


@cache
def _and(lang: str) -> str:
    """The language's word for "and" (``and_word`` of the events lexicon)."""
    return re.escape(load(lang, "events").get("and_word", "and"))


@cache
def _collective(lang: str) -> re.Pattern[str] | None:
    """Subjects that stand for the people already named ("the three leaders", "ambos")."""
    words = _lex(lang).get("collective", [])
    return re.compile(alternation(words, escape=False), re.I) if words else None


@cache
def _label(lang: str) -> re.Pattern[str] | None:
    """A role label opening a line ("Host:", "Co-chairs:", "Anfitrión:")."""
    labels = list(_lex(lang).get("labels", {}))
    if not labels:
        return None
    return re.compile(rf"\s*(?:[-•*]\s*)?({alternation(labels)})\s*:", re.I)


def m_inside(pm, events) -> bool:  # type: ignore[no-untyped-def]
    """A person named inside an event's own phrase takes part in that event only."""
    return any(m.start <= pm.start < m.end and m.persons for m, _ in events)


def _side(cue: str, cid: int, countries: dict[int, str], lang: str) -> None:
    """ "led the U.S. delegation", "The Mexican side was headed by": the side's country."""
    m = _side_pattern(lang).search(cue + " ")
    if m and cid not in countries:
        code = country_of(m.group(1), lang)
        if code:
            countries[cid] = code


@cache
def _side_pattern(lang: str) -> re.Pattern[str]:
    """A country word before a side noun ("U.S. delegation"), built once per language."""
    words = sorted(country_words(lang), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    nouns = alternation(_lex(lang).get("side_nouns", ["delegation", "side"]))
    return re.compile(rf"(?i)(?<![\w.])({alt})(?:['’]s)?\s+{nouns}")


def _copy_side(head: int, cid: int, countries: dict[int, str]) -> None:
    if head in countries and cid not in countries:
        countries[cid] = countries[head]


def finish(facts: list[RoleFact]) -> list[RoleFact]:
    """One fact per (person, event, role); no participant where a stronger role is known."""
    seen: dict[tuple[int, int, str], RoleFact] = {}
    for f in facts:
        seen.setdefault((f.person, f.event, f.role), f)
    strong = {(p, e) for (p, e, r) in seen if r in STRONG}
    return [f for (p, e, r), f in seen.items() if not (r == "participant" and (p, e) in strong)]
