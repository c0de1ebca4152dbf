"""Notes for the load report: what a release says that the graph did not take, said out loud.

- an impossible date ("February 30, 2022", "31 de junio de 2021") is not a date: the extractor
  drops it, and the report names it;
- a release that announces a meeting for after its issue date ("will meet on March 3, 2023")
  while the extractor found no event on that date gets one, stored as ``bg:AnnouncedEvent``
  (to_rdf types every event dated after the issue date so), and a note saying so.

>>> from bordergraph.records import ReleaseText, Source
>>> t = ReleaseText("r.txt", "On February 30, 2022, they met.", Source(issued="2022-01-01"), "0")
>>> impossible_dates(t)
["impossible date 'February 30, 2022' ignored"]
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from ..records import Event, Evidence, ReleaseRecord, ReleaseText
from .extract.lexicon import load


@cache
def _patterns(lang: str) -> list[re.Pattern[str]]:
    months = sorted(load(lang, "dates").get("months", {}), key=len, reverse=True)
    m = "(?P<month>" + "|".join(re.escape(x) for x in months) + r")\.?"
    return [
        re.compile(rf"\b{m}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b", re.I),
        re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?:de\s+)?{m},?\s+(?:de\s+|del\s+)?(?P<year>\d{{4}})\b",
                   re.I),
    ]


def _dates(text: str) -> list[tuple[str, int, int, int, int]]:
    """(as written, year, month, day, offset) of every day-precision date, valid or not."""
    out = []
    for lang in ("en", "es"):
        months = load(lang, "dates").get("months", {})
        for pattern in _patterns(lang):
            for m in pattern.finditer(text):
                mon = months.get(m.group("month").lower())
                if mon:
                    out.append((m.group(0), int(m.group("year")), mon, int(m.group("day")),
                                m.start()))
    return out


def _valid(y: int, mon: int, day: int) -> bool:
    try:
        date(y, mon, day)
    except ValueError:
        return False
    return True


def impossible_dates(text: ReleaseText) -> list[str]:
    seen: list[str] = []
    for written, y, mon, day, _ in _dates(text.body):
        if not _valid(y, mon, day) and written not in seen:
            seen.append(written)
    return [f"impossible date {w!r} ignored" for w in seen]


_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|plans? to|is scheduled to|are scheduled to|next|upcoming|"
    r"se reunir[áa]n?|celebrar[áa]n?|sostendr[áa]n?|llevar[áa]n? a cabo|pr[óo]xim[ao]s?)\b",
    re.I,
)


def with_announced(text: ReleaseText, record: ReleaseRecord) -> tuple[ReleaseRecord, list[str]]:
    """``record`` plus an event for each date a sentence announces after the issue date that no
    extracted event has (to_rdf types it ``bg:AnnouncedEvent``), and a note for each."""
    issued = text.source.issued
    if not issued or len(issued) < 10:
        return record, []
    stored = {e.date for e in record.events if e.date}
    events, notes = list(record.events), []
    for m in re.finditer(r"[^.!?\n]+[.!?]?", text.body):
        sentence = m.group(0)
        if not _FUTURE.search(sentence):
            continue
        for written, y, mon, day, _ in _dates(sentence):
            iso = f"{y}-{mon:02d}-{day:02d}"
            if not _valid(y, mon, day) or iso <= issued or iso in stored or len(notes) >= 3:
                continue
            stored.add(iso)
            start = m.start() + len(sentence) - len(sentence.lstrip())
            evidence = Evidence(sentence.strip(), start, m.end())
            events.append(Event(key=f"announced-{iso}", name=f"event announced for {written}",
                                date=iso, evidence=evidence))
            notes.append(f"announces an event on {written} (after the issue date {issued}): "
                         "stored as an announced event")
    return (replace(record, events=tuple(events)) if notes else record), notes


__all__ = ["impossible_dates", "with_announced"]
