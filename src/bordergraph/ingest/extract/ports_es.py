"""Ports of entry in Spanish: "el cruce internacional Mesa de Otay II–Otay Mesa East", "la
Garita de El Chaparral", "el puerto fronterizo de San Luis", "el Puente Internacional Anzaldúas".
A paired name is one port per side: the gazetteer's country when it knows the name, else the
publisher's side first.

>>> [(p.name, p.country) for p in sentence_ports_es("la apertura del cruce internacional "
...     "Mesa de Otay II–Otay Mesa East, entre Tijuana y San Diego", 0, "MX")]
[('Mesa de Otay II', 'MX'), ('Otay Mesa East', 'US')]
"""

from __future__ import annotations

import re

from .ports import PortFact, _country

_W = r"[A-ZÁÉÍÓÚÑ][\wÀ-ÿ’'.]*"
_NAME = rf"{_W}(?:\s+(?:de\s+|del\s+)?(?:{_W}|[IVX]+\b))*"
_LEAD = (
    r"(?:[Cc]ruces?\s+(?:[Ii]nternacional(?:es)?|[Ff]ronterizos?)|[Pp]uertos?\s+(?:[Ff]ronterizos?|"
    r"[Ff]ronterizo\s+de\s+entrada|de\s+entrada)|[Gg]aritas?|[Pp]uentes?\s+[Ii]nternacional(?:es)?)"
)


def _trim(name: str) -> str:
    return name[:-1] if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name) else name


def sentence_ports_es(text: str, s: int, home: str | None) -> list[PortFact]:
    """Ports named in one sentence; ``home`` is the publisher's country."""
    other = {"US": "MX", "MX": "US"}.get(home or "")
    out = []
    for m in re.finditer(rf"{_LEAD}\s+(?:de\s+)?(?P<a>{_NAME})(?:\s*[–-]\s*(?P<b>{_NAME}))?", text):
        a, b = _trim(m.group("a")), _trim(m.group("b")) if m.group("b") else None
        if not b and re.match(r"[Gg]arita", m.group(0)):
            a = "Garita " + m.group(0).split(None, 1)[1].rstrip(".")  # "Garita de El Chaparral"
        if b:
            ca, cb = _country(a, None), _country(b, None)
            if ca is None and cb is None:
                ca, cb = home, other
            out.append(PortFact(a, ca or {"US": "MX", "MX": "US"}.get(cb or "", home), s))
            out.append(PortFact(b, cb or {"US": "MX", "MX": "US"}.get(ca or "", other), s))
        else:
            out.append(PortFact(a, _country(a, home), s))
    return out
