"""The gazetteer's ports as the port frame reads them: every name, variant and city folded
(lower case, no accents, positions kept) into one scanner, each marked *weak* when only a
crossing noun makes it a port (a city, a one-word name, a name without its port suffix).

>>> forms, states, scanner = index()
>>> forms["san ysidro"].weak, states.get("arizona")
(False, 'US')
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from . import cached_re as re
from .lexicon import alternation


@cache
def reference_gazetteer():  # type: ignore[no-untyped-def]
    """The reference gazetteer, or None when the reference data cannot be read."""
    try:
        from ...graph.gazetteer import load_gazetteer

        return load_gazetteer()
    except Exception:  # reference data absent or invalid: patterns alone still work
        return None


@cache
def _fold_table() -> dict[int, str]:
    """Latin letters and dashes -> lower case without accents, one character each."""
    table = {}
    for code in range(0x250):
        d = unicodedata.normalize("NFKD", chr(code))
        table[code] = (d[0] if d else chr(code)).lower()[:1] or chr(code)
    table.update({ord("–"): "-", ord("—"): "-"})
    return table


def fold(text: str) -> str:
    """Lower case without accents, one character per character (positions kept)."""
    return text.translate(_fold_table())


@dataclass(frozen=True)
class Form:
    keys: tuple[tuple[str, str | None], ...]  # (entry id or "city:NAME", country)
    weak: bool  # a city name or a one-word name: needs a crossing noun to be a port


@cache
def index() -> tuple[dict[str, Form], dict[str, str], re.Pattern[str] | None]:
    """Folded port names, variants and cities -> Form; folded states -> country; the scanner."""
    gaz = reference_gazetteer()
    if gaz is None:
        return {}, {}, None
    ports = [e for e in gaz.entries if e.kind == "port"]
    cities: dict[str, set[str | None]] = {}
    states: dict[str, str] = {}
    for e in ports:
        cities.setdefault(fold(e.fields.get("city", "")), set()).add(e.country)
        if e.fields.get("state") and e.country:
            states[fold(e.fields["state"])] = e.country
    plain = {fold(f) for e in ports for f in e.forms() if "-" not in f} | set(cities)
    # a name without the port suffix of the gazetteer's lookup rules ("Raul H. Castro Port of
    # Entry" -> "Raul H. Castro") is a port only where a crossing noun governs it
    suffixes = alternation(list(gaz._rules.kinds.get("port", ((), ()))[1]))
    shorts: set[str] = set()
    names: dict[str, set[tuple[str, str | None]]] = {}
    for e in ports:
        for form in e.forms():
            f = fold(form)
            if "-" in f and _paired(f, plain):
                continue  # a paired name: each side is read on its own
            names.setdefault(f, set()).add((e.id, e.country))
            short = re.sub(rf"\s+(?:{suffixes})$", "", f)
            if short != f and short not in plain:
                names.setdefault(short, set()).add((e.id, e.country))
                shorts.add(short)
    forms: dict[str, Form] = {}
    for f, keys in names.items():
        weak = f in cities or f in states or f in shorts or len(f.split()) == 1
        forms[f] = Form(tuple(sorted(keys, key=str)), weak)
    for c, countries in cities.items():
        if c and c not in forms:
            forms[c] = Form(tuple((f"city:{c}", k) for k in sorted(countries, key=str)), True)
    pattern = re.compile(rf"(?<!\w){alternation(forms)}(?!\w)")
    return forms, states, pattern


def _paired(folded: str, plain: set[str]) -> bool:
    """A paired name ("tornillo-guadalupe port of entry") whose first side, or the start of
    its second, is a name or city of its own."""
    first, _, second = folded.partition("-")
    words = second.split()
    return first.strip() in plain or any(
        " ".join(words[:k]) in plain for k in range(1, len(words) + 1)
    )
