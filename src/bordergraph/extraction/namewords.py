"""Name words and titles in a token stream: the building blocks of person mentions.

>>> from .text import tokenize
>>> toks = tokenize("Secretary of State Antony J. Blinken, Jr. spoke")
>>> name_length(toks, 3, lex("en"), "en")  # Antony, J., Blinken, ",", Jr.
5
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import load
from .text import Tok, country_of


@dataclass(frozen=True)
class Mention:
    """One mention of a person in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    name: str | None  # None for a bare back-reference ("the Secretary")
    post: str | None = None
    head: str | None = None  # the title word(s) of the post, e.g. "Secretary"
    org: str | None = None  # an organization attached apart from the post
    country: str | None = None
    kind: str = "full"  # full (2+ name words), short ("Secretary Blinken"), anaphor


@dataclass(frozen=True)
class Lex:
    heads: tuple[tuple[str, ...], ...]
    lower_heads: tuple[tuple[str, ...], ...]
    ranks: frozenset[str]
    honorifics: frozenset[str]
    complement: frozenset[str]
    not_name: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]


@cache
def lex(lang: str) -> Lex:
    t, p = load(lang, "titles"), load(lang, "people")

    def split(words: list[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((tuple(w.split()) for w in words), key=len, reverse=True))

    return Lex(
        heads=split(t.get("heads", []) + t.get("honorifics", [])),
        lower_heads=split(t.get("lower_heads", [])),
        ranks=frozenset(r for r in t.get("ranks", [])),
        honorifics=frozenset(t.get("honorifics", [])),
        complement=frozenset(t.get("complement_words", [])),
        not_name=frozenset(p.get("not_name_words", [])),
        particles=frozenset(p.get("particles", [])),
        suffixes=frozenset(p.get("suffixes", [])),
    )


def match_at(toks: list[Tok], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest phrase starting at token ``i``, 0 if none."""
    if i >= len(toks):
        return 0
    for words in _by_first(phrases).get(toks[i].text, ()):
        if tuple(t.text for t in toks[i : i + len(words)]) == words:
            return len(words)
    return 0


@cache
def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases indexed by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:
        out.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


def name_word(tok: Tok, lx: Lex, lang: str) -> bool:
    if not tok.cap or tok.text in lx.not_name or tok.text in lx.complement:
        return False
    if country_of(tok.bare, lang) or tok.possessive:
        return False
    return bool(re.fullmatch(r"[A-ZÀ-Þ][\w’'-]*|[A-Z]\.", tok.text))


def name_length(toks: list[Tok], i: int, lx: Lex, lang: str) -> int:
    """Number of tokens of a person's name starting at ``i`` (particles, initials, ", Jr.")."""
    n = 0
    while i + n < len(toks):
        tok = toks[i + n]
        if name_word(tok, lx, lang):
            n += 1
        elif tok.possessive and name_word(Tok(tok.bare, 0, 0), lx, lang):
            n += 1  # "President Biden's Meeting"
            break
        elif (
            tok.text in lx.particles
            and n
            and i + n + 1 < len(toks)
            and name_word(toks[i + n + 1], lx, lang)
        ):
            n += 1
        else:
            break
    if (
        n
        and i + n + 1 < len(toks)
        and toks[i + n].text == ","
        and toks[i + n + 1].text in lx.suffixes
    ):
        n += 2
    return n


def joins(toks: list[Tok], k: int, lx: Lex) -> bool:
    """An "and" inside a post's complement ("Security and Citizen Protection"), not one that
    joins two people ("Jeh Johnson and Secretary ...")."""
    return (
        toks[k].text == "and"
        and 0 < k < len(toks) - 1
        and toks[k + 1].cap
        and toks[k - 1].text in lx.complement
        and not match_at(toks, k + 1, lx.heads)
    )


def span(text: str, toks: list[Tok], a: int, b: int) -> str:
    return text[toks[a].start : toks[b - 1].end] if b > a else ""
