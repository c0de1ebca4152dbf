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


def plural_list(text, toks, i, head, size_at, joiners):  # type: ignore[no-untyped-def]
    """ "los presidentes A y B": one mention per listed name with the singular post (for a
    language whose names :func:`_plural` does not read)."""
    found = []
    j = i + 1
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
    if len(found) < 2:
        return [], i + 1
    out = []
    for a, b in found:
        n_real = len([t for t in toks[a:b] if not re.fullmatch(r"[A-Z]\.", t.text)
                      and t.text[:1].isupper()])
        out.append(Mention(toks[a].start, toks[b - 1].end, span(text, toks, a, b), head, head,
                           None, None, "full" if n_real >= 2 else "short"))
    return out, j
