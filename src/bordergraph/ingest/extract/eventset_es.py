"""The Spanish pipeline's steps on the merged events: back-references by type ("Durante la
firma"), the session a "desde 2016" implies, builds_on links and the main event's place.

>>> from .events import EventMention
>>> es = EventSet(events=[EventMention(0, 0, 5, "reunión", type="Meeting", date="2021-09-09")],
...               main=0)
>>> main_place(es, [], set(), None, "2021-09-09")  # no lead sentence: nothing to read
>>> es.events[0].location is None
True
"""

from __future__ import annotations

import re

from ...graph.iris import fold
from .event_parts_es import dateline, mode, referenced_meeting, venue
from .events import EventMention
from .eventset import EventSet
from .lexicon import load
from .sentences import Sentence

LANG = "es"


def resolve_refs(es: EventSet) -> None:
    """ "Durante la firma": a back-reference by type points to the last event of that type."""
    for (s, i), m in es._mentions.items():
        kind = m.extra.get("ref_type")
        if not kind or (s, i) not in es.index:
            continue
        cands = [
            (s2, e_i)
            for (s2, i2), e_i in es.index.items()
            if (s2, i2) < (s, i)
            and _kin(es.events[e_i].type, kind)
            and not es._mentions[(s2, i2)].ref
        ]
        if not cands:
            continue
        # "Durante la reunión": the release's own event, unless one of that type was just named
        main = es.main if es.main is not None and _kin(es.events[es.main].type, kind) else None
        near = cands[-1][0] == s
        target = es.events[main if main is not None and not near else cands[-1][1]]
        es.index[(s, i)] = main if main is not None and not near else cands[-1][1]
        target.date = target.date or m.extra.get("ref_date") or None
        target.mode = target.mode or m.extra.get("ref_mode") or None


def occasion_dates(es: EventSet, sents: list[Sentence]) -> None:
    """ "Al término de la reunión, las delegaciones firmaron una Carta ...": an undated event told
    in a sentence that opens at another event takes that event's day."""
    from .lexicon import alternation as alt

    words = load("es", "events").get("occasion_openers", [])
    if not words:
        return
    openers = alt(words)
    for (s, i), m in es._mentions.items():
        if not m.ref or (s, i) not in es.index or s >= len(sents):
            continue
        if not re.match(
            rf"\s*{openers}\s+(?:la|el|los|las|dicha|dicho|esta|este)\s*$",
            sents[s].text[: m.start],
            re.I,
        ):
            continue
        day = es.events[es.index[(s, i)]].date
        for (s2, i2), e in es.index.items():
            other = es.events[e]
            if s2 == s and not es._mentions[(s2, i2)].ref and other.date is None and day:
                other.date = day


def _kin(etype: str | None, kind: str) -> bool:
    """ "la reunión" refers to a meeting, bilateral or not."""
    meetings = ("Meeting", "BilateralMeeting")
    return etype == kind or (etype in meetings and kind in meetings)


def add_since(es: EventSet, sents: list[Sentence]) -> None:
    """ "no sesionaba desde 2016": an earlier session of the main event's series in 2016."""
    if es.main is None or not es.events[es.main].series_key:
        return
    main = es.events[es.main]
    for pattern in load(LANG, "events").get("since_earlier", []):
        for i, s in enumerate(sents):
            if not any(e == es.main for _, e in es.at(i)):
                continue
            for m in re.finditer(pattern, s.text):
                em = EventMention(
                    i,
                    m.start(),
                    m.end(),
                    f"{main.series} ({m.group('year')})",
                    type=main.type,
                    series=main.series,
                    series_key=main.series_key,
                    date=m.group("year"),
                    explicit=False,
                    since_year=True,
                )
                es.events.append(em)
                n = len(es._mentions)
                es._mentions[(i, 1000 + n)] = em
                es.index[(i, 1000 + n)] = len(es.events) - 1


def main_place(
    es: EventSet, sents: list[Sentence], body: set[int], lead: int | None, issued: str | None
) -> None:
    """Main event: mode from the lead paragraph; venue from the lead (or the next sentences),
    followed by the dateline's city when the event is held on the issue date."""
    if es.main is None or lead is None:
        return
    main = es.events[es.main]
    para = " ".join(s.text for s in sents if s.para == sents[lead].para)
    main.mode = main.mode or mode(para)
    where = venue(sents[lead].text)
    for i in sorted(body):
        if where or i <= lead or i > lead + 3:
            continue
        # "En el anfiteatro ... del Centro de Visitantes ...": a later sentence that opens
        # with the setting of the main event
        if all(e == es.main or m.ref for m, e in es.at(i)) and re.match(
            r"(?:En|Desde)\s", sents[i].text
        ):
            where = venue(sents[i].text)
    city = dateline(
        [s.text for s in sents if s.header or s.title]
        + [sents[lead].text]
        + [s.text for s in sents[:lead]]
    )
    # a virtual session is held nowhere: the dateline is only where the release was issued
    held_today = _days_before(main.date, issued) == 0 and main.mode != "virtual"
    if where and city and held_today and fold(where) in fold(city):
        main.location = city  # "Residencia Oficial de Los Pinos, Ciudad de México": the dateline
    elif where and city and held_today and fold(city) not in fold(where):
        main.location = f"{where}, {city}"
    elif where:
        main.location = where
    elif city and held_today and main.location is None:
        main.location = city


def _days_before(day: str | None, issued: str | None) -> int | None:
    """Days from an event's day to the issue date ("ayer" is 1); None unless both are days."""
    from datetime import date

    if not day or not issued or len(day) != 10 or len(issued) < 10:
        return None
    return (date.fromisoformat(issued[:10]) - date.fromisoformat(day)).days


def add_ranked(es: EventSet, sents: list[Sentence], body: set[int], dates) -> None:  # type: ignore[no-untyped-def]
    """ "la XI Reunión, celebrada en Tucson en agosto de 2018", "la reunión de instalación",
    "La próxima reunión se celebrará en septiembre": a session of the main event's series named
    by its rank alone (or as the next one), with the date and place of its clause."""
    from .event_parts_es import attributes
    from .events_es import _ord_pattern, ordinal

    if es.main is None or not es.events[es.main].series_key:
        return
    main = es.events[es.main]
    lex = load(LANG, "events")
    nouns = "|".join(re.escape(n) for n in sorted(lex.get("session_nouns", []), key=len)[::-1])
    first = "|".join(re.escape(w) for w in lex.get("first_session_words", []))
    nxt = "|".join(re.escape(w) for w in load(LANG, "links").get("next_words", []))
    pattern = re.compile(
        rf"(?<![\wÀ-ÿ])(?:(?:la|el|su|una|un)\s+(?:(?P<ord>{_ord_pattern()})|(?P<next>{nxt}))\s+"
        rf"(?P<noun>{nouns})|(?P<inst>{nouns})\s+(?:{first or '(?!)'}))(?![\wÀ-ÿ])"
        r"(?!\s+(?:del|de\s+la|de\s+los|de)\s+[A-ZÁÉÍÓÚ])",
        re.I,
    )
    for i in sorted(body):
        text = sents[i].text
        taken = [(m.start, m.end) for m, _ in es.at(i)]
        for n, hit in enumerate(pattern.finditer(text)):
            if any(a < hit.end() and hit.start() < b for a, b in taken):
                continue
            rank = 1 if hit.group("inst") else ordinal(hit.group("ord"))
            future = bool(hit.group("next"))
            if not future and (rank is None or rank == main.ordinal):
                continue
            same = [
                k
                for k, e in enumerate(es.events)
                if e.series_key == main.series_key and (e.ordinal == rank if rank else e.future)
            ]
            if same:
                continue
            start = hit.start("ord") if hit.group("ord") else hit.start()
            em = EventMention(
                i,
                start,
                hit.end(),
                f"{text[start : hit.end()]} del {main.series}",
                type=_session_type(main.type, hit.group("noun") or hit.group("inst")),
                series=main.series,
                series_key=main.series_key,
                ordinal=rank,
                explicit=False,
            )
            em.future = future
            later = [s for s, _ in taken if s >= hit.end()]
            attributes(em, text, dates[i], hit.start(), later[0] if later else len(text))
            es.events.append(em)
            if future:  # an earlier session is only named: no roles or outcomes are read at it
                es._mentions[(i, 3000 + n)] = em
                es.index[(i, 3000 + n)] = len(es.events) - 1


def _session_type(main: str | None, noun: str) -> str | None:
    """ "la quinta sesión" of a dialogue is a Meeting; a "ronda" keeps the dialogue's type."""
    meeting = load(LANG, "events").get("meeting_session_nouns", [])
    return "Meeting" if main == "Dialogue" and noun.lower() in meeting else main


def referenced_lead(sents, per_sentence, lead, dates) -> None:  # type: ignore[no-untyped-def]
    """The lead's meeting told only by back-references in the next sentences ("quien presidió la
    sesión") before any event is named: an event of the lead (see referenced_meeting)."""
    if lead is None:
        return
    for i in range(lead, min(lead + 4, len(sents))):
        told = [m for m in per_sentence[i] if not m.ref]
        refs = [m for m in per_sentence[i] if m.ref and m.extra.get("ref_type") == "Meeting"]
        if told and (not refs or told[0].start < refs[0].start):
            return
        if refs:
            found = referenced_meeting(lead, sents[lead].text, dates[lead], refs[0].name)
            if found is not None:
                per_sentence[lead].insert(0, found)
            return


def setting_last(mentions: list[EventMention]) -> list[EventMention]:
    """ "En el marco de la 32.ª Sesión del Consejo ..., fue firmado hoy un Memorando": a session
    named as the setting of another event the lead tells is not the release's own event."""
    told = [
        m
        for m in mentions
        if not m.ref and not m.future and not m.extra.get("setting") and not m.extra.get("backdrop")
    ]
    if not told:
        return mentions
    return told + [m for m in mentions if m not in told]


def rank_series(es: EventSet) -> None:
    """ "convinieron en celebrar la tercera reunión en Laredo": a session named by its rank
    alone, in a release whose event is a session of a series, is a session of that series."""
    main = es.events[es.main] if es.main is not None else None
    if main is None or not main.series:
        return
    nouns = load(LANG, "events").get("meeting_session_nouns", [])
    for e in es.events:
        bare = re.sub(r"^\S+\s+", "", e.name or "").lower()  # the noun after the rank
        if e is not main and e.ordinal and not e.series and bare in nouns:
            e.series, e.series_key = main.series, main.series_key
            e.name = f"{e.name} del {main.series}"
