"""Organizations a release names: gazetteer forms, "Department of X" / "X Administration"
patterns, acronyms defined in parentheses, and the publisher when its header names it.

>>> from .sentences import Sentence
>>> s = Sentence("The U.S. General Services Administration (GSA) and El Paso County met.", 0, 71, 0)
>>> [(o.name, o.country) for o in find_organizations([s], "en")]
[('U.S. General Services Administration (GSA)', 'US'), ('El Paso County', 'US')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ...records import Organization
from .lexicon import alternation, common, load
from .sentences import Sentence
from .text import country_of

_CAP = r"[A-Z][\w’'.-]*"
_CAPS = rf"{_CAP}(?:\s+(?:and\s+|of\s+|for\s+)?{_CAP})*"
_ACR = r"(?:\s+\((?P<acr>[A-Z][A-Za-z.&]{{1,9}})\))?"


@dataclass
class OrgTable:
    """The organizations of one release, with the acronyms and forms that point to each."""

    orgs: list[Organization] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # gazetteer key (canonical name) or own name
    acronyms: dict[str, int] = field(default_factory=dict)
    from_header: set[int] = field(default_factory=set)  # written as the publisher's header

    def lookup(self, phrase: str) -> Organization | None:
        """The organization a phrase ("CBP", "Department of State") names, if known."""
        phrase = re.sub(r"^(?:the|The)\s+|['’]s$", "", phrase.strip())
        if phrase in self.acronyms:
            return self.orgs[self.acronyms[phrase]]
        key = _gazetteer_key(phrase)
        for i, org in enumerate(self.orgs):
            bare = re.sub(r"\s*\([^)]*\)$", "", org.name)
            if phrase in (org.name, bare) or (key and key == self.keys[i]):
                return org
        return None


@cache
def _known(lang: str) -> list[dict]:  # type: ignore[type-arg]
    return load(lang, "organizations").get("known", [])


@lru_cache(maxsize=16384)
def _gazetteer_key(phrase: str, lang: str = "en") -> str | None:
    # cached: every person mention asks OrgTable.lookup, which scans the known organizations
    bare = re.sub(r"^(?:U\.S\.|the|The)\s+", "", phrase.strip())
    for entry in _known(lang):
        forms = [entry["name"], *entry.get("names", [])]
        if any(bare.lower() == re.sub(r"^U\.S\.\s+", "", f).lower() for f in forms):
            return str(entry["name"])
        if entry.get("acronym") and phrase == entry["acronym"] and len(phrase) > 2:
            return str(entry["name"])
    return None


@cache
def _patterns(lang: str) -> list[tuple[re.Pattern[str], dict, re.Pattern[str]]]:  # type: ignore[type-arg]
    """(pattern, heads, words every match contains): the known names, "X of ..." and "... X".

    The last item is a quick test: a pattern that starts with capitalised words is tried at
    every capital letter, but only a sentence holding one of its words can match it.
    """
    lex = load(lang, "organizations")
    out = []
    forms = [f for e in _known(lang) for f in [e["name"], *e.get("names", [])]]
    gaz = (
        rf"(?P<pre>(?:U\.S\.|Mexico['’]s|Mexican)\s+)?(?P<name>{alternation(forms)})(?![\w-]){_ACR}"
    )
    out.append((re.compile(gaz.replace("{{", "{").replace("}}", "}")), {}, _any(forms)))
    before = alternation(list(lex.get("heads_before", {})))
    pat = (
        rf"(?P<pre>(?:U\.S\.|Mexico['’]s|Mexican)\s+)?(?P<name>{before}\s+of\s+(?:the\s+)?"
        rf"{_CAP}(?:\s+(?:and\s+)?{_CAP})*){_ACR}"
    )
    heads_before = lex.get("heads_before", {})
    pattern = re.compile(pat.replace("{{", "{").replace("}}", "}"))
    out.append((pattern, heads_before, _any(heads_before)))
    after = alternation(list(lex.get("heads_after", {})))
    pat = rf"(?P<pre>(?:U\.S\.)\s+)?(?P<name>(?:{_CAP}\s+){{1,4}}{after})(?![\w-]){_ACR}"
    heads_after = lex.get("heads_after", {})
    pattern = re.compile(pat.replace("{{{{", "{{").replace("}}}}", "}}"))
    out.append((pattern, heads_after, _any(heads_after)))
    return out


def _any(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words``, as written."""
    return re.compile(alternation(list(words)))


def find_organizations(
    sentences: list[Sentence],
    lang: str,
    publisher: str | None = None,
    default_country: str | None = None,
) -> list[Organization]:
    """The organizations named in ``sentences`` (see :func:`org_table`)."""
    return org_table(sentences, lang, publisher, default_country).orgs


def org_table(
    sentences: list[Sentence],
    lang: str,
    publisher: str | None = None,
    default_country: str | None = None,
) -> OrgTable:
    """Every organization named as such, one entry each, with its fullest written name."""
    lex = load(lang, "organizations")
    stop = {s.lower() for s in lex.get("not_organizations", [])}
    table = OrgTable()
    for sent in sentences:
        if sent.header:
            _header_publisher(sent, publisher, table, lang)
            continue
        taken: list[tuple[int, int]] = []
        for pattern, heads, needed in _patterns(lang):
            if not needed.search(sent.text):
                continue
            for m in pattern.finditer(sent.text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                name = m.group("name")
                if name.lower() in stop or any(name.lower().endswith(" " + s) for s in stop):
                    continue
                if name.split()[0] in ("The", "A", "An", "In", "On", "At"):
                    continue
                taken.append(m.span())
                _add(table, sent, m, heads, lang, default_country)
        for parts in compressed(sent.text, lang):
            _add(table, sent, _Parts(parts), _heads_before(lang), lang, default_country)
    return table


class _Parts:
    """A name put together from a compressed list, read like a pattern match."""

    def __init__(self, parts: dict[str, str | None]) -> None:
        self.parts = parts

    def group(self, key: str) -> str | None:
        return self.parts.get(key)


@cache
def _heads_before(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "organizations").get("heads_before", {})


@cache
def _compressed_pattern(lang: str) -> re.Pattern[str] | None:
    plural = load(lang, "organizations").get("plural_heads", {})
    if not plural:
        return None
    art = r"(?:(?:the|la|el|los|las)\s+)?"
    word = r"[A-ZÁÉÍÓÚÑ][\w’'.-]*"
    item = rf"(?:(?:de|del|of)\s+)?{art}{word}(?:\s+(?:y\s+|de\s+|del\s+|and\s+|of\s+)?{word})*"
    link = r"(?:de|of)"
    return re.compile(
        rf"(?P<pre>(?:U\.S\.|Mexico['’]s|Mexican)\s+)?\b(?P<plural>{alternation(list(plural))})"
        rf"\s+{link}\s+"
        rf"(?P<items>{item}(?:\s*[,;]\s*{item})*[,;]?\s+(?:and|y|e)\s+{item})"
    )


def compressed(text: str, lang: str) -> list[dict[str, str | None]]:
    """ "the Departments of State, the Treasury, Justice and Defense" -> Department of State,
    Department of the Treasury, ...; "las Secretarías de la Defensa Nacional y de Marina"."""
    pattern = _compressed_pattern(lang)
    if pattern is None or not pattern.search(text):
        return []
    plural = load(lang, "organizations").get("plural_heads", {})
    out = []
    for m in pattern.finditer(text):
        head = plural[m.group("plural")]
        link = "of" if lang == "en" else "de"
        rest = text[m.start("items") :]
        upto = re.search(r",\s+(?:así como|as well as)\b|\.\s|\.$|$", rest)
        whole = rest[: upto.start()] if upto else rest
        if re.search(r";\s*(?:(?:and|y|e)\s+)?(?:de|del|of)\s", whole):
            # "de Hacienda y Crédito Público; de Economía, y de A, B y C"
            items = re.split(r"\s*;\s*(?:(?:and|y|e)\s+)?|,\s+(?:and|y|e)\s+", whole)
        else:
            sep = r"\s*,\s*(?:(?:and|y|e)\s+)?|\s+(?:and|y|e)\s+(?=[A-Za-zÁÉÍÓÚÑ])"
            items = re.split(sep, m.group("items"))
        for it in items:
            it = re.sub(rf"^(?:{link}|del)\s+", "", it.strip()).rstrip(".")
            if it:
                out.append({"pre": m.group("pre"), "name": f"{head} {link} {it}", "acr": None})
    return out


def _add(
    table: OrgTable,
    sent: Sentence,
    m: re.Match[str],
    heads: dict,
    lang: str,  # type: ignore[type-arg]
    default_country: str | None,
) -> None:
    pre = (m.group("pre") or "").strip()
    name = m.group("name")
    acr = m.group("acr")
    written = ("U.S. " if pre == "U.S." else "") + name + (f" ({acr})" if acr else "")
    key = _gazetteer_key(name, lang) or name
    country = None
    for entry in _known(lang):
        if entry["name"] == key:
            country = entry.get("country")
    if country is None and pre:
        country = country_of(pre, lang)
    if country is None:
        for head, code in heads.items():
            if re.search(rf"\b{re.escape(head)}\b", name):
                country = code or default_country
    ev = sent.evidence
    for i, k in enumerate(table.keys):
        if k == key:
            if len(written) > len(table.orgs[i].name) or i in table.from_header:
                table.from_header.discard(i)
                table.orgs[i] = Organization(written, table.orgs[i].country or country, ev)
            if acr:
                table.acronyms[acr] = i
            return
    table.orgs.append(Organization(written, country, ev))
    table.keys.append(key)
    if acr:
        table.acronyms[acr] = len(table.orgs) - 1
    for entry in _known(lang):
        if entry["name"] == key and entry.get("acronym"):
            table.acronyms.setdefault(entry["acronym"], len(table.orgs) - 1)


def named_publisher(sent: Sentence, publisher: str | None) -> dict | None:
    """The publisher's entry in ``read.yaml`` when this (header) sentence names it, else None."""
    for pub in common("read").get("publishers", []) if publisher else []:
        if pub["name"] == publisher and any(
            len(form) > 4 and re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", sent.text, re.I)
            for form in pub["names"]
        ):
            return pub
    return None


def _header_publisher(sent: Sentence, publisher: str | None, table: OrgTable, lang: str) -> None:
    """A header line that names the publisher makes the publisher an organization of the text."""
    pub = named_publisher(sent, publisher)
    if pub is None:
        return
    name = re.sub(r"^The\s+", "", pub["name"])
    key = _gazetteer_key(name, lang) or name
    if key not in table.keys:
        table.orgs.append(Organization(name, pub.get("country"), sent.evidence))
        table.keys.append(key)
        table.from_header.add(len(table.orgs) - 1)
