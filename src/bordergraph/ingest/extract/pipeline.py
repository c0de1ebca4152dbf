"""The extraction pipeline: sentences -> organizations, people, events, roles, outcomes,
ports and series, each fact with its evidence sentence. Language-specific words come from
``data/lexicon/LANG/``; this module only wires the stages together.
"""

from __future__ import annotations

import re

from ...records import (
    Event,
    EventLink,
    Organization,
    Outcome,
    Person,
    PortMention,
    ReleaseRecord,
    ReleaseText,
    Role,
    Series,
)
from ..read import is_header_line
from .dates import anchor_same_day, find_dates
from .event_parts import dateline
from .event_parts import location as find_location
from .events import Context, EventMention, find_events
from .eventset import build, link_launched
from .lexicon import alternation, common, load
from .links import backdrop, link
from .orgs import org_table
from .outcomes import collect as _outcomes
from .people import find_mentions
from .person_context import add_surnames, assign_countries, trim_title_names
from .persons import cluster
from .ports import merge as merge_ports
from .ports import sentence_ports
from .record import assemble
from .roles import finish, list_roles, paragraph_events, sentence_roles
from .sentences import Sentence, split
from .series import SeriesHit, find_series
from .transcripts import speaker_labels


def _home(publisher: str | None) -> str | None:
    for pub in common("read").get("publishers", []):
        if pub["name"] == publisher:
            return pub.get("country")
    return None


def extract_release(text: ReleaseText) -> ReleaseRecord:
    """Extract one release (see :func:`bordergraph.ingest.extract.extract`)."""
    lang = text.source.language or "en"
    src = text.source
    year = int(src.issued[:4]) if src.issued else None
    home = _home(src.publisher)
    sents = split(text.body, src.title, lang, is_header=is_header_line)
    body_sents = [s for s in sents if not s.header and not is_header_line(s.text)]
    body = set(body_sents)  # membership tests stay O(1) on releases of thousands of sentences
    idx = {id(s): i for i, s in enumerate(sents)}
    orgs = org_table(sents, lang, src.publisher, home)
    seen: dict[str, list] = {}  # type: ignore[type-arg]  # boilerplate repeats: read it once
    mentions = []
    for s in sents:
        if s in body and s.text not in seen:
            seen[s.text] = find_mentions(s.text, lang, orgs)
        mentions.append(seen[s.text] if s in body else [])
    trim_title_names(sents, mentions, lang)
    people, pids = cluster(mentions, lang)
    add_surnames(sents, body, mentions, pids, people)
    leaders = set(load(lang, "titles").get("leaders", []))
    leader_ids = frozenset(i for i, p in enumerate(people) if p.head in leaders)
    dates = [find_dates(s.text, lang, year, src.issued) for s in sents]
    texts = [s.text if s in body else "" for s in sents]
    anchor_same_day(texts, dates, src.issued, lang)
    series_hits = _series(sents, body, lang)
    named = _named_before(sents, body, mentions, pids)
    subjects = _subject_before(sents, body, mentions, pids)
    per_sentence: list[list[EventMention]] = []
    lead = _lead(sents, body_sents, idx)
    lead_para = sents[lead].para if lead is not None else -1
    for i, s in enumerate(sents):
        if s not in body:
            per_sentence.append([])
            continue
        ctx = Context(
            i,
            s.text,
            list(zip(mentions[i], pids[i], strict=True)),
            leader_ids,
            series_hits[i],
            dates[i],
            s.title,
            s.para == lead_para,
            named[i],
            subjects[i],
        )
        per_sentence.append(find_events(ctx, lang))
    lead_info = (
        _lead_info(
            sents[lead], dates[lead], lang, list(zip(mentions[lead], pids[lead], strict=True))
        )
        if lead is not None
        else {}
    )
    _date_by_day_headings(sents, dates, per_sentence, lead, lang)
    es = build(per_sentence, lead, {i for i, s in enumerate(sents) if s.title}, lead_info)
    _heading_date(es, dates, lead)
    _since(es, sents, per_sentence, lang)
    link(es, sents, lang)
    backdrop(es, sents, lang)
    if (
        es.main is not None
        and es.events[es.main].location is None
        and es.events[es.main].mode is None
        and lead is not None
    ):
        es.events[es.main].location = dateline(sents[lead].text, lang)
    # roles and delegation sides
    sides: dict[int, str] = {}
    facts = []
    context = paragraph_events(sents, es)
    for i, s in enumerate(sents):
        if s in body:
            facts += sentence_roles(
                i,
                s.text,
                list(zip(mentions[i], pids[i], strict=True)),
                [(m, e) for m, e in es.at(i) if not m.extra.get("backdrop")],
                context[i],
                s.para == lead_para,
                lang,
                sides,
                tuple(dict.fromkeys(c for _, c in named[i] + subjects[i])),
            )
    facts += speaker_labels(sents, body, people, es.main, lang)
    roles = finish(facts + list_roles(sents, body, mentions, pids, es, lang, people))
    assign_countries(people, sents, mentions, pids, orgs, lang, home or orgs.issuer, sides)
    outcomes = _outcomes(sents, {i for i, s in enumerate(sents) if s in body}, es, lang)
    launched = {
        o.series_key: o.event
        for o in outcomes
        if o.relation == "launched" and o.series_key and o.event is not None
    }
    link_launched(es, launched)  # type: ignore[arg-type]
    ports = merge_ports(
        [
            p
            for i, s in enumerate(sents)
            if s in body and not s.title
            for p in sentence_ports(s.text, i, home, lang)
        ]
    )
    return assemble(text, sents, es, people, roles, orgs, outcomes, ports, launched, lang)


def _series(sents: list[Sentence], body: set[Sentence], lang: str) -> list[list[SeriesHit]]:
    """Series hits per sentence; "the Dialogue" takes the last dialogue named before it."""
    acronyms: dict[str, str] = {}
    last: dict[str, SeriesHit] = {}
    out = []
    for s in sents:
        hits = find_series(s.text, lang, acronyms) if s in body else []
        fixed = []
        for h in hits:
            if h.generic and h.kind in last:
                a = last[h.kind]
                h = SeriesHit(h.start, h.end, a.written, a.key, a.kind, a.acronym)
            elif (
                (not h.generic and len(h.written) > len(last.get(h.kind, h).written))
                or (not h.generic and h.kind not in last)
                or (not h.generic and last[h.kind].key != h.key)
            ):
                last[h.kind] = h
            fixed.append(h)
        out.append(fixed)
    return out


def _lead(sents: list[Sentence], body: list[Sentence], idx: dict[int, int]) -> int | None:
    for s in body:
        if (
            not s.title
            and not s.bullet
            and s.text.rstrip().endswith(".")
            and len(s.text.split()) >= 8
        ):
            return idx[id(s)]
    return None


def _lead_info(s: Sentence, dates, lang: str, people=()) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    day = next((d for d in dates if d.precision in ("day", "relative")), None)
    ctx = Context(0, s.text, list(people), frozenset(), [], dates)
    modes = load(lang, "events").get("modes", {})
    mode = next(
        (
            k
            for k, words in modes.items()
            if any(re.search(rf"\b{re.escape(w)}\b", s.text, re.I) for w in words)
        ),
        None,
    )
    return {
        "date": day.value if day else None,
        "end_date": day.end_value if day else None,
        "location": find_location(s.text, 0, len(s.text), ctx, lang),
        "mode": mode,
    }


def _named_before(sents, body, mentions, pids) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Per sentence, the people (mention, id) of the latest of the three body sentences before
    it that names two or more: whom "the two leaders" or "both officials" stands for."""
    out: list[tuple] = []  # type: ignore[type-arg]
    last: tuple = ()  # type: ignore[type-arg]
    since = 0
    for i, s in enumerate(sents):
        out.append(last if since <= 3 else ())
        if s not in body:
            continue
        since += 1
        here = {c: m for m, c in zip(mentions[i], pids[i], strict=True) if c >= 0}
        if len(here) >= 2:
            last, since = tuple((m, c) for c, m in here.items()), 1
    return out


def _subject_before(sents, body, mentions, pids) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Per sentence, the first person (mention, id) of the body sentence just before it, when
    that one names anyone: whom "he" or "she" opening the next sentence most likely is."""
    out: list[tuple] = []  # type: ignore[type-arg]
    last: tuple = ()  # type: ignore[type-arg]
    for i, s in enumerate(sents):
        out.append(last)
        if s not in body:
            continue
        first = next(((m, c) for m, c in zip(mentions[i], pids[i], strict=True) if c >= 0), None)
        last = (first,) if first is not None else ()
    return out


def _date_by_day_headings(sents, dates, per_sentence, lead: int | None, lang: str) -> None:  # type: ignore[no-untyped-def]
    """A programme told day by day ("TUESDAY, FEBRUARY 6", "Program of Wednesday, July 8"): an
    undated event told under a day heading (a short line naming a weekday and a day) took place
    that day, up to the next day heading or a heading of another kind ("BACKGROUND")."""
    weekdays = load(lang, "dates").get("weekdays", {})
    weekday = re.compile(rf"\b{alternation(list(weekdays) or ['(?!)'])}\b", re.I)
    # after the lead, or from the first bulleted line of a fact sheet whose lead comes late
    start = next((i for i, s in enumerate(sents) if s.bullet), len(sents))
    start = min(start, lead + 1) if lead is not None else start
    day: str | None = None
    for i in range(start, len(sents)):
        text = sents[i].text.strip()
        heading = not text.endswith(".") and len(text.split()) <= 10 and not sents[i].bullet
        found = next((d for d in dates[i] if d.precision == "day"), None)
        if heading and found is not None and weekday.search(text[: found.end]):
            day = found.value
        elif heading and not dates[i] and text.upper() == text and any(c.isalpha() for c in text):
            day = None  # "BACKGROUND": the programme is over
        elif day is not None:
            for m in per_sentence[i]:
                if m.date is None and not m.ref and not m.future:
                    m.date = day


def _heading_date(es, dates, lead: int | None) -> None:  # type: ignore[no-untyped-def]
    """A transcript headed "Remarks at the Signing of ..." with a place and date line under the
    heading: an undated occasion took place on that date (the first full date before the lead)."""
    if es.main is None or lead is None:
        return
    main = es.events[es.main]
    if main.date is not None or not main.extra.get("occasion"):
        return
    for found in dates[main.sent + 1 : lead]:
        day = next((d for d in found if d.precision == "day"), None)
        if day is not None:
            main.date = day.value
            return


def _since(es, sents, per_sentence, lang: str) -> None:  # type: ignore[no-untyped-def]
    """ "the first gathering ... since 2016": an earlier session of the main event's series."""
    if es.main is None or not es.events[es.main].series_key:
        return
    main = es.events[es.main]
    for pattern in load(lang, "events").get("since_earlier", []):
        for i, s in enumerate(sents):
            if not any(e == es.main for _, e in es.at(i)):
                continue
            spans = [m.start for m, e in es.at(i) if e == es.main]
            for m in re.finditer(pattern, s.text):
                if not any(";" not in s.text[min(a, m.start()) : max(a, m.start())] for a in spans):
                    continue  # "since 2016" in another clause is about something else
                year = m.group("year")
                em = EventMention(
                    i,
                    m.start(),
                    m.end(),
                    f"{main.series} ({year})",
                    type=main.type,
                    series=main.series,
                    series_key=main.series_key,
                    date=year,
                    explicit=False,
                    since_year=True,
                )
                es.events.append(em)
                per_sentence[i].append(em)
                es.index[(i, len(per_sentence[i]) - 1)] = len(es.events) - 1
                es._mentions[(i, len(per_sentence[i]) - 1)] = em


__all__ = [
    "Event",
    "EventLink",
    "Organization",
    "Outcome",
    "Person",
    "PortMention",
    "ReleaseRecord",
    "Role",
    "Series",
    "extract_release",
]
