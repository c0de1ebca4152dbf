"""Assemble the extracted pieces into a :class:`~bordergraph.records.ReleaseRecord`: event keys
(the main event is ``e1``), series with what the release says about them, people with roles,
every item with its evidence sentence."""

from __future__ import annotations

import re
from dataclasses import replace

from ...records import (
    Event,
    EventLink,
    Organization,
    Outcome,
    Person,
    PortMention,
    ReleaseRecord,
    Role,
    Series,
)
from . import release_id
from .orgs import gazetteer_key
from .series import administrations, established_year, parent_of


def assemble(
    text,
    sents,
    es,
    people,
    roles,
    orgs,
    outcomes,
    ports,
    launched,
    lang,
) -> ReleaseRecord:  # type: ignore[no-untyped-def]
    first_sent = {}
    for (s, _), e in sorted(es.index.items()):
        first_sent.setdefault(e, s)
    order = sorted(
        range(len(es.events)),
        key=lambda e: (e != es.main, first_sent.get(e, 10**6), es.events[e].start),
    )
    key = {e: f"e{n + 1}" for n, e in enumerate(order)}
    series_name: dict[str, str] = {}
    for e in es.events:
        if e.series_key and e.series and len(e.series) > len(series_name.get(e.series_key, "")):
            series_name[e.series_key] = e.series
    events = []
    for e_i in order:
        e = es.events[e_i]
        s = first_sent.get(e_i)
        events.append(
            Event(
                key[e_i],
                e.name,
                e.type,
                series_name.get(e.series_key or ""),
                e.ordinal,
                e.date,
                e.end_date,
                e.mode,
                e.location,
                sents[s].evidence if s is not None else None,
            )
        )
    links = [EventLink(key[a], "builds_on", key[b], sents[s].evidence) for a, b, s in es.links]
    series = _series(sents, es, series_name, launched, lang)
    persons = []
    for p_i, p in enumerate(people):
        rs = tuple(
            Role(key[f.event], f.role, sents[f.sent].evidence)
            for f in sorted(roles, key=lambda f: (f.event, f.sent))
            if f.person == p_i
        )
        org = orgs.lookup(p.org) if p.org else None
        s0, _m0 = p.mentions[0]
        aliases = tuple(dict.fromkeys(sents[s].text[m.start : m.end] for s, m in p.mentions))
        persons.append(
            Person(
                p.name,
                p.country,
                p.post,
                org.name if org else p.org,
                rs,
                sents[s0].evidence,
                aliases,
            )
        )
    main_key = key.get(es.main) if es.main is not None else None
    return ReleaseRecord(
        id=release_id(text),
        source=text.source,
        events=tuple(events),
        event_links=tuple(links),
        people=tuple(persons),
        organizations=_members_country(orgs.orgs, persons, lang),
        ports_of_entry=tuple(
            PortMention(p.name, p.country, main_key, sents[p.sent].evidence) for p in ports
        ),
        outcomes=tuple(
            Outcome(
                o.name,
                o.type,
                key.get(o.event) if o.event is not None else None,
                o.relation,
                sents[o.sent].evidence,
            )
            for o in outcomes
        ),
        series=tuple(series),
    )


def _series(sents, es, names, launched, lang):  # type: ignore[no-untyped-def]
    established: dict[str, tuple[str, int]] = {}
    spanned: dict[str, tuple[dict[str, int], int]] = {}
    for e_i, e in enumerate(es.events):
        if e.series_key and e.ordinal == 1 and e.date and not e.since_year:
            s = next((s for (s, _), x in es.index.items() if x == e_i), 0)
            established.setdefault(e.series_key, (e.date[:4], s))
    for k, e_i in launched.items():
        if k in names and es.events[e_i].date:
            established.setdefault(k, (es.events[e_i].date[:4], es.events[e_i].sent))
    main_key = es.events[es.main].series_key if es.main is not None else None
    for i, s in enumerate(sents):
        year, spans = established_year(s.text, lang), administrations(s.text, lang)
        if not (year or spans):
            continue
        target = _target(es, i, main_key, lang)
        if target and year:
            established[target] = (year, i)
        if target and spans:
            spanned[target] = (spans, i)
    out = []
    for k, name in names.items():
        est = established.get(k)
        span = spanned.get(k)
        ev = sents[(est or span or (None, 0))[1]].evidence if (est or span) else None
        out.append(Series(name, est[0] if est else None, span[0] if span else None, ev))
    return out


def _target(es, i: int, main_key: str | None, lang: str) -> str | None:  # type: ignore[no-untyped-def]
    """The series a "since its launch in 2010" sentence is about: one named there or just
    before that is the main event's series or part of it, else the main event's series."""
    for s in (i, i - 1):
        for m, _ in es.at(s):
            k = m.series_key
            if k and (k == main_key or parent_of(k, lang) == main_key):
                return main_key
    return main_key


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip()


def _members_country(
    orgs: list[Organization], persons: list[Person], lang: str
) -> tuple[Organization, ...]:
    """An organization the gazetteer does not know takes the country its people share when it
    differs from the one it was given ("Consejo de Seguridad Nacional" in a Mexican embassy's
    release: the release's country, until its holders say whose council it is)."""
    holders: dict[str, set[str | None]] = {}
    for p in persons:
        if p.organization:
            holders.setdefault(p.organization, set()).add(p.country)
    out = []
    for org in orgs:
        countries = holders.get(org.name, set())
        if len(countries) == 1 and None not in countries and org.country not in countries \
                and gazetteer_key(org.name, lang) is None:
            org = replace(org, country=next(iter(countries)))
        out.append(org)
    return tuple(out)
