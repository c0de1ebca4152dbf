"""A post set off after a name: where it starts, its owner ("CBP's"), where its head ends, and
how far its complements run ("Director of Field Operations for the Tucson Field Office"); and
a long post set off before the name by a comma.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import load
from .namewords import joins, lex, match_at, name_word, span
from .text import Tok

# Words that link a post's head to its complement.
LINK = {"of", "for", "to", "on"}
# Function words that end a run of modifiers before a post's head.
STOPS = {"of", "for", "to", "on", "in", "at", "and", "or", "who", "which", "that", "with", "by",
         "from", "as", "said", "says", "was", "is", "were", "are", "has", "had", "will"}


@cache
def head_words(lang: str) -> frozenset[str]:
    lx = lex(lang)
    return frozenset(w for h in lx.heads for w in h if w[:1].isupper())


def post_tail(toks: list[Tok], end: int, lx) -> int:  # type: ignore[no-untyped-def]
    """The end of a post written after a name: its title words ("Administrator General"),
    then complements "of/for/to (the) ..." in lower case ("of field operations") or capitalised
    ("for North America", "of the Financial Intelligence Unit (UIF)")."""
    heads = head_words("en") | head_words("es")
    while end < len(toks) and toks[end].cap and toks[end].text in heads | lx.ranks:
        end += 1
    while end + 1 < len(toks) and toks[end].text in LINK:
        k = end + 1 + (toks[end + 1].text == "the")
        run = k
        if run < len(toks) and toks[run].possessive:
            break  # "for CBP's Tucson Field Office": the organization, read apart
        if run < len(toks) and toks[run].cap:
            while run < len(toks) and (
                toks[run].cap
                or (toks[run].text in ("of", "and", "&", "in", "for")
                    and run + 1 < len(toks) and toks[run + 1].cap)
                or joins(toks, run, lx)
            ):
                run += 1
            if run + 2 < len(toks) and toks[run].text == "(" and toks[run + 2].text == ")":
                run += 3  # "(UIF)"
        else:
            while (
                run < len(toks)
                and toks[run].text.islower()
                and toks[run].text not in ("for", "at", "with", "and", "of", "in", "who", "which")
            ):
                run += 1
        if run == k:
            break
        end = run
    return end


def appositive(toks: list[Tok], k: int, lx, lang: str) -> tuple[int, str | None, int, int]:  # type: ignore[no-untyped-def]
    """The post set off after a name: (where the post starts, the owner written before it,
    where its head ends; 0 when there is none). Forms: "the U.S. Consul in ...", "then
    Commissioner of CBP", "CBP's Director of Field Operations", "Canada's Minister of ...",
    "Southern Border Advisor"."""
    skip = [tuple(w.split()) for w in load(lang, "titles").get("apposition_skip", [])]
    modifiers = set(load(lang, "titles").get("post_modifiers", []))
    moved = True
    while moved:
        moved = False
        for words in sorted(skip, key=len, reverse=True):
            if tuple(t.text.lower() for t in toks[k : k + len(words)]) == words:
                k += len(words)
                moved = True
                break
    owner = None
    if k < len(toks) and toks[k].possessive:
        owner = toks[k].bare
        k += 1
    for j in range(k, min(k + 5, len(toks))):
        lower_run = all(t.text.islower() for t in toks[k:j])
        n = match_at(toks, j, lx.lower_heads) if lower_run else 0
        n = n or match_at(toks, j, lx.heads)
        if n:
            return k, owner, j, j + n
        tok = toks[j]
        lower_ok = tok.text.islower() and tok.text not in STOPS and any(
            match_at(toks, x, lx.lower_heads) for x in range(j + 1, min(j + 4, len(toks))))
        if lower_ok:  # "the homeland security secretary"
            continue
        if (
            not (tok.cap or tok.text == "and")
            or (tok.text in lx.not_name - lx.complement and tok.text not in modifiers)
            or (name_word(tok, lx, lang) and j + 1 < len(toks) and toks[j + 1].text == ",")
        ):
            break
    return k, owner, 0, 0


def org_run(text: str, toks: list[Tok], j: int) -> str:
    k = j
    while k < len(toks) and (
        toks[k].cap or (toks[k].text in ("of", "and") and k + 1 < len(toks) and toks[k + 1].cap)
    ):
        k += 1
    return span(text, toks, j, k)


@cache
def _post_span_words(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    titles = load(lang, "titles")
    return (
        frozenset(titles.get("post_span_breaks", [])),
        frozenset(titles.get("post_span_articles", [])),
        frozenset(titles.get("post_span_preps", [])),
    )


def long_post(  # type: ignore[no-untyped-def]
    toks: list[Tok], j: int, lx, slot_name_length, after_rank, lang: str
) -> tuple[int, int] | None:
    """ "el director de operaciones de campo de la CBP en Tucson, Robert J. Haldane": a post
    whose complement runs through lower-case words, set off from the name by a comma
    (``post_span_*`` in the titles lexicon). Returns (name index, post end) or None."""
    breaks, articles, preps = _post_span_words(lang)
    k = j
    while k < len(toks) and k - j <= 12 and toks[k].text != ",":
        word = toks[k].text.lower()
        if not re.fullmatch(r"[\wÀ-ÿ.-]+", word) or word in breaks:
            return None
        if word in articles and toks[k - 1].text.lower() not in preps:
            return None  # a second person begins
        k += 1
    if k == j or k + 1 >= len(toks) or toks[k].text != ",":
        return None
    at = after_rank(toks, k + 1, lx)
    return (at, k) if slot_name_length(toks, at, lx) >= 2 else None
