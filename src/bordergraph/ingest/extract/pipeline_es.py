"""The Spanish extractor: the English pipeline's stages (sentences, dates, person clusters,
event merging, record assembly) with Spanish hooks where Spanish structure differs (posts before
names, verb-first clauses, "la víspera", Roman ordinals, "presencial y a distancia").

>>> from bordergraph.records import ReleaseText, Source
>>> body = ("Ciudad de México, 2 de diciembre de 2021. El canciller Marcelo Ebrard encabezó la "
...         "delegación mexicana en la XIII Reunión Plenaria del Comité Ejecutivo Bilateral, "
...         "celebrada hoy de manera virtual.")
>>> rec = extract_es(ReleaseText("x.txt", body, Source(issued="2021-12-02", language="es"), "0"))
>>> e = rec.events[0]
>>> (e.ordinal, e.date, e.mode, rec.people[0].roles[0].role)
(13, '2021-12-02', 'virtual', 'delegation_head')
"""

from __future__ import annotations

import re

from ...records import ReleaseRecord, ReleaseText
from ..read import is_header_line
from .dates import DateMention, anchor_same_day, find_dates
from .event_parts_es import lead_meeting
from .events import EventMention
from .events_es import find_events_es
from .eventset import build
from .eventset_es import (
    add_ranked,
    add_since,
    main_place,
    occasion_dates,
    rank_series,
    referenced_lead,
    resolve_refs,
    setting_last,
)
from .lexicon import alternation as alt
from .lexicon import load
from .links import backdrop, link
from .outcomes import collect as _outcomes
from .people_es import find_mentions_es
from .person_context import add_surnames, assign_countries, trim_title_names
from .persons import cluster
from .pipeline import _home
from .ports import merge as merge_ports
from .ports import sentence_ports
from .record import assemble
from .roles import RoleFact, finish, list_roles, paragraph_events
from .roles_es import sentence_roles_es
from .sentences import Sentence, split
from .series import series_hits

LANG = "es"


def extract_es(text: ReleaseText) -> ReleaseRecord:
    """Extract one Spanish release (see :func:`bordergraph.ingest.extract.extract`)."""
    src = text.source
    issued = src.issued or _body_dateline(text.body)
    year = int(issued[:4]) if issued else None
    sents = split(text.body, src.title, LANG, is_header=is_header_line)
    body = {i for i, s in enumerate(sents) if not s.header and not is_header_line(s.text)}
    home = _home(src.publisher) or header_country(sents) or "MX"
    orgs = org_table(sents, src.publisher, home)
    mentions = [find_mentions_es(s.text, orgs) if i in body else [] for i, s in enumerate(sents)]
    mentions = [_parallel_orgs(ms) for ms in mentions]
    trim_title_names(sents, mentions, LANG)
    people, pids = cluster(mentions, LANG)
    add_surnames(sents, body, mentions, pids, people)
    heads = set(load(LANG, "titles").get("leaders", []))
    leaders = frozenset(i for i, p in enumerate(people) if p.head in heads)
    dates = _dates(sents, body, year, issued)
    acronyms: dict[str, str] = {}
    last: dict = {}  # type: ignore[type-arg]
    hits = [
        series_hits(s.text, LANG, acronyms, last) if i in body else [] for i, s in enumerate(sents)
    ]
    lead = _lead(sents, body)
    per_sentence: list[list[EventMention]] = []
    for i, s in enumerate(sents):
        pairs = list(zip(mentions[i], pids[i], strict=True))
        found = (
            find_events_es(i, s.text, pairs, leaders, hits[i], dates[i], s.title, i == lead)
            if i in body
            else []
        )
        # "el director de la Comisión del Agua": a back-reference inside a post is its office
        inside = [(pm.start, pm.end) for pm in mentions[i] if pm.post]
        per_sentence.append(
            [m for m in found if not (m.ref and any(a <= m.start < b for a, b in inside))]
        )
    if lead is not None and not any(
        not m.ref for i in (lead, lead + 1) if i < len(sents) for m in per_sentence[i]
    ):
        pairs = list(zip(mentions[lead], pids[lead], strict=True))
        found = lead_meeting(lead, sents[lead].text, pairs, dates[lead])
        if found is not None:
            per_sentence[lead].append(found)
    if not any(not m.ref for ms in per_sentence for m in ms):
        # a transcript or note that tells its meeting in passing ("sostuvimos hoy una reunión de
        # trabajo"): the first sentence that tells one
        for i in sorted(body):
            pairs = list(zip(mentions[i], pids[i], strict=True))
            found = None if sents[i].title else lead_meeting(i, sents[i].text, pairs, dates[i])
            if found is not None:
                per_sentence[i].append(found)
                lead = i if lead is None or lead < i else lead
                break
    _drop_title_meetings(sents, per_sentence, lead)
    referenced_lead(sents, per_sentence, lead, dates)
    if any(
        m.type == "Visit" and not m.ref and not m.extra.get("told_visit")
        for ms in per_sentence
        for m in ms
    ):
        # "concluyó la visita de trabajo": the visit the release names elsewhere
        for m in (m for ms in per_sentence for m in ms if m.extra.get("told_visit")):
            m.ref, m.extra["ref_type"] = True, "Visit"
    if lead is not None:
        per_sentence[lead] = setting_last(per_sentence[lead])
    info = {}
    if lead is not None:
        days = [d for d in dates[lead] if d.precision in ("day", "relative")]
        # "Ciudad de México, 14 de mayo de 2021.- ... sostuvieron ayer": the dateline is no event's
        # a time word ("hoy", "este lunes") tells the lead's own day before any other date
        told = [d for d in days if d.precision == "relative"]
        day = (
            told[0]
            if told
            else next((d for d in days if d.value != issued), days[0] if days else None)
        )
        info = {"date": day.value if day else None, "end_date": day.end_value if day else None}
    # an announced session ("La próxima reunión del DEAN se celebrará ...") is its own event,
    # never merged into the session the release reports
    future = [(i, m) for i, ms in enumerate(per_sentence) for m in ms if m.future and not m.ref]
    per_sentence = [[m for m in ms if not (m.future and not m.ref)] for ms in per_sentence]
    es = build(per_sentence, lead, {i for i, s in enumerate(sents) if s.title}, info)
    for n, (i, m) in enumerate(future):
        es.events.append(m)
        es._mentions[(i, 2000 + n)] = m
        es.index[(i, 2000 + n)] = len(es.events) - 1
    resolve_refs(es)
    occasion_dates(es, sents)
    rank_series(es)
    for e in es.events:  # a meeting outside any series, not of a numbered body, is bilateral
        many = re.search(
            alt(load(LANG, "events").get("many_sides_words") or ["(?!)"]), e.name or ""
        )
        if e.type == "Meeting" and not e.series and e.ordinal is None and not many:
            e.type = "BilateralMeeting"
    _main_name(es)
    add_since(es, sents)
    add_ranked(es, sents, body, dates)
    link(es, sents, LANG)
    backdrop(es, sents, LANG)  # the object of a builds_on cue takes no roles or context
    main_place(es, sents, body, lead, issued)
    roles = _roles(sents, body, mentions, pids, es, lead, leaders, people)
    assign_countries(people, sents, mentions, pids, orgs, LANG, home)
    outcomes = _outcomes(sents, body, es, LANG)
    ports = merge_ports(
        [
            p
            for i, s in enumerate(sents)
            if i in body and not s.title
            for p in sentence_ports(s.text, i, home, LANG)
        ]
    )
    return assemble(text, sents, es, people, roles, orgs, outcomes, ports, {}, LANG)


def _main_name(es) -> None:  # type: ignore[no-untyped-def]
    """The main event is named by its fullest mention ("la 14a reunión plenaria del Comité
    ..." in the lead rather than "el Comité ..." in the title)."""
    if es.main is None:
        return
    names = [
        es._mentions[k].name
        for k, e in es.index.items()
        if e == es.main and not es._mentions[k].ref and es._mentions[k].explicit
    ]
    if names:
        es.events[es.main].name = max(names, key=len)


def org_table(sents, publisher, home):  # type: ignore[no-untyped-def]
    from .orgs import org_table

    return org_table(sents, LANG, publisher, home)


def header_country(sents: list[Sentence]) -> str | None:
    """The country of an agency a header line names ("SECRETARÍA DE SEGURIDAD Y PROTECCIÓN
    CIUDADANA"): the release's home side when the publisher is not a known one. A Spanish
    release with neither is read as Mexican (the caller's default)."""
    from .orgs import gazetteer_key

    for s in sents[:6]:
        if s.header or s.title:
            for part in re.split(r"\s*\|\s*", s.text):
                known = gazetteer_key(part.strip(), LANG)
                if known and known[1]:
                    return known[1]
    return None


def _parallel_orgs(ms: list) -> list:  # type: ignore[type-arg]
    """ "la comisionada de la Sección mexicana de la CILA; la comisionada de la Sección
    estadounidense": a parallel post in a list shares the organization named once."""
    from dataclasses import replace

    out = list(ms)
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if (
            b.org is None
            and a.org
            and a.head == b.head
            and a.post
            and b.post
            and a.post.rsplit(" ", 1)[0] == b.post.rsplit(" ", 1)[0]
            and a.post != b.post
        ):
            out[k] = replace(b, org=a.org)
    return out


def _dates(
    sents: list[Sentence], body: set[int], year: int | None, issued: str | None
) -> list[list[DateMention]]:
    """Dates per sentence, with "la víspera" (issue date - 1) and "ese mismo día" (the last
    day named before)."""
    lex = load(LANG, "dates")
    vague = alt(lex.get("vague_periods", []))
    out: list[list[DateMention]] = []
    for i, s in enumerate(sents):
        found = find_dates(s.text, LANG, year, issued) if i in body else []
        # a season or part of a year ("el segundo semestre de 2023") is no date
        found = [
            d
            for d in found
            if not (
                d.precision == "year"
                and re.search(
                    rf"\b(?:{vague})\s+(?:de|del)\s+(?:año\s+)?$", s.text[: d.start], re.I
                )
            )
        ]
        out.append(found)
    texts = [s.text if i in body else "" for i, s in enumerate(sents)]
    anchor_same_day(texts, out, issued, LANG)
    return out


def _drop_title_meetings(
    sents: list[Sentence], per_sentence: list[list[EventMention]], lead: int | None
) -> None:
    """ "El presidente recibe a delegación de EU": a headline meeting told by its verb is the
    meeting the body tells (by its names), not another one."""
    kin = ("Meeting", "BilateralMeeting")
    heads = {i for i, s in enumerate(sents) if s.title or (lead is not None and i < lead)}
    told = any(
        m.type in kin and not m.ref and not m.future
        for i, ms in enumerate(per_sentence)
        if i not in heads
        for m in ms
    )
    if not told:
        return
    for i in heads:
        per_sentence[i] = [
            m
            for m in per_sentence[i]
            if not (m.type in kin and not m.series and not m.explicit)
            or m.extra.get("backdrop")  # "desde el encuentro del 27 de diciembre": another one
        ]


# A dateline's place: capitalised words and abbreviations ("Washington, D.C.", "Nogales, Son.",
# "Tijuana, B.C."), parts set off by commas, then a comma, period or "a", and an optional weekday.
_DATELINE_PLACE = re.compile(
    r"\s*[A-ZÁÉÍÓÚÑ][\wÀ-ÿ.]*(?:(?:\s+|,\s+)(?:(?:de|del|la|las|los|el)\s+)?"
    r"[A-ZÁÉÍÓÚÑ][\wÀ-ÿ.]*){0,6}\s*(?:\([^)\n]{1,30}\)\s*)?(?:[,.]\s*|(?<=\.)\s+|\s+(?=a\s))"
    r"(?:a\s+)?(?:[a-zé]+,?\s+)?(?=\d)"
)


def _body_dateline(body: str) -> str | None:
    """ "Por Laura Méndez\nCiudad de México, 14 de mayo de 2021 (AIN).- ...": a dateline opening a
    line of the body (after a byline) dates a release whose header gave no date."""
    for line in body.splitlines()[:12]:
        m = _DATELINE_PLACE.match(line)
        found = find_dates(line[m.end() :], LANG) if m else []
        if found and found[0].start == 0 and found[0].precision == "day":
            return found[0].value
    return None


def _lead(sents: list[Sentence], body: set[int]) -> int | None:
    for i in sorted(body):
        s = sents[i]
        text = (
            re.sub(r"^[^.]*?\d{4}\s*\.-?\s*", "", s.text)
            if re.match(r"[^.]*,\s+(?:a\s+)?\d", s.text)
            else s.text
        )
        if (
            not s.title
            and not s.bullet
            and s.text.rstrip().endswith(".")
            and len(text.split()) >= 8
        ):
            return i
    return None


def _roles(sents, body, mentions, pids, es, lead, leaders, people=None) -> list[RoleFact]:  # type: ignore[no-untyped-def]
    facts: list[RoleFact] = []
    context = paragraph_events(sents, es)
    for i, s in enumerate(sents):
        if i not in body or s.title:
            continue
        events = [(m, e) for m, e in es.at(i) if not m.extra.get("backdrop")]
        signing = {
            e: tuple(int(x) for x in m.extra["signers"].split(",") if x)
            for m, e in events
            if m.extra.get("signers")
        }
        facts += sentence_roles_es(
            i,
            s.text,
            list(zip(mentions[i], pids[i], strict=True)),
            events,
            context[i],
            i == lead,
            leaders,
            signing,
        )
    roles = finish(facts + list_roles(sents, body, mentions, pids, es, LANG, people))
    # a speaker at an event with no other role there took part in it
    held = {(f.person, f.event) for f in roles if f.role != "speaker"}
    extra = [
        RoleFact(f.person, f.event, "participant", f.sent)
        for f in roles
        if f.role == "speaker" and (f.person, f.event) not in held
    ]
    return roles + extra


#: The name :func:`bordergraph.ingest.extract.extract` looks up in ``pipeline_LANG`` modules.
extract_release = extract_es
