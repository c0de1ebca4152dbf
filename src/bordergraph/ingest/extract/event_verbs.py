"""Events told by a verb rather than a noun: "A met with B", "received a delegation", "se
reunieron", "the talks ... were held", "agreed to meet again in January" (one frame for every
language; the verbs are ``data/lexicon/LANG/events.yaml``).
"""

from __future__ import annotations

import re
from functools import cache

from .event_mention import EventMention
from .lexicon import alternation, load


@cache
def _lex(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "events")


@cache
def _meeting_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    lex = _lex(lang)
    meet, receive, call = (
        lex.get("meet_verbs", []),
        lex.get("receive_verbs", []),
        lex.get("call_verbs", []),
    )
    if not (meet or receive or call):
        return None
    gap = lex.get("meet_gap_until", "with")
    verb = re.compile(
        rf"(?<![\w-])(?:(?P<call>{alternation(call or ['(?!)'])})|(?P<recv>"
        rf"{alternation(receive or ['(?!)'])})|(?P<meet>{alternation(meet or ['(?!)'])})"
        rf"(?:(?:\s+(?!{gap}\b)[\w-]+){{0,6}}?\s+{gap}\b)?)(?![\w-])",
        re.I,
    )
    pronoun = re.compile(rf"\s+(?:{alternation(lex.get('object_pronouns', ['(?!)']))})\b", re.I)
    return verb, pronoun


_CLAUSE_JOIN = re.compile(
    r",\s+(?:and|but|while|then|y|pero|mientras)\s+|\s+(?:and then|y luego)\s+"
)


def _group(after: str, lex: dict):  # type: ignore[no-untyped-def,type-arg]
    """A delegation as the other party, right after the verb ("a senior U.S. delegation")."""
    words = lex.get("group_objects")
    if not words:
        return None
    dets = alternation(lex.get("held_dets", ["the", "a", "an"]))
    marks = alternation(lex.get("object_markers", []) or ["(?!)"])
    return re.match(
        rf"\s+(?:(?:[^\s,;:]+\s+){{0,6}}?(?:{marks})\s+)?(?:(?:{dets})\s+)?(?:[\w.-]+\s+){{0,3}}?"
        rf"(?P<g>{alternation(words)})\b",
        after,
        re.I,
    )


def _received(gap: str, lex: dict) -> bool:  # type: ignore[type-arg]
    """The person right after a verb of receiving is its object: at most two words between
    ("received today"), or a longer gap closed by the object marker ("recibió ayer en el Salón
    Revolución a Tom Ridge")."""
    words = gap.split()
    if len(words) <= 2 and "," not in gap:
        return True
    marks = {w.lower() for w in lex.get("object_markers", [])}
    return bool(words) and words[-1].lower() in marks and len(words) <= 14


def _short(pm) -> str:  # type: ignore[no-untyped-def]
    """A person in an event's name by surname ("López" of "Andrés Manuel López Obrador", "Peña"
    of "Enrique Peña Nieto"), or by post when the mention has no name ("the Attorney General")."""
    if not pm.name:
        return str(pm.head or pm.post or "")
    toks = [t for t in pm.name.split() if "." not in t and len(t) > 1]
    if not toks:
        return pm.name
    if pm.kind == "short":  # "President López Obrador": the name is the surname
        return " ".join(toks)
    if len(toks) <= 2:
        return toks[-1]
    return toks[1] if len(toks) == 3 else toks[2]


def _named_for(name: str, after: str, lex: dict) -> str:  # type: ignore[type-arg]
    """ "A hosted B at the Palace for talks", "welcomed B for a working dinner": the meeting the
    verb tells is named by the noun its purpose phrase gives ("talks of A with B")."""
    preps = lex.get("purpose_preps")
    word = lex.get("meeting_word")
    if not preps or not word or not name.startswith(word + " "):
        return name
    nouns = [n for n, t in lex.get("nouns", {}).items() if t in ("Meeting", "BilateralMeeting")]
    found = re.search(
        rf"\b{alternation(preps)}\s+(?:an?\s+|the\s+)?(?P<n>(?:[\w-]+\s+){{0,2}}?"
        rf"{alternation(nouns)})\b",
        after,
        re.I,
    )
    if found is None or re.search(r"[,;]", after[: found.start()]):
        return name  # a purpose phrase of another clause
    return found.group("n") + name[len(word) :]


@cache
def _pronoun_subject(lang: str) -> re.Pattern[str]:
    """A subject pronoun right before the verb ("There, he met with", "she was received by")."""
    words = _lex(lang).get("subject_pronouns") or ["(?!)"]
    adverbs = _lex(lang).get("subject_adverbs") or ["(?!)"]
    return re.compile(rf"\b(?:{alternation(words)})(?:\s+{alternation(adverbs)})*\s*$", re.I)


def _group_subject(before: str, lex: dict):  # type: ignore[no-untyped-def,type-arg]
    """A delegation as the subject, right before the verb ("The U.S. delegation met with B")."""
    words = lex.get("group_objects")
    if not words:
        return None
    dets = alternation(lex.get("held_dets", ["the", "a", "an"]))
    return re.search(
        rf"\b(?:{dets})\s+(?:[\w.-]+\s+){{0,3}}?(?P<g>{alternation(words)})\s+(?:\w+\s+)?$",
        before,
        re.I,
    )


def _collective_subject(ctx, before: str, verb: str, lang: str) -> list:  # type: ignore[no-untyped-def]
    """ "The two leaders last met in March in Ottawa": the people a collective subject stands
    for, named in a sentence just before (``ctx.named``); as many as its number says."""
    words = load(lang, "roles").get("collective", [])
    if not ctx.named or not words:
        return []
    # searched with the verb after it: some forms look ahead to it ("the two met")
    every = list(re.finditer(alternation(words, escape=False), before + verb, re.I))
    found = every[-1] if every and every[-1].end() <= len(before) else None
    if found is None or re.search(r"[,;]", before[found.end() :]):
        return []
    numbers = _lex(lang).get("group_numbers", {})
    size = next(
        (n for w, n in numbers.items() if re.search(rf"\b{w}\b", found.group(0), re.I)),
        len(ctx.named),
    )
    return list(ctx.named[:size])


def meetings(ctx, lang: str) -> list:  # type: ignore[no-untyped-def]
    """A meeting told by its verb: "A met (privately) with B", "A received B", "A and B met",
    "se reunieron A y B", "A spoke by phone with B": a bilateral meeting of the people of its
    clause (subjects before the verb, objects after; "received him" takes the sentence's first
    person). Names come from ``meeting_names`` in the lexicon."""

    pats = _meeting_patterns(lang)
    if pats is None or not (ctx.people or ctx.named or ctx.subject):
        return []
    verb, pronoun = pats
    lex = _lex(lang)
    text = ctx.text
    out = []
    for v in verb.finditer(text):
        lo = max([text.rfind(c, 0, v.start()) for c in ";:"] + [-1]) + 1
        hi = min([i for i in (text.find(c, v.end()) for c in ";:") if i >= 0] + [len(text)])
        nxt = verb.search(text, v.end(), hi)
        hi = nxt.start() if nxt else hi
        subj = [(pm, c) for pm, c in ctx.people if lo <= pm.start and pm.end <= v.start()]
        subj = [(pm, c) for pm, c in subj if v.start() - pm.end <= 160]
        obj = [(pm, c) for pm, c in ctx.people if v.end() <= pm.start < hi][:3]
        if not obj and pronoun.match(text, v.end()) and subj:
            first = next((p for p in ctx.people if p[1] != subj[-1][1]), None)
            obj = [first] if first else []
        group = _group(text[v.end() : hi], lex) if subj else None
        if group is not None and (not obj or obj[0][0].start > v.end() + group.end()):
            # "A received a senior U.S. delegation", "recibió a la comitiva mexicana": a meeting
            # of A with that delegation
            a = tuple(dict.fromkeys(c for _, c in subj))
            who = _short(subj[-1][0])
            em = EventMention(
                ctx.index,
                v.start(),
                v.end(),
                _named_for(
                    lex.get("meeting_names", {})
                    .get("group", "meeting of {a} with the {g}")
                    .format(a=who, g=group.group("g").lower()),
                    text[v.end() : hi],
                    lex,
                ),
                type="BilateralMeeting",
                persons=a[-1:],
                explicit=False,
            )
            em.extra["verb"], em.extra["group"] = v.group(0), "1"
            out.append(em)
            continue
        if v.group("recv") and re.match(
            rf"\s+{alternation(lex.get('passive_by', ['(?!)']))}\b", text[v.end() :]
        ):
            continue  # "a dinner hosted by A": the verb's passive names the host of a noun
        if not subj and not obj and not v.group("recv"):
            subj = _collective_subject(ctx, text[lo : v.start()], v.group(0), lang)
        if not subj and ctx.subject and _pronoun_subject(lang).search(text[lo : v.start()]):
            subj = [p for p in ctx.subject if p[1] not in {c for _, c in obj}]  # "he met with B"
        if v.group("recv") and not (obj and _received(text[v.end() : obj[0][0].start], lex)):
            continue  # "received the report", "receives applications and gives the President"
        cut = None
        if nxt:  # "A met with B, and C then received him": C is the next verb's subject
            cut = max(
                (m.start() for m in _CLAUSE_JOIN.finditer(text, v.end(), nxt.start())), default=None
            )
        if cut is not None:
            obj = [(pm, c) for pm, c in obj if pm.start < cut]
        a = tuple(dict.fromkeys(c for _, c in subj))
        b = tuple(c for c in dict.fromkeys(c for _, c in obj) if c not in a)
        own = _group_subject(text[lo : v.start()], lex) if not a and b else None
        if own is not None:  # "The U.S. delegation met with Governor B": the delegation's meeting
            em = EventMention(ctx.index, v.start(), v.end(), "", type="BilateralMeeting")
            em.name = lex.get("meeting_names", {}).get("group_with", "meeting of the {g} with {b}")
            em.name = em.name.format(g=own.group("g").lower(), b=_short(obj[0][0]))
            em.persons, em.explicit, em.extra["verb"] = b[:1], False, v.group(0)
            out.append(em)
            continue
        if len(a) + len(b) < 2:
            continue
        tmpl = lex.get("meeting_names", {})
        who = {c: _short(pm) for pm, c in reversed(subj + obj)}
        last = {(pm.name or "").split()[-1:][0] if pm.name else who[c] for pm, c in subj + obj}
        if len({who[c] for c in a + b}) < 2 or len(last) < 2:
            continue  # one person under two mentions ("President Peña Nieto", "Enrique Peña Nieto")
        if a and b:
            name = tmpl.get("with", "meeting of {a} with {b}").format(a=who[a[0]], b=who[b[0]])
        else:
            name = tmpl.get("all", "meeting of {a}").format(
                a=f" {lex.get('and_word', 'and')} ".join(who[c] for c in (a + b)[:2])
            )
        em = EventMention(
            ctx.index,
            v.start(),
            v.end(),
            _named_for(name, text[v.end() : hi], lex),
            type="BilateralMeeting",
            persons=a + b,
            explicit=False,
        )
        if v.group("call"):
            em.name = tmpl.get("call", "call between {a}").format(
                a=f" {lex.get('and_word', 'and')} ".join(who[c] for c in (a + b)[:2])
            )
            em.mode = "virtual"
        elif len(a + b) >= 3 and all(c in ctx.leaders for c in a + b):
            em.type = "Summit"  # three heads of government
        em.extra["verb"] = v.group(0)
        out.append(em)
    return out


@cache
def _held_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    lex = _lex(lang)
    verbs = lex.get("held_verbs")
    if not verbs:
        return None
    dets = alternation(lex.get("held_dets", ["the", "a", "an"]))
    before = re.compile(
        rf"(?<![\w-])(?:{alternation(verbs)})(?:\s+[^\s,;:.]+){{0,6}}?\s+(?:(?P<det>{dets})\s+)?"
        rf"(?:[^\s,;:.]+\s+){{0,2}}$",
        re.I,
    )
    after = re.compile(
        rf"^(?:\s+[^\s,;:.]+){{0,6}}?\s+(?:{alternation(lex.get('held_after_verbs', ['(?!)']))})"
        r"(?![\w-])",
        re.I,
    )
    return before, after


def held(ctx, start: int, end: int, etype: str | None, lang: str):  # type: ignore[no-untyped-def]
    """An event noun that a verb of holding tells as having taken place ("se llevó a cabo hoy
    la reunión de trabajo entre A y B", "the talks were held at ..."): a new event, not a
    back-reference. Returns the mention, named by the noun, its complement and the people
    it is "between", or None."""

    pats = _held_patterns(lang)
    if pats is None or etype not in ("Meeting", "BilateralMeeting"):
        return None
    before, after = pats
    text = ctx.text
    told = before.search(text, max(0, start - 120), start)
    later = after.match(text[end:])
    if not (told or later):
        return None
    lex = _lex(lang)
    definite = (
        not told
        or (told.group("det") or "").lower() in lex.get("held_definite", ["the"])
        or re.search(r"\w['’]s\s", text[told.start() : start + 1]) is not None  # "today's"
    )
    comps = alternation(lex.get("held_complements", ["(?!)"]))
    comp = re.match(rf"(?:\s+(?:{comps}))+", text[end:])
    # "las reuniones de trabajo que ... celebraron": the complement inside the noun itself
    inner = re.search(rf"\s(?:{comps})\b", text[start:end], re.I)
    stop = end + (comp.end() if comp else 0)
    proper = text[start].isupper()  # "la Reunión Bilateral sobre Seguridad Fronteriza"
    if proper:
        joiners = alternation(lex.get("body_joiners", ["of"]))
        tail = re.match(rf"(?:\s+(?:{joiners}\s+)?[A-ZÁÉÍÓÚÑ][\w’'.–-]*)+", text[stop:])
        stop += tail.end() if tail else 0
    name = text[start:stop].rstrip(".")
    between = re.match(
        rf"\s+(?:{alternation(lex.get('between_words', ['between']))})\s+", text[stop:]
    )
    persons: tuple[int, ...] = ()
    if between:
        pair = [(pm, c) for pm, c in ctx.people if pm.start >= stop][:2]
        if len(pair) == 2 and pair[0][0].start - stop < 40:
            persons = tuple(c for _, c in pair)
            joiner = f" {lex.get('and_word', 'and')} "
            name += f"{between.group(0).rstrip()} {joiner.join(_short(pm) for pm, _ in pair)}"
    if told and not told.group("det"):
        # "has held annual plenary meetings": a habit, not one event
        habit = alternation(lex.get("habitual_words", ["(?!)"]))
        aux = alternation(lex.get("perfect_aux", ["(?!)"]))
        if re.search(rf"\b(?:{habit})\b", text[told.start() : stop], re.I) or re.search(
            rf"\b(?:{aux})\s+$", text[: told.start()], re.I
        ):
            return None
    dated = later is not None and any(
        end <= d.start < end + later.end() + 40 and d.precision != "year" for d in ctx.dates
    )  # "la llamada telefónica que sostuvieron el pasado 27 de enero"
    if definite and not (comp or inner or persons or proper or dated):
        return None  # "the session was held virtually": the event already named, told again
    em = EventMention(ctx.index, start, stop, name, type="BilateralMeeting", persons=persons)
    if re.search(rf"\b(?:{alternation(lex.get('call_words', ['(?!)']))})\b", name, re.I):
        em.mode = "virtual"  # a telephone call
    if told:  # "se llevó a cabo hoy la reunión": the day between the verb and the noun
        day = [d for d in ctx.dates if told.start() <= d.start < start and d.precision != "year"]
        if day:
            em.date, em.end_date = day[0].value, day[0].end_value
    em.extra["held"] = "1"
    return em


@cache
def _future_meet(lang: str) -> re.Pattern[str] | None:
    words = _lex(lang).get("future_meet")
    return (
        re.compile(rf"(?<![\w-])(?:{alternation(words, escape=False)})(?![\w-])", re.I)
        if words
        else None
    )


def future_meetings(ctx, lang: str) -> list:  # type: ignore[no-untyped-def]
    """ "They agreed to meet again in Washington in January", "acordaron reunirse nuevamente en
    febrero": the next meeting, announced, with its month and place."""

    pat = _future_meet(lang)
    if pat is None:
        return []
    out = []
    for m in pat.finditer(ctx.text):
        em = EventMention(
            ctx.index,
            m.start(),
            m.end(),
            _lex(lang).get("next_meeting_name", "next meeting"),
            type="BilateralMeeting",
            future=True,
            explicit=False,
        )
        out.append(em)
    return out
