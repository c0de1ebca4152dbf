"""The days a visit spans, read from its length and its verb: "concluded a two-day visit on
Thursday" began on Wednesday; "began a three-day trip on Monday" ends on Wednesday. Split from
:mod:`bordergraph.ingest.extract.event_parts`; the words are ``span_*`` in
``data/lexicon/LANG/events.yaml``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from .lexicon import alternation, load


@cache
def _lex(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "events")


def span(m, ctx, lo: int, lang: str) -> None:  # type: ignore[no-untyped-def]
    """ "concluded a two-day visit on Thursday": the visit began a day before the day told;
    "began a three-day trip on Monday": it ends two days after (``span_*`` in the lexicon).
    A date between the verb and the visit ("concluded today a two-day visit") is the one."""
    lex = _lex(lang)
    size = re.search(lex.get("span_length", "(?!)"), m.name, re.I)
    if size is None or m.end_date:
        return
    word = size.group("n").lower()
    n = int(word) if word.isdigit() else load(lang, "numbers").get("cardinals", {}).get(word)
    ends = alternation(lex.get("span_end_verbs", []) or ["(?!)"])
    starts = alternation(lex.get("span_start_verbs", []) or ["(?!)"])
    before = ctx.text[lo : m.start]
    verb = re.search(rf"\b(?P<v>{ends}|{starts})\b[^,;.]{{0,40}}$", before, re.I)
    if verb is not None:
        gap = [d for d in ctx.dates if lo + verb.end("v") <= d.start < m.start]
        days = [d for d in gap if d.precision in ("day", "relative")]
        if days:
            m.date = days[-1].value
    if not n or n < 2 or len(m.date or "") != 10:
        return
    day = date.fromisoformat(m.date)
    if re.search(rf"\b{ends}\b[^,;.]{{0,40}}$", before, re.I):
        m.date, m.end_date = (day - timedelta(days=n - 1)).isoformat(), day.isoformat()
    elif re.search(rf"\b{starts}\b[^,;.]{{0,40}}$", before, re.I):
        m.end_date = (day + timedelta(days=n - 1)).isoformat()
