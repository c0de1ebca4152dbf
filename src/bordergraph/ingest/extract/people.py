"""Person mentions in a sentence: a name with the post written before or after it.

Forms handled (the vocabulary is ``data/lexicon/LANG/titles.yaml`` and ``people.yaml``):

- post before name: "Secretary of Homeland Security Alejandro N. Mayorkas",
  "GSA Pacific Rim Regional Administrator Ruth Cox", "the Secretary of the Navy, Admiral X Y";
- name before post: "William Brooks, director of field operations for CBP's Tucson Field Office";
- short forms and back-references: "Secretary Mayorkas", "Mr. Brooks", "the Prime Minister".

>>> [(m.name, m.post, m.country) for m in find_mentions(
...     "Mexican Foreign Secretary Marcelo Ebrard led Mexico's delegation.")]
[('Marcelo Ebrard', 'Foreign Secretary', 'MX')]
"""

from __future__ import annotations

import re

from .apposition import LINK, appositive, head_words, org_run, post_tail
from .lexicon import load
from .name_runs import bare_names
from .namewords import Mention, joins, lex, match_at, name_length, name_word, span
from .post_country import (
    demonyms,
    org_country,
    place_country,
    post_country,
    split_org,
)
from .text import country_of, state_country, tokenize


def find_mentions(text: str, lang: str = "en", orgs=None) -> list[Mention]:  # type: ignore[no-untyped-def]
    """The person mentions of one sentence, left to right. ``orgs`` is an
    :class:`~bordergraph.ingest.extract.orgs.OrgTable` used to recognise organization acronyms."""
    lx = lex(lang)
    toks = tokenize(text, lang)
    out: list[Mention] = []
    used: set[int] = set()
    i = 0
    plural = load(lang, "titles").get("plural_heads", {})
    while i < len(toks):
        if toks[i].text in plural and i not in used:
            listed, last = _plural(text, toks, i, plural[toks[i].text], lx, lang, orgs)
            if listed:
                out.extend(listed)
                used.update(range(i, last))
                i = last
                continue
        n = match_at(toks, i, lx.heads)
        lower = 0
        if not n and i > 0 and toks[i - 1].possessive:
            lower = n = match_at(toks, i, lx.lower_heads)  # "GAP's chair, Laura Diez"
        if not n or not (toks[i].cap or lower) or i in used:
            i += 1
            continue
        m, last = _post_first(text, toks, i, n, lx, lang, orgs)
        if m is not None and lower and m.name is None:
            m = None
        if m is not None:
            out.append(m)
            used.update(range(i, last))
            i = last
        else:
            i += n
    later = _name_first(text, toks, used, lx, lang, orgs)
    # a back-reference inside a post written after a name ("Chief of Staff to the Attorney
    # General") is part of that post
    out = [m for m in out if not any(n.start <= m.start and m.end <= n.end for n in later)]
    out += later
    out += bare_names(text, toks, out, lang, orgs, lambda t, i: name_length(t, i, lx, lang))
    return sorted(out, key=lambda m: m.start)


def _post_first(text, toks, i, n, lx, lang, orgs):  # type: ignore[no-untyped-def]
    head = " ".join(t.text for t in toks[i : i + n])
    left, org, country = _left(text, toks, i, lx, lang, orgs)
    j = i + n
    comp_end, name_at = j, None
    # complements: "of Homeland Security", "for Western Hemisphere Affairs", "to the United States"
    while j < len(toks) and (toks[j].text in LINK or toks[j].text == "in"):
        k = j + 1
        if k < len(toks) and toks[k].text == "the":
            k += 1
        run = k
        while run < len(toks) and (toks[run].cap or joins(toks, run, lx)):
            run += 1
        if run == k:
            break
        if toks[j].text == "in" and not (  # "the Consul in Nogales, A B": the post's seat
            run + 1 < len(toks)
            and toks[run].text == ","
            and name_length(toks, run + 1, lx, lang) >= 2
        ):
            break
        # a name glued to the complement: "... Hemisphere Affairs Brian A. Nichols"
        cut = run
        while cut > k and name_word(toks[cut - 1], lx, lang):
            cut -= 1
        if cut < run and cut > k and name_length(toks, cut, lx, lang) >= 2:
            comp_end, name_at = cut, cut
            break
        comp_end, j = run, run
    post_toks = (left, comp_end)
    if name_at is None:
        k = comp_end
        if k < len(toks) and toks[k].text == "," and (
            comp_end > i + n or left < i or (i > 0 and toks[i - 1].possessive)
        ):
            k += 1  # "the United States Ambassador to Mexico, Kenneth Salazar"
        while k < len(toks) and toks[k].text in lx.ranks:
            k += 1
        if name_length(toks, k, lx, lang):
            name_at = k
    post = span(text, toks, *post_toks)
    post, org2 = split_org(post, orgs)
    org = org or org2
    if name_at is None:
        before = toks[left - 1].text.lower() if left > 0 else ""
        if before == "the" and head not in lx.honorifics:
            return Mention(
                toks[left - 1].start,
                toks[comp_end - 1].end,
                None,
                post,
                head,
                org,
                country,
                "anaphor",
            ), comp_end
        return None, i + n
    size = name_length(toks, name_at, lx, lang)
    end = name_at + size
    name = re.sub(r"['’]s$", "", span(text, toks, name_at, end))
    if end + 1 < len(toks) and toks[end].text == "of":
        # "Governor X of Mexico", "Governor X of Nuevo Leon": the place after the name
        for w in (3, 2, 1):
            place = span(text, toks, end + 1, min(end + 1 + w, len(toks)))
            code = country_of(place, lang) or place_country(place)
            if code and end + 1 + w <= len(toks):
                country = country or code
                end += 1 + w
                break
    real = [
        t
        for t in toks[name_at : name_at + size]
        if t.text not in lx.suffixes and t.text != "," and not re.fullmatch(r"[A-Z]\.", t.text)
    ]
    kind = "full" if len(real) >= 2 else "short"
    if head in lx.honorifics:
        post = None
    country = country or post_country(post, lang)
    return Mention(toks[left].start, toks[end - 1].end, name, post, head, org, country, kind), end


def _plural(text, toks, i, head, lx, lang, orgs):  # type: ignore[no-untyped-def]
    """ "Presidents Ronald Reagan and Miguel de la Madrid", "Secretaries Ebrard, Durazo and
    Ojeda": one mention per listed name, each with the singular post."""
    left, org, country = _left(text, toks, i, lx, lang, orgs)
    joiners = set(load(lang, "titles").get("list_joiners", [",", "and"]))
    found = []
    j = i + 1
    while j < len(toks):
        size = name_length(toks, j, lx, lang)
        if not size:
            break
        real = [t for t in toks[j : j + size] if not re.fullmatch(r"[A-Z]\.", t.text)]
        dept = None
        end = j + size
        if end + 2 < len(toks) and toks[end].text == "(":
            close = next((c for c in range(end + 1, min(end + 8, len(toks)))
                          if toks[c].text == ")"), None)
            if close is not None:  # "Secretaries Rice (State), Chertoff (Homeland Security)"
                dept = span(text, toks, end + 1, close)
                end = close + 1
        found.append((j, j + size, len(real), dept))
        j = end
        if j < len(toks) and toks[j].text in joiners:
            k = j + 1
            if k < len(toks) and toks[k].text in joiners:
                k += 1  # ", and"
            if name_length(toks, k, lx, lang):
                j = k
                continue
        break
    if len(found) < 2:
        return [], i + 1
    out = []
    link = load(lang, "titles").get("post_link", "of")
    for a, b, n_real, dept in found:
        name = re.sub(r"['’]s$", "", span(text, toks, a, b))
        start = toks[left].start if a == found[0][0] else toks[a].start
        post = f"{head} {link} {dept}" if dept else head
        out.append(Mention(start, toks[b - 1].end, name, post, head, org, country,
                           "full" if n_real >= 2 else "short"))
    return out, j


def _left(text, toks, i, lx, lang, orgs):  # type: ignore[no-untyped-def]
    """Modifiers written before a post's title: kept in the post, or read as its organization
    ("GSA", "The Department of State's") or country ("Mexican", "Mexico's")."""
    k, org, country = i, None, None
    while k > 0:
        tok = toks[k - 1]
        if tok.possessive:
            owner_start = k - 1
            while (
                not country_of(tok.bare, lang)
                and owner_start > 0
                and (
                    toks[owner_start - 1].cap
                    or toks[owner_start - 1].text == "of"
                    or joins(toks, owner_start - 1, lx)
                )
                and toks[owner_start - 1].text != "The"
            ):
                owner_start -= 1
            owner = re.sub(r"['’]s$", "", span(text, toks, owner_start, k))
            if country_of(owner, lang):
                country = country_of(owner, lang)
            elif owner[:1].isupper() and owner not in head_words(lang):
                org = owner  # "the city's mayor", "the President's Counsel": none named
            break
        if tok.cap and tok.text.lower() in demonyms(lang):
            country = country_of(tok.text, lang)  # "Mexican Foreign Secretary": not in the post
            break
        if not tok.cap or tok.text in lx.not_name - lx.complement - {"Regional", "U.S."}:
            break
        if (
            tok.text == ")"
            and k >= 3
            and toks[k - 3].text == "("
            and orgs is not None
            and orgs.lookup(toks[k - 2].text) is not None
        ):
            org = toks[k - 2].text  # "U.S. Customs and Border Protection (CBP) Director ..."
            break
        if orgs is not None and orgs.lookup(tok.text) is not None:
            org = tok.text
            break
        place = next(
            (w for w in (3, 2, 1) if k - w >= 0 and place_country(span(text, toks, k - w, k))),
            0,
        )
        if place:  # "Brownsville Mayor", "San Diego Mayor": the city's country
            country = country or place_country(span(text, toks, k - place, k))
            k -= place
            break
        if (
            name_word(tok, lx, lang)
            and not state_country(tok.text, lang)
            and tok.text not in lx.complement
            and k - 1 > 0
            and toks[k - 2].cap
        ):
            break  # a preceding name ("... Jeff Flake Representative") is not a modifier
        k -= 1
        if state_country(tok.text, lang):
            country = country or state_country(tok.text, lang)
            if k >= 2 and toks[k - 1].text == "," and toks[k - 2].cap:
                k -= 2  # "Nogales, Arizona Mayor"
            break
    if k < i and country is None:
        country = country_of(span(text, toks, k, i), lang) or (
            country_of(toks[k].text, lang) if toks[k].text in ("U.S.",) else None
        )
    return k, org, country


def _name_first(text, toks, used, lx, lang, orgs):  # type: ignore[no-untyped-def]
    """ "William Brooks, director of field operations for CBP's Tucson Field Office"."""
    out = []
    i = 0
    while i < len(toks):
        size = name_length(toks, i, lx, lang) if i not in used else 0
        ranked = i > 0 and toks[i - 1].text in lx.ranks and i - 1 not in used
        if (
            size < 2
            or (i and toks[i - 1].cap and not ranked)
            or place_country(span(text, toks, i, i + size))  # "In Monterrey, Nuevo León, ..."
        ):
            i += max(size, 1)
            continue
        k = i + size
        if k + 1 < len(toks) and toks[k].text in (",", "("):
            paren = toks[k].text == "("
            k += 1
            k, owner, head_at, n = appositive(toks, k, lx, lang)
            if n:
                end = post_tail(toks, n, lx)
                post = span(text, toks, k, end)
                org = None
                if owner and not country_of(owner, lang):
                    org = owner
                if paren and end + 1 < len(toks) and toks[end].text == ",":
                    # "Name (Administrator, Environmental Protection Agency)"
                    close = next((c for c in range(end + 1, min(end + 12, len(toks)))
                                  if toks[c].text == ")"), None)
                    if close is not None and toks[end + 1].cap:
                        org = span(text, toks, end + 1, close)
                        end = close
                if end + 1 < len(toks) and toks[end].text in ("for", "at", "of"):
                    j = end + 1 + (toks[end + 1].text == "the")
                    if toks[j].possessive and country_of(toks[j].bare, lang) and j + 1 < len(toks):
                        j += 1  # "head of Mexico's National Customs Agency": the agency's
                    if j < len(toks) and toks[j].cap:
                        org = toks[j].bare if toks[j].possessive else org_run(text, toks, j)
                        if orgs is not None and orgs.lookup(org) is None and not toks[j].possessive:
                            org = None
                out.append(
                    Mention(
                        toks[i].start,
                        toks[end - 1].end,
                        span(text, toks, i, i + size),
                        post,
                        " ".join(t.text for t in toks[head_at:n]),
                        org,
                        post_country(post, lang)
                        or (country_of(owner, lang) if owner else None)
                        or org_country(org, orgs),
                        "full",
                    )
                )
                used.update(range(i, end))
                i = end
                continue
        if ranked and not (i + size < len(toks) and toks[i + size].cap):
            # "General Homero Mendoza Ruiz and ...": a rank and a name, no post
            out.append(Mention(toks[i - 1].start, toks[i + size - 1].end,
                               span(text, toks, i, i + size), kind="full"))
            used.update(range(i - 1, i + size))
        i += size
    return out
