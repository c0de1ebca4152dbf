"""Name matching as GOLD_SCHEMA.md defines it, for scoring extraction against gold.

Two names match when they are equal after folding case, accents and punctuation; when the
content words of one lie, in order, inside the other ("San Ysidro" in "San Ysidro Port of
Entry"); or when they are close in spelling without either holding a content word the other
lacks ("Economic" never matches "Security"). People also match on given name and surname
without middle names or initials, and a lone surname matches the full name.

>>> names_match("Brian Nichols", "Brian A. Nichols", person=True)
True
>>> names_match("High-Level Economic Dialogue", "High-Level Security Dialogue")
False
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from bordergraph.graph.iris import fold

# Function words and the pieces "U.S." / "EE.UU." fold into: no identity in a name.
STOP_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to",
                        "de", "del", "el", "en", "la", "las", "los", "para", "y", "e",
                        "u", "s", "us", "ee", "uu"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})  # dropped from person names with initials
_NUMERAL = re.compile(r"^(\d+[a-z]*|x{0,3}(ix|iv|v?i{0,3}))$")  # 13, 13th, 2016, IX: exact only


_POSSESSIVE = re.compile(r"['\u2019]s\b")  # "San Diego's" is San Diego


@lru_cache(maxsize=16384)
def _words(name: str, person: bool) -> tuple[str, ...]:
    words = [w for w in fold(_POSSESSIVE.sub("", name)).split() if w not in STOP_WORDS]
    if person:  # initials and Jr./Sr. do not tell people apart
        words = [w for w in words if len(w) > 1 and w not in NAME_SUFFIXES]
    return tuple(words)


def _close_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Every word of ``a`` has a counterpart in ``b`` spelled nearly alike (numerals: equal)."""
    return all(any(w == v or (not _NUMERAL.match(w) and not _NUMERAL.match(v)
                              and fuzz.ratio(w, v) >= 80) for v in b) for w in a)


@lru_cache(maxsize=65536)
def name_score(a: str, b: str, person: bool = False, ordered: bool = True) -> float:
    """How well two names match: 0.0 (no match) to 1.0 (equal after folding).

    The content words of the shorter name must lie inside the longer one in the same order,
    unless ``ordered`` is false: descriptive names such as an event's ("meeting of Ridge with
    Fox", "meeting of President Fox with Secretary Ridge") say the same in any order, while a
    post's order carries meaning ("Ambassador of Mexico to the United States").

    >>> name_score("San Ysidro", "San Ysidro Port of Entry") > 0
    True
    >>> name_score("High-Level Economic Dialogue", "High-Level Security Dialogue")
    0.0
    >>> name_score("Brian Nichols", "Brian A. Nichols", person=True)
    0.95
    >>> name_score("meeting of Ridge with Fox", "meeting of President Fox with Ridge",
    ...            ordered=False) > 0
    True
    """
    if not a or not b:
        return 0.0
    if fold(a) == fold(b):
        return 1.0
    wa, wb = _words(a, person), _words(b, person)
    if not wa or not wb:
        return 0.0
    if wa == wb:  # differ only in stop words, initials or punctuation
        return 0.95
    if person and len(wa) > 1 and len(wb) > 1 and (wa[0], wa[-1]) == (wb[0], wb[-1]):
        return 0.9  # given name and surname, middle names differ
    ratio = fuzz.ratio(" ".join(wa), " ".join(wb))
    if ratio >= 85 and _close_words(wa, wb) and _close_words(wb, wa):
        return 0.7 + 0.2 * (ratio - 85) / 15
    short, long = sorted((wa, wb), key=len)
    rest = iter(long) if ordered else long  # content words of the shorter inside the longer
    if all(w in rest for w in short) and not (person and short == long[:1]):
        return 0.5 + 0.3 * len(short) / len(long)  # a lone given name is not a person
    return 0.0


def within(part: str | None, whole: str | None) -> bool:
    """True when the content words of ``part`` lie, in order, inside ``whole``.

    >>> within("SAT", "head of the SAT"), within("Embassy of Mexico", "Chargé d'Affaires")
    (True, False)
    """
    words, rest = _words(part or "", False), iter(_words(whole or "", False))
    return bool(words) and all(w in rest for w in words)


def names_match(a: str | None, b: str | None, person: bool = False, ordered: bool = True) -> bool:
    """True when two names denote the same thing under the GOLD_SCHEMA rules.

    >>> names_match("López Obrador", "Andrés Manuel López Obrador", person=True)
    True
    >>> names_match("San Diego's Otay Mesa", "Otay Mesa, San Diego", ordered=False)
    True
    """
    return bool(a and b and name_score(a, b, person, ordered) > 0)


__all__ = ["STOP_WORDS", "name_score", "names_match", "within"]
