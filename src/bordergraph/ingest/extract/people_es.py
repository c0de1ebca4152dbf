"""Person mentions in Spanish: the post is written before the name, often set off by a comma.

Forms: "el canciller Marcelo Ebrard", "la secretaria de Economía, Tatiana Clouthier",
"el jefe de la Unidad para América del Norte de la SRE, Roberto Velasco Álvarez" (the trailing
"de la SRE" is the person's organization), "el presidente López Obrador" (a short form) and
"el canciller destacó" (a back-reference). Vocabulary: ``data/lexicon/es/titles.yaml`` and
``people.yaml``. Returns the same :class:`~bordergraph.ingest.extract.people.Mention` as English.

>>> [(m.name, m.post, m.country) for m in find_mentions_es(  # doctest: +NORMALIZE_WHITESPACE
...     "Asistieron la comisionada de la Sección mexicana, Adriana Reséndez Maldonado; y el "
...     "congresista Juan Vargas.")]
[('Adriana Reséndez Maldonado', 'comisionada de la Sección mexicana', 'MX'),
 ('Juan Vargas', 'congresista', 'US')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .apposition import long_post
from .lexicon import load
from .name_runs import bare_names, far_name, office_anaphors, plural_list
from .namewords import by_first_word, label_case
from .people import Mention
from .post_country import demonyms, fronted_org, place_country, whole_post_country
from .text import Tok, country_of, tokenize

_LINKS = {"de", "del", "para", "en", "sobre", "ante"}
_ARTICLES = {"la", "las", "los", "el"}
_DETS = {"el", "la", "al", "del", "los", "las"}
_JOIN = {"y", "e", "de", "del", "en", "entre", "para", "sobre"}
_ORG_HEADS = (
    "Secretaría",
    "Embajada",
    "Comisión",
    "Agencia",
    "Consulado",
    "Departamento",
    "Oficina",
    "Servicio",
    "Instituto",
    "Gabinete",
    "Procuraduría",
    "Fiscalía",
)


@dataclass(frozen=True)
class _Lex:
    heads: tuple[tuple[str, ...], ...]
    adjectives: frozenset[str]
    complement: frozenset[str]
    not_name: frozenset[str]
    particles: frozenset[str]
    post_countries: dict[str, str]
    ranks: frozenset[str]
    post_patterns: dict[str, str]
    country_aliases: dict[str, str]


@cache
def _lex() -> _Lex:
    t, p = load("es", "titles"), load("es", "people")
    heads = sorted((tuple(h.lower().split()) for h in t.get("heads", [])), key=len, reverse=True)
    return _Lex(
        tuple(heads),
        frozenset(t.get("post_adjectives", []))
        | frozenset(w.lower() for w in load("es", "places").get("demonyms", [])),
        frozenset(t.get("complement_words", [])),
        frozenset(p.get("not_name_words", [])),
        frozenset(p.get("particles", [])),
        dict(t.get("post_countries", {})),
        frozenset(r.lower() for r in t.get("ranks", [])),
        dict(t.get("post_country_patterns", {})),
        dict(t.get("country_aliases", {})),
    )


def _head_at(toks: list[Tok], i: int, lx: _Lex) -> int:
    """Length of the longest post head starting at token ``i`` (0 if none)."""
    for words in by_first_word(lx.heads).get(toks[i].text.lower(), ()):
        if tuple(t.text.lower() for t in toks[i : i + len(words)]) == words:
            return len(words)
    return 0


def _name_word(tok: Tok, lx: _Lex) -> bool:
    if lx is _lex():  # the lexicon's own words: memoised per word
        return _lexicon_name_word(tok.text)
    return _is_name_word(tok.text, lx, frozenset(h[0] for h in lx.heads))


@lru_cache(maxsize=16384)
def _lexicon_name_word(text: str) -> bool:
    # cached: name_length re-tests the same words at every start position, in every release
    return _is_name_word(text, _lex(), _head_firsts())


@cache
def _head_firsts() -> frozenset[str]:
    return frozenset(h[0] for h in _lex().heads)


_NAME_SHAPE = re.compile(r"[A-ZÁÉÍÓÚÑÜ][\wÀ-ÿ’'-]*|[A-Z]\.")


def _is_name_word(text: str, lx: _Lex, head_firsts: frozenset[str]) -> bool:
    if text in lx.not_name or text in lx.complement or country_of(text, "es"):
        return False
    return bool(_NAME_SHAPE.fullmatch(text)) and text.lower() not in head_firsts


def name_length(toks: list[Tok], i: int, lx: _Lex | None = None) -> int:
    """Tokens of a person's name starting at ``i`` (initials and particles inside)."""
    lx = lx or _lex()
    n = 0
    while i + n < len(toks):
        if _name_word(toks[i + n], lx):
            n += 1
        elif (
            n
            and _cap(toks[i + n])
            and toks[i + n].text.lower() in _head_firsts()
            and i + n + 1 < len(toks)
            and _name_word(toks[i + n + 1], lx)
        ):
            n += 1  # a surname that is also a title: "Luisa María Alcalde Luján"
        elif n and toks[i + n].text in lx.particles:
            k = i + n + 1 + (toks[i + n + 1].text in _ARTICLES if i + n + 1 < len(toks) else 0)
            if k < len(toks) and _name_word(toks[k], lx) and not country_of(toks[k].text, "es"):
                n = k - i + 1
            else:
                break
        else:
            break
    return n


def _cap(tok: Tok) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def _complement(toks: list[Tok], j: int, lx: _Lex) -> int:
    """End of a post's complement starting at ``j``: "de la Unidad para América del Norte"."""
    while j < len(toks) and toks[j].text.lower() in lx.adjectives:
        j += 1
    while j < len(toks) and toks[j].text in _LINKS:
        k = j + 1
        while k < len(toks) and toks[k].text in _ARTICLES:
            k += 1
        run = k
        while run < len(toks):
            t = toks[run]
            if _cap(t):
                run += 1
            elif t.text == "(" and run + 2 < len(toks) and toks[run + 2].text == ")":
                run += 3
            elif run > k and (t.text.lower() in lx.adjectives or t.text.lower() in demonyms("es")):
                run += 1
            elif (
                run > k
                and t.text in _JOIN
                and run + 1 < len(toks)
                and (
                    _cap(toks[run + 1])
                    or (toks[run + 1].text in _ARTICLES
                    and run + 2 < len(toks)
                    and _cap(toks[run + 2]))
                )
            ):
                run += 1 if _cap(toks[run + 1]) else 2
            else:
                break
        if run == k:
            break
        j = run
    return j


def find_mentions_es(text: str, orgs=None) -> list[Mention]:  # type: ignore[no-untyped-def]
    """The person mentions of one Spanish sentence, left to right."""
    lx = _lex()
    text = label_case(text, lx)
    toks = tokenize(text, "es")
    out: list[Mention] = []
    used: set[int] = set()
    i = 0
    plural = {k.lower(): v for k, v in load("es", "titles").get("plural_heads", {}).items()}
    while i < len(toks):
        if toks[i].text.lower() in plural and i not in used:
            listed, last = plural_list(
                text, toks, i, plural[toks[i].text.lower()], lambda t, k: name_length(t, k, lx),
                set(load("es", "titles").get("list_joiners", [",", "y", "e"])),
                lambda post: whole_post_country(post, orgs, lx, _split_org, "es"),
            )
            if listed:
                out.extend(listed)
                used.update(range(i, last))
                i = last
                continue
        n = _head_at(toks, i, lx)
        if (
            not n
            or i in used
            or _inside_name(toks, i, lx)
            or _rank_before_apposition(toks, i, n, lx)
        ):
            i += 1
            continue
        m, last = _post_first(text, toks, i, n, lx, orgs)
        if m is not None:
            out.append(m)
            used.update(range(i, last))
            i = last
        else:
            i += n
    later = _name_first(text, toks, used, lx, orgs)
    # a back-reference inside a post set off after a name is part of that post
    out = [m for m in out if not any(n.start <= m.start and m.end <= n.end for n in later)]
    out += later
    out += bare_names(text, toks, out, "es", orgs, lambda t, i: name_length(t, i, lx))
    out += office_anaphors(text, out, "es")
    return sorted((fronted_org(text, m, orgs, "es") for m in out), key=lambda m: m.start)


def _inside_name(toks: list[Tok], i: int, lx: _Lex) -> bool:
    """A capitalised title word between name words is a surname ("María Alcalde Luján")."""
    return (
        _cap(toks[i])
        and i > 0
        and _name_word(toks[i - 1], lx)
        and i + 1 < len(toks)
        and _name_word(toks[i + 1], lx)
    )


def _rank_before_apposition(toks: list[Tok], i: int, n: int, lx: _Lex) -> bool:
    """ "general Luis Sandoval, secretario de la Defensa": the rank is no post; the post set
    off after the name is."""
    if " ".join(t.text.lower() for t in toks[i : i + n]) not in lx.ranks:
        return False
    size = name_length(toks, i + n, lx)
    k = i + n + size
    if not size or k + 1 >= len(toks) or toks[k].text != ",":
        return False
    k += 1 + (toks[k + 1].text.lower() in _DETS)
    return bool(_head_at(toks, k, lx))


def _post_first(text, toks, i, n, lx, orgs):  # type: ignore[no-untyped-def]
    det = i > 0 and toks[i - 1].text.lower() in _DETS
    head = " ".join(t.text.lower() for t in toks[i : i + n])
    comp_end = _complement(toks, i + n, lx)
    if (
        comp_end + 2 < len(toks)
        and toks[comp_end].text == ","
        and toks[comp_end + 2].text == ","
        and place_country(toks[comp_end + 1].text)
        and _slot_name_length(toks, comp_end + 3, lx) >= 2
    ):  # "el alcalde de Nogales, Sonora, Tomás Ibarra": the state qualifies the post's place
        comp_end += 2
    name_at = None
    if comp_end == i + n and i + n < len(toks) and name_length(toks, i + n, lx):
        name_at = i + n  # "el canciller Marcelo Ebrard"
    elif (
        comp_end < len(toks) - 1
        and toks[comp_end].text == ","
        and _slot_name_length(toks, _after_rank(toks, comp_end + 1, lx), lx) >= 2
    ):
        # "la secretaria de Economía, Tatiana Clouthier"; "..., general Luis Sandoval"
        name_at = _after_rank(toks, comp_end + 1, lx)
    elif (
        comp_end > i + n
        and all(t.text.islower() for t in toks[i + n : comp_end])
        and name_length(toks, comp_end, lx) >= 2
    ):
        name_at = comp_end  # "el asesor municipal Luis Ramírez"
    elif comp_end > i + n:  # "el secretario de Estado Antony Blinken": name glued on
        cut = comp_end
        while cut > i + n and _name_word(toks[cut - 1], lx):
            cut -= 1
        if comp_end - cut >= 2 and (_cap(toks[cut - 1]) or toks[cut - 1].text in lx.adjectives):
            name_at, comp_end = cut, cut
    if name_at is None and det:
        found = long_post(toks, comp_end, lx, _slot_name_length, _after_rank, "es") or far_name(
            toks, comp_end, lambda t, k: name_length(t, k, lx), lambda t, k: _det_post(t, k, lx)
        )
        name_at, comp_end = found or (None, comp_end)
    post = text[toks[i].start : toks[comp_end - 1].end]
    country = whole_post_country(post, orgs, lx, _split_org, "es")
    post, org = _split_org(post, orgs)
    start = toks[i - 1].start if det else toks[i].start
    if name_at is None:
        if not det:
            return None, i + n
        return Mention(
            start, toks[comp_end - 1].end, None, post, head, org, country, "anaphor"
        ), comp_end
    size = name_length(toks, name_at, lx) or _slot_name_length(toks, name_at, lx)
    end = name_at + size
    name = text[toks[name_at].start : toks[end - 1].end]
    real = [
        t
        for t in toks[name_at:end]
        if not re.fullmatch(r"[A-Z]\.", t.text) and t.text not in lx.particles
    ]
    kind = "full" if len(real) >= 2 else "short"
    return Mention(start, toks[end - 1].end, name, post, head, org, country, kind), end


def _det_post(toks: list[Tok], k: int, lx: _Lex) -> bool:
    """A second person's post begins at ``k``: an article, then a post head."""
    return toks[k].text.lower() in _DETS and k + 1 < len(toks) and bool(_head_at(toks, k + 1, lx))


def _slot_name_length(toks: list[Tok], k: int, lx: _Lex) -> int:
    """The name set off after a post, which may open with a word that elsewhere is a post's
    complement ("la gobernadora de Baja California, Marina del Pilar Ávila")."""
    n = name_length(toks, k, lx)
    if n or k >= len(toks) or not _cap(toks[k]) or toks[k].text not in lx.complement:
        return n
    j = k + 1
    while j < len(toks) and toks[j].text in lx.particles:
        j += 1
    rest = name_length(toks, j, lx) if j > k + 1 else 0
    return (j - k) + rest if rest else 0


def _after_rank(toks: list[Tok], k: int, lx: _Lex) -> int:
    """Skip a military rank written before a name ("general", "almirante")."""
    while k < len(toks) - 1 and toks[k].text.lower() in lx.ranks:
        k += 1
    return k


def _split_org(post: str, orgs) -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    """ "jefe de la Unidad para América del Norte de la SRE" -> post, "SRE"."""
    for m in re.finditer(r"\s+(?:de la|del|de los|de)\s+", post):
        if m.start() == post.find(" "):
            continue  # the post's own complement ("secretaria de Economía")
        rest = post[m.end() :]
        first = rest.split()[0] if rest.split() else ""
        known = orgs is not None and orgs.lookup(rest) is not None
        if known or first in _ORG_HEADS or re.fullmatch(r"[A-Z]{2,8}", rest):
            return post[: m.start()], rest
    return post, None


@cache
def _skips() -> tuple[tuple[str, ...], ...]:
    words = load("es", "titles").get("apposition_skip", [])
    return tuple(sorted((tuple(w.split()) for w in words if " " in w), key=len, reverse=True))


def _name_first(text, toks, used, lx, orgs):  # type: ignore[no-untyped-def]
    """ "Roberto Velasco Álvarez, jefe de la Unidad para América del Norte"."""
    out = []
    i = 0
    while i < len(toks):
        size = name_length(toks, i, lx) if i not in used else 0
        if size < 2 or (i and _cap(toks[i - 1]) and toks[i - 1].text not in lx.not_name):
            i += max(size, 1)
            continue
        k = i + size
        if k + 1 < len(toks) and toks[k].text == ",":
            k += 1
            for words in _skips():  # "X, quien funge como subsecretario ..."
                if tuple(t.text.lower() for t in toks[k : k + len(words)]) == words:
                    k += len(words)
                    break
            k += k < len(toks) and toks[k].text.lower() in _DETS
            n = _head_at(toks, k, lx)
            if n:
                end = _complement(toks, k + n, lx)
                whole = text[toks[k].start : toks[end - 1].end]
                post, org = _split_org(whole, orgs)
                out.append(
                    Mention(
                        toks[i].start,
                        toks[end - 1].end,
                        text[toks[i].start : toks[i + size - 1].end],
                        post,
                        " ".join(t.text.lower() for t in toks[k : k + n]),
                        org,
                        whole_post_country(whole, orgs, lx, _split_org, "es"),
                        "full",
                    )
                )
                used.update(range(i, end))
                i = end
                continue
        i += size
    return out
