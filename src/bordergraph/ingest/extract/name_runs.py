"""Names written without a post: the subject of a person's verb ("Marcelo Ebrard said",
"Alicia Bárcena encabezó"), and the names listed under a plural title ("los presidentes A y B").

>>> from bordergraph.ingest.extract.people import find_mentions
>>> [m.name for m in find_mentions("Ana Lee said the crossing will reopen.")]
['Ana Lee']
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import alternation, load
from .namewords import Mention, span
from .post_country import place_country


@cache
def _subject_verbs(lang: str) -> re.Pattern[str] | None:
    """The verbs whose subject is a person: speech verbs and role verbs of the roles lexicon."""
    lex_ = load(lang, "roles")
    pats: list[str] = [re.escape(v) for v in lex_.get("speaker", {}).get("verbs", [])]
    for key in ("delegation_head", "co_host", "chair", "host", "signatory", "participant"):
        cues = lex_.get(key, {})
        pats += cues.get("subject", []) if isinstance(cues, dict) else cues
    pats = [p for p in pats if p]
    if not pats:
        return None
    rel = r"(?:,?\s*(?:who|quien|que)\s+)?"
    verbs = alternation(pats, escape=False)
    return re.compile(
        rf"\s*(?:,[^,;]{{0,60}},\s*)?{rel}{verbs}(?![\wÀ-ÿ])", re.I if lang != "en" else 0
    )


def bare_names(text, toks, known, lang, orgs, size_at):  # type: ignore[no-untyped-def]
    """A name with no post, written as the subject of a person's verb ("Marcelo Ebrard
    said", "Alicia Bárcena encabezó"): two name words or more, not an organization."""
    verbs = _subject_verbs(lang)
    if verbs is None:
        return []
    taken = [(m.start, m.end) for m in known]
    out = []
    i = 0
    while i < len(toks):
        size = size_at(toks, i)
        if size < 2 or (i and toks[i - 1].cap) or any(a <= toks[i].start < b for a, b in taken):
            i += max(size, 1)
            continue
        a, b = toks[i].start, toks[i + size - 1].end
        name = text[a:b]
        if (
            verbs.match(text, b)
            and not (orgs is not None and orgs.lookup(name) is not None)
            and not place_country(name)
            and "\n" not in name
        ):
            out.append(Mention(a, b, name, kind="full"))
        i += size
    return out


def plural_list(text, toks, i, head, size_at, joiners, post_country=None):  # type: ignore[no-untyped-def]
    """ "los presidentes A y B": one mention per listed name with the singular post (for a
    language whose names :func:`_plural` does not read). The plural post may carry a
    complement set off from the names by a comma ("los alcaldes de Nogales, Sonora, y Nogales,
    Arizona, A y B"): each name then takes its share of it when the shares and names pair up.
    ``post_country`` (post -> country code or None) gives each share's country."""
    found, j = _listed(toks, i + 1, size_at, joiners)
    shares: list[str] = []
    if len(found) < 2:
        for k in range(i + 2, min(len(toks) - 1, i + 18)):
            if toks[k].text in ";.:":
                break
            if toks[k].text != ",":
                continue
            found, j = _listed(toks, k + 1, size_at, joiners)
            if len(found) >= 2 and all(_real_words(toks[a:b]) >= 2 for a, b in found):
                shares = _shares(text[toks[i + 1].start : toks[k - 1].end], len(found))
                break
        else:
            found = []
    if len(found) < 2:
        found, shares, j = _alternating(text, toks, i + 1, size_at)
    if len(found) < 2:
        return [], i + 1
    out = []
    for n, (a, b) in enumerate(found):
        post = f"{head} {shares[n]}" if shares else head
        country = post_country(post) if shares and post_country else None
        out.append(
            Mention(
                toks[a].start,
                toks[b - 1].end,
                span(text, toks, a, b),
                post,
                head,
                None,
                country,
                "full" if _real_words(toks[a:b]) >= 2 else "short",
            )
        )
    return out, j


def _listed(toks, j, size_at, joiners):  # type: ignore[no-untyped-def]
    """The names joined by list joiners from token ``j``: [(start, end)], next index."""
    found = []
    while j < len(toks):
        size = size_at(toks, j)
        if not size:
            break
        found.append((j, j + size))
        j += size
        if j < len(toks) and toks[j].text in joiners:
            k = j + 1 + (j + 1 < len(toks) and toks[j + 1].text in joiners)
            if size_at(toks, k):
                j = k
                continue
        break
    return found, j


def _real_words(toks) -> int:  # type: ignore[no-untyped-def]
    return len([t for t in toks if not re.fullmatch(r"[A-Z]\.", t.text) and t.text[:1].isupper()])


def _shares(complement: str, count: int) -> list[str]:
    """ "de Nogales, Sonora, y Nogales, Arizona" for two names: "de Nogales, Sonora" and "de
    Nogales, Arizona" (a share without its own preposition takes the first one's)."""
    parts = [p.strip(" ,") for p in re.split(r",?\s+(?:y|e|and)\s+", complement)]
    if len(parts) != count or not all(parts):
        return []
    lead = re.match(r"(?:de|del|of|for)\s+(?:(?:la|el|los|las|the)\s+)?", parts[0])
    prep = lead.group(0) if lead else ""
    return [
        p if n == 0 or re.match(r"(?:de|del|of|for)\s", p) else prep + p
        for n, p in enumerate(parts)
    ]


def _alternating(text, toks, j, size_at):  # type: ignore[no-untyped-def]
    """ "los secretarios de Economía, A, y de Agricultura, B": each share set off before its
    own name. Returns [(start, end)], shares, next index."""
    found: list[tuple[int, int]] = []
    shares: list[str] = []
    while j < len(toks) and len(found) < 6:
        k = next((k for k in range(j, min(len(toks) - 1, j + 10)) if toks[k].text in ",;.:"), -1)
        size = size_at(toks, k + 1) if k > j and toks[k].text == "," else 0
        if not size or _real_words(toks[k + 1 : k + 1 + size]) < 2:
            break
        share = text[toks[j].start : toks[k - 1].end]
        if not re.match(r"(?:de|del|of|for)\s", share):
            break
        found.append((k + 1, k + 1 + size))
        shares.append(share)
        j = k + 1 + size
        if j + 1 < len(toks) and toks[j].text in ",;" and toks[j + 1].text in ("y", "e", "and"):
            j += 2
        elif j < len(toks) and toks[j].text in ("y", "e", "and", ";"):
            j += 1
        else:
            break
    return (found, shares, j) if len(found) >= 2 else ([], [], j)


def far_name(toks, j, size_at, post_at):  # type: ignore[no-untyped-def]
    """ "el agregado del Buró de Alcohol, Tabaco, Armas de Fuego y Explosivos (ATF) en México,
    Brian Castellanos": a post whose organization holds commas (or "con México"), set off from
    its name by the comma before a full name that closes the clause. ``post_at(toks, k)`` tells
    a second person's post starting at ``k`` (the scan stops there). Returns (name index, post
    end) or None."""
    for k in range(j, min(len(toks) - 1, j + 28)):
        text = toks[k].text
        if text in (";", ":", ".") or post_at(toks, k):
            return None
        if text != ",":
            continue
        size = size_at(toks, k + 1)
        if size < 2 or _real_words(toks[k + 1 : k + 1 + size]) < 2:
            continue
        nxt = k + 1 + size
        after = toks[nxt].text if nxt < len(toks) else "."
        then = toks[nxt + 1].text if nxt + 1 < len(toks) else ""
        if (
            after in (".", ";", ":", ")")
            or (after == "," and (then in ("y", "e") or not then[:1].isupper()))
            or (after in ("y", "e") and not then[:1].isupper())
        ):
            return k + 1, k
    return None


def office_anaphors(text: str, known, lang: str) -> list:  # type: ignore[no-untyped-def]
    """ "El Ejecutivo estatal destacó ...", "el Primer Mandatario": a back-reference by the
    office alone (``titles.yaml`` ``office_anaphors``: phrase -> post head), resolved like "el
    gobernador" to the holder the release names."""
    table = load(lang, "titles").get("office_anaphors", {})
    out = []
    for phrase, head in table.items():
        for m in re.finditer(rf"\b(?:el|la|al|del)\s+({re.escape(phrase)})\b", text, re.I):
            prev = text[: m.start()].split()[-1:]  # "la Oficina del Ejecutivo Estatal": a body
            if not any(k.start <= m.start(1) < k.end for k in known) and not (
                prev and prev[0][:1].isupper()
            ):
                out.append(Mention(m.start(), m.end(), None, head, head, None, None, "anaphor"))
    return out
