"""Standing series (dialogues, summits, committees) named in a release, and what the release
says about them: when established, how many administrations they span.

>>> hits = find_series("the second U.S.-Mexico High-Level Security Dialogue (HLSD) at", "en", {})
>>> [(h.written, h.key, h.acronym) for h in hits]
[('U.S.-Mexico High-Level Security Dialogue', 'High-Level Security Dialogue', 'HLSD')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .lexicon import alternation, load


@dataclass(frozen=True)
class SeriesHit:
    """A series named in a sentence (offsets relative to the sentence)."""

    start: int
    end: int  # after the acronym in parentheses, when one follows
    written: str  # as the release writes it, with a "U.S.-Mexico" prefix if any
    key: str  # canonical name from the lexicon
    kind: str  # dialogue, summit, committee, process
    acronym: str | None = None
    generic: bool = False  # "the Dialogue": a back-reference to the last series of its kind


@cache
def _entries(lang: str) -> dict[str, dict]:  # type: ignore[type-arg]
    return {e["name"]: e for e in load(lang, "events").get("series", [])}


def _forms(lang: str) -> list[str]:
    return [f for e in _entries(lang).values() for f in e.get("names", [e["name"]])]


@cache
def _any_form(lang: str) -> re.Pattern[str]:
    """Any series name as written: every match of :func:`_pattern` holds one, and testing for
    one is much faster than trying the optional prefix at every position."""
    return re.compile(alternation(_forms(lang)))


@cache
def _lexicon_acronyms(lang: str) -> dict[str, str]:
    """Acronym -> series key for the lexicon's series, the first series winning a shared one."""
    out: dict[str, str] = {}
    for key, entry in _entries(lang).items():
        if entry.get("acronym"):
            out.setdefault(entry["acronym"], key)
    return out


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    lex = load(lang, "events")
    forms = _forms(lang)
    prefix = alternation(lex.get("series_prefixes", []))
    return re.compile(
        rf"(?P<prefix>{prefix}\s+)?(?P<name>{alternation(forms)})(?![\w-])"
        rf"(?:\s+\((?P<acr>[A-Z][A-Za-z]{{1,8}})\))?"
    )


@lru_cache(maxsize=4096)
def canonical(form: str, lang: str) -> str | None:
    """The lexicon name of a written series form."""
    for key, entry in _entries(lang).items():
        if form in entry.get("names", [key]) or form == key:
            return key
    return None


def kind_of(key: str, lang: str) -> str:
    entry = _entries(lang).get(key)
    if entry:
        return str(entry.get("kind", "committee"))
    heads = load(lang, "events").get("body_heads", {})
    words = key.split()
    for w in words[-1:] + words[:1] + words:  # English heads last, Spanish first, else a tail
        if w in heads:
            return str(heads[w])
    return "committee"


@cache
def _body_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """An unknown body: a capitalised run headed by a body noun (``body_heads``: last word in
    English, first in Spanish, after ``body_head_position``), with its "(ACR)"; and the left and
    right contexts that make it a standing series ("the second session of the ...", "... met")."""
    lex = load(lang, "events")
    heads = lex.get("body_heads")
    if not heads:
        return None
    cap = r"[A-ZÁÉÍÓÚÑ][\w’'.–-]*"
    join = alternation(lex.get("body_joiners", []))
    head = alternation(list(heads))
    prefix = alternation(lex.get("series_prefixes", []))
    acr = r"(?:\s+\((?P<acr>[A-Z][A-Za-z]{1,8})\))?"
    if lex.get("body_head_position") == "first":
        body = rf"(?P<name>{head}(?:(?:\s+{join})?\s+{cap}){{1,8}})"
    else:
        # a date after the head is not part of the name ("the ... Council on June 7")
        dates = load(lang, "dates")
        when = [w.capitalize() for w in [*dates.get("months", {}), *dates.get("weekdays", {})]]
        tcap = rf"(?!{alternation(when)}\b){cap}"
        tail = rf"(?:\s+{join}\s+{tcap}(?:\s+(?:and|&)\s+{tcap}|\s+{tcap}){{0,4}})?"
        # a run never starts with a sentence's article ("The Regional Water Group met")
        arts = alternation(lex.get("body_not_first", []))
        body = rf"(?P<name>(?!(?:{arts})\s)(?:{cap}\s+){{1,5}}?{head}{tail})"
    run = re.compile(rf"(?<![\w-])(?:(?P<prefix>{prefix})\s+)?{body}(?![\w-]){acr}")
    # "the second session of the ...", and a rank right before the name ("the Second U.S.-Mexico
    # Strategic Dialogue on ...")
    ranks = alternation(list(load(lang, "numbers").get("ordinals", {})))
    before = re.compile(
        rf"(?:(?:{alternation(lex.get('body_intro', []), escape=False)})|\b(?:{ranks})|"
        rf"\b\d+(?:st|nd|rd|th|a|o|ª|º)|(?<![\w-])(?-i:[IVX]{{2,5}}))\s+$",
        re.I,
    )
    # "... met", "... sesionó", and announced sessions ("..., of which Canada is a member, will
    # meet in February")
    verbs = lex.get("body_after", []) + lex.get("future_after", [])
    after = re.compile(rf"^(?:,[^,;.]{{1,80}},)?\s*(?:{alternation(verbs, escape=False)})", re.I)
    return run, before, after


def session_context(left: str, right: str, lang: str) -> bool:
    """Whether the words around a series name tell a session of it ("the second session of",
    "sesionó ayer el", "... met", "... quedó instalado")."""
    pats = _body_patterns(lang)
    return bool(pats and (pats[1].search(left[-160:]) or pats[2].search(right)))


def _bodies(text: str, lang: str, hits: list[SeriesHit], acronyms: dict[str, str]) -> None:
    """Unknown bodies told as holding sessions become series of their own: their bare name and
    acronym are added to ``acronyms``, so later mentions ("the Group", "the SIG") find them."""
    pats = _body_patterns(lang)
    if pats is None:
        return
    run, before, after = pats
    ranks = {w.lower() for w in load(lang, "numbers").get("ordinals", {})}
    prefixes = alternation(load(lang, "events").get("series_prefixes", []))
    for m in run.finditer(text):
        if any(h.start < m.end() and m.start() < h.end for h in hits):
            continue
        name, prefix, start = re.sub(r"[.,]$", "", m.group("name")), m.group("prefix"), m.start()
        first, _, rest = name.partition(" ")
        if rest and (
            first.lower() in ranks or re.fullmatch(r"[IVX]{2,5}|\d+(?:st|nd|rd|th)", first)
        ):
            # "the Second U.S.-Mexico Strategic Dialogue on ...": the rank is the session's
            start = m.start("name") + len(first) + 1
            name = rest
            lead = re.match(rf"(?:{prefixes})\s+", name)
            if lead and not prefix:
                prefix, name = lead.group(0).strip(), name[lead.end() :]
        if not (before.search(text[:start]) or after.search(text[m.end() :])):
            continue
        if len(name.split()) < 2:
            continue
        written = f"{prefix} {name}" if prefix else name
        acronyms.setdefault(name, name)
        if m.group("acr"):
            acronyms[m.group("acr")] = name
        end = m.end() if m.group("acr") else text.index(name, start) + len(name)
        hits.append(SeriesHit(start, end, written, name, kind_of(name, lang), m.group("acr")))


def parent_of(key: str, lang: str) -> str | None:
    return _entries(lang).get(key, {}).get("part_of")


def find_series(text: str, lang: str, acronyms: dict[str, str]) -> list[SeriesHit]:
    """Series named in ``text`` by name, by an acronym (defined in ``acronyms`` or in the
    lexicon) or generically ("the Dialogue"). New "(ACR)" definitions are added to ``acronyms``.
    """
    hits: list[SeriesHit] = []
    for m in _pattern(lang).finditer(text) if _any_form(lang).search(text) else ():
        key = canonical(m.group("name"), lang) or m.group("name")
        written = (m.group("prefix") or "") + m.group("name")
        acr = m.group("acr")
        if acr:
            acronyms[acr] = key
        hits.append(SeriesHit(m.start(), m.end(), written.strip(), key, kind_of(key, lang), acr))
    _bodies(text, lang, hits, acronyms)
    known = dict(acronyms)
    for acronym, key in _lexicon_acronyms(lang).items():
        known.setdefault(acronym, key)
    if known:
        pattern = rf"(?<![\w(-]){alternation(list(known))}(?![\w)-])"
        for m in re.finditer(pattern, text):
            acr, key = m.group(0), known[m.group(0)]
            if not any(h.start <= m.start() < h.end for h in hits):
                hits.append(SeriesHit(m.start(), m.end(), acr, key, kind_of(key, lang), acr))
    _generic(text, lang, hits)
    return sorted(hits, key=lambda h: h.start)


@cache
def _generic_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A generic head ("Group"; in lower case only when ``generic_lower_before`` follows it:
    "the group's first meeting"), the words that must end the text before it ("the ", "la "),
    and those that must not follow it ("la Comisión Nacional ...": a proper name)."""
    lex = load(lang, "events")
    heads = alternation(lex.get("generic_heads", {}))
    lower = lex.get("generic_lower_before") or "(?!)"
    return (
        re.compile(rf"(?<![\wÀ-ÿ])(?:{heads}(?![\wÀ-ÿ])|(?i:{heads})(?={lower}))"),
        re.compile(rf"(?:{lex.get('generic_after', '')})$"),
        re.compile(lex.get("generic_not_before") or "(?!)"),
    )


def _generic(text: str, lang: str, hits: list[SeriesHit]) -> None:
    """Generic back-references ("the Group", "la Cumbre") outside the named ``hits``."""
    generic = load(lang, "events").get("generic_heads", {})
    if not generic:
        return
    head, after, not_before = _generic_patterns(lang)
    for m in head.finditer(text):
        if (
            after.search(text, 0, m.start())
            and not not_before.match(text, m.end())
            and not any(h.start <= m.start() < h.end for h in hits)
        ):
            kind = generic.get(m.group(0)) or generic[m.group(0).capitalize()]
            hits.append(SeriesHit(m.start(), m.end(), m.group(0), "", kind, generic=True))


def series_hits(
    text: str, lang: str, acronyms: dict[str, str], last: dict[str, SeriesHit]
) -> list[SeriesHit]:
    """:func:`find_series`, with each generic hit taking the last series of its kind named so
    far (``last``, kind -> hit, carried from sentence to sentence).

    >>> last = {}
    >>> [h.key for h in series_hits("la X Cumbre de Líderes de América del Norte (CLAN)", "es",
    ...     {}, last)]
    ["North American Leaders' Summit"]
    >>> [(h.written, h.generic) for h in series_hits("en la IX Cumbre, celebrada", "es", {}, last)]
    [('Cumbre de Líderes de América del Norte', True)]
    """
    out = []
    for h in find_series(text, lang, acronyms):
        if not h.generic:
            prev = last.get(h.kind)
            if prev is None or prev.key != h.key or len(h.written) > len(prev.written):
                last[h.kind] = h
        elif h.kind in last:
            prev = last[h.kind]
            h = SeriesHit(h.start, h.end, prev.written, prev.key, h.kind, generic=True)
        out.append(h)
    return out


@lru_cache(maxsize=4096)
def established_year(text: str, lang: str) -> str | None:
    """ "since its launch in 2010" -> "2010"."""
    # cached: asked of every sentence for every series a release names
    for pattern in load(lang, "events").get("established", []):
        m = re.search(pattern, text, re.I)
        if m:
            return m.group("year")
    return None


def administrations(text: str, lang: str) -> dict[str, int] | None:
    """ "spanning three Mexican and three U.S. presidential administrations" -> {"US": 3, "MX": 3}.

    >>> administrations("spanning three Mexican and three U.S. presidential administrations", "en")
    {'MX': 3, 'US': 3}
    """
    from .text import country_of

    pattern = load(lang, "events").get("administrations")
    m = re.search(pattern, text) if pattern else None
    if not m:
        return None
    numbers = load(lang, "numbers").get("cardinals", {})
    out = {}
    for n, c in (("n1", "c1"), ("n2", "c2")):
        value = numbers.get(m.group(n).lower()) or (
            int(m.group(n)) if m.group(n).isdigit() else None
        )
        code = country_of(m.group(c), lang)
        if value and code:
            out[code] = value
    return out or None
