"""Small text helpers shared by the extractors: tokens with offsets, capitalised words,
country words, organisation acronyms.

>>> [t.text for t in tokenize("Brian A. Nichols, Jr. met the U.S. team.")]
['Brian', 'A.', 'Nichols', ',', 'Jr.', 'met', 'the', 'U.S.', 'team', '.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .lexicon import load

_WORD = re.compile(r"[\w$]+(?:[.'’\-–&][\w$]+)*\.?|[^\w\s]", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")  # compiled once: tested on every token, many times
_THE = re.compile(r"^the\s+")


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int

    @property
    def cap(self) -> bool:
        """Starts with a capital letter (a name, title or place word)."""
        return self.text[:1].isupper()

    @property
    def bare(self) -> str:
        """The word without a possessive ending."""
        return _POSSESSIVE.sub("", self.text)

    @property
    def possessive(self) -> bool:
        return bool(_POSSESSIVE.search(self.text))


@cache
def _abbrevs(lang: str) -> frozenset[str]:
    words = load(lang, "sentences").get("abbreviations", [])
    return frozenset(str(w) for w in words)


def tokenize(text: str, lang: str = "en") -> list[Tok]:
    """Words and punctuation with offsets; a period stays on initials and abbreviations only."""
    return list(_tokens(text, lang))  # a fresh list for the caller


@lru_cache(maxsize=4096)
def _tokens(text: str, lang: str) -> tuple[Tok, ...]:
    # cached: boilerplate sentences recur across releases
    out = []
    for m in _WORD.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if word.endswith(".") and len(word) > 1:
            core = word[:-1]
            keep = (len(core) == 1 and core.isupper()) or core in _abbrevs(lang) or "." in core
            if not keep:
                out.append(Tok(core, start, end - 1))
                out.append(Tok(".", end - 1, end))
                continue
        out.append(Tok(word, start, end))
    return tuple(out)


@cache
def country_words(lang: str) -> dict[str, str]:
    """Country nouns and demonyms (lower-case) -> ISO code.

    >>> country_words("en")["mexican"]
    'MX'
    """
    out = {}
    for code, words in load(lang, "places").get("countries", {}).items():
        for w in words:
            out[w.lower()] = code
    return out


@lru_cache(maxsize=16384)
def country_of(phrase: str, lang: str = "en") -> str | None:
    """The country a short phrase names ("Mexico's", "the U.S.", "Mexican"), else None.

    >>> country_of("Mexico's"), country_of("the U.S."), country_of("Sonora")
    ('MX', 'US', 'MX')
    """
    key = _POSSESSIVE.sub("", phrase.strip()).lower()
    key = _THE.sub("", key)
    words = country_words(lang)
    if key in words:
        return words[key]
    return state_country(phrase, lang)


@cache
def _states(lang: str) -> dict[str, str]:
    out = {}
    for code, states in load(lang, "places").get("states", {}).items():
        for name, abbrevs in states.items():
            out[name.lower()] = code
            for a in abbrevs:
                out[a.lower()] = code
    return out


def state_country(phrase: str, lang: str = "en") -> str | None:
    """The country of a state name or abbreviation ("Ariz." -> US, "Sonora" -> MX)."""
    return _states(lang).get(phrase.strip().lower())


def expand_state(word: str, lang: str = "en") -> str:
    """A state abbreviation in full ("Ariz." -> "Arizona"); other words unchanged."""
    for states in load(lang, "places").get("states", {}).values():
        for name, abbrevs in states.items():
            if word in abbrevs:
                return name
    return word


def squash(text: str) -> str:
    """Single spaces, no surrounding punctuation or articles."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:.—–-")
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
