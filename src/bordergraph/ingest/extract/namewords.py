"""Name words and titles in a token stream: the building blocks of person mentions.

>>> from .text import tokenize
>>> toks = tokenize("Secretary of State Antony J. Blinken, Jr. spoke")
>>> name_length(toks, 3, lex("en"), "en")  # Antony, J., Blinken, ",", Jr.
5
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

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
    for words in by_first_word(phrases).get(toks[i].text, ()):
        if tuple(t.text for t in toks[i : i + len(words)]) == words:
            return len(words)
    return 0


Phrases = tuple[tuple[str, ...], ...]
# Indexes by the identity of the phrase tuple: match_at runs at every token, and hashing a
# lexicon's whole phrase tuple (as a cache key) costs more than the lookup. Each entry keeps its
# tuple alive, so an id is never reused while it is in here.
_INDEXES: dict[int, tuple[Phrases, dict[str, Phrases]]] = {}


def by_first_word(phrases: Phrases) -> dict[str, Phrases]:
    """Phrases indexed by their first word, longest first; built once per phrase tuple."""
    known = _INDEXES.get(id(phrases))
    if known is None or known[0] is not phrases:
        known = _INDEXES[id(phrases)] = (phrases, _index_by_first_word(phrases))
    return known[1]


@cache
def _index_by_first_word(phrases: Phrases) -> dict[str, Phrases]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:
        out.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


_NAME_SHAPE = re.compile(r"[A-ZÀ-Þ][\w’'-]*|[A-Z]\.")  # compiled once: asked of every token


def name_word(tok: Tok, lx: Lex, lang: str) -> bool:
    """A word that can be part of a person's name (capitalised, not a title or country)."""
    if lx is lex(lang):  # the lexicon's own words: memoised per word
        return _lexicon_name_word(tok.text, lang)
    return _is_name_word(tok, lx, lang)


@lru_cache(maxsize=16384)
def _lexicon_name_word(text: str, lang: str) -> bool:
    # cached: name_length re-tests the same words at every start position, in every release
    return _is_name_word(Tok(text, 0, 0), lex(lang), lang)


def _is_name_word(tok: Tok, lx: Lex, lang: str) -> bool:
    if not tok.cap or tok.text in lx.not_name or tok.text in lx.complement:
        return False
    if country_of(tok.bare, lang) or tok.possessive:
        return False
    return bool(_NAME_SHAPE.fullmatch(tok.text))


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
        elif tok.text in lx.particles and n:
            # "de la Madrid": a run of particles, then a name word
            k = i + n
            while k < len(toks) and toks[k].text in lx.particles and k - (i + n) < 3:
                k += 1
            if k < len(toks) and name_word(toks[k], lx, lang):
                n = k - i
            else:
                break
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


_LABEL = re.compile(r"\s*[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.]+(?:\s+[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.]*){1,7}\s*:")


def label_case(text: str, lx) -> str:  # type: ignore[no-untyped-def]
    """A transcript's upper-case speaker label ("SUBSECRETARIO ADJUNTO CHARLES E. HARTWELL:")
    written as running text: post words in lower case, name words capitalised."""
    label = _LABEL.match(text)
    if not label:
        return text
    words = {w for h in lx.heads for w in h} | lx.adjectives | lx.particles

    def case(m: re.Match[str]) -> str:
        w = m.group(0)
        return w.lower() if w.lower() in words else w[:1] + w[1:].lower()

    return re.sub(r"[^\s:]+", case, label.group(0)) + text[label.end() :]
