"""Ports of entry a release names, in any language. Two frames:

- *gazetteer*: every name or variant of a port in the reference gazetteer
  (``data/reference/ports_of_entry.csv``) that the text writes ("San Ysidro", "Mesa de Otay II",
  "World Trade Bridge"). A bare city name ("Laredo", "Nogales", "Mexicali") or a one-word name
  is a port only where a crossing noun governs it: in the list after it ("the rail bridges at
  Eagle Pass and El Paso, Texas", "cinco cruces: Nogales, Calexico y Pharr", "la garita de
  Mexicali", "the crossing between Del Rio, Texas, and Ciudad Acuña, Coahuila"), or before it
  ("the Lukeville and Sasabe ports"), or in a pair with a known port ("Douglas–Agua Prieta");
- *pattern*: a capitalised name the gazetteer lacks, made a port by its suffix or lead ("the
  Puerto Verde Global Trade Bridge", "the port of entry of X", "Puente Internacional 4/5"),
  or by an alias ("known on the Mexican side as Nogales III").

A crossing named by both sides ("San Ysidro–El Chaparral") is one port per side. Countries come
from the gazetteer, else a state qualifier ("Nogales, in Arizona"), else the pair's other side,
else the other items of the list, else the side the text states, else the publisher's country.
Words live in ``data/lexicon/LANG/ports.yaml``.

>>> [(p.name, p.country) for p in sentence_ports(
...     "Trucks will use the new lanes at the bridges at Eagle Pass and Laredo, Texas.", 0, "MX")]
[('Eagle Pass', 'US'), ('Laredo', 'US')]
>>> [(p.name, p.country) for p in sentence_ports(
...     "Se revisó el cruce Mesa de Otay II–Otay Mesa East, entre Tijuana y San Diego.", 0, "MX",
...     "es")]
[('Mesa de Otay II', 'MX'), ('Otay Mesa East', 'US')]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from . import cached_re as re
from .lexicon import alternation, load
from .port_names import Form, reference_gazetteer
from .port_names import fold as _fold
from .port_names import index as _index

_W = r"[A-ZÁÉÍÓÚÑ][\wÀ-ÿ’'.&]*"
_DASH = r"\s*[-–—]\s*"
_OTHER = {"US": "MX", "MX": "US"}


@dataclass(frozen=True)
class PortFact:
    name: str
    country: str | None
    sent: int
    key: str | None = None  # the gazetteer entry (or city) it names, when known


@cache
def _lex(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "ports")


@cache
def _name(lang: str) -> str:
    """A capitalised name, with the small words names hold ("Puerto Palomas de Villa")."""
    joins = alternation(_lex(lang).get("name_joins", []))
    return rf"{_W}(?:\s+(?:(?:{joins})\s+)?(?:{_W}|[IVX]+\b|\d+(?:/\d+)?\b))*"


def _strip_opener(name: str, lang: str) -> str:
    """ "The Modernized Mariposa Land Port of Entry" -> "Mariposa Land Port of Entry"."""
    openers = _lex(lang).get("name_openers", [])
    return re.sub(rf"^(?:(?:{alternation(openers)})\s+)+", "", name) if openers else name


def _country(name: str, default: str | None) -> str | None:
    forms, _, _ = _index()
    form = forms.get(_fold(name).strip())
    if form is not None:
        codes = {c for _, c in form.keys}
        if len(codes) == 1:
            return codes.pop()
        if default in codes:
            return default
    gaz = reference_gazetteer()
    if gaz is not None:
        codes = {gaz.country_of(h) for h in gaz.candidates("port", name)}
        if len(codes) == 1:
            return codes.pop()
        if default in codes:
            return default
    return default


@dataclass
class _Hit:
    start: int
    end: int
    form: Form
    country: str | None = None  # from a state qualifier or a pair
    governed: bool = False
    group: int = -1  # index of the list it belongs to
    partner: int = -1  # index of its paired hit


def _gazetteer_hits(text: str, lang: str) -> list[_Hit]:
    forms, states, pattern = _index()
    if pattern is None:
        return []
    folded = _fold(text)
    hits = [
        _Hit(m.start(), m.end(), forms[m.group(0)])
        for m in pattern.finditer(folded)
        if text[m.start()].isupper() or text[m.start()].isdigit()
    ]
    if not hits:
        return hits
    lex = _lex(lang)
    and_words = alternation(lex.get("and_words", []))
    preps = alternation(lex.get("state_preps", []))
    state = alternation(states)
    counter = alternation(lex.get("counterpart", []))
    qualifier = re.compile(rf"(?:,\s*(?:(?:{preps})\s+)?|\s+(?:{preps})\s+)(?P<st>{state})\b")
    paren = re.compile(r"\s*\([^()]{0,60}\)")
    sep = re.compile(
        rf"\s*(?:[-–—]?\s*(?:{counter})\s+|[,;]\s*(?:(?:{and_words})\s+)?"
        rf"|\s+(?:{and_words})\s+|(?P<dash>{_DASH}))"
    )
    # each hit's qualifier ("Nogales, in Arizona") and the link to the next hit of its list
    for i, h in enumerate(hits):
        end = h.end
        m = paren.match(text, end)
        if m:
            end = m.end()
        m = qualifier.match(folded, end)
        if m:
            h.country = states.get(m.group("st"))
            end = m.end()
        if i + 1 < len(hits):
            m = sep.match(text, end)
            if m and m.end() == hits[i + 1].start:
                nxt = hits[i + 1]
                nxt.group = h.group if h.group >= 0 else i
                h.group = h.group if h.group >= 0 else i
                if m.group("dash"):
                    h.partner, nxt.partner = i + 1, i
    # crossing nouns govern the list after them ("bridges at X and Y") or before ("X ports")
    nouns = _nouns(lang)
    conn = alternation(lex.get("connectors", []))
    starts = {h.start: i for i, h in enumerate(hits)}
    for m in re.finditer(
        rf"{nouns}(?:\s+[a-zà-ÿ]+){{0,2}}?(?:\s*(?:{conn})(?![\w]))?\s*(?=[A-ZÁÉÍÓÚÑ0-9])", text
    ):
        i = starts.get(m.end())
        if i is not None:
            _govern(hits, i)
    ends = {h.end: i for i, h in enumerate(hits)}
    for m in re.finditer(rf"(?P<gap>\)?\s+){nouns}", text):
        i = ends.get(m.start()) if not m.group("gap").startswith(")") else None
        if i is None and m.group("gap").startswith(")"):
            close = text.rfind("(", 0, m.start())
            i = ends.get(len(text[:close].rstrip())) if close > 0 else None
        if i is not None:
            _govern(hits, i)
    for h in hits:  # a pair with a named port ("Douglas–Agua Prieta Port") is a crossing
        if h.partner >= 0 and not hits[h.partner].form.weak:
            h.governed = True
    return hits


def _nouns(lang: str) -> str:
    """The crossing nouns, not after a word that makes them no border crossing ("railroad
    crossings in Brownsville")."""
    lex = _lex(lang)
    nouns = alternation(lex.get("crossing_nouns", []))
    skip = "".join(rf"(?<!{re.escape(w)}\s)" for w in lex.get("not_border", []))
    return rf"{skip}\b(?:{nouns})\b"


def _govern(hits: list[_Hit], i: int) -> None:
    group = hits[i].group
    for h in hits:
        if h is hits[i] or (group >= 0 and h.group == group):
            h.governed = True


def _hit_country(hits: list[_Hit], i: int, home: str | None, side: str | None) -> str | None:
    h = hits[i]
    codes = [c for _, c in h.form.keys]
    if len(set(codes)) == 1:
        return codes[0]
    if h.country in codes:
        return h.country
    if h.partner >= 0:
        other = {c for _, c in hits[h.partner].form.keys}
        if hits[h.partner].country:
            other = {hits[h.partner].country}
        if len(other) == 1:
            return _OTHER.get(other.pop())
    if h.group >= 0:
        known = Counter(
            c
            for j, g in enumerate(hits)
            if g.group == h.group and j != i and g.partner < 0
            for c in ({g.country} if g.country else {c for _, c in g.form.keys})
            if len({c for _, c in g.form.keys}) == 1 or g.country
        )
        if known:
            return known.most_common(1)[0][0]
    return side or home


def sentence_ports(text: str, s: int, home: str | None, lang: str = "en") -> list[PortFact]:
    """Ports named in one sentence; ``home`` is the publisher's country."""
    lex = _lex(lang)
    other = _OTHER.get(home or "")
    out: list[PortFact] = []
    taken: list[tuple[int, int]] = []
    hits = _gazetteer_hits(text, lang)

    def add(name: str, country: str | None, span: tuple[int, int], key: str | None = None) -> None:
        name = name.strip(" ,.")
        if key is None:  # a name read by a pattern names the known port it holds
            inner = [
                k
                for h in hits
                if span[0] <= h.start < span[1] and (not h.form.weak or h.end >= span[1] - 1)
                for k, c in h.form.keys
                if c == country
            ]
            key = inner[0] if inner else None
        if name and not any(a <= span[0] < b or span[0] <= a < span[1] for a, b in taken):
            out.append(PortFact(name, country, s, key))
            taken.append(span)

    side_m = re.search(lex.get("alias", "$^"), text)
    side = lex.get("sides", {}).get(side_m.group("side")) if side_m else None
    # names the patterns read in full go first ("Puente Internacional III "Comercio Mundial"")
    _patterns(text, lang, home, other, add, hits)
    for i, h in enumerate(hits):
        if (h.form.weak and not h.governed) or re.match(r"\s+(?:[IVX]+|\d+)\b", text[h.end :]):
            continue  # "Douglas II" is not Douglas
        country = _hit_country(hits, i, home, None)
        keys = [k for k, c in h.form.keys if c == country] or [h.form.keys[0][0]]
        add(text[h.start : h.end], country, (h.start, h.end), keys[0])
    # "known on the Mexican side as X": X is the other side's port
    if side_m:
        m = re.match(_name(lang), text[side_m.end() :])
        if m:
            at = side_m.end()
            add(m.group(0), side, (at, at + m.end()))
    return out


def _patterns(text: str, lang: str, home, other, add, hits) -> None:  # type: ignore[no-untyped-def]
    """Ports the gazetteer does not know, by the words around their names."""
    lex = _lex(lang)
    name_re = _name(lang)
    conn = alternation(lex.get("name_connectors", [])) or "(?!)"
    suffixes = lex.get("name_suffixes", [])
    if suffixes:
        short = rf"{_W}(?:\s+(?:{_W}|[IVX]+\b)){{0,3}}"  # "West Rail Bypass", not a headline
        for m in re.finditer(
            rf"(?:(?P<a>{short}){_DASH})?(?P<n>(?P<b>{short})\s+(?:{alternation(suffixes)}))\b",
            text,
        ):
            name = _strip_opener(m.group("n"), lang)
            if m.group("a"):  # "the Del Rio-Acuña International Bridge": one port per side
                a, b = _strip_opener(m.group("a"), lang), m.group("b")
                ca, cb = _country(a, None), _country(b, None)
                if ca is None and cb is None:
                    ca, cb = home, other
                add(a, ca or _OTHER.get(cb or "", home), m.span("a"))
                add(b, cb or _OTHER.get(ca or "", other), m.span("b"))
            else:
                add(name, _country(name, home), m.span("n"))
    leads = lex.get("name_leads", [])
    if leads:
        for m in re.finditer(
            rf"\b(?P<lead>{alternation(leads)})\s+(?:(?:{conn})\s+)?(?P<a>{name_re}|\d+(?:/\d+)?)"
            rf"(?:{_DASH}(?P<b>{name_re})|\s+[\"“](?P<q>{name_re})[\"”])?",
            text,
        ):
            a, b = m.group("a"), m.group("b")
            if any(h.start == m.start() and not h.form.weak for h in hits):
                continue  # "Garita de Otay" is a known name, lead included
            if b:
                ca, cb = _country(a, None), _country(b, None)
                if ca is None and cb is None:
                    ca, cb = home, other
                add(a, ca or _OTHER.get(cb or "", home), m.span("a"))
                add(b, cb or _OTHER.get(ca or "", other), m.span("b"))
            else:
                # the lead is part of a name that is only a number ("Puente Internacional 4/5")
                numbered = re.fullmatch(r"[IVX]+|\d+(?:/\d+)?", a.split()[0])
                name = f"{m.group('lead')} {a}" if numbered else a
                if m.group("q"):
                    name = f"{name} {m.group('q')}"
                add(name, _country(name, _country(a, home)), m.span())
    if lex.get("noun_then_name"):
        for m in re.finditer(
            rf"{_nouns(lang)}\s+(?:(?:{conn})\s+)?(?P<a>{name_re})(?:{_DASH}(?P<b>{name_re}))?",
            text,
        ):
            a, b = m.group("a"), m.group("b")
            ca = _country(a, None) or _inner_country(hits, m.span("a"), home)
            if b:
                cb = _country(b, None) or _inner_country(hits, m.span("b"), home)
                if ca is None and cb is None:
                    ca, cb = home, other
                add(a, ca or _OTHER.get(cb or "", home), m.span("a"))
                add(b, cb or _OTHER.get(ca or "", other), m.span("b"))
            elif any(m.start("a") <= h.start < m.end("a") for h in hits):
                add(a, ca or home, m.span("a"))  # a name that holds a known place


def _inner_country(hits: list[_Hit], span: tuple[int, int], home: str | None) -> str | None:
    """The country of the ports or cities a name holds ("Morley Gate de Nogales, en Arizona"
    has none of its own)."""
    codes = {
        _hit_country(hits, i, None, None)
        for i, h in enumerate(hits)
        if span[0] <= h.start < span[1]
    }
    codes.discard(None)
    return codes.pop() if len(codes) == 1 else None


def merge(ports: list[PortFact]) -> list[PortFact]:
    """One port per gazetteer entry (its fullest name), else per name and country; "Mariposa"
    and "Mariposa Land Port of Entry" are one."""
    out: list[PortFact] = []
    for p in ports:
        same = [
            k
            for k, q in enumerate(out)
            if q.country == p.country
            and ((p.key and q.key == p.key) or _key(q.name) == _key(p.name))
        ]
        if same:
            continue
        out.append(p)
    return out


def _key(name: str) -> str:
    return re.sub(r"\s+(?:land\s+)?port\s+of\s+entry$", "", name.lower()).strip()
