"""Spanish posts that run long before the name ("el director de operaciones de campo de la CBP
en Tucson, Robert J. Haldane") and the country of a whole post with its organization
("subsecretaria adjunta del Departamento de Estado" is a U.S. post). Used by :mod:`.people_es`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .orgs_es import gazetteer_key
from .people import Mention
from .post_country import org_country, post_country_es
from .text import Tok


def whole_post_country(post: str, orgs, lx, split_org) -> str | None:  # type: ignore[no-untyped-def]
    """The country of a whole post with its organization: its own words first ("subsecretaria
    adjunta del Departamento de Estado"), then the organization's (release table, gazetteer)."""
    code = post_country_es(post, lx)
    if code:
        return code
    _, org = split_org(post, orgs)
    if org:
        org = re.sub(r"^(?:la|el|los|las)\s+", "", org)
        hit = gazetteer_key(org)
        if org_country(org, orgs) or hit:
            return org_country(org, orgs) or (hit[1] if hit else None)
    for acr in re.findall(r"\b[A-Z]{2,8}\b", post):  # "director ... de la CBP en Tucson"
        hit = gazetteer_key(acr)
        if hit and hit[1]:
            return hit[1]
    return None


def long_post(toks: list[Tok], j: int, lx, slot_name_length, after_rank) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """ "el director de operaciones de campo de la CBP en Tucson, Robert J. Haldane": a post
    whose complement runs through lower-case words, set off from the name by a comma.
    Returns (name index, post end) or None."""
    k = j
    while k < len(toks) and k - j <= 12 and toks[k].text != ",":
        word = toks[k].text.lower()
        if not re.fullmatch(r"[\wÀ-ÿ.-]+", word) or word in _NOT_POST:
            return None
        if word in _ARTICLES_LOWER and toks[k - 1].text.lower() not in _PREPS:
            return None  # "al canciller mexicano el secretario ...": a second person begins
        k += 1
    if k == j or k + 1 >= len(toks) or toks[k].text != ",":
        return None
    at = after_rank(toks, k + 1, lx)
    return (at, k) if slot_name_length(toks, at, lx) >= 2 else None


# Words that end a post's span: a clause or a second person begins.
_ARTICLES_LOWER = frozenset({"el", "la", "los", "las", "un", "una"})
_PREPS = frozenset({"de", "en", "para", "sobre", "con", "a", "ante", "entre", "hacia"})
_NOT_POST = frozenset({"que", "quien", "quienes", "cual", "y", "e", "o", "con", "así", "como"})


# "Asistieron, de la Secretaría de Gobernación, la comisionada ..., X": the organization set off
# before the post is the person's.
_FRONTED = re.compile(
    r"(?:^|[,;:]\s*|\b(?:también|además)\s+)(?:de\s+la|del|de\s+los)\s+"
    r"(?P<org>[A-ZÁÉÍÓÚÑ][^,;:]{2,80}),\s*$"
)


def fronted_org(text: str, m: Mention, orgs) -> Mention:  # type: ignore[no-untyped-def]
    if not m.name or m.org:
        return m
    hit = _FRONTED.search(text, max(0, m.start - 100), m.start)
    if not hit:
        return m
    org = hit.group("org").strip()
    key = gazetteer_key(org)
    country = m.country or org_country(org, orgs) or (key[1] if key else None)
    return replace(m, org=org, country=country)


_LABEL = re.compile(r"\s*[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.]+(?:\s+[A-ZÁÉÍÓÚÑÜ][A-ZÁÉÍÓÚÑÜ.]*){1,7}\s*:")


def label_case(text: str, lx) -> str:  # type: ignore[no-untyped-def]
    """A transcript's upper-case speaker label ("SUBSECRETARIO ADJUNTO CHARLES E. HARTWELL:")
    written as running text: post words in lower case, name words capitalised."""
    label = _LABEL.match(text)
    if not label:
        return text
    words = {w for h in lx.heads for w in h} | lx.adjectives | lx.particles

    def case(m: re.Match[str]) -> str:
        w = m.group(0)
        return w.lower() if w.lower() in words else w[:1] + w[1:].lower()

    return re.sub(r"[^\s:]+", case, label.group(0)) + text[label.end() :]
