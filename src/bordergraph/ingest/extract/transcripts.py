"""Speaker labels of a transcript: a paragraph opened by an upper-case label and a colon
("SECRETARY OKAFOR:", "THE VICE PRESIDENT:", "UNDERSECRETARY RUIZ SOTO:") is that person speaking
at the event the release reports. The label is resolved to a person of the release by the
name words left once the post's words are taken out, else by the post alone when one person
holds it. Labels that name no one (``transcript_skip``: "MODERATOR:", "Q:") are skipped.
"""

from __future__ import annotations

import re
from functools import cache

from ...graph.iris import fold
from .lexicon import load
from .roles import RoleFact

_LABEL = re.compile(r"^\s*(?P<label>[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .,'’-]{1,60}?)\s*(?:\([^)]*\))?\s*:\s+\S")


@cache
def _post_words(lang: str) -> frozenset[str]:
    titles = load(lang, "titles")
    words = {w for h in titles.get("heads", []) for w in fold(h).split()}
    words |= {w for h in titles.get("lower_heads", []) for w in fold(h).split()}
    words |= {
        w for h in titles.get("ranks", []) + titles.get("honorifics", []) for w in fold(h).split()
    }
    return frozenset(words | {fold(w) for w in load(lang, "roles").get("transcript_fillers", [])})


def speaker_labels(sents, body, people, event: int | None, lang: str) -> list[RoleFact]:  # type: ignore[no-untyped-def]
    """A speaker role at ``event`` for each person a transcript's label names."""
    if event is None or not people:
        return []
    skip = {fold(w) for w in load(lang, "roles").get("transcript_skip", [])}
    posts = _post_words(lang)
    out: list[RoleFact] = []
    for i, s in enumerate(sents):
        if not (i in body or s in body):
            continue
        m = _LABEL.match(s.text)
        if not m or not any(c.islower() for c in s.text[m.end("label") :]):
            continue
        label = fold(m.group("label"))
        if not label or label in skip or len(label.split()) > 6:
            continue
        names = [w for w in label.split() if w not in posts]
        fillers = {fold(w) for w in load(lang, "roles").get("transcript_fillers", [])}
        post = " ".join(w for w in label.split() if w not in fillers)
        found = _by_name(names, people) if names else _by_post(post, people)
        if found is not None:
            out.append(RoleFact(found, event, "speaker", i))
    return out


def _by_name(words: list[str], people) -> int | None:  # type: ignore[no-untyped-def]
    hits = [i for i, p in enumerate(people) if set(words) <= set(fold(p.name).split())]
    return hits[0] if len(hits) == 1 else None


def _by_post(label: str, people) -> int | None:  # type: ignore[no-untyped-def]
    hits = [i for i, p in enumerate(people) if p.head and fold(p.head) == label]
    hits = hits or [i for i, p in enumerate(people) if p.post and fold(p.post) == label]
    return hits[0] if len(hits) == 1 else None
