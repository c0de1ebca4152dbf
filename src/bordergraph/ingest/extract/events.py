"""Event mentions in one sentence: sessions of a series, meetings, visits, openings.

A mention is either a new event or a back-reference (``ref``) to one already named ("the ESC",
"the Summit", "the ceremony"). :mod:`bordergraph.ingest.extract.eventset` merges mentions into
events. The vocabulary is ``data/lexicon/LANG/events.yaml``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from .ceremonies import chaired_ceremonies
from .dates import DateMention
from .event_mention import EventMention
from .event_parts import attributes as _attributes
from .event_parts import bilateral as _bilateral
from .event_parts import drop as _drop
from .event_parts import names as _names
from .event_parts import openings as _openings
from .event_parts import signings as _signings
from .event_parts import visits as _visits
from .event_verbs import future_meetings as _future_meetings
from .event_verbs import held as _held
from .event_verbs import meetings as _meetings
from .lexicon import alternation, load
from .ordinals import ordinal
from .people import Mention
from .series import SeriesHit, parent_of

_MOD = r"(?!(?:the|an?|their|its|this|of|for|to|in|at|on|with|before|after|during)\b)"
_VENUE = (
    r"[A-Z][\w’'.-]*(?:(?:\s+(?:of|and|de|del|de la)\s+(?:the\s+)?|\s+|-|–)[A-Z][\w’'.-]*)*"
    r"(?:\s+\([A-Z]{2,8}\))?"
)
_CAPRUN = r"[A-Z][\w’'.-]*(?:(?:,?\s+and\s+|\s+of\s+(?:the\s+)?|\s+|-|–)[A-Z0-9][\w’'.-]*)*"


@dataclass(frozen=True)
class Context:
    """What the event finder needs to know about a sentence."""

    index: int
    text: str
    people: list[tuple[Mention, int]]  # mention, person cluster id
    leaders: frozenset[int]  # cluster ids whose post leads a government
    series: list[SeriesHit]
    dates: list[DateMention]
    title: bool = False
    lead: bool = False  # in the lead paragraph, where the release's own event is told
    # the people named in a sentence just before, whom "the two leaders" stands for
    named: tuple[tuple[Mention, int], ...] = ()
    subject: tuple[tuple[Mention, int], ...] = ()  # the person "he" or "she" most likely is


@cache
def _lex(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "events")


def find_events(ctx: Context, lang: str) -> list[EventMention]:
    """All event mentions of one sentence, left to right."""
    out = _series_mentions(ctx, lang)
    taken = [(m.start, m.end) for m in out]
    for m in (
        chaired_ceremonies(ctx.index, ctx.text, ctx.people, lang)
        + _signings(ctx, lang)
        + _noun_mentions(ctx, lang)
        + _visits(ctx, lang)
        + _openings(ctx, lang)
    ):
        if not any(s <= m.start < e or m.start <= s < m.end for s, e in taken):
            out.append(m)
            taken.append((m.start, m.end))
    for m in _future_meetings(ctx, lang):  # "agreed to meet again in January"
        if not any(s <= m.start < e or m.start <= s < m.end for s, e in taken) and not any(
            n.future for n in out
        ):
            out.append(m)
            taken.append((m.start, m.end))
    told = any(not m.ref and m.type != "Visit" and not m.future for m in out)
    for m in _meetings(ctx, lang):  # else the verb tells that event; a call is one of its own
        if (not told or m.mode == "virtual") and not any(
            s <= m.start < e or m.start <= s < m.end for s, e in taken
        ):
            out.append(m)
            taken.append((m.start, m.end))
    out.sort(key=lambda m: m.start)
    occasion = lex_occasion(lang)
    for m in out:  # "Remarks by X at the Signing of ...": the occasion the release reports
        heading = ctx.title or not ctx.text.rstrip().endswith(".")
        if heading and not m.ref and occasion.search(ctx.text[: m.start]):
            m.extra["occasion"] = "1"
    for i, m in enumerate(out):
        lo = out[i - 1].end if i else 0
        # a back-reference after the mention owns no date or place ("for talks last Thursday")
        hi = next((n.start for n in out[i + 1 :] if not n.ref), len(ctx.text))
        _attributes(m, ctx, lo, hi, lang)
    return out


@cache
def lex_occasion(lang: str) -> re.Pattern[str]:
    cues = _lex(lang).get("title_occasion") or ["(?!)"]
    return re.compile(rf"^\s*(?:{alternation(cues, escape=False)})\s+(?:the\s+)?$", re.I)


def _series_mentions(ctx: Context, lang: str) -> list[EventMention]:
    lex = _lex(lang)
    text = ctx.text
    nouns = alternation([n for n in lex.get("nouns", {}) if " " not in n or "meeting" in n])
    creates = alternation(lex.get("create_verbs", []))
    future = alternation(lex.get("future_modifiers", ["next"]))
    out = []
    hits = list(ctx.series)
    for a, b in itertools.pairwise(hits):
        if not text[a.end : b.start].strip() and not a.generic and not b.generic:
            hits.remove(b)  # "... Border Management Process Executive Steering Committee (ESC)"
            hits[hits.index(a)] = SeriesHit(a.start, b.end, a.written, a.key, a.kind, b.acronym)
    for h in hits:
        key = parent_of(h.key, lang) or h.key
        left = text[: h.start]
        right = text[h.end :]
        if re.search(rf"\b{creates}\w*\s+(?:an?\s+|the\s+)?$", left, re.I):
            continue  # "agreed to establish a ... Dialogue": an outcome
        if re.search(rf"\b{alternation(lex.get('body_preps', ['(?!)']))}\s+the\s+$", left):
            continue  # "a working group under the Council": the body, not a session of it
        m = EventMention(
            ctx.index,
            h.start,
            h.end,
            text[h.start : h.end],
            series=h.written,
            series_key=key,
            type=_series_type(h.kind),
        )
        if h.generic:
            m.series, m.series_key, m.extra["generic"] = None, None, h.kind
        phrase = re.search(
            rf"(?:^|\b(?:an?|the|their|its|for|of)\s+|[,;:]\s*)(?P<mods>(?:{_MOD}[\w-]+\s+)"
            rf"{{0,4}}?)(?P<noun>{nouns})\s+of\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?$",
            left,
            re.I,
        )
        mods = re.search(r"\b(?:an?|the|their|its)\s+(?P<mods>(?:[\w-]+\s+){1,3})$", left, re.I)
        first = re.match(r"\s+(?:to|will)\s+meet\s+for\s+the\s+first\s+time", right)
        owner = re.match(
            rf"[’']s\s+(?P<mods>(?:{_MOD}[\w-]+\s+){{0,2}}?)(?P<noun>{nouns})\b", right
        )
        ahead = _future_after(lang).match(right)
        # "The X Group held its plenary meeting in El Paso", "... met", "... convened"
        its = re.match(
            rf"\s+(?:{alternation(lex.get('held_verbs', ['(?!)']))})\s+its\s+(?P<np>(?:{_MOD}"
            rf"[\w-]+\s+){{0,2}}?(?:{nouns}))\b",
            right,
            re.I,
        )
        met = held_after(lang).match(right)
        verb = re.match(
            rf"\s+(?:was\s+|were\s+)?({alternation(lex.get('session_verbs', []))})\b", right
        )
        if phrase:
            m.start = phrase.start("mods") if phrase.group("mods") else phrase.start("noun")
            m.name = _drop(text[m.start : h.end], lang)
            m.ordinal = ordinal(phrase.group("mods") or "", lang)
            if "first" in (phrase.group("mods") or "").lower() and " since " in right[:80]:
                m.ordinal = None
        elif first:
            m.name, m.ordinal, m.future = f"first meeting of the {h.written}", 1, True
            m.end = h.end + first.end()
        elif owner:  # "the group's inaugural gathering": a session of the body named
            m.end = h.end + owner.end()
            m.name = _drop(text[h.start : m.end], lang)
            m.ordinal = ordinal(owner.group("mods"), lang)
            m.future = bool(re.search(rf"\b{future}\b", owner.group("mods"), re.I))
        elif its:
            m.end = h.end + its.end()
            m.name, m.explicit = f"{its.group('np')} of the {h.written}", False
            m.ordinal = ordinal(its.group("np"), lang)
        elif met and not h.generic:
            pass  # the body's session, told by its verb: dated and placed by its clause
        elif ahead:  # "The SIG is scheduled to convene again in January 2026"
            written = h.key if h.acronym and h.written == h.acronym else h.written
            m.name, m.future, m.explicit = f"next meeting of the {written}", True, False
        elif mods and (
            ordinal(mods.group("mods"), lang)
            or re.search(rf"\b(?:{future}|(?:19|20)\d\d)\b", mods.group("mods"))
        ):
            m.ordinal = ordinal(mods.group("mods"), lang)
            m.future = bool(re.search(rf"\b{future}\b", mods.group("mods")))
            year = re.search(r"\b((?:19|20)\d\d)\b", mods.group("mods"))
            m.start = mods.start("mods")
            m.name = text[m.start : h.end]
            if year:
                m.extra["year"] = year.group(1)
        elif verb and verb.group(1) in ("launched", "inaugurated"):
            m.ordinal = 1
        elif not _session_context(h, ctx, lang):
            m.ref = True
        if h.generic and not (phrase or first or verb or owner or ahead or its):
            m.ref = True
        if not m.ref and _prepared(text[: m.start], right, lang):
            m.future = True  # "to prepare the 9th meeting ..., which the two will co-chair"
        out.append(m)
    return out


def _prepared(left: str, right: str, lang: str) -> bool:
    lex = _lex(lang)
    before = alternation(lex.get("future_before", []) or ["(?!)"], escape=False)
    rel = alternation(lex.get("future_relative", []) or ["(?!)"], escape=False)
    return bool(
        re.search(rf"\b(?:{before})\s+(?:the|an?|its|their)\s+(?:[\w-]+\s+){{0,3}}$", left, re.I)
        or re.match(rf"(?:\s*\([^)]*\))?,\s+(?:{rel})\b", right)
    )


@cache
def _future_after(lang: str) -> re.Pattern[str]:
    """Words after a series name that announce its next session ("will meet again")."""
    words = _lex(lang).get("future_after") or ["(?!)"]
    # "the Committee, of which Canada is also a member, will meet in February"
    return re.compile(rf"(?:,[^,;.]{{1,80}},)?\s+(?:{alternation(words, escape=False)})\b", re.I)


@cache
def held_after(lang: str) -> re.Pattern[str]:
    """Verbs after a body's name that tell one of its sessions ("the Group met", "sesionó")."""
    words = _lex(lang).get("body_after") or ["(?!)"]
    return re.compile(rf"(?:,[^,;.]{{1,80}},)?\s*(?:{alternation(words, escape=False)})", re.I)


future_after = _future_after


def _series_type(kind: str) -> str:
    return {"dialogue": "Dialogue", "summit": "Summit"}.get(kind, "Meeting")


def _session_context(h: SeriesHit, ctx: Context, lang: str) -> bool:
    """A bare summit or dialogue name is a session when its clause dates, places or hosts it,
    when the sentence is a title, or when a "builds on" cue points at it."""
    if h.kind not in ("dialogue", "summit") or h.generic:
        return False
    lex = _lex(lang)
    if ctx.title or re.search(alternation(lex.get("builds_on", [])), ctx.text[: h.start], re.I):
        return True
    if re.search(r"\bfor the\s+$", ctx.text[: h.start]):  # "gathered today for the Summit"
        return True
    clause = re.split(r"[;:]|,\s+(?=which|when|where)", ctx.text[h.end :])[0]
    if any(h.end <= d.start < h.end + len(clause) and d.precision != "year" for d in ctx.dates):
        return True
    verbs = alternation(lex.get("event_verbs", []))
    return bool(re.search(rf"\b{verbs}\b", ctx.text[max(0, h.start - 60) : h.end + 80]))


def _definite(lang: str) -> frozenset[str]:
    return frozenset(
        _lex(lang).get(
            "definite",
            ["the", "this", "its", "their", "his", "her", "our", "that", "these", "those"],
        )
    )


def _articles(lang: str) -> frozenset[str]:
    """Definite articles and demonstratives: "the meeting at X" is the event already told."""
    return frozenset(_lex(lang).get("articles", ["the", "this", "that", "these", "those"]))


def _noun_mentions(ctx: Context, lang: str) -> list[EventMention]:
    lex = _lex(lang)
    text = ctx.text
    nouns = lex.get("nouns", {})
    refs = set(lex.get("reference_nouns", []))
    quantity = alternation(lex.get("quantity_nouns", []) or ["(?!)"])
    out = []
    for m in re.finditer(rf"\b(?P<noun>{alternation(list(nouns))})\b", text, re.I):
        noun = m.group("noun").lower()
        etype = nouns[noun]
        if etype in ("Summit", "Dialogue") or noun in ("gathering", "plenary"):
            continue  # named summits and dialogues come from the series lexicon
        left, right = text[: m.start()], text[m.end() :]
        # "a day of bilateral talks": the determiner is the talks' own (blanked, offsets kept)
        left = re.sub(rf"\b{quantity}\s+of\s+", lambda q: " " * len(q.group(0)), left, flags=re.I)
        if noun in lex.get("partitive_nouns", []) and re.match(r"\s+of\b", right):
            continue  # "a second round of talks": the noun after it tells the event
        det = re.search(
            r"(?:^|\b(?P<det>an?|the|their|its|his|her|our|this|that|these|those|[\w-]+['’]s)\s+)"
            r"(?P<mods>(?:(?!(?:the|"
            r"an?|their|its|his|her|our|this|that|of|for|to|in|at|on|with|before|after|during)\b)[\w,-]+\s+)"
            r"{0,4}?)$",
            left,
            re.I,
        )
        mods = det.group("mods") if det else ""
        start = det.start("mods") if det and det.group("mods") else m.start()
        owner = bool(det and (det.group("det") or "").endswith(("'s", "’s")))
        if owner and any(h.start <= det.start("det") < h.end + 2 for h in ctx.series):
            continue  # "the Commission's annual meeting": the series frame tells it
        em = EventMention(ctx.index, start, m.end(), m.group("noun"), type=etype, explicit=True)
        between = re.match(r"s?\s+(between|with)\s+", right)
        definite = det and (det.group("det") or "").lower() in ("the", "this", "its")
        told = ctx.title or "bilateral" in mods.lower() or m.group("noun").endswith("s")
        if (
            between
            and definite
            and not told
            and not any(start <= d.start < m.end() for d in ctx.dates)
        ):
            between = None  # "co-chaired the meeting with X": the meeting told already
        if between:
            em = _bilateral(ctx, m, em, between.group(1), left, lang)
            if em is None:
                continue
            out.extend(em)
            continue
        purpose = re.match(r"\s+to\s+(?!(?:an?|the|their|its)\b)[a-z]+\s+(?:the\s+)?[^,;]+", right)
        venue = re.match(rf"(?:\s+today)?\s+at\s+(?:the\s+)?({_VENUE})", right)
        dated = any(start <= d.start < m.end() for d in ctx.dates)
        if (
            re.fullmatch(r"(?:[A-Z][A-Z .,'-]*[—–-]+\s*)?", left) and etype == "Meeting"
        ):  # "Meeting today at the National Palace, A and B"
            em.persons = tuple(cid for _, cid in ctx.people)
            em.name, em.explicit = "meeting of " + _names(ctx, em.persons), False
        elif purpose:
            em.name = _drop(mods + m.group("noun") + purpose.group(0), lang)
            em.end = m.end() + purpose.end()
        elif (
            etype == "Visit"
            and (
                owner or not det or not det.group("det") or det.group("det").lower() in ("a", "an")
            )
            and (dest := re.match(rf"\s+to\s+(?:the\s+)?({_CAPRUN})", right))
        ):
            # "President A's visit to Mexico last May": a visit to that place
            em.name = _drop(f"{mods}{m.group('noun')}{dest.group(0)}", lang)
            em.end = m.end() + dest.end()
            em.location, em.explicit = dest.group(1), False
        elif etype == "Opening" and (
            fac := re.match(rf"\s+(?:of|for)\s+(?:the\s+)?(?:[a-z]\S*\s+){{,2}}({_CAPRUN})", right)
        ):  # "for the formal inauguration of the West Rail Bypass International Bridge"
            tail = re.sub(r"(?<=[a-z])\.$", "", fac.group(0).split("\n")[0])  # a title line ends it
            em.name = _drop(f"{mods}{m.group('noun')}{tail}", lang)
            em.end = m.end() + len(tail)
            em.explicit = True
        elif venue and etype == "Opening":
            em.name = _drop(f"{mods}{m.group('noun')} at the {venue.group(1)}", lang)
            em.end = m.end() + venue.end()
        elif (
            venue
            and etype in ("Meeting", "BilateralMeeting")
            and not (det and (det.group("det") or "").lower() in _articles(lang))
        ):  # "in talks at the Secretariat of Foreign Relations (SRE)", "our meeting at the State
            # Department in February": an event at that venue
            # "at Mexico's Secretaría de Marina (SEMAR)": the venue without its country
            place = re.sub(r"^(?:the\s+|[A-Z][\w.-]*['’]s\s+)|(?<=[a-z])\.$", "", venue.group(1))
            where = re.sub(r"(?<=[a-z])\.$", "", venue.group(0).split(" at ", 1)[1])
            em.name = _drop(f"{mods}{m.group('noun')} at {where}", lang)
            em.end = m.end() + venue.end()
            em.type, em.location, em.explicit = "BilateralMeeting", place, False
        elif dated and etype == "Meeting":
            em.persons = tuple(cid for _, cid in ctx.people if cid in ctx.leaders)
            em.name = _drop(text[start : m.end()], lang) + (
                " of " + _names(ctx, em.persons) if em.persons else ""
            )
        elif told := _held(ctx, start, m.end(), etype, lang):
            em = told  # "held a working meeting with B", "the talks between A and B were held"
        elif det and det.group("det") and etype != "Visit" and ordinal(mods, lang):
            # "That first meeting, held in May": the session of that rank named before
            em.ordinal = ordinal(mods, lang)
            em.extra["anaphor"] = "ordinal"
            em.name = _drop(text[start : m.end()], lang)
        elif (
            etype == "Meeting"
            and det
            and (det.group("det") or "").lower() in _definite(lang)
            and re.search(rf"\b{alternation(lex.get('previous_words', ['(?!)']))}\b", mods, re.I)
        ):  # "as agreed at the last session, held in May": the series' session before this one
            em.extra["anaphor"] = "previous"
            em.name, em.explicit = _drop(text[start : m.end()], lang), False
        elif (
            owner
            or (det and det.group("det") and det.group("det").lower() in _definite(lang))
            or (noun in refs and not mods.strip())
            or re.search(rf"\b{alternation(lex.get('rating_words') or ['(?!)'])}\b", mods, re.I)
        ):
            em.ref = True
        elif det is None or not det.group("det"):
            continue  # "has held annual plenary meetings": a habit, not an event
        else:
            em.name = _drop(text[start : m.end()], lang)
        if etype == "Meeting" and (
            sum(1 for c in em.persons if c in ctx.leaders) >= 2 or "bilateral" in mods.lower()
        ):
            em.type = "BilateralMeeting"
        out.append(em)
    return out
