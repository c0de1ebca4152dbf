"""Ceremonies and sessions told by their chairs or hosts ("presidieron la ceremonia con la que
ambos gobiernos formalizaron ...", "presided over the ceremony at which ..."): an event, a
signing when the clause tells an instrument signed in it, else of its noun's type. Words are
lexicon data (``chair_verbs``, ``chaired_nouns``, ``signed_in_clause`` in events.yaml)."""

from __future__ import annotations

import re
from functools import cache

from .event_mention import EventMention
from .lexicon import alternation, load


@cache
def _pattern(lang: str) -> re.Pattern[str] | None:
    lex = load(lang, "events")
    verbs, nouns = lex.get("chair_verbs", []), lex.get("chaired_nouns", {})
    if not verbs or not nouns:
        return None
    v, n = alternation(verbs, escape=False), alternation(nouns)
    return re.compile(
        # a few words between the verb and its object ("copresidieron hoy en esta ciudad el
        # Foro ..."), none an article or "a" (the object of "encabezó a la delegación" is no
        # ceremony)
        rf"(?<![\wÀ-ÿ]){v}(?:\s+(?!(?:la|el|los|las|a|al|the|an|of)\b)[\wÀ-ÿ]+){{0,4}}?"
        rf"\s+(?:la|el|una|un|the|a)\s+(?P<noun>{n})(?![\wÀ-ÿ])",
        re.I,
    )


@cache
def _signed(lang: str) -> re.Pattern[str] | None:
    words = load(lang, "events").get("signed_in_clause", [])
    return re.compile(rf"\b(?:{'|'.join(words)})", re.I) if words else None


def chaired_ceremonies(index: int, text: str, people, lang: str) -> list[EventMention]:  # type: ignore[no-untyped-def]
    """Each ceremony or session a named person is told to chair or host, in one sentence."""
    pat = _pattern(lang)
    if pat is None:
        return []
    nouns = {k.lower(): v for k, v in load(lang, "events").get("chaired_nouns", {}).items()}
    signed = _signed(lang)
    out = []
    for m in pat.finditer(text):
        if not any(pm.end <= m.start() for pm, _ in people):
            continue  # nobody chairs it
        clause = re.match(r"[^;:.]*", text[m.end("noun") :])
        end = m.end("noun") + (clause.end() if clause else 0)
        if not text[m.end("noun") : end].strip(" ,"):
            continue  # "quien presidió la sesión": the session already told, not a new one
        etype = nouns.get(m.group("noun").lower())
        if signed is not None and signed.search(text[m.end("noun") : end]):
            etype = "Signing"
        name = text[m.start("noun") : end].split(",")[0].rstrip(" ")
        if len(name) > 160:
            name = m.group("noun")
        out.append(EventMention(index, m.start("noun"), end, name, type=etype))
    return out
