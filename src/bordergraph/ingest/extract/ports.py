"""Ports of entry a release names. Patterns: "the Mariposa Land Port of Entry", "the port of
entry of San Ysidro", "the San Ysidro (San Diego–Tijuana) and San Luis (Arizona–Sonora) ports of
entry", "known on the Mexican side as the Nogales III crossing"; a paired name
("Tornillo-Guadalupe Port of Entry") is one port per side. Countries come from the reference
gazetteer (``data/reference/ports_of_entry.csv``) when it knows the name, else from the side the
text states, else pairs are read publisher's side first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import alternation, load
from .text import country_of

_W = r"[A-Z][\w’'.]*"
_NAME = rf"{_W}(?:\s+(?:de\s+|del\s+)?(?:{_W}|[IVX]+))*"
_POE = r"(?:Land\s+)?Ports?\s+of\s+Entry|(?:land\s+)?ports?\s+of\s+entry"
_ANY_PORT = re.compile(r"[Pp]orts?\s+of\s+[Ee]ntry")  # in every match of the patterns but one


@dataclass(frozen=True)
class PortFact:
    name: str
    country: str | None
    sent: int


@cache
def reference_gazetteer():  # type: ignore[no-untyped-def]
    """The reference gazetteer, or None when the reference data cannot be read."""
    try:
        from ...graph.gazetteer import load_gazetteer

        return load_gazetteer()
    except Exception:  # reference data absent or invalid: patterns alone still work
        return None


def _country(name: str, default: str | None) -> str | None:
    gaz = reference_gazetteer()
    if gaz is not None:
        hits = gaz.candidates("port", name)
        codes = {gaz.country_of(h) for h in hits}
        if len(codes) == 1:
            return codes.pop()
        if default in codes:
            return default
    return default


def sentence_ports(text: str, s: int, home: str | None, lang: str = "en") -> list[PortFact]:
    """Ports named in one sentence; ``home`` is the publisher's country."""
    other = {"US": "MX", "MX": "US"}.get(home or "")
    out: list[PortFact] = []
    taken: list[tuple[int, int]] = []

    def add(name: str, country: str | None, span: tuple[int, int]) -> None:
        name = name.strip()
        if name and not any(a <= span[0] < b for a, b in taken):
            out.append(PortFact(name, country, s))

    if _ANY_PORT.search(text):  # all but the last pattern need it; most sentences lack it
        for m in re.finditer(rf"(?P<a>{_NAME})\s*[-–]\s*(?P<b>{_NAME})\s+(?:{_POE})", text):
            a, b = m.group("a"), m.group("b")
            ca, cb = _country(a, None), _country(b, None)
            if ca is None and cb is None:
                ca, cb = home, other
            add(a, ca or ({"US": "MX", "MX": "US"}.get(cb or "") if cb else home), m.span())
            add(b, cb or ({"US": "MX", "MX": "US"}.get(ca or "") if ca else other), m.span())
            taken.append(m.span())
        for m in re.finditer(rf"(?P<n>{_NAME}\s+Land\s+Port\s+of\s+Entry)", text):
            name = re.sub(r"^(?:The|Modernized|New)\s+", "", m.group("n"))
            add(name, _country(name, home), m.span())
            taken.append(m.span())
        for m in re.finditer(rf"(?P<n>{_NAME})\s+Port\s+of\s+Entry\b", text):
            name = re.sub(r"^(?:The|Modernized|New)\s+", "", m.group("n"))
            if not any(a <= m.start() < b for a, b in taken):
                add(name, _country(name, home), m.span())
                taken.append(m.span())
        for m in re.finditer(rf"\bports?\s+of\s+entry\s+(?:of|at|in)\s+(?P<n>{_NAME})", text):
            add(m.group("n"), _country(m.group("n"), home), m.span("n"))
            taken.append(m.span("n"))
        for m in re.finditer(
            rf"(?P<list>(?:{_NAME}(?:\s+\([^)]*\))?(?:,\s+|\s+and\s+)?)+)\s+ports\s+of\s+entry",
            text,
        ):
            for part in re.finditer(rf"(?P<n>{_NAME})(?:\s+\([^)]*\))?", m.group("list")):
                name = re.sub(r"^(?:The|the)\s+", "", part.group("n"))
                if name and not name.startswith(("The ", "Land")):
                    at = (m.start() + part.start(), m.start() + part.end())
                    add(name, _country(name, home), at)
    places = load(lang, "places")
    side = re.search(places.get("side_phrase", "$^"), text)
    crossing = alternation(places.get("crossing_nouns", ["crossing"]))
    for m in re.finditer(rf"\bthe (?P<n>{_NAME}) {crossing}\b", text):
        country = country_of(side.group("side"), lang) if side else _country(m.group("n"), home)
        add(m.group("n"), country, m.span("n"))
    return out


def merge(ports: list[PortFact]) -> list[PortFact]:
    """One port per name and country; "Mariposa" and "Mariposa Land Port of Entry" are one."""
    out: list[PortFact] = []
    for p in ports:
        key = _key(p.name)
        if any(_key(q.name) == key and q.country == p.country for q in out):
            continue
        out.append(p)
    return out


def _key(name: str) -> str:
    return re.sub(r"\s+(?:land\s+)?port\s+of\s+entry$", "", name.lower()).strip()
