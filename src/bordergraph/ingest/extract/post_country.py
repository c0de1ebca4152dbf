"""Which country a person's post, organisation or place names: "U.S. Ambassador to Mexico" -> US,
"Ambassador of Mexico to ..." -> MX, "Brownsville Mayor" -> US (border cities and states from the
port gazetteer and the places lexicon), "Consul General in Tijuana" -> US (a post held abroad),
"Secretary of Tourism" -> MX (a one-country ministry, ``post_country_patterns``), "EPA
Administrator" -> US (a known agency); and the organization a post or a fronted phrase names.

>>> post_country("U.S. Ambassador to Mexico", "en"), place_country("Brownsville")
('US', 'US')
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TypeVar

from .lexicon import alternation, load
from .namewords import Mention
from .orgs import gazetteer_key
from .text import country_of, country_words


@cache
def _places() -> dict[str, str]:
    """Border cities and states (folded) -> country, from the reference port gazetteer and the
    state lexicons; a name on both sides is left out."""
    from ...graph.iris import fold
    from .port_names import reference_gazetteer

    seen: dict[str, set[str]] = {}
    gaz = reference_gazetteer()
    for e in gaz.entries if gaz is not None else ():
        if e.kind == "port" and e.country:
            for key in ("city", "state"):
                if e.fields.get(key):
                    seen.setdefault(fold(e.fields[key]), set()).add(e.country)
    for lang in ("en", "es"):
        for code, states in load(lang, "places").get("states", {}).items():
            for name, abbrevs in states.items():
                for form in (name, *abbrevs):
                    seen.setdefault(fold(form), set()).add(code)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and k}


def place_country(phrase: str) -> str | None:
    """The country of a border city or state ("Brownsville", "Nuevo Leon"), else None."""
    from ...graph.iris import fold

    return _places().get(fold(phrase)) if phrase and phrase[:1].isupper() else None


@cache
def demonyms(lang: str) -> frozenset[str]:
    words = load(lang, "places").get("demonyms", [])
    return frozenset(w.lower() for w in words)


def split_org(post: str, orgs) -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    """ "Chief Officer for North America of the Secretariat of Foreign Relations" -> post, org."""
    m = re.search(
        r"\s+(?:of|at) the ((?:Secretariat|Department|Ministry|Office|Agency)\b.*)$", post
    )
    if m and re.search(r"\b(?:for|to|of)\b", post[: m.start()]):
        return post[: m.start()], m.group(1)
    return post, None


def post_country(post: str | None, lang: str) -> str | None:
    """ "U.S. Ambassador to Mexico" -> US; "Ambassador of Mexico to ..." -> MX: the country the
    post opens with, else the one it is "of"."""
    if not post:
        return None
    titles = load(lang, "titles")
    for alias, name in titles.get("country_aliases", {}).items():  # "United Mexican States"
        post = post.replace(alias, name)
    post = without_topics(post, lang)
    opening, of_country = _post_country_patterns(lang)
    first = opening.match(post)
    if first:
        return country_of(first.group(1), lang)
    m = of_country.search(post)
    if m:
        return country_of(m.group(1), lang)
    if lang != "en":  # Spanish posts: written_post_country reads places and ministries
        return None
    return (
        envoy_country(post, lang)
        or _place_of(post)
        or next(
            (c for p, c in titles.get("post_country_patterns", {}).items() if re.search(p, post)),
            None,
        )
        or acronym_country(post, lang)
    )


@cache
def _topics(lang: str) -> re.Pattern[str] | None:
    patterns = load(lang, "titles").get("topic_patterns", [])
    country = alternation(list(country_words(lang)))
    joined = "|".join(p.replace("{country}", country) for p in patterns)
    return re.compile(joined, re.I) if joined else None


def without_topics(post: str, lang: str) -> str:
    """A post without the countries it names as its subject ("Oficina de Asuntos de México",
    "Office of Mexican Affairs": ``topic_patterns``), which are not its own country."""
    topics = _topics(lang)
    return topics.sub(" ", post) if topics else post


def _place_of(post: str) -> str | None:
    """ "Governor of Nuevo Leon", "Mayor of Tijuana": the border state or city the post is of."""
    for m in re.finditer(r"\bof\s+((?:[A-Z][\w.]*\s*){1,3})", post):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            code = place_country(" ".join(words[:n]))
            if code:
                return code
    return None


def envoy_country(post: str, lang: str) -> str | None:
    """ "Consul General in Tijuana" -> US, "cónsul general en Tijuana" -> US: a post held abroad
    (``envoy_heads``) in a place of one country is the other country's (``envoy_place_preps``)."""
    titles = load(lang, "titles")
    heads = alternation(titles.get("envoy_heads", []))
    preps = alternation(titles.get("envoy_place_preps", []))
    if not titles.get("envoy_heads") or not re.match(rf"(?i)(?:\S+\s+)?{heads}\b", post):
        return None
    cap = r"[A-ZÁÉÍÓÚÑ][\w.À-ÿ]*"
    m = re.search(rf"\b{preps}\s+(?:the\s+|los\s+)?({cap}(?:\s+{cap}){{0,2}})", post)
    if not m or any(country_of(w, lang) for w in post[: m.start()].split()):
        return None  # "Consul of Mexico in ...": the post names its own country
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        code = country_of(phrase, lang) or place_country(phrase)
        if code:
            return {"US": "MX", "MX": "US"}.get(code)
    return None


def acronym_country(post: str, lang: str) -> str | None:
    """ "EPA Administrator", "director ... de la CBP": the country of a known agency's acronym
    the post writes (the language's gazetteer, then the other's)."""
    for acr in re.findall(r"\b[A-Z]{2,8}\b", post):
        hit = gazetteer_key(acr, lang) or gazetteer_key(acr, "es" if lang == "en" else "en")
        if hit and hit[1]:
            return hit[1]
    return None


@cache
def _post_country_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A country word opening a post, and one it is "of" (built once per language)."""
    alt = alternation(country_words(lang))
    return (
        re.compile(rf"(?i)({alt})(?![\w'’])"),
        re.compile(rf"(?i)\bof (?:the )?({alt})(?![\w'’])"),
    )


def org_country(org: str | None, orgs) -> str | None:  # type: ignore[no-untyped-def]
    found = orgs.lookup(org) if org and orgs is not None else None
    return found.country if found else None


@cache
def _country_names(lang: str) -> tuple[re.Pattern[str], str]:
    """Two country names joined by a dash (a binational body, of neither country), and the
    country names of more than one word ("Estados Unidos")."""
    names = [w for ws in load(lang, "places").get("countries", {}).values() for w in ws]
    alt = alternation([w for w in names if w[:1].isupper()])
    multi = [w for w in names if " " in w]
    return re.compile(rf"\b{alt}\s*[–—-]\s*{alt}\b"), alternation(multi)


def written_post_country(post: str, lx, lang: str) -> str | None:  # type: ignore[no-untyped-def]
    """ "embajador de México en Estados Unidos" -> MX; "Sección estadounidense" -> US."""
    for alias, name in lx.country_aliases.items():  # "Estados Unidos Mexicanos" is Mexico
        post = post.replace(alias, name)
    # "coordinador para Asuntos Fronterizos con México": the partner, not the holder's country
    post = re.sub(r"\bcon\s+(?:Estados Unidos|[A-ZÁÉÍÓÚÑ][\wÀ-ÿ]+)\b", "", post)
    post = without_topics(post, lang)
    envoy = envoy_country(post, lang)
    if envoy:
        return envoy
    multi = None  # "gobernadora de Baja California": a place of two words or more first
    for m in re.finditer(r"[A-ZÁÉÍÓÚÑ][\wÀ-ÿ]*(?:\s+(?:de\s+)?[A-ZÁÉÍÓÚÑ][\wÀ-ÿ]*)+", post):
        code = place_country(m.group(0))
        if code:
            multi = multi or code
            post = post.replace(m.group(0), " ")
    binational, countries = _country_names(lang)
    post = binational.sub("", post)  # "Asuntos Fronterizos México–Estados Unidos": both
    for w in re.findall(rf"\b({countries}|[\wÀ-ÿ]+)", post):
        code = country_of(w, lang)
        if code and (w[0].isupper() or w.lower() in demonyms(lang)):
            return code
    if multi:
        return multi
    preps = alternation(load(lang, "titles").get("place_preps", []))
    place = rf"\b{preps}\s+([A-ZÁÉÍÓÚÑ][\wÀ-ÿ]*(?:\s+[A-ZÁÉÍÓÚÑ][\wÀ-ÿ]*){{0,2}})"
    for m in re.finditer(place, post):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):  # "alcalde de Douglas", "de Agua Prieta"
            code = place_country(" ".join(words[:n]))
            if code:
                return code
    for pattern, code in lx.post_patterns.items():  # "subsecretaria de Estado ..." is a U.S. post
        if re.search(pattern, post):
            return code
    return lx.post_countries.get(post.split()[0].lower()) if post else None


def whole_post_country(post: str, orgs, lx, split_org, lang: str) -> str | None:  # type: ignore[no-untyped-def]
    """The country of a whole post with its organization: its own words first ("subsecretaria
    adjunta del Departamento de Estado"), then the organization's (release table, gazetteer)."""
    code = written_post_country(post, lx, lang)
    if code:
        return code
    _, org = split_org(post, orgs)
    if org:
        org = re.sub(r"^(?:la|el|los|las)\s+", "", org)
        hit = gazetteer_key(org, lang)
        if org_country(org, orgs) or hit:
            return org_country(org, orgs) or (hit[1] if hit else None)
    for m in re.finditer(r"\b(?:de\s+la|del|de\s+los|de\s+las|of\s+the|of)\s+", post):
        hit = gazetteer_key(post[m.end() :], lang)  # "jefe de la Oficina de Aduanas y ..."
        if hit and hit[1]:
            return hit[1]
    for acr in re.findall(r"\b[A-Z]{2,8}\b", post):  # "director ... de la CBP en Tucson"
        hit = gazetteer_key(acr, lang)
        if hit and hit[1]:
            return hit[1]
    return None


@cache
def _fronted(lang: str) -> re.Pattern[str]:
    """An organization set off before a post, up to the comma ending the text before it."""
    titles = load(lang, "titles")
    preps = alternation(titles.get("fronted_org_preps", []), escape=False)
    adverbs = alternation(titles.get("fronted_org_adverbs", []))
    return re.compile(
        rf"(?:^|[,;:]\s*|\b{adverbs}\s+){preps}\s+(?P<org>[A-ZÁÉÍÓÚÑ][^,;:]{{2,80}}),\s*$"
    )


M = TypeVar("M", bound=Mention)


def fronted_org(text: str, m: M, orgs, lang: str) -> M:  # type: ignore[no-untyped-def]
    """ "Asistieron, de la Secretaría de Gobernación, la comisionada ..., X": the organization
    set off before the post is the person's (``fronted_org_*`` in the titles lexicon)."""
    if not m.name or m.org:
        return m
    hit = _fronted(lang).search(text, max(0, m.start - 100), m.start)
    if not hit:
        return m
    org = hit.group("org").strip()
    key = gazetteer_key(org, lang)
    country = m.country or org_country(org, orgs) or (key[1] if key else None)
    return replace(m, org=org, country=country)
