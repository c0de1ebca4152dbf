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
from .event_parts_es import dateline, mode, venue
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
            if (s2, i2) < (s, i) and es.events[e_i].type == kind and not es._mentions[(s2, i2)].ref
        ]
        if not cands:
            continue
        # "Durante la reunión": the release's own event, unless one of that type was just named
        main = es.main if es.main is not None and es.events[es.main].type == kind else None
        near = cands[-1][0] == s
        es.index[(s, i)] = main if main is not None and not near else cands[-1][1]


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


def add_links(es: EventSet, sents: list[Sentence]) -> None:
    """builds_on links: the language-neutral frames of :mod:`.links` on the es lexicon."""
    from .links import link

    link(es, sents, LANG)


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
    held_today = main.date is not None and main.date == issued and main.mode != "virtual"
    if where and city and held_today and fold(city) not in fold(where):
        main.location = f"{where}, {city}"
    elif where:
        main.location = where
    elif city and held_today and main.location is None:
        main.location = city
