"""Which country a person's post, organisation or place names: "U.S. Ambassador to Mexico" -> US,
"Ambassador of Mexico to ..." -> MX, "Brownsville Mayor" -> US (border cities and states from the
port gazetteer and the places lexicon).

>>> post_country("U.S. Ambassador to Mexico", "en"), place_country("Brownsville")
('US', 'US')
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import load
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
    opening, of_country = _post_country_patterns(lang)
    first = opening.match(post)
    if first:
        return country_of(first.group(1), lang)
    m = of_country.search(post)
    return country_of(m.group(1), lang) if m else None


@cache
def _post_country_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A country word opening a post, and one it is "of" (built once per language)."""
    words = sorted(country_words(lang), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return (
        re.compile(rf"(?i)({alt})(?![\w'’])"),
        re.compile(rf"(?i)\bof (?:the )?({alt})(?![\w'’])"),
    )


def org_country(org: str | None, orgs) -> str | None:  # type: ignore[no-untyped-def]
    found = orgs.lookup(org) if org and orgs is not None else None
    return found.country if found else None


@cache
def binational() -> re.Pattern[str]:
    """Two country names joined by a dash: a binational body, of neither country."""
    names = sorted(
        (w for w in load("es", "places").get("countries", {}).get("MX", [])
         + load("es", "places").get("countries", {}).get("US", [])
         + load("es", "places").get("countries", {}).get("CA", []) if w[:1].isupper()),
        key=len, reverse=True,
    )
    alt_ = "|".join(re.escape(w) for w in names) or "(?!)"
    return re.compile(rf"\b(?:{alt_})\s*[–—-]\s*(?:{alt_})\b")


def post_country_es(post: str, lx) -> str | None:  # type: ignore[no-untyped-def]
    """ "embajador de México en Estados Unidos" -> MX; "Sección estadounidense" -> US."""
    for alias, name in lx.country_aliases.items():  # "Estados Unidos Mexicanos" is Mexico
        post = post.replace(alias, name)
    # "cónsul general en Tijuana": a mission's seat is the host country, not the holder's
    seat_only = post.split(" ")[0].lower() in load("es", "titles").get("mission_heads", [])
    # "coordinador para Asuntos Fronterizos con México": the partner, not the holder's country
    post = re.sub(r"\bcon\s+(?:Estados Unidos|[A-ZÁÉÍÓÚÑ][\wÀ-ÿ]+)\b", "", post)
    if seat_only:
        post = re.sub(r"\ben\s+(?:los\s+)?(?:Estados Unidos|[A-ZÁÉÍÓÚÑ][\wÀ-ÿ]+)\s*$", "", post)
    multi = None  # "gobernadora de Baja California": a place of two words or more first
    for m in re.finditer(r"[A-ZÁÉÍÓÚÑ][\wÀ-ÿ]*(?:\s+(?:de\s+)?[A-ZÁÉÍÓÚÑ][\wÀ-ÿ]*)+", post):
        code = place_country(m.group(0))
        if code:
            multi = multi or code
            post = post.replace(m.group(0), " ")
    post = binational().sub("", post)  # "Asuntos Fronterizos México–Estados Unidos": both
    for w in re.findall(r"\b(?:de\s+(?:los\s+)?)?(Estados Unidos|[\wÀ-ÿ]+)", post):
        code = country_of(w, "es")
        if code and (w[0].isupper() or w.lower() in demonyms("es")):
            return code
    if multi:
        return multi
    link = "de" if seat_only else "de|en"
    place = rf"\b(?:{link})\s+([A-ZÁÉÍÓÚÑ][\wÀ-ÿ]*(?:\s+[A-ZÁÉÍÓÚÑ][\wÀ-ÿ]*){{0,2}})"
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
