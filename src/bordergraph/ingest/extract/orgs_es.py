"""Organizations named in a Spanish release: every name, variant and acronym of the reference
gazetteer's agencies, "Secretaría de X" / "Agencia ... (ACR)" patterns, the compressed list
"las secretarías de la Defensa Nacional; de Gobernación, y de Economía" (one ministry each),
and the publisher when a header line names it. Fills the same
:class:`~bordergraph.ingest.extract.orgs.OrgTable` as English.

>>> from .sentences import Sentence
>>> s = Sentence("Incluyó a personal de las secretarías de Gobernación y de Economía, así como "
...              "de la Agencia Nacional de Aduanas de México (ANAM).", 0, 120, 0)
>>> [o.name for o in org_table_es([s], None, "MX").orgs]  # doctest: +NORMALIZE_WHITESPACE
['Agencia Nacional de Aduanas de México (ANAM)', 'Secretaría de Gobernación',
 'Secretaría de Economía']
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ...graph.iris import fold
from ...records import Organization
from .lexicon import alternation as alt
from .lexicon import load
from .orgs import OrgTable, compressed, named_publisher
from .sentences import Sentence
from .text import country_of

_CAP = r"[A-ZÁÉÍÓÚÑ][\wÀ-ÿ’'.-]*"
_CONN = (
    r"(?:\s+(?:de\s+la|de\s+las|de\s+los|del|de|y|e|en|entre|para|sobre|contra)\s+"
    r"|,\s+(?=[A-ZÁÉÍÓÚ][\wÀ-ÿ]+\s+y\s)|\s+)"
)
_ACR = r"(?:\s+\((?P<acr>[A-Z][A-Za-z.&]{1,9})\))?"


@cache
def _gazetteer_forms() -> list[tuple[str, str, str | None, bool]]:
    """(form, key, country, is_acronym) for the gazetteer's organizations."""
    try:
        from ...graph.gazetteer import load_gazetteer

        gaz = load_gazetteer()
    except Exception:  # reference data absent: the patterns still work
        return []
    skip = set(load("es", "organizations").get("skip_classes", []))
    out = []
    for e in gaz.entries:
        if e.kind != "organization" or e.cls in skip:
            continue
        for form in [*e.names.values(), *e.variants]:
            if len(form.split()) > 1:  # "Economía" alone is a post's complement, not a body
                out.append((form, e.id, e.country, False))
        for acr in e.acronyms:
            if len(acr) >= 3 and acr.isupper():
                out.append((acr, e.id, e.country, True))
    return out


@lru_cache(maxsize=16384)
def gazetteer_key(phrase: str) -> tuple[str, str | None] | None:
    """(gazetteer id, country) of an organization name, variant or acronym: the first form of
    the gazetteer that matches, acronyms as written, names and variants folded."""
    acronyms, names = _form_index()
    bare = re.sub(r"\s*\([^)]*\)$", "", phrase.strip())
    hits = [hit for hit in (acronyms.get(phrase), names.get(fold(bare))) if hit is not None]
    return min(hits)[1] if hits else None


FormIndex = dict[str, tuple[int, tuple[str, str | None]]]


@cache
def _form_index() -> tuple[FormIndex, FormIndex]:
    """The gazetteer forms keyed for :func:`gazetteer_key`: acronyms as written and folded
    names, each to (position in the form list, (id, country)) of its first occurrence, so a
    lookup finds what scanning the list in order would."""
    acronyms: FormIndex = {}
    names: FormIndex = {}
    for i, (form, key, country, acr) in enumerate(_gazetteer_forms()):
        table, text = (acronyms, form) if acr else (names, fold(form))
        table.setdefault(text, (i, (key, country)))
    return acronyms, names


@cache
def _patterns() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """(pattern, words every match contains): gazetteer names, then "Secretaría de ...".

    The second item is a quick test: a pattern opening with a lookbehind is tried at every
    position, but only a sentence holding one of its words can match it.
    """
    lex = load("es", "organizations")
    forms = [f for f, _, _, _ in _gazetteer_forms()]
    heads = alt(list(lex.get("heads_before", {})))
    pats = []
    if forms:
        pats.append((
            re.compile(rf"(?<![\wÀ-ÿ])(?P<name>{alt(forms)})(?![\wÀ-ÿ-]){_ACR}"),
            re.compile(alt(forms)),
        ))
    pats.append((
        re.compile(
            rf"(?<![\wÀ-ÿ])(?P<name>{heads}(?:\s+{_CAP})*(?:\s+(?:de\s+la|de\s+las|"
            rf"de\s+los|del|de|para|sobre)\s+{_CAP}(?:{_CONN}{_CAP})*)?){_ACR}"
        ),
        re.compile(heads),
    ))
    return pats


def org_table_es(sentences: list[Sentence], publisher: str | None, home: str | None) -> OrgTable:
    """Every organization the release names, one entry each, with its fullest written name."""
    lex = load("es", "organizations")
    stop = {s.lower() for s in lex.get("not_organizations", [])}
    venue = alt(lex.get("venue_before", []))
    heads = alt(load("es", "titles").get("heads", []))
    in_post = re.compile(rf"\b{heads}(?:\s+[a-z]+)?\s+(?:de\s+la|del|de)\s+$", re.I)
    table = OrgTable()
    for sent in sentences:
        if sent.header:
            _publisher(sent, publisher, table)
            if publisher is None:  # an issuer the reader does not know: as its header names it
                for part in re.split(r"\s*\|\s*", sent.text):
                    known = gazetteer_key(part.strip())
                    if known and part.strip() and not part.strip().isupper():
                        _add(table, sent, part.strip(), None, home)
            continue
        taken: list[tuple[int, int]] = []
        for pat, needed in _patterns():
            if not needed.search(sent.text):
                continue
            for m in pat.finditer(sent.text):
                name = m.group("name")
                if (
                    any(s < m.end() and m.start() < e for s, e in taken)
                    or (len(name.split()) < 2
                    and not m.group("acr")
                    and not gazetteer_key(name))
                ):
                    continue
                if name.lower() in stop or re.search(
                    rf"\b{venue}\s+(?:de\s+la|del|de)\s+$", sent.text[: m.start()]
                ):
                    continue
                if in_post.search(sent.text[: m.start()]) and not m.group("acr"):
                    continue  # "el jefe de la Unidad para ...": part of a post
                taken.append(m.span())
                _add(table, sent, name, m.group("acr"), home)
        for parts in compressed(sent.text, "es"):
            _add(table, sent, str(parts["name"]), None, home)
    return table


def _add(table: OrgTable, sent: Sentence, name: str, acr: str | None, home: str | None) -> None:
    written = name + (f" ({acr})" if acr else "")
    known = gazetteer_key(written) or gazetteer_key(name)
    key = known[0] if known else fold(name)
    if known:
        country = known[1]
    elif re.search(r"\bentre\b.*\by\b|\bBinacional\b|\bInternacional\b.*\bentre\b", name):
        country = None  # a binational body
    else:
        country = country_of_name(name) or _head_country(name, home)
    for i, k in enumerate(table.keys):
        if k == key:
            if len(written) > len(table.orgs[i].name) or i in table.from_header:
                table.from_header.discard(i)
                table.orgs[i] = Organization(
                    written, table.orgs[i].country or country, sent.evidence
                )
            if acr:
                table.acronyms[acr] = i
            return
    table.orgs.append(Organization(written, country, sent.evidence))
    table.keys.append(key)
    if acr:
        table.acronyms[acr] = len(table.orgs) - 1
    for form, k, _, is_acr in _gazetteer_forms():
        if is_acr and k == key:
            table.acronyms.setdefault(form, len(table.orgs) - 1)


def country_of_name(name: str) -> str | None:
    """ "Embajada de Estados Unidos en México" -> US (the first country named after "de")."""
    m = re.search(r"\bde\s+(?:los\s+)?(Estados Unidos|México|Canadá)\b", name)
    if m:
        return country_of(m.group(1), "es")
    m = re.search(r"\b(mexican[oa]s?|estadounidenses?|canadienses?)\b", name, re.I)
    return country_of(m.group(1).lower(), "es") if m else None


def _head_country(name: str, home: str | None) -> str | None:
    for head, code in load("es", "organizations").get("heads_before", {}).items():
        if name.startswith(head):
            return code or home
    return home


def _publisher(sent: Sentence, publisher: str | None, table: OrgTable) -> None:
    """A header line naming the publisher makes it an organization of the release."""
    pub = named_publisher(sent, publisher)
    if pub is None:
        return
    known = gazetteer_key(pub["name"])
    key = known[0] if known else fold(pub["name"])
    if key not in table.keys:
        table.orgs.append(Organization(pub["name"], pub.get("country"), sent.evidence))
        table.keys.append(key)
        table.from_header.add(len(table.orgs) - 1)
        for f, k, _, is_acr in _gazetteer_forms():
            if is_acr and k == key:
                table.acronyms.setdefault(f, len(table.orgs) - 1)
