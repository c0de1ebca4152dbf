"""Visits, openings and the attributes of an event mention (date, mode, location).

Split from :mod:`bordergraph.ingest.extract.events` to keep modules small; the vocabulary is
``data/lexicon/LANG/events.yaml`` and ``places.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from .event_mention import EventMention
from .lexicon import alternation, load
from .text import expand_state, state_country

_CAP = r"[A-Z][\w’'.-]*"
_VENUE = rf"{_CAP}(?:(?:\s+(?:of|and|de|del)\s+(?:the\s+)?|\s+|-|–){_CAP})*(?:\s+\([A-Z]{{2,8}}\))?"


@cache
def _lex(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "events")


def visits(ctx, lang: str) -> list:  # type: ignore[no-untyped-def]
    """ "President Obama is visiting Mexico on May 2-3" -> a Visit with its place."""
    verbs = alternation(_lex(lang).get("visit_verbs", []))
    if re.search(
        r"\bfor (?:the|a|an)\s+(?:\w+\s+){0,4}(?:meeting|summit|dialogue|session|"
        r"ceremony|plenary)\b",
        ctx.text,
        re.I,
    ):
        return []  # travel to attend an event: the event is what happened, not a visit
    out = []
    for pm, cid in ctx.people:
        # "A traveled to X", "A of the Agency (ACR) traveled to X", "A, the envoy, visited X"
        m = re.match(
            rf"(?:\s+of\s+[^,;.]{{1,60}}?|,[^,;.]{{1,80}},|[^,;.]{{1,60}}?)?\s+(?:{verbs})\s+(?P<place>{_CAP}"
            rf"(?:\s+{_CAP})*)",
            ctx.text[pm.end :],
        )
        if m:
            who = ctx.text[pm.start : pm.end]
            em = EventMention(
                ctx.index,
                pm.start,
                pm.end + m.end(),
                f"visit of {who} to {m.group('place')}",
                type="Visit",
                location=m.group("place"),
                persons=(cid,),
                explicit=False,
            )
            out.append(em)
    return out


def facility(text: str, lang: str) -> re.Match[str] | None:
    """The first capitalised facility (port of entry, bridge) named in ``text``."""
    heads = alternation(_lex(lang).get("facility_heads", []))
    if not re.search(heads, text):
        return None  # every match ends in a head word; scanning for capitalised runs is slow
    return re.search(
        rf"(?:the\s+)?(?:(?:new|modernized|modernised)\s+)?(?P<fac>(?:{_CAP}[\s-]+)"
        rf"{{1,4}}{heads}(?:\s+and\s+(?:{_CAP}\s+)*{heads})?)",
        text,
    )


def openings(ctx, lang: str) -> list:  # type: ignore[no-untyped-def]
    """ "Leaders Open the X Port of Entry", "... at the new X to inaugurate the crossing"."""
    verbs = alternation(_lex(lang).get("opening_verbs", []))
    verb = re.search(rf"\b{verbs}\b", ctx.text, re.I)
    fac = facility(ctx.text, lang)
    nouns = _lex(lang).get("facility_nouns")
    if verb and not fac and nouns:
        # "When the crossing opened its doors on April 10": the opening of the facility told
        dets = alternation(_lex(lang).get("held_dets", ["the"]))
        told = re.search(
            rf"\b(?:{dets})\s+(?:[\w-]+\s+)?(?P<noun>{alternation(nouns)})\s+(?:[\w-]+\s+)?"
            rf"(?:{verbs})\b",
            ctx.text,
            re.I,
        )
        if told:
            name = _lex(lang).get("opening_name", "opening of the {f}").format(f=told.group("noun"))
            return [
                EventMention(
                    ctx.index, told.start(), told.end(), name, type="Opening", explicit=False
                )
            ]
    if not verb or not fac:
        return []
    name = f"inauguration of the {fac.group('fac')}"
    return [
        EventMention(
            ctx.index,
            verb.start(),
            verb.end(),
            name,
            type="Opening",
            location=fac.group("fac"),
            explicit=False,
        )
    ]


@cache
def _signing_patterns(
    lang: str,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    lex = _lex(lang)
    objects = lex.get("signing_objects")
    if not objects:
        return None
    dets = alternation(lex.get("held_dets", ["the", "a", "an"]))
    joiners = alternation(lex.get("signing_joiners") or lex.get("body_joiners", ["of"]))
    cap = r"(?-i:[A-ZÁÉÍÓÚÑ])[\w’'.–-]*"
    tail = rf"(?:(?:\s+{joiners})?\s+{cap})*"
    obj = (
        rf"(?P<np>(?:(?:{dets})\s+)?(?:(?!(?:{dets})\s)[\w’'.–-]+\s+){{0,4}}?"
        rf"(?:{alternation(objects)})"
        rf"(?![\w-]){tail})"
    )
    active = re.compile(
        rf"(?<![\w-])(?:{alternation(lex.get('signing_verbs', []))})(?![\w-])"
        rf"(?:\s+[^\s,;:.]+){{0,5}}?\s+{obj}",
        re.I,
    )
    parts = alternation(lex.get("signing_participles", []) or ["(?!)"], escape=False)
    passive = re.compile(rf"{obj},?\s+(?:(?:was|were|fue|fueron)\s+)?(?:{parts})(?![\w-])", re.I)
    # most sentences hold no instrument at all: test for one before trying the frames
    hint = re.compile(rf"(?<![\w-])(?:{alternation(objects)})(?![\w-])", re.I)
    return active, passive, hint


def signings(ctx, lang: str) -> list:  # type: ignore[no-untyped-def]
    """ "A and B signed the Agreement on X", "Governor A signed two memoranda of understanding",
    "the declaration, signed in July": the signing of an instrument (``signing_objects``)."""

    pats = _signing_patterns(lang)
    if pats is None or not pats[2].search(ctx.text):
        return []
    out = []
    tmpl = _lex(lang).get("signing_name", "signing of {np}")
    for pat in pats[:2]:
        for m in pat.finditer(ctx.text):
            np = re.sub(r"\s+", " ", m.group("np")).strip().rstrip(".")
            if pat is pats[1] and not (
                re.match(r"(?i:the|la|el|los|las)\b", np)
                and any(m.end() <= d.start < m.end() + 60 for d in ctx.dates)
            ):
                # a participle after a bare noun is a modifier ("plans signed"); "the MOUs
                # signed with B" without a date is the signing already told
                continue
            em = EventMention(
                ctx.index,
                m.start(),
                m.end(),
                tmpl.format(np=np),
                type="Signing",
                explicit=False,
            )
            who = tuple(c for pm, c in ctx.people if pm.end <= m.start())
            em.extra["signers"] = ",".join(map(str, who))
            out.append(em)
    return out


def attributes(m, ctx, lo: int, hi: int, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Fill date, end date, mode and location of mention ``m`` from its scope [lo, hi)."""
    if m.ref:
        return
    inside = [d for d in ctx.dates if m.start <= d.start < m.end]
    after = [
        d
        for d in ctx.dates
        if m.end <= d.start < hi
        and (
            d.precision != "year"
            or not re.search(
                r"\b(?:since|between|until|through|during|and)\s+$", ctx.text[: d.start]
            )
        )
    ]
    before = [d for d in ctx.dates if lo <= d.start < m.start and d.precision != "year"]
    clause_after = re.split(r"[;]|,\s+(?=which|when|where|while)|\bwhen\b", ctx.text[m.end : hi])[0]
    after_clause = [
        d
        for d in after
        if d.start < m.end + len(clause_after)
        or re.match(r",\s+which\b", ctx.text[m.end : m.end + 9])
    ]
    pick = None
    # a day told with the mention beats a month; one before it only when none follows
    for groups in ((inside, after_clause), (before[::-1],)):
        for group in groups:
            days = [d for d in group if d.precision in ("day", "relative")]
            if days:
                pick = days[0]
                break
            if group and pick is None:
                pick = group[0]
        if pick is not None:
            break
    if pick is None and "year" in m.extra:
        m.date = m.extra["year"]
    if pick is not None and not m.since_year:
        m.date, m.end_date = pick.value, pick.end_value
    scope = ctx.text[lo:hi]
    for mode, words in _lex(lang).get("modes", {}).items():
        if re.search(rf"\b{alternation(words)}\b", scope, re.I) and (
            mode == "hybrid" or m.mode is None
        ):
            m.mode = mode
    if m.mode is None and re.search(
        rf"\b(?:{alternation(_lex(lang).get('call_words', ['(?!)']))})\b", m.name, re.I
    ):
        m.mode = "virtual"  # a telephone call
    if m.location is None:
        m.location = location(ctx.text, lo, hi, ctx, lang)


def location(text: str, lo: int, hi: int, ctx, lang: str) -> str | None:  # type: ignore[no-untyped-def]
    """ "at the Department of State in Washington" -> "Department of State, Washington"."""
    scope = text[lo:hi]
    date_spans = [(d.start - lo, d.end - lo) for d in ctx.dates]
    venues = alternation(load(lang, "places").get("venue_heads", []))
    pats = [
        rf"\bat the (?:(?:new|modernized)\s+)?(?P<v>{_VENUE})",
        rf"\bto the (?P<v>(?:{_CAP}\s+)*{venues})\b",
        rf"\bin the (?P<v>(?:{_CAP}\s+)*{venues})\b",
        rf"\bin (?P<v>{_CAP}(?:\s+{_CAP})*)",
        rf"\b(?:traveled|travelled|came|returned) to (?P<v>{_CAP}(?:\s+{_CAP})*)",
        rf"\b(?:which|where) (?P<v>{_CAP}(?:\s+{_CAP})*) will host\b",
    ]
    for pat in pats:
        for m in re.finditer(pat, scope):
            v = m.group("v")
            if any(s <= m.start("v") < e for s, e in date_spans) or _not_place(v, lang):
                continue
            city = re.match(rf"\s+in (?P<c>{_CAP}(?:\s+{_CAP})*)", scope[m.end("v") :])
            if city and not any(s <= m.end("v") + city.start("c") < e for s, e in date_spans):
                v = f"{v}, {city.group('c')}"
            state = re.match(rf",\s+(?P<s>{_CAP}(?:\s+{_CAP})?)", scope[m.end("v") :])
            if not city and state and state_country(state.group("s"), lang):
                v = f"{v}, {expand_state(state.group('s'), lang)}"  # "in Yuma, Arizona"
            return re.sub(r"(?<=[a-z])\.$", "", v)
    return None


def _not_place(v: str, lang: str) -> bool:
    months = load(lang, "dates").get("months", {})
    first = v.split()[0].lower().rstrip(".")
    nouns = _lex(lang).get("nouns", {})
    if any(w.lower() in nouns for w in v.split()):
        return True  # "the Opening of the Twenty-First Meeting": an event, not a venue
    return first in months or v in ("U.S.", "The")


def dateline(body_lead: str, lang: str) -> str | None:
    """ "NOGALES, Ariz. — ..." -> "Nogales, Arizona"."""
    m = re.match(
        r"\s*([A-Z][A-Z .'-]+?)(?:,\s*([A-Z][\w.]+(?:\s[A-Z][\w.]+)?))?\s*[—–-]{1,2}\s", body_lead
    )
    if not m:
        return None
    city = " ".join(w.capitalize() for w in m.group(1).split())
    if m.group(2):
        return f"{city}, {expand_state(m.group(2), lang)}"
    return city


def drop(name: str, lang: str) -> str:
    """An event name without the adjectives of its mode or time ("virtual", "today")."""
    words = alternation(_lex(lang).get("name_drop", []))
    return re.sub(rf"\b{words}\s+", "", name, flags=re.I).strip()


def names(ctx, cids: tuple[int, ...], lang: str = "en") -> str:
    joiner = f" {_lex(lang).get('and_word', 'and')} "
    names = []
    for cid in cids:
        for pm, c in ctx.people:
            if c == cid:
                names.append(re.sub(r"^(?:[Tt]he|[Ee]l|[Ll]a)\s+", "", ctx.text[pm.start : pm.end]))
                break
    return joiner.join(dict.fromkeys(names))


def bilateral(ctx, m: re.Match[str], em, word: str, left: str, lang: str) -> list | None:
    """ "bilateral meeting(s) between A and B" / "separate bilateral meetings with A and with B"."""
    after = [(pm, cid) for pm, cid in ctx.people if pm.start >= m.end()]
    after = after[:2] if word == "between" else after
    if not after:
        return None
    before = [(pm, cid) for pm, cid in ctx.people if pm.end <= m.start()]
    if word == "between":
        pairs = [tuple(after[:2])]
    else:
        if not before:
            return None
        pairs = [(before[-1], other) for other in after[:3]]
    out = []
    for pair in pairs:
        cids = tuple(cid for _, cid in pair)
        name = (
            f"bilateral meeting between {names(ctx, cids)}"
            if word == "with"
            else drop(ctx.text[em.start : pair[-1][0].end], lang)
        )
        start, end = em.start, max(em.end, pair[-1][0].end)
        if ctx.title:
            name = ctx.text[pair[0][0].start : pair[-1][0].end]
            start = pair[0][0].start
        elif len(pairs) > 1:  # one meeting per counterpart: each spans its counterpart's name
            start, end = pair[-1][0].start, pair[-1][0].end
        out.append(
            replace(
                em,
                name=name,
                type="BilateralMeeting",
                persons=cids,
                start=start,
                end=end,
                explicit=word != "with",
            )
        )
    return out


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


def meetings(ctx, lang: str) -> list:  # type: ignore[no-untyped-def]
    """A meeting told by its verb: "A met (privately) with B", "A received B", "A and B met",
    "se reunieron A y B", "A spoke by phone with B": a bilateral meeting of the people of its
    clause (subjects before the verb, objects after; "received him" takes the sentence's first
    person). Names come from ``meeting_names`` in the lexicon."""

    pats = _meeting_patterns(lang)
    if pats is None or not ctx.people:
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
                lex.get("meeting_names", {})
                .get("group", "meeting of {a} with the {g}")
                .format(a=who, g=group.group("g").lower()),
                type="BilateralMeeting",
                persons=a[-1:],
                explicit=False,
            )
            em.extra["verb"], em.extra["group"] = v.group(0), "1"
            out.append(em)
            continue
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
            name,
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
