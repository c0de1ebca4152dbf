"""Organizations a release names: gazetteer forms, head-word patterns ("Department of X",
"X Administration", "Secretaría de X"), acronyms defined in parentheses, compressed lists ("the
Departments of State and Defense", "las secretarías de Gobernación y de Economía") and the
publisher when a header names it (an issuer in capitals too: "SECRETARÍA DE GOBERNACIÓN"). Of
overlapping names the longest is taken; a known acronym written alone joins its name.
Vocabulary and patterns: ``data/lexicon/LANG/organizations.yaml`` (``known`` entries, and the
reference gazetteer when ``reference_gazetteer`` is set).

>>> from .sentences import Sentence
>>> s = Sentence("The U.S. General Services Administration (GSA) and El Paso County met.", 0, 71, 0)
>>> [(o.name, o.country) for o in find_organizations([s], "en")]
[('U.S. General Services Administration (GSA)', 'US'), ('El Paso County', 'US')]
>>> s = Sentence("Incluyó a personal de las secretarías de Gobernación y de Economía, así como "
...              "de la Agencia Nacional de Aduanas de México (ANAM).", 0, 120, 0)
>>> [o.name for o in find_organizations([s], "es", None, "MX")]  # doctest: +NORMALIZE_WHITESPACE
['Agencia Nacional de Aduanas de México (ANAM)', 'Secretaría de Gobernación',
 'Secretaría de Economía']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ...graph.iris import fold
from ...records import Organization
from .lexicon import alternation, common, load
from .org_lists import (
    compressed,
    opens,
    readable,
    run_on,
    short_line_after,
    states,
    written_name,
)
from .sentences import Sentence
from .text import country_of

_ACR = r"(?:\s+\((?P<acr>[A-Z][A-Za-z.&]{1,9})\))?"

#: (written form, key, country, is an acronym) of a gazetteer organization.
Form = tuple[str, str, str | None, bool]
FormIndex = dict[str, tuple[int, tuple[str, str | None]]]


@dataclass
class OrgTable:
    """The organizations of one release, with the acronyms and forms that point to each."""

    lang: str = "en"
    orgs: list[Organization] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # gazetteer key, else the folded name
    acronyms: dict[str, int] = field(default_factory=dict)
    from_header: set[int] = field(default_factory=set)  # written as the publisher's header
    issuer: str | None = None  # the country of an issuer a header or title line names

    def lookup(self, phrase: str) -> Organization | None:
        """The organization a phrase ("CBP", "Department of State") names, if known."""
        phrase = re.sub(rf"^{_article(self.lang)}\s+|['’]s$", "", phrase.strip())
        if phrase in self.acronyms:
            return self.orgs[self.acronyms[phrase]]
        known = gazetteer_key(phrase, self.lang)
        for i, org in enumerate(self.orgs):
            bare = re.sub(r"\s*\([^)]*\)$", "", org.name)
            if phrase in (org.name, bare) or (known and known[0] == self.keys[i]):
                return org
        # "the U.S. Embassy" read up to "in": the release's "U.S. Embassy in Mexico City"
        return next((o for o in self.orgs if opens(fold(o.name), fold(phrase), 8)), None)


@cache
def _lex(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "organizations")


@cache
def _article(lang: str) -> str:
    return alternation(_lex(lang).get("articles", []))


@cache
def _forms(lang: str) -> list[Form]:
    """The lexicon's ``known`` organizations, then the reference gazetteer's (when the lexicon
    asks for it; names of one word left out: "Economía" alone is a post's complement)."""
    out: list[Form] = []
    for e in _lex(lang).get("known", []):
        out += [(f, e["name"], e.get("country"), False) for f in [e["name"], *e.get("names", [])]]
        if e.get("acronym") and len(e["acronym"]) > 2:
            out.append((e["acronym"], e["name"], e.get("country"), True))
    skip = set(_lex(lang).get("reference_gazetteer", {}).get("skip_classes", []))
    for e in _reference_entries() if _lex(lang).get("reference_gazetteer") else ():
        if e.kind == "organization" and e.cls not in skip:
            out += [
                (f, e.id, e.country, False)
                for f in [*e.names.values(), *e.variants]
                if len(f.split()) > 1
            ]
            out += [(a, e.id, e.country, True) for a in e.acronyms if len(a) >= 2 and a.isupper()]
    return out


def _reference_entries() -> list:  # type: ignore[type-arg]
    try:
        from ...graph.gazetteer import load_gazetteer

        return list(load_gazetteer().entries)
    except Exception:  # reference data absent: the patterns still work
        return []


def _bare(phrase: str, lang: str) -> str:
    """A name without its leading prefixes ("U.S.", "the") and trailing "(ACR)", folded."""
    prefixes = alternation(_lex(lang).get("lookup_prefixes", []), escape=False)
    phrase = re.sub(rf"^{prefixes}\s+", "", re.sub(r"\s*\([^)]*\)$", "", phrase.strip()))
    return fold(phrase)


@cache
def _form_index(lang: str) -> tuple[FormIndex, FormIndex]:
    """Acronyms as written and bare names, each to (position, (key, country)) of its first
    form, so that a lookup finds what scanning the forms in order would."""
    acronyms: FormIndex = {}
    names: FormIndex = {}
    for i, (form, key, country, acr) in enumerate(_forms(lang)):
        table, text = (acronyms, form) if acr else (names, _bare(form, lang))
        table.setdefault(text, (i, (key, country)))
    return acronyms, names


@lru_cache(maxsize=16384)
def gazetteer_key(phrase: str, lang: str) -> tuple[str, str | None] | None:
    """(key, country) of a gazetteer organization's name, variant or acronym, else None."""
    # cached: every person mention asks OrgTable.lookup
    acronyms, names = _form_index(lang)
    hits = [h for h in (acronyms.get(phrase.strip()), names.get(_bare(phrase, lang))) if h]
    return min(hits)[1] if hits else None


def _any(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words``, as written: a quick test before a slower pattern."""
    return re.compile(alternation(words))


@cache
def _patterns(lang: str) -> list[tuple[re.Pattern[str], dict, re.Pattern[str]]]:  # type: ignore[type-arg]
    """(pattern, heads, words every match holds): the gazetteer forms, then the lexicon's
    ``name_patterns`` ({heads}, {cap}, {prefix} and {acr} filled in)."""
    lex = _lex(lang)
    prefix = alternation(lex.get("country_prefixes", []) + states(lang), escape=False)
    acronyms = lex.get("match_acronyms", False)
    forms = [f for f, _, _, a in _forms(lang) if (acronyms and f.isupper() and len(f) > 2) or not a]
    out = []
    if forms:
        gaz = rf"(?P<pre>{prefix}\s+)?(?<!\w)(?P<name>{alternation(forms)})(?![\w-]){_ACR}"
        out.append((re.compile(gaz), {}, _any(forms)))
    short = {f for f, _, _, a in _forms(lang) if a and len(f) == 2} if acronyms else set()
    if short and lex.get("list_articles"):  # "la SE": an acronym of two letters after an article
        after = "|".join(rf"(?<=\b{a}\s)" for a in lex["list_articles"])
        pattern = rf"(?:{after})(?P<name>{alternation(sorted(short))})(?![\w-]){_ACR}"
        out.append((re.compile(pattern), {}, _any(short)))
    for spec in lex.get("name_patterns", []):
        heads = lex.get(spec["heads"], {})
        pattern = spec["pattern"]
        for slot, text in (
            ("heads", alternation(heads)),
            ("cap", lex["capitalised"]),
            ("prefix", prefix),
            ("acr", _ACR),
        ):
            pattern = pattern.replace("{" + slot + "}", text)
        out.append((re.compile(pattern), heads, _any(heads)))
    return out


def find_organizations(
    sentences: list[Sentence],
    lang: str,
    publisher: str | None = None,
    default_country: str | None = None,
) -> list[Organization]:
    """The organizations named in ``sentences`` (see :func:`org_table`)."""
    return org_table(sentences, lang, publisher, default_country).orgs


@cache
def _filters(lang: str) -> tuple[set[str], re.Pattern[str], re.Pattern[str]]:
    """Names that are no organization; a venue or a post right before a name makes it part
    of that ("el Palacio de la Secretaría ...", "el jefe de la Unidad para ...")."""
    lex = _lex(lang)
    links = alternation(lex.get("links", []), escape=False)
    venue = alternation(lex.get("venue_before", []))
    # without links neither test can match: skip scanning for the (many) title heads
    heads = alternation(load(lang, "titles").get("heads", []) if lex.get("links") else [])
    return (
        {s.lower() for s in lex.get("not_organizations", []) + lex.get("not_alone", [])},
        re.compile(rf"\b{venue}\s+{links}\s+$"),
        re.compile(rf"\b{heads}(?:\s+[a-z]+)?\s+{links}\s+$", re.I),
    )


def _unit(name: str, lang: str) -> bool:
    """A known office that is part of a post ("jefe de la Unidad para ...", ``post_units``); any
    other known organization after a post ("asesora de la Casa Blanca", "jefe de la Oficina de
    Aduanas y Protección Fronteriza", an agency with an acronym) is named as such."""
    if name.split()[0] not in _lex(lang).get("post_units", []):
        return False
    known = gazetteer_key(name, lang)  # an agency with an acronym of its own is no post's unit
    return not (known and any(acr and k == known[0] for _, k, _, acr in _forms(lang)))


def org_table(
    sentences: list[Sentence],
    lang: str,
    publisher: str | None = None,
    default_country: str | None = None,
) -> OrgTable:
    """Every organization named as such, one entry each, with its fullest written name."""
    stop, venue, in_post = _filters(lang)
    ends = stop - {s.lower() for s in _lex(lang).get("not_alone", [])}
    not_first = set(_lex(lang).get("not_first", []))
    table = OrgTable(lang)
    for n, sent in enumerate(sentences):
        if sent.header:
            _header(sent, publisher, table, default_country)
            continue
        if n < 3 and sent.text.isupper():  # the issuer read as the title: "DEPARTMENT OF ..."
            _capitals(sent, table, default_country)
        found = []  # every pattern's names; the longest of overlapping ones is taken
        for order, (pattern, heads, needed) in enumerate(_patterns(lang)):
            if not needed.search(sent.text):
                continue
            for m in pattern.finditer(sent.text):
                name, acr, before = written_name(m), m.group("acr"), sent.text[: m.start()]
                if (
                    short_line_after(sent.text, m)
                    or (len(name.split()) < 2 and not acr and not gazetteer_key(name, lang))
                    or name.lower() in stop
                    or any(name.lower().endswith(" " + s) for s in ends)
                    or name.split()[0] in not_first
                    or venue.search(before)
                    or (in_post.search(before) and not acr and (heads or _unit(name, lang)))
                ):
                    continue
                found.append((m.start() - m.end(), order, m, heads))
        taken: list[tuple[int, int]] = []
        known = [f[2] for f in found if not f[3]]  # the gazetteer's own forms
        for _, _, m, _heads in sorted(found, key=lambda f: f[:2]):
            if not any(s < m.end() and m.start() < e for s, e in taken) and not any(
                run_on(sent.text, k, m) for k in known
            ):
                taken.append(m.span())
        for _, _, m, heads in sorted(found, key=lambda f: f[2].start()):
            if m.span() in taken:
                taken.remove(m.span())
                name, acr, pre = written_name(m), m.group("acr"), m.groupdict().get("pre")
                _add(table, sent, name, acr, pre, heads, default_country)
        for pre, name in compressed(sent.text, lang):
            _add(table, sent, name, None, pre, _lex(lang).get("heads_before", {}), default_country)
    _written_acronyms(table, " ".join(s.text for s in sentences))
    return table


def _written_acronyms(table: OrgTable, text: str) -> None:
    """A known acronym the release writes alone ("CBP's Director") joins its organization's
    name when the name lacks it: "U.S. Customs and Border Protection (CBP)"."""
    for acr, i in table.acronyms.items():
        org = table.orgs[i]
        if (
            acr.isupper()
            and "(" not in org.name
            and acr not in org.name.split()  # "SRE" itself, "CBP Office of Field Operations"
            and re.search(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", text)
        ):
            table.orgs[i] = Organization(f"{org.name} ({acr})", org.country, org.evidence)


def _country(name: str, pre: str, heads: dict, lang: str, home: str | None) -> str | None:  # type: ignore[type-arg]
    """The country of an organization the gazetteer does not know: its prefix ("Mexico's"), a
    country it names ("Embajada de Estados Unidos"), else its head's ("Secretaría", "County")."""
    lex = _lex(lang)
    if pre:
        return country_of(pre, lang)
    if any(re.search(p, name) for p in lex.get("binational", [])):
        return None  # a body of two countries
    for pattern in lex.get("country_in_name", []):
        m = re.search(pattern, name, re.I)
        if m and (code := country_of(m.group(1).lower(), lang)):
            return code
    own = [h for h in heads if name.startswith(h)] or [h for h in heads if name.endswith(h)]
    return (heads[own[0]] if own else None) or home


def _add(  # type: ignore[type-arg]
    table: OrgTable,
    sent: Sentence,
    name: str,
    acr: str | None,
    pre: str | None,
    heads: dict,
    home: str | None,
) -> None:
    pre = (pre or "").strip()
    # a prefix that is part of the name ("U.S. Department of ...") is kept as written
    kept = (
        pre + " " if pre in _lex(table.lang).get("kept_prefixes", []) + states(table.lang) else ""
    )
    written = kept + name + (f" ({acr})" if acr else "")
    state = pre and pre in states(table.lang)  # "Texas Department of ...": not the federal one
    known = gazetteer_key(written, table.lang) or (
        None if state else gazetteer_key(name, table.lang)
    )
    key = known[0] if known else fold(name)
    of_acr = gazetteer_key(acr, table.lang) if acr else None  # "Servicio ... (GSA)": GSA's
    country = (known or of_acr or (None, None))[1] or _country(name, pre, heads, table.lang, home)
    acr_only = written.isupper() and " " not in written  # "SRE" does not rename the header's
    for i, k in enumerate(table.keys):
        # "Embajada de México" and "... de México en Estados Unidos" (one name the other's
        # first words): one body, written at its fullest
        if k == key or opens(fold(table.orgs[i].name), fold(written)):
            if len(written) > len(table.orgs[i].name) or (i in table.from_header and not acr_only):
                table.from_header.discard(i)
                table.orgs[i] = Organization(
                    written, table.orgs[i].country or country, sent.evidence
                )
            if acr:
                table.acronyms[acr] = i
            return
    _append(table, Organization(written, country, sent.evidence), key)
    if acr:
        table.acronyms[acr] = len(table.orgs) - 1


def _append(table: OrgTable, org: Organization, key: str) -> None:
    """A new organization, with the gazetteer's acronyms of it."""
    table.orgs.append(org)
    table.keys.append(key)
    for form, k, _, is_acr in _forms(table.lang):
        if is_acr and k == key:
            table.acronyms.setdefault(form, len(table.orgs) - 1)


def named_publisher(sent: Sentence, publisher: str | None) -> dict | None:  # type: ignore[type-arg]
    """The publisher's entry in ``read.yaml`` when this (header) sentence names it, else None."""
    for pub in common("read").get("publishers", []) if publisher else []:
        if pub["name"] == publisher and any(
            len(form) > 4 and re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", sent.text, re.I)
            for form in pub["names"]
        ):
            return pub
    return None


def _header(sent: Sentence, publisher: str | None, table: OrgTable, home: str | None) -> None:
    """A header line that names the publisher makes the publisher an organization of the text;
    one that names a known agency when the publisher is unknown, that agency."""
    pub = named_publisher(sent, publisher)
    if pub is not None:
        name = re.sub(rf"^{_article(table.lang)}\s+", "", pub["name"])
        known = gazetteer_key(name, table.lang)
        key = known[0] if known else fold(name)
        if key not in table.keys:
            _append(table, Organization(name, pub.get("country"), sent.evidence), key)
            if name.lower() not in sent.text.lower():  # a canonical name: the body's is written
                table.from_header.add(len(table.orgs) - 1)
    elif publisher is None:  # an issuer the reader does not know: as its header names it
        for part in (p.strip() for p in re.split(r"\s*\|\s*", sent.text)):
            if part and not part.isupper() and gazetteer_key(part, table.lang):
                _add(table, sent, part, None, None, {}, home)
    if pub is None:
        _capitals(sent, table, home)


def _capitals(sent: Sentence, table: OrgTable, home: str | None) -> None:
    """A header or title line in capitals that is wholly an organization's name ("SECRETARÍA DE
    GOBERNACIÓN", "OFFICE OF THE TEXAS GOVERNOR | ..."): the issuer, written as a name."""
    for part in (p.strip() for p in re.split(r"\s*\|\s*", sent.text)):
        if part.isupper() and len(part.split()) > 1:
            name = readable(part, table.lang)
            heads = _whole_name(name, table.lang)
            if heads is not None:
                _add(table, sent, name, None, None, heads, home)
                found = table.lookup(name)
                table.issuer = table.issuer or (found.country if found else None)


def _whole_name(name: str, lang: str) -> dict | None:  # type: ignore[type-arg]
    """The head words of the pattern that reads all of ``name`` as one organization (the
    gazetteer's: none), else None."""
    if gazetteer_key(name, lang):
        return {}
    for pattern, heads, needed in _patterns(lang)[1:] if _forms(lang) else _patterns(lang):
        m = pattern.match(name) if needed.search(name) else None
        if m and m.end() == len(name):
            return heads
    return None
