"""Ordinals of sessions in any language: "13th", "13a", "32.ª", "XXII", "second", "inaugural",
"Twenty-First", "vigésima segunda" (words from ``data/lexicon/LANG/numbers.yaml``)."""

from __future__ import annotations

import re

from .lexicon import load

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(word: str) -> int | None:
    """ "XXII" -> 22; None for anything that is not an upper-case Roman numeral."""
    if not re.fullmatch(r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})", word):
        return None
    total = 0
    for a, b in zip(word, word[1:] + " ", strict=True):
        total += -_ROMAN[a] if b != " " and _ROMAN[a] < _ROMAN[b] else _ROMAN[a]
    return total or None


def ordinal(words: str, lang: str) -> int | None:
    """The first ordinal in ``words``: "13th", "13a", "32.ª", "XXII", "second", "inaugural",
    and compounds ("Twenty-First", "vigésima segunda") summed from the lexicon's words."""
    nums = load(lang, "numbers")
    ords = {k.lower(): int(v) for k, v in nums.get("ordinals", {}).items()}
    tens = {k.lower(): int(v) for k, v in nums.get("ordinal_tens", {}).items()}
    toks = re.findall(r"\d+\.?\s?(?:st|nd|rd|th|a|o|ª|º|er|era)?(?![\w])|[^\W\d_]+", words)
    for i, w in enumerate(toks):
        m = re.fullmatch(r"(\d+)\.?\s?(?:st|nd|rd|th|a|o|ª|º|er|era)", w)
        if m:
            return int(m.group(1))
        value = roman(w) if len(w) > 1 or w in ("I", "V", "X") else None
        if value and (len(w) > 1 or not i):
            return value
        low = w.lower()
        if low in tens or (low in ords and ords[low] % 10 == 0 and ords[low] >= 20):
            base = tens.get(low) or ords[low]
            nxt = toks[i + 1].lower() if i + 1 < len(toks) else ""
            return base + ords[nxt] if 0 < ords.get(nxt, 0) < 10 else (ords.get(low) or None)
        if low in ords:
            return ords[low]
    return None
