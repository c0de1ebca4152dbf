"""Group a release's person mentions into people: "Secretary Blinken", "the Secretary" and
"Secretary of State Antony J. Blinken" are one person, named at the fullest mention.

>>> from .people import Mention
>>> ms = [[Mention(0, 9, "Antony J. Blinken", "Secretary of State", "Secretary")],
...       [Mention(0, 5, "Blinken", "Secretary", "Secretary", kind="short"),
...        Mention(9, 20, None, "Secretary", "Secretary", kind="anaphor")]]
>>> people, ids = cluster(ms, "en")
>>> [p.name for p in people], ids
(['Antony J. Blinken'], [[0], [0, 0]])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ...graph.iris import fold
from .lexicon import load
from .people import Mention


@dataclass
class PersonCluster:
    name: str
    post: str | None = None
    head: str | None = None
    org: str | None = None
    country: str | None = None
    first: tuple[int, int] = (0, 0)  # sentence, position of the first mention
    mentions: list[tuple[int, Mention]] = field(default_factory=list)

    @property
    def tokens(self) -> list[str]:
        return name_tokens(self.name)


def name_tokens(name: str) -> list[str]:
    """Folded name words without initials and suffixes: "Joseph R. Biden, Jr." -> joseph biden."""
    return list(_name_tokens(name))  # a fresh list: callers compare lists


@lru_cache(maxsize=16384)
def _name_tokens(name: str) -> tuple[str, ...]:
    # cached: clustering asks for the tokens of the same few names over and over
    words = fold(re.sub(r",?\s+(?:Jr|Sr)\.?$", "", name)).split()
    return tuple(w for w in words if len(w) > 1)


def _contains(big: list[str], small: list[str]) -> int:
    """Position of ``small`` as a run inside ``big``, -1 when absent."""
    for i in range(len(big) - len(small) + 1):
        if big[i : i + len(small)] == small:
            return i
    return -1


@cache
def _honorifics(lang: str) -> frozenset[str]:
    return frozenset(load(lang, "titles").get("honorifics", []))


@cache
def _synonyms(lang: str) -> dict[str, list[str]]:
    return load(lang, "titles").get("head_synonyms", {})


def _compatible(head: str | None, cluster: PersonCluster, lang: str) -> bool:
    if not head or not cluster.head or head == cluster.head:
        return True
    if head in _honorifics(lang) or cluster.head in _honorifics(lang):
        return True  # "Mr. Brooks" is Brooks whatever his post
    if head.endswith(" " + cluster.head) or cluster.head.endswith(" " + head):
        return True  # "Secretary Osorio Chong" is "the Interior Secretary"
    return cluster.head in _synonyms(lang).get(head, []) or head in _synonyms(lang).get(
        cluster.head, []
    )


def cluster(
    mentions: list[list[Mention]], lang: str
) -> tuple[list[PersonCluster], list[list[int]]]:
    """People and, per sentence, the person index of each mention (-1 when unresolved)."""
    people: list[PersonCluster] = []
    ids = [[-1] * len(ms) for ms in mentions]
    order = sorted(
        (
            (0 if m.kind == "full" else 1 if m.kind == "short" else 2, s, i)
            for s, ms in enumerate(mentions)
            for i, m in enumerate(ms)
        )
    )
    index = _Index()
    for rank, s, i in order:
        m = mentions[s][i]
        if m.kind == "anaphor":
            ids[s][i] = _anaphor(m, s, people, ids, lang, index)
            continue
        toks = name_tokens(m.name or "")
        best = -1
        # Only people sharing the name's words can match (see _Index): linear, not quadratic.
        for p_i in index.candidates(toks, rank == 0):
            p = people[p_i]
            pos = (
                _contains(p.tokens, toks)
                if len(toks) <= len(p.tokens)
                else _contains(toks, p.tokens)
            )
            same_first = (
                len(toks) >= 2
                and len(p.tokens) >= 2
                and toks[0] == p.tokens[0]
                and toks[-1] == p.tokens[-1]
            )
            alone = len(p.tokens) == 1 or (len(toks) == 1 and rank == 0)
            inside = pos > 0 or (pos == 0 and alone)
            better = best < 0 or (m.head and people[best].head != m.head and p.head == m.head)
            if (same_first or (inside and _compatible(m.head, p, lang))) and better:
                best = p_i
                if not m.head or p.head == m.head:
                    break  # no later person can be better
        if best < 0:
            people.append(PersonCluster(m.name or "", first=(s, m.start)))
            best = len(people) - 1
        _absorb(people[best], s, m)
        index.add(best, people[best].tokens)
        ids[s][i] = best
    for p in people:
        p.name = " ".join(p.name.split())  # a name or post wrapped over a line break
        p.post = " ".join(p.post.split()) if p.post else p.post
        p.mentions.sort(key=lambda x: (x[0], x[1].start))
        p.first = (p.mentions[0][0], p.mentions[0][1].start)
    return people, ids


def _absorb(p: PersonCluster, s: int, m: Mention) -> None:
    p.mentions.append((s, m))
    if (m.name and len(name_tokens(m.name)) > len(p.tokens)) or (
        m.name and len(name_tokens(m.name)) == len(p.tokens) and len(m.name) > len(p.name)
    ):
        p.name = m.name
    if m.post and (p.post is None or (m.kind == "full" and len(m.post) > len(p.post))):
        p.post, p.head = m.post, m.head
    elif p.head is None and m.head:
        p.head = m.head
    p.org = p.org or m.org
    p.country = p.country or m.country


def _anaphor(
    m: Mention,
    s: int,
    people: list[PersonCluster],
    ids: list[list[int]],
    lang: str,
    index: _Index,
) -> int:
    """ "the Secretary" -> the first person introduced with that title, preferring one not named
    in the same sentence."""
    here = set(ids[s])
    cands = index.by_head(people, m.head)
    if not cands:
        return -1
    # (p_i in here, p.first, p_i) is least at the first candidate not named here, else the first
    best = next((p_i for _, p_i in cands if p_i not in here), cands[0][1])
    people[best].mentions.append((s, m))
    return best


class _Index:
    """Which people a mention can join, without comparing it with every person.

    A name joins a person when one name's words are a run of the other's, or both share first
    and last word: so the candidates are the people filed under the name's runs (``runs``: every
    run of a person's words, ``exact``: its whole word list) and under its (first, last) pair.
    Entries are added as names grow and never removed; callers re-check each candidate.
    Anaphors come last, when heads no longer change: ``by_head`` files people by title once.
    """

    def __init__(self) -> None:
        self.runs: dict[tuple[str, ...], set[int]] = {}
        self.exact: dict[tuple[str, ...], set[int]] = {}
        self.ends: dict[tuple[str, str], set[int]] = {}
        self.single: set[int] = set()
        self.heads: dict[str | None, list[tuple[tuple[int, int], int]]] | None = None

    def add(self, p_i: int, tokens: list[str]) -> None:
        t = tuple(tokens)
        self.exact.setdefault(t, set()).add(p_i)
        if len(t) == 1:
            self.single.add(p_i)
        if len(t) >= 2:
            self.ends.setdefault((t[0], t[-1]), set()).add(p_i)
        for a in range(len(t)):
            for b in range(a + 1, len(t) + 1):
                self.runs.setdefault(t[a:b], set()).add(p_i)

    def candidates(self, tokens: list[str], full: bool) -> list[int]:
        t = tuple(tokens)
        found: set[int] = set()
        if t:
            found |= self.runs.get(t, set())
        else:
            found |= self.single  # a nameless mention joins a one-word name
        for a in range(len(t)):  # the person's whole name is a shorter run of this one
            for b in range(a, len(t) + 1):
                if b - a < len(t) and (b > a or (full and len(t) == 1)):
                    found |= self.exact.get(t[a:b], set())
        if len(t) >= 2:
            found |= self.ends.get((t[0], t[-1]), set())
        return sorted(found)

    def by_head(
        self, people: list[PersonCluster], head: str | None
    ) -> list[tuple[tuple[int, int], int]]:
        if self.heads is None:
            self.heads = {}
            for p_i, p in enumerate(people):
                keys = {p.head} | ({p.post.split(" of ")[0].split(" for ")[0]} if p.post else set())
                for key in keys:
                    self.heads.setdefault(key, []).append((p.first, p_i))
            for cands in self.heads.values():
                cands.sort()
        return self.heads.get(head, [])


def fill_countries(people: list[PersonCluster], lang: str, default: str | None) -> None:
    """Country from the gazetteer of leaders, then the release's default (its publisher's)."""
    leaders = [(name_tokens(leader["name"]), leader)
               for leader in load(lang, "people").get("leaders", [])]
    # Both tests below need the person's last name word among the leader's: index by it.
    by_word: dict[str, list[int]] = {}
    for i, (lt, _) in enumerate(leaders):
        for word in dict.fromkeys(lt):
            by_word.setdefault(word, []).append(i)
    heads = set(load(lang, "titles").get("leaders", []))
    for p in people:
        tokens = p.tokens
        if p.country or not tokens:
            p.country = p.country or _reference_country(p.name) or default
            continue
        for lt, leader in (leaders[i] for i in by_word.get(tokens[-1], ())):
            if _contains(lt, tokens) >= 0 or (
                tokens[-1] == lt[-1] and (tokens[0] == lt[0] or p.head in heads)
            ):
                p.country = leader["country"]
                break
        p.country = p.country or _reference_country(p.name) or default


def _reference_country(name: str) -> str | None:
    """The country the reference data gives a person (``data/reference/people.yaml``)."""
    from .port_names import reference_gazetteer

    gaz = reference_gazetteer()
    iri = gaz.lookup("person", name) if gaz is not None else None
    return gaz.country_of(iri) if iri is not None else None
