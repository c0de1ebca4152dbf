"""Series named in a Spanish sentence: by name or acronym (``data/lexicon/es/events.yaml``),
or generically ("la Cumbre", "la IX Cumbre"), which takes the last series of that kind.

>>> last = {}
>>> [h.key for h in series_hits("la X Cumbre de Líderes de América del Norte (CLAN)", {}, last)]
["North American Leaders' Summit"]
>>> [(h.written, h.generic) for h in series_hits("en la IX Cumbre, celebrada", {}, last)]
[('Cumbre de Líderes de América del Norte', True)]
"""

from __future__ import annotations

import re

from .lexicon import alternation as alt
from .lexicon import load
from .series import SeriesHit, find_series


def series_hits(text: str, acronyms: dict[str, str], last: dict[str, SeriesHit]) -> list[SeriesHit]:
    """Hits left to right; ``last`` (kind -> hit) carries the series named so far."""
    hits = [h for h in find_series(text, "es", acronyms) if not h.generic]
    generic = load("es", "events").get("generic", {})
    words = (
        [
            (m.start(), m.end(), m.group("w"))
            for m in re.finditer(rf"(?<![\wÀ-ÿ])(?P<w>{alt(list(generic))})(?![\wÀ-ÿ])", text)
        ]
        if generic
        else []
    )
    words = [
        w
        for w in words
        if not any(h.start <= w[0] < h.end for h in hits)
        and re.search(r"\b(?:[Ll]a|[Ee]l|[Dd]el|[Aa]l)\s+(?:\S+\s+)?$", text[: w[0]])
        # "la Comisión Nacional del Agua": a proper name, not a back-reference
        and not re.match(r"\s+[A-ZÁÉÍÓÚÑ]", text[w[1] :])
    ]
    out: list[SeriesHit] = []
    for item in sorted(
        [*hits, *words], key=lambda x: x.start if isinstance(x, SeriesHit) else x[0]
    ):
        if isinstance(item, SeriesHit):
            h = item
            if (
                h.kind not in last
                or last[h.kind].key != h.key
                or len(h.written) > len(last[h.kind].written)
            ):
                last[h.kind] = h
        else:
            start, end, word = item
            prev = last.get(generic[word])
            h = SeriesHit(
                start,
                end,
                prev.written if prev else word,
                prev.key if prev else "",
                generic[word],
                generic=True,
            )
        out.append(h)
    return out
