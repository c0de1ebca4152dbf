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
from .visit_span import span

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
            rf"(?:\s+of\s+[^,;.]{{1,60}}?|,[^,;.]{{1,80}},|[^,;.]{{1,60}}?)?\s+(?:{verbs})\s+(?:the\s+)?(?P<place>{_CAP}"
            rf"(?:\s+(?:of\s+(?:the\s+)?)?{_CAP})*)",
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
) -> tuple[re.Pattern[str], ...] | None:
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
    # "at the Signing of the Pedestrian Arrangement": the signing named by its noun
    nouns = alternation(lex.get("signing_nouns", []) or ["(?!)"])
    line = obj.replace(tail, rf"(?:(?:[^\S\n]+{joiners})?[^\S\n]+{cap})*")  # a title's line
    nominal = re.compile(rf"(?<![\w-])(?:{nouns})\s+(?:of|for)\s+{line}", re.I)
    # most sentences hold no instrument at all: test for one before trying the frames
    hint = re.compile(rf"(?<![\w-])(?:{alternation(objects)})(?![\w-])", re.I)
    return active, passive, hint, nominal


def signings(ctx, lang: str) -> list:  # type: ignore[no-untyped-def]
    """ "A and B signed the Agreement on X", "Governor A signed two memoranda of understanding",
    "the declaration, signed in July": the signing of an instrument (``signing_objects``)."""

    pats = _signing_patterns(lang)
    if pats is None or not pats[2].search(ctx.text):
        return []
    out = []
    tmpl = _lex(lang).get("signing_name", "signing of {np}")
    for pat in (pats[0], pats[1], pats[3]):
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
    breaks = alternation(_lex(lang).get("clause_breaks", []) or ["(?!)"])
    # "..., created last year to ...": the body's founding, not the session's date
    clause_after = re.split(
        rf"[;]|,\s+(?=which|when|where|while|{breaks}\b)|\bwhen\b", ctx.text[m.end : hi]
    )[0]
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
        span(m, ctx, lo, lang)
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
    found = []
    for k, pat in enumerate(pats):
        found += [(m.start(), k, m) for m in re.finditer(pat, scope)]
    for _, _, m in sorted(found, key=lambda f: f[:2]):
        if True:
            v = m.group("v")
            if any(s <= m.start("v") < e for s, e in date_spans) or _not_place(v, lang):
                continue
            if _of_post(v, lo + m.start("v"), ctx):
                continue  # "X, Undersecretary at the Secretariat of ...": a post, not a venue
            city = re.match(rf"\s+in (?P<c>{_CAP}(?:\s+{_CAP})*)", scope[m.end("v") :])
            if city and not any(s <= m.end("v") + city.start("c") < e for s, e in date_spans):
                v = f"{v}, {city.group('c')}"
            state = re.match(rf",\s+(?P<s>{_CAP}(?:\s+{_CAP})?)", scope[m.end("v") :])
            st = re.sub(r"(?<=[a-z]{3})\.$", "", state.group("s")) if state else ""
            if not city and state and state_country(st, lang):
                v = f"{v}, {expand_state(st, lang)}"  # "in Yuma, Arizona"
            return re.sub(r"(?<=[a-z])\.$", "", v)
    return None


def _of_post(v: str, at: int, ctx) -> bool:  # type: ignore[no-untyped-def]
    bare = re.sub(r"\s*\([^)]*\)$", "", v)
    for pm, _ in ctx.people:
        words = f"{pm.post or ''} {pm.org or ''}"
        if bare in words or pm.start <= at < pm.end:
            return True
    return False


def _not_place(v: str, lang: str) -> bool:
    if re.search(r"[’']s$", v):
        return True  # "at the Council's last session": an owner, not a venue
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
    if word == "with" and before and (group := _owned_group(ctx.text, after[0][0].end, lang)):
        # "a working session with President A's security cabinet": the cabinet is the other
        # party, A only its owner; the session is the paragraph's event, not a meeting with A
        a = names(ctx, (before[-1][1],), lang)
        with_word = _lex(lang).get("with_word", "with")
        name = f"{drop(ctx.text[em.start : m.end()], lang)} of {a} {with_word} the {group.group(1)}"
        return [replace(em, name=name, type="BilateralMeeting", end=group.end(), explicit=True)]
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


def _owned_group(text: str, at: int, lang: str) -> re.Match[str] | None:
    """The noun phrase a possessive opens right after a person ("'s security cabinet"), up to
    a punctuation mark or a word that ends it (``owned_group_ends`` in the lexicon)."""
    ends = alternation(_lex(lang).get("owned_group_ends", []) or ["(?!)"])
    if text[at - 2 : at - 1] in ("'", "’"):
        at -= 2  # a mention that holds its own possessive ending
    return re.compile(
        rf"[’']s\s+((?:(?!(?:{ends})\b)[\w-]+)(?:\s+(?!(?:{ends})\b)[\w-]+){{0,3}})(?=\s*[,;.:]|\s*$|\s+(?:{ends})\b)"
    ).match(text, at)
